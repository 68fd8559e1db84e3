"""The autosave's files: where and how they are written, what finds and resumes them, and what refuses to."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from textual.widgets import Input, RadioButton, TextArea

from mockint import cli
from mockint.core.clock import FakeClock
from mockint.core.paths import sessions_dir
from mockint.core.ratings import Rating
from mockint.session.commands import ChooseInForm, EditDraft, EditForm, Start, SubmitAssessment
from mockint.session.record import NOTE_LINE, Advance, FormChoices, Reflection, Role
from mockint.session.engine import SessionEngine
from mockint.session.setup import SessionOptions
from mockint.storage.autosave import Autosave, SessionNotFound, find_unfinished, open_journal, unfinished_journals
from mockint.storage.journal import replay
from mockint.ui.screens.confirm import ChoiceScreen, ConfirmScreen
from mockint.ui.screens.home import HomeScreen
from mockint.ui.screens.interview import InterviewScreen
from mockint.ui.widgets.assessment import ROUND_SCOPE, ItemCheckbox, RatingSet
from mockint.ui.widgets.countdown import CountdownClock
from mockint.ui.widgets.scorecard import ScorecardForm
from support.apps import SIZE, make_app, resumed_app
from support.packs import mini_pack
from support.pilot import wait_for_screen
from support.saved import final_record, only_journal, restored, saved_commands, saved_run


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_folder_is_private_and_so_are_the_files(isolated_user_dirs: Path) -> None:
    folder = sessions_dir(isolated_user_dirs)
    engine = saved_run(folder, end=True)
    assert mode(folder) == 0o700
    files = sorted(folder.iterdir())
    assert [path.name for path in files] == [f"{engine.record.id}.journal", f"{engine.record.id}.json"]
    assert all(mode(path) == 0o600 for path in files)


def test_the_final_record_is_the_whole_record_and_the_session_is_no_longer_unfinished(isolated_user_dirs: Path) -> None:
    folder = sessions_dir(isolated_user_dirs)
    engine = saved_run(folder, end=True)
    assert final_record(isolated_user_dirs) == engine.record
    assert unfinished_journals(folder) == []


def test_an_unfinished_session_is_found_by_its_id_or_the_start_of_it(isolated_user_dirs: Path) -> None:
    folder = sessions_dir(isolated_user_dirs)
    first = saved_run(folder, "first")
    finished = saved_run(folder, "done", end=True)
    assert find_unfinished(folder, None) == only_journal_named(folder, first.record.id)
    assert find_unfinished(folder, first.record.id[:6]) == only_journal_named(folder, first.record.id)
    with pytest.raises(SessionNotFound, match="has finished"):
        find_unfinished(folder, finished.record.id[:8])
    with pytest.raises(SessionNotFound, match="no unfinished interview 'zzz'"):
        find_unfinished(folder, "zzz")


def only_journal_named(folder: Path, session_id: str) -> Path:
    return folder / f"{session_id}.journal"


def test_resuming_a_damaged_journal_cuts_it_to_its_good_part_before_saving_on(isolated_user_dirs: Path) -> None:
    folder = sessions_dir(isolated_user_dirs)
    saved_run(folder, "kept text")
    path = only_journal(isolated_user_dirs)
    with open(path, "ab") as journal:
        journal.write(b'{"at": 99.0, "command": {"kind": "edit_dr')  # killed mid-line
    kept = open_journal(path)
    assert kept.warnings and "cut off" in kept.warnings[0]
    engine = replay(kept, FakeClock())
    autosave = Autosave.resume(folder, engine, kept)
    engine.apply(EditDraft.between(engine.draft or "", "kept text, and more"))
    autosave.close()
    again = open_journal(path)
    assert again.warnings == []
    assert replay(again, FakeClock()).draft == "kept text, and more"
    assert mode(path) == 0o600


def test_a_folder_that_cannot_be_written_is_a_problem_told_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    engine = SessionEngine.new(mini_pack(), SessionOptions(), FakeClock())
    autosave = Autosave.start(tmp_path / "file" / "sessions", engine)
    engine.apply(Start())
    assert autosave.save_now() is False
    autosave.close()
    assert autosave.failed and "could not start the journal in " in autosave.problems[0]


# -- the command line --------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    return code, capsys.readouterr().err


def test_resume_without_an_unfinished_session_says_so(capsys: pytest.CaptureFixture[str], isolated_user_dirs: Path) -> None:
    code, err = run(capsys, "resume")
    assert code == 1
    assert err == f"mockint: no unfinished interview to resume (sessions are saved in {isolated_user_dirs / 'sessions'})\n"


def test_resume_refuses_a_journal_of_a_newer_version(capsys: pytest.CaptureFixture[str], isolated_user_dirs: Path) -> None:
    folder = sessions_dir(isolated_user_dirs)
    saved_run(folder)
    path = only_journal(isolated_user_dirs)
    path.write_bytes(path.read_bytes().replace(b"mockint.journal/1", b"mockint.journal/7", 1))
    code, err = run(capsys, "resume")
    assert code == 1
    assert "saved by a newer mockint (mockint.journal/7); this version reads up to mockint.journal/1" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_resume_does_not_go_with_no_save(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, "--no-save", "resume")
    assert code == 2 and "--no-save does not go with resume" in err


# -- the app -------------------------------------------------------------------------


async def test_the_home_screen_offers_to_resume_an_unfinished_interview(isolated_user_dirs: Path) -> None:
    saved_run(sessions_dir(isolated_user_dirs), "where I was")
    app = make_app(isolated_user_dirs)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, ChoiceScreen)
        assert isinstance(app.screen, ChoiceScreen) and "Mini mock (practice), started" in app.screen.question
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.query_one("#main-answer").text == "where I was"
        await pilot.press(*" and on")
        await pilot.pause()
    assert restored(isolated_user_dirs).draft == "where I was and on"


async def test_discarding_asks_first_then_deletes_the_journal(isolated_user_dirs: Path) -> None:
    saved_run(sessions_dir(isolated_user_dirs))
    app = make_app(isolated_user_dirs)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, ChoiceScreen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "deleted for good" in app.screen.question
        assert list(sessions_dir(isolated_user_dirs).glob("*.journal")) != []
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert list(sessions_dir(isolated_user_dirs).glob("*.journal")) == []


async def test_the_setup_screens_box_runs_an_interview_that_writes_nothing(isolated_user_dirs: Path) -> None:
    app = make_app(isolated_user_dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#save").value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("enter", *"nothing kept")
        await pilot.pause()
    assert app.autosave is None
    assert not sessions_dir(isolated_user_dirs).exists()


async def test_a_half_written_reflection_is_saved_and_back_in_its_box_on_resume(isolated_user_dirs: Path) -> None:
    keep = EditForm.between(Role.SELF, "keep", "", "open with the metric")
    saved_commands(sessions_dir(isolated_user_dirs), SessionOptions(), "assessment", keep)
    app = make_app(isolated_user_dirs)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, ChoiceScreen)
        await pilot.press("r")
        await pilot.pause()
        box = app.screen.query_one("#reflect-keep", TextArea)
        assert box.text == "open with the metric"
        box.focus()  # its cursor after the text put back: typing goes on where it stopped
        await pilot.press(*" that matters")
        await pilot.pause()
    assert restored(isolated_user_dirs).record.form_drafts == {Role.SELF: {"keep": "open with the metric that matters"}}


async def test_a_partners_half_written_lines_are_saved_and_back_on_resume(isolated_user_dirs: Path) -> None:
    """The note line being written, then (in another run) the scorecard's change, survive a restart."""
    note = EditForm.between(Role.INTERVIEWER, NOTE_LINE, "", "asks who the")
    saved_commands(sessions_dir(isolated_user_dirs), SessionOptions(pair=True), "answering", note)
    app = make_app(isolated_user_dirs)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, ChoiceScreen)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.query_one("#note-input", Input).value == "asks who the"
        await pilot.press("n", *" users are")
        await pilot.pause()
    assert restored(isolated_user_dirs).record.form_drafts == {Role.INTERVIEWER: {NOTE_LINE: "asks who the users are"}}
    discard_all(isolated_user_dirs)

    change = EditForm.between(Role.INTERVIEWER, "change", "", "name the trade-off")
    own = SubmitAssessment(reflection=Reflection(keep="numbers"))
    saved_commands(sessions_dir(isolated_user_dirs), SessionOptions(pair=True), "assessment", own, change)
    app = make_app(isolated_user_dirs)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, ChoiceScreen)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")  # the hand-off to the interviewer
        await pilot.pause()
        box = app.screen.query_one("#score-change", Input)
        assert box.value == "name the trade-off"
        box.focus()
        await pilot.pause()
        await pilot.press("end", *" first")  # focus selects the field's text: go to its end first
        await pilot.pause()
    assert restored(isolated_user_dirs).record.form_drafts == {Role.INTERVIEWER: {"change": "name the trade-off first"}}


