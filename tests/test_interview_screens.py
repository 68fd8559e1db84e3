"""The interview and summary screens, driven with Pilot over the mini pack and a FakeClock."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, TextArea
from textual.pilot import Pilot

from support.apps import SIZE, interview_app
from support.packs import mini_pack
from support.pilot import (
    confirm_unrated, engine_of, finish_in_app, hand_in_unrated, interview, settle, text_of, type_text, write,
)
from support.runs import finish_run
from mockint.core.clock import FakeClock
from mockint.core.ratings import Rating
from mockint.session.commands import BeginRound, Continue, Done, Skip, Start
from mockint.session.engine import SessionEngine
from mockint.session.record import ChallengeStatus, Mode, SessionRecord
from mockint.ui.screens.confirm import ConfirmScreen
from mockint.ui.screens.home import HomeScreen
from mockint.ui.screens.interview import InterviewScreen
from mockint.exporters.content import session_totals, totals_line
from mockint.ui.screens.summary import SummaryScreen
from mockint.ui.screens.summary_table import table_rows
from mockint.session.setup import SessionOptions
from mockint.session.state import Phase
from mockint.ui.widgets.assessment import (
    INTERVIEW_SCOPE, QUESTION_SCOPE, ROUND_SCOPE, AssessmentForm, ItemCheckbox, RatingSet,
)
from mockint.ui.widgets.countdown import CountdownClock, clock_face

# -- the clock face -----------------------------------------------------------


@pytest.mark.parametrize(
    ("remaining", "limit", "face"),
    [
        (120, 120, ("2:00 left", "")),
        (59.2, 120, ("1:00 left", "")),
        (30.5, 120, ("0:31 left", "")),
        (30, 120, ("0:30 left", "low")),
        (0, 60, ("0:00 left", "low")),
        (-12.7, 60, ("+0:12 over", "over")),
    ],
)
def test_clock_face_reads_without_colour(remaining: float, limit: float, face: tuple[str, str]) -> None:
    assert clock_face(remaining, limit) == face


# -- practice mode --------------------------------------------------------------


async def test_round_intro_shows_the_interviewer_and_budget() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        await pilot.pause()
        assert text_of(app, "#intro-position") == "Round 1 of 2"
        assert text_of(app, "#intro-title") == "Warm-up"
        assert text_of(app, "#intro-interviewer") == "Your interviewer: Sam"
        assert text_of(app, "#intro-style") == "friendly, brisk"
        assert "Two quick questions" in text_of(app, "#intro-line")
        assert text_of(app, "#intro-budget") == "Budget 3m · 2 questions"
        await pilot.press("space")
        assert engine.phase is Phase.ANSWERING
        assert text_of(app, "#question-position") == "Question 1 of 2 · Warm-up"
        assert isinstance(app.focused, TextArea) and app.focused.id == "main-answer"


async def test_practice_answer_hint_challenge_and_review() -> None:
    app, clock = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        await pilot.press("enter")
        await write(pilot, "I lead a team and I am proud of it")
        # The text typed so far is kept (in the record, where a save finds it); the answer is not handed in yet.
        assert engine.draft == "I lead a team and I am proud of it"
        assert engine.phase is Phase.ANSWERING and engine.record.rounds[0].questions[0].time_used == 0
        await pilot.press("ctrl+t")
        assert engine.interviewer_view().question.hint_used
        assert text_of(app, "#hint-line") == "Hint: Present, past, future - in that order."
        clock.advance(20)
        interview(app).tick()
        assert str(app.screen.query_one("#main-clock", CountdownClock).render()) == "0:40 left"
        await pilot.press("ctrl+d")
        # Practice mode poses `at:` challenges after the answer, not as interruptions.
        assert engine.phase is Phase.CHALLENGE and not engine.interviewer_view().challenge.interrupted
        assert text_of(app, "#challenge-label") == "Sam pushes back:"
        assert not app.screen.query_one("#challenge-marker").display
        assert app.focused is not None and app.focused.id == "challenge-answer"
        await type_text(pilot, "growth")
        await pilot.press("f5")
        question = engine.record.rounds[0].questions[0]
        assert question.answer == "I lead a team and I am proud of it"
        assert question.challenges[0].answer == "growth"
        assert engine.phase is Phase.REVIEW
        review = text_of(app, "#review-body")
        assert "• One thing you are proud of (mentioned: proud)" in review
        assert "• Current role and what you own\n" in review
        assert "You took the hint" in review
        assert "answered in 0:00 / 0:30" in review
        assert "Your answer (0:20 / 1:00)\nI lead a team and I am proud of it\n" in review
        assert review.index("Your answer") < review.index("What a strong answer covers")
        assert "  Your answer: growth" in review
        await pilot.press("enter")
        assert engine.phase is Phase.ANSWERING and engine.state.question == 1


async def test_not_needed_challenge_and_a_refused_hint_are_shown() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        notes: list[str] = []
        interview(app).notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
        engine.apply(BeginRound())
        engine.apply(Done("x"))
        engine.apply(Skip())
        engine.apply(Continue())
        interview(app).sync()
        await pilot.pause()
        await pilot.press("ctrl+t")
        assert notes == ["This question has no hint."]
        await write(pilot, "Constant, unless every key collides: collision chains")
        await pilot.press("ctrl+d")
        assert engine.phase is Phase.REVIEW
        assert "not needed: you already mentioned collision" in text_of(app, "#review-body")


async def test_skip_then_pause_and_resume() -> None:
    app, clock = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        await pilot.press("enter")
        await type_text(pilot, "notes")
        await pilot.press("ctrl+k")
        first = engine.record.rounds[0].questions[0]
        assert first.skipped and first.answer == "notes"
        assert "You skipped this question." in text_of(app, "#review-body")
        await pilot.press("enter")
        clock.advance(5)
        await pilot.press("f4")
        assert engine.paused
        assert app.screen.query_one("#paused-banner").display
        assert app.screen.query_one("#main-answer", TextArea).disabled
        clock.advance(300)
        interview(app).tick()
        assert str(app.screen.query_one("#main-clock").render()) == "0:40 left (paused)"
        await pilot.press("ctrl+d")  # done is off while paused
        assert engine.phase is Phase.ANSWERING
        await pilot.press("f4")
        assert not engine.paused and not app.screen.query_one("#paused-banner").display
        assert app.focused is app.screen.query_one("#main-answer")


async def test_assessment_by_keyboard_then_next_round_then_summary() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        for _ in range(2):
            await pilot.press("enter", "ctrl+k", "enter")
        assert engine.phase is Phase.ASSESSMENT
        await pilot.pause()
        form = app.screen.query_one(AssessmentForm)
        assert isinstance(app.focused, ItemCheckbox) and app.focused.item == "Mentioned a concrete result"
        # The whole interview's checklist waits for the last round.
        assert [box.scope for box in form.query(ItemCheckbox)] == [QUESTION_SCOPE, ROUND_SCOPE]
        await pilot.press("space", "tab", "right", "right", "enter")  # poor, mixed, good: chosen
        assert [r.rating for r in form.query(RatingSet)] == [Rating.GOOD, None]
        form.query_one("#reflect-keep", TextArea).text = "calm pace"
        form.query_one("#reflect-start", TextArea).text = "numbers"
        await pilot.press("ctrl+d")  # one question not rated: asked first, and no is back to the form
        assert isinstance(app.screen, ConfirmScreen) and app.screen.question.startswith("1 of 2 questions is not rated")
        await pilot.press("n")
        assert app.screen.query_one(AssessmentForm) is form and engine.phase is Phase.ASSESSMENT
        await hand_in_unrated(pilot)
        assessed = engine.record.rounds[0]
        assert assessed.assessed and assessed.questions[0].checked == {"Mentioned a concrete result"}
        assert assessed.questions[0].rating is Rating.GOOD and assessed.questions[1].rating is None
        assert (assessed.reflection.keep, assessed.reflection.start) == ("calm pace", "numbers")
        assert engine.phase is Phase.ROUND_INTRO
        assert text_of(app, "#intro-position") == "Round 2 of 2"
        await pilot.press("enter", "ctrl+k", "enter")
        await pilot.pause()
        last_form = app.screen.query_one(AssessmentForm)
        interview_boxes = [box for box in last_form.query(ItemCheckbox) if box.scope == INTERVIEW_SCOPE]
        assert [box.item for box in interview_boxes] == list(engine.record.checklist)
        interview_boxes[1].value = True
        await pilot.click("#submit-assessment")
        await confirm_unrated(pilot)
        assert engine.phase is Phase.FINISHED
        assert engine.record.checked == {engine.record.checklist[1]}
        assert isinstance(app.screen, SummaryScreen) and app.screen.record is engine.record


# -- pressure mode --------------------------------------------------------------


async def test_pressure_moves_on_by_itself_when_time_is_up() -> None:
    app, clock = interview_app(Mode.PRESSURE)
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        notes: list[str] = []
        interview(app).notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
        await pilot.press("enter")
        assert "Hint" not in [b.binding.description for b in app.screen.active_bindings.values() if b.enabled and b.binding.show]
        await pilot.press("ctrl+t")
        assert notes == ["Hints are off in pressure mode."]
        engine.apply(Done("x"))  # first question done; its challenge answered at once
        engine.apply(Done("y"))
        interview(app).sync()
        await pilot.pause()
        await write(pilot, "constant time")
        clock.advance(46)
        interview(app).tick()
        await pilot.pause()
        second = engine.record.rounds[0].questions[1]
        assert second.auto_advanced and second.answer == "constant time"
        assert engine.phase is Phase.CHALLENGE and engine.interviewer_view().challenge.ask == "And in the worst case?"


async def test_pressure_interruption_keeps_the_main_answer() -> None:
    app, clock = interview_app(Mode.PRESSURE)
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        await pilot.press("enter")
        await write(pilot, "I run a team of four")
        clock.advance(46)
        interview(app).tick()
        await pilot.pause()
        assert engine.phase is Phase.CHALLENGE and engine.interviewer_view().challenge.interrupted
        assert app.screen.query_one("#challenge-marker").display
        assert not app.screen.query_one("#main-answer").display
        assert app.focused is app.screen.query_one("#challenge-answer")
        await type_text(pilot, "growth")
        await pilot.press("ctrl+d")
        main = app.screen.query_one("#main-answer", TextArea)
        assert engine.phase is Phase.ANSWERING and main.display
        assert main.text == "I run a team of four" and app.focused is main
        await type_text(pilot, " and")
        await pilot.press("ctrl+d")
        question = engine.record.rounds[0].questions[0]
        assert question.answer == "I run a team of four and"
        assert question.challenges[0].answer == "growth"


# -- quitting -------------------------------------------------------------------


async def test_quit_asks_first_and_keeps_what_was_done() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        await pilot.press("enter")
        await type_text(pilot, "half")
        await pilot.press("escape")
        await pilot.press("n")
        assert isinstance(app.screen, InterviewScreen) and engine.phase is Phase.ANSWERING
        await pilot.press("ctrl+q")
        await pilot.press("y")
        await pilot.pause()
        assert engine.phase is Phase.FINISHED and engine.record.ended_early
        assert engine.record.rounds[0].questions[0].answer == "half"
        assert isinstance(app.screen, SummaryScreen)


# -- the summary ----------------------------------------------------------------


def test_summary_rows_and_totals() -> None:
    clock = FakeClock()
    engine = SessionEngine.new(mini_pack(), SessionOptions(), clock)
    engine.apply(Start())
    finish_run(engine, clock)
    record: SessionRecord = engine.record
    rows = table_rows(record)
    assert [row.is_round for row in rows] == [True, False, False, True, False]
    assert rows[0].cells[0] == "Warm-up"
    # The answer's time, then its posed challenges' on a line of their own, each against its limit, as transcripts do.
    time = "1:12 of 1:00 (+0:12 over)\n+ challenges 0:20 of 0:30"
    assert rows[1].cells == ("Tell me about yourself.", "answered", time, "1/1", "Good")
    # The second round was never assessed: its checklist is "–", not "0/n".
    assert rows[2].cells[1:] == ("answered", "0:30 of 0:45", "–", "Mixed")
    assert rows[4].cells[1:] == ("skipped", "0:00 of 2:00", "–", "–")
    totals = session_totals(record)
    assert (totals.answered, totals.no_answer, totals.skipped) == (2, 0, 1)
    own = totals.own_rating
    assert (own.points, own.rated, own.no_evidence, totals.interviewer_rating) == (pytest.approx(2.5), 2, 0, None)
    assert (totals.checklist_ticked, totals.checklist_total) == (3, 4)
    # Answering time counts answers and challenges; the session also counts the time in reviews.
    assert totals_line(totals) == (
        "Answered 2 · skipped 1 · answering time 2:02 (with challenges) · session 2m19s"
        " · average rating 2.5/4 · checklist 75% (3/4)"
    )
    assert record.rounds[0].questions[1].challenges[0].status is ChallengeStatus.NOT_NEEDED


async def test_summary_enter_asks_then_goes_back_home() -> None:
    app, clock = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await finish_in_app(pilot, clock)
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.query_one(DataTable).row_count == 5
        await pilot.press("enter", "l")
        assert isinstance(app.screen, HomeScreen)


# -- snapshots (100x30, FakeClock) ----------------------------------------------


def test_snapshot_round_intro(snap_compare) -> None:
    app, _ = interview_app()
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_snapshot_question(snap_compare) -> None:
    app, clock = interview_app()

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await write(pilot, "I lead the platform team")
        clock.advance(14)
        interview(app).tick()
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_snapshot_question_low_time(snap_compare) -> None:
    app, clock = interview_app()

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "ctrl+t")
        clock.advance(48)
        interview(app).tick()
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_snapshot_overtime(snap_compare) -> None:
    app, clock = interview_app()

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        clock.advance(72)
        interview(app).tick()
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_snapshot_interruption(snap_compare) -> None:
    app, clock = interview_app(Mode.PRESSURE)

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await write(pilot, "I run a team of four")
        clock.advance(50)
        interview(app).tick()
        await type_text(pilot, "I want")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_snapshot_paused(snap_compare) -> None:
    app, clock = interview_app()

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        clock.advance(10)
        await pilot.press("f4")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_snapshot_review(snap_compare) -> None:
    app, clock = interview_app()

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "ctrl+t")
        await write(pilot, "My role: I lead a team")
        clock.advance(40)
        await pilot.press("ctrl+d")
        clock.advance(25)
        await pilot.press("ctrl+d")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_snapshot_assessment(snap_compare) -> None:
    app, _ = interview_app()

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "ctrl+k", "enter", "ctrl+k", "enter")
        await pilot.pause()
        await pilot.press("space", "tab", "right", "right", "enter")  # good
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_snapshot_summary(snap_compare) -> None:
    app, clock = interview_app(save=False)  # a saved run's summary shows where: a temp path

    async def run_before(pilot: Pilot[None]) -> None:
        await finish_in_app(pilot, clock)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
