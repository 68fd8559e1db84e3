"""A cache of validated round files, so a large library loads fast after the first time.

Pack descriptions (interview.yaml) are cached the same way, so a launch that
finds every file unchanged reads no YAML at all (and does not even import it).

Composing YAML with positions is the floor of loading (about half a second for
5,000 questions on a small machine), so files that have not changed since they
last validated are read back from one JSON file in the data directory instead.
A file's identity is its resolved path, size, modification time and inode;
files modified in the last few seconds are never stored, because a second
edit within the file system's timestamp granularity could otherwise go unseen
(the "racy clean" problem git solves the same way). Only valid files are
cached: broken ones are re-read every time so their errors stay current.

Entries are the model's own values written by mockint.core.codec and read back
with every field's type checked. Whatever cannot be trusted is a miss, and the
file is loaded afresh: a cache written by different loading code (keyed on a
digest of that code, so no version needs bumping by hand), one whose bytes do
not match their checksum (cut short, corrupted, edited), one over the size
limit, an entry of the wrong shape, and an entry whose file changed, vanished,
became unreadable or is no longer a regular file.

Pure module: no textual import.
"""

from __future__ import annotations

import os
import stat
import time
import zlib
from pathlib import Path

import msgspec

from mockint.core import codec
from mockint.core.model import InterviewMeta, Round
from mockint.core.newfile import replace_file
from mockint.core.paths import make_private_dir
from mockint.packs.regularfile import UnreadableFile, read_regular_file

CACHE_FORMAT = "mockint.roundcache/3"

LOADING_MODULES = (
    "packs/loader.py",
    "packs/nodecheck.py",
    "packs/yamlsource.py",
    "core/model.py",
    "core/durations.py",
    "packs/regularfile.py",
    "core/safetext.py",
    "core/diagnostics.py",
    "core/ratings.py",
    "core/textmatch.py",
    "packs/roundcache.py",
)
"""The modules that decide what a valid round is and how it is stored, relative to the mockint
package: changing any starts the cache afresh."""

MAX_CACHE_BYTES = 8 * 1024 * 1024
"""Larger than any real library needs (5,000 questions take about 2.5 MiB); entries past it are not written."""

RACY_SECONDS = 3.0

_HEADER_ROOM = 512
"""Bytes kept for the header around the entries when measuring against MAX_CACHE_BYTES."""


class _Entry(msgspec.Struct, forbid_unknown_fields=True):
    """One file's cached value: a round or a pack description, and the identity it had when it validated."""

    identity: tuple[int, int, int]
    round: Round | None = None
    meta: InterviewMeta | None = None


class _CacheFile(msgspec.Struct):
    format: str
    code: str
    checksum: str
    entries: msgspec.Raw
    """A JSON object of path to _Entry, kept as bytes so the checksum covers exactly what was written."""


