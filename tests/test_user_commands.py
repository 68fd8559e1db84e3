"""Every user command is declared once (mockint.ui.user_commands): screens bind nothing else, and each
declared command is in the palette wherever it is enabled, with its keys and its palette entry running its action."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from textual.actions import parse as parse_action
from textual.dom import DOMNode
from textual.pilot import Pilot

import mockint.ui.screens
import mockint.ui.widgets
from mockint.core.clock import FakeClock
from mockint.core.paths import sessions_dir
from mockint.core.ratings import SCALE
from mockint.session.record import Mode
from mockint.session.state import Phase
from mockint.ui import user_commands
from mockint.ui.screens.confirm import ChoiceScreen, ConfirmScreen
from mockint.ui.screens.attempts import AttemptsScreen
from mockint.ui.screens.drill import DrillScreen
from mockint.ui.screens.export_dialog import ExportDialog
from mockint.ui.screens.history import HistoryScreen, SavedSummaryScreen
from mockint.ui.screens.setup import SetupScreen
from mockint.ui.screens.summary import SummaryScreen
from mockint.ui.user_commands import UserCommand, declared
from mockint.ui.screens.pair import CandidateScreen, HandOffScreen, KeyReferenceScreen
from mockint.ui.widgets.pair_console import NoteInput
from mockint.session.commands import BeginRound, Quit
from support.apps import SIZE, hosted_app, interview_app, make_app, pair_app
from support.joined import Joined, joined_app
from support.remote import until
from support.marked import marked_pack
from support.packs import kit_pack
from support.pilot import engine_of, hand_in_unrated, wait_for_screen
from support.history import DAY_ONE, saved_sessions
from support.saved import saved_run


def bound_classes() -> Iterator[type[DOMNode]]:
    """The app, every screen and every widget the screens' and widgets' modules define, that declare BINDINGS."""
    names = [
        f"{package.__name__}.{info.name}"
        for package in (mockint.ui.screens, mockint.ui.widgets)
        for info in pkgutil.iter_modules(package.__path__)
    ]
    for module in map(importlib.import_module, ["mockint.ui.app", *names]):
        for value in vars(module).values():
            defined_here = isinstance(value, type) and value.__module__ == module.__name__
            if defined_here and issubclass(value, DOMNode) and "BINDINGS" in vars(value):
                yield value


def test_screens_bind_only_declared_commands() -> None:
    classes = list(bound_classes())
    names = {cls.__name__ for cls in classes}
    assert {"MockintApp", "HomeScreen", "PackList", "SetupScreen", "InterviewScreen", "SummaryScreen"} <= names
    assert {"ExportDialog", "QuestionDialog", "RatedQuestion", "RevealPanel"} <= names
    for cls in classes:
        for binding in cls.BINDINGS:
            command = declared(binding)  # type: ignore[arg-type]
            assert command is not None, (cls.__name__, binding)
            # As declared, or left out of the screen's footer only.
            assert binding in user_commands.bindings(command) + user_commands.bindings(command, footer=False)


RATINGS = (
    user_commands.RATE_POOR,
    user_commands.RATE_MIXED,
    user_commands.RATE_GOOD,
    user_commands.RATE_EXCELLENT,
    user_commands.RATE_NO_EVIDENCE,
)


def test_the_rating_keys_say_the_scale_in_its_order() -> None:
    assert [(command.keys, command.title) for command in RATINGS] == [
        (str(place), level.label) for place, level in enumerate(SCALE, 1)
    ]
    for command, level in zip(RATINGS, SCALE):
        assert level.description in command.help, command


def test_each_command_is_declared_once_with_a_title_and_help() -> None:
    assert len(user_commands.BY_ID) == len(user_commands.ALL) > 20
    for command in user_commands.ALL:
        assert command.title and command.help and command.help != command.title, command
        assert bool(command.keys) != (command in user_commands.PALETTE_ONLY), command


class CommandChecker:
    """Checks the commands enabled on the screen showing now, and remembers which it has checked."""

    def __init__(self, pilot: Pilot[None], monkeypatch: pytest.MonkeyPatch) -> None:
        self.pilot = pilot
        self.app = pilot.app
        self.monkeypatch = monkeypatch
        self.checked: set[str] = set()

    def enabled_now(self) -> dict[str, tuple[UserCommand, DOMNode]]:
        enabled = {}
        for active in self.app.screen.active_bindings.values():
            command = declared(active.binding)
            if command is not None and active.enabled:
                enabled[command.id] = (command, active.node)
        return enabled

    async def check(self, *expected: UserCommand) -> None:
        """`expected` are enabled now; each enabled command is in the palette (if shown) and its keys work."""
        enabled = self.enabled_now()
        assert {command.id for command in expected} <= set(enabled), (type(self.app.screen).__name__, set(enabled))
        palette = {entry.title: entry for entry in self.app.get_system_commands(self.app.screen)}
        for command, node in enabled.values():
            if command.shown:
                entry = palette[command.title]
                assert entry.help.startswith(command.help)
                assert await self.actions_run_by(entry.callback) == [(command.action, node)]
            for key in command.keys.split(","):
                assert await self.actions_run_by(lambda: self.pilot.press(key)) == [(command.action, node)], key
        self.checked.update(enabled)

    async def actions_run_by(self, do: object) -> list[tuple[str, object]]:
        """The actions the app would run while `do` runs (those their node allows now); none of them is run."""
        ran: list[tuple[str, object]] = []

        async def record(action: str, default_namespace: DOMNode | None = None, namespaces: object = None) -> bool:
            namespace, name, parameters = parse_action(action)
            target = self.app if namespace == "app" or default_namespace is None else default_namespace
            allowed = bool(target.check_action(name, parameters))
            if allowed:
                ran.append((action, default_namespace))
            return allowed

        with self.monkeypatch.context() as patch:
            patch.setattr(self.app, "run_action", record)
            await do()  # type: ignore[operator]
            await self.pilot.pause()
        return ran


async def test_every_declared_command_is_in_the_palette_and_its_keys_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: set[str] = set()
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        checker = CommandChecker(pilot, monkeypatch)
        await checker.check(user_commands.QUIT, user_commands.LEAVE_APP, user_commands.CHOOSE_PACK)
        palette = {entry.title: entry.help for entry in pilot.app.get_system_commands(pilot.app.screen)}
        for command in user_commands.PALETTE_ONLY:
            assert palette[command.title] == command.help
            assert await checker.actions_run_by(
                next(e.callback for e in pilot.app.get_system_commands(pilot.app.screen) if e.title == command.title)
            ) == [(command.action, None)]
        checked.update(command.id for command in user_commands.PALETTE_ONLY)
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, SetupScreen)
        await checker.check(user_commands.START, user_commands.BACK)
        checked |= checker.checked

    saved_run(sessions_dir(tmp_path))
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, ChoiceScreen)  # the offer of an unfinished interview
        checker = CommandChecker(pilot, monkeypatch)
        await checker.check(user_commands.RESUME, user_commands.DISCARD, user_commands.LATER)
        checked |= checker.checked

    checked |= await walk_history(tmp_path / "history", monkeypatch)

    for mode in Mode:
        app, _ = interview_app(mode, save=False)  # unsaved: leaving its summary asks first
        async with app.run_test(size=SIZE) as pilot:
            checker = CommandChecker(pilot, monkeypatch)
            await walk_interview(checker, mode)
            checked |= checker.checked

    app, _ = interview_app(pack=kit_pack())  # its round has a reference answer, shown once it is assessed
    async with app.run_test(size=SIZE) as pilot:
        checker = CommandChecker(pilot, monkeypatch)
        await pilot.press("enter")
        await skip_until(pilot, Phase.ASSESSMENT)
        await hand_in_unrated(pilot)
        await checker.check(user_commands.CONTINUE_AFTER_REVEAL)
        checked |= checker.checked

    app, _ = pair_app(Mode.PRACTICE, marked_pack())
    async with app.run_test(size=SIZE) as pilot:
        checker = CommandChecker(pilot, monkeypatch)
        await walk_pair_console(checker)
        checked |= checker.checked

    app, _ = hosted_app()  # the candidate on a terminal of their own: the clock while they are away
    async with app.run_test(size=SIZE) as pilot:
        checker = CommandChecker(pilot, monkeypatch)
        await pilot.press("enter")
        await checker.check(user_commands.AWAY_CLOCK)
        checked |= checker.checked

    app, _ = pair_app(Mode.PRESSURE)  # no hints: the console's hint key says why
    async with app.run_test(size=SIZE) as pilot:
        checker = CommandChecker(pilot, monkeypatch)
        await pilot.press("enter")
        await checker.check(user_commands.GIVE_HINT_REFUSED, user_commands.HINT_REFUSED)
        assert user_commands.GIVE_HINT.id not in checker.enabled_now()
        checked |= checker.checked

    async with joined_app() as joined:
        checker = CommandChecker(joined.pilot, monkeypatch)
        await walk_joined(checker, joined)
        checked |= checker.checked

    assert checked == set(user_commands.BY_ID)


async def walk_history(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Home's history and drill, and the screens the history leads to, checking the commands at each."""
    saved_sessions(data_dir)
    async with make_app(data_dir, clock=FakeClock(wall=DAY_ONE + timedelta(days=3))).run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, ChoiceScreen)
        await pilot.press("l")  # keep the unfinished interview for later
        checker = CommandChecker(pilot, monkeypatch)
        await checker.check(user_commands.HISTORY, user_commands.DRILL)
        await pilot.press("h")
        assert isinstance(pilot.app.screen, HistoryScreen)
        await checker.check(user_commands.OPEN_SESSION, user_commands.BACK, user_commands.ATTEMPTS)
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, SavedSummaryScreen)
        await checker.check(user_commands.BACK_TO_HISTORY, user_commands.EXPORT)
        await pilot.press("escape", "a")
        assert isinstance(pilot.app.screen, AttemptsScreen)
        await checker.check(user_commands.BACK_TO_HISTORY)
        await pilot.press("escape", "escape", "d")
        assert isinstance(pilot.app.screen, DrillScreen)
        await checker.check(user_commands.START_DRILL, user_commands.BACK)
        return checker.checked


