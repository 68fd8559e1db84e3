"""The console's hosting status (`mockint host`): the line to give the candidate and what their terminal shows.

Drawn from `mockint.ui.hosting.Hosting`; it holds nothing of the candidate's
self-assessment but whether it is in.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from mockint.ui import user_commands
from mockint.ui.hosting import Hosting
from mockint.ui.widgets.keys import first_key
from mockint.ui.widgets.plain import plain


class HostingStatus(Static):
    DEFAULT_CSS = """
    HostingStatus { height: auto; padding: 0 1; background: $boost; }
    """

    def show(self, hosting: Hosting) -> None:
        self.update(status_text(hosting))


def status_text(hosting: Hosting) -> Content:
    """Two lines: `Give the candidate: mockint join 127.0.0.1:8765 · code 482913`, then their side now."""
    give = plain("Give the candidate: ").stylize("bold") + plain(f"{hosting.join_line} · code {hosting.code}")
    key = first_key(user_commands.AWAY_CLOCK.keys)
    parts = [f"Candidate: {hosting.candidate_text()}", f"{hosting.clock_text()} ({key})"]
    assessment = hosting.assessment_text()
    if assessment:
        parts.append(assessment)
    return Content("\n").join([give, plain(" · ".join(parts))])
