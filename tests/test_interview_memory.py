"""What an interview keeps alive: nothing per question, one assessment form at most, no undo into old answers."""

from __future__ import annotations

import gc
import weakref
from collections import Counter

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Footer, TextArea
from textual.widgets._footer import FooterKey

from support.apps import SIZE, interview_app
from support.pilot import engine_of, hand_in_unrated, interview, write
from mockint.session.commands import BeginRound, Continue, Done
from mockint.session.state import Phase
from mockint.ui.widgets.assessment import AssessmentForm
from mockint.ui.widgets.footer import ReleasingFooter


def live_widgets() -> Counter[str]:
    """Widget objects still in memory (mounted or not), by class name."""
    gc.collect()
    return Counter(type(obj).__name__ for obj in gc.get_objects() if isinstance(obj, Widget))


async def settle(pilot: Pilot[None]) -> None:
    """Let the footer's recompose after a phase change (queued after a refresh) run."""
    for _ in range(3):
        await pilot.pause()


async def answer_first_question(pilot: Pilot[None]) -> None:
    """Question 1 of the mini pack: an answer, its challenge, then on from the review."""
    await write(pilot, "I lead a team")
    await pilot.press("ctrl+d")
    assert engine_of(pilot.app).phase is Phase.CHALLENGE
    await write(pilot, "growth")
    await pilot.press("ctrl+d")
    await pilot.press("enter")
    await settle(pilot)


async def test_widgets_in_memory_do_not_grow_from_question_to_question() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await settle(pilot)
        at_first_question = live_widgets()
        await answer_first_question(pilot)
        assert engine_of(app).state.question == 1 and engine_of(app).phase is Phase.ANSWERING
        assert live_widgets() == at_first_question


async def test_footer_lets_go_of_the_keys_it_replaces() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        assert isinstance(footer, ReleasingFooter)
        first_keys = [weakref.ref(key) for key in footer.query(FooterKey)]
        assert first_keys
        await answer_first_question(pilot)  # each phase change recomposes the footer
        gc.collect()
        assert all(key() is None for key in first_keys)
        assert footer.query(FooterKey)  # the current keys are still shown


async def test_a_submitted_assessment_form_is_removed_and_freed() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        engine.apply(BeginRound())
        while engine.phase is not Phase.ASSESSMENT:
            if engine.phase is Phase.REVIEW:
                engine.apply(Continue())
            else:
                engine.apply(Done("an answer"))
        await pilot.pause()
        interview(app).sync()
        await settle(pilot)
        forms = app.screen.query(AssessmentForm)
        assert len(forms) == 1
        form = weakref.ref(forms.first())
        del forms
        await hand_in_unrated(pilot)
        await settle(pilot)
        assert engine.phase is Phase.ROUND_INTRO and engine.state.round == 1
        assert not app.screen.query(AssessmentForm)
        gc.collect()
        assert form() is None, "a removed form is still referenced"


async def test_each_round_shows_only_its_own_assessment_form() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        round_titles = []
        for _ in range(200):
            if engine.phase is Phase.FINISHED:
                break
            if engine.phase is Phase.ASSESSMENT:
                forms = app.screen.query(AssessmentForm)
                assert len(forms) == 1
                round_titles.append(forms.first().round_record.title)
                await hand_in_unrated(pilot)
                continue
            moving_on = engine.phase in (Phase.ROUND_INTRO, Phase.REVIEW)
            await pilot.press("enter" if moving_on else "ctrl+d")
            await pilot.pause()
        assert round_titles == ["Warm-up", "Small design"]


async def test_undo_in_a_new_answer_box_does_not_bring_back_the_last_answer() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await answer_first_question(pilot)
        box = app.screen.query_one("#main-answer", TextArea)
        assert box.text == ""
        box.undo()
        assert box.text == ""
        await write(pilot, "hash, then compare")
        box.undo()
        assert box.text == ""
