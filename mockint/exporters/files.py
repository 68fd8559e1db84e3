"""Writing transcripts to disk: predictable names, never overwriting, never half-written.

Each file is written whole or not at all (mockint.core.newfile.replace_file, 0600:
a transcript is private), so a reader never sees a partial transcript. The
final name is reserved beforehand with an exclusive create, so an existing file
(even one created a moment ago by another export) is never overwritten. If any
file of a set fails, the files already written by that call are removed again:
an export either writes every requested format or nothing.

The folder is whatever the user typed, so every way the file system can refuse
it (see mockint.core.userpaths) becomes an ExportError, in one place: the dialog
shows it and the candidate can type another folder.
Pure module: no textual import.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from mockint.core.newfile import replace_file
from mockint.core.userpaths import PATH_ERRORS, PathProblem, existing_folder, reason, shown

MAX_SUFFIX = 1000
"""Give up looking for a free name after `-1000`: something else is wrong."""

MAX_PACK_PART = 80
"""Characters of the pack name kept in a file name. With the date, a `-1000`
suffix, the extension and the temp file's decoration the longest name stays
under 150 bytes: within NAME_MAX (255) and the 143 of encrypted home folders."""

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class ExportError(Exception):
    """A transcript could not be written; the message is user-facing."""


MAX_NAME_PART = 40
"""The most of a candidate's name a file name keeps."""


def base_name(pack_name: str, started: datetime, candidate: str = "") -> str:
    """`mockint-<pack>-<YYYYMMDD-HHMM>` (`mockint-<pack>-<candidate>-…` given a candidate's name), with the names
    made safe for any file system.

    A long pack name is cut to MAX_PACK_PART characters, ending in a short hash
    of the whole name, so two long names that start alike still differ.
    """
    pack = _UNSAFE.sub("-", pack_name).strip("-.") or "interview"
    if len(pack) > MAX_PACK_PART:
        digest = hashlib.sha256(pack_name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        pack = f"{pack[: MAX_PACK_PART - len(digest) - 1].rstrip('-.')}-{digest}"
    who = _UNSAFE.sub("-", candidate).strip("-.")[:MAX_NAME_PART].rstrip("-.")
    return f"mockint-{pack}-{who + '-' if who else ''}{started:%Y%m%d-%H%M}"


def write_new_files(out_dir: str | os.PathLike[str], stem: str, texts: dict[str, str]) -> list[Path]:
    """Write `texts` (extension -> content) as `<stem>[-N].<ext>` in `out_dir`, all or nothing.

    `out_dir` is as the user gave it (`~` is expanded). N is the smallest
    suffix free for every extension, so the files of one export share a name.
    Raises ExportError with a user-facing message.
    """
    with _failures_as_export_error(out_dir):
        folder = existing_folder(out_dir, label="cannot export to")
        reserved = _reserve(folder, stem, list(texts))
        try:
            for path, text in zip(reserved, texts.values()):
                # Names from the file system may hold undecodable bytes (lone surrogates):
                # written as visible escapes (valid JSON escapes, too) rather than failing the export.
                replace_file(path, text.encode("utf-8", errors="backslashreplace"))
        except BaseException:
            _remove_quietly(reserved)
            raise
        return reserved


@contextmanager
def _failures_as_export_error(out_dir: str | os.PathLike[str]) -> Iterator[None]:
    """Every way the file system can refuse an export, as the ExportError the dialog shows."""
    try:
        yield
    except PathProblem as refused:
        raise ExportError(str(refused)) from refused
    except PATH_ERRORS as error:
        where = getattr(error, "filename", None) or out_dir
        raise ExportError(f"could not write {shown(where)}: {reason(error)}") from error


def _candidates(out_dir: Path, stem: str, extensions: list[str]):
    for number in range(1, MAX_SUFFIX + 1):
        suffix = "" if number == 1 else f"-{number}"
        yield [out_dir / f"{stem}{suffix}.{ext}" for ext in extensions]


def _reserve(out_dir: Path, stem: str, extensions: list[str]) -> list[Path]:
    """Create empty placeholders under the first free set of names and return them."""
    for paths in _candidates(out_dir, stem, extensions):
        if any(path.exists() for path in paths):
            continue
        reserved: list[Path] = []
        try:
            for path in paths:
                with open(path, "x", encoding="utf-8"):
                    reserved.append(path)
            return reserved
        except FileExistsError:
            # Another export took one of these names between the check and the create.
            _remove_quietly(reserved)
        except BaseException:
            _remove_quietly(reserved)
            raise
    raise ExportError(f"cannot export to {shown(out_dir)}: {stem}-2 ... -{MAX_SUFFIX} are all taken")


def _remove_quietly(paths: list[Path]) -> None:
    """Best-effort clean-up after a failed export; the original error is what gets reported."""
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            continue
