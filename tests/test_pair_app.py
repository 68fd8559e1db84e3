"""A whole pair run in the app, in both modes: the console's keys, and the candidate's view at every phase
holding no private marker (tests/support/marked.marked_pack marks every private field)."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
from textual.pilot import Pilot

from mockint.core.model import Interviewer
from mockint.core.ratings import Rating
from mockint.session.record import Advance, ChallengeStatus, Counter, Mode, Role
from mockint.core.paths import sessions_dir
from mockint.session.setup import SessionOptions
from mockint.session.commands import BeginRound, Continue, Done, Skip
from mockint.session.state import Phase
from mockint.session.views import candidate_view
from mockint.ui.screens.pair import (
    NO_CONDITIONAL, CandidateScreen, HandOffScreen, KeyReferenceScreen, PairScreen, RevealScreen, reveal_text,
)
from mockint.ui.screens.confirm import ChoiceScreen, ConfirmScreen
from mockint.ui.screens.summary import SummaryScreen
from mockint.ui.widgets.assessment import HAND_IN_ANYWAY, AssessmentForm, RatingSet
from textual.widgets import Input
from mockint.ui.widgets.pair_console import NoteInput
from mockint.ui.widgets.scorecard import ScorecardForm, evidence_text
from support.apps import SIZE, make_app, pair_app
from support.behaviour import bundled_pack
from support.marked import marked_pack
from support.packs import mini_pack
from support.pilot import engine_of, screen_text, text_of, type_text, widget_texts
from support.saved import saved_commands
from support.sessions import Run, command_for

NOTE = "NOTED-MARK said retention"
ALWAYS_PRIVATE = ("GUIDE-MARK-1b", "CKIT-MARK", "KWMARK", "ANCHOR-MARK", "FACT-MARK", "RETENTION", "COHORT", "保留")


def private_now(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The markers the candidate may not see now: the kit always; notes, ticks and the reference before the
    reveal; hints not given; challenges not posed."""
    engine = engine_of(app)
    record = engine.record
    markers = list(ALWAYS_PRIVATE)
    for round_ in record.rounds:
        if not round_.revealed:
            markers += ["NOTED-MARK", "GUIDE-MARK", *(q.reference or "" for q in round_.questions)]
        for question in round_.questions:
            if question.hint and not question.hint_used:
                markers.append(question.hint)
            markers += [c.ask for c in question.challenges if not c.posed and c is not _on_screen(engine)]
    return [m for m in markers if m]


def _on_screen(engine):  # type: ignore[no-untyped-def]
    view = engine.interviewer_view()
    return view.challenge


async def check_candidate_view(pilot: Pilot[None]) -> str:
    """Toggle the candidate view on, check it, toggle it off; the text it showed."""
    app = pilot.app
    await pilot.press("v")
    assert isinstance(app.screen, CandidateScreen)
    shown = widget_texts(app)
    leaked = [marker for marker in private_now(app) if marker in shown]
    assert not leaked, f"the candidate view at {engine_of(app).state} shows {leaked}"
    await pilot.press("v")
    await pilot.pause()
    assert isinstance(app.screen, PairScreen)
    return shown


async def note(pilot: Pilot[None], text: str) -> None:
    """Open the note line, type `text` and file it, which closes the line."""
    await pilot.press("n")
    await type_text(pilot, text)
    await pilot.press("enter")


async def to_the_assessment(pilot: Pilot[None]) -> None:
    """From the round's intro, each answer done and each review gone on from, to the round's assessment."""
    engine = engine_of(pilot.app)  # type: ignore[arg-type]
    await pilot.press("enter")
    while engine.phase is not Phase.ASSESSMENT:
        await pilot.press("enter" if engine.phase is Phase.REVIEW else "ctrl+d")


async def assess(pilot: Pilot[None], own: Rating, theirs: Rating, last: bool) -> None:
    """The candidate's self-assessment after its hand-off, then the interviewer's scorecard after its own."""
    app = pilot.app
    assert isinstance(app.screen, HandOffScreen) and "candidate" in widget_texts(app)
    assert app.screen.styles.background.a == 1  # opaque: nothing of the form beneath shows through
    await pilot.press("enter")
    form = app.screen.query_one(AssessmentForm)
    assert "ANCHOR-MARK" not in widget_texts(app) and "NOTED-MARK" not in widget_texts(app)
    for rating_set in form.query(RatingSet):
        rating_set.choose(own)
    await pilot.press("ctrl+d")
    assert isinstance(app.screen, HandOffScreen) and "interviewer" in widget_texts(app)
    await pilot.press("enter")
    scorecard = app.screen.query_one(ScorecardForm)
    shown = widget_texts(app)
    assert "ANCHOR-MARK-1 good" in shown or "ANCHOR-MARK-3 good" in shown  # the anchors, for the interviewer
    assert own.label not in [str(b.label) for b in scorecard.query("ChoiceButton.-on")]  # blind: not pre-filled
    for rating_set in scorecard.query(RatingSet):
        rating_set.choose(theirs)
    await pilot.press("ctrl+d")
    assert "keep and one specific change" in widget_texts(app)  # refused without them
    scorecard.query_one("#score-keep", Input).value = "Opens with the metric"
    scorecard.query_one("#score-change", Input).value = "Give one number"
    if last:
        scorecard.query_one("#advance-yes").value = True
    await pilot.press("ctrl+d")
    await pilot.pause()


