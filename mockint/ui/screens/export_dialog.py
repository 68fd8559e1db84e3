"""Export the transcript from the summary: pick the format(s) and the folder, then write.

`push_screen(ExportDialog(record, folder), callback)`: the callback gets the
paths written, or None when cancelled. A failed export (missing folder, no
permission...) is shown as an error notification and the dialog stays open so
another folder can be typed.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioSet

from mockint.exporters import FORMATS, ExportError, export_session
from mockint.session.record import SessionRecord
from mockint.core.safetext import printable
from mockint.core.userpaths import shown
from mockint.ui import user_commands
from mockint.ui.widgets.toggles import ChoiceButton

CHOICES: dict[str, tuple[str, ...]] = {
    "md": ("md",),
    "json": ("json",),
    "html": ("html",),
    "all": FORMATS,
}
"""What each radio button writes; the first is selected by default."""

LABELS = {
    "md": "Markdown (.md)",
    "json": "JSON (.json)",
    "html": "HTML, printable (.html)",
    "all": "All three",
}


class ExportDialog(ModalScreen[list[Path] | None]):
    CSS_PATH = "export_dialog.tcss"
    BINDINGS = user_commands.bindings(user_commands.CANCEL_EXPORT)

    def __init__(self, record: SessionRecord, folder: Path) -> None:
        super().__init__()
        self.record = record
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Export the transcript", id="export-title")
            # Compact widgets keep the dialog within the 60x18 minimum terminal.
            with RadioSet(id="export-format", compact=True):
                for index, choice in enumerate(CHOICES):
                    yield ChoiceButton(LABELS[choice], value=index == 0, id=f"format-{choice}")
            yield Label("Folder", id="folder-label")
            yield self._folder_input()
            with Horizontal(id="buttons"):
                yield Button("Export", variant="primary", id="export", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def _folder_input(self) -> Input:
        """The folder box, holding the folder offered unless its name has control characters.

        An Input shows its value raw, so such a name would reach the terminal:
        the box is left empty instead (empty means this folder, see `target`)
        and the placeholder names the folder with its controls as escapes.
        """
        folder = str(self.folder)
        shown = printable(folder, single_line=True)
        if shown == folder:
            return Input(folder, id="export-folder", placeholder="folder to write into", compact=True)
        return Input("", id="export-folder", placeholder=f"{shown} (leave empty to use it)", compact=True)

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()

    @property
    def formats(self) -> tuple[str, ...]:
        pressed = self.query_one(RadioSet).pressed_button
        choice = pressed.id.removeprefix("format-") if pressed is not None and pressed.id else "md"
        return CHOICES[choice]

    @property
    def target(self) -> str | Path:
        """The folder as typed; the exporter expands `~` and reports what is wrong with it."""
        typed = self.query_one("#export-folder", Input).value.strip()
        return typed or self.folder

    @on(Button.Pressed, "#export")
    @on(Input.Submitted, "#export-folder")
    def _export(self, event: Button.Pressed | Input.Submitted) -> None:
        event.stop()
        self.action_export()

    @on(Button.Pressed, "#cancel")
    def _cancel(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def action_export(self) -> None:
        try:
            written = export_session(self.record, self.target, self.formats)
        except ExportError as error:
            # Stay open: the candidate can type another folder and try again. The message quotes
            # the typed path: shown as typed, never read as markup, no control character raw.
            self.notify(
                printable(str(error), single_line=True), title="Export failed", severity="error", markup=False
            )
            self.query_one("#export-folder", Input).focus()
            return
        names = ", ".join(path.name for path in written)
        self.notify(
            printable(f"Wrote {names} in {shown(written[0].parent)}", single_line=True), title="Exported", markup=False
        )
        self.dismiss(written)

    def action_cancel(self) -> None:
        self.dismiss(None)
