"""A session's journal: what is written while an interview runs, and how a run is restored from it.

A journal is a file of JSON lines (format `mockint.journal/1`):

- line 1, a `JournalHeader`: the format, the session's id, the version of
  mockint that wrote it, and the session record as it was before its first
  command (every round and question being run is copied in it, so a journal
  resumes with no pack files);
- then one `mockint.session.commands.Step` per line, in order: the command,
  its offset in seconds since the session's start, and the decisions it took.

`JournalKeeper` decides which steps reach the journal and when. Transitions
are written as they happen. Typing (`EditDraft`, one per change, and
`EditForm` for a form's fields) is held back and written as one edit per
text from the text last saved (`EditDraft.between`), at the latest `SAVE_EVERY` seconds after it changed
and before any transition, so the journal grows with what is typed, not with
the square of a long answer. Ticks that changed nothing are left out, but one
is kept every `SAVE_EVERY` seconds: the offset a run resumes at is the last
step's, so after a crash the clocks lose at most that much.

`read_journal` takes what is good in a journal: a line cut off (the process
killed mid-write) or damaged ends it there, with a warning, and `restore`
replays it through a fresh engine. A journal or record of a newer format is
refused (JournalError), never misread. Pure module: no textual import.
"""

from __future__ import annotations

from dataclasses import dataclass

from msgspec import Struct

from mockint import __version__
from mockint.core.clock import Clock, FakeClock
from mockint.core.codec import CodecError, decode, encode
from mockint.session.commands import Done, EditDraft, EditForm, Step, Tick
from mockint.session.engine import SessionEngine
from mockint.session.record import Role, SessionRecord, check_format
from mockint.session.setup import ReplayError
from mockint.session.state import Finished

JOURNAL_FORMAT = "mockint.journal/1"
"""The name and version of the journal's format (its header's `format`)."""

SAVE_EVERY = 1.0
"""Seconds: typing, and the passing of time, reach the journal at least this often.
With the screen's tick (0.25 s) and the writer's queue, nothing older than 2 s is lost."""


class JournalError(Exception):
    """A journal that cannot be resumed at all (its header is unreadable, or of a newer format); user-facing."""


class JournalHeader(Struct, kw_only=True):
    """The first line of a journal."""

    format: str = JOURNAL_FORMAT
    session: str
    """The session record's id, which also names the journal's file."""
    saved_by: str = __version__
    """The mockint version that started the journal."""
    record: SessionRecord
    """The record before the first command: the rounds being run, the rules, the mode, who is who."""
    hosted: HostedRun | None = None
    """How the run was served to the candidate's terminal (`mockint host`); None when it was not, and in
    journals from before this was kept, which therefore resume on one terminal."""
    pack_source: str | None = None
    """Where the pack was read from (its folder, or its lone round file), to say where to find it again."""


class HostedRun(Struct, frozen=True, kw_only=True):
    """Where a hosted run listened: what resuming it hosts again on. Its join code is never kept: a resumed
    run gets a new one."""

    port: int
    """As asked for: 0 means any free port."""
    lan: bool = False


class _Format(Struct):
    format: str = ""


def header_line(record: SessionRecord, hosted: HostedRun | None = None, pack_source: str | None = None) -> bytes:
    """The journal's first line for a run of `record`, taken before any command is applied."""
    return encode(JournalHeader(session=record.id, record=record, hosted=hosted, pack_source=pack_source))


def step_line(step: Step) -> bytes:
    return encode(step)


# -- writing: which steps, when ------------------------------------------------