class RoundCache:
    def __init__(
        self, file: Path | None, entries: dict[str, msgspec.Raw] | None = None, code: str | None = None
    ) -> None:
        self.file = file
        self._entries = entries or {}
        self._code = code
        self._used: set[str] = set()
        """Entries hit or stored by this launch: they are written first when the size limit bites."""
        self._dirty = False

    @classmethod
    def open(cls, file: Path) -> RoundCache:
        """The cache stored in `file`; empty when missing, unreadable, too large, damaged or from other loading code."""
        code = loading_code_digest()
        if not code:
            return cls(None)  # no source to key on: the cache serves this launch only
        try:
            stored = codec.decode(read_regular_file(file, limit=MAX_CACHE_BYTES), _CacheFile)
        except (UnreadableFile, codec.CodecError):
            return cls(file, code=code)
        if stored.format != CACHE_FORMAT or stored.code != code or stored.checksum != _checksum(stored.entries):
            return cls(file, code=code)
        try:
            entries = codec.decode(stored.entries, dict[str, msgspec.Raw])
        except codec.CodecError:
            return cls(file, code=code)
        return cls(file, entries, code=code)

    def get(self, path: Path) -> Round | None:
        entry = self._entry(path)
        if entry is None or entry.round is None:
            return None
        return msgspec.structs.replace(entry.round, source=path)

    def put(self, path: Path, round_: Round) -> None:
        self._store(path, round_=msgspec.structs.replace(round_, source=None))

    def get_meta(self, path: Path) -> InterviewMeta | None:
        """A pack's unchanged interview.yaml, as load_interview_meta read it last time."""
        entry = self._entry(path)
        if entry is None or entry.meta is None:
            return None
        return msgspec.structs.replace(entry.meta, source=path)

    def put_meta(self, path: Path, meta: InterviewMeta) -> None:
        self._store(path, meta=msgspec.structs.replace(meta, source=None))

    def _entry(self, path: Path) -> _Entry | None:
        """What was stored for `path`, if it has the right shape and the file has not changed since."""
        raw = self._entries.get(str(path))
        if raw is None:
            return None
        try:
            entry = codec.decode(raw, _Entry)
        except codec.CodecError:
            return None  # an entry of the wrong shape is a miss: the file is read afresh
        if entry.identity != _identity(path) or not os.access(path, os.R_OK):
            return None
        self._used.add(str(path))
        return entry

    def _store(self, path: Path, round_: Round | None = None, meta: InterviewMeta | None = None) -> None:
        """Remember a valid file's value (its path is the key, so the value is stored without it)."""
        identity = _identity(path)
        if identity is None or identity[1] > time.time_ns() - RACY_SECONDS * 1e9:
            return
        self._entries[str(path)] = msgspec.Raw(codec.encode(_Entry(identity, round_, meta)))
        self._used.add(str(path))
        self._dirty = True

    def save(self) -> None:
        """Write the cache atomically if anything changed.

        The cache only saves time: a data directory that cannot be written
        (read-only home, full disk) leaves mockint working, just slower.
        """
        if self.file is None or not self._dirty:
            return
        if self._code is None:
            self._code = loading_code_digest()
        if not self._code:
            return
        entries = msgspec.Raw(codec.encode(self._within_limit()))
        payload = codec.encode(_CacheFile(CACHE_FORMAT, self._code, _checksum(entries), entries))
        try:
            make_private_dir(self.file.parent)
            replace_file(self.file, payload)
        except OSError:
            return
        self._dirty = False

    def _within_limit(self) -> dict[str, msgspec.Raw]:
        """The entries to write, this launch's first, stopping before the file would pass MAX_CACHE_BYTES."""
        kept: dict[str, msgspec.Raw] = {}
        room = MAX_CACHE_BYTES - _HEADER_ROOM
        ordered = sorted(self._entries.items(), key=lambda item: item[0] not in self._used)
        for key, raw in ordered:
            size = len(codec.encode(key)) + len(raw) + 2  # the key, its colon and the comma
            if size > room:
                continue
            kept[key] = raw
            room -= size
        return kept


# The code's digest and the entries' checksum are CRC-32s: they have to notice a change
# or damage, not resist forgery (whoever can write the cache could write any digest), and
# zlib is loaded at launch anyway, where hashlib would load OpenSSL for this alone.


def loading_code_digest() -> str:
    """A CRC-32 of the source of LOADING_MODULES; an empty string when it cannot be read."""
    digest = 0
    package = Path(__file__).parent.parent
    try:
        for name in LOADING_MODULES:
            digest = zlib.crc32((package / name).read_bytes(), digest)
    except OSError:
        return ""
    return f"{digest:08x}"


def _checksum(entries: msgspec.Raw) -> str:
    return f"{zlib.crc32(entries):08x}"


def _identity(path: Path) -> tuple[int, int, int] | None:
    """Size, modification time and inode of a regular file; None for anything else.

    stat() never blocks, even on a FIFO or a device, and None for those keeps
    them out of the cache: they go to the loader, which refuses them.
    """
    try:
        info = path.stat()
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)
