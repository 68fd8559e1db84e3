"""A partner interviewing: notes, ticks, counts, challenges posed, skipped and fired, time, the hint's lock,
blind scoring and the calibration."""

from __future__ import annotations

from msgspec.structs import replace

import pytest

from mockint.analysis.calibration import calibration, summary_line
from mockint.core.ratings import Rating
from mockint.session.commands import (
    AddMinute, BeginRound, ChooseInForm, ClockWhileAway, Continue, Count, Done, EditDraft, EditForm, Hint, Note, Pause, PoseChallenge,
    Resume, SkipChallenge,
    SubmitAssessment, Tick, ToggleHeard,
)
from mockint.session.record import (
    Advance, ChallengeStatus, Counter, FormChoices, Mode, NoteLine, Reflection, Role,
)
from mockint.session.setup import SessionOptions, swapped_options
from mockint.session.state import Answering, Assessing, Challenging, Finished, Reviewing
from support.packs import make_pack
from support.sessions import Run


def pair_run(mode: Mode = Mode.PRACTICE, hint_after: int = 0) -> Run:
    pack = make_pack()
    if hint_after:
        first = pack.rounds[0].questions[0]
        first = replace(first, hint_after=hint_after)
        rounds = (replace(pack.rounds[0], questions=(first, *pack.rounds[0].questions[1:])),
                  *pack.rounds[1:])  # fmt: skip
        pack = replace(pack, rounds=rounds)
    run = Run(pack, SessionOptions(mode=mode, pair=True, candidate="Ann", interviewer="Bo"))
    assert run.apply(BeginRound())
    return run


def first_question(run: Run):
    return run.engine.record.rounds[0].questions[0]


def test_note_lines_are_stamped_with_the_question_time_and_make_its_text() -> None:
    run = pair_run()
    run.clock.advance(12)
    assert run.apply(Note("  Starts   with completion rate "))
    assert run.apply(Pause())
    run.clock.advance(100)  # paused: no time passes for the stamps
    assert run.apply(Note("um, thinks aloud"))
    assert run.apply(Resume())
    run.clock.advance(30)
    assert run.apply(Note("engagement, with an example"))
    question = first_question(run)
    assert question.notes == [
        NoteLine(12.0, "Starts with completion rate"), NoteLine(12.0, "um, thinks aloud"),
        NoteLine(42.0, "engagement, with an example"),
    ]  # fmt: skip
    assert question.notes[2].stamp == "0:42"
    assert question.answer == "Starts with completion rate\num, thinks aloud\nengagement, with an example"
    assert not run.apply(Note("   "))  # nothing to file
    assert not run.apply(EditDraft(0, 0, "typed"))  # the candidate speaks; the notes are the text


def test_a_note_during_a_challenge_is_its_answer() -> None:
    run = pair_run()
    assert run.apply(Done())
    assert isinstance(run.engine.state, Challenging)
    run.clock.advance(5)
    assert run.apply(Note("Cut scope to the funnel"))
    challenge = first_question(run).challenges[0]
    assert challenge.answer == "Cut scope to the funnel" and first_question(run).notes[-1].challenge == 0


def test_listen_for_ticks_toggle_and_only_take_the_guide() -> None:
    run = pair_run()
    assert run.apply(ToggleHeard("engagement"))
    assert run.apply(ToggleHeard("completion rate"))
    assert run.apply(ToggleHeard("engagement"))
    assert first_question(run).heard == {"completion rate"}
    assert not run.apply(ToggleHeard("something else"))


def test_counters_count_per_question() -> None:
    run = pair_run()
    for counter in (Counter.FILLER, Counter.FILLER, Counter.RAMBLING):
        assert run.apply(Count(counter))
    assert first_question(run).counts == {Counter.FILLER: 2, Counter.RAMBLING: 1}


def test_pair_commands_are_refused_in_a_solo_run() -> None:
    run = Run(make_pack(), SessionOptions())
    assert run.apply(BeginRound())
    pair_only = (Note("x"), ToggleHeard("engagement"), Count(Counter.FILLER), PoseChallenge(0), AddMinute(),
                 ClockWhileAway(pauses=True))  # fmt: skip
    for command in pair_only:
        assert not run.apply(command)


