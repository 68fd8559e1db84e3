"""The Textual application: the home screen, setup, and the hand-over to an interview.

`build_app` is the one way to make the app, in `mockint` and in every test.
The engine and the interview and summary screens are imported only when an
interview starts, so the first paint of the home screen does not pay for them.

When the app ends on an error it did not expect, the run in progress (or on
the summary) is saved and the traceback logged by mockint.storage.recovery. Textual
has no public hook for an unhandled exception (App._handle_exception is
private), so this is built from public parts: `return_code` is 1 after such an
error; `on_unmount` runs as the app closes, even after an error, and before
Textual prints the traceback on the app's `error_console` once the terminal is
restored; so it saves the run and points `error_console` at the recovery log.
The command line says where both went after `App.run` returns.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from rich.console import Console, RenderableType
from textual import events
from textual.app import App, SuspendNotSupported, SystemCommand
from textual.screen import Screen

from mockint.ui import process_signals, user_commands
from mockint.core.clock import Clock, MonotonicClock
from mockint.packs.discovery import Library
from mockint.core.model import Pack
from mockint.storage.recovery import RecoveryWriter
from mockint.core.safetext import printable
from mockint.ui.screens.home import HomeScreen
from mockint.ui.screens.too_small import SizeGuard
from mockint.core.userpaths import shown, working_folder

if TYPE_CHECKING:
    from mockint.session.engine import SessionEngine
    from mockint.ui.screens.setup import StartRequested
    from mockint.session.setup import SessionOptions


@runtime_checkable
class QuitGuard(Protocol):
    """A screen with work that quitting would lose (a run, an unexported summary)."""

    def confirm_quit(self) -> bool:
        """Ask before quitting, or keep asking; False when there is nothing to lose."""
        ...


@dataclass(frozen=True)
class StartRequest:
    """An interview to start as soon as the app runs (`mockint run`)."""

    pack: Pack
    options: SessionOptions


class MockintApp(App[None]):
    TITLE = "mockint"
    # The home screen is the default screen, whose CSS_PATH Textual does not
    # read (it does for pushed screens), so the app loads its styles.
    CSS_PATH = ["app.tcss", "screens/home.tcss"]
    BINDINGS = user_commands.bindings(user_commands.QUIT)

    def __init__(
        self,
        library: Library,
        clock: Clock,
        data_dir: Path,
        export_dir: Path,
        start: StartRequest | None,
        tick_interval: float,
        exit_after_first_paint: bool,
        stop_process: Callable[[], object],
        recovery: RecoveryWriter | None,
    ) -> None:
        super().__init__()
        self.library = library
        self.clock = clock
        self.data_dir = data_dir
        self.export_dir = export_dir
        self.tick_interval = tick_interval
        self.engine: SessionEngine | None = None
        """The engine of the latest interview started, for tests and the summary."""
        self.recovery = recovery
        """Where a run goes if the app fails (None: nothing is written, Textual prints the traceback)."""
        self._run_at_risk = False
        """A run is on the screen stack (interview or summary): what a crash would lose."""
        self._start = start
        self._exit_after_first_paint = exit_after_first_paint
        self._stop_process = stop_process
        self._handled_signals: list[int] = []
        self._size_guard = SizeGuard(self)

    def get_default_screen(self) -> Screen:
        return HomeScreen(self.library, user_rounds=self.data_dir / "rounds")

    def on_mount(self) -> None:
        if not self.is_headless:
            # After the driver has started: it installs its own SIGTSTP and SIGCONT handlers, which these replace.
            job_control = None if self.is_web else (self.action_suspend, self.refresh_after_continue)
            self._handled_signals = process_signals.install(
                asyncio.get_running_loop(), end=self.exit_on_signal, job_control=job_control
            )
        self.screen_change_signal.subscribe(self, self._size_guard.on_screen_change)
        self.screen_change_signal.subscribe(self, self._note_run_at_risk)
        self._size_guard.check(self.size)
        if self._start is not None:
            self.start_interview(self._start.pack, self._start.options)
        if self._exit_after_first_paint:
            # The first screen composes after this handler; a callback queued on
            # it now runs once it has been painted (see bench/bench_first_paint.py).
            self.screen.call_after_refresh(self.exit)

    def on_resize(self, event: events.Resize) -> None:
        self._size_guard.check(event.size)

    def panic(self, *renderables: RenderableType) -> None:
        """Textual's way out of an error outside any handler (its input thread's, for one): a failure like any other.

        Marked as one (return code 1) so that on_unmount keeps the run and
        logs the details, as after an error in a handler.
        """
        self.exit(return_code=1)
        super().panic(*renderables)

    def _note_run_at_risk(self, _screen: Screen) -> None:
        # The screens holding a run are the ones that ask before quitting.
        self._run_at_risk = any(isinstance(screen, QuitGuard) for screen in self.screen_stack)

    def on_unmount(self) -> None:
        """The app is closing: after an unexpected error (return code 1), keep what it would lose.

        The run is saved, and the traceback Textual prints next goes to the recovery log, not the screen.
        """
        process_signals.uninstall(asyncio.get_running_loop(), self._handled_signals)
        self._handled_signals = []
        if self.return_code != 1 or self.recovery is None:
            return
        if self._run_at_risk and self.engine is not None:
            self.recovery.save_run(self.engine.record, finish=self._end_run_where_it_stands)
        self.error_console = Console(file=self.recovery, markup=False, highlight=False, color_system=None)

    def on_start_requested(self, message: StartRequested) -> None:
        self.start_interview(message.pack, message.options)

    def start_interview(self, pack: Pack, options: SessionOptions) -> None:
        """Start a run of `pack` and show it; an impossible setup becomes a notification."""
        from mockint.session.commands import Start
        from mockint.session.engine import SessionEngine
        from mockint.ui.screens.interview import InterviewScreen
        from mockint.session.setup import EngineError

        try:
            engine = SessionEngine.new(pack, options, self.clock)
            engine.apply(Start())
        except EngineError as error:
            self.notify(
                printable(str(error), single_line=True), title="Cannot start", severity="error", markup=False
            )
            return
        self.engine = engine
        screen = InterviewScreen(engine)
        # Replace the setup screen, so leaving the summary lands on the home screen.
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    async def action_quit(self) -> None:
        """Quit, unless a screen holds work that would be lost: then it asks first.

        ctrl+q, the palette's Quit and the home screen's q all come here.
        """
        for screen in reversed(self.screen_stack):
            if isinstance(screen, QuitGuard) and screen.confirm_quit():
                return
        self.exit()

    def _end_run_where_it_stands(self) -> None:
        """Hand the engine the text on screen, then end the run (unless it has ended), keeping everything typed."""
        from mockint.session.commands import Quit
        from mockint.ui.screens.interview import InterviewScreen
        from mockint.session.state import Phase

        for screen in self.screen_stack:
            if isinstance(screen, InterviewScreen):
                screen.flush_draft()
        if self.engine is not None and self.engine.phase is not Phase.FINISHED:
            self.engine.apply(Quit())

    def exit_on_signal(self, signum: int) -> None:
        """End now, with the shell's status for `signum`: no question asked, as no one may be there to answer.

        An interview in progress (or an unexported summary) is kept in the
        recovery folder first, as after an unexpected error, and the command
        line says where. Textual restores the terminal on the way out.
        """
        if self._run_at_risk and self.engine is not None and self.recovery is not None:
            cause = f"ended by {signal.Signals(signum).name}"
            self.recovery.save_run(self.engine.record, finish=self._end_run_where_it_stands, cause=cause)
        self.exit(return_code=process_signals.exit_status(signum))

    def action_suspend(self) -> None:
        """Stop the process with the terminal handed back (SIGTSTP, or the palette's Suspend).

        Textual publishes app_suspend_signal before and app_resume_signal
        after, so an interview holds its clock while the process is stopped.
        """
        try:
            with self.suspend():
                self._stop_process()
        except SuspendNotSupported:
            self.notify("mockint cannot be suspended here.", title="Suspend", severity="warning")

    def refresh_after_continue(self) -> None:
        """Draw the whole screen again on SIGCONT.

        After a stop the app could not see coming (SIGSTOP), the shell may have written over it.
        """
        self.refresh(layout=True)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The screen's commands enabled now (those of its footer), then the built-in ones they do not replace.

        A built-in command with the title of one of the screen's (Quit) gives
        way to the screen's, which knows what quitting would throw away.
        """
        entries = list(self._screen_commands(screen))
        if not self.is_web:
            # Textual's own saves to the Downloads folder and, when it cannot, does not say why.
            # A web app keeps it: the browser downloads the picture.
            entries.append(user_commands.SCREENSHOT.palette_entry(self))
        titles = {entry.title for entry in entries}
        yield from (entry for entry in super().get_system_commands(screen) if entry.title not in titles)
        if sys.platform != "win32" and not self.is_web:
            yield user_commands.SUSPEND.palette_entry(self)
        yield from entries

    def _screen_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """A palette entry per shown and enabled command of the screen, naming the first of its keys."""
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            command = user_commands.declared(active.binding)
            if command is None or not (command.shown and active.enabled) or command.id in seen:
                continue
            seen.add(command.id)
            yield command.palette_entry(self, self.get_key_display(active.binding), active.node)

    def action_take_screenshot(self) -> None:
        """Save the screen as SVG in the export folder once the palette has gone from it."""
        self.call_after_refresh(self.save_screenshot_in_export_folder)

    def save_screenshot_in_export_folder(self) -> None:
        """Write the screen as a new SVG file in the export folder, and say where, or why not."""
        from mockint.exporters.files import ExportError, write_new_files

        stem = f"mockint-screenshot-{self.clock.wall():%Y%m%d-%H%M%S}"
        try:
            [path] = write_new_files(self.export_dir, stem, {"svg": self.export_screenshot()})
        except ExportError as error:
            self.notify(
                printable(f"Not saved: {error}", single_line=True), title="Screenshot", severity="error", markup=False
            )
            return
        self.notify(
            printable(f"Saved {path.name} in {shown(path.parent)}", single_line=True), title="Screenshot", markup=False
        )


def build_app(
    library: Library,
    *,
    clock: Clock | None = None,
    data_dir: Path | None = None,
    export_dir: Path | None = None,
    start: StartRequest | None = None,
    tick_interval: float = 0.25,
    exit_after_first_paint: bool = False,
    stop_process: Callable[[], object] = process_signals.stop_this_process,
    save_on_crash: bool = True,
) -> MockintApp:
    """The mockint app over `library`; tests pass a FakeClock, temp dirs and a stand-in for stopping the process.

    `save_on_crash=False` writes nothing when the app fails or a signal ends it (see mockint.storage.recovery).
    Raises PathProblem when no export folder is given and the current one is gone.
    """
    from mockint.core import paths

    clock = clock or MonotonicClock()
    data_dir = data_dir or paths.data_dir()
    return MockintApp(
        library,
        clock=clock,
        data_dir=data_dir,
        export_dir=export_dir or working_folder(),
        start=start,
        tick_interval=tick_interval,
        exit_after_first_paint=exit_after_first_paint,
        stop_process=stop_process,
        recovery=RecoveryWriter(data_dir, wall=clock.wall) if save_on_crash else None,
    )
