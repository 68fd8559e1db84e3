"""The saved sessions as a history: one entry per session, finding one, deleting them.

A finished session is read from its compact final record (`ID.json`), never
by replaying its journal; an unfinished one from its journal's first line (the
header), so listing a thousand sessions stays quick. A file that cannot be
read is left out of the list with a warning, never a failure of the whole.
Pure module: no textual import.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path

from rich.cells import cell_len, chop_cells

from mockint.core.codec import CodecError
from mockint.core.durations import format_duration
from mockint.core.ratings import LEVELS
from mockint.core.safetext import one_line
from mockint.core.userpaths import reason
from mockint.exporters.content import rating_average, session_totals
from mockint.session.record import Role, SessionRecord, decode_record
from mockint.analysis.attempts import question_histories
from mockint.analysis.drill import DEFAULT_COUNT, DrillPick, drill_pack, drill_picks
from mockint.core.clock import FakeClock
from mockint.core.model import Pack
from mockint.storage.autosave import (
    JOURNAL_SUFFIX, RECORD_SUFFIX, SessionNotFound, named_session, open_journal, read_header,
)
from mockint.storage.journal import JournalError, replay

SHORT_ID = 8
"""The characters of a session's id the history shows: enough to name it (export, delete take any prefix)."""
LATEST = "latest"
"""What names the most recently started session, where a session id is asked for."""


class Status(str, Enum):
    FINISHED = "finished"
    ENDED_EARLY = "ended_early"
    UNFINISHED = "unfinished"
    """Its journal has no final record beside it: `mockint resume` continues it."""

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass(frozen=True)
class SessionEntry:
    """One saved session as the history lists it."""

    id: str
    status: Status
    record: SessionRecord
    """The final record; for an unfinished session, the record as it was before its first command."""
    path: Path
    """The final record, or the journal of an unfinished session."""

    @property
    def started(self) -> datetime:
        return self.record.started_wall

    @property
    def finished(self) -> bool:
        return self.status is not Status.UNFINISHED

    @property
    def checklist_percent(self) -> int | None:
        return session_totals(self.record).checklist_percent if self.finished else None

    def average_rating(self, role: Role) -> float | None:
        """`role`'s levels as points, poor 1 to excellent 4; no evidence left out; None when none was given."""
        return rating_average(self.record.questions(), role).points


@dataclass
class History:
    """The saved sessions, newest first, and what could not be read."""

    entries: list[SessionEntry]
    warnings: list[str] = field(default_factory=list)

    def for_candidate(self, name: str | None) -> History:
        """Only the sessions `name` was the candidate in (case and outer spaces ignored); all for None."""
        if name is None:
            return self
        wanted = name.strip().casefold()
        return History([e for e in self.entries if e.record.candidate.strip().casefold() == wanted], self.warnings)

    def candidates(self) -> list[str]:
        """The candidates' names, each once (as `for_candidate` matches them), most recent first; unnamed left out."""
        names: dict[str, str] = {}
        for entry in self.entries:
            name = entry.record.candidate.strip()
            if name:
                names.setdefault(name.casefold(), name)
        return list(names.values())


def read_history(folder: Path) -> History:
    """Every session saved in `folder`, newest first."""
    try:
        names = {entry.name for entry in os.scandir(folder) if entry.is_file()}
    except FileNotFoundError:
        return History([])
    except OSError as error:
        return History([], [f"cannot read {one_line(folder)}: {reason(error)}"])
    history = History([])
    for name in sorted(names):
        stem, suffix = os.path.splitext(name)
        if name.startswith(".") or suffix not in (RECORD_SUFFIX, JOURNAL_SUFFIX):
            continue
        if suffix == JOURNAL_SUFFIX and stem + RECORD_SUFFIX in names:
            continue  # finished: its record is read instead
        entry = _read_entry(folder / name, history.warnings)
        if entry is not None:
            history.entries.append(entry)
    history.entries.sort(key=lambda entry: entry.started, reverse=True)
    return history


