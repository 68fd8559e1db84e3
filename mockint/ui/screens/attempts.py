"""Every question asked in the saved interviews, and the highlighted one's attempts side by side.

A column per attempt, oldest first: how it ended, time, words and pace,
fillers (in a pair run: the interviewer's notes, no pace, and the fillers and rambling counted), keywords and checklist covered, the ratings, and the round's keep /
stop / start, the columns sharing the width; under them, small charts of the rating and the coverage over the
attempts, each on its whole scale (none for a single attempt: one is not a trend).
Questions are matched across interviews as mockint.analysis.attempts says.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.style import Style as VisualStyle
from textual.widget import Widget
from textual.widgets import DataTable, Footer, OptionList, Static
from textual.widgets.option_list import Option

from mockint.analysis.attempts import COVERAGE_SCALE, RATING_SCALE, Attempt, QuestionHistory, Scale, question_histories
from mockint.core.ratings import LEVELS
from mockint.exporters import content
from mockint.session.record import Counter, Role, SessionRecord
from mockint.ui import user_commands
from mockint.ui.widgets.plain import plain

NO_ATTEMPTS = "No questions answered yet: the questions of saved interviews are listed here."
ONE_ATTEMPT = "One attempt, not a trend: charts of the rating and the coverage show from the second attempt."
RATING_CHART = f"Rating over time, poor 1 to excellent {len(LEVELS)}"
PAIR_RATING_CHART = f"Rating over time (the lower of self and interviewer), poor 1 to excellent {len(LEVELS)}"
COVERAGE_CHART = "Keywords and checklist covered, 0 to 100%"
NARROWEST = 8
"""The least width of an attempt's column: narrower would break most words."""
BARS = "▁▂▃▄▅▆▇█"
EIGHTHS = len(BARS)
"""A row of a bar is filled in eighths."""
BAR_WIDTH, GAP = 3, " "
"""Each bar's width, and what stands between two."""


class AttemptsScreen(Screen[None]):
    CSS_PATH = "attempts.tcss"
    BINDINGS = user_commands.bindings(user_commands.BACK_TO_HISTORY)

    def __init__(self, records: Sequence[SessionRecord]) -> None:
        super().__init__()
        self.histories = question_histories(records)
        self.shown: QuestionHistory | None = self.histories[0] if self.histories else None
        """The question whose attempts are shown."""

    def compose(self) -> ComposeResult:
        yield Static(plain(f"Questions asked: {len(self.histories)} · their attempts, oldest first"), id="attempts-title")
        if not self.histories:
            yield Static(plain(NO_ATTEMPTS), id="attempts-empty")
        else:
            with Horizontal(id="attempts-body"):
                questions = OptionList(*(question_option(i, h) for i, h in enumerate(self.histories)), id="questions")
                questions.border_title = "Questions"
                yield questions
                # The pane scrolls as one when the wrapped table leaves the charts no room: the table's own
                # up and down reach it, the table having nothing of its own to scroll.
                with VerticalScroll(id="attempts-pane", can_focus=False):
                    yield Static(id="attempts-ask")
                    yield DataTable(id="attempts-table", cursor_type="none", zebra_stripes=True)
                    yield Static(plain(ONE_ATTEMPT), id="one-attempt")
                    with Vertical(id="trends"):
                        yield Static(plain(RATING_CHART), id="rating-label", classes="chart-label")
                        yield ScaleChart(RATING_SCALE, id="rating-chart")
                        yield Static(plain(COVERAGE_CHART), classes="chart-label")
                        yield ScaleChart(COVERAGE_SCALE, id="coverage-chart")
        yield Footer()

    def on_mount(self) -> None:
        if self.shown is not None:
            self.show(self.shown)

    def on_resize(self) -> None:
        if self.shown is not None:
            self.call_after_refresh(self._fill_table)  # once the table has its new width

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show(self.histories[int(event.option.id or 0)])

    def show(self, history: QuestionHistory) -> None:
        self.shown = history
        attempts = history.attempts
        self.query_one("#attempts-ask", Static).update(plain(f"{history.latest.question.ask.strip()}  ({history.key.pack})"))
        self._fill_table()
        trend = len(attempts) > 1
        self.query_one("#one-attempt").display = not trend
        self.query_one("#trends").display = trend
        self.query_one("#rating-label", Static).update(plain(rating_chart_label(attempts)))
        self.query_one("#rating-chart", ScaleChart).values = tuple(a.rating_points for a in attempts)
        self.query_one("#coverage-chart", ScaleChart).values = tuple(a.coverage_percent for a in attempts)

    def _fill_table(self) -> None:
        """The attempts side by side within the table's width: the attempts' columns share what the labels leave,
        their cells wrapped to it, rather than the last ones cut or scrolled to."""
        if self.shown is None:
            return
        attempts = self.shown.attempts
        table = self.query_one("#attempts-table", DataTable)
        table.clear(columns=True)
        rows = attempt_rows(attempts)
        headings = attempt_headings(attempts)
        label_width = max(cell_len(label) for label, _ in rows)
        spacing = 2 * table.cell_padding * (len(attempts) + 1)
        room = table.size.width - spacing - label_width  # as tall as its rows: no scrollbar of its own
        widths = shared_widths(_widest(headings, rows), room)
        heading_lines = [_wrapped(heading, width) for heading, width in zip(headings, widths)]
        table.header_height = max(len(lines) for lines in heading_lines)
        table.add_column("", width=label_width)
        for lines, width in zip(heading_lines, widths):
            table.add_column(plain("\n".join(lines)), width=width)
        for label, cells in rows:
            lines = [_wrapped(cell, width) for cell, width in zip(cells, widths)]
            table.add_row(
                plain(label).stylize("bold"), *(plain("\n".join(cell)) for cell in lines),
                height=max(len(cell) for cell in lines),
            )

    def action_back(self) -> None:
        self.app.pop_screen()


