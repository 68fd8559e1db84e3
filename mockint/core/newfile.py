"""Writing a file whole or not at all: creating a new one, or replacing one in place.

`create_new_file` never replaces a file that is there. The text goes to a hidden temp file beside the target first, which is then
hard-linked under the target's name: linking fails if that name exists, so an
existing file is never touched and the new one appears complete or not at all.
File systems without hard links (FAT on a USB stick, some network shares) get
the next best thing: the name is reserved with an exclusive create and the temp
file then replaces that placeholder. Whatever fails, the temp file and any
placeholder are removed again, so a failure leaves nothing behind.

`replace_file` writes a private (0600) file over whatever is at its name: the
temp file, synced, is renamed over it, so a reader sees the old file or the new
one, never a part; on failure the temp file is removed.

Pure module: no textual import.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

NO_HARD_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK)
"""What link() says on a file system that cannot link this file."""

PRIVATE_FILE_MODE = 0o600

TEMP_NAME_KEEP = 40
"""Characters of the target's name kept in the temp file's name, so a long
but valid name does not make the temp name too long."""


def create_new_file(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to a new file at `path`.

    Raises FileExistsError when `path` exists, and any other OSError (or
    ValueError for a NUL in the name) the file system gives; either way
    nothing is left behind.
    """
    temp = _write_temp(path, text.encode("utf-8"), private=False)
    try:
        try:
            os.link(temp, path)
        except OSError as error:
            if error.errno not in NO_HARD_LINKS:
                raise
            _replace_placeholder(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def replace_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` (0600), replacing any file there, whole or not at all."""
    temp = _write_temp(path, data, private=True)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _write_temp(path: Path, data: bytes, private: bool) -> Path:
    """A hidden, synced file beside `path` holding `data`: 0600 if `private` (whatever the umask),
    otherwise with the usual permissions (the umask applies)."""
    mode = PRIVATE_FILE_MODE if private else 0o666
    for _attempt in range(100):
        temp = path.with_name(f".{path.name[:TEMP_NAME_KEEP]}.{secrets.token_hex(4)}.tmp")
        try:
            descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except FileExistsError:
            continue
        try:
            with os.fdopen(descriptor, "wb") as handle:
                if private:
                    os.fchmod(handle.fileno(), PRIVATE_FILE_MODE)
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return temp
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))


def _replace_placeholder(temp: Path, path: Path) -> None:
    with open(path, "x", encoding="utf-8"):
        pass
    try:
        os.replace(temp, path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
