"""The end of a run: each question's figures, the totals and what to practise next.

Every figure and word comes from `exporters.content`, the transcripts' own, so
the screen and an export agree; this screen only lays them out.

Going home before the transcript is exported asks first: the
summary is the only place the run still exists.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from mockint.exporters import content
from mockint.analysis.insights import SessionInsights, session_insights
from mockint.analysis.practise import practise_next
from mockint.session.record import SessionRecord
from mockint.ui import user_commands
from mockint.ui.screens.confirm import Choice, ChoiceScreen
from mockint.ui.screens.summary_table import TABLE_MARGIN, TableLayout, lay_out, table_rows
from mockint.ui.widgets.keys import first_key
from mockint.ui.widgets.plain import plain
from mockint.core.userpaths import shown

LEAVE_QUESTION = "Leave without exporting? This interview's transcript is not saved anywhere else."
QUIT_QUESTION = "Quit without exporting? This interview's transcript is not saved anywhere else."


def practise_text(record: SessionRecord, insights: SessionInsights) -> str:
    """The transcripts' "Practise next", as lines for the screen: `1. ask (round): reasons`."""
    items = practise_next(record, totals=insights)
    if not items:
        return "Practise next: " + content.practise_none(record)
    lines = ["Practise next:"]
    for number, item in enumerate(items, start=1):
        where = record.rounds[item.round_index].title
        lines.append(f"{number}. {item.question.ask} ({where}): {', '.join(item.reasons)}")
    return "\n".join(lines)


def pair_text(record: SessionRecord) -> str:
    """A pair run's calibration, each round's scorecard and the overall decision; s swaps the roles."""
    lines = [f"{content.CALIBRATION}: {line}" if i == 0 else f"  ⚑ {line}"
             for i, line in enumerate(content.calibration_lines(record))]  # fmt: skip
    for round_ in record.rounds:
        for label, text in content.scorecard_lines(round_):
            lines.append(f"{round_.title} · {label}: {text}")
    advance = content.advance_text(record)
    if advance:
        lines.append(f"{content.ADVANCE} {advance}")
    lines.append(f"{content.COUNTED}: {content.counted_text(record)}")
    lines.append(f"{first_key(user_commands.SWAP_ROLES.keys)} swaps the roles for the next interview.")
    return "\n".join(lines)


def typed_text(record: SessionRecord, insights: SessionInsights) -> str:
    """What was typed over the run; in a pair run, the interviewer's notes and labelled so."""
    label, figures = content.typed_figures(record, insights)
    return f"{label}: {figures}"


def title_text(record: SessionRecord) -> str:
    """The pack, how the run went (a pair run: who interviewed whom) and whether it finished."""
    status = "ended early" if record.ended_early else "finished" if record.finished else "unfinished"
    run = f"{record.mode.value} mode"
    if record.pair:
        run = f"{content.mode_label(record)}: {content.who_interviewed(record)}"
    return f"{record.pack_title} · {run} · {status}"


class SummaryScreen(Screen[None]):
    CSS_PATH = "summary.tcss"
    BINDINGS = user_commands.bindings(user_commands.GO_HOME, user_commands.EXPORT, user_commands.SWAP_ROLES)

    def __init__(self, record: SessionRecord, saved_in: Path | None = None) -> None:
        """`saved_in`: the file the run is saved in, when it is (then leaving loses nothing)."""
        super().__init__()
        self.record = record
        self.saved_in = saved_in
        self.exported = saved_in is not None
        """The run is kept (saved, or a transcript of it written): leaving loses nothing."""
        self._insights = session_insights(record)
        self._rows = table_rows(record, self._insights)
        self._layout: TableLayout | None = None

    def compose(self) -> ComposeResult:
        record = self.record
        yield Static(plain(title_text(record)), id="summary-title")
        yield DataTable(id="summary-table", cursor_type="row", zebra_stripes=True)
        # The totals and practise-next scroll on their own, so a short terminal keeps room for the table.
        with VerticalScroll(id="summary-report"):
            if self.saved_in is not None:
                export = first_key(user_commands.EXPORT.keys)
                yield Static(plain(f"Saved in {shown(self.saved_in)} · {export} exports a transcript"), id="summary-saved")
            yield Static(plain(content.totals_line(content.session_totals(record))), id="summary-totals")
            yield Static(plain(typed_text(record, self._insights)), id="summary-insights")
            yield Static(plain(practise_text(record, self._insights)), id="summary-practise")
            if record.pair:
                yield Static(plain(pair_text(record)), id="summary-pair")

        yield Footer()

    def on_mount(self) -> None:
        self._fill_table()

    def on_resize(self) -> None:
        self._fill_table()

    def _fill_table(self) -> None:
        """(Re)build the table for the terminal's width: the question takes the room the figures leave."""
        layout = lay_out(self._rows, self.app.size.width - TABLE_MARGIN)
        if layout == self._layout:
            return
        self._layout = layout
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        for title, width in zip(layout.columns, layout.widths):
            table.add_column(title, width=width)
        for row, cells, height in zip(self._rows, layout.rows, layout.heights):
            style = "bold" if row.is_round else ""
            table.add_row(*(plain(cell).stylize(style) for cell in cells), height=height)
        table.move_cursor(row=cursor)

    # -- export and leaving -------------------------------------------------

    def action_export(self) -> None:
        self._export()

    def _export(self, then: Callable[[], object] | None = None) -> None:
        """Open the export dialog; once it has written the transcript, call `then`."""
        # Imported here: the dialog is only needed once someone exports.
        from mockint.ui.screens.export_dialog import ExportDialog

        def exported(written: list[Path] | None) -> None:
            if not written:
                return
            self.exported = True
            if hasattr(self.app, "export_dir"):
                # The next export offers the folder that just worked.
                self.app.export_dir = written[0].parent
            if then is not None:
                then()

        folder = getattr(self.app, "export_dir", None) or Path.cwd()
        self.app.push_screen(ExportDialog(self.record, Path(folder)), exported)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.record.pair if action == "swap_roles" else True

    def action_swap_roles(self) -> None:
        """The next interview, names swapped (the app starts it); before an export, ask as leaving does."""
        swap = getattr(self.app, "swap_roles", None)
        refuses = getattr(self.app, "refuses_swap", None)
        if callable(swap) and not (callable(refuses) and refuses(self.record)):
            self._leave_asking(LEAVE_QUESTION, Choice(user_commands.LEAVE, "error"), lambda: swap(self.record))

    def action_home(self) -> None:
        """Back home; before an export, ask: export first, leave anyway, or stay."""
        self._leave_asking(LEAVE_QUESTION, Choice(user_commands.LEAVE, "error"), self._go_home)

    def confirm_quit(self) -> bool:
        """Quitting the app from here loses the transcript unless it was exported: ask first."""
        if self.exported:
            return False
        self._leave_asking(QUIT_QUESTION, Choice(user_commands.QUIT_UNEXPORTED, "error"), self.app.exit)
        return True

    def _leave_asking(self, question: str, leave: Choice, then: Callable[[], object]) -> None:
        if self.exported:
            then()
            return

        def answered(choice: str | None) -> None:
            if choice == leave.id:
                then()
            elif choice == user_commands.EXPORT_FIRST.id:
                self._export(then=then)

        choices = (Choice(user_commands.EXPORT_FIRST, "primary"), leave, Choice(user_commands.CANCEL))
        self.app.push_screen(ChoiceScreen(question, choices, default=user_commands.EXPORT_FIRST.id), answered)

    def _go_home(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.exit()
