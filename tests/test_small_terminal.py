"""At the smallest terminal (60x18) a long question or challenge never pushes the answer box off the screen."""

from __future__ import annotations

from textual.pilot import Pilot

from support.pilot import settle, type_text
from mockint.ui.app import MockintApp, StartRequest, build_app
from mockint.core.clock import FakeClock
from mockint.packs.discovery import Library
from mockint.core.model import Challenge, Interviewer, Pack, Question, Round
from mockint.session.record import Mode
from mockint.ui.screens.interview import InterviewScreen
from mockint.session.setup import SessionOptions
from mockint.session.state import Phase
from mockint.ui.widgets.capped_text import CappedTextArea
from mockint.ui.widgets.text_panel import ScrollingPanel

SMALLEST = (60, 18)
LONG_QUESTION = (
    "You run the content operations team for a short-video platform. Over the last quarter the share of "
    "uploads held for review has doubled while the team stayed the same size. Creators complain about "
    "delays, and the policy team wants stricter checks. Walk me through how you would find the cause, "
    "what you would measure first, and what you would change in the first two weeks."
)
LONG_CHALLENGE = (
    "The policy team says stricter checks are not negotiable and legal agrees with them. "
    "What now, and who do you talk to first?"
)
LONG_HINT = "Start from the queue: what came in, what was held, and why, week by week, before any fix."
MIN_ANSWER_LINES = 3


def case_pack() -> Pack:
    question = Question(
        id="case", ask=LONG_QUESTION, time=600, hint=LONG_HINT,
        challenges=(Challenge(ask=LONG_CHALLENGE, time=90, at=30),),
    )  # fmt: skip
    round_ = Round(id="case", title="Case study", questions=(question,), interviewer=Interviewer(name="Sam"))
    return Pack(name="case", title="Content ops", rounds=(round_,))


def make_case_app(mode: Mode = Mode.PRESSURE, pack: Pack | None = None) -> tuple[MockintApp, FakeClock]:
    clock = FakeClock()
    pack = pack or case_pack()
    app = build_app(
        Library(packs=(pack,)), clock=clock, start=StartRequest(pack, SessionOptions(mode=mode)), tick_interval=3600.0
    )
    return app, clock


def interview_of(app: MockintApp) -> InterviewScreen:
    assert isinstance(app.screen, InterviewScreen)
    return app.screen


async def pose_the_challenge(pilot: Pilot[None], clock: FakeClock) -> None:
    clock.advance(31)  # the challenge interrupts 30 s in
    interview_of(pilot.app).tick()  # type: ignore[arg-type]
    await pilot.pause()


def assert_answer_box_fits(app: MockintApp, box_id: str) -> None:
    """The box lies wholly on the screen, above the footer, with room for a few lines of text."""
    box = app.screen.query_one(f"#{box_id}", CappedTextArea)
    footer_top = app.size.height - 1
    assert box.region.y >= 0 and box.region.bottom <= footer_top, box.region
    assert box.content_region.height >= MIN_ANSWER_LINES, box.content_region


async def test_a_long_question_leaves_the_answer_box_its_lines() -> None:
    app, _ = make_case_app()
    async with app.run_test(size=SMALLEST) as pilot:
        await pilot.press("enter")
        assert_answer_box_fits(app, "main-answer")
        panel = app.screen.query_one("#question-panel", ScrollingPanel)
        assert panel.max_scroll_y > 0  # the question scrolls within its panel instead


async def test_a_long_question_and_a_long_hint_leave_the_answer_box_its_lines() -> None:
    app, _ = make_case_app(Mode.PRACTICE)
    async with app.run_test(size=SMALLEST) as pilot:
        await pilot.press("enter", "ctrl+t")
        assert app.screen.query_one("#hint-line").display
        assert app.screen.query_one("#hint-line").region.height > 0
        assert_answer_box_fits(app, "main-answer")


async def test_a_posed_challenge_under_a_long_question_leaves_its_answer_box_its_lines() -> None:
    app, clock = make_case_app()
    async with app.run_test(size=SMALLEST) as pilot:
        await pilot.press("enter")
        await pose_the_challenge(pilot, clock)
        assert app.engine is not None and app.engine.phase is Phase.CHALLENGE
        assert_answer_box_fits(app, "challenge-answer")
        assert app.screen.query_one("#challenge-panel").region.height >= 3  # the challenge itself is read


async def test_the_keyboard_can_scroll_a_question_cut_off_but_a_click_leaves_focus_in_the_answer() -> None:
    app, _ = make_case_app()
    async with app.run_test(size=SMALLEST) as pilot:
        await pilot.press("enter")
        panel = app.screen.query_one("#question-panel", ScrollingPanel)
        answer = app.screen.query_one("#main-answer", CappedTextArea)
        await pilot.click(panel)
        assert app.focused is answer
        await pilot.press("shift+tab")
        assert app.focused is panel
        await pilot.press("down")
        assert panel.scroll_y == 1


async def test_a_question_that_fits_is_not_a_stop_for_tab() -> None:
    app, _ = make_case_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("enter")
        panel = app.screen.query_one("#question-panel", ScrollingPanel)
        assert panel.max_scroll_y == 0 and not panel.allow_focus()
        await pilot.press("shift+tab")
        assert app.focused is not panel


# -- snapshots (60x18, FakeClock) --------------------------------------------------


def test_snapshot_long_question_at_the_smallest_size(snap_compare) -> None:
    app, _ = make_case_app()

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await type_text(pilot, "I would start")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SMALLEST, run_before=run_before)


def test_snapshot_long_question_and_challenge_at_the_smallest_size(snap_compare) -> None:
    app, clock = make_case_app()

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await type_text(pilot, "I would start")
        await pose_the_challenge(pilot, clock)
        await type_text(pilot, "Legal first")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SMALLEST, run_before=run_before)


async def test_the_next_question_starts_scrolled_to_its_top() -> None:
    questions = tuple(Question(id=f"q{n}", ask=LONG_QUESTION, time=600) for n in (1, 2))
    app, _ = make_case_app(Mode.PRACTICE, Pack(name="two", title="Two", rounds=(Round(id="r", title="R", questions=questions),)))
    async with app.run_test(size=SMALLEST) as pilot:
        await pilot.press("enter")
        panel = app.screen.query_one("#question-panel", ScrollingPanel)
        panel.scroll_end(animate=False)
        await pilot.pause()
        assert panel.scroll_y > 0
        await pilot.press("ctrl+d", "enter")  # done, then on from the review
        assert app.engine is not None and app.engine.interviewer_view().position.question == 1
        await pilot.pause()
        assert panel.scroll_y == 0
