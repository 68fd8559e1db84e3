"""The session engine, driven with a fake clock."""

from __future__ import annotations

import pytest

from mockint.core import codec
from mockint.core.clock import FakeClock
from mockint.core.ratings import Rating
from mockint.session.commands import (
    BeginRound, Continue, Done, EditDraft, Hint, Pause, Quit, Resume, Skip, Start, SubmitAssessment, Tick,
)
from mockint.session.engine import SessionEngine
from mockint.core.model import Challenge, Pack, Question, Round
from support.packs import make_pack, terms
from mockint.session.record import Audience, ChallengeStatus, Mode, Reflection, Role, Rules, decode_record
from mockint.session.setup import EngineError, EventKind, SessionOptions
from mockint.session.state import Phase
from mockint.session.views import ClockFigures


def started(mode: Mode = Mode.PRACTICE, **options) -> tuple[SessionEngine, FakeClock]:
    clock = FakeClock()
    engine = SessionEngine.new(make_pack(), SessionOptions(mode=mode, **options), clock)
    engine.apply(Start())
    engine.apply(BeginRound())
    return engine, clock


def clock_of(engine: SessionEngine) -> ClockFigures:
    """The clock the candidate is answering against, now."""
    clock = engine.interviewer_view().position.clock
    assert clock is not None, "no answer is on"
    return clock


def remaining(engine: SessionEngine) -> float:
    return clock_of(engine).remaining


def kinds(engine: SessionEngine) -> list[EventKind]:
    return [e.kind for e in engine.events]


def test_start_shows_round_intro_then_first_question():
    engine = SessionEngine.new(make_pack(), SessionOptions(), FakeClock())
    assert engine.phase is Phase.NOT_STARTED
    engine.apply(Start())
    assert engine.phase is Phase.ROUND_INTRO
    assert engine.interviewer_view().round.interviewer == "Lee"
    engine.apply(BeginRound())
    assert engine.phase is Phase.ANSWERING
    assert engine.interviewer_view().question.question_id == "metrics"
    assert remaining(engine) == 60


def test_countdown_is_deadline_minus_now():
    engine, clock = started()
    clock.advance(12.5)
    assert remaining(engine) == pytest.approx(47.5)


def test_submit_poses_challenges_in_order_and_records_times():
    engine, clock = started()
    clock.advance(50)
    engine.apply(Done("I track completion and engagement."))
    assert engine.phase is Phase.CHALLENGE
    assert engine.interviewer_view().challenge.ask == "And if the budget is limited?"
    clock.advance(10)
    engine.apply(Done("Prioritise organic."))
    assert engine.interviewer_view().challenge.ask == "What about retention?"
    clock.advance(25)
    engine.apply(Done("Cohorts."))
    assert engine.phase is Phase.REVIEW
    record = engine.record.rounds[0].questions[0]
    assert record.answer == "I track completion and engagement."
    assert record.time_used == pytest.approx(50)
    assert [c.time_used for c in record.challenges] == [pytest.approx(10), pytest.approx(25)]
    assert record.challenges[1].overtime == pytest.approx(5)
    assert all(c.status is ChallengeStatus.ANSWERED for c in record.challenges)


def test_unless_mentioned_challenge_is_not_needed_when_term_was_said():
    engine, clock = started()
    engine.apply(Done("Retention comes first, then reach."))
    engine.apply(Done("Organic."))
    assert engine.phase is Phase.REVIEW
    challenge = engine.record.rounds[0].questions[0].challenges[1]
    assert challenge.status is ChallengeStatus.NOT_NEEDED
    assert challenge.mentioned == ("retention",)
    assert EventKind.CHALLENGE_NOT_NEEDED in kinds(engine)


def test_unless_mentioned_matches_whole_words_only():
    engine, clock = started()
    engine.apply(Done("I look at reattention and unretentive users."))
    engine.apply(Done("Organic."))
    assert engine.interviewer_view().challenge.ask == "What about retention?"
    # Whole words, but a plural is the same word.
    engine, clock = started()
    engine.apply(Done("I look at retentions by cohort."))
    engine.apply(Done("Organic."))
    assert engine.phase is Phase.REVIEW
    assert engine.record.rounds[0].questions[0].challenges[1].mentioned == ("retention",)


