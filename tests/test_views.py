"""The candidate's view never holds what a candidate may not see yet; the interviewer's holds everything."""

from __future__ import annotations

import json

import msgspec
import pytest
from hypothesis import given, settings
from msgspec.structs import replace

from mockint.core import codec
from mockint.core.ratings import Rating
from mockint.session.commands import Quit, SubmitAssessment
from mockint.session.record import Audience, Counter, Mode, QuestionAssessment, Role, RoundRecord, Rules, SessionRecord
from mockint.session.setup import SessionOptions
from mockint.session.state import Assessing, Finished, State
from mockint.session import views
from mockint.session.views import CandidateView, InterviewerView, candidate_view
from support.marked import CandidateViewOf, marked_pack, private_now
from support.sessions import Run, actions, modes


def view_now(run: Run, view_of: CandidateViewOf = candidate_view) -> CandidateView:
    engine = run.engine
    return view_of(engine.record, engine.state, engine.offset())


def assert_candidate_view_keeps_private(run: Run, view_of: CandidateViewOf = candidate_view) -> None:
    """No marker of a private field in the candidate's view, which is plain JSON that decodes to itself."""
    view = view_now(run, view_of)
    encoded = codec.encode(view).decode()
    leaked = sorted(marker for marker in private_now(run.engine.record, run.engine.state) if marker in encoded)
    assert not leaked, f"the candidate's view at {run.engine.state} holds {leaked}"
    assert codec.decode(encoded, CandidateView) == view
    json.loads(encoded)  # plain JSON, as a candidate's terminal would receive it


def assert_the_verdict_stays_hidden(run: Run, twin: Run, view_of: CandidateViewOf = candidate_view) -> None:
    """Twins told apart only by the interviewer's assessments show the candidate the same, revealed rounds aside.

    Ratings and ticks carry no marker (they are the scale's values and the
    checklist's own items), so this compares instead of searching.
    """
    views = [_without_revealed_verdicts(run, view_now(run, view_of)) for run in (run, twin)]
    assert views[0] == views[1], f"the candidate's view at {run.engine.state} shows the interviewer's assessment"


def _without_revealed_verdicts(run: Run, view: CandidateView) -> bytes:
    rounds = list(view.rounds)
    for index, round_ in enumerate(rounds):
        if run.engine.record.rounds[index].revealed_at is not None:
            questions = tuple(_without_evidence(q) for q in round_.questions)
            rounds[index] = replace(round_, questions=questions, interviewer_assessment=None)
    return codec.encode(replace(view, rounds=tuple(rounds), advance=None))


def _without_evidence(question: views.CandidateQuestion) -> views.CandidateQuestion:
    """A revealed question without the interviewer's side: assessment, notes (the answers in a pair run),
    ticks and counts."""
    challenges = tuple(replace(c, answer="") for c in question.challenges)
    return replace(question, interviewer_assessment=None, evidence=None, answer="", challenges=challenges)


def drive_twins(
    mode: Mode, pair: bool, steps: list[tuple[str, object]], quit_at_end: bool, view_of: CandidateViewOf = candidate_view
) -> Run:
    """Runs that differ only in the interviewer's verdict, checked after every step; the first twin is returned."""
    options = SessionOptions(mode=mode, pair=pair)
    run, twin = Run(marked_pack(), options), Run(marked_pack(), options, other_verdict=True)

    def check() -> None:
        assert_candidate_view_keeps_private(run, view_of)
        assert_the_verdict_stays_hidden(run, twin, view_of)

    check()
    for name, value in steps:
        for each in (run, twin):
            each.act(name, value)
        check()
    if quit_at_end:
        for each in (run, twin):
            each.apply(Quit())
        check()
    return run


@settings(max_examples=100, deadline=None)
@given(mode_and_pair=modes(), steps=actions, quit_at_end=...)
def test_the_candidate_view_never_holds_a_private_field(mode_and_pair: tuple[Mode, bool], steps, quit_at_end: bool) -> None:
    drive_twins(*mode_and_pair, steps, quit_at_end)


def whole_run(first: str = "assess") -> list[tuple[str, object]]:
    """A whole run of the marked pack: the hint where allowed, answers that mention the trigger terms, and in
    a pair run `first` ("assess" or "assess interviewer") assessing each round before the other."""
    turn = [("hint", None), ("type", "retention by cohort, like, weekly"), ("advance", 20), (first, Rating.MIXED),
            ("heard", 0), ("count", Counter.FILLER), ("skip challenge", 0), ("skip challenge", 1)]  # a partner's
    return [step for _ in range(8) for step in (*turn, ("next", None))] + [("next", None)] * 6


