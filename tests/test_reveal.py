"""The reference answers, shown to a solo candidate only once their round's self-assessment is in."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from textual.pilot import Pilot

from mockint.core.clock import FakeClock
from mockint.core.model import Pack
from mockint.core.ratings import Rating
from mockint.session.record import QuestionAssessment
from mockint.session.state import Phase
from mockint.session.views import CandidateQuestion
from mockint.ui.app import MockintApp
from mockint.ui.screens.confirm import ChoiceScreen, ConfirmScreen
from mockint.ui.screens.interview import InterviewScreen
from mockint.ui.screens.summary import SummaryScreen
from mockint.ui.widgets.assessment import RatingSet
from mockint.ui.widgets.reveal import NO_REFERENCE, RevealPanel, answer_excerpt, own_rating
from support.apps import SIZE, interview_app
from support.packs import KIT_PACK, kit_pack, load_test_pack
from support.pilot import engine_of, hand_in_unrated, screen_text, settle, write

REFERENCE_LINES = ("I'd set one goal (first-time buyers), test three mid-tier creators in", "same period last year.")
ANSWER = "Test three creators in week one, then put the rest behind whoever converts. " * 5


def kit_app(save: bool = True) -> tuple[MockintApp, FakeClock]:
    """A practice run of the kit pack: one round, its first question with a reference answer, its second without."""
    return interview_app(pack=kit_pack(), save=save)


def reference_shown(app: MockintApp) -> bool:
    text = screen_text(app)
    return any(line in text for line in REFERENCE_LINES)


async def assess_round(pilot: Pilot[None], clock: FakeClock, seen: list[Phase] | None = None) -> None:
    """Answer the first question, skip the rest, rate the first answer good and stop at the submit;
    note in `seen` each phase passed, after checking the reference is not on the screen."""
    engine = engine_of(pilot.app)  # type: ignore[arg-type]

    async def look() -> None:
        await pilot.pause()
        if seen is not None:
            assert not reference_shown(pilot.app), engine.phase  # type: ignore[arg-type]
            seen.append(engine.phase)

    await look()
    await pilot.press("enter")
    await write(pilot, ANSWER)
    clock.advance(75)
    await look()
    await pilot.press("ctrl+d")
    for _ in range(6):
        await look()
        if engine.phase is Phase.ASSESSMENT:
            break
        await pilot.press("enter" if engine.phase is Phase.REVIEW else "ctrl+k")
    assert isinstance(pilot.app.focused, RatingSet)  # the first question's choices
    await pilot.press("3")  # good
    await look()


async def test_the_reference_answer_shows_only_once_the_self_assessment_is_in() -> None:
    app, clock = kit_app()
    async with app.run_test(size=SIZE) as pilot:
        seen: list[Phase] = []
        await assess_round(pilot, clock, seen)
        assert {Phase.ROUND_INTRO, Phase.ANSWERING, Phase.CHALLENGE, Phase.REVIEW, Phase.ASSESSMENT} <= set(seen)
        await hand_in_unrated(pilot)
        await pilot.pause()
        assert engine_of(app).record.rounds[0].revealed
        assert isinstance(app.screen, InterviewScreen) and isinstance(app.focused, RevealPanel)
        text = screen_text(app)
        assert all(line in text for line in REFERENCE_LINES)
        assert f"Your rating: Good — {Rating.GOOD.description}" in text
        assert "Your answer (1:15 / 3:00)" in text and "Test three creators in week one" in text
        assert "You skipped this question (0:00 / 2:00)." in text and NO_REFERENCE in text
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_quitting_at_the_last_reference_answers_goes_to_the_summary_which_asks() -> None:
    app, clock = kit_app(save=False)
    async with app.run_test(size=SIZE) as pilot:
        await assess_round(pilot, clock)
        await hand_in_unrated(pilot)
        await pilot.pause()
        assert isinstance(app.focused, RevealPanel)
        await pilot.press("escape")  # ending the run: it has ended
        assert isinstance(app.focused, RevealPanel)
        await app.run_action("quit")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen) and isinstance(app.screen_stack[-2], SummaryScreen)


def two_kit_rounds(folder: Path) -> Pack:
    """The kit pack's round twice, as a pack of two rounds (the second's question ids changed: ids are unique in a pack)."""
    shutil.copyfile(KIT_PACK, folder / "01-first.yaml")
    second = re.sub(r"^(\s*(?:- )?id: )(\S+)$", r"\1\2-again", KIT_PACK.read_text(encoding="utf-8"), flags=re.M)
    (folder / "02-second.yaml").write_text(second, encoding="utf-8")
    return load_test_pack(folder)


async def test_after_a_round_that_is_not_the_last_the_reference_answers_lead_to_the_next_round(
    tmp_path: Path,
) -> None:
    app, clock = interview_app(pack=two_kit_rounds(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await assess_round(pilot, clock)
        await hand_in_unrated(pilot)
        await pilot.pause()
        assert isinstance(app.focused, RevealPanel) and "round 1 of 2" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert engine_of(app).phase is Phase.ROUND_INTRO and "Round 2 of 2" in screen_text(app)
        assert not reference_shown(app) and not app.screen.query(RevealPanel)


async def test_ending_the_run_at_the_reference_answers_asks_then_shows_the_summary(tmp_path: Path) -> None:
    app, clock = interview_app(pack=two_kit_rounds(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await assess_round(pilot, clock)
        await hand_in_unrated(pilot)
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.focused, RevealPanel)
        await pilot.press("escape")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen) and engine_of(app).record.ended_early


async def test_a_round_without_reference_answers_goes_straight_on() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(2):
            await pilot.press("enter", "ctrl+k", "enter")
        await hand_in_unrated(pilot)
        await pilot.pause()
        assert engine_of(app).phase is Phase.ROUND_INTRO and not app.screen.query(RevealPanel)


def test_snapshot_reveal(snap_compare) -> None:
    app, clock = kit_app()

    async def run_before(pilot: Pilot[None]) -> None:
        await assess_round(pilot, clock)
        await hand_in_unrated(pilot)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


# -- what each question shows ------------------------------------------------------------------


def revealed(answer: str = "", skipped: bool = False, rating: Rating | None = None) -> CandidateQuestion:
    return CandidateQuestion(
        question_id="q1", number=1, ask="Design a cache.", limit=120, answer=answer, time_used=61.5, skipped=skipped,
        hint=None, challenges=(), checklist=(), guide=(), self_assessment=QuestionAssessment(rating=rating),
        interviewer_assessment=None, reference="A TTL per kind of data.", evidence=None, extra_time=0,
    )  # fmt: skip


def test_a_long_answer_shows_its_first_lines_cut_with_an_ellipsis() -> None:
    lines = str(answer_excerpt(revealed("word " * 100), 40)).splitlines()
    assert lines[0] == "Your answer (1:01 / 2:00)"
    assert len(lines) == 4 and all(len(line) <= 40 for line in lines) and lines[-1].endswith("…")
    assert str(answer_excerpt(revealed("one line\nand two"), 40)).splitlines()[1:] == ["one line", "and two"]


def test_no_answer_and_a_skip_say_so_with_the_time() -> None:
    assert str(answer_excerpt(revealed(" \n"), 40)) == "No answer typed (1:01 / 2:00)."
    assert str(answer_excerpt(revealed("typed", skipped=True), 40)) == "You skipped this question (1:01 / 2:00)."


def test_the_own_rating_reads_as_the_scale_says() -> None:
    assert own_rating(QuestionAssessment(rating=Rating.NO_EVIDENCE)) == (
        f"Your rating: No evidence — {Rating.NO_EVIDENCE.description}"
    )
    assert own_rating(None) == own_rating(QuestionAssessment()) == "Your rating: not rated."