class JournalKeeper:
    """Turns the steps an engine applies into the journal's lines (without the newlines).

    Give it every step (`lines_for`); write the lines it returns, in order.
    `unsaved_lines` gives what it still holds back, for an exit.
    """

    def __init__(self, engine: SessionEngine, save_every: float = SAVE_EVERY, written_at: float = 0.0) -> None:
        self._engine = engine
        self._save_every = save_every
        self._state = engine.state
        self._saved_text = engine.draft
        """The text being typed as the journal has it."""
        self._typed = engine.draft
        self._saved_forms = self._typed_forms = _form_texts(engine.record)
        """The form fields' text as the journal has it, and as last typed."""
        self._first_unsaved: float | None = None
        """The offset of the first edit not in the journal yet."""
        self._last_edit_at = 0.0
        self._last_written_at = written_at
        self._quiet_tick: Step | None = None
        """The latest tick left out of the journal."""

    def lines_for(self, step: Step) -> list[bytes]:
        """The lines `step` (just applied by the engine) adds to the journal now."""
        command = step.command
        if isinstance(command, EditDraft):
            self._typed = self._engine.draft
            self._note_unsaved(step.at)
            return self._due(step.at)
        if isinstance(command, EditForm):
            self._typed_forms = _form_texts(self._engine.record)
            self._note_unsaved(step.at)
            return self._due(step.at)
        if isinstance(command, Tick) and self._engine.state is self._state and not step.decisions:
            self._quiet_tick = step
            return self._due(step.at)
        if isinstance(command, Done) and command.text is not None:
            # The answer's text goes in as an edit, like the typing before it: not the whole text again.
            self._typed = command.text
            self._note_unsaved(step.at)
            step = Step(step.at, Done(), step.decisions)
        lines = self._typing_lines()
        lines.append(step_line(step))
        self._state = self._engine.state
        self._saved_text = self._typed = self._engine.draft
        self._saved_forms = self._typed_forms = _form_texts(self._engine.record)
        self._last_written_at = step.at
        self._quiet_tick = None
        return lines

    def unsaved_lines(self) -> list[bytes]:
        """Everything held back: the typing not yet written, and the time that has passed."""
        lines = self._typing_lines()
        if self._quiet_tick is not None and self._quiet_tick.at > self._last_written_at:
            lines.append(step_line(self._quiet_tick))
            self._last_written_at = self._quiet_tick.at
        self._quiet_tick = None
        return lines

    @property
    def finished(self) -> bool:
        return isinstance(self._engine.state, Finished)

    def _note_unsaved(self, at: float) -> None:
        if self._first_unsaved is None:
            self._first_unsaved = at
        self._last_edit_at = at

    def _due(self, at: float) -> list[bytes]:
        lines: list[bytes] = []
        if self._first_unsaved is not None and at - self._first_unsaved >= self._save_every:
            lines = self._typing_lines()
        if self._quiet_tick is not None and at - self._last_written_at >= self._save_every:
            lines += self.unsaved_lines()
        return lines

    def _typing_lines(self) -> list[bytes]:
        if self._first_unsaved is None:
            return []
        self._first_unsaved = None
        edits = [edit for edit in (self._answer_edit(), *self._form_edits()) if edit is not None]
        steps = [Step(self._last_edit_at, edit) for edit in edits]
        self._last_written_at = max(self._last_written_at, self._last_edit_at) if steps else self._last_written_at
        return [step_line(step) for step in steps]

    def _answer_edit(self) -> EditDraft | None:
        edit = EditDraft.between(self._saved_text or "", self._typed or "")
        self._saved_text = self._typed
        return None if edit.is_empty else edit

    def _form_edits(self) -> list[EditForm]:
        saved, current = self._saved_forms, self._typed_forms
        self._saved_forms = current
        fields = sorted(saved.keys() | current.keys())
        edits = [EditForm.between(role, field, saved.get((role, field), ""), current.get((role, field), ""))
                 for role, field in fields]  # fmt: skip
        return [edit for edit in edits if not edit.is_empty]


def _form_texts(record: SessionRecord) -> dict[tuple[Role, str], str]:
    return {(role, field): text for role, fields in record.form_drafts.items() for field, text in fields.items()}


# -- reading and restoring -------------------------------------------------------


@dataclass
class Journal:
    """What is good in a journal file: its header, its steps, and what was wrong after them."""

    header: JournalHeader
    steps: list[Step]
    good_lines: list[bytes]
    """The header's and the steps' lines as read (no newlines): what to keep when the rest is dropped."""
    warnings: list[str]

    @property
    def damaged(self) -> bool:
        return bool(self.warnings)


def read_journal(data: bytes, name: str = "the journal") -> Journal:
    """The good part of a journal's bytes; raises JournalError when not even its header is usable."""
    lines = data.split(b"\n")
    header = _read_header(lines[0], name)
    steps: list[Step] = []
    warnings: list[str] = []
    good = [lines[0]]
    last = len(lines) - 1  # after the final newline comes an empty piece, or a line cut off
    for number, line in enumerate(lines[1:], start=2):
        if number - 1 == last:
            if line.strip():
                warnings.append(f"{name}: line {number} was cut off as it was written; kept up to line {number - 1}")
            break
        try:
            steps.append(decode(line, Step))
        except CodecError as error:
            warnings.append(f"{name}: line {number} is damaged ({error}); kept up to line {number - 1}")
            break
        good.append(line)
    return Journal(header, steps, good, warnings)


def _read_header(line: bytes, name: str) -> JournalHeader:
    if b"\n" in line or not line.strip():
        raise JournalError(f"{name} is empty: there is nothing to resume")
    try:
        found = decode(line, _Format).format
    except CodecError as error:
        raise JournalError(f"{name} has a damaged first line and cannot be resumed ({error})") from error
    _check_journal_format(found)
    try:
        header = decode(line, JournalHeader)
        check_format(header.record.format)
    except CodecError as error:
        raise JournalError(f"{name} cannot be resumed: {error}") from error
    return header


def _check_journal_format(found: str) -> None:
    try:
        check_format(found, known=JOURNAL_FORMAT, kind="journal")
    except CodecError as error:
        raise JournalError(f"{error}. Resume it with the mockint that saved it, or a newer one.") from error


def replay(journal: Journal, clock: Clock) -> SessionEngine:
    """An engine that has run every good step of `journal`, continuing now at the last step's offset.

    The time the session was away does not count: its clocks read as they did
    at the last step. A step that does not replay ends the journal there, with a warning.
    """
    engine, replayed = _replayed(journal)
    if replayed < len(journal.steps):
        journal.steps = journal.steps[:replayed]
        journal.good_lines = journal.good_lines[: replayed + 1]
        engine, _ = _replayed(journal)
    at = journal.steps[-1].at if journal.steps else 0.0
    return SessionEngine(engine.record, clock, state=engine.state, at=at)


def _replayed(journal: Journal) -> tuple[SessionEngine, int]:
    """A fresh engine over a copy of the header's record, run through the steps until one does not fit."""
    record = decode(encode(journal.header.record), SessionRecord)
    engine = SessionEngine(record, FakeClock(start=0.0))  # a replay reads the steps' offsets, not a clock
    for index, step in enumerate(journal.steps):
        try:
            engine.replay(step)
        except ReplayError as error:
            journal.warnings.append(f"step {index + 1} of the journal does not replay ({error}); kept the steps before it")
            return engine, index
    return engine, len(journal.steps)