def test_the_choice_to_pause_the_clock_while_the_candidate_is_away_is_in_the_record_and_replays() -> None:
    run = pair_run()
    assert not run.engine.record.clock_pauses_while_away  # the clock runs by default
    assert run.apply(ClockWhileAway(pauses=True))
    assert run.engine.record.clock_pauses_while_away
    assert run.replayed().record.clock_pauses_while_away
    assert run.apply(ClockWhileAway(pauses=False))
    assert not run.replayed().record.clock_pauses_while_away


def test_the_interviewer_fires_a_challenge_early_and_the_answer_goes_on_after_it() -> None:
    run = pair_run()
    run.clock.advance(10)
    assert run.apply(PoseChallenge(0))
    state = run.engine.state
    assert isinstance(state, Challenging) and state.challenge == 0 and state.interrupted is not None
    run.clock.advance(8)
    assert run.apply(Done())
    state = run.engine.state
    assert isinstance(state, Answering) and state.clock.remaining_at(run.engine.offset()) == 50
    assert first_question(run).challenges[0].interrupted
    assert not run.apply(PoseChallenge(0))  # already posed


def test_a_challenge_posed_early_records_when_it_was_posed_and_by_whom() -> None:
    run = pair_run()
    run.clock.advance(10)
    assert run.apply(Pause())
    run.clock.advance(100)  # paused: not part of the answer's time
    assert run.apply(Resume())
    run.clock.advance(32)
    assert run.apply(PoseChallenge(0))
    challenge = first_question(run).challenges[0]
    assert (challenge.posed_at, challenge.posed_by_interviewer) == (42.0, True)
    assert run.replayed().record == run.engine.record


def test_a_challenge_firing_by_itself_records_its_own_time_and_one_after_the_answer_none() -> None:
    run = pair_run(Mode.PRESSURE)
    assert run.apply(Done())  # the answer ends: its first challenge comes after it
    after_answer = first_question(run).challenges[0]
    assert (after_answer.posed_at, after_answer.posed_by_interviewer) == (None, False)
    while not isinstance(run.engine.state, Reviewing):
        assert run.apply(Done())
    assert run.apply(Continue())
    run.clock.advance(50)
    assert run.apply(Tick())  # the scripted interruption at 0:45 fires by itself
    fired = run.engine.record.rounds[0].questions[1].challenges[0]
    assert isinstance(run.engine.state, Challenging) and fired.interrupted
    assert (fired.posed_at, fired.posed_by_interviewer) == (45.0, False)


def test_a_conditional_challenge_is_the_interviewers_to_skip_with_the_terms_the_notes_show() -> None:
    run = pair_run()
    view = run.engine.interviewer_view()
    assert view.terms_heard(1) == ()
    assert run.apply(Note("talks about retention by cohort"))
    assert run.engine.interviewer_view().terms_heard(1) == ("retention",)
    assert not run.apply(SkipChallenge(0))  # not a conditional one
    assert run.apply(SkipChallenge(1))
    challenge = first_question(run).challenges[1]
    assert challenge.status is ChallengeStatus.NOT_NEEDED and challenge.mentioned == ("retention",)
    assert run.apply(Done()) and run.apply(Done())  # the answer, then the timed challenge only
    assert isinstance(run.engine.state, Reviewing)
    assert run.replayed(matcher=lambda text, terms: []).record == run.engine.record  # the recorded decision


def test_a_conditional_challenge_left_undecided_follows_what_the_notes_show_and_can_be_posed_anyway() -> None:
    run = pair_run()
    assert run.apply(Note("retention first"))
    assert run.apply(Done()) and run.apply(Done())  # the answer, the timed challenge; the other is not needed
    assert isinstance(run.engine.state, Reviewing)
    assert first_question(run).challenges[1].mentioned == ("retention",)
    run = pair_run()
    assert run.apply(Note("retention first")) and run.apply(PoseChallenge(1))  # the interviewer asks it anyway
    state = run.engine.state
    assert isinstance(state, Challenging) and state.challenge == 1


def test_a_ticked_item_counts_as_heard_for_the_terms() -> None:
    pack = make_pack()
    run = pair_run()
    run.engine.record.rounds[0].questions[0].challenges[1].unless_mentioned = pack.rounds[0].questions[0].keywords
    assert run.apply(ToggleHeard("engagement"))
    assert run.engine.interviewer_view().terms_heard(1) == ("engagement",)


