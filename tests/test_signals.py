"""Signals from outside, in-process: an ending signal exits at once with the shell's status,
suspending holds the interview's clock, and ctrl+z stays the answer box's undo.

What a real terminal shows (the screen restored, the process stopped) is in test_tmux_e2e.py.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterator

import pytest
from textual.drivers.headless_driver import HeadlessDriver
from textual.widgets import TextArea

from support.apps import SIZE, interview_app
from support.packs import mini_pack
from support.saved import restored
from support.pilot import engine_of, interview, type_text
from mockint.ui import process_signals
from mockint.ui.app import MockintApp, StartRequest, build_app
from mockint.core.clock import FakeClock
from mockint.packs.discovery import Library
from mockint.ui.screens.confirm import ConfirmScreen
from mockint.session.setup import SessionOptions
from mockint.session.state import Phase

STOPPED_SECONDS = 60.0


class SuspendableHeadlessDriver(HeadlessDriver):
    """Headless, but able to suspend as a terminal driver is: Textual's App.suspend runs for real."""

    @property
    def can_suspend(self) -> bool:
        return True


def suspendable_app() -> tuple[MockintApp, FakeClock, list[float]]:
    """A run of the mini pack whose process "stops" by moving the fake clock on a minute."""
    clock = FakeClock()
    stops: list[float] = []

    def stop_process() -> None:
        stops.append(clock.now())
        clock.advance(STOPPED_SECONDS)

    pack = mini_pack()
    app = build_app(
        Library(packs=(pack,)),
        clock=clock,
        start=StartRequest(pack, SessionOptions()),
        tick_interval=3600.0,
        stop_process=stop_process,
    )
    app.driver_class = SuspendableHeadlessDriver
    return app, clock, stops


def remaining(app: MockintApp) -> float:
    clock = engine_of(app).interviewer_view().position.clock
    assert clock is not None
    return clock.remaining


async def run_palette_command(app: MockintApp, title: str) -> None:
    commands = {command.title: command for command in app.get_system_commands(app.screen)}
    app.call_later(commands[title].callback)
    await asyncio.sleep(0)


# -- suspending ----------------------------------------------------------------


async def test_the_palettes_suspend_holds_the_clock_while_the_process_is_stopped() -> None:
    app, clock, stops = suspendable_app()
    async with app.run_test(size=SIZE, headless=False) as pilot:
        await pilot.press("enter")
        clock.advance(10)
        await pilot.press("ctrl+p", *"suspend")
        await app.workers.wait_for_complete()  # the palette searches in a worker
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert stops == [1010.0] and clock.now() == 1070.0
        assert remaining(app) == 50 and not engine_of(app).paused
        interview(app).tick()
        assert engine_of(app).phase is Phase.ANSWERING


async def test_suspending_leaves_the_candidates_own_pause_alone() -> None:
    app, clock, stops = suspendable_app()
    async with app.run_test(size=SIZE, headless=False) as pilot:
        await pilot.press("enter", "f4")
        await run_palette_command(app, "Suspend")
        await pilot.pause()
        assert stops and engine_of(app).paused


async def test_suspend_where_textual_cannot_says_so_and_keeps_running() -> None:
    app, clock = interview_app()  # Pilot's own headless driver cannot suspend
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        notes: list[str] = []
        app.notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
        await run_palette_command(app, "Suspend")
        await pilot.pause()
        assert notes == ["mockint cannot be suspended here."]
        assert not engine_of(app).paused and engine_of(app).phase is Phase.ANSWERING


async def test_ctrl_z_is_undo_in_the_answer_box() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await type_text(pilot, "first")
        box = app.focused
        assert isinstance(box, TextArea) and box.text == "first"
        await pilot.press("ctrl+z")
        assert box.text == "" and not app._exit


# -- ending --------------------------------------------------------------------


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130)])
async def test_an_ending_signal_exits_mid_answer_without_asking(signum: int, status: int) -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await type_text(pilot, "half")
        app.exit_on_signal(signum)
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
    assert app.return_code == status


async def test_an_ending_signal_saves_the_interview_to_be_resumed(isolated_user_dirs) -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await type_text(pilot, "half an answer")
        app.exit_on_signal(signal.SIGTERM)
        await pilot.pause()
    assert restored(isolated_user_dirs).draft == "half an answer"
    assert not (isolated_user_dirs / "recovery").exists()
    assert app.recovery is not None
    assert app.recovery.report_lines() == [
        "mockint: ended by SIGTERM; your interview is saved; continue it with: mockint resume"
    ]


def test_exit_statuses_follow_the_shells_convention() -> None:
    assert [process_signals.exit_status(s) for s in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM)] == [129, 130, 143]


# -- which signals are taken -----------------------------------------------------


@pytest.fixture
def hangup_ignored() -> Iterator[None]:
    """SIGHUP ignored, as `nohup` starts a program; restored afterwards."""
    before = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGHUP, before)


def test_install_takes_the_ending_and_job_control_signals_and_uninstall_gives_them_back() -> None:
    loop = asyncio.new_event_loop()
    taken = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGTSTP, signal.SIGCONT)
    before = {signum: signal.getsignal(signum) for signum in taken}
    try:
        handled = process_signals.install(loop, end=lambda _signum: None, job_control=(lambda: None, lambda: None))
        assert sorted(handled) == sorted(taken)
        assert all(signal.getsignal(signum) is not handler for signum, handler in before.items())
        process_signals.uninstall(loop, handled)
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    finally:
        loop.close()
        for signum, handler in before.items():
            signal.signal(signum, handler)


def test_a_signal_ignored_at_start_stays_ignored_and_without_job_control_sigtstp_is_left_alone(
    hangup_ignored: None,
) -> None:
    loop = asyncio.new_event_loop()
    tstp_before = signal.getsignal(signal.SIGTSTP)
    try:
        handled = process_signals.install(loop, end=lambda _signum: None, job_control=None)
        assert sorted(handled) == sorted([signal.SIGTERM, signal.SIGINT])
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGTSTP) is tstp_before
        process_signals.uninstall(loop, handled)
    finally:
        loop.close()
