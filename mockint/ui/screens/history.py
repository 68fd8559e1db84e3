"""The saved interviews, newest first, in the columns `mockint history` prints; one opens on its summary.

The summary of a saved interview is the end-of-run summary, whose `e` exports
it; leaving it comes back here. `a` shows every question's attempts side by
side (mockint.ui.screens.attempts).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Select, Static

from mockint.core.safetext import printable
from mockint.core.userpaths import reason, shown
from mockint.storage.history import (
    RATING_KEY, History, HistoryLayout, SessionEntry, full_record, history_cells, history_layout, read_history,
)
from mockint.session.record import SessionRecord
from mockint.storage.journal import JournalError
from mockint.ui import user_commands
from mockint.ui.screens.summary import SummaryScreen
from mockint.ui.widgets.plain import plain

NO_SESSIONS = "No saved interviews yet. Every interview is saved as it goes, in {folder}."
EVERYONE = "Everyone"


class HistoryTable(DataTable):
    """The sessions; enter opens the highlighted one, as a command with a footer label."""

    BINDINGS = user_commands.bindings(user_commands.OPEN_SESSION)


def _cell(lines: list[str]) -> Content:
    return Content("\n").join(plain(line, single_line=True) for line in lines)


class CandidateChoice(Select[str]):
    """Whose interviews the history shows: one candidate's, by name, or everyone's (blank)."""


class HistoryScreen(Screen[None]):
    """Everyone's interviews at first: on a laptop people share, the screen cannot know who is at it, and after a
    role swap the last candidate is the other person; `c` chooses whose (the names are the candidates')."""

    CSS_PATH = "history.tcss"
    BINDINGS = user_commands.bindings(user_commands.BACK, user_commands.WHOSE_HISTORY, user_commands.ATTEMPTS)

    def __init__(self, folder: Path) -> None:
        """`folder`: where the sessions are saved (the data folder's `sessions/`)."""
        super().__init__()
        self.folder = folder
        self.history: History = read_history(folder)
        self.candidate: str | None = None
        """Whose interviews are shown, by the candidate's name; None for everyone's."""
        self.table_layout: HistoryLayout | None = None
        """The table's columns as last fitted to its width."""

    @property
    def shown(self) -> History:
        return self.history.for_candidate(self.candidate)

    def compose(self) -> ComposeResult:
        with Horizontal(id="history-top"):
            yield Static(self._title(), id="history-title")
            names = self.history.candidates()
            if names:
                options = [(plain(name, single_line=True), name) for name in names]
                yield CandidateChoice(options, prompt=EVERYONE, compact=True, id="history-candidate")
        yield Static("", id="history-dropped")
        if self.history.entries:
            yield HistoryTable(id="history-table", cursor_type="row", zebra_stripes=True)
            yield Static(plain(RATING_KEY), id="history-key")
        else:
            yield Static(plain(NO_SESSIONS.format(folder=shown(self.folder))), id="history-empty")
        yield Footer()

    def _title(self) -> Content:
        count, total = len(self.shown.entries), len(self.history.entries)
        whose = "" if self.candidate is None else f" of {self.candidate}"
        counted = f"{total}" if self.candidate is None else f"{count} of {total}"
        return plain(f"Saved interviews{whose}: {counted}, newest first", single_line=True)

    def _dropped_note(self) -> Content:
        dropped = self.table_layout.dropped if self.table_layout is not None else ()
        return plain(f"{' and '.join(dropped)} left out to fit: a wider terminal shows them" if dropped else "")

    def on_mount(self) -> None:
        for warning in self.history.warnings:
            self.notify(printable(warning, single_line=True), title="Not listed", severity="warning", markup=False)
        if self.history.entries:
            self.query_one(HistoryTable).focus()

    def on_resize(self) -> None:
        if self.history.entries:
            self.call_after_refresh(self._fill_table)  # once the table has its new width

    def _fill_table(self) -> None:
        """The table laid out as `mockint history` lays it out, to the table's width: names break at their
        hyphens and spaces, and columns are left out (said above it) rather than scrolled to."""
        table = self.query_one(HistoryTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        entries = self.shown.entries
        rows = {entry.id: history_cells(entry) for entry in entries}
        width = table.size.width - table.styles.scrollbar_size_vertical
        self.table_layout = history_layout(list(rows.values()), width, spacing=2 * table.cell_padding)
        for heading, column_width in zip(self.table_layout.headings, self.table_layout.widths):
            table.add_column(plain(heading), width=column_width)
        for key, cells in rows.items():
            lines = self.table_layout.lines(cells)
            table.add_row(*(_cell(cell) for cell in lines), key=key, height=max(len(cell) for cell in lines))
        table.move_cursor(row=min(cursor, table.row_count - 1))
        self.query_one("#history-title", Static).update(self._title())
        self.query_one("#history-dropped", Static).update(self._dropped_note())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Choosing whose history needs a name to choose.
        return action != "whose" or bool(self.history.candidates())

    def action_whose(self) -> None:
        choice = self.query_one(CandidateChoice)
        choice.focus()
        choice.action_show_overlay()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        candidate = None if event.value is Select.NULL else str(event.value)
        if candidate == self.candidate:
            return
        self.candidate = candidate
        self._fill_table()
        self.query_one(HistoryTable).focus()

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

        self.app.push_screen(AttemptsScreen([entry.record for entry in self.shown.entries if entry.finished]))

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
