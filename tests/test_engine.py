"""The session engine, driven with a fake clock."""

from __future__ import annotations

import pytest

from mockint.clock import FakeClock
from mockint.engine import SessionEngine
from mockint.model import Challenge, Interviewer, Pack, Question, Round
from mockint.record import ChallengeStatus, Mode, Reflection
from mockint.session import EngineError, EventKind, Phase, RoundAssessment, SessionOptions


def make_pack() -> Pack:
    q1 = Question(
        id="metrics",
        ask="Which metrics do you track?",
        time=60,
        guide=("completion rate", "engagement"),
        keywords=("completion", "engagement"),
        hint="Think funnel.",
        checklist=("Named a metric", "Explained why"),
        challenges=(
            Challenge(ask="And if the budget is limited?", time=30),
            Challenge(ask="What about retention?", time=20, unless_mentioned=("retention",)),
        ),
    )
    q2 = Question(
        id="drop",
        ask="Views dropped 40% overnight. What do you do?",
        time=120,
        challenges=(Challenge(ask="Stop: is it the algorithm or you?", time=30, at=45),),
    )
    q3 = Question(id="why", ask="Why us?", time=60)
    return Pack(
        name="demo",
        title="Demo",
        checklist=("Structured answers",),
        rounds=(
            Round(id="01-ops", title="Ops", questions=(q1, q2), interviewer=Interviewer("Lee", "pragmatic")),
            Round(id="02-hr", title="HR", questions=(q3,), checklist=("Smiled",)),
        ),
    )


def started(mode: Mode = Mode.PRACTICE, **options) -> tuple[SessionEngine, FakeClock]:
    clock = FakeClock()
    engine = SessionEngine(make_pack(), SessionOptions(mode=mode, **options), clock)
    engine.start()
    engine.begin_round()
    return engine, clock


def kinds(engine: SessionEngine) -> list[EventKind]:
    return [e.kind for e in engine.events]


def test_start_shows_round_intro_then_first_question():
    engine = SessionEngine(make_pack(), SessionOptions(), FakeClock())
    assert engine.phase is Phase.NOT_STARTED
    engine.start()
    assert engine.phase is Phase.ROUND_INTRO
    assert engine.current_round.interviewer.name == "Lee"
    engine.begin_round()
    assert engine.phase is Phase.ANSWERING
    assert engine.current_question.id == "metrics"
    assert engine.countdown is not None and engine.countdown.remaining() == 60


def test_countdown_is_deadline_minus_now():
    engine, clock = started()
    clock.advance(12.5)
    assert engine.countdown.remaining() == pytest.approx(47.5)


def test_submit_poses_challenges_in_order_and_records_times():
    engine, clock = started()
    clock.advance(50)
    engine.submit("I track completion and engagement.")
    assert engine.phase is Phase.CHALLENGE
    assert engine.current_challenge.ask == "And if the budget is limited?"
    clock.advance(10)
    engine.submit("Prioritise organic.")
    assert engine.current_challenge.ask == "What about retention?"
    clock.advance(25)
    engine.submit("Cohorts.")
    assert engine.phase is Phase.REVIEW
    record = engine.record.rounds[0].questions[0]
    assert record.answer == "I track completion and engagement."
    assert record.time_used == pytest.approx(50)
    assert [c.time_used for c in record.challenges] == [pytest.approx(10), pytest.approx(25)]
    assert record.challenges[1].overtime == pytest.approx(5)
    assert all(c.status is ChallengeStatus.ANSWERED for c in record.challenges)


def test_unless_mentioned_challenge_is_not_needed_when_term_was_said():
    engine, clock = started()
    engine.submit("Retention comes first, then reach.")
    engine.submit("Organic.")
    assert engine.phase is Phase.REVIEW
    challenge = engine.record.rounds[0].questions[0].challenges[1]
    assert challenge.status is ChallengeStatus.NOT_NEEDED
    assert challenge.mentioned == ("retention",)
    assert EventKind.CHALLENGE_NOT_NEEDED in kinds(engine)


def test_unless_mentioned_matches_whole_words_only():
    engine, clock = started()
    engine.submit("I look at reattention and unretentive users.")
    engine.submit("Organic.")
    assert engine.current_challenge.ask == "What about retention?"
    # Whole words, but a plural is the same word.
    engine, clock = started()
    engine.submit("I look at retentions by cohort.")
    engine.submit("Organic.")
    assert engine.phase is Phase.REVIEW
    assert engine.record.rounds[0].questions[0].challenges[1].mentioned == ("retention",)


def test_unless_mentioned_counts_earlier_challenge_answers():
    engine, clock = started()
    engine.submit("Completion.")
    engine.submit("Cut spend, watch retention.")
    assert engine.phase is Phase.REVIEW