def test_timed_challenges_fire_by_themselves_in_pressure_and_wait_in_practice() -> None:
    for mode, fired in ((Mode.PRESSURE, True), (Mode.PRACTICE, False)):
        run = pair_run(mode)
        for command in (Done(), Done(), Done()):
            assert run.apply(command)
        assert run.apply(Continue())  # the interviewer reviews the guide in both modes
        assert run.engine.interviewer_view().position.question == 1
        run.clock.advance(46)
        run.apply(Tick())
        assert isinstance(run.engine.state, Challenging) is fired, mode


def test_a_minute_more_moves_the_deadline_and_counts_in_the_limit() -> None:
    run = pair_run(Mode.PRESSURE)
    run.clock.advance(50)
    assert run.apply(AddMinute())
    run.clock.advance(30)
    run.apply(Tick())
    state = run.engine.state
    assert isinstance(state, Answering) and state.clock.remaining_at(run.engine.offset()) == 40
    run.clock.advance(41)
    run.apply(Tick())  # cut off at 120 s, not 60
    question = first_question(run)
    assert question.time_used == 120 and question.extra_time == 60 and question.overtime == 0


def test_the_hint_is_locked_until_hint_after() -> None:
    run = pair_run(hint_after=90)
    run.clock.advance(30)
    with pytest.raises(Exception, match=r"The hint unlocks in 1:00\."):
        run.engine.apply(Hint())
    assert run.engine.interviewer_view().hint_unlocks_in == 60
    run.clock.advance(60)
    assert run.apply(Hint()) and first_question(run).hint_used


def assess_round(run: Run, own: Rating, theirs: Rating, advance: Advance | None = None) -> None:
    round_ = run.engine.interviewer_view().round
    assert round_ is not None
    ids = [q.question_id for q in round_.questions]
    assert run.apply(SubmitAssessment(ratings=dict.fromkeys(ids, own)))
    assert run.apply(SubmitAssessment(
        role=Role.INTERVIEWER, ratings=dict.fromkeys(ids, theirs), advance=advance,
        reflection=Reflection(keep="Opens with the metric", change="Give one number"),
    ))  # fmt: skip


def finish_round(run: Run) -> None:
    while not isinstance(run.engine.state, Assessing):
        command = Continue() if isinstance(run.engine.state, Reviewing) else Done()
        assert run.apply(command)


def test_blind_scoring_reveals_both_only_when_both_are_in_and_the_decision_comes_with_the_last_round() -> None:
    run = pair_run()
    finish_round(run)
    assert run.apply(SubmitAssessment(ratings={"metrics": Rating.GOOD, "drop": Rating.GOOD}))
    assert run.engine.candidate_view().rounds[0].questions[0].interviewer_assessment is None
    early = SubmitAssessment(role=Role.INTERVIEWER, ratings={"metrics": Rating.POOR}, advance=Advance.YES)
    assert not run.apply(early)  # the decision is given once, with the last round
    assert run.apply(SubmitAssessment(role=Role.INTERVIEWER, ratings={"metrics": Rating.POOR, "drop": Rating.GOOD}))
    assert run.engine.candidate_view().rounds[0].questions[0].interviewer_assessment.rating is Rating.POOR
    assert run.apply(BeginRound()) and run.apply(Done()) and run.apply(Continue())
    assert not run.apply(SubmitAssessment(ratings={"why": Rating.GOOD}, advance=Advance.YES))  # not the candidate's
    assert run.apply(SubmitAssessment(ratings={"why": Rating.GOOD}))
    assert run.engine.candidate_view().advance is None
    assert run.apply(SubmitAssessment(role=Role.INTERVIEWER, ratings={"why": Rating.EXCELLENT}, advance=Advance.NO))
    assert isinstance(run.engine.state, Finished)
    assert run.engine.record.assessments[Role.INTERVIEWER].advance is Advance.NO
    assert run.engine.candidate_view().advance is Advance.NO


