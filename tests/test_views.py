"""The candidate's view never holds what a candidate may not see yet; the interviewer's holds everything."""

from __future__ import annotations

import json

from hypothesis import given, settings

from mockint.core import codec
from mockint.core.ratings import Rating
from mockint.session.commands import Hint, Quit, SubmitAssessment
from mockint.core.model import Challenge, Interviewer, Pack, Question, Round
from mockint.session.record import Audience, Mode, Role, Rules, SessionRecord
from mockint.session.setup import SessionOptions
from mockint.session.state import Assessing, Challenging, Finished, State
from mockint.session.views import CandidateView, InterviewerView
from support.sessions import Run, actions, modes


def marked_pack() -> Pack:
    """Every private field holds a marker found nowhere else; terms to mention are in capitals (typed in lower case)."""
    first = Question(
        id="q1", ask="Which metrics do you track?", time=60,
        guide=("GUIDE-MARK-1a", "GUIDE-MARK-1b"), keywords=("KWMARKONE", "KWMARKTWO"), hint="HINT-MARK-1",
        checklist=("CHECK-MARK-1",),
        challenges=(
            Challenge(ask="CHALLENGE-MARK-1a", time=30),
            Challenge(ask="CHALLENGE-MARK-1b", time=20, unless_mentioned=("RETENTION",)),
        ),
    )  # fmt: skip
    second = Question(
        id="q2", ask="Views dropped overnight. What do you do?", time=120, guide=("GUIDE-MARK-2",),
        hint="HINT-MARK-2", challenges=(Challenge(ask="CHALLENGE-MARK-2", time=30, at=45),),
    )  # fmt: skip
    third = Question(
        id="q3", ask="Why us?", time=60, keywords=("KWMARKTHREE",),
        challenges=(Challenge(ask="CHALLENGE-MARK-3", time=30, unless_mentioned=("COHORT",)),),
    )  # fmt: skip
    return Pack(
        name="marked", title="Marked", checklist=("CHECK-MARK-P",),
        rounds=(
            Round(id="r1", title="Ops", questions=(first, second), interviewer=Interviewer("Lee", "dry"),
                  checklist=("CHECK-MARK-R1",)),
            Round(id="r2", title="Culture", questions=(third,), intro="Tell me why."),
        ),
    )  # fmt: skip


def private_now(record: SessionRecord, state: State) -> set[str]:
    """Every marker the candidate may not see in `state`."""
    private = {"GUIDE-MARK", "KWMARK", "RETENTION", "COHORT"}  # guides, keywords and trigger terms: never
    opened = {index for index, r in enumerate(record.rounds) if r.assessed}
    if isinstance(state, Assessing):
        opened.add(state.round)
    if not opened:
        private.add("CHECK-MARK-P")
    for r_index, round_ in enumerate(record.rounds):
        if r_index not in opened:
            private |= {*round_.checklist, *(item for q in round_.questions for item in q.checklist)}
        if not round_.assessed:
            private |= {f"NOTE-MARK {q.question_id}" for q in round_.questions} | {f"NOTE-MARK round {round_.round_id}"}
        for q_index, question in enumerate(round_.questions):
            if question.hint and not question.hint_used:
                private.add(question.hint)
            for c_index, challenge in enumerate(question.challenges):
                on_screen = isinstance(state, Challenging) and (state.round, state.question, state.challenge) == (
                    r_index, q_index, c_index
                )
                if not (challenge.posed or on_screen):
                    private.add(challenge.ask)
    return private


def assert_candidate_view_keeps_private(run: Run) -> None:
    engine = run.engine
    view = engine.candidate_view()
    encoded = codec.encode(view).decode()
    leaked = sorted(marker for marker in private_now(engine.record, engine.state) if marker in encoded)
    assert not leaked, f"the candidate's view at {engine.state} holds {leaked}"
    assert codec.decode(encoded, CandidateView) == view
    json.loads(encoded)  # plain JSON, as a candidate's terminal would receive it


@settings(max_examples=100, deadline=None)
@given(mode_and_pair=modes(), steps=actions, quit_at_end=...)
def test_the_candidate_view_never_holds_a_private_field(mode_and_pair: tuple[Mode, bool], steps, quit_at_end: bool) -> None:
    mode, pair = mode_and_pair
    run = Run(marked_pack(), SessionOptions(mode=mode, pair=pair))
    assert_candidate_view_keeps_private(run)
    run.drive(steps, quit_at_end, after_each=lambda: assert_candidate_view_keeps_private(run))


