"""Paths the user gives: typed in a dialog, on the command line, in an environment variable.

A typed path can fail in the file system in more ways than "not found": `~name`
for a user that does not exist (RuntimeError from Path.expanduser), an embedded
NUL (ValueError), and every kind of OSError (a name too long, a file where a
folder should be, a symlink loop, a parent that cannot be searched, a current
folder that was deleted). Every first look at such a path goes through this
module, which turns all of them into PathProblem: one error type, whose message
names the path (made printable) and says in words what is wrong.

Pure module: no textual import.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from mockint.core.safetext import printable

PATH_ERRORS = (OSError, ValueError)
"""What a file-system call on a user-given path raises: ValueError for an embedded NUL."""

NOT_A_FOLDER = "it is a file, not a folder"
NO_FOLDER = "the folder does not exist"
MAX_SHOWN = 100
"""A path longer than this is shown with its middle cut, so a message stays a readable line."""


class PathProblem(Exception):
    """A path the user gave cannot be used; the message names it and says why."""


def problem(path: str | os.PathLike[str], reason: str, label: str = "") -> PathProblem:
    """`LABEL PATH: reason`, with the path as `shown`."""
    return PathProblem(f"{label} {shown(path)}: {reason}" if label else f"{shown(path)}: {reason}")


def shown(path: str | os.PathLike[str]) -> str:
    """`path` for a message: on one line, control characters escaped, the middle of a very long one cut."""
    text = printable(os.fspath(path), single_line=True)
    return text if len(text) <= MAX_SHOWN else f"{text[:60]}...{text[-(MAX_SHOWN - 63):]}"


def reason(error: BaseException) -> str:
    """What a failed file-system call means, in words."""
    if isinstance(error, ValueError):
        return "the name contains a NUL character"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, OSError) and error.errno == errno.ENOTDIR:
        return "part of the path is a file, not a folder"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


def expand(given: str | os.PathLike[str], label: str = "") -> Path:
    """`given` as a path, with a leading `~` or `~user` expanded."""
    path = Path(given)
    try:
        return path.expanduser()
    except RuntimeError:  # pathlib's way of saying "no such user" (or no home folder at all)
        user = path.parts[0][1:]
        raise problem(given, f"no user named {user}" if user else "cannot find your home folder", label) from None
    except ValueError:
        raise problem(given, reason(ValueError()), label) from None


def look(path: Path, label: str = "") -> os.stat_result | None:
    """What is at `path` (links followed), or None when nothing is; PathProblem for any other failure."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise problem(path, _blocked_reason(path), label) from None
    except PATH_ERRORS as error:
        raise problem(path, reason(error), label) from error


def existing_folder(given: str | os.PathLike[str], label: str = "") -> Path:
    """The folder `given` names (`~` expanded); PathProblem unless it is there and is a folder."""
    path = expand(given, label)
    found = look(path, label)
    if found is None:
        raise problem(given, NO_FOLDER, label)
    if not stat.S_ISDIR(found.st_mode):
        raise problem(given, NOT_A_FOLDER, label)
    return path


def optional_folder(given: str | os.PathLike[str], label: str = "") -> Path:
    """Like existing_folder, but a folder that is not there (yet) is fine."""
    path = expand(given, label)
    found = look(path, label)
    if found is not None and not stat.S_ISDIR(found.st_mode):
        raise problem(given, NOT_A_FOLDER, label)
    return path


def working_folder(label: str = "") -> Path:
    """The current folder; PathProblem when it was deleted (or cannot be searched)."""
    try:
        return Path.cwd()
    except FileNotFoundError:
        raise PathProblem(
            f"{label + ': ' if label else ''}the current folder no longer exists; change to another one"
        ) from None
    except OSError as error:
        raise problem(".", reason(error), label) from error


def shortening_bases() -> list[tuple[Path, Path]]:
    """The current folder and home, each with the prefix that stands for it, those that can be found.

    For showing paths short: a deleted current folder or an unknown home
    only means that paths under them are shown in full. The root is no base
    (`/etc` says more than `etc` or `~/etc`), as when mockint runs from `/`.
    """
    bases: list[tuple[Path, Path]] = []
    try:
        bases.append((Path.cwd(), Path()))
    except OSError:
        pass  # shown in full, see above
    try:
        bases.append((Path.home(), Path("~")))
    except RuntimeError:
        pass  # shown in full, see above
    return [(base, prefix) for base, prefix in bases if base.parent != base]


def short_path(path: Path) -> Path:
    """`path` as a person would type it here: relative to the current folder when inside it, else under `~`.

    A relative path is already relative to the current folder and is kept as
    given. An absolute one is compared with each base as written and, failing
    that, with the links in its folders and in the base resolved: the current
    folder is always the resolved one (a link to a project, macOS's /var in
    /private/var), and a home or data folder may be reached through a link.
    The last part is never resolved, so a link is shown by its own name (and a
    link loop needs no resolving). A path under neither base is kept in full.
    """
    if not path.is_absolute():
        return path
    resolved = Path(os.path.realpath(path.parent)) / path.name
    for base, prefix in shortening_bases():
        for inside, outer in ((path, base), (resolved, Path(os.path.realpath(base)))):
            if inside.is_relative_to(outer):
                return prefix / inside.relative_to(outer)
    return path


def _blocked_reason(path: Path) -> str:
    """Why a path through a file fails: names the file when it can be found."""
    for parent in path.parents:
        try:
            if not stat.S_ISDIR(os.stat(parent).st_mode):
                return f"{shown(parent)} is a file, not a folder"
        except PATH_ERRORS:
            continue
    return reason(NotADirectoryError(errno.ENOTDIR, "Not a directory"))