def alternatives_pack() -> Pack:
    """One question whose challenge waits for any way of saying year-over-year, in English or Chinese."""
    question = Question(
        id="growth", ask="Did the campaign work?", time=60,
        challenges=(Challenge(ask="Compared with what?", time=30,
                              unless_mentioned=terms(("same period", "year-over-year", "YoY", "同比"))),),
    )  # fmt: skip
    return Pack(name="alt", title="Alt", rounds=(Round(id="r", title="R", questions=(question,)),))


@pytest.mark.parametrize(
    ("answer", "needed"),
    [
        ("Sales rose 12% YoY.", False),
        ("Up on the same periods last year.", False),
        ("销售额同比增长12%。", False),
        ("Year over year it doubled.", False),
        ("It went up, a lot.", True),
        ("We saw the same results.", True),
    ],
)
def test_unless_mentioned_counts_any_alternative_and_records_the_name(answer: str, needed: bool):
    clock = FakeClock()
    engine = SessionEngine.new(alternatives_pack(), SessionOptions(), clock)
    engine.apply(Start())
    engine.apply(BeginRound())
    engine.apply(Done(answer))
    challenge = engine.record.rounds[0].questions[0].challenges[0]
    assert (engine.phase is Phase.CHALLENGE) is needed
    assert challenge.mentioned == (() if needed else ("same period",))


def test_the_record_copies_the_kit_and_the_default_hint_after():
    record = SessionEngine.new(alternatives_pack(), SessionOptions(), FakeClock()).record
    question = record.rounds[0].questions[0]
    assert question.challenges[0].unless_mentioned[0].alternatives == ("same period", "year-over-year", "YoY", "同比")
    assert (question.hint_after, question.anchors, question.reference, question.facts) == (20, {}, None, ())


def test_unless_mentioned_counts_earlier_challenge_answers():
    engine, clock = started()
    engine.apply(Done("Completion."))
    engine.apply(Done("Cut spend, watch retention."))
    assert engine.phase is Phase.REVIEW


def test_practice_overtime_counts_up_and_does_not_advance():
    engine, clock = started()
    clock.advance(75)
    engine.apply(Tick())
    assert engine.phase is Phase.ANSWERING
    assert clock_of(engine).overtime == pytest.approx(15)
    assert kinds(engine).count(EventKind.TIME_UP) == 1
    engine.apply(Tick())
    assert kinds(engine).count(EventKind.TIME_UP) == 1
    engine.apply(Done("late"))
    assert engine.record.rounds[0].questions[0].overtime == pytest.approx(15)


def test_pressure_time_up_moves_on_by_itself_at_the_deadline():
    engine, clock = started(Mode.PRESSURE)
    engine.apply(EditDraft.between(engine.draft or "", "half an answer"))
    clock.advance(61)
    engine.apply(Tick())
    assert engine.phase is Phase.CHALLENGE
    record = engine.record.rounds[0].questions[0]
    assert record.answer == "half an answer"
    assert record.auto_advanced
    assert record.time_used == pytest.approx(60)
    # The challenge clock started at the deadline, not when the tick came.
    assert remaining(engine) == pytest.approx(29)


def test_blocked_loop_catches_up_on_every_deadline_without_losing_time():
    engine, clock = started(Mode.PRESSURE)
    clock.advance(60 + 30 + 20 + 7)  # main, both challenges, then 7 s into question 2
    engine.apply(Tick())
    assert engine.phase is Phase.ANSWERING
    assert engine.interviewer_view().question.question_id == "drop"
    assert remaining(engine) == pytest.approx(113)


def test_pressure_interrupts_at_the_at_time_and_returns_to_the_answer():
    engine, clock = started(Mode.PRESSURE)
    engine.apply(Done("x"))
    engine.apply(Skip())
    engine.apply(Skip())
    assert engine.interviewer_view().question.question_id == "drop"
    clock.advance(44)
    engine.apply(Tick())
    assert engine.phase is Phase.ANSWERING
    clock.advance(2)
    engine.apply(Tick())
    assert engine.phase is Phase.CHALLENGE
    assert engine.interviewer_view().challenge.interrupted
    # The challenge clock started at the moment of interruption (45 s), a second ago.
    assert remaining(engine) == pytest.approx(29)
    clock.advance(10)
    engine.apply(Done("It's us."))
    assert engine.phase is Phase.ANSWERING
    # The main answer's clock was held during the challenge.
    assert remaining(engine) == pytest.approx(75)
    engine.apply(Done("Done."))
    assert engine.phase is Phase.ASSESSMENT