@pytest.mark.parametrize("mode", Mode)
async def test_a_whole_pair_run_keeps_the_kit_from_the_candidate_view(mode: Mode) -> None:
    app, clock = pair_app(mode, marked_pack())
    async with app.run_test(size=(120, 40)) as pilot:
        engine = engine_of(app)
        assert isinstance(app.screen, PairScreen)
        await check_candidate_view(pilot)  # the round's intro
        await pilot.press("enter")
        console = widget_texts(app)
        for marker in ("GUIDE-MARK-1a", "KWMARKONE", "FACT-MARK-1a", "ANCHOR-MARK-1 excellent", "CHALLENGE-MARK-1b"):
            assert marker in console, marker
        clock.advance(12)
        await note(pilot, NOTE)
        await pilot.press("1", "f", "f", "r")
        question = engine.record.rounds[0].questions[0]
        assert question.notes[0].text == NOTE and question.notes[0].stamp == "0:12"
        assert question.heard == {"GUIDE-MARK-1a"} and question.counts == {Counter.FILLER: 2, Counter.RAMBLING: 1}
        assert "heard: RETENTION" in widget_texts(app)  # the conditional challenge's terms turned up in the notes
        shown = await check_candidate_view(pilot)
        assert "Which metrics do you track?" in shown and "NOTED-MARK" not in shown
        await pilot.press("p")  # fire the first challenge early
        assert engine.phase is Phase.CHALLENGE
        shown = await check_candidate_view(pilot)
        assert "CHALLENGE-MARK-1a" in shown
        await pilot.press("ctrl+d", "x")  # back to the answer; skip the conditional one
        assert question.challenges[1].status is ChallengeStatus.NOT_NEEDED
        await pilot.press("m")
        assert question.extra_time == 60
        await pilot.press("ctrl+d")
        assert engine.phase is Phase.REVIEW
        await check_candidate_view(pilot)
        await pilot.press("enter")  # the second question
        if mode is Mode.PRESSURE:
            clock.advance(46)
            app.screen.tick()  # its challenge at 0:45 fires by itself
            assert engine.phase is Phase.CHALLENGE
        else:
            await pilot.press("ctrl+d")
        await check_candidate_view(pilot)
        await pilot.press("ctrl+d")
        if mode is Mode.PRESSURE:
            await pilot.press("ctrl+d")  # the interrupted answer goes on; end it
        await pilot.press("enter")
        assert engine.phase is Phase.ASSESSMENT
        await assess(pilot, Rating.EXCELLENT, Rating.POOR, last=False)
        assert isinstance(app.screen, RevealScreen)
        reveal = widget_texts(app)
        assert "you rated excellent, your interviewer poor" in reveal and "REFERENCE-MARK-1" in reveal
        assert NOTE in reveal and "GUIDE-MARK-1a" in reveal and "Give one number" in reveal
        await pilot.press("enter")
        assert engine.phase is Phase.ROUND_INTRO
        await check_candidate_view(pilot)
        await pilot.press("enter", "ctrl+d")  # the conditional challenge, not skipped, is posed
        assert engine.phase is Phase.CHALLENGE
        await check_candidate_view(pilot)
        await pilot.press("ctrl+d", "enter")
        await assess(pilot, Rating.GOOD, Rating.GOOD, last=True)
        assert isinstance(app.screen, RevealScreen) and "Would advance? Yes" in widget_texts(app)
        await pilot.press("enter")
        assert isinstance(app.screen, SummaryScreen)
        record = engine.record
        assert record.assessments[Role.INTERVIEWER].advance is Advance.YES
        assert record.rounds[0].questions[0].assessment(Role.INTERVIEWER).rating is Rating.POOR


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_the_console_keeps_its_main_keys_and_the_names_in_sight(size: tuple[int, int]) -> None:
    """The footer names what the interviewer needs most; the header cuts the pack's title before the names."""
    pack = msgspec.structs.replace(mini_pack(), title="Case: should our influencer budget go to TikTok this year?")
    app, _ = pair_app(Mode.PRACTICE, pack)
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        rows = screen_text(app).splitlines()
        header, footer = rows[0], rows[-1]
        assert header.strip().startswith("Bo interviews Ann · pair interview (practice rules) · Case: should")
        for key in ("^d Done", "n Note", "p Pose", "x Don't pose", "v Candidate view", "? Keys", "^p palette"):
            assert key in footer, (key, footer)
        assert "Question time 0:00 · f4 pause, m +1 min" in screen_text(app)  # keys the footer has no room for


