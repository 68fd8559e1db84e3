"""The free-text box of the app: a TextArea that never holds more than MAX_CHARS characters,
and never a control character that could reach the terminal.

Every way text gets in is capped and made printable: a pasted control
character is kept as a visible escape such as `\x04`, as everywhere mockint
shows outside text (newlines and tabs stay; a pasted CR or CRLF is a line end).
From a terminal a paste never brings ESC itself: Textual's input parser takes
an ESC inside a paste as the start of a key sequence. Every way in is covered:
typing, a paste, `insert`/`replace` (all of them go through `edit`),
`load_text` (and the `text` setter, which calls it) and the text it is made with. What fits is kept; what does not is left out
and the candidate is told how much, never silently.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult

from mockint.core.safetext import has_unsafe_characters, printable

MAX_CHARS = 100_000
"""What one box holds: some 15,000 words, far past any answer. Textual's TextArea slows
with the length of the line being edited: at this cap a keypress takes about a tenth of
a second with everything on one line, and stays under 50 ms spread over lines or up to
20,000 characters on one line (bench/bench_typing.py); a megabyte pasted on one line
made every keypress take over a second."""

FULL_SUBTITLE = f"full: {MAX_CHARS:,} characters"


def cut_notice(cut: int) -> str:
    what = "1 character" if cut == 1 else f"{cut:,} characters"
    verb = "was" if cut == 1 else "were"
    return f"{what} did not fit and {verb} left out: a text box holds at most {MAX_CHARS:,} characters."


class CappedTextArea(TextArea):
    """A TextArea holding at most MAX_CHARS characters; text beyond that is cut and the cut announced.

    Each cut is announced with a notification naming how much was cut, except
    keys typed one by one into a box already announced full: those ring the
    bell instead of piling up notices, and the box's subtitle says it is full.
    """

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        text = printable(text)
        super().__init__(text[:MAX_CHARS], **kwargs)
        self._cut_before_mount = max(len(text) - MAX_CHARS, 0)
        self._full_announced = False

    def on_mount(self) -> None:
        # A widget cannot notify before it is mounted.
        self._after_change(self._cut_before_mount)

    def load_text(self, text: str) -> None:
        text = printable(text)
        super().load_text(text[:MAX_CHARS])
        self._after_change(max(len(text) - MAX_CHARS, 0))

    def edit(self, edit: Edit) -> EditResult:
        if has_unsafe_characters(edit.text):
            # Line ends pasted from other systems are line ends, not "\x0d" to show.
            text = edit.text.replace("\r\n", "\n").replace("\r", "\n")
            edit = replace(edit, text=printable(text))
        replaced = len(self.get_text_range(edit.top, edit.bottom))
        room = max(MAX_CHARS - len(self.text) + replaced, 0)
        cut = max(len(edit.text) - room, 0)
        if cut:
            edit = replace(edit, text=edit.text[:room])
        result = super().edit(edit)
        self._after_change(cut, typed_into_full=cut == 1 and room == 0)
        return result

    def _after_change(self, cut: int, typed_into_full: bool = False) -> None:
        full = len(self.text) >= MAX_CHARS
        self.border_subtitle = FULL_SUBTITLE if full else ""
        if not cut:
            self._full_announced = self._full_announced and full
        elif typed_into_full and self._full_announced:
            self.app.bell()
        else:
            self._full_announced = True
            self.notify(printable(cut_notice(cut)), title="Text cut", severity="warning", markup=False)
