"""The mini pack, an app started straight into a run of it, and Pilot helpers for the interview tests."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from mockint.ui.app import MockintApp, StartRequest, build_app
from mockint.core.clock import FakeClock
from mockint.session.commands import BeginRound, Continue, Done, Skip, SubmitAssessment
from mockint.packs.discovery import Library, load_pack
from mockint.session.engine import SessionEngine
from mockint.core.model import Pack
from mockint.session.record import Mode, Reflection
from mockint.ui.screens.interview import InterviewScreen
from mockint.session.setup import SessionOptions

MINI = Path(__file__).parent / "data" / "packs" / "mini"
SIZE = (100, 30)


def mini_pack() -> Pack:
    pack, broken = load_pack(MINI, "test")
    assert pack is not None, broken
    return pack


def make_app(mode: Mode = Mode.PRACTICE) -> tuple[MockintApp, FakeClock]:
    """The real app started straight into a run of the mini pack, as `mockint run` does."""
    clock = FakeClock()
    pack = mini_pack()
    app = build_app(
        Library(packs=(pack,)),
        clock=clock,
        start=StartRequest(pack, SessionOptions(mode=mode)),
        tick_interval=3600.0,  # the tests call the tick handler themselves
    )
    return app, clock


def engine_of(app: MockintApp) -> SessionEngine:
    assert app.engine is not None, "the app has not started the interview"
    return app.engine


def interview(app: App[None]) -> InterviewScreen:
    assert isinstance(app.screen, InterviewScreen)
    return app.screen


def text_of(app: App[None], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type key by key (about 60 ms a key under Pilot): for short answers."""
    await pilot.press(*(" " if ch == " " else ch for ch in text))


async def write(pilot: Pilot[None], text: str) -> None:
    """Put a longer answer into the focused answer box, as a paste would."""
    box = pilot.app.focused
    assert isinstance(box, TextArea), box
    box.insert(text)
    await pilot.pause()


async def settle(pilot: Pilot[None]) -> None:
    """Stop cursors blinking and let focus land, so screenshots do not depend on when they are taken.

    Focus moves on a later message, which a busy machine may not have handled
    after one pause; a box without focus hides its cursor. So wait (a bounded
    number of pauses, never a sleep) until the answer box shown has focus.
    """
    for _ in range(20):
        await pilot.pause()
        for widget in pilot.app.screen.query("TextArea, Input"):
            widget.cursor_blink = False
            # TextArea caches drawn lines under a key that leaves out cursor_blink: a line drawn while the
            # blinking cursor was off (a slow run passes the first half-second blink) would be reused.
            widget.notify_style_update()
        shown_boxes = [w for w in pilot.app.screen.focus_chain if isinstance(w, TextArea)]
        if not shown_boxes or pilot.app.focused in shown_boxes:
            break
    await pilot.pause()


def finish_run(engine: SessionEngine, clock: FakeClock) -> None:
    """Drive a practice run of the mini pack to its end with every kind of outcome."""
    engine.apply(BeginRound())
    clock.advance(72)
    engine.apply(Done("My role: I lead a team."))
    clock.advance(20)
    engine.apply(Done("Growth."))
    engine.apply(Continue())
    clock.advance(30)
    engine.apply(Done("Constant, with collision chains."))
    clock.advance(17)  # reading the review: session time, not answering time
    engine.apply(Continue())
    engine.apply(
        SubmitAssessment(
            question_checks={"intro": {"Mentioned a concrete result"}},
            ratings={"intro": 4, "q2": 3},
            round_checks={"Introduced yourself in under a minute"},
            reflection=Reflection(keep="structure"),
        )
    )
    engine.apply(BeginRound())
    engine.apply(Skip())
    engine.apply(Continue())
    # The whole interview's checklist is assessed once, with the last round.
    engine.apply(SubmitAssessment(interview_checks={"Asked at least one clarifying question"}))


async def finish_in_app(pilot: Pilot[None], clock: FakeClock) -> None:
    finish_run(engine_of(pilot.app), clock)
    interview(pilot.app).sync()
    await pilot.pause()


