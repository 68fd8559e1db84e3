"""Rich rendering for the command line's `list` output.

Imported lazily by mockint.cli, so rich loads only when something is printed.
Never imports textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from mockint.core.durations import format_duration
from mockint.core.model import Pack
from mockint.core.safetext import one_line, printable
from mockint.core.userpaths import short_path

from mockint.storage.history import FIGURES, RATING_KEY, HistoryLayout, SessionEntry, history_cells, history_layout

if TYPE_CHECKING:
    from mockint.packs.discovery import Library


class _PipeConsole(Console):
    def on_broken_pipe(self) -> None:
        # Rich would exit the process itself; re-raise so the command line
        # handles a closed pipe in one place, with one exit status.
        self.quiet = True
        raise BrokenPipeError


def make_console() -> Console:
    return _PipeConsole()


def print_library(library: Library, console: Console) -> None:
    """The packs as tables, then shadowed packs, then broken files with their first error."""
    if not library.packs:
        console.print("No interview packs found.")
    for where, packs in _by_location(library.packs).items():
        # A line of its own, not the table's title: a title wraps at the table's width.
        console.print(Text(where, style="bold"), soft_wrap=True)
        console.print(packs_table(packs))
        console.print()
    if library.shadowed:
        console.print("Shadowed packs (an earlier directory has a pack of the same name):")
        for shadowed in library.shadowed:
            name, hidden, by = (one_line(part) for part in (shadowed.name, shadowed.hidden, shadowed.by))
            _print_line(console, f"  {name} in {hidden} is shadowed by {by}")
        console.print()
    if library.broken:
        console.print("Broken files (their packs are not offered; see mockint validate):")
        for broken in library.broken:
            more = len(broken.diagnostics) - 1
            suffix = f" (and {more} more)" if more > 0 else ""
            _print_line(console, f"  {broken.first}{suffix}")


def _by_location(packs: Sequence[Pack]) -> dict[str, list[Pack]]:
    """Packs grouped by where they were found (`origin: directory`), in discovery order.

    One table per directory keeps long paths out of the rows, so the table
    fits an 80-column terminal.
    """
    groups: dict[str, list[Pack]] = {}
    for pack in packs:
        where = short_path(pack.source.parent) if pack.source is not None else "-"
        groups.setdefault(f"{pack.origin}: {one_line(where)}", []).append(pack)
    return groups


def packs_table(packs: Sequence[Pack]) -> Table:
    table = Table()
    table.add_column("Name", no_wrap=True)
    table.add_column("Title", ratio=1)
    table.add_column("Rounds", justify="right", no_wrap=True)
    table.add_column("Questions", justify="right", no_wrap=True)
    table.add_column("Time", justify="right", no_wrap=True)
    for pack in packs:
        table.add_row(
            Text(one_line(pack.name)),
            Text(printable(pack.title)),
            str(len(pack.rounds)),
            str(pack.question_count),
            format_duration(pack.total_time),
        )
    return table


def print_history(entries: Sequence[SessionEntry], console: Console, folder: Path) -> None:
    """The saved sessions, newest first, as one table (the history screen's columns, fitted alike).

    Laid out here rather than by a rich Table, which takes most of a second over a
    thousand rows: names and dates wrap within their column, figures never do.
    """
    if not entries:
        console.print(Text(f"No saved interviews in {one_line(short_path(folder))}."), soft_wrap=True)
        return
    rows = [history_cells(entry) for entry in entries]
    layout = history_layout(rows, console.width + len(_GAP), spacing=len(_GAP))
    for line in text_table(layout, rows):
        console.file.write(line + "\n")
    console.print(Text(f"({RATING_KEY})"))
    if layout.dropped:
        console.print(Text(f"({' and '.join(layout.dropped)} left out to fit; --json has every column)"), soft_wrap=True)


_GAP = "  "


def text_table(layout: HistoryLayout, rows: Sequence[Sequence[str]]) -> list[str]:
    """`rows` under their headings in the columns `layout` chose."""
    right = [heading in FIGURES for heading in layout.headings]
    lines = _table_row([[heading] for heading in layout.headings], layout.widths, right)
    lines.append("─" * (sum(layout.widths) + len(_GAP) * (len(layout.widths) - 1)))
    for row in rows:
        lines += _table_row(layout.lines(row), layout.widths, right)
    return lines


def _table_row(cells: Sequence[Sequence[str]], widths: Sequence[int], right: Sequence[bool]) -> list[str]:
    height = max(len(lines) for lines in cells)
    return [
        _GAP.join(
            _pad(lines[n] if n < len(lines) else "", width, flush_right)
            for lines, width, flush_right in zip(cells, widths, right)
        ).rstrip()
        for n in range(height)
    ]


def _pad(text: str, width: int, flush_right: bool) -> str:
    gap = " " * (width - cell_len(text))
    return gap + text if flush_right else text + gap


def _print_line(console: Console, line: str) -> None:
    # Text, not a str: no markup parsing of file names; soft_wrap keeps paths on one line.
    # Broken files' lines are Diagnostics, already printable; the rest is made so by the caller.
    console.print(Text(line), soft_wrap=True)
