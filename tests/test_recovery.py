"""The last line of defence: an unexpected error never loses the interview.

An error escaping a handler ends the app; the run in progress is saved in its
journal with what was typed last (to be resumed), the traceback goes to a log
in `recovery/` in the data dir (folder 0700, files 0600) instead of the screen,
and the command line says so, with exit status 1. Only when the journal cannot
be written is the run kept as Markdown and JSON transcripts instead.
"""

from __future__ import annotations

import stat
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from textual.pilot import Pilot

from support.apps import SIZE
from support.saved import final_record, restored
from support.packs import PACKS_DIR, load_test_pack
from mockint.cli import launch
from mockint.ui.app import MockintApp, StartRequest, build_app
from mockint.core.clock import FakeClock
from mockint.packs.discovery import Library
from mockint.session.engine import SessionEngine
from mockint.storage.recovery import RecoveryWriter
from mockint.ui.screens.home import HomeScreen
from mockint.ui.screens.interview import InterviewScreen
from mockint.ui.screens.summary import SummaryScreen
from mockint.session.commands import BeginRound, Done, Quit, Start
from mockint.session.setup import SessionOptions
from mockint.ui.widgets import keys

ANSWER = "I led the migration"
STEM = "mockint-mini-20260115-0930"
LOG = "mockint-crash-20260115-093000.log"


class Unexpected(Exception):
    """A bug somewhere in a handler."""


def raise_unexpected(*_args: object) -> None:
    raise Unexpected("something nobody planned for")


def interview_app(data_dir: Path, **options: object) -> MockintApp:
    pack = load_test_pack(PACKS_DIR / "mini")
    return build_app(
        Library((pack,)),
        clock=FakeClock(),
        data_dir=data_dir,
        export_dir=data_dir.parent,
        start=StartRequest(pack, SessionOptions()),
        tick_interval=3600.0,
        **options,
    )


async def crash_mid_answer(pilot: Pilot[None]) -> None:
    """Begin the round, type an answer, then press a key whose handler fails."""
    await pilot.press(keys.first_key(keys.BEGIN))
    await pilot.press(*(" " if char == " " else char for char in ANSWER))
    await pilot.press(keys.first_key(keys.HINT))


@pytest.fixture
def failing_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(InterviewScreen, "action_hint", raise_unexpected)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_a_crash_mid_answer_saves_the_typed_answer_and_logs_the_traceback(
    tmp_path: Path, failing_hint: None
) -> None:
    app = interview_app(tmp_path / "data")
    with pytest.raises(Unexpected):
        async with app.run_test(size=SIZE) as pilot:
            await crash_mid_answer(pilot)
    assert app.return_code == 1
    saved = restored(tmp_path / "data")
    assert saved.phase.value == "answering" and saved.draft == ANSWER
    folder = tmp_path / "data" / "recovery"
    assert [path.name for path in folder.iterdir()] == [LOG]
    assert mode(folder) == 0o700 and mode(folder / LOG) == 0o600
    log = (folder / LOG).read_text(encoding="utf-8")
    assert "Traceback" in log and "Unexpected: something nobody planned for" in log and "in raise_unexpected" in log
    assert app.recovery is not None and app.recovery.report_lines() == [
        "mockint: stopped on an unexpected error; your interview is saved; continue it with: mockint resume",
        f"mockint: details for a bug report are in {folder / LOG}",
    ]


async def test_a_crash_on_the_summary_saves_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SummaryScreen, "action_export", raise_unexpected)
    app = interview_app(tmp_path / "data")
    with pytest.raises(Unexpected):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(keys.first_key(keys.BEGIN), *"done", keys.first_key(keys.DONE))
            await pilot.press(keys.first_key(keys.QUIT))
            await pilot.press("y")  # end the interview: the summary
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)
            await pilot.press("e")
    assert final_record(tmp_path / "data").rounds[0].questions[0].answer == "done"
    assert app.recovery is not None
    assert "your interview is saved in " in app.recovery.report_lines()[0]


async def test_a_run_left_on_purpose_is_not_saved_after_a_later_crash(tmp_path: Path) -> None:
    app = interview_app(tmp_path / "data")
    with pytest.raises(Unexpected):
        async with app.run_test(size=SIZE) as pilot:
            assert app.engine is not None
            app.engine.apply(Quit())
            app.screen.sync()
            await pilot.pause()
            await pilot.press("enter")  # home: the run is saved, nothing to ask
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            app.call_later(raise_unexpected)
            await pilot.pause()
    [log] = (tmp_path / "data" / "recovery").iterdir()
    assert log.name == "mockint-crash-20260115-093000.log" and mode(log) == 0o600
    assert "Unexpected: something nobody planned for" in log.read_text(encoding="utf-8")


async def test_without_saving_nothing_is_written(tmp_path: Path, failing_hint: None) -> None:
    app = interview_app(tmp_path / "data", save=False)
    with pytest.raises(Unexpected):
        async with app.run_test(size=SIZE) as pilot:
            await crash_mid_answer(pilot)
    assert app.recovery is None
    assert not (tmp_path / "data").exists()


