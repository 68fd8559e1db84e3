"""The Textual application: the home screen, setup, and the hand-over to an interview.

`build_app` is the one way to make the app, in `mockint` and in every test.
The engine and the interview and summary screens are imported only when an
interview starts, so the first paint of the home screen does not pay for them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from mockint.clock import Clock, MonotonicClock
from mockint.discovery import Library
from mockint.model import Pack
from mockint.screens.home import HomeScreen
from mockint.screens.too_small import SizeGuard

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from mockint.engine import SessionEngine
    from mockint.screens.setup import StartRequested
    from mockint.session import SessionOptions


COMMAND_HELP = {
    "select": "Set up an interview with the highlighted pack",
    "start": "Start the interview with these settings",
    "back": "Back to the list of packs",
    "app.quit": "Leave mockint",
}
"""Palette descriptions for bindings that carry no tooltip, by action."""


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
    BINDINGS = [
        # Not a priority binding (Textual's default is): the interview screen
        # binds ctrl+q itself to ask before throwing a run away.
        Binding("ctrl+q", "quit", "Quit", show=False),
    ]

    def __init__(
        self,
        library: Library,
        clock: Clock,
        data_dir: Path,
        export_dir: Path,
        start: StartRequest | None,
        tick_interval: float,
        exit_after_first_paint: bool,
    ) -> None:
        super().__init__()
        self.library = library
        self.clock = clock
        self.data_dir = data_dir
        self.export_dir = export_dir
        self.tick_interval = tick_interval
        self.engine: SessionEngine | None = None
        """The engine of the latest interview started, for tests and the summary."""
        self._start = start
        self._exit_after_first_paint = exit_after_first_paint
        self._size_guard = SizeGuard(self)

    def get_default_screen(self) -> Screen:
        return HomeScreen(self.library, user_rounds=self.data_dir / "rounds")

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._size_guard.on_screen_change)
        self._size_guard.check(self.size)
        if self._start is not None:
            self.start_interview(self._start.pack, self._start.options)
        if self._exit_after_first_paint:
            # The first screen composes after this handler; a callback queued on
            # it now runs once it has been painted (see bench/bench_first_paint.py).
            self.screen.call_after_refresh(self.exit)

    def on_resize(self, event: events.Resize) -> None:
        self._size_guard.check(event.size)

    def on_start_requested(self, message: StartRequested) -> None:
        self.start_interview(message.pack, message.options)

    def start_interview(self, pack: Pack, options: SessionOptions) -> None:
        """Start a run of `pack` and show it; an impossible setup becomes a notification."""
        from mockint.commands import Start
        from mockint.engine import SessionEngine
        from mockint.screens.interview import InterviewScreen
        from mockint.session import EngineError

        try:
            engine = SessionEngine.new(pack, options, self.clock)
            engine.apply(Start())
        except EngineError as error:
            self.notify(str(error), title="Cannot start", severity="error")
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

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every binding shown in the footer, then the built-in commands it does not replace.

        A built-in command with the title of one of the screen's (Quit) gives
        way to the screen's, which knows what quitting would throw away.
        """
        commands = list(self._binding_commands(screen))
        titles = {command.title for command in commands}
        yield from (command for command in super().get_system_commands(screen) if command.title not in titles)
        yield from commands

    def _binding_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not (binding.show and binding.description and active.enabled) or binding.description in seen:
                continue
            seen.add(binding.description)
            key = self.get_key_display(binding)
            help_text = binding.tooltip or COMMAND_HELP.get(binding.action, "")
            yield SystemCommand(
                binding.description,
                f"{help_text} ({key})" if help_text else f"Key: {key}",
                _action_runner(self, binding.action, active.node),
            )


def _action_runner(app: App[None], action: str, namespace: DOMNode) -> Callable[[], Awaitable[None]]:
    """A palette callback running `action` on the node that binds it."""

    async def run() -> None:
        await app.run_action(action, namespace)

    return run


def build_app(
    library: Library,
    *,
    clock: Clock | None = None,
    data_dir: Path | None = None,
    export_dir: Path | None = None,
    start: StartRequest | None = None,
    tick_interval: float = 0.25,
    exit_after_first_paint: bool = False,
) -> MockintApp:
    """The mockint app over `library`; tests pass a FakeClock and temp dirs."""
    from mockint import paths

    return MockintApp(
        library,
        clock=clock or MonotonicClock(),
        data_dir=data_dir or paths.data_dir(),
        export_dir=export_dir or Path.cwd(),
        start=start,
        tick_interval=tick_interval,
        exit_after_first_paint=exit_after_first_paint,
    )