async def test_at_80x24_the_note_line_comes_into_sight_under_a_posed_challenge() -> None:
    pack = mini_pack()
    persona = Interviewer("Sam", "Head of social at a consumer brand, a former creator; fast, informal and " * 4)
    pack = msgspec.structs.replace(pack, rounds=(msgspec.structs.replace(pack.rounds[0], interviewer=persona),))
    app, _ = pair_app(Mode.PRACTICE, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "p")  # the persona and the challenge's card push the notes below the fold
        await pilot.pause()
        assert "n: note what the candidate says" not in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.focused, NoteInput) and "n: note what the candidate says" in screen_text(app)


async def test_enter_files_the_note_and_gives_the_keys_back_to_the_console() -> None:
    app, _ = pair_app()
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        await pilot.press("enter", "n")
        await type_text(pilot, "owns payments")
        await pilot.press("enter", "f")  # filed, so f counts a filler instead of typing into the line
        question = engine.interviewer_view().question
        assert question is not None and [line.text for line in question.notes] == ["owns payments"]
        assert question.counts == {Counter.FILLER: 1} and not isinstance(app.focused, NoteInput)
        await pilot.press("n", "r", "escape", "r")  # escape leaves a line unfiled, keeping what was typed
        assert len(question.notes) == 1 and question.counts[Counter.RAMBLING] == 1
        assert app.screen.query_one(NoteInput).value == "r"


async def test_a_note_line_left_unfiled_is_filed_on_the_question_it_was_typed_on() -> None:
    app, _ = pair_app()
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        await pilot.press("enter", "n")
        await type_text(pilot, "owns payments")
        await pilot.press("escape", "ctrl+k")  # left unfiled, then the question skipped
        first = engine.record.rounds[0].questions[0]
        assert [line.text for line in first.notes] == ["owns payments"]
        assert app.screen.query_one(NoteInput).value == ""


async def test_pose_and_dont_pose_say_why_when_no_challenge_applies() -> None:
    app, _ = pair_app()
    async with app.run_test(size=SIZE) as pilot:
        notes: list[str] = []
        app.screen.notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
        engine = engine_of(app)
        await pilot.press("enter", "x")  # the first question's only challenge is timed, not conditional
        assert notes == [NO_CONDITIONAL] and engine.phase is Phase.ANSWERING
        await pilot.press("p", "p")
        assert engine.phase is Phase.CHALLENGE and notes[1:] == ["A challenge is being answered; finish it first."]
        await pilot.press("ctrl+d", "p")
        assert engine.phase is Phase.ANSWERING and notes[2:] == ["No challenge left to pose on this question."]


async def test_the_key_reference_lists_every_key_of_the_console() -> None:
    app, _ = pair_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, KeyReferenceScreen)
        keys = " / ".join(str(cell.render()) for cell in app.screen.query(".keys")).split(" / ")
        for key in ("n", "1 … 9", "f", "r", "p", "x", "m", "h", "v", "?", "f1", "ctrl+d", "f4", "escape"):
            assert key in keys, key
        assert "a" not in keys and "Clock when away" not in widget_texts(app)  # only when hosting
        await pilot.press("escape")
        await pilot.press("f1")
        assert isinstance(app.screen, KeyReferenceScreen)


async def test_the_key_reference_of_a_scoring_form_lists_the_forms_keys() -> None:
    app, _ = pair_app()
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        await to_the_assessment(pilot)
        for form, hand_in in (("self-assessment", "Hand in your self-assessment"),
                              ("interviewer's scorecard", "Hand in your scorecard")):  # fmt: skip
            await pilot.press("enter", "f1")  # past the hand-off, then the keys
            assert isinstance(app.screen, KeyReferenceScreen)
            shown = widget_texts(app)
            assert f"Keys of the {form}" in shown and hand_in in shown and "1 … 5" in shown
            assert "Candidate view" not in shown and "Note" not in shown
            await pilot.press("escape")
            if form == "self-assessment":
                for rating_set in app.screen.query(RatingSet):
                    rating_set.choose(Rating.GOOD)
                await pilot.press("ctrl+d")
        assert isinstance(app.screen.query_one(ScorecardForm), ScorecardForm)


