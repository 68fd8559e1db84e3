"""The console's hosting status (`mockint host`): the line to give the candidate and what their terminal shows.

Drawn from `mockint.ui.hosting.Hosting`; it holds nothing of the candidate's
self-assessment but whether it is in.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widgets import Static

from mockint.ui import user_commands
from mockint.ui.hosting import Hosting
from mockint.ui.widgets.keys import first_key
from mockint.ui.widgets.plain import plain

SEPARATOR = " · "


class HostingStatus(Static):
    DEFAULT_CSS = """
    HostingStatus { height: auto; padding: 0 1; background: $boost; }
    """

    hosting: Hosting | None = None

    def show(self, hosting: Hosting) -> None:
        self.hosting = hosting
        self.update(status_text(hosting, self.content_size.width))

    def on_resize(self, event: events.Resize) -> None:
        if self.hosting is not None:
            self.show(self.hosting)


def status_text(hosting: Hosting, width: int = 0) -> Content:
    """`Give the candidate: mockint join 127.0.0.1:8765 · code 482913`, then their side now, each part kept whole
    on its line: a line too narrow for the next part breaks before it, not inside it (`width` 0: no limit)."""
    give = plain("Give the candidate: ").stylize("bold") + plain(hosting.join_line)
    key = first_key(user_commands.AWAY_CLOCK.keys)
    side = [f"Candidate: {hosting.candidate_text()}", f"{hosting.clock_text()} ({key})", hosting.assessment_text()]
    lines = [*packed([give, plain(f"code {hosting.code}")], width), *packed([plain(p) for p in side if p], width)]
    return Content("\n").join(lines)


def packed(parts: list[Content], width: int) -> list[Content]:
    """`parts` joined by ` · ` into as few lines as fit `width` (a part wider than `width` has a line of its own)."""
    lines: list[Content] = []
    for part in parts:
        if lines and (width <= 0 or lines[-1].cell_length + len(SEPARATOR) + part.cell_length <= width):
            lines[-1] = lines[-1] + SEPARATOR + part
        else:
            lines.append(part)
    return lines
