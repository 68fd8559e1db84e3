"""Every session saved as it happens: its journal and, once it ends, its final record, under `sessions/`.

In the data directory's `sessions/` folder (0700) each session has, named by its id:

- `ID.journal`: the journal (mockint.storage.journal), appended to as the
  session runs; a session whose journal has no record beside it is
  unfinished and can be resumed (`mockint resume`);
- `ID.json`: the final record, written whole (a temp file renamed) when the
  session ends: the `SessionRecord` (`mockint.session/1`) as compact JSON,
  read back by `mockint.session.record.decode_record`.

Files are 0600. `Autosave` is attached to a running engine (`engine.on_step`):
on the UI's thread it only encodes the lines `JournalKeeper` picks and queues
them; a worker thread does every file operation, so a slow disk never holds up
typing. What cannot be written is kept in `problems`; once a journal write has
failed the journal is left as it is (a gap would replay wrongly) and `failed`
says so. Pure module: no textual import.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from mockint.core.codec import encode
from mockint.core.newfile import PRIVATE_FILE_MODE, replace_file
from mockint.core.paths import make_private_dir
from mockint.core.safetext import one_line, quoted
from mockint.core.userpaths import reason
from mockint.exporters.content import who_interviewed
from mockint.session.commands import Step
from mockint.session.engine import SessionEngine
from mockint.session.state import Phase
from mockint.storage.journal import HostedRun, Journal, JournalHeader, JournalKeeper, header_line, read_journal

JOURNAL_SUFFIX = ".journal"
RECORD_SUFFIX = ".json"
CLOSE_WAIT_SECONDS = 10.0
"""How long an exit waits for the writer to finish what is queued."""

T = TypeVar("T")


class SessionNotFound(Exception):
    """No saved session matches what was asked for; user-facing."""


def journal_path(folder: Path, session_id: str) -> Path:
    return folder / f"{session_id}{JOURNAL_SUFFIX}"


def record_path(folder: Path, session_id: str) -> Path:
    return folder / f"{session_id}{RECORD_SUFFIX}"


# -- finding saved sessions ------------------------------------------------------


def unfinished_journals(folder: Path) -> list[Path]:
    """Journals with no final record beside them, the most recently written first."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    journals = [
        (entry.stat().st_mtime, Path(entry.path))
        for entry in entries
        if entry.name.endswith(JOURNAL_SUFFIX) and entry.is_file()
    ]
    names = {entry.name for entry in entries}
    unfinished = [(mtime, path) for mtime, path in journals if path.stem + RECORD_SUFFIX not in names]
    return [path for _mtime, path in sorted(unfinished, reverse=True)]


def find_unfinished(folder: Path, given: str | None) -> Path:
    """The latest unfinished session's journal, or the one `given` names (named_session)."""
    journals = unfinished_journals(folder)
    if given is None:
        if not journals:
            raise SessionNotFound(f"no unfinished interview to resume (sessions are saved in {one_line(folder)})")
        return journals[0]
    if not any(names_session(given, path.stem) for path in journals) and any(
        names_session(given, path.stem) for path in folder.glob(f"*{RECORD_SUFFIX}")
    ):
        raise SessionNotFound(f"interview {quoted(given)} has finished; there is nothing to resume")
    return named_session(journals, lambda path: path.stem, given, "unfinished")


def names_session(given: str, session_id: str) -> bool:
    """`given` names the session `session_id`: it is the id or the start of it, in any case."""
    return bool(given) and session_id.startswith(given.lower())


def named_session(sessions: Sequence[T], id_of: Callable[[T], str], given: str, kind: str) -> T:
    """The one of `sessions` that `given` names (by its id or the start of it): how a user names a session on
    the command line. SessionNotFound when none or several are; `kind` ("saved", "unfinished") says in it which
    sessions were looked among."""
    if not sessions:
        raise SessionNotFound(f"no {kind} interview {quoted(given)}: there are no {kind} interviews")
    matching = [session for session in sessions if names_session(given, id_of(session))]
    if len(matching) == 1:
        return matching[0]
    if matching:
        raise SessionNotFound(f"{quoted(given)} matches {len(matching)} {kind} interviews; give more of its id")
    raise SessionNotFound(f"no {kind} interview {quoted(given)} (mockint history lists them)")


def read_header(path: Path) -> JournalHeader:
    """A journal's first line only: enough to say which interview it is."""
    with open(path, "rb") as handle:
        first = handle.readline()
    return read_journal(first.rstrip(b"\n") + b"\n", name=one_line(path)).header


def open_journal(path: Path) -> Journal:
    """Read the good part of a journal; JournalError when it cannot be resumed, OSError when unreadable."""
    return read_journal(path.read_bytes(), name=one_line(path))


def discard(journal: Path) -> None:
    """Delete an unfinished session (its journal)."""
    journal.unlink(missing_ok=True)


# -- writing ----------------------------------------------------------------------


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