async def test_typing_a_note_does_not_fire_the_console_keys() -> None:
    app, _ = pair_app()
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        await pilot.press("enter")
        await note(pilot, "fine, very precise; visual example")  # f, v, p, x, m, r typed, not pressed
        question = engine.interviewer_view().question
        assert question is not None and question.counts == {} and question.extra_time == 0
        assert isinstance(app.screen, PairScreen) and engine.phase is Phase.ANSWERING
        assert question.notes[0].text == "fine, very precise; visual example"
        await pilot.press("escape")  # with the note line closed, escape asks to end the interview
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)


async def test_the_summary_swaps_the_roles_onto_rounds_the_new_candidate_has_not_seen() -> None:
    app, _ = pair_app(Mode.PRACTICE, marked_pack())
    async with app.run_test(size=(120, 40)) as pilot:
        engine = engine_of(app)
        first = engine.record
        first.rounds = first.rounds[:1]  # a run of the first round only: the second is still new to Bo
        await pilot.press("enter")
        for _ in range(12):
            await pilot.press("ctrl+d" if engine.phase is not Phase.REVIEW else "enter")
            if engine.phase is Phase.ASSESSMENT:
                break
        await assess(pilot, Rating.GOOD, Rating.GOOD, last=True)
        await pilot.press("enter")
        assert isinstance(app.screen, SummaryScreen)
        assert "s swaps the roles" in widget_texts(app)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("l")  # leave without exporting (this run is not saved)
        await pilot.pause()
        assert isinstance(app.screen, PairScreen)
        second = engine_of(app).record
        assert (second.candidate, second.interviewer, second.pair) == ("Bo", "Ann", True)
        assert [r.round_id for r in second.rounds] == ["r2"]
        assert first.candidate == "Ann"  # the first run's record is its own


async def test_the_review_of_a_pair_run_calls_the_text_the_interviewers_notes() -> None:
    app, clock = pair_app(Mode.PRACTICE, marked_pack())
    async with app.run_test(size=(120, 40)) as pilot:
        engine = engine_of(app)
        await pilot.press("enter")
        clock.advance(12)
        await note(pilot, NOTE)
        await pilot.press("ctrl+d", "ctrl+d")  # the first challenge, then the answer
        await pilot.pause()
        assert engine.phase is Phase.REVIEW
        review = widget_texts(app)
        assert "Interviewer's notes (" in review and "Keywords in the notes:" in review and NOTE in review
        assert "no notes taken (" in review  # the challenge, posed and noted nothing of
        assert "Your answer" not in review and "Keywords you used" not in review and "no answer typed" not in review


async def test_the_review_of_a_question_skipped_in_a_pair_run_says_the_interviewer_skipped_it() -> None:
    app, _ = pair_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "ctrl+k")
        await pilot.pause()
        assert engine_of(app).phase is Phase.REVIEW
        review = widget_texts(app)
        assert "The interviewer skipped this question." in review and "You skipped" not in review


@pytest.mark.parametrize(("noted", "said"), [
    ("a collision costs more", "not needed: the candidate already mentioned collision"),
    ("constant time", "not needed: the interviewer skipped it"),
])  # fmt: skip
async def test_the_review_says_why_a_skipped_challenge_was_not_needed(noted: str, said: str) -> None:
    app, _ = pair_app()
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        await pilot.press("enter")
        while engine.interviewer_view().position.question != 1:  # to the hash map question
            await pilot.press("enter" if engine.phase is Phase.REVIEW else "ctrl+d")
        await note(pilot, noted)
        await pilot.press("x", "ctrl+d")
        assert engine.phase is Phase.REVIEW
        review = widget_texts(app)
        assert said in review and "you already mentioned" not in review


async def test_the_give_hint_key_says_why_there_is_none_in_pressure_mode() -> None:
    app, _ = pair_app(Mode.PRESSURE)
    async with app.run_test(size=SIZE) as pilot:
        notes: list[str] = []
        app.screen.notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
        await pilot.press("enter", "h")
        assert notes == ["Hints are off in pressure mode."]
        assert not engine_of(app).interviewer_view().question.hint_used  # type: ignore[union-attr]