@pytest.mark.parametrize("mode", Mode)
@pytest.mark.parametrize(("pair", "first"), [(False, "assess"), (True, "assess"), (True, "assess interviewer")])
def test_whole_runs_show_the_candidate_what_they_may_see_as_it_becomes_theirs(mode: Mode, pair: bool, first: str) -> None:
    run = drive_twins(mode, pair, whole_run(first), quit_at_end=False)
    assert isinstance(run.engine.state, Finished)
    final = codec.encode(run.engine.candidate_view()).decode()
    assert "CHALLENGE-MARK-1a" in final and "CHECK-MARK-1" in final and "CHECK-MARK-P" in final
    assert ("HINT-MARK-1" in final) is (mode is Mode.PRACTICE)
    assert ("NOTE-MARK q1" in final) is pair  # the interviewer's notes, once the round is revealed
    assert ("GUIDE-MARK-1a" in final) is pair  # ticked as heard: evidence once revealed
    assert "RETENTION" not in final and "GUIDE-MARK-1b" not in final and "KWMARK" not in final
    assert "ANCHOR-MARK" not in final and "FACT-MARK" not in final and "UNLESS-ALT-MARK" not in final
    assert all(f"REFERENCE-MARK-{n}" in final for n in (1, 2, 3))  # every round was revealed
    assert ("NOTE-LINE-MARK r1" in final and '"counts":{"filler":' in final) is pair
    assert ('"advance":"strong_yes"' in final) is pair


def leak_the_verdict(record: SessionRecord, state: State, at: float) -> CandidateView:
    """A candidate view that shows each question's interviewer rating, and nothing else, before the reveal."""
    view = candidate_view(record, state, at)
    rounds = tuple(
        replace(round_, questions=tuple(
            replace(q, interviewer_assessment=QuestionAssessment(rating=record.rounds[i].questions[q.number - 1].interviewer_rating))
            for q in round_.questions
        ))
        for i, round_ in enumerate(view.rounds)
    )  # fmt: skip
    return replace(view, rounds=rounds)


def offer_the_interview_checklist_early(record: SessionRecord, state: State, at: float) -> CandidateView:
    """The old gap: the whole interview's checklist from the first round's assessment on."""
    view = candidate_view(record, state, at)
    return replace(view, checklist=record.checklist) if isinstance(state, Assessing) else view


