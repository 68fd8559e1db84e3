"""Saved sessions made to order (finished records and unfinished journals), for the history, export and drill tests."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from mockint.core.clock import FakeClock
from mockint.core.codec import encode
from mockint.core.paths import sessions_dir
from mockint.core.ratings import Rating
from mockint.session.commands import BeginRound, EditDraft, Start
from mockint.session.engine import SessionEngine
from mockint.session.record import Mode, QuestionAssessment, Role, SessionRecord
from mockint.session.setup import SessionOptions
from mockint.storage.autosave import Autosave, record_path
from mockint.core.newfile import replace_file
from support.packs import mini_pack
from support.runs import finish_run

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
    replace_file(path, encode(record))
    return path


def save_finished(folder: Path, candidate: str = "", days: float = 0) -> SessionRecord:
    record = finished_record(candidate, days)
    save_record(folder, record)
    return record


def save_unfinished(folder: Path, typed: str = "halfway there", session_id: str | None = None) -> SessionEngine:
    """A run of the mini pack saved in `folder` by the autosave, typed into and left unfinished."""
    engine = SessionEngine.new(mini_pack(), SessionOptions(), FakeClock())
    if session_id is not None:
        engine.record.id = session_id
    autosave = Autosave.start(folder, engine)
    engine.apply(Start())
    engine.apply(BeginRound())
    engine.apply(EditDraft.between("", typed))
    autosave.close()
    assert autosave.problems == []
    return engine


def saved_sessions(data_dir: Path) -> tuple[SessionRecord, SessionRecord]:
    """Two finished interviews of the mini pack, a day apart (Ana's), and one unfinished: a history to show."""
    folder = sessions_dir(data_dir)
    first = finished_record("Ana", days=0)
    second = finished_record("Ana", days=1)
    first.id, second.id = "1" * 32, "2" * 32  # ids shown on screens, the same every run
    second.rounds[0].questions[1].assessments[Role.SELF] = QuestionAssessment(rating=Rating.GOOD)
    for record in (first, second):
        save_record(folder, record)
    save_unfinished(folder, session_id="0" * 32)
    return first, second


def swapped_pair(data_dir: Path) -> tuple[SessionRecord, SessionRecord, SessionRecord]:
    """Ana interviewed by Bo, then (roles swapped, on the same laptop) Bo by Ana, then Ana again: a shared history."""
    folder = sessions_dir(data_dir)
    records = (finished_record("Ana", days=0), finished_record("Bo", days=1), finished_record("Ana", days=2))
    for number, (record, interviewer) in enumerate(zip(records, ("Bo", "Ana", "Bo")), 1):
        record.id = str(number) * 32  # ids shown on screens, the same every run
        record.pair, record.interviewer = True, interviewer
        save_record(folder, record)
    return records


LONG_PACK_NAMES = ("tiktok-social-media-manager", "influencer-marketing-case", "data-science-case-interviews")


def long_named_sessions(data_dir: Path) -> list[SessionRecord]:
    """Finished runs of packs with long hyphenated names (a bundled pack's among them), one of a long-named
    candidate, pair runs with both ratings: the history at its widest."""
    records = []
    for number, (pack, candidate) in enumerate(zip(LONG_PACK_NAMES, ("Christopher Alexander", "Bo", "Ana")), 1):
        record = finished_record(candidate, days=number)
        record.id, record.pack_name, record.pair, record.interviewer = str(number) * 32, pack, True, "Sam"
        for question in record.questions():
            question.assessments[Role.INTERVIEWER] = QuestionAssessment(rating=Rating.GOOD)
        save_record(sessions_dir(data_dir), record)
        records.append(record)
    return records


@pytest.fixture
def local_time_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Dates are shown in local time: make it UTC, so screens show the same whatever the machine's zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