def walk_to_the_end(mode: Mode, pair: bool) -> tuple[Run, list[str]]:
    """A whole run: answers that mention the trigger terms, the hint where allowed, the interviewer scoring first."""
    run = Run(marked_pack(), SessionOptions(mode=mode, pair=pair))
    seen = []
    for _ in range(200):
        if isinstance(run.engine.state, Finished):
            break
        if isinstance(run.engine.state, Assessing) and pair:
            run.act("assess interviewer", Rating.GOOD)
            assert_candidate_view_keeps_private(run)
        run.apply(Hint())
        run.act("type", "retention by cohort, like, weekly")
        run.act("advance", 20)
        run.act("tick", None)
        assert_candidate_view_keeps_private(run)
        seen.append(codec.encode(run.engine.candidate_view()).decode())
        run.act("next", None)
        assert_candidate_view_keeps_private(run)
    assert isinstance(run.engine.state, Finished)
    return run, seen


def test_whole_runs_show_the_candidate_what_they_may_see_as_it_becomes_theirs() -> None:
    for mode in Mode:
        for pair in (False, True):
            run, seen = walk_to_the_end(mode, pair)
            final = codec.encode(run.engine.candidate_view()).decode()
            everything = "\n".join(seen) + final
            assert "CHALLENGE-MARK-1a" in everything and "CHECK-MARK-1" in final and "CHECK-MARK-P" in final
            assert ("HINT-MARK-1" in everything) is (mode is Mode.PRACTICE)
            assert ("NOTE-MARK q1" in final) is pair  # the interviewer's notes, once the round is revealed
            assert "RETENTION" not in final and "GUIDE-MARK" not in final and "KWMARK" not in final


def test_the_interviewer_view_holds_everything() -> None:
    run, _ = walk_to_the_end(Mode.PRESSURE, pair=True)
    encoded = codec.encode(run.engine.interviewer_view()).decode()
    assert codec.decode(encoded, InterviewerView).record == run.engine.record
    for marker in ("GUIDE-MARK-1a", "KWMARKONE", "HINT-MARK-2", "RETENTION", "CHALLENGE-MARK-3", "NOTE-MARK q3"):
        assert marker in encoded


def test_the_interviewers_assessment_is_hidden_until_the_round_is_revealed() -> None:
    run = Run(marked_pack(), SessionOptions(pair=True))
    while not isinstance(run.engine.state, Assessing):
        run.act("next", None)
    assert run.apply(SubmitAssessment(role=Role.INTERVIEWER, ratings={"q1": Rating.POOR}, notes={"q1": "NOTE-MARK q1"}))
    view = run.engine.candidate_view()
    assert view.rounds[0].questions[0].interviewer_assessment is None and not view.rounds[0].revealed
    assert view.rounds[0].questions[0].checklist == ("CHECK-MARK-1",)  # the assessment is open
    assert run.apply(SubmitAssessment(ratings={"q1": Rating.GOOD}))
    revealed = run.engine.candidate_view().rounds[0]
    assert revealed.revealed and revealed.questions[0].interviewer_assessment.notes == "NOTE-MARK q1"
    assert revealed.questions[0].self_assessment.rating is Rating.GOOD


def test_a_solo_run_has_no_interviewer_to_assess_it() -> None:
    run = Run(marked_pack(), SessionOptions())
    while not isinstance(run.engine.state, Assessing):
        run.act("next", None)
    assert not run.apply(SubmitAssessment(role=Role.INTERVIEWER, ratings={"q1": Rating.POOR}))


def test_the_guide_goes_to_the_candidate_only_after_the_answer_and_only_if_the_rules_say_everyone() -> None:
    run = Run(marked_pack(), SessionOptions())
    run.engine.record.rules = Rules(hints=True, interruptions=False, auto_advance=False,
                                    guide_after_answer=Audience.EVERYONE)  # fmt: skip
    run.act("next", None)
    assert "GUIDE-MARK-1a" not in codec.encode(run.engine.candidate_view()).decode()
    for _ in range(3):  # the answer, then its two challenges
        run.act("next", None)
    assert run.engine.candidate_view().rounds[0].questions[0].guide == ("GUIDE-MARK-1a", "GUIDE-MARK-1b")
    assert run.apply(Quit())


def test_the_candidate_view_counts_progress_and_shows_the_clock() -> None:
    run = Run(marked_pack(), SessionOptions(mode=Mode.PRESSURE))
    run.act("next", None)
    run.act("advance", 15)
    view = run.engine.candidate_view()
    assert (view.round_count, len(view.rounds), view.rounds[0].question_count) == (2, 1, 2)
    assert [q.ask for q in view.rounds[0].questions] == ["Which metrics do you track?"]
    assert view.position.clock is not None and view.position.clock.remaining == 45
    assert (view.rounds[0].interviewer, view.rounds[0].interviewer_style) == ("Lee", "dry")