def test_the_checks_catch_a_planted_leak(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(AssertionError, match="shows the interviewer's assessment"):
        drive_twins(Mode.PRACTICE, True, whole_run("assess interviewer"), quit_at_end=False, view_of=leak_the_verdict)
    with pytest.raises(AssertionError, match="CHECK-MARK-P"):
        drive_twins(Mode.PRACTICE, False, whole_run(), quit_at_end=False, view_of=offer_the_interview_checklist_early)
    # A reveal as soon as the interviewer's assessment is in, before the candidate's own.
    monkeypatch.setattr(RoundRecord, "revealed", property(lambda round_: Role.INTERVIEWER in round_.assessments))
    with pytest.raises(AssertionError, match="NOTE-MARK"):
        drive_twins(Mode.PRESSURE, True, whole_run("assess interviewer"), quit_at_end=False)


def test_the_interviewer_view_holds_everything() -> None:
    run = drive_twins(Mode.PRESSURE, True, whole_run(), quit_at_end=False)
    assert isinstance(run.engine.state, Finished)
    encoded = codec.encode(run.engine.interviewer_view()).decode()
    assert codec.decode(encoded, InterviewerView).record == run.engine.record
    for marker in ("GUIDE-MARK-1a", "KWMARKONE", "HINT-MARK-2", "RETENTION", "CHALLENGE-MARK-3", "NOTE-MARK q3"):
        assert marker in encoded
    for marker in ("KWMARK-ALT-1", "UNLESS-ALT-MARK", "保留", "ANCHOR-MARK-2 excellent", "REFERENCE-MARK-3",
                   "FACT-MARK-1b", "CKIT-MARK-2", '"hint_after":7'):  # fmt: skip
        assert marker in encoded


def kit_texts(question) -> dict[str, list[str]]:
    """Each field of the interviewer's kit that the pack adds, as the texts it holds."""
    return {
        "anchors": list(question.anchors.values()),
        "reference": [question.reference] if question.reference else [],
        "facts": list(question.facts),
        "challenge guide": [item for c in question.challenges for item in c.guide],
        "keyword alternatives": [alt for k in question.keywords for alt in k.alternatives[1:]],
        "unless_mentioned alternatives": [alt for c in question.challenges for t in c.unless_mentioned
                                          for alt in t.alternatives],
    }  # fmt: skip


@pytest.mark.parametrize("field", list(kit_texts(marked_pack().rounds[0].questions[0])))
def test_a_kit_field_planted_in_the_candidate_view_is_caught(field: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The role-view check would see any new field of the kit leak: plant each in the candidate's answer."""
    honest = views._candidate_question

    def leaking(record, state, round_index, number, question, opened, shown_to_all):
        shown = honest(record, state, round_index, number, question, opened, shown_to_all)
        return msgspec.structs.replace(shown, answer=shown.answer + " ".join(kit_texts(question)[field]))

    monkeypatch.setattr(views, "_candidate_question", leaking)
    with pytest.raises(AssertionError, match="the candidate's view at"):
        drive_twins(Mode.PRACTICE, True, whole_run(), quit_at_end=False)


def test_the_interviewers_assessment_is_hidden_until_the_round_is_revealed() -> None:
    run = Run(marked_pack(), SessionOptions(pair=True))
    while not isinstance(run.engine.state, Assessing):
        run.act("next", None)
    assert run.apply(SubmitAssessment(ratings={"q1": Rating.GOOD}))
    view = run.engine.candidate_view()
    assert view.rounds[0].questions[0].self_assessment.rating is Rating.GOOD and not view.rounds[0].revealed
    assert view.rounds[0].questions[0].checklist == ("CHECK-MARK-1",)  # the assessment is open
    assert view.checklist == ()  # the whole interview's comes with the last round
    interviewer = SubmitAssessment(role=Role.INTERVIEWER, ratings={"q1": Rating.POOR}, notes={"q1": "NOTE-MARK q1"})
    assert run.apply(interviewer)
    revealed = run.engine.candidate_view().rounds[0]
    assert revealed.revealed and revealed.questions[0].interviewer_assessment.notes == "NOTE-MARK q1"
    assert revealed.questions[0].interviewer_assessment.rating is Rating.POOR


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


def show_the_interviewers_form_drafts(record: SessionRecord, state: State, at: float) -> CandidateView:
    """A candidate view that carries what the interviewer is typing and has not handed in."""
    view = candidate_view(record, state, at)
    typing = " ".join(text for text in record.form_drafts.get(Role.INTERVIEWER, {}).values())
    return replace(view, candidate=f"{view.candidate} {typing}")


def show_the_interviewers_form_choices(record: SessionRecord, state: State, at: float) -> CandidateView:
    """A candidate view that carries what the interviewer has chosen in the scorecard and not handed in."""
    view = candidate_view(record, state, at)
    choices = record.form_choices.get(Role.INTERVIEWER)
    return replace(view, candidate=f"{view.candidate} {codec.encode(choices).decode() if choices else ''}")


def drafting_run() -> list[tuple[str, object]]:
    """A whole run in which the interviewer half-writes note lines and scorecard lines and chooses ratings, and
    the candidate their reflection and ratings, before each is handed in (the twin's interviewer chooses another
    rating)."""
    drafting = (("draft interviewer", "half a"), ("draft", "keep"), ("choose interviewer", Rating.POOR),
                ("choose", Rating.GOOD))  # fmt: skip
    return [step for each in whole_run() for step in (each, *drafting)]


def test_the_interviewers_half_typed_text_never_reaches_the_candidate(monkeypatch: pytest.MonkeyPatch) -> None:
    run = drive_twins(Mode.PRACTICE, True, drafting_run(), quit_at_end=True)
    assert Role.INTERVIEWER in run.engine.record.form_drafts  # typed at the quit, not handed in
    assert "FORM-DRAFT-MARK" in codec.encode(run.engine.interviewer_view()).decode()
    with pytest.raises(AssertionError, match="FORM-DRAFT-MARK"):
        drive_twins(Mode.PRACTICE, True, drafting_run(), quit_at_end=False, view_of=show_the_interviewers_form_drafts)


def test_the_interviewers_ratings_not_handed_in_never_reach_the_candidate() -> None:
    """The twins' interviewers choose different ratings: a candidate view holding them would tell the twins apart
    (the second run shows that they were there to be found)."""
    drive_twins(Mode.PRACTICE, True, drafting_run(), quit_at_end=True)
    with pytest.raises(AssertionError, match="shows the interviewer's assessment"):
        drive_twins(Mode.PRACTICE, True, drafting_run(), quit_at_end=False, view_of=show_the_interviewers_form_choices)