def _read_entry(path: Path, warnings: list[str]) -> SessionEntry | None:
    try:
        if path.suffix == JOURNAL_SUFFIX:
            record = read_header(path).record
            return SessionEntry(path.stem, Status.UNFINISHED, record, path)
        record = decode_record(path.read_bytes())
    except (CodecError, JournalError) as error:
        warnings.append(f"{one_line(path)} left out: {error}")
        return None
    except OSError as error:
        warnings.append(f"{one_line(path)} left out: {reason(error)}")
        return None
    status = Status.ENDED_EARLY if record.ended_early else Status.FINISHED
    return SessionEntry(path.stem, status, record, path)


def find_session(history: History, given: str) -> SessionEntry:
    """The latest session for `latest`, or the one `given` names (named_session)."""
    if given == LATEST:
        if not history.entries:
            raise SessionNotFound("no saved interviews")
        return history.entries[0]
    return named_session(history.entries, lambda entry: entry.id, given, "saved")


def drill_from(history: History, now: datetime, count: int = DEFAULT_COUNT, pack: str | None = None) -> list[DrillPick]:
    """What a drill asks now, from the finished sessions' questions (see mockint.analysis.drill)."""
    return drill_picks(question_histories(e.record for e in history.entries if e.finished), now, count, pack)


def drill_candidates(history: History) -> list[str]:
    """Whose a drill could be, when one from everyone's interviews would mix people's questions: the candidates
    named in the finished interviews that reached a question, most recent first, when they are more than one
    person's (interviews with no name count as one more); none when they are one person's."""
    finished = History([entry for entry in history.entries if entry.finished and _reached_a_question(entry)])
    names = finished.candidates()
    unnamed = any(not entry.record.candidate.strip() for entry in finished.entries)
    return names if len(names) + unnamed > 1 else []


def _reached_a_question(entry: SessionEntry) -> bool:
    return any(question.reached for question in entry.record.questions())


def drill_round(picks: list[DrillPick], current: Pack | None) -> Pack:
    """The drill as a pack to run: `current` is the picks' pack as found now, if it still is."""
    title = current.title if current is not None else picks[0].history.latest.pack_title
    return drill_pack(picks, current, title)


def full_record(entry: SessionEntry) -> SessionRecord:
    """The session's record as far as it went: the final record, or an unfinished session's journal replayed."""
    if entry.finished:
        return entry.record
    # A replay reads the steps' offsets, not a clock: any clock will do.
    return replay(open_journal(entry.path), FakeClock()).record


def delete_session(entry: SessionEntry) -> None:
    """Remove a session's files: its final record and its journal."""
    folder = entry.path.parent
    for suffix in (RECORD_SUFFIX, JOURNAL_SUFFIX):
        (folder / f"{entry.id}{suffix}").unlink(missing_ok=True)


# -- in words: the columns the command line and the history screen share --------

RATING = "Rating"
HISTORY_HEADINGS = ("Date", "Pack", "Mode", "Name", "Length", "Status", "Ticked", RATING, "Id")
"""`Name`: the candidate's. `Ticked`: the checklists' items ticked, in percent. `Rating`: average ratings, poor 1 to
excellent 4, each labelled by whose it is: `self 2.5`, and in pair mode `self 2.5 · int 3.0` (RATING_KEY)."""
RATING_KEY = f"{RATING}: averages of {len(LEVELS)}; self: the candidate's own, int: the interviewer's"
"""What the Rating column's labels mean, said under the table."""


def mode_text(record: SessionRecord) -> str:
    """`solo, practice` or `pair, pressure`."""
    return f"{'pair' if record.pair else 'solo'}, {record.mode.value}"


def points_text(points: float | None) -> str:
    return "–" if points is None else f"{points:.1f}"


def ratings_text(entry: SessionEntry) -> str:
    """`self 2.5`, or in pair mode `self 2.5 · int 3.0` (the interviewer's after): points of `len(LEVELS)`."""
    own = f"self {points_text(entry.average_rating(Role.SELF))}"
    return f"{own}{RATINGS_APART}int {points_text(entry.average_rating(Role.INTERVIEWER))}" if entry.record.pair else own


RATINGS_APART = " · "
"""Between a pair run's two averages; where a narrow Rating column breaks the cell."""


