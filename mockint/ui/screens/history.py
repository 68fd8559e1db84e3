"""The saved interviews, newest first, in the columns `mockint history` prints; one opens on its summary.

The summary of a saved interview is the end-of-run summary, whose `e` exports
it; leaving it comes back here. `a` shows every question's attempts side by
side (mockint.ui.screens.attempts).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from mockint.core.safetext import printable
from mockint.core.userpaths import reason, shown
from mockint.storage.history import HISTORY_HEADINGS, History, SessionEntry, full_record, history_cells, read_history
from mockint.session.record import SessionRecord
from mockint.storage.journal import JournalError
from mockint.ui import user_commands
from mockint.ui.screens.summary import SummaryScreen
from mockint.ui.widgets.plain import plain

NO_SESSIONS = "No saved interviews yet. Every interview is saved as it goes, in {folder}."


class HistoryTable(DataTable):
    """The sessions; enter opens the highlighted one, as a command with a footer label."""

    BINDINGS = user_commands.bindings(user_commands.OPEN_SESSION)


class HistoryScreen(Screen[None]):
    CSS_PATH = "history.tcss"
    BINDINGS = user_commands.bindings(user_commands.BACK, user_commands.ATTEMPTS)

    def __init__(self, folder: Path) -> None:
        """`folder`: where the sessions are saved (the data folder's `sessions/`)."""
        super().__init__()
        self.folder = folder
        self.history: History = read_history(folder)

    def compose(self) -> ComposeResult:
        count = len(self.history.entries)
        title = f"Saved interviews: {count}, newest first"
        yield Static(plain(title, single_line=True), id="history-title")
        if count:
            yield HistoryTable(id="history-table", cursor_type="row", zebra_stripes=True)
        else:
            yield Static(plain(NO_SESSIONS.format(folder=shown(self.folder))), id="history-empty")
        yield Footer()

    def on_mount(self) -> None:
        for warning in self.history.warnings:
            self.notify(printable(warning, single_line=True), title="Not listed", severity="warning", markup=False)
        if not self.history.entries:
            return
        table = self.query_one(HistoryTable)
        rows = {entry.id: [plain(cell, single_line=True) for cell in history_cells(entry)] for entry in self.history.entries}
        for index, heading in enumerate(HISTORY_HEADINGS):
            table.add_column(heading, width=max(len(heading), *(row[index].cell_length for row in rows.values())))
        for key, cells in rows.items():
            table.add_row(*cells, key=key)
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        entry = next(e for e in self.history.entries if e.id == event.row_key.value)
        self.open_session(entry)

    def open_session(self, entry: SessionEntry) -> None:
        try:
            record = full_record(entry)
        except (JournalError, OSError) as error:
            text = str(error) if isinstance(error, JournalError) else f"{shown(entry.path)}: {reason(error)}"
            self.notify(printable(text, single_line=True), title="Cannot open", severity="error", markup=False)
            return
        self.app.push_screen(SavedSummaryScreen(record))

    def action_attempts(self) -> None:
        from mockint.ui.screens.attempts import AttemptsScreen

        self.app.push_screen(AttemptsScreen([entry.record for entry in self.history.entries if entry.finished]))

    def action_back(self) -> None:
        self.app.pop_screen()


class SavedSummaryScreen(SummaryScreen, inherit_bindings=False):
    """A saved interview's summary: saved already, so leaving asks nothing; back goes to the history."""

    def __init__(self, record: SessionRecord) -> None:
        super().__init__(record)
        self.exported = True  # it is saved: nothing is lost by leaving

    BINDINGS = user_commands.bindings(user_commands.BACK_TO_HISTORY, user_commands.EXPORT)

    def action_back(self) -> None:
        self.app.pop_screen()