async def test_the_summary_title_says_it_was_a_pair_run_and_who_interviewed_whom() -> None:
    app, _ = pair_app(Mode.PRESSURE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        title = text_of(app, "#summary-title")
        assert "pair interview (pressure rules): Bo interviewed Ann" in title and "practice" not in title
        shown = " ".join(line.strip() for line in screen_text(app).splitlines()[:4])
        assert "Bo interviewed Ann · ended early" in shown  # wrapped at 80 columns, not cut off


async def test_the_offer_to_resume_a_pair_interview_names_who_interviews_whom(isolated_user_dirs: Path) -> None:
    options = SessionOptions(pair=True, candidate="Ana", interviewer="Ben")
    saved_commands(sessions_dir(isolated_user_dirs), options, "answering")
    app = make_app(isolated_user_dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "Mini mock (pair, practice: Ben interviews Ana), started" in app.screen.question


def test_a_skipped_question_is_said_to_be_skipped_on_the_scorecard_and_in_the_reveal() -> None:
    run = Run(marked_pack(), SessionOptions(pair=True, candidate="Ann", interviewer="Bo"))
    engine = run.engine
    assert run.apply(BeginRound()) and run.apply(Skip()) and run.apply(Continue())  # the first question
    while engine.phase in (Phase.ANSWERING, Phase.CHALLENGE):
        assert run.apply(Done())
    assert run.apply(Continue())
    skipped, answered = engine.record.rounds[0].questions
    assert str(evidence_text(skipped)).startswith("Skipped by you. Your evidence: heard nothing ticked")
    assert str(evidence_text(answered)).startswith("Your evidence: ")
    assert run.apply(command_for(engine, "assess", Rating.GOOD))  # type: ignore[arg-type]
    assert run.apply(command_for(engine, "assess interviewer", Rating.POOR))  # type: ignore[arg-type]
    lines = str(reveal_text(candidate_view(engine.record, engine.state, engine.offset()), 0)).splitlines()
    first, second = (i for i, line in enumerate(lines) if line[:3] in ("1. ", "2. "))
    assert lines[first + 1] == "   Skipped" and lines[second + 1] != "   Skipped"


async def test_the_candidates_form_asks_before_handing_in_questions_left_unrated() -> None:
    """As on a terminal of their own (mockint join): the form says how many are not rated and asks first."""
    app, _ = pair_app()
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        await to_the_assessment(pilot)
        await pilot.press("enter")  # the hand-off to the candidate
        await pilot.press("ctrl+d")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "2 of 2 questions are not rated. " + HAND_IN_ANYWAY
        await pilot.press("n")  # no: back to their form, nothing handed in
        form = app.screen.query_one(AssessmentForm)
        assert Role.SELF not in engine.record.rounds[0].assessments
        form.query(RatingSet).first().choose(Rating.GOOD)
        await pilot.click("#submit-assessment")  # the button asks as ctrl+d does
        assert isinstance(app.screen, ConfirmScreen) and app.screen.question.startswith("1 of 2 questions is not")
        await pilot.press("y")
        await pilot.pause()
        assert engine.record.rounds[0].questions[0].assessment(Role.SELF).rating is Rating.GOOD
        assert isinstance(app.screen, HandOffScreen) and "interviewer" in widget_texts(app)


async def test_done_goes_on_from_the_review_as_enter_does() -> None:
    app, _ = pair_app()
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        await pilot.press("enter", "ctrl+d", "ctrl+d")  # the answer, then its challenge: the review
        assert engine.phase is Phase.REVIEW
        await pilot.press("ctrl+d")
        assert engine.phase is Phase.ANSWERING and engine.state.question == 1


async def test_f_and_r_show_their_counts_in_sight_when_the_kit_is_cut_off_at_80_by_24() -> None:
    app, _ = pair_app(pack=marked_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f", "f", "r")
        await pilot.pause()
        shown = screen_text(app)
        assert "Filler words 2" not in shown  # the kit's own line of counts is below the fold
        assert "Fillers 2 · Rambling 1" in shown  # on the kit's border
        await pilot.press("f")
        await pilot.pause()
        assert "Fillers 3 · Rambling 1" in screen_text(app)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_a_long_round_intro_shows_its_budget_and_prompt(size: tuple[int, int]) -> None:
    app, _ = pair_app(pack=bundled_pack("tiktok-social-media-manager"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "including when a video flops.”" in text and "Budget 35m · 6 questions" in text
        assert "Press enter or space to begin." in text


async def test_the_consoles_question_and_challenge_headers_wrap_at_80_columns_never_cut() -> None:
    app, _ = pair_app(pack=bundled_pack("tiktok-social-media-manager"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "p")  # the first challenge posed early
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "Question 1 of 6 · Trends," in text and "content and analytics" in text
        assert "Jordan Reyes" in text and "pushes back:" in text and "1:00 left" in text
