"""The summary's table: a row per round and per question, laid out for the terminal's width.

Wide terminals get a column per figure and the question takes whatever width
is left; narrow ones fold the figures into one labelled column so the question
stays readable. Pure functions of the record and a width: the screen only
puts the result in a DataTable.
"""

from __future__ import annotations

import textwrap
from itertools import islice
from dataclasses import dataclass

from mockint.exporters import content
from mockint.analysis.insights import SessionInsights, session_insights
from mockint.session.record import SessionRecord
from mockint.core.safetext import printable

WIDE_COLUMNS = ("Question", "Status", "Time", "Checklist", "Rating")
NARROW_COLUMNS = ("Question", "Details")
QUESTION_MIN_WIDTH = 24
"""Below this the figures fold into one column rather than squeeze the question."""
WIDE_QUESTION_LINES = 2
NARROW_DETAILS_WIDTH = 28
CELL_PADDING = 1
"""DataTable's default padding each side of a cell."""
SCROLLBAR_WIDTH = 2
TABLE_MARGIN = 2
"""The table's left and right margin on the summary screen (summary.tcss)."""
INDENT = "  "


def shorten(text: str, width: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: max(width - 1, 0)] + "…"


def wrap(text: str, width: int, max_lines: int) -> list[str]:
    """`text` in lines of at most `width`; an ellipsis ends the last line when it does not all fit."""
    lines = textwrap.wrap(" ".join(text.split()), width) or [""]
    if len(lines) <= max_lines:
        return lines
    return [*lines[: max_lines - 1], shorten(" ".join(lines[max_lines - 1 :]) + " …", width)]


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]
    """Question, status, time, checklist, rating, unwrapped: one line each but the time, which puts the
    challenges' time on a line of its own (`content.question_time_lines`)."""
    is_round: bool = False
    """A round's heading row: its title in the first cell, the rest empty."""


def table_rows(record: SessionRecord, insights: SessionInsights | None = None) -> list[TableRow]:
    """A heading row per round, then one row per question of it, with the transcript's figures.

    The figures are `content.summary_rows`, the transcripts' own, so the screen
    and an export cannot disagree. Pack text is made printable here, before it
    is measured: an escape such as `\\u202e` takes six cells, not the one (or
    none) of the character it shows.
    """
    figures = iter(content.summary_rows(record, insights or session_insights(record)))
    rows = []
    for round_record in record.rounds:
        rows.append(TableRow((printable(round_record.title, single_line=True), *[""] * 4), is_round=True))
        for row in islice(figures, len(round_record.questions)):
            cells = (printable(row.ask), row.status, "\n".join(row.time_lines or (row.time,)), row.checklist, row.rating)
            rows.append(TableRow(tuple("\n".join(" ".join(line.split()) for line in cell.split("\n")) for cell in cells)))
    return rows


@dataclass(frozen=True)
class TableLayout:
    columns: tuple[str, ...]
    widths: tuple[int, ...]
    rows: list[tuple[str, ...]]
    """Each cell's text, lines joined by newlines."""
    heights: list[int]


def content_width(table_width: int, column_count: int) -> int:
    """The width left for cell text in a table `table_width` wide."""
    return table_width - SCROLLBAR_WIDTH - 2 * CELL_PADDING * column_count


def lay_out(rows: list[TableRow], table_width: int) -> TableLayout:
    """A column per figure if the question keeps QUESTION_MIN_WIDTH, otherwise the folded layout."""
    figures = [max(len(header), *(_longest_line(row.cells[i]) for row in rows)) for i, header in enumerate(WIDE_COLUMNS) if i]
    question_width = content_width(table_width, len(WIDE_COLUMNS)) - sum(figures)
    if question_width >= QUESTION_MIN_WIDTH:
        return _wide(rows, (question_width, *figures))
    return _narrow(rows, table_width)


def _wide(rows: list[TableRow], widths: tuple[int, ...]) -> TableLayout:
    cells, heights = [], []
    for row in rows:
        question = _question_lines(row, widths[0], WIDE_QUESTION_LINES)
        cells.append(("\n".join(question), *row.cells[1:]))
        heights.append(max(len(question), *(cell.count("\n") + 1 for cell in row.cells[1:])))
    return TableLayout(WIDE_COLUMNS, widths, cells, heights)


def _narrow(rows: list[TableRow], table_width: int) -> TableLayout:
    questions = [row for row in rows if not row.is_round]
    longest = max((len(line) for row in questions for line in _details_lines(row)), default=0)
    details_width = min(longest, NARROW_DETAILS_WIDTH)
    question_width = max(content_width(table_width, len(NARROW_COLUMNS)) - details_width, 1)
    cells, heights = [], []
    for row in rows:
        details = [] if row.is_round else _wrapped_details(row, details_width)
        question = _question_lines(row, question_width, max(len(details), 1))
        cells.append(("\n".join(question), "\n".join(details)))
        heights.append(max(len(question), len(details), 1))
    return TableLayout(NARROW_COLUMNS, (question_width, details_width), cells, heights)


def _question_lines(row: TableRow, width: int, max_lines: int) -> list[str]:
    if row.is_round:
        return [shorten(row.cells[0], width)]
    return [INDENT + line for line in wrap(row.cells[0], width - len(INDENT), max_lines)]


def _details_lines(row: TableRow) -> list[str]:
    _, status, time, checklist, rating = row.cells
    return [status, *(f"time {line}" if i == 0 else line for i, line in enumerate(time.split("\n"))),
            f"checklist {checklist} · rating {rating}"]  # fmt: skip


def _longest_line(cell: str) -> int:
    return max(len(line) for line in cell.split("\n"))


def _wrapped_details(row: TableRow, width: int) -> list[str]:
    return [part for line in _details_lines(row) for part in wrap(line, width, max_lines=2)]