async def test_ratings_and_ticks_chosen_are_saved_and_chosen_again_on_resume(isolated_user_dirs: Path) -> None:
    """A rating chosen by key is saved at once; on resume the form has it chosen, and the ticks ticked."""
    ticks = FormChoices(round_checks=frozenset({"Introduced yourself in under a minute"}))
    saved_commands(sessions_dir(isolated_user_dirs), SessionOptions(), "assessment", ChooseInForm(Role.SELF, ticks))
    async with resumed_app(isolated_user_dirs) as (app, pilot):
        [round_tick] = [box for box in app.screen.query(ItemCheckbox) if box.scope == ROUND_SCOPE]
        assert round_tick.value
        first = app.screen.query(RatingSet).first()
        first.focus()
        await pilot.press("3")  # good
        await pilot.pause()
    choices = restored(isolated_user_dirs).record.form_choices[Role.SELF]
    assert choices.ratings == {first.question_id: Rating.GOOD} and choices.round_checks == ticks.round_checks

    async with resumed_app(isolated_user_dirs) as (app, _):
        ratings = {r.question_id: r.rating for r in app.screen.query(RatingSet)}
        assert ratings == {first.question_id: Rating.GOOD, **{q: None for q in ratings if q != first.question_id}}


async def test_a_partners_scorecard_ratings_and_advance_are_chosen_again_on_resume(isolated_user_dirs: Path) -> None:
    """The last round's scorecard, the candidate's own assessment in: its rating and "would advance?" come back."""
    scorecard = FormChoices(ratings={"cache": Rating.EXCELLENT}, advance=Advance.STRONG_YES)  # the last question
    theirs = SubmitAssessment(role=Role.INTERVIEWER, reflection=Reflection(keep="numbers", change="trade-offs"))
    saved_commands(sessions_dir(isolated_user_dirs), SessionOptions(pair=True), "assessment", SubmitAssessment(),
                   theirs, "assessment", SubmitAssessment(), ChooseInForm(Role.INTERVIEWER, scorecard))  # fmt: skip
    async with resumed_app(isolated_user_dirs) as (app, pilot):
        await pilot.press("enter")  # the hand-off to the interviewer
        await pilot.pause()
        form = app.screen.query_one(ScorecardForm)
        assert form.form_choices() == scorecard
        assert form.query_one("#advance-strong_yes", RadioButton).value
    assert restored(isolated_user_dirs).record.form_choices == {Role.INTERVIEWER: scorecard}


def discard_all(data_dir: Path) -> None:
    for journal in unfinished_journals(sessions_dir(data_dir)):
        journal.unlink()


async def test_the_resumed_notice_gives_the_time_left_as_the_clock_shows_it(isolated_user_dirs: Path) -> None:
    """48.4 s left: the clock reads 0:49 (it rounds up), and so does the notice, not a rounded `48s`."""
    saved_commands(sessions_dir(isolated_user_dirs), SessionOptions(), "answering", 11.6)
    app = make_app(isolated_user_dirs)
    notices: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **_: notices.append(message)  # type: ignore[method-assign]
        await wait_for_screen(pilot, ChoiceScreen)
        await pilot.press("r")
        await pilot.pause()
        clock = str(app.screen.query_one("#main-clock", CountdownClock).render())
    assert clock == "0:49 left"
    assert [notice for notice in notices if notice.endswith(" · 0:49 left when resumed")], notices