async def walk_pair_console(checker: CommandChecker) -> None:
    """The interviewer's console of a pair run, its note line, the candidate's view and the key reference."""
    pilot, app = checker.pilot, checker.app
    await pilot.press("enter")
    await checker.check(
        user_commands.NOTE, *user_commands.HEARD, user_commands.FILLER, user_commands.RAMBLING, user_commands.POSE,
        user_commands.SKIP_CHALLENGE, user_commands.ADD_MINUTE, user_commands.GIVE_HINT, user_commands.CANDIDATE_VIEW,
        user_commands.KEY_REFERENCE,
    )  # fmt: skip
    await pilot.press("n")
    assert isinstance(app.focused, NoteInput)
    await checker.check(user_commands.CLOSE_NOTE)
    assert not {user_commands.NOTE.id, user_commands.FILLER.id, user_commands.END_RUN.id} & set(checker.enabled_now())
    await pilot.press("escape", "v")
    await pilot.pause()
    assert isinstance(app.screen, CandidateScreen)
    await checker.check(user_commands.INTERVIEWER_VIEW)
    await pilot.press("v", "question_mark")
    await pilot.pause()
    assert isinstance(app.screen, KeyReferenceScreen)
    await checker.check(user_commands.CLOSE_PANEL)
    await pilot.press("escape")
    engine = engine_of(app)
    while engine.phase is not Phase.ASSESSMENT:
        await pilot.press("enter" if engine.phase is Phase.REVIEW else "ctrl+d")
    assert isinstance(app.screen, HandOffScreen)
    await checker.check(user_commands.TAKE_KEYBOARD)
    await pilot.press("enter", "escape", "y")  # end the run: its summary offers the swap
    await pilot.pause()
    assert isinstance(app.screen, SummaryScreen)
    await checker.check(user_commands.SWAP_ROLES)


