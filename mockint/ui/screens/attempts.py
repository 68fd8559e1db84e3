"""Every question asked in the saved interviews, and the highlighted one's attempts side by side.

A column per attempt, oldest first: how it ended, time, words and pace,
fillers (in a pair run: the interviewer's notes, no pace, and the fillers and rambling counted), keywords and checklist covered, the ratings, and the round's keep /
stop / start; under them, small charts of the rating and the coverage over the
attempts. Questions are matched across interviews as mockint.analysis.attempts says.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from mockint.analysis.attempts import Attempt, QuestionHistory, question_histories
from mockint.core.ratings import LEVELS
from mockint.exporters import content
from mockint.session.record import Counter, Role, SessionRecord
from mockint.ui import user_commands
from mockint.ui.widgets.plain import plain

NO_ATTEMPTS = "No questions answered yet: the questions of saved interviews are listed here."


class AttemptsScreen(Screen[None]):
    CSS_PATH = "attempts.tcss"
    BINDINGS = user_commands.bindings(user_commands.BACK_TO_HISTORY)

    def __init__(self, records: Sequence[SessionRecord]) -> None:
        super().__init__()
        self.histories = question_histories(records)

    def compose(self) -> ComposeResult:
        yield Static(plain(f"Questions asked: {len(self.histories)} · their attempts, oldest first"), id="attempts-title")
        if not self.histories:
            yield Static(plain(NO_ATTEMPTS), id="attempts-empty")
        else:
            with Horizontal(id="attempts-body"):
                questions = OptionList(*(question_option(i, h) for i, h in enumerate(self.histories)), id="questions")
                questions.border_title = "Questions"
                yield questions
                with Vertical(id="attempts-pane"):
                    yield Static(id="attempts-ask")
                    yield DataTable(id="attempts-table", cursor_type="none", zebra_stripes=True)
                    yield Static(id="rating-label", classes="chart-label")
                    yield Sparkline([], id="rating-chart", summary_function=max)
                    yield Static(id="coverage-label", classes="chart-label")
                    yield Sparkline([], id="coverage-chart", summary_function=max)
        yield Footer()

    def on_mount(self) -> None:
        if self.histories:
            self.show(self.histories[0])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show(self.histories[int(event.option.id or 0)])

    def show(self, history: QuestionHistory) -> None:
        attempts = history.attempts
        self.query_one("#attempts-ask", Static).update(plain(f"{history.latest.question.ask.strip()}  ({history.key.pack})"))
        table = self.query_one("#attempts-table", DataTable)
        table.clear(columns=True)
        rows = [(label, [plain(cell, single_line=True) for cell in cells]) for label, cells in attempt_rows(attempts)]
        table.add_column("", width=max(len(label) for label, _ in rows))
        for number, attempt in enumerate(attempts):
            heading = f"{number + 1}. {attempt.started.astimezone():%Y-%m-%d}"
            table.add_column(heading, width=max(len(heading), *(cells[number].cell_length for _, cells in rows)))
        for label, cells in rows:
            table.add_row(plain(label).stylize("bold"), *cells)
        ratings = [a.rating_points for a in attempts]  # the chart draws None as 0, a gap
        coverage = [a.coverage_percent for a in attempts]
        self.query_one("#rating-label", Static).update(plain(f"Rating over time (poor 1 to excellent {len(LEVELS)}): {_series(ratings)}"))
        self.query_one("#rating-chart", Sparkline).data = [points or 0.0 for points in ratings]
        self.query_one("#coverage-label", Static).update(plain(f"Keywords and checklist covered, %: {_series(coverage)}"))
        self.query_one("#coverage-chart", Sparkline).data = coverage

    def action_back(self) -> None:
        self.app.pop_screen()


def question_option(index: int, history: QuestionHistory) -> Option:
    count = len(history.attempts)
    ask = " ".join(history.latest.question.ask.split())
    return Option(plain(f"{ask}\n{history.key.pack} · {count} attempt{'s' if count != 1 else ''}"), id=str(index))


def attempt_rows(attempts: Sequence[Attempt]) -> list[tuple[str, list[str]]]:
    """The figures compared, a row each, a cell per attempt."""
    rows: list[tuple[str, list[str]]] = [
        ("Ended", [content.question_status(a.question) for a in attempts]),
        ("Time", [content.question_time(a.question) for a in attempts]),
        ("Typed", [_typed(a) for a in attempts]),
        ("Pace", ["–" if a.pair else content.pace_text(a.insights) or "–" for a in attempts]),
        ("Fillers", [_counted(a, Counter.FILLER) if a.pair else str(a.insights.filler_total) for a in attempts]),
        ("Keywords", [_keywords(a) for a in attempts]),
        ("Checklist", [_checklist(a) for a in attempts]),
        ("Self", [content.rating_label(a.rating_of(Role.SELF)) for a in attempts]),
    ]
    if any(a.pair for a in attempts):
        rows.append(("Rambling", [_counted(a, Counter.RAMBLING) if a.pair else "–" for a in attempts]))
    if any(a.rating_of(Role.INTERVIEWER) is not None for a in attempts):
        rows.append(("Interviewer", [content.rating_label(a.rating_of(Role.INTERVIEWER)) for a in attempts]))
    rows += [
        ("Keep", [a.reflection.keep or "–" for a in attempts]),
        ("Stop", [a.reflection.stop or "–" for a in attempts]),
        ("Start", [a.reflection.start or "–" for a in attempts]),
    ]
    return rows


def _typed(attempt: Attempt) -> str:
    """What was typed; a pair run's text is the interviewer's notes, and says so."""
    typed = content.typed_text(attempt.insights)
    return f"{typed} of notes" if attempt.pair else typed


def _counted(attempt: Attempt, counter: Counter) -> str:
    """A pair run's figure is what the interviewer counted as the candidate spoke (their notes' fillers say
    nothing of the candidate)."""
    return f"{attempt.question.counts.get(counter, 0)} counted"


def _series(values: list[float | None]) -> str:
    return " → ".join("–" if value is None else f"{value:.0f}" for value in values)


def _keywords(attempt: Attempt) -> str:
    total = len(attempt.question.keywords)
    return f"{len(attempt.insights.covered)}/{total}" if total else "–"


def _checklist(attempt: Attempt) -> str:
    question = attempt.question
    if not question.checklist or not attempt.assessed:
        return "–"
    return f"{len(question.checked & set(question.checklist))}/{len(question.checklist)}"


