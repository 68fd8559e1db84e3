"""Reading a file that must be a regular file, without ever blocking on anything else.

A name ending in `.yaml` can be a FIFO (opening it waits for a writer that
never comes), a link to a terminal (reading it reads the keyboard) or to a
device such as /dev/zero (reading it never ends), a symbolic link loop or a
folder. Such a file is never opened: its type is checked first, by path, and
then again on the opened descriptor, which is opened non-blocking and without
becoming a controlling terminal in case the file was swapped in between.
Reading stops one byte past the size limit.

Pure module: no textual import, no YAML.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from mockint.core.safetext import printable

_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class UnreadableFile(Exception):
    """A file that cannot be read as a regular file; str() is the reason, for a diagnostic."""


def read_regular_file(path: Path, limit: int | None) -> bytes:
    """The bytes of `path` if it is (or links to) a regular file of at most `limit` bytes.

    Raises UnreadableFile, saying why, for anything else: a folder, a FIFO, a
    socket, a device, a link loop, a broken link, a file that cannot be read
    or that vanished, or one over the limit (None: no limit).
    """
    try:
        _check_regular(os.stat(path), limit)
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise UnreadableFile(_reason(path, error)) from None
    with os.fdopen(descriptor, "rb") as stream:
        try:
            # Swapped for something else since stat()? Then it is refused here.
            _check_regular(os.fstat(descriptor), limit)
            data = stream.read() if limit is None else stream.read(limit + 1)
        except OSError as error:
            raise UnreadableFile(_reason(path, error)) from None
    if limit is not None and len(data) > limit:
        raise _too_large(f"over {_mib(limit)}", limit)  # it grew since it was measured
    return data


def _check_regular(info: os.stat_result, limit: int | None) -> None:
    kind = next((name for is_kind, name in _KINDS if is_kind(info.st_mode)), None)
    if kind is not None:
        raise UnreadableFile(f"is {kind}, not a regular file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile("is not a regular file")
    if limit is not None and info.st_size > limit:
        raise _too_large(f"{info.st_size / (1024 * 1024):.1f} MiB", limit)


def _reason(path: Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "is a symbolic link loop: following its links never reaches a file"
    if error.errno == errno.ENOENT and os.path.islink(path):
        return _broken_link(path)
    return f"cannot read file: {error.strerror or error}"


def _broken_link(link: Path) -> str:
    try:
        target = f" {printable(os.readlink(link), single_line=True)}"
    except OSError:  # removed or replaced since: the reason stands without the target
        target = ""
    return f"is a broken symbolic link: its target{target} does not exist"


def _too_large(size: str, limit: int) -> UnreadableFile:
    return UnreadableFile(f"file is too large ({size}); the limit is {_mib(limit)}")


def _mib(size: int) -> str:
    return f"{size // (1024 * 1024)} MiB"