async def test_an_unwritable_data_dir_falls_back_to_a_private_temp_folder(
    tmp_path: Path, failing_hint: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "notes.txt").write_text("a file where a folder should be", encoding="utf-8")
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    app = interview_app(tmp_path / "notes.txt" / "data")
    with pytest.raises(Unexpected):
        async with app.run_test(size=SIZE) as pilot:
            await crash_mid_answer(pilot)
    [folder] = (tmp_path / "tmp").iterdir()
    assert mode(folder) == 0o700
    assert ANSWER in (folder / f"{STEM}.md").read_text(encoding="utf-8")
    assert app.recovery is not None
    first, second = app.recovery.report_lines()
    assert f"could not write in {tmp_path / 'notes.txt' / 'data' / 'recovery'}: " in first
    assert f"saved in {folder / STEM}.md" in first and second.endswith(f"{folder / STEM}.log")


async def test_when_nothing_can_be_written_the_run_is_told_on_stderr(
    tmp_path: Path, failing_hint: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "notes.txt").write_text("a file where a folder should be", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "notes.txt" / "tmp"))
    app = interview_app(tmp_path / "notes.txt" / "data")
    with pytest.raises(Unexpected):
        async with app.run_test(size=SIZE) as pilot:
            await crash_mid_answer(pilot)
    assert app.recovery is not None
    told = "\n".join(app.recovery.report_lines())
    assert "nothing could be saved" in told
    assert f"> {ANSWER}" in told and "Unexpected: something nobody planned for" in told


def test_a_run_that_cannot_be_ended_is_saved_as_it_is(tmp_path: Path) -> None:
    engine = SessionEngine.new(load_test_pack(PACKS_DIR / "mini"), SessionOptions(), FakeClock())
    engine.apply(Start())
    engine.apply(BeginRound())
    engine.apply(Done(ANSWER))
    writer = RecoveryWriter(tmp_path, wall=lambda: datetime(2026, 1, 15, 9, 30, tzinfo=timezone.utc))
    writer.save_run(engine.record, finish=raise_unexpected)
    assert [path.suffix for path in writer.transcripts] == [".md", ".json"]
    assert ANSWER in writer.transcripts[0].read_text(encoding="utf-8")
    assert writer.log is not None and "could not be ended cleanly" in writer.log.read_text(encoding="utf-8")


def test_the_command_line_says_where_the_run_went(
    tmp_path: Path, failing_hint: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    isolated_user_dirs: Path,
) -> None:
    run = MockintApp.run
    monkeypatch.setattr(MockintApp, "run", lambda app: run(app, headless=True, size=SIZE, auto_pilot=crash_mid_answer))
    monkeypatch.setattr(launch, "require_terminal", lambda: None)  # headless here: no terminal to require
    pack = load_test_pack(PACKS_DIR / "mini")
    code = launch._run_app(Library((pack,)), start=StartRequest(pack, SessionOptions()), export_dir=tmp_path, save=True)
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines[0] == "mockint: stopped on an unexpected error; your interview is saved; continue it with: mockint resume"
    assert len(lines) == 2 and lines[1].startswith("mockint: details for a bug report are in ")
    assert restored(isolated_user_dirs).draft == ANSWER


def test_the_writer_never_raises_even_on_a_broken_record(tmp_path: Path) -> None:
    writer = RecoveryWriter(tmp_path, wall=lambda: datetime(2026, 1, 15, 9, 30, tzinfo=timezone.utc))
    writer.save_run(object(), finish=raise_unexpected)  # type: ignore[arg-type]
    assert writer.write("Traceback ...\n") == len("Traceback ...\n")
    first, second = writer.report_lines()
    assert "could not save the interview: AttributeError" in first
    assert second == f"mockint: details for a bug report are in {tmp_path / 'recovery' / 'mockint-crash-20260115-093000.log'}"


async def test_a_normal_exit_writes_no_recovery_files(tmp_path: Path) -> None:
    app = interview_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(keys.first_key(keys.BEGIN), *"typed")
        app.exit(message="bye")
    assert app.return_code == 0
    assert not (tmp_path / "data" / "recovery").exists()
    assert restored(tmp_path / "data").draft == "typed"  # saved as it went, as every run is
    assert app.recovery is not None and app.recovery.report_lines() == []


async def test_a_panic_outside_any_handler_keeps_the_run_too(tmp_path: Path) -> None:
    # Textual's input thread panics the app when it cannot decode what the terminal sent
    # (a byte that is not UTF-8): the run must be kept as after any other unexpected error.
    app = interview_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(keys.first_key(keys.BEGIN))
        await pilot.press(*(" " if char == " " else char for char in ANSWER))
        app.call_later(app.panic, "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff")
        await pilot.pause()
    assert app.return_code == 1
    assert app.recovery is not None
    assert restored(tmp_path / "data").draft == ANSWER
    assert app.recovery.log is not None and "0xff" in app.recovery.log.read_text(encoding="utf-8")
