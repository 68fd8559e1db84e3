"""The end of a run: time, challenges, checklist and rating per question, and the totals.

Going home before the transcript is exported asks first: the
summary is the only place the run still exists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from mockint.durations import format_clock
from mockint.exporters.content import totals_text
from mockint.insights import session_insights
from mockint.record import Outcome, QuestionRecord, SessionRecord
from mockint.screens.confirm import Choice, ChoiceScreen
from mockint.screens.summary_table import TABLE_MARGIN, TableLayout, lay_out, summary_rows
from mockint.widgets.plain import plain

LEAVE_QUESTION = "Leave without exporting? This interview's transcript is not saved anywhere else."
QUIT_QUESTION = "Quit without exporting? This interview's transcript is not saved anywhere else."


@dataclass(frozen=True)
class Totals:
    answered: int
    no_answer: int
    skipped: int
    not_reached: int
    answering_time: float
    """Main answers and challenge answers."""
    session_time: float
    """The whole run, intros and reviews included (pauses not): the transcript's total time."""
    average_rating: float | None
    checklist_ticked: int
    checklist_total: int

    @property
    def checklist_percent(self) -> int | None:
        return round(100 * self.checklist_ticked / self.checklist_total) if self.checklist_total else None


def has_answer(question: QuestionRecord) -> bool:
    """Something was typed and handed in: done with text, or cut off by the clock with text."""
    return question.outcome is Outcome.ANSWERED or (question.outcome is Outcome.CUT_OFF and bool(question.answer.strip()))


def session_totals(record: SessionRecord) -> Totals:
    questions = record.questions()
    outcomes = [q.outcome for q in questions]
    ratings = [q.rating for q in questions if q.rating]
    round_lists = [(r.checked, r.checklist) for r in record.rounds]
    lists = [(q.checked, q.checklist) for q in questions] + round_lists + [(record.checked, record.checklist)]
    answered = sum(has_answer(q) for q in questions)
    skipped = outcomes.count(Outcome.SKIPPED)
    not_reached = outcomes.count(Outcome.NOT_REACHED)
    return Totals(
        answered=answered,
        no_answer=len(questions) - answered - skipped - not_reached,
        skipped=skipped,
        not_reached=not_reached,
        answering_time=sum(q.total_time_used for q in questions),
        session_time=record.duration,
        average_rating=sum(ratings) / len(ratings) if ratings else None,
        checklist_ticked=sum(len(checked & set(items)) for checked, items in lists),
        checklist_total=sum(len(items) for _, items in lists),
    )


def totals_line(totals: Totals) -> str:
    rating = f"{totals.average_rating:.1f}/5" if totals.average_rating is not None else "not rated"
    percent = totals.checklist_percent
    checklist = f"{percent}% ({totals.checklist_ticked}/{totals.checklist_total})" if percent is not None else "none"
    parts = [
        f"Answered {totals.answered}",
        *([f"no answer {totals.no_answer}"] if totals.no_answer else []),
        f"skipped {totals.skipped}",
        *([f"not reached {totals.not_reached}"] if totals.not_reached else []),
        f"answering time {format_clock(totals.answering_time)} (with challenges)",
        f"session {format_clock(totals.session_time)}",
        f"average rating {rating}",
        f"checklist {checklist}",
    ]
    return " · ".join(parts)


class SummaryScreen(Screen[None]):
    CSS_PATH = "summary.tcss"
    # The DataTable takes enter for its cursor, so leaving is a priority binding.
    BINDINGS = [
        Binding("enter,escape", "home", "Home", priority=True,
                tooltip="Back to the list of packs (asks first if the transcript is not exported)"),
        Binding("e", "export", "Export", tooltip="Save the transcript as Markdown, JSON or HTML"),
    ]

    def __init__(self, record: SessionRecord) -> None:
        super().__init__()
        self.record = record
        self.exported = False
        """A transcript of this run has been written: leaving loses nothing."""
        self._rows = summary_rows(record)
        self._layout: TableLayout | None = None

    def compose(self) -> ComposeResult:
        record = self.record
        status = "ended early" if record.ended_early else "finished"
        yield Static(plain(f"{record.pack_title} · {record.mode.value} mode · {status}"), id="summary-title")
        yield DataTable(id="summary-table", cursor_type="row", zebra_stripes=True)
        yield Static(plain(totals_line(session_totals(record))), id="summary-totals")
        yield Static(plain("Typed: " + totals_text(session_insights(record))), id="summary-insights")
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
        from mockint.screens.export_dialog import ExportDialog

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

    def action_home(self) -> None:
        """Back home; before an export, ask: export first, leave anyway, or stay."""
        self._leave_asking(LEAVE_QUESTION, Choice("leave", "Leave", "l", "error"), self._go_home)

    def confirm_quit(self) -> bool:
        """Quitting the app from here loses the transcript unless it was exported: ask first."""
        if self.exported:
            return False
        self._leave_asking(QUIT_QUESTION, Choice("leave", "Quit", "q", "error"), self.app.exit)
        return True

    def _leave_asking(self, question: str, leave: Choice, then: Callable[[], object]) -> None:
        if self.exported:
            then()
            return

        def answered(choice: str | None) -> None:
            if choice == "leave":
                then()
            elif choice == "export":
                self._export(then=then)

        choices = (Choice("export", "Export", "e", "primary"), leave, Choice("cancel", "Cancel", "c"))
        self.app.push_screen(ChoiceScreen(question, choices, default="export"), answered)

    def _go_home(self) -> None:
        show_home = getattr(self.app, "show_home", None)
        if callable(show_home):
            show_home()
        elif len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.exit()