def test_practice_overtime_counts_up_and_does_not_advance():
    engine, clock = started()
    clock.advance(75)
    engine.tick()
    assert engine.phase is Phase.ANSWERING
    assert engine.countdown.overtime() == pytest.approx(15)
    assert kinds(engine).count(EventKind.TIME_UP) == 1
    engine.tick()
    assert kinds(engine).count(EventKind.TIME_UP) == 1
    engine.submit("late")
    assert engine.record.rounds[0].questions[0].overtime == pytest.approx(15)


def test_pressure_time_up_moves_on_by_itself_at_the_deadline():
    engine, clock = started(Mode.PRESSURE)
    engine.update_draft("half an answer")
    clock.advance(61)
    engine.tick()
    assert engine.phase is Phase.CHALLENGE
    record = engine.record.rounds[0].questions[0]
    assert record.answer == "half an answer"
    assert record.auto_advanced
    assert record.time_used == pytest.approx(60)
    # The challenge clock started at the deadline, not when the tick came.
    assert engine.countdown.remaining() == pytest.approx(29)


def test_blocked_loop_catches_up_on_every_deadline_without_losing_time():
    engine, clock = started(Mode.PRESSURE)
    clock.advance(60 + 30 + 20 + 7)  # main, both challenges, then 7 s into question 2
    engine.tick()
    assert engine.phase is Phase.ANSWERING
    assert engine.current_question.id == "drop"
    assert engine.countdown.remaining() == pytest.approx(113)


def test_pressure_interrupts_at_the_at_time_and_returns_to_the_answer():
    engine, clock = started(Mode.PRESSURE)
    engine.submit("x")
    engine.skip()
    engine.skip()
    assert engine.current_question.id == "drop"
    clock.advance(44)
    engine.tick()
    assert engine.phase is Phase.ANSWERING
    clock.advance(2)
    engine.tick()
    assert engine.phase is Phase.CHALLENGE
    assert engine.current_challenge.interrupted
    # The challenge clock started at the moment of interruption (45 s), a second ago.
    assert engine.countdown.remaining() == pytest.approx(29)
    clock.advance(10)
    engine.submit("It's us.")
    assert engine.phase is Phase.ANSWERING
    # The main answer's clock was held during the challenge.
    assert engine.countdown.remaining() == pytest.approx(75)
    engine.submit("Done.")
    assert engine.phase is Phase.ASSESSMENT


def test_practice_poses_at_challenges_after_the_answer_instead():
    engine, clock = started()
    engine.submit("a")
    engine.skip()
    engine.skip()
    engine.continue_after_review()
    clock.advance(50)
    engine.tick()
    assert engine.phase is Phase.ANSWERING
    engine.submit("b")
    assert engine.phase is Phase.CHALLENGE
    assert not engine.current_challenge.interrupted


def test_pause_stops_the_clock_and_is_recorded():
    engine, clock = started()
    clock.advance(10)
    engine.pause()
    clock.advance(300)
    engine.tick()
    assert engine.countdown.remaining() == pytest.approx(50)
    with pytest.raises(EngineError):
        engine.submit("x")
    engine.resume()
    clock.advance(5)
    assert engine.countdown.remaining() == pytest.approx(45)
    assert engine.record.pauses[0].length == pytest.approx(300)
    assert engine.elapsed() == pytest.approx(15)


def test_hint_in_practice_is_recorded_and_refused_in_pressure():
    engine, _ = started()
    assert engine.hint() == "Think funnel."
    assert engine.record.rounds[0].questions[0].hint_used
    pressure, _ = started(Mode.PRESSURE)
    with pytest.raises(EngineError, match="pressure"):
        pressure.hint()


def test_skip_marks_question_and_its_challenges_not_reached():
    engine, _ = started()
    engine.update_draft("some notes")
    engine.skip()
    record = engine.record.rounds[0].questions[0]
    assert record.skipped and record.answer == "some notes"
    assert {c.status for c in record.challenges} == {ChallengeStatus.NOT_REACHED}
    assert engine.phase is Phase.REVIEW


def test_assessment_is_recorded_and_leads_to_next_round_then_finish():
    engine, clock = started()
    engine.skip()
    engine.continue_after_review()
    engine.skip()
    engine.continue_after_review()
    assert engine.phase is Phase.ASSESSMENT
    engine.submit_assessment(
        RoundAssessment(
            question_checks={"metrics": {"Named a metric"}},
            ratings={"metrics": 4},
            interview_checks={"Structured answers"},
            reflection=Reflection(keep="calm"),
        )
    )
    assert engine.phase is Phase.ROUND_INTRO and engine.round_index == 1
    round_record = engine.record.rounds[0]
    assert round_record.assessed and round_record.reflection.keep == "calm"
    assert round_record.questions[0].checked == {"Named a metric"}
    assert round_record.questions[0].rating == 4
    engine.begin_round()
    engine.submit("Because.")
    engine.continue_after_review()
    engine.submit_assessment(RoundAssessment())
    assert engine.phase is Phase.FINISHED
    assert engine.record.finished and not engine.record.ended_early


