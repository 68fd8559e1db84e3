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

Pure module: no textual import.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

from mockint import __version__
from mockint.model import Challenge, InterviewMeta, Interviewer, Question, Round
from mockint.paths import make_private_dir
from mockint.regularfile import UnreadableFile, read_regular_file

CACHE_FORMAT = f"mockint.roundcache/2 {__version__}"
"""A new mockint may validate differently: its cache starts afresh."""

RACY_SECONDS = 3.0


class RoundCache:
    def __init__(self, file: Path | None, entries: dict[str, dict[str, Any]] | None = None) -> None:
        self.file = file
        self._entries = entries or {}
        self._dirty = False

    @classmethod
    def open(cls, file: Path) -> RoundCache:
        """The cache stored in `file`; empty when missing, unreadable or from another version."""
        try:
            stored = json.loads(read_regular_file(file, limit=None).decode("utf-8"))
        except (UnreadableFile, ValueError):
            return cls(file)
        if not isinstance(stored, dict) or stored.get("format") != CACHE_FORMAT:
            return cls(file)
        entries = stored.get("entries")
        return cls(file, entries if isinstance(entries, dict) else {})

    def get(self, path: Path) -> Round | None:
        stored = self._stored(path, "round")
        try:
            return round_from_json(stored, path) if stored is not None else None
        except (KeyError, TypeError, ValueError):
            return None  # an entry of the wrong shape is a miss: the file is read afresh

    def put(self, path: Path, round_: Round) -> None:
        self._store(path, "round", round_to_json(round_))

    def get_meta(self, path: Path) -> InterviewMeta | None:
        """A pack's unchanged interview.yaml, as load_interview_meta read it last time."""
        stored = self._stored(path, "meta")
        try:
            return meta_from_json(stored, path) if stored is not None else None
        except (KeyError, TypeError, ValueError):
            return None

    def put_meta(self, path: Path, meta: InterviewMeta) -> None:
        self._store(path, "meta", meta_to_json(meta))

    def _stored(self, path: Path, kind: str) -> Any:
        """What was stored for `path` under `kind`, if the file has not changed since."""
        entry = self._entries.get(str(path))
        if not isinstance(entry, dict) or kind not in entry or entry.get("identity") != _identity(path):
            return None
        return entry[kind]

    def _store(self, path: Path, kind: str, value: Any) -> None:
        identity = _identity(path)
        if identity is None or identity[1] > time.time_ns() - RACY_SECONDS * 1e9:
            return
        self._entries[str(path)] = {"identity": identity, kind: value}
        self._dirty = True

    def save(self) -> None:
        """Write the cache atomically if anything changed.

        The cache only saves time: a data directory that cannot be written
        (read-only home, full disk) leaves mockint working, just slower.
        """
        if self.file is None or not self._dirty:
            return
        payload = json.dumps({"format": CACHE_FORMAT, "entries": self._entries}, separators=(",", ":"))
        try:
            make_private_dir(self.file.parent)
            handle, temp = tempfile.mkstemp(dir=self.file.parent, prefix=".roundcache-")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(payload)
            os.replace(temp, self.file)
        except OSError:
            return
        self._dirty = False


def _identity(path: Path) -> list[int] | None:
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
    return [info.st_size, info.st_mtime_ns, info.st_ino]


def round_to_json(round_: Round) -> dict[str, Any]:
    return {
        "id": round_.id,
        "title": round_.title,
        "interviewer": [round_.interviewer.name, round_.interviewer.style],
        "intro": round_.intro,
        "time": round_.time,
        "checklist": list(round_.checklist),
        "questions": [_question_to_json(q) for q in round_.questions],
    }


def _question_to_json(question: Question) -> dict[str, Any]:
    return {
        "id": question.id,
        "ask": question.ask,
        "time": question.time,
        "guide": list(question.guide),
        "keywords": list(question.keywords),
        "hint": question.hint,
        "checklist": list(question.checklist),
        "challenges": [[c.ask, c.time, c.at, list(c.unless_mentioned)] for c in question.challenges],
    }


def round_from_json(data: dict[str, Any], source: Path) -> Round:
    name, style = data["interviewer"]
    return Round(
        id=data["id"],
        title=data["title"],
        questions=tuple(_question_from_json(q) for q in data["questions"]),
        interviewer=Interviewer(name, style),
        intro=data["intro"],
        time=data["time"],
        checklist=tuple(data["checklist"]),
        source=source,
    )


def _question_from_json(data: dict[str, Any]) -> Question:
    return Question(
        id=data["id"],
        ask=data["ask"],
        time=data["time"],
        guide=tuple(data["guide"]),
        keywords=tuple(data["keywords"]),
        hint=data["hint"],
        checklist=tuple(data["checklist"]),
        challenges=tuple(
            Challenge(ask=ask, time=time_, at=at, unless_mentioned=tuple(terms))
            for ask, time_, at, terms in data["challenges"]
        ),
    )


def meta_to_json(meta: InterviewMeta) -> dict[str, Any]:
    return {"title": meta.title, "role": meta.role, "description": meta.description, "checklist": list(meta.checklist)}


def meta_from_json(data: dict[str, Any], source: Path) -> InterviewMeta:
    return InterviewMeta(
        title=data["title"],
        role=data["role"],
        description=data["description"],
        checklist=tuple(data["checklist"]),
        source=source,
    )