class Autosave:
    """Keeps one running session's journal and final record up to date, writing on a thread of its own."""

    def __init__(self, folder: Path, engine: SessionEngine, keeper: JournalKeeper, first: list[object]) -> None:
        self.folder = folder
        self.session_id = engine.record.id
        self.journal = journal_path(folder, self.session_id)
        self.record = record_path(folder, self.session_id)
        self.problems: list[str] = []
        """What could not be written, in words (appended by the writer's thread)."""
        self.failed = False
        """A journal write failed: the journal stops there, and the run is not safe on disk."""
        self._engine = engine
        self._keeper = keeper
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._descriptor: int | None = None
        self._record_written = False
        for item in first:
            self._queue.put(item)
        self._thread = threading.Thread(target=self._work, name=f"mockint-autosave-{self.session_id[:8]}", daemon=True)
        self._thread.start()
        engine.on_step = self.record_step

    @classmethod
    def start(
        cls, folder: Path, engine: SessionEngine, hosted: HostedRun | None = None, pack_source: str | None = None
    ) -> Autosave:
        """Save a session that has not started yet (call before its first command); `hosted` and `pack_source`
        go in the journal's header (JournalHeader)."""
        header = header_line(engine.record, hosted, pack_source)
        return cls(folder, engine, JournalKeeper(engine), [_Open(new=True), header])

    @classmethod
    def resume(cls, folder: Path, engine: SessionEngine, journal: Journal) -> Autosave:
        """Go on saving a session restored from `journal`; a damaged journal is first cut to its good part."""
        first: list[object] = []
        if journal.damaged:
            first.append(_Rewrite(b"".join(line + b"\n" for line in journal.good_lines)))
        first.append(_Open(new=False))
        written_at = journal.steps[-1].at if journal.steps else 0.0
        autosave = cls(folder, engine, JournalKeeper(engine, written_at=written_at), first)
        if engine.phase is Phase.FINISHED:
            autosave._write_record()
        return autosave

    # -- on the UI's thread ---------------------------------------------------------

    def record_step(self, step: Step) -> None:
        """The engine applied `step`: queue what the journal gets now (and the final record at the end)."""
        for line in self._keeper.lines_for(step):
            self._queue.put(line)
        if self._keeper.finished and not self._record_written:
            self._write_record()

    def save_now(self, timeout: float = CLOSE_WAIT_SECONDS) -> bool:
        """Write everything held back and wait until it is on disk; False if it could not be (see problems)."""
        if not self._thread.is_alive():
            return False
        for line in self._keeper.unsaved_lines():
            self._queue.put(line)
        done = threading.Event()
        self._queue.put(done)
        return done.wait(timeout) and not self.failed

    def close(self, timeout: float = CLOSE_WAIT_SECONDS) -> None:
        """Save what is held back, then stop the writer; the engine is no longer followed."""
        if self._engine.on_step == self.record_step:
            self._engine.on_step = None
        if self._thread.is_alive():
            for line in self._keeper.unsaved_lines():
                self._queue.put(line)
            self._queue.put(None)
            self._thread.join(timeout)

    @property
    def saved(self) -> bool:
        """The run is safe on disk so far."""
        return not self.failed

    def _write_record(self) -> None:
        self._record_written = True
        self._queue.put(_Record(encode(self._engine.record)))

    # -- on the writer's thread -------------------------------------------------------

    def _work(self) -> None:
        while True:
            items = list(self._take())
            lines = [item for item in items if isinstance(item, bytes)]
            if lines:
                self._append(b"".join(line + b"\n" for line in lines))
            for item in items:
                if not isinstance(item, bytes) and self._handle(item) is False:
                    return

    def _take(self) -> Iterator[object]:
        """The next item, waiting for it, then those already queued, up to the first that is not a line."""
        item = self._queue.get()
        yield item
        while isinstance(item, bytes):
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            yield item

    def _handle(self, item: object) -> bool:
        if item is None:
            self._close_journal()
            return False
        if isinstance(item, threading.Event):
            item.set()
        elif isinstance(item, _Open):
            self._open(item.new)
        elif isinstance(item, _Rewrite):
            self._attempt("cut the damaged journal to its good part", lambda: replace_file(self.journal, item.data))
        elif isinstance(item, _Record):
            self._attempt("save the finished interview", lambda: self._save_record(item.data))
        return True

    def _open(self, new: bool) -> None:
        def open_journal() -> None:
            make_private_dir(self.folder)
            flags = os.O_WRONLY | os.O_APPEND | (os.O_CREAT | os.O_EXCL if new else 0)
            self._descriptor = os.open(self.journal, flags, PRIVATE_FILE_MODE)
            os.fchmod(self._descriptor, PRIVATE_FILE_MODE)

        if not self._attempt("start the journal", open_journal):
            self.failed = True

    def _append(self, data: bytes) -> None:
        descriptor = self._descriptor
        if self.failed or descriptor is None:
            self.failed = True
            return
        if not self._attempt("save the interview", lambda: _write_all(descriptor, data)):
            self.failed = True
            self._close_journal()

    def _save_record(self, data: bytes) -> None:
        make_private_dir(self.folder)
        replace_file(self.record, data)
        if self._descriptor is not None:
            os.fsync(self._descriptor)

    def _close_journal(self) -> None:
        if self._descriptor is not None:
            descriptor, self._descriptor = self._descriptor, None
            self._attempt("close the journal", lambda: os.close(descriptor))

    def _attempt(self, what: str, action: Callable[[], object]) -> bool:
        try:
            action()
        except (OSError, ValueError) as error:
            where = one_line(self.folder)
            self.problems.append(f"could not {what} in {where}: {reason(error) if isinstance(error, OSError) else error}")
            return False
        return True


class _Open:
    def __init__(self, new: bool) -> None:
        self.new = new


class _Rewrite:
    def __init__(self, data: bytes) -> None:
        self.data = data


class _Record:
    def __init__(self, data: bytes) -> None:
        self.data = data


def started_text(header: JournalHeader) -> str:
    """`Pack title (practice), started 2026-01-15 09:30`, or for a pair run `Pack title (pair, practice: Ben
    interviews Ana), started …`: an unfinished session, in words."""
    record = header.record
    mode = f"pair, {record.mode.value}: {who_interviewed(record, 'interviews')}" if record.pair else record.mode.value
    started: datetime = record.started_wall
    return f"{record.pack_title} ({mode}), started {started.astimezone():%Y-%m-%d %H:%M}"
