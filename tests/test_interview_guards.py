"""Nothing ends a run unasked, and the clock stops while the candidate cannot answer."""

from __future__ import annotations

from textual.pilot import Pilot

from support.apps import SIZE, interview_app
from support.pilot import engine_of, interview, type_text
from mockint.ui.app import MockintApp
from mockint.session.commands import Done
from mockint.session.record import Mode
from mockint.ui.screens.confirm import ConfirmScreen
from mockint.ui.screens.interview import InterviewScreen
from mockint.ui.screens.summary import SummaryScreen
from mockint.session.state import Phase


def remaining(app: MockintApp) -> float:
    clock = engine_of(app).interviewer_view().position.clock
    assert clock is not None
    return clock.remaining


def record_notes(app: MockintApp) -> list[str]:
    notes: list[str] = []
    interview(app).notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
    return notes


# -- every way to quit asks first ----------------------------------------------


async def test_the_palettes_quit_asks_then_shows_the_summary() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await type_text(pilot, "half")
        await pilot.press("ctrl+p", *"quit")
        await app.workers.wait_for_complete()  # the palette searches in a worker
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and not app._exit
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert engine_of(app).record.rounds[0].questions[0].answer == "half"


async def test_the_apps_quit_action_defers_to_the_run() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await app.run_action("quit")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and not app._exit
        await app.run_action("quit")  # asking again while the question is open stacks nothing
        await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack] == ["HomeScreen", "InterviewScreen", "ConfirmScreen"]
        await pilot.press("n")
        assert isinstance(app.screen, InterviewScreen) and engine_of(app).phase is Phase.ANSWERING


async def test_ctrl_c_does_not_end_the_run() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+c")
        app.set_focus(None)
        await pilot.press("ctrl+c")
        assert isinstance(app.screen, InterviewScreen) and not app._exit


async def test_palette_titles_are_unique_and_described() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        commands = list(app.get_system_commands(app.screen))
        titles = [command.title for command in commands]
        assert len(titles) == len(set(titles)) and "Quit" in titles
        help_by_title = {command.title: command.help for command in commands}
        assert help_by_title["Done"] == "Finish your answer and move on (^d)"
        assert all(help != title and not help.startswith(f"{title} (") for title, help in help_by_title.items())
        # The one Quit is the run's: it asks.
        app.call_later(next(c.callback for c in commands if c.title == "Quit"))
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and not app._exit


# -- the clock stops while the candidate cannot answer ---------------------------


async def test_the_quit_question_stops_the_clock_and_no_restarts_it() -> None:
    app, clock = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        clock.advance(10)
        await pilot.press("escape")
        assert engine_of(app).paused and remaining(app) == 50
        clock.advance(100)
        await pilot.press("n")
        assert not engine_of(app).paused and remaining(app) == 50
        interview(app).tick()
        assert engine_of(app).phase is Phase.ANSWERING


async def test_the_quit_question_leaves_the_candidates_own_pause_alone() -> None:
    app, clock = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "f4", "escape", "n")
        assert engine_of(app).paused


async def resize(pilot: Pilot[None], width: int, height: int) -> None:
    await pilot.resize_terminal(width, height)
    interview(pilot.app).tick()  # the screen checks the size on every tick
    await pilot.pause()


async def test_a_too_small_terminal_stops_the_clock_until_it_is_large_again() -> None:
    app, clock = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        clock.advance(10)
        await resize(pilot, 50, 15)
        assert engine_of(app).paused
        await pilot.press("f4")  # the candidate's pause key cannot restart a held clock
        clock.advance(300)
        await resize(pilot, *SIZE)
        assert not engine_of(app).paused and remaining(app) == 50


async def test_a_too_small_terminal_leaves_the_candidates_own_pause_alone() -> None:
    app, clock = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "f4")
        await resize(pilot, 50, 15)
        await resize(pilot, *SIZE)
        assert engine_of(app).paused


# -- time up ------------------------------------------------------------------


async def test_pressure_says_when_time_is_up() -> None:
    app, clock = interview_app(Mode.PRESSURE)
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        notes = record_notes(app)
        await pilot.press("enter")
        engine.apply(Done("x"))
        engine.apply(Done("y"))  # on to the hash map question, which has no interruption
        clock.advance(46)
        interview(app).tick()
        assert notes == ["Time's up — Sam moves on."]


async def test_an_interruptions_time_up_says_the_candidate_goes_back_to_the_answer() -> None:
    app, clock = interview_app(Mode.PRESSURE)
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        notes = record_notes(app)
        await pilot.press("enter")
        clock.advance(46)
        interview(app).tick()  # the challenge interrupts the answer
        assert engine.phase is Phase.CHALLENGE and engine.interviewer_view().challenge.interrupted
        clock.advance(31)
        interview(app).tick()
        assert notes == ["Time's up — Sam takes you back to your interrupted answer."]
        assert engine.phase is Phase.ANSWERING and engine.state.question == 0


async def test_practice_says_once_that_the_answer_is_in_overtime() -> None:
    app, clock = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("enter")
        clock.advance(59)
        interview(app).tick()
        assert notes == []
        clock.advance(2)
        interview(app).tick()
        clock.advance(5)
        interview(app).tick()
        assert notes == ["Time's up — you're in overtime."]
