"""The end of a run: time, challenges, checklist and rating per question, and the totals."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from mockint.durations import format_clock
from mockint.exporters.content import totals_text
from mockint.insights import session_insights
from mockint.record import ChallengeStatus, QuestionRecord, SessionRecord

COLUMNS = ("Question", "Time", "Challenges", "Checklist", "Rating")
QUESTION_WIDTH = 32


def time_cell(question: QuestionRecord) -> str:
    if not question.reached:
        return "not reached"
    used = f"{format_clock(question.time_used)} / {format_clock(question.limit)}"
    if question.overtime >= 1:
        used += f" +{format_clock(question.overtime)}"
    return used + (" skipped" if question.skipped else "")


def challenges_cell(question: QuestionRecord) -> str:
    if not question.challenges:
        return "none"
    posed = len(question.posed_challenges)
    not_needed = sum(c.status is ChallengeStatus.NOT_NEEDED for c in question.challenges)
    return f"{posed} posed" + (f", {not_needed} not needed" if not_needed else "")


def checklist_cell(question: QuestionRecord) -> str:
    return f"{len(question.checked)}/{len(question.checklist)}" if question.checklist else "-"


def shorten(text: str, width: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


@dataclass(frozen=True)
class SummaryRow:
    cells: tuple[str, ...]
    is_round: bool = False
    """A round's heading row: its title in the first cell, the rest empty."""


def summary_rows(record: SessionRecord) -> list[SummaryRow]:
    """A heading row per round, then one row per question of it."""
    rows = []
    for round_record in record.rounds:
        rows.append(SummaryRow((shorten(round_record.title, QUESTION_WIDTH), "", "", "", ""), is_round=True))
        for question in round_record.questions:
            rows.append(SummaryRow((
                "  " + shorten(question.ask, QUESTION_WIDTH - 2),
                time_cell(question),
                challenges_cell(question),
                checklist_cell(question),
                f"{question.rating}/5" if question.rating else "-",
            )))
    return rows


@dataclass(frozen=True)
class Totals:
    answered: int
    skipped: int
    not_reached: int
    time_used: float
    average_rating: float | None
    checklist_ticked: int
    checklist_total: int

    @property
    def checklist_percent(self) -> int | None:
        return round(100 * self.checklist_ticked / self.checklist_total) if self.checklist_total else None


def session_totals(record: SessionRecord) -> Totals:
    questions = record.questions()
    ratings = [q.rating for q in questions if q.rating]
    round_lists = [(r.checked, r.checklist) for r in record.rounds]
    lists = [(q.checked, q.checklist) for q in questions] + round_lists + [(record.checked, record.checklist)]
    return Totals(
        answered=sum(q.reached and not q.skipped for q in questions),
        skipped=sum(q.skipped for q in questions),
        not_reached=sum(not q.reached for q in questions),
        time_used=sum(q.total_time_used for q in questions),
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
        f"skipped {totals.skipped}",
        *([f"not reached {totals.not_reached}"] if totals.not_reached else []),
        f"total time {format_clock(totals.time_used)}",
        f"average rating {rating}",
        f"checklist {checklist}",
    ]
    return " · ".join(parts)


class SummaryScreen(Screen[None]):
    CSS_PATH = "summary.tcss"
    # The DataTable takes enter for its cursor, so leaving is a priority binding.
    BINDINGS = [
        Binding("enter,escape", "home", "Home", priority=True),
        Binding("e", "export", "Export"),
    ]

    def __init__(self, record: SessionRecord) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        record = self.record
        status = "ended early" if record.ended_early else "finished"
        yield Static(f"{record.pack_title} · {record.mode.value} mode · {status}", id="summary-title", markup=False)
        yield DataTable(id="summary-table", cursor_type="row", zebra_stripes=True)
        yield Static(totals_line(session_totals(record)), id="summary-totals", markup=False)
        yield Static("Typed: " + totals_text(session_insights(record)), id="summary-insights", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        for row in summary_rows(self.record):
            style = "bold" if row.is_round else ""
            table.add_row(*(Text(cell, style=style) for cell in row.cells))

    def action_export(self) -> None:
        # Imported here: the dialog is only needed once someone exports.
        from mockint.screens.export_dialog import ExportDialog

        folder = getattr(self.app, "export_dir", None) or Path.cwd()
        self.app.push_screen(ExportDialog(self.record, Path(folder)), self._exported)

    def _exported(self, written: list[Path] | None) -> None:
        if written and hasattr(self.app, "export_dir"):
            # The next export offers the folder that just worked.
            self.app.export_dir = written[0].parent

    def action_home(self) -> None:
        show_home = getattr(self.app, "show_home", None)
        if callable(show_home):
            show_home()
        elif len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.exit()
