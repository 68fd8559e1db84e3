"""A session is data: its journal replays to the same state and record, it survives the codec, and it resumes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockint.core import codec
from mockint.core.clock import FakeClock
from mockint.session.commands import (
    AddMinute, BeginRound, Continue, Count, Decision, Done, EditDraft, EditForm, Note, Pause, PoseChallenge, Quit, Resume, Skip,
    SkipChallenge, Step, SubmitAssessment, Tick, ToggleHeard,
)
from mockint.session.engine import SessionEngine, resume_origin
from mockint.session.record import NOTE_LINE, ChallengeStatus, Counter, Mode, Outcome, Reflection, Role, decode_record
from mockint.session.setup import EngineError, ReplayError, SessionOptions
from mockint.session.state import Answering, Challenging, Finished, Phase, State
from support.packs import make_pack
from support.sessions import TYPED, Run, actions, modes


def assert_replays_the_same(run: Run) -> None:
    fresh = run.replayed()
    assert fresh.state == run.engine.state
    assert fresh.record == run.engine.record
    assert fresh.events == run.engine.events


def assert_survives_the_codec(engine: SessionEngine) -> None:
    assert decode_record(codec.encode(engine.record)) == engine.record
    assert codec.decode(codec.encode(engine.state), State) == engine.state


# -- replay and codec over arbitrary runs -------------------------------------------


@settings(max_examples=120, deadline=None)
@given(mode_and_pair=modes(), steps=actions, quit_at_end=...)
def test_any_run_replays_to_the_same_state_and_record(mode_and_pair: tuple[Mode, bool], steps, quit_at_end: bool) -> None:
    mode, pair = mode_and_pair
    run = Run(make_pack(), SessionOptions(mode=mode, pair=pair))
    run.drive(steps, quit_at_end)
    assert_replays_the_same(run)
    assert_survives_the_codec(run.engine)


@settings(max_examples=60, deadline=None)
@given(mode_and_pair=modes(), steps=actions)
def test_every_state_on_the_way_survives_the_codec(mode_and_pair: tuple[Mode, bool], steps) -> None:
    mode, pair = mode_and_pair
    run = Run(make_pack(), SessionOptions(mode=mode, pair=pair, shuffle=True))
    run.drive(steps, after_each=lambda: assert_survives_the_codec(run.engine))


@settings(max_examples=60, deadline=None)
@given(mode_and_pair=modes(), steps=actions)
def test_replay_takes_the_recorded_decisions_not_todays_matching_rules(mode_and_pair: tuple[Mode, bool], steps) -> None:
    mode, pair = mode_and_pair
    run = Run(make_pack(), SessionOptions(mode=mode, pair=pair))
    run.drive(steps)
    for rules_changed in (lambda text, terms: list(terms), lambda text, terms: []):
        fresh = run.replayed(matcher=rules_changed)
        assert (fresh.state, fresh.record) == (run.engine.state, run.engine.record)


timed_steps = st.lists(
    st.tuples(
        st.floats(min_value=0, max_value=70, allow_nan=False),
        st.sampled_from(TYPED),
        st.sampled_from(["next", "wait", "wait", "skip", "pause", "hint"]),
    ),
    min_size=5,
    max_size=50,
)


@settings(max_examples=80, deadline=None)
@given(mode_and_pair=modes(), steps=timed_steps, quit_at_end=st.booleans())
def test_runs_that_time_moves_on_replay_the_same(mode_and_pair: tuple[Mode, bool], steps, quit_at_end: bool) -> None:
    """Mostly waiting while typing: pressure's cut-offs and interruptions, practice's overtime, pauses in between."""
    mode, pair = mode_and_pair
    run = Run(make_pack(), SessionOptions(mode=mode, pair=pair))
    for seconds, text, then in steps:
        run.act("type", text)
        run.act("advance", seconds)
        if then == "pause" and run.engine.paused:
            run.act("advance", seconds)  # held: no time passes for the answer
        if then != "wait":
            run.act(then, None)
    run.drive([], quit_at_end)
    assert_replays_the_same(run)
    assert_survives_the_codec(run.engine)


# -- replay of each thing time and text decide -------------------------------------------


def scripted(mode: Mode, *script: object) -> Run:
    """A run of the test pack: a number advances the clock, a string becomes the text typed, a command is applied."""
    run = Run(make_pack(), SessionOptions(mode=mode))
    for item in script:
        if isinstance(item, (int, float)):
            run.clock.advance(item)
        elif isinstance(item, str):
            assert run.apply(EditDraft.between(run.engine.draft or "", item))
        else:
            assert run.apply(item), f"{item} refused at {run.engine.state}"
    return run


def test_pressure_auto_advance_and_an_interruption_replay() -> None:
    run = scripted(
        Mode.PRESSURE, BeginRound(), "half an answer", 61, Tick(), 40, Tick(),  # cut off, then its challenge too
        "Cohorts.", Done(), "It depends", 50, Tick(),  # the second question, interrupted at 45 s
        "It is us.", 5, Done(), "It depends and the algorithm", 200, Tick(),  # back to the answer; cut off
    )
    first, second = run.engine.record.rounds[0].questions
    assert first.auto_advanced and first.challenges[0].auto_advanced
    assert second.challenges[0].interrupted and second.challenges[0].answer == "It is us."
    assert second.answer == "It depends and the algorithm" and second.outcome is Outcome.CUT_OFF
    assert_replays_the_same(run)


def test_a_late_tick_catches_up_every_deadline_at_its_own_moment_on_replay() -> None:
    run = scripted(Mode.PRESSURE, BeginRound(), 60 + 30 + 20 + 7, Tick())
    state = run.engine.state
    assert isinstance(state, Answering) and state.question == 1 and state.clock.remaining_at(run.engine.offset()) == 113
    assert_replays_the_same(run)


def test_unless_mentioned_outcome_pause_skip_and_quit_replay() -> None:
    run = scripted(
        Mode.PRACTICE, BeginRound(), "Retention first.", 10, Pause(), 300, Resume(), Done(), "Organic.", Done(), Tick(),
    )
    challenge = run.engine.record.rounds[0].questions[0].challenges[1]
    assert challenge.status is ChallengeStatus.NOT_NEEDED and challenge.mentioned == ("retention",)
    assert [step.decisions for step in run.journal if step.decisions] == [(Decision(0, 0, 1, ("retention",)),)]
    assert run.apply(EditDraft(0, 0, "")) is False  # nothing is being answered in the review
    assert run.apply(Continue()) and run.apply(EditDraft(0, 0, "notes")) and run.apply(Skip())
    assert run.apply(Quit())
    skipped = run.engine.record.rounds[0].questions[1]
    assert skipped.outcome is Outcome.SKIPPED and skipped.answer == "notes"
    assert isinstance(run.engine.state, Finished) and run.engine.record.pauses[0].length == 300
    assert_replays_the_same(run)


def test_a_different_matcher_would_decide_otherwise_but_the_replay_does_not_ask_it() -> None:
    run = scripted(Mode.PRACTICE, BeginRound(), "Retention first.", Done(), "Organic.", Done())
    never = lambda text, terms: []  # noqa: E731 - the matching rules of some later version
    live = Run(make_pack(), SessionOptions(), matcher=never)
    for step in run.journal[1:]:
        live.apply(step.command)
    assert live.engine.record.rounds[0].questions[0].challenges[1].status is ChallengeStatus.PENDING
    replayed = run.replayed(matcher=never)
    assert replayed.record.rounds[0].questions[0].challenges[1].status is ChallengeStatus.NOT_NEEDED


def test_a_journal_without_its_decision_or_out_of_order_does_not_replay() -> None:
    run = scripted(Mode.PRACTICE, BeginRound(), "Retention first.", Done(), "Organic.", Done())
    stripped = [Step(step.at, step.command) for step in run.journal]
    fresh = SessionEngine(decode_record(run.initial), FakeClock())
    with pytest.raises(ReplayError, match="does not say whether challenge 2 was needed"):
        for step in stripped:
            fresh.replay(step)
    backwards = SessionEngine(decode_record(run.initial), FakeClock())
    backwards.replay(run.journal[0])
    backwards.replay(Step(50.0, BeginRound()))
    with pytest.raises(ReplayError, match="time goes forwards"):
        backwards.replay(Step(10.0, Done()))


def test_draft_edits_carry_what_changed() -> None:
    assert EditDraft.between("I lead a team", "I lead a team of five") == EditDraft(13, 13, " of five")
    assert EditDraft.between("I lead a team", "We lead a team") == EditDraft(0, 1, "We")
    assert EditDraft.between("abc", "abc").is_empty
    for old, new in [("", "x"), ("aaa", "aa"), ("abcabc", "abXabc"), ("héllo", "hello"), ("x", "")]:
        assert EditDraft.between(old, new).applied_to(old) == new


# -- resuming -------------------------------------------------------------------------


def test_resume_origin_makes_now_read_as_the_saved_offset() -> None:
    assert resume_origin(now=5000.0, at=42.5) == 4957.5


def test_a_decoded_session_resumes_with_the_time_it_had_left() -> None:
    run = scripted(Mode.PRESSURE, BeginRound(), "half an answer", 20, Tick())
    saved_record, saved_state, saved_at = codec.encode(run.engine.record), codec.encode(run.engine.state), run.engine.offset()
    run.clock.advance(3600)  # the hour the terminal was closed
    clock = FakeClock(start=12.0)
    resumed = SessionEngine(
        decode_record(saved_record), clock, state=codec.decode(saved_state, State), at=saved_at
    )
    assert resumed.offset() == saved_at
    assert resumed.interviewer_view().position.clock.remaining == 40
    assert resumed.draft == "half an answer"
    clock.advance(5)
    resumed.apply(Tick())
    assert resumed.interviewer_view().position.clock.remaining == 35
    clock.advance(36)  # past the deadline: pressure moves on, from the resumed clock
    resumed.apply(Tick())
    assert isinstance(resumed.state, Challenging) and resumed.record.rounds[0].questions[0].time_used == 60


def test_a_resumed_session_journals_on_and_the_whole_journal_replays() -> None:
    run = scripted(Mode.PRESSURE, BeginRound(), "half", 20, Tick())
    at = run.engine.offset()
    resumed = SessionEngine(decode_record(codec.encode(run.engine.record)), FakeClock(start=1.0),
                            state=codec.decode(codec.encode(run.engine.state), State), at=at)
    resumed.clock.advance(50)  # type: ignore[attr-defined]
    more = [resumed.apply(Tick()), resumed.apply(Done("a challenge answer"))]
    run.journal += more
    fresh = run.replayed()
    assert (fresh.state, fresh.record) == (resumed.state, resumed.record)


def test_a_newer_or_foreign_format_is_refused_clearly() -> None:
    record = Run(make_pack(), SessionOptions()).engine.record
    newer = codec.encode(record).replace(b'"mockint.session/1"', b'"mockint.session/2"')
    with pytest.raises(codec.CodecError, match=r"saved by a newer mockint \(mockint.session/2\); .* mockint.session/1"):
        decode_record(newer)
    with pytest.raises(codec.CodecError, match="not a mockint session"):
        decode_record(b'{"format": "mockint.transcript/2"}')
    with pytest.raises(codec.CodecError, match="not a valid SessionRecord"):
        decode_record(codec.encode(record).replace(b'"limit":', b'"limit":"x","_":'))
    with pytest.raises(codec.CodecError, match="not JSON"):
        decode_record(b'{"format": "mockint.session/1", ')


@pytest.mark.parametrize(("rating", "why"), [(b"4", "Expected `str | null`, got `int`"), (b'"great"', "Invalid enum value 'great'")])
def test_a_rating_off_the_scale_is_refused_where_it_is(rating: bytes, why: str) -> None:
    run = Run(make_pack(), SessionOptions())
    run.drive([("next", None)] * 12)
    saved = codec.encode(run.engine.record)
    assert b'"rating":"good"' in saved  # the scale's value, as the transcripts write it
    where = "at `$.rounds[0].questions[0].assessments[...].rating`"
    with pytest.raises(codec.CodecError, match=re.escape(f"not a valid SessionRecord: {why} - {where}")):
        decode_record(saved.replace(b'"rating":"good"', b'"rating":' + rating, 1))


def test_records_have_their_own_id_and_say_their_format() -> None:
    a, b = (Run(make_pack(), SessionOptions()).engine.record for _ in range(2))
    assert a.id != b.id and len(a.id) == 32 and int(a.id, 16) >= 0
    assert b'"format":"mockint.session/1"' in codec.encode(a)


def test_commands_that_do_not_fit_are_refused_without_a_change() -> None:
    run = scripted(Mode.PRACTICE, BeginRound(), Pause())
    before = codec.encode(run.engine.record), run.engine.state
    for command in (Pause(), Done(), Skip(), BeginRound()):
        with pytest.raises(EngineError):
            run.engine.apply(command)
    assert (codec.encode(run.engine.record), run.engine.state) == before


def test_a_partners_commands_replay_the_same() -> None:
    """Notes, ticks, counts, a challenge fired early and one skipped, a minute more, the hint, the scorecard."""
    run = Run(make_pack(), SessionOptions(mode=Mode.PRESSURE, pair=True))
    script = [
        BeginRound(), Note("completion rate, with numbers"), ToggleHeard("engagement"), Count(Counter.FILLER),
        PoseChallenge(0), Note("cuts to the funnel"), Done(), Note("mentions retention"), SkipChallenge(1),
        AddMinute(), Done(), Continue(),
    ]  # fmt: skip
    for command in script:
        run.clock.advance(7)
        assert run.apply(command), command
    run.clock.advance(200)
    assert run.apply(Tick())  # the second question's timed challenge fired by itself, then time ran out
    question = run.engine.record.rounds[0].questions[0]
    assert question.challenges[1].status is ChallengeStatus.NOT_NEEDED and question.extra_time == 60
    assert run.engine.record.rounds[0].questions[1].challenges[0].interrupted
    assert_replays_the_same(run)
    assert_survives_the_codec(run.engine)


def test_text_typed_into_a_form_is_kept_until_handed_in_and_replays() -> None:
    """The partner's note line and both sides' reflections, half typed, are in the record; filing or submitting
    them clears them; every edit survives the codec and replays."""
    run = Run(make_pack(), SessionOptions(pair=True))
    assert run.apply(BeginRound())
    assert run.apply(EditForm.between(Role.INTERVIEWER, NOTE_LINE, "", "completion ra"))
    assert run.engine.record.form_drafts == {Role.INTERVIEWER: {NOTE_LINE: "completion ra"}}
    assert_replays_the_same(run)
    assert run.apply(Note("completion rate")) and run.engine.record.form_drafts == {}
    while run.engine.phase is not Phase.ASSESSMENT:
        run.act("next", None)
    assert run.apply(EditForm.between(Role.SELF, "keep", "", "numbers first"))
    assert run.apply(EditForm.between(Role.SELF, "keep", "numbers first", "Numbers first"))
    assert run.apply(EditForm.between(Role.INTERVIEWER, "change", "", "slow down"))
    assert run.engine.record.form_drafts == {Role.SELF: {"keep": "Numbers first"}, Role.INTERVIEWER: {"change": "slow down"}}
    assert_replays_the_same(run)
    assert_survives_the_codec(run.engine)
    assert run.apply(SubmitAssessment(reflection=Reflection(keep="Numbers first")))
    assert run.engine.record.form_drafts == {Role.INTERVIEWER: {"change": "slow down"}}  # only the side handed in
    assert_replays_the_same(run)


def test_form_edits_that_do_not_fit_are_refused_without_a_change() -> None:
    solo = scripted(Mode.PRACTICE, BeginRound())
    pair = Run(make_pack(), SessionOptions(pair=True))
    assert_refused(solo, EditForm.between(Role.SELF, "keep", "", "too early"))  # no assessment is open
    assert_refused(solo, EditForm.between(Role.INTERVIEWER, NOTE_LINE, "", "x"))  # nobody interviews a solo run
    assert_refused(solo, EditForm(Role.SELF, "rating", EditDraft(0, 0, "x")))  # no such field
    assert_refused(pair, EditForm.between(Role.INTERVIEWER, NOTE_LINE, "", "x"))  # the round has not begun
    assert pair.apply(BeginRound())
    assert_refused(pair, EditForm.between(Role.SELF, NOTE_LINE, "", "x"))  # the candidate speaks
    assert_refused(pair, EditForm(Role.INTERVIEWER, NOTE_LINE, EditDraft(0, 3, "x")))  # past the end of the text


def assert_refused(run: Run, command: EditForm) -> None:
    before = codec.encode(run.engine.record), run.engine.state
    with pytest.raises(EngineError):
        run.engine.apply(command)
    assert (codec.encode(run.engine.record), run.engine.state) == before