def history_cells(entry: SessionEntry) -> tuple[str, ...]:
    """The entry's row, in HISTORY_HEADINGS order; text from outside made printable on one line."""
    record = entry.record
    percent = entry.checklist_percent
    return (
        f"{entry.started.astimezone():%Y-%m-%d %H:%M}",
        one_line(record.pack_name),
        mode_text(record),
        one_line(record.candidate) or "–",
        format_duration(record.duration) if entry.finished else "–",
        entry.status.label,
        "–" if percent is None else f"{percent}%",
        ratings_text(entry),
        entry.id[:SHORT_ID],
    )


def history_json(entry: SessionEntry) -> dict[str, object]:
    """One session in `mockint history --json` (keys documented in the README)."""
    record = entry.record
    return {
        "id": entry.id,
        "started": entry.started.isoformat(),
        "pack": record.pack_name,
        "pack_title": record.pack_title,
        "mode": record.mode.value,
        "pair": record.pair,
        "candidate": record.candidate,
        "interviewer": record.interviewer,
        "duration_seconds": round(record.duration, 1) if entry.finished else None,
        "status": entry.status.value,
        "finished": entry.finished,
        "questions": len(record.questions()),
        "checklist_percent": entry.checklist_percent,
        "self_rating": _rounded(entry.average_rating(Role.SELF)),
        "interviewer_rating": _rounded(entry.average_rating(Role.INTERVIEWER)) if record.pair else None,
        "file": str(entry.path),
    }


def _rounded(points: float | None) -> float | None:
    return None if points is None else round(points, 2)


# -- laid out: the columns fitted to a width, by the command line and the history screen alike ---------

FIGURES = ("Length", "Ticked", RATING)
"""The columns of figures, set flush right."""
_NARROWEST = {"Date": 10, "Pack": 12, "Mode": 8, "Name": 8, "Status": 10, RATING: 8}
"""The columns that may take more than one line, and their narrowest when even their longest words do not fit
(then shortened): a pack's name breaks after its hyphens, a rating between its averages (each keeps its label on
its line), the others at their spaces."""
_LONGEST_PIECE = {"Pack": 20, "Name": 16}
"""A piece of a name longer than this is shortened (…) rather than the column widened for it."""
_GIVING_WAY = (("Date",), ("Mode",), ("Pack", "Name"), ("Status", RATING))
"""The order the columns narrow in: a date and a mode break cleanly in two, names at their hyphens and spaces;
a rating on one line reads best."""
DROPPED_FIRST = ("Length", "Mode")
"""Left out, in this order, when the names would otherwise be cut: how long a run took matters least, then its
mode (a pair run shows in its ratings anyway)."""
ELLIPSIS = "…"


@dataclass(frozen=True)
class HistoryLayout:
    """Which of HISTORY_HEADINGS' columns are shown and how wide, so that no word is cut in two."""

    columns: tuple[int, ...]
    """Indexes into HISTORY_HEADINGS, in order."""
    widths: tuple[int, ...]

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(HISTORY_HEADINGS[i] for i in self.columns)

    @property
    def dropped(self) -> tuple[str, ...]:
        return tuple(h for i, h in enumerate(HISTORY_HEADINGS) if i not in self.columns)

    def lines(self, cells: Sequence[str]) -> list[list[str]]:
        """Each shown cell of a row (history_cells) in the lines its column's width allows."""
        return [wrap_cell(HISTORY_HEADINGS[i], cells[i], width) for i, width in zip(self.columns, self.widths)]


def history_layout(rows: Sequence[Sequence[str]], width: int, spacing: int = 2) -> HistoryLayout:
    """The columns of `rows` (history_cells) fitted into `width` cells, `spacing` of them taken by each column
    besides its text; columns are left out (DROPPED_FIRST) rather than a rating broken, and a rating broken (at
    its `·`) rather than a name cut."""
    columns = list(range(len(HISTORY_HEADINGS)))
    for dropping in (None, *DROPPED_FIRST):
        if dropping is not None:
            columns.remove(HISTORY_HEADINGS.index(dropping))
        widths = _fitted(columns, rows, width - spacing * len(columns), whole_pieces=True, whole_rating=True)
        if widths is not None:
            return HistoryLayout(tuple(columns), widths)
    widths = _fitted(columns, rows, width - spacing * len(columns), whole_pieces=True)
    if widths is not None:
        return HistoryLayout(tuple(columns), widths)
    narrowest = _fitted(columns, rows, width - spacing * len(columns), whole_pieces=False)
    return HistoryLayout(tuple(columns), narrowest or tuple(_least(i, rows, False) for i in columns))