class ScaleChart(Widget):
    """A bar per attempt, oldest first, its value under it, on the figure's whole scale: each bar's track is
    the scale's top and its filled part the value (the scale's low end a sliver, so that it shows); no value,
    an empty track and `–`.

    Textual's Sparkline stretches its data's own lowest to highest over its height, so that two attempts
    rated 2 and 3 of 4 would read as nothing and everything, and it offers no fixed range.
    """

    DEFAULT_CSS = """
    ScaleChart {
        height: 3;
    }
    ScaleChart > .scale-chart--bar {
        color: $primary;
        background: $primary 15%;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"scale-chart--bar"}

    values: reactive[tuple[float | None, ...]] = reactive(())

    def __init__(self, scale: Scale, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scale = scale

    def render(self) -> Content:
        width, height = self.content_size
        bar_height = max(1, height - 1)  # the last row is for the values
        shown = self.values[-max(1, (width + len(GAP)) // (BAR_WIDTH + len(GAP))):]  # the latest, when all do not fit
        bars = [bar_glyphs(None if value is None else self.scale.share(value), bar_height) for value in shown]
        style = self.get_visual_style("scale-chart--bar")
        return Content("\n").join([*(bar_row(bars, row, style) for row in range(bar_height)), figures_row(shown)])


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
        # A solo attempt had no interviewer to rate it: a dash, not "not rated".
        interviewer = [content.rating_label(a.rating_of(Role.INTERVIEWER)) if a.pair else "–" for a in attempts]
        rows.append(("Interviewer", interviewer))
    rows += [
        ("Keep", [a.reflection.keep or "–" for a in attempts]),
        ("Stop", [a.reflection.stop or "–" for a in attempts]),
        ("Start", [a.reflection.start or "–" for a in attempts]),
    ]
    return rows


def rating_chart_label(attempts: Sequence[Attempt]) -> str:
    """What the rating chart plots: with a pair attempt among them, the lower of the two sides' levels."""
    return PAIR_RATING_CHART if any(a.pair for a in attempts) else RATING_CHART


def _typed(attempt: Attempt) -> str:
    """What was typed; a pair run's text is the interviewer's notes, and says so."""
    typed = content.typed_text(attempt.insights)
    return f"{typed} of notes" if attempt.pair else typed


def _counted(attempt: Attempt, counter: Counter) -> str:
    """A pair run's figure is what the interviewer counted as the candidate spoke (their notes' fillers say
    nothing of the candidate)."""
    return f"{attempt.question.counts.get(counter, 0)} counted"


def attempt_headings(attempts: Sequence[Attempt]) -> list[str]:
    """`1. 2 Mar`: an attempt's number and as much of its date as tells the attempts apart: the year when they
    span more than one, the time when two share a day."""
    starts = [attempt.started.astimezone() for attempt in attempts]
    years = {start.year for start in starts}
    days = [start.date() for start in starts]
    headings = []
    for number, start in enumerate(starts, 1):
        date = f"{start.day} {start:%b}" + (f" {start.year}" if len(years) > 1 else "")
        time = f" {start:%H:%M}" if days.count(start.date()) > 1 else ""
        headings.append(f"{number}. {date}{time}")
    return headings


def shared_widths(natural: Sequence[int], room: int) -> list[int]:
    """The attempts' column widths: each as wide as its widest cell when all fit in `room`; otherwise `room`
    shared, a column needing less than an even share keeping its width and leaving the rest to the others;
    never under NARROWEST (past that, the table scrolls sideways)."""
    if sum(natural) <= room:
        return list(natural)
    widths = list(natural)
    left = room
    narrowest_first = sorted(range(len(natural)), key=lambda i: natural[i])
    for position, column in enumerate(narrowest_first):
        widths[column] = min(natural[column], max(NARROWEST, left // (len(natural) - position)))
        left -= widths[column]
    return widths


def bar_glyphs(share: float | None, height: int) -> list[str]:
    """A bar `height` rows tall filled to `share` of it, top row first; the least share a sliver, None empty."""
    eighths = 0 if share is None else 1 + round(share * (EIGHTHS * height - 1))
    rows = [min(EIGHTHS, max(0, eighths - EIGHTHS * row)) for row in reversed(range(height))]
    return [BARS[filled - 1] if filled else " " for filled in rows]


def _widest(headings: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]]) -> list[int]:
    """Each attempt's widest text, heading or cell."""
    return [max(cell_len(heading), *(cell_len(cells[i]) for _, cells in rows)) for i, heading in enumerate(headings)]


def _wrapped(text: str, width: int) -> list[str]:
    """`text` on one printable line, then in lines of at most `width` cells, broken at spaces (a longer word
    folded)."""
    return [line.plain for line in plain(text, single_line=True).wrap(width)] or [""]


def bar_row(bars: Sequence[list[str]], row: int, style: VisualStyle) -> Content:
    """Row `row` of the bars (bar_glyphs), each BAR_WIDTH wide."""
    return Content(GAP).join(plain(bar[row] * BAR_WIDTH).stylize(style) for bar in bars)


def figures_row(values: Sequence[float | None]) -> Content:
    """The values, each under its bar."""
    return Content(GAP).join(plain(_figure(value).rjust(BAR_WIDTH)) for value in values)


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _keywords(attempt: Attempt) -> str:
    total = len(attempt.question.keywords)
    return f"{len(attempt.insights.covered)}/{total}" if total else "–"


def _checklist(attempt: Attempt) -> str:
    question = attempt.question
    if not question.checklist or not attempt.assessed:
        return "–"
    return f"{len(question.checked & set(question.checklist))}/{len(question.checklist)}"