async def walk_joined(checker: CommandChecker, joined: Joined) -> None:
    """A candidate's screen joined from another terminal: a round's intro, the notes box, the end, the host gone."""
    await checker.check(user_commands.READY, user_commands.LEAVE_SESSION)
    await joined.apply(BeginRound())
    await checker.check(user_commands.WRITE_NOTES)
    await checker.pilot.press("n")
    assert checker.app.focused is joined.screen.notes_box
    await checker.check(user_commands.LEAVE_NOTES)
    await checker.pilot.press("escape")
    await joined.apply(Quit())
    await checker.check(user_commands.SAVE_COPY)
    await joined.hosted.host.close()
    await until(lambda: joined.screen.shown_sequence >= 0 and joined.client.ended is not None)
    await checker.pilot.pause()
    await checker.check(user_commands.CLOSE_JOINED, user_commands.SAVE_COPY)


async def walk_interview(checker: CommandChecker, mode: Mode) -> None:
    """Through every phase of a run and the summary's dialogs, checking the commands at each."""
    pilot, app = checker.pilot, checker.app
    engine = engine_of(app)
    await checker.check(user_commands.BEGIN, user_commands.END_RUN)
    await pilot.press("enter")
    if mode is Mode.PRESSURE:
        await checker.check(user_commands.HINT_REFUSED)
        return
    await checker.check(user_commands.DONE, user_commands.SKIP, user_commands.HINT, user_commands.PAUSE)
    await pilot.press("f4")
    assert engine.paused
    await checker.check(user_commands.PAUSE)
    await pilot.press("f4")
    await skip_until(pilot, Phase.REVIEW)
    await checker.check(user_commands.CONTINUE)
    await skip_until(pilot, Phase.ASSESSMENT)
    await checker.check(user_commands.DONE, *RATINGS)  # the focus is in the first question's part
    await pilot.press("escape")
    assert isinstance(app.screen, ConfirmScreen)
    await checker.check(user_commands.YES, user_commands.NO, user_commands.CLOSE_QUESTION)
    await pilot.press("y")
    assert isinstance(app.screen, SummaryScreen)
    await checker.check(user_commands.GO_HOME, user_commands.EXPORT)
    await pilot.press("escape")
    assert isinstance(app.screen, ChoiceScreen)
    await checker.check(user_commands.EXPORT_FIRST, user_commands.LEAVE, user_commands.CANCEL)
    await pilot.press("c")
    await app.run_action("quit")
    await pilot.pause()
    assert isinstance(app.screen, ChoiceScreen)
    await checker.check(user_commands.QUIT_UNEXPORTED)
    await pilot.press("c")
    await pilot.press("e")
    assert isinstance(app.screen, ExportDialog)
    await checker.check(user_commands.CANCEL_EXPORT)


async def skip_until(pilot: Pilot[None], phase: Phase) -> None:
    """Skip questions and challenges, and leave reviews, until the run reaches `phase`."""
    engine = engine_of(pilot.app)
    for _ in range(10):
        if engine.phase is phase:
            return
        await pilot.press("enter" if engine.phase is Phase.REVIEW else "ctrl+k")
    assert engine.phase is phase
