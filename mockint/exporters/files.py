"""Writing transcripts to disk: predictable names, never overwriting, never half-written.

Each file is first written to a hidden temp file in the target folder and moved
into place with os.replace, so a reader never sees a partial transcript. The
final name is reserved beforehand with an exclusive create, so an existing file
(even one created a moment ago by another export) is never overwritten. If any
file of a set fails, the files already written by that call are removed again:
an export either writes every requested format or nothing.
Pure module: no textual import.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import datetime
from pathlib import Path

MAX_SUFFIX = 1000
"""Give up looking for a free name after `-1000`: something else is wrong."""

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class ExportError(Exception):
    """A transcript could not be written; the message is user-facing."""


def base_name(pack_name: str, started: datetime) -> str:
    """`mockint-<pack>-<YYYYMMDD-HHMM>`, with the pack name made safe for any file system."""
    pack = _UNSAFE.sub("-", pack_name).strip("-.") or "interview"
    return f"mockint-{pack}-{started:%Y%m%d-%H%M}"


def write_new_files(out_dir: Path, stem: str, texts: dict[str, str]) -> list[Path]:
    """Write `texts` (extension -> content) as `<stem>[-N].<ext>` in `out_dir`, all or nothing.

    N is the smallest suffix free for every extension, so the files of one
    export share a name. Raises ExportError with a user-facing message.
    """
    check_folder(out_dir)
    reserved = _reserve(out_dir, stem, list(texts))
    written: list[Path] = []
    try:
        for path, text in zip(reserved, texts.values()):
            _replace_atomically(path, text)
            written.append(path)
    except OSError as error:
        _remove_quietly(reserved)
        raise ExportError(f"could not write {error.filename or out_dir}: {_reason(error)}") from error
    return written


def check_folder(out_dir: Path) -> None:
    """Raise ExportError unless `out_dir` is an existing folder, naming what is wrong."""
    if out_dir.is_dir():
        return
    if out_dir.exists():
        raise ExportError(f"cannot export to {out_dir}: it is a file, not a folder")
    blocker = next((p for p in out_dir.parents if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        raise ExportError(f"cannot export to {out_dir}: {blocker} is a file, not a folder")
    raise ExportError(f"cannot export to {out_dir}: the folder does not exist")


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
        except OSError as error:
            _remove_quietly(reserved)
            raise ExportError(f"cannot write in {out_dir}: {_reason(error)}") from error
    raise ExportError(f"cannot export to {out_dir}: {stem}-2 ... -{MAX_SUFFIX} are all taken")


def _replace_atomically(path: Path, text: str) -> None:
    descriptor, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _remove_quietly(paths: list[Path]) -> None:
    """Best-effort clean-up after a failed export; the original error is what gets reported."""
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            continue


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied (choose another folder)"
    return error.strerror or str(error)