def test_calibration_flags_gaps_of_two_levels_or_more_in_revealed_rounds_only() -> None:
    run = pair_run()
    finish_round(run)
    assess_round(run, own=Rating.GOOD, theirs=Rating.POOR)
    assert run.apply(BeginRound()) and run.apply(Done()) and run.apply(Continue())
    assert run.apply(SubmitAssessment(ratings={"why": Rating.EXCELLENT}))  # the interviewer's is not in yet
    result = calibration(run.engine.record)
    assert [(q.question.question_id, q.gap) for q in result.questions] == [("metrics", -2), ("drop", -2)]
    assert result.flagged[0].flag == "you rated good, your interviewer poor"
    assert summary_line(result) == (
        "Agreed on 0 of 2 questions; 2 gaps of two levels or more; "
        "you rated yourself higher than your interviewer did."
    )
    assert run.apply(SubmitAssessment(role=Role.INTERVIEWER, ratings={"why": Rating.MIXED}))
    last = calibration(run.engine.record).questions[-1]
    assert last.gap == -2 and last.flag == "you rated excellent, your interviewer mixed"


def test_calibration_leaves_no_evidence_and_one_level_apart_unflagged() -> None:
    run = pair_run()
    finish_round(run)
    assert run.apply(SubmitAssessment(ratings={"metrics": Rating.NO_EVIDENCE, "drop": Rating.MIXED}))
    assert run.apply(SubmitAssessment(role=Role.INTERVIEWER, ratings={"metrics": Rating.POOR, "drop": Rating.GOOD}))
    result = calibration(run.engine.record)
    assert [q.gap for q in result.questions] == [None, 1] and not result.flagged
    assert calibration(Run(make_pack(), SessionOptions()).engine.record).questions == ()


def test_swapped_options_swap_the_names_and_propose_rounds_not_just_seen() -> None:
    run = pair_run(Mode.PRESSURE)
    options, notice = swapped_options(run.engine.record, ("01-ops", "02-hr", "03-new"))
    assert (options.candidate, options.interviewer, options.pair, options.mode) == ("Bo", "Ann", True, Mode.PRESSURE)
    assert options.round_ids == ("02-hr", "03-new") and notice.startswith("Bo answers now, on the 2 rounds not just seen")
    options, notice = swapped_options(run.engine.record, ("01-ops",))
    assert options.round_ids == ("01-ops",) and notice == "Bo has seen every round as the interviewer; they all run again."


def test_choices_not_handed_in_are_kept_per_role_and_go_with_the_round() -> None:
    """Kept while the round is assessed; a role's go when it hands in; what either changed after handing in goes
    when the round ends, rather than into the next round's form."""
    run = pair_run()
    scorecard = FormChoices(ratings={"metrics": Rating.POOR})
    assert not run.apply(ChooseInForm(Role.INTERVIEWER, scorecard))  # nothing is being assessed yet
    finish_round(run)
    own = FormChoices(ratings={"metrics": Rating.GOOD}, round_checks=frozenset({"x"}))
    assert run.apply(ChooseInForm(Role.SELF, own)) and run.apply(ChooseInForm(Role.INTERVIEWER, scorecard))
    assert run.engine.record.form_choices == {Role.SELF: own, Role.INTERVIEWER: scorecard}
    assert run.apply(SubmitAssessment(ratings={"metrics": Rating.GOOD}))
    assert run.engine.record.form_choices == {Role.INTERVIEWER: scorecard}
    assert run.apply(ChooseInForm(Role.SELF, own))  # changed after handing in, not handed in again
    assert run.apply(EditForm.between(Role.SELF, "keep", "", "typed after handing in"))
    assert run.apply(SubmitAssessment(role=Role.INTERVIEWER, ratings={"metrics": Rating.POOR}))
    assert (run.engine.record.form_choices, run.engine.record.form_drafts) == ({}, {})


def test_an_interviewers_choices_are_refused_in_a_solo_run() -> None:
    run = Run(make_pack(), SessionOptions())
    while not isinstance(run.engine.state, Assessing):
        run.act("next", None)
    assert not run.apply(ChooseInForm(Role.INTERVIEWER, FormChoices(ratings={"metrics": Rating.POOR})))
    assert run.apply(ChooseInForm(Role.SELF, FormChoices(ratings={"metrics": Rating.POOR})))