def test_practice_poses_at_challenges_after_the_answer_instead():
    engine, clock = started()
    engine.apply(Done("a"))
    engine.apply(Skip())
    engine.apply(Skip())
    engine.apply(Continue())
    clock.advance(50)
    engine.apply(Tick())
    assert engine.phase is Phase.ANSWERING
    engine.apply(Done("b"))
    assert engine.phase is Phase.CHALLENGE
    assert not engine.interviewer_view().challenge.interrupted


def test_pause_stops_the_clock_and_is_recorded():
    engine, clock = started()
    clock.advance(10)
    engine.apply(Pause())
    clock.advance(300)
    engine.apply(Tick())
    assert remaining(engine) == pytest.approx(50)
    with pytest.raises(EngineError):
        engine.apply(Done("x"))
    engine.apply(Resume())
    clock.advance(5)
    assert remaining(engine) == pytest.approx(45)
    assert engine.record.pauses[0].length == pytest.approx(300)
    assert engine.elapsed() == pytest.approx(15)


def test_hint_in_practice_is_recorded_and_refused_in_pressure():
    engine, _ = started()
    assert engine.candidate_view().rounds[0].questions[0].hint is None
    engine.apply(Hint())
    assert engine.candidate_view().rounds[0].questions[0].hint == "Think funnel."
    assert engine.record.rounds[0].questions[0].hint_used
    pressure, _ = started(Mode.PRESSURE)
    with pytest.raises(EngineError, match="pressure"):
        pressure.apply(Hint())


def test_skip_marks_question_and_its_challenges_not_reached():
    engine, _ = started()
    engine.apply(EditDraft.between(engine.draft or "", "some notes"))
    engine.apply(Skip())
    record = engine.record.rounds[0].questions[0]
    assert record.skipped and record.answer == "some notes"
    assert {c.status for c in record.challenges} == {ChallengeStatus.NOT_REACHED}
    assert engine.phase is Phase.REVIEW


def test_assessment_is_recorded_and_leads_to_next_round_then_finish():
    engine, clock = started()
    engine.apply(Skip())
    engine.apply(Continue())
    engine.apply(Skip())
    engine.apply(Continue())
    assert engine.phase is Phase.ASSESSMENT
    with pytest.raises(EngineError, match="once, with the last round"):
        engine.apply(SubmitAssessment(interview_checks={"Structured answers"}))
    assert engine.phase is Phase.ASSESSMENT and not engine.record.rounds[0].assessed
    engine.apply(
        SubmitAssessment(
            question_checks={"metrics": {"Named a metric"}},
            ratings={"metrics": Rating.GOOD},
            reflection=Reflection(keep="calm"),
        )
    )
    assert engine.phase is Phase.ROUND_INTRO and engine.state.round == 1
    round_record = engine.record.rounds[0]
    assert round_record.assessed and round_record.reflection.keep == "calm"
    assert round_record.revealed_at == engine.offset()  # solo: the candidate's own assessment reveals the round
    assert round_record.questions[0].checked == {"Named a metric"}
    assert round_record.questions[0].rating is Rating.GOOD and round_record.questions[1].rating is None
    assert Role.SELF not in engine.record.assessments
    engine.apply(BeginRound())
    engine.apply(Done("Because."))
    engine.apply(Continue())
    engine.apply(SubmitAssessment(interview_checks={"Structured answers"}))
    assert engine.phase is Phase.FINISHED
    assert engine.record.finished and not engine.record.ended_early
    assert engine.record.assessments[Role.SELF].checked == {"Structured answers"}


@pytest.mark.parametrize("rating", [4, "great", None])
def test_a_rating_off_the_scale_is_refused(rating: object) -> None:
    engine, _ = started()
    engine.apply(Skip())
    engine.apply(Continue())
    engine.apply(Skip())
    engine.apply(Continue())
    with pytest.raises(EngineError, match="poor, mixed, good, excellent, no_evidence"):
        engine.apply(SubmitAssessment(ratings={"metrics": rating}))  # type: ignore[dict-item]
    assert not engine.record.rounds[0].assessed and engine.phase is Phase.ASSESSMENT