def test_rating_out_of_range_is_refused():
    engine, _ = started()
    engine.skip()
    engine.continue_after_review()
    engine.skip()
    engine.continue_after_review()
    with pytest.raises(EngineError):
        engine.submit_assessment(RoundAssessment(ratings={"metrics": 6}))


def test_quit_mid_challenge_keeps_what_was_typed():
    engine, clock = started()
    engine.submit("main answer")
    engine.update_draft("half a challenge answer")
    clock.advance(3)
    engine.quit()
    record = engine.record.rounds[0].questions[0]
    assert engine.phase is Phase.FINISHED and engine.record.ended_early
    assert record.answer == "main answer"
    assert record.challenges[0].answer == "half a challenge answer"
    assert record.challenges[1].status is ChallengeStatus.NOT_REACHED
    assert not engine.record.rounds[1].questions[0].reached


def test_round_subset_and_unknown_round():
    engine = SessionEngine(make_pack(), SessionOptions(round_ids=("02-hr",)), FakeClock())
    assert [r.id for r in engine.rounds] == ["02-hr"]
    with pytest.raises(EngineError, match="unknown round 'nope'"):
        SessionEngine(make_pack(), SessionOptions(round_ids=("nope",)), FakeClock())


def test_shuffle_is_reproducible_with_a_seed_and_records_it():
    orders = {
        tuple(q.id for q in SessionEngine(make_pack(), SessionOptions(shuffle=True, seed=s), FakeClock()).rounds[0].questions)
        for s in range(20)
    }
    assert orders == {("metrics", "drop"), ("drop", "metrics")}
    a = SessionEngine(make_pack(), SessionOptions(shuffle=True, seed=7), FakeClock())
    b = SessionEngine(make_pack(), SessionOptions(shuffle=True, seed=7), FakeClock())
    assert [q.id for q in a.rounds[0].questions] == [q.id for q in b.rounds[0].questions]
    assert a.record.seed == 7
    unseeded = SessionEngine(make_pack(), SessionOptions(shuffle=True), FakeClock())
    assert unseeded.record.seed is not None


def test_actions_out_of_turn_are_clear_errors():
    engine = SessionEngine(make_pack(), SessionOptions(), FakeClock())
    with pytest.raises(EngineError, match="not possible now"):
        engine.submit("x")


def test_ten_minutes_with_a_blocked_loop_stays_exact():
    pack = Pack(name="long", title="Long", rounds=(Round(id="r", title="R", questions=(Question(id="q", ask="Talk.", time=900),)),))
    clock = FakeClock()
    engine = SessionEngine(pack, SessionOptions(), clock)
    engine.start()
    engine.begin_round()
    for step in range(2400):  # 10 minutes of quarter-second ticks, blocked for 3 s every 100th
        clock.advance(3.0 if step % 100 == 0 else 0.25)
        engine.tick()
    truth = 900 - (24 * 3.0 + 2376 * 0.25)
    assert abs(engine.countdown.remaining() - truth) < 0.05


def test_events_reach_the_listener():
    seen = []
    engine = SessionEngine(make_pack(), SessionOptions(), FakeClock(), on_event=seen.append)
    engine.start()
    assert [e.kind for e in seen] == [EventKind.STARTED, EventKind.ROUND_STARTED]


def test_outcome_tells_answered_from_empty_skipped_cut_off_and_not_reached():
    from mockint.record import Outcome

    engine, clock = started(Mode.PRESSURE)
    engine.submit("")  # done with nothing typed
    engine.skip()
    engine.skip()
    engine.update_draft("half")
    clock.advance(151)  # 120 s of answer plus the 30 s interruption
    engine.tick()
    engine.quit()
    outcomes = [q.outcome for r in engine.record.rounds for q in r.questions]
    assert outcomes == [Outcome.NO_ANSWER, Outcome.CUT_OFF, Outcome.NOT_REACHED]
    engine, _ = started()
    engine.submit("Completion rate.")
    engine.skip()
    engine.skip()
    engine.continue_after_review()
    engine.skip()
    assert [q.outcome for q in engine.record.rounds[0].questions] == [Outcome.ANSWERED, Outcome.SKIPPED]