def _fitted(
    columns: list[int], rows: Sequence[Sequence[str]], room: int, whole_pieces: bool, whole_rating: bool = False
) -> tuple[int, ...] | None:
    """The columns' widths within `room`: each as wide as its text, giving way (_GIVING_WAY) down to its least
    (its longest piece, when `whole_pieces`; the whole rating, when `whole_rating`); None when even that is too
    wide."""
    widths = {i: max(cell_len(HISTORY_HEADINGS[i]), *(cell_len(row[i]) for row in rows)) for i in columns}
    least = {i: min(widths[i], _least(i, rows, whole_pieces)) for i in columns}
    if whole_rating:
        least[HISTORY_HEADINGS.index(RATING)] = widths[HISTORY_HEADINGS.index(RATING)]
    if sum(least.values()) > room:
        return None
    for group in _GIVING_WAY:
        giving = [i for i in columns if HISTORY_HEADINGS[i] in group]
        while giving and sum(widths.values()) > room and any(widths[i] > least[i] for i in giving):
            widest = max(giving, key=lambda i: widths[i] - least[i])
            widths[widest] = max(least[widest], _narrower(widest, rows, widths[widest]))
    return tuple(widths[i] for i in columns)


def _narrower(column: int, rows: Sequence[Sequence[str]], width: int) -> int:
    """The width the column's cells take broken into lines of less than `width`: the next width at which they
    break differently, so that no column is left wider than its lines."""
    heading = HISTORY_HEADINGS[column]
    lines = (line for row in rows for line in wrap_cell(heading, row[column], width - 1))
    return max(cell_len(heading), *(cell_len(line) for line in lines))


def _least(column: int, rows: Sequence[Sequence[str]], whole_pieces: bool) -> int:
    heading = HISTORY_HEADINGS[column]
    if heading not in _NARROWEST:
        return max(cell_len(heading), *(cell_len(row[column]) for row in rows))
    if not whole_pieces:
        return max(_NARROWEST[heading], cell_len(heading))
    longest = max(cell_len(piece.rstrip()) for row in rows for piece in _pieces(heading, row[column]))
    return max(cell_len(heading), min(longest, _LONGEST_PIECE.get(heading, longest)))


def _pieces(heading: str, text: str) -> list[str]:
    """Where a cell may break: after a pack name's hyphens, between a rating's averages, after the other texts'
    spaces."""
    if heading == RATING:
        return text.split(RATINGS_APART)
    return re.findall(r"[^-]+-*|-+", text) if heading == "Pack" else re.findall(r"[^ ]+ *| +", text)


def wrap_cell(heading: str, text: str, width: int) -> list[str]:
    """`text` of the column `heading` in lines of at most `width` cells, broken where `_pieces` allows; a piece
    too long for a line is shortened with an ellipsis, never carried on to the next line."""
    if heading == RATING:  # whole, or an average a line
        return [text] if cell_len(text) <= width else [ellipsised(part, width) for part in _pieces(heading, text)]
    lines: list[str] = []
    line = ""
    for piece in _pieces(heading, text) or [""]:
        if cell_len((line + piece).rstrip()) <= width:
            line += piece
            continue
        if line:
            lines.append(line.rstrip())
        line = piece if cell_len(piece.rstrip()) <= width else ellipsised(piece.rstrip(), width) + " "
    return [*lines, line.rstrip()]


def ellipsised(text: str, width: int) -> str:
    """`text` cut to `width` cells, its end an ellipsis when it had to be cut."""
    if cell_len(text) <= width:
        return text
    return chop_cells(text, max(1, width - 1))[0] + ELLIPSIS if width > 1 else ELLIPSIS[:width]