def test_quit_mid_challenge_keeps_what_was_typed():
    engine, clock = started()
    engine.apply(Done("main answer"))
    engine.apply(EditDraft.between(engine.draft or "", "half a challenge answer"))
    clock.advance(3)
    engine.apply(Quit())
    record = engine.record.rounds[0].questions[0]
    assert engine.phase is Phase.FINISHED and engine.record.ended_early
    assert record.answer == "main answer"
    assert record.challenges[0].answer == "half a challenge answer"
    assert record.challenges[1].status is ChallengeStatus.NOT_REACHED
    assert not engine.record.rounds[1].questions[0].reached


def test_round_subset_and_unknown_round():
    engine = SessionEngine.new(make_pack(), SessionOptions(round_ids=("02-hr",)), FakeClock())
    assert [r.round_id for r in engine.record.rounds] == ["02-hr"]
    with pytest.raises(EngineError, match="unknown round 'nope'"):
        SessionEngine.new(make_pack(), SessionOptions(round_ids=("nope",)), FakeClock())


def test_shuffle_is_reproducible_with_a_seed_and_records_it():
    orders = {
        tuple(q.question_id for q in SessionEngine.new(make_pack(), SessionOptions(shuffle=True, seed=s), FakeClock()).record.rounds[0].questions)
        for s in range(20)
    }
    assert orders == {("metrics", "drop"), ("drop", "metrics")}
    a = SessionEngine.new(make_pack(), SessionOptions(shuffle=True, seed=7), FakeClock())
    b = SessionEngine.new(make_pack(), SessionOptions(shuffle=True, seed=7), FakeClock())
    assert [q.question_id for q in a.record.rounds[0].questions] == [q.question_id for q in b.record.rounds[0].questions]
    assert a.record.seed == 7
    unseeded = SessionEngine.new(make_pack(), SessionOptions(shuffle=True), FakeClock())
    assert unseeded.record.seed is not None


def test_actions_out_of_turn_are_clear_errors():
    engine = SessionEngine.new(make_pack(), SessionOptions(), FakeClock())
    with pytest.raises(EngineError, match="not possible now"):
        engine.apply(Done("x"))


def test_ten_minutes_with_a_blocked_loop_stays_exact():
    pack = Pack(name="long", title="Long", rounds=(Round(id="r", title="R", questions=(Question(id="q", ask="Talk.", time=900),)),))
    clock = FakeClock()
    engine = SessionEngine.new(pack, SessionOptions(), clock)
    engine.apply(Start())
    engine.apply(BeginRound())
    for step in range(2400):  # 10 minutes of quarter-second ticks, blocked for 3 s every 100th
        clock.advance(3.0 if step % 100 == 0 else 0.25)
        engine.apply(Tick())
    truth = 900 - (24 * 3.0 + 2376 * 0.25)
    assert abs(remaining(engine) - truth) < 0.05


def test_events_reach_the_listener():
    seen = []
    engine = SessionEngine.new(make_pack(), SessionOptions(), FakeClock(), on_event=seen.append)
    engine.apply(Start())
    assert [e.kind for e in seen] == [EventKind.STARTED, EventKind.ROUND_STARTED]


def test_outcome_tells_answered_from_empty_skipped_cut_off_and_not_reached():
    from mockint.session.record import Outcome

    engine, clock = started(Mode.PRESSURE)
    engine.apply(Done(""))  # done with nothing typed
    engine.apply(Skip())
    engine.apply(Skip())
    engine.apply(EditDraft.between(engine.draft or "", "half"))
    clock.advance(151)  # 120 s of answer plus the 30 s interruption
    engine.apply(Tick())
    engine.apply(Quit())
    outcomes = [q.outcome for r in engine.record.rounds for q in r.questions]
    assert outcomes == [Outcome.NO_ANSWER, Outcome.CUT_OFF, Outcome.NOT_REACHED]
    engine, _ = started()
    engine.apply(Done("Completion rate."))
    engine.apply(Skip())
    engine.apply(Skip())
    engine.apply(Continue())
    engine.apply(Skip())
    assert [q.outcome for q in engine.record.rounds[0].questions] == [Outcome.ANSWERED, Outcome.SKIPPED]


