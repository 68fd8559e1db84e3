"""Saved sessions made to order (finished records and unfinished journals), for the history, export and drill tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from mockint.core.clock import FakeClock
from mockint.core.codec import encode
from mockint.session.commands import Start
from mockint.session.engine import SessionEngine
from mockint.session.record import Mode, SessionRecord
from mockint.session.setup import SessionOptions
from mockint.storage.autosave import record_path, write_private_file
from support.packs import mini_pack
from support.runs import finish_run
from support.saved import saved_run

DAY_ONE = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
"""When the fabricated histories start."""


def finished_record(candidate: str = "", days: float = 0, mode: Mode = Mode.PRACTICE) -> SessionRecord:
    """A finished run of the mini pack (every kind of outcome), started `days` after DAY_ONE."""
    clock = FakeClock()
    engine = SessionEngine.new(mini_pack(), SessionOptions(mode=mode, candidate=candidate), clock)
    engine.apply(Start())
    finish_run(engine, clock)
    record = engine.record
    record.started_wall = DAY_ONE + timedelta(days=days)
    return record


def save_record(folder: Path, record: SessionRecord) -> Path:
    """Write `record` as the final record of a finished session, as the autosave does."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = record_path(folder, record.id)
    write_private_file(path, encode(record))
    return path


def save_finished(folder: Path, candidate: str = "", days: float = 0) -> SessionRecord:
    record = finished_record(candidate, days)
    save_record(folder, record)
    return record


def save_unfinished(folder: Path, typed: str = "halfway there") -> SessionEngine:
    return saved_run(folder, typed)
