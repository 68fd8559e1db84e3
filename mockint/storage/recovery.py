"""What is kept when mockint stops on an error it did not expect, or is ended by a signal.

A run is saved as it happens by its journal (mockint.storage.autosave), and
the app saves what was typed last into it as it ends; this writer then only
says so (`note_saved`). Its error console writes the traceback here (this
object is that console's file) instead of onto the screen, into `recovery/` in
the data directory (0700, files 0600); when that folder cannot be written, into
a fresh private folder in the system's temp directory instead.

Only when the run's journal could not be written does this writer keep the
run itself (`save_run`): as Markdown and JSON transcripts named like an export,
with a `.log` of the same name, so no work is lost on a full or read-only disk.
A signal (SIGTERM, SIGHUP, SIGINT from outside) ends the app without asking,
and is handled the same way.

Nothing here raises: it runs while the app is already failing, so every
failure is caught, kept, and told by `report_lines`, which the command line
prints once the terminal is restored.

The exporters are imported only when something is written: the app creates a
RecoveryWriter at start-up, and its first paint should not pay for them.

Pure module: no textual import.
"""

from __future__ import annotations

import platform
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from typing import TYPE_CHECKING

from mockint import __version__
from mockint.core.paths import make_private_dir
from mockint.core.safetext import one_line, printable
from mockint.core.userpaths import reason

if TYPE_CHECKING:
    from mockint.session.record import SessionRecord

RECOVERY_FOLDER = "recovery"
UNEXPECTED_ERROR = "stopped on an unexpected error"
"""Why the app ended, when it failed; a signal's cause names the signal."""
TRANSCRIPT_FORMATS = ("md", "json")


class RecoveryWriter:
    def __init__(self, data_dir: Path, wall: Callable[[], datetime]) -> None:
        self.folder = data_dir / RECOVERY_FOLDER
        """Where the files go; the temp-dir fallback if this cannot be written."""
        self._wall = wall
        self.transcripts: list[Path] = []
        self.log: Path | None = None
        self.problems: list[str] = []
        """What could not be done, in words."""
        self.unwritten: list[str] = []
        """Log text no file could take: the command line prints it instead."""
        self._folder_ready = False
        self._log_failed = False
        self.cause = UNEXPECTED_ERROR
        self.saved: str | None = None
        """Where the run's own journal kept it, in words, when it did."""

    # -- the run --------------------------------------------------------------

    def save_run(self, record: SessionRecord, finish: Callable[[], object], cause: str = UNEXPECTED_ERROR) -> None:
        """Save `record` as transcripts, after `finish()` ends it where it stands (keeping what is typed).

        `finish` may fail (the run may be what broke): the record is saved as it is then.
        `cause` says why the app ended, in the log and in what the user is told.
        """
        self.cause = cause
        try:
            self._save_run(record, finish)
        except Exception as error:  # never raise while the app is failing: tell it instead
            self.problems.append(f"could not save the interview: {error!r}")

    def _save_run(self, record: SessionRecord, finish: Callable[[], object]) -> None:
        from mockint.exporters import file_stem, render

        notes: list[str] = []
        try:
            finish()
        except Exception as error:  # whatever broke the app may break this too: said in the log
            notes.append(f"The run could not be ended cleanly ({error!r}); it is saved as it was.")
        texts: dict[str, str] = {}
        for fmt in TRANSCRIPT_FORMATS:
            try:
                texts[fmt] = render(record, fmt)
            except Exception as error:  # said in the log; the other format may still work
                notes.append(f"The {fmt} transcript could not be made: {error!r}")
        texts["log"] = self._log_header(notes)
        written = self._write_new(file_stem(record), texts)
        if not written:
            # The last place left for the candidate's work: stderr, after the terminal is restored.
            self.unwritten.append(texts.get("md", ""))
            self._log_failed = True
            return
        self.transcripts = written[:-1]
        self.log = written[-1]

    def note_saved(self, saved: str, cause: str) -> None:
        """The run's journal has kept it as the app ended (`saved` says where): nothing to write here."""
        self.saved, self.cause = saved, cause

    # -- the error console's file -----------------------------------------------

    def write(self, text: str) -> int:
        """Append to the log (made on first use); what cannot be written is kept for stderr."""
        try:
            written = self._append_to_log(text)
        except Exception as error:  # never raise while the app is failing: tell it instead
            self.problems.append(f"could not write the log: {error!r}")
            written = False
        if not written:
            self.unwritten.append(text)
        return len(text)

    def _append_to_log(self, text: str) -> bool:
        if self.log is None and not self._log_failed:
            made = self._write_new(f"mockint-crash-{self._wall():%Y%m%d-%H%M%S}", {"log": self._log_header([])})
            self.log = made[0] if made else None
            self._log_failed = not made
        if self.log is None:
            return False
        try:
            with open(self.log, "a", encoding="utf-8", errors="backslashreplace") as handle:
                handle.write(text)
        except OSError as error:
            self.problems.append(f"could not write {one_line(self.log)}: {reason(error)}")
            self.log, self._log_failed = None, True
            return False
        return True

    def flush(self) -> None:
        """Each write is flushed as it is made."""

    # -- telling the user -------------------------------------------------------

    def report_lines(self) -> list[str]:
        """What to tell on stderr: where the run and the details are, or why they are not.

        One or two lines, followed by whatever could not be written anywhere.
        """
        if not (self.transcripts or self.log or self.problems or self.unwritten or self.saved):
            return []
        first = self.cause
        if self.transcripts:
            names = " and ".join(one_line(path) for path in self.transcripts)
            first += f"; your interview so far is saved in {names}"
        elif self.saved:
            first += f"; {self.saved}"
        if self.problems:
            first += f" ({'; '.join(self.problems)})"
        lines = [f"mockint: {first}"]
        if self.log is not None and self.cause == UNEXPECTED_ERROR:
            lines.append(f"mockint: details for a bug report are in {one_line(self.log)}")
        if self.unwritten:
            lines.append("mockint: nothing could be saved; here is what would have been:")
            lines.extend(printable(text.rstrip("\n")) for text in self.unwritten)
        return lines

    # -- files --------------------------------------------------------------------

    def _write_new(self, stem: str, texts: dict[str, str]) -> list[Path]:
        """Write `texts` in the recovery folder, or in a fresh temp folder if that fails; [] if both do."""
        from mockint.exporters import ExportError
        from mockint.exporters.files import write_new_files

        for folder in self._folders():
            try:
                return write_new_files(folder, stem, texts)
            except ExportError as error:
                self.problems.append(str(error))
        return []

    def _folders(self) -> Iterator[Path]:
        if self._prepare(self.folder):
            yield self.folder
        try:
            fallback = Path(tempfile.mkdtemp(prefix="mockint-recovery-"))  # made 0700
        except OSError as error:
            self.problems.append(f"no temporary folder either: {reason(error)}")
            return
        self.folder = fallback
        yield fallback

    def _prepare(self, folder: Path) -> bool:
        """Make `folder` (0700, whatever the umask); False, with the reason kept, if it cannot be."""
        if self._folder_ready:
            return True
        try:
            make_private_dir(folder)
        except (OSError, ValueError) as error:
            self.problems.append(f"could not write in {one_line(folder)}: {reason(error)}")
            return False
        self._folder_ready = True
        return True

    def _log_header(self, notes: list[str]) -> str:
        when = f"{self._wall():%Y-%m-%d %H:%M:%S %z}".strip()
        versions = f"mockint {__version__} (Python {platform.python_version()})"
        return "\n".join([f"{versions} {self.cause} at {when}.", *notes]) + "\n\n"