def test_rules_follow_the_mode_and_who_interviews():
    practice, pressure = Rules.for_mode(Mode.PRACTICE), Rules.for_mode(Mode.PRESSURE)
    assert (practice.hints, practice.interruptions, practice.auto_advance) == (True, False, False)
    assert (pressure.hints, pressure.interruptions, pressure.auto_advance) == (False, True, True)
    assert pressure.guide_after_answer is Audience.NOBODY
    assert Rules.for_mode(Mode.PRESSURE, pair=True).guide_after_answer is Audience.INTERVIEWER
    engine, _ = started(Mode.PRESSURE, pair=True)
    assert engine.record.rules == Rules.for_mode(Mode.PRESSURE, pair=True) and engine.record.pair
    engine.apply(Done("x"))
    engine.apply(Skip())
    engine.apply(Skip())
    assert engine.phase is Phase.REVIEW  # the partner interviewing sees the guide after each answer


def test_assessments_are_kept_per_role():
    engine, _ = started(pair=True)
    for _ in range(2):
        engine.apply(Skip())
        engine.apply(Continue())
    interviewer = SubmitAssessment(role=Role.INTERVIEWER, ratings={"metrics": Rating.POOR}, notes={"metrics": "rushed"})
    engine.apply(interviewer)
    assert engine.phase is Phase.ASSESSMENT  # the candidate's own assessment is still to come
    engine.apply(SubmitAssessment(ratings={"metrics": Rating.EXCELLENT}, reflection=Reflection(keep="pace")))
    metrics = engine.record.rounds[0].questions[0]
    assert metrics.assessment(Role.SELF).rating is Rating.EXCELLENT
    assert metrics.assessment(Role.INTERVIEWER).rating is Rating.POOR
    assert (metrics.rating, metrics.interviewer_rating, metrics.interviewer_notes) == (
        Rating.EXCELLENT, Rating.POOR, "rushed"
    )
    assert engine.record.rounds[0].assessment(Role.INTERVIEWER).reflection == Reflection()
    assert engine.record.rounds[0].reflection.keep == "pace" and engine.phase is Phase.ROUND_INTRO


def test_a_pair_round_is_revealed_and_ended_by_the_last_assessment_in_either_order():
    engine, clock = started(pair=True)
    for _ in range(2):
        engine.apply(Skip())
        engine.apply(Continue())
    engine.apply(SubmitAssessment(ratings={"metrics": Rating.GOOD}))
    clock.advance(30)
    engine.apply(SubmitAssessment(ratings={"metrics": Rating.MIXED}))  # the candidate may change their mind
    round_ = engine.record.rounds[0]
    assert engine.phase is Phase.ASSESSMENT and round_.assessed and round_.revealed_at is None
    assert EventKind.ROUND_ASSESSED not in [event.kind for event in engine.events]
    clock.advance(40)
    engine.apply(SubmitAssessment(role=Role.INTERVIEWER, ratings={"metrics": Rating.NO_EVIDENCE}))
    assert engine.phase is Phase.ROUND_INTRO and round_.revealed_at == engine.offset()
    assert (round_.questions[0].rating, round_.questions[0].interviewer_rating) == (Rating.MIXED, Rating.NO_EVIDENCE)
    assert engine.events[-2].kind is EventKind.ROUND_ASSESSED


def test_a_quit_before_every_assessment_is_in_reveals_nothing():
    engine, _ = started(pair=True)
    for _ in range(2):
        engine.apply(Skip())
        engine.apply(Continue())
    engine.apply(SubmitAssessment(role=Role.INTERVIEWER, ratings={"metrics": Rating.GOOD}))
    engine.apply(Quit())
    assert engine.record.rounds[0].revealed_at is None and engine.record.ended_early


def test_a_decoded_record_runs_to_the_end_without_its_pack():
    record = decode_record(codec.encode(SessionEngine.new(make_pack(), SessionOptions(), FakeClock()).record))
    engine = SessionEngine(record, FakeClock())
    engine.apply(Start())
    assert engine.interviewer_view().round.interviewer_style == "pragmatic"
    while engine.phase is not Phase.FINISHED:
        command = {Phase.ROUND_INTRO: BeginRound(), Phase.REVIEW: Continue(), Phase.ASSESSMENT: SubmitAssessment()}
        engine.apply(command.get(engine.phase, Done("an answer")))
    assert engine.record.finished and all(q.answer == "an answer" for q in engine.record.questions())


def test_quitting_twice_or_before_the_start_is_refused():
    engine = SessionEngine.new(make_pack(), SessionOptions(), FakeClock())
    with pytest.raises(EngineError, match="not running"):
        engine.apply(Quit())
    engine.apply(Start())
    engine.apply(Quit())
    with pytest.raises(EngineError, match="not running"):
        engine.apply(Quit())
