"""The app shell through Pilot: home, setup, confirm, the size guard and the command palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from support.apps import SIZE, make_app
from support.packs import sample_library
from support.pilot import hand_in_unrated, record_notifications
from textual.widgets import Button, Input, OptionList, RadioButton, SelectionList, Static

from mockint.ui.app import MockintApp, StartRequest
from mockint.packs.discovery import Library
from mockint.session.record import Mode
from mockint.ui import user_commands
from mockint.ui.screens.confirm import Choice, ChoiceScreen, ConfirmScreen
from mockint.ui.screens.home import HomeScreen
from mockint.ui.screens.setup import SetupScreen
from mockint.ui.screens.too_small import NOTICE_ID
from mockint.session.setup import SessionOptions


def text_of(app: MockintApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


# --- home --------------------------------------------------------------------


async def test_home_lists_packs_and_details_follow_the_highlight(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        packs = app.screen.query_one("#packs", OptionList)
        assert [packs.get_option_at_index(i).id for i in range(packs.option_count)] == ["mini", "quick"]
        first = str(packs.get_option_at_index(0).prompt)
        assert "Mini mock" in first and "2 rounds · 3 questions · 6m15s" in first
        assert "Backend engineer" in text_of(app, "#details")
        assert "Warm-up — 2 questions, 3m" in text_of(app, "#details")
        await pilot.press("down")
        assert "Quick one" in text_of(app, "#details")
        assert "mockint run quick" in text_of(app, "#details")


async def test_enter_opens_setup_for_the_highlighted_pack(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.pack.name == "quick"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_clicking_a_pack_opens_its_setup(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert await pilot.click("#packs", offset=(3, 1))
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.pack.name == "mini"


async def test_broken_files_are_listed_with_their_first_error(tmp_path: Path) -> None:
    library = sample_library(with_broken=True)
    app = make_app(tmp_path, library=library)
    async with app.run_test(size=SIZE):
        broken = text_of(app, "#broken")
        assert "Broken files" in broken
        assert "01-oops.yaml:4:5: questions[0]: missing required key 'time' (and 1 more)" in broken


async def test_an_empty_library_says_how_to_add_rounds(tmp_path: Path) -> None:
    app = make_app(tmp_path, library=Library(packs=()))
    async with app.run_test(size=SIZE) as pilot:
        message = text_of(app, "#empty")
        assert "No interview packs found." in message
        assert str(tmp_path / "rounds") in message
        assert "mockint new" in message
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
        assert "Choose pack" not in palette_commands(app)


async def test_an_empty_library_shows_the_rounds_folder_under_home_with_a_tilde(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    app = make_app(tmp_path, library=Library(packs=()))
    async with app.run_test(size=SIZE):
        assert "~/rounds" in text_of(app, "#empty")


async def test_q_on_home_quits(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        assert app._exit  # the app is on its way out


# --- setup -------------------------------------------------------------------


async def open_setup(app: MockintApp, pilot: object, pack_index: int = 0) -> SetupScreen:
    app.screen.query_one("#packs", OptionList).highlighted = pack_index
    await pilot.press("enter")  # type: ignore[attr-defined]
    assert isinstance(app.screen, SetupScreen)
    return app.screen


async def test_setup_defaults_to_every_round_in_practice(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        setup = await open_setup(app, pilot)
        assert setup.query_one("#rounds", SelectionList).selected == ["01-warmup", "02-design"]
        assert setup.options() == SessionOptions(mode=Mode.PRACTICE, round_ids=("01-warmup", "02-design"))


async def test_setup_reads_rounds_mode_and_name(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        setup = await open_setup(app, pilot)
        setup.query_one("#rounds", SelectionList).deselect("01-warmup")
        await pilot.click("#pressure")
        assert "no hints" in text_of(app, "#mode-help")
        setup.query_one("#candidate", Input).value = "  Jordan "
        options = setup.options()
        assert options == SessionOptions(mode=Mode.PRESSURE, round_ids=("02-design",), candidate="Jordan")
        assert setup.query_one("#pressure", RadioButton).value


async def test_starting_with_no_rounds_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path)
    started: list[object] = []
    monkeypatch.setattr(app, "start_interview", lambda pack, options, save=True: started.append((pack, options)))
    notes = record_notifications(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        setup = await open_setup(app, pilot)
        setup.query_one("#rounds", SelectionList).deselect_all()
        await pilot.press("ctrl+s")
        assert notes == ["Choose at least one round to run."]
        assert started == []
        assert app.screen is setup


@pytest.mark.parametrize("how", ["ctrl+s", "button", "enter in name"])
async def test_start_hands_the_options_to_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    app = make_app(tmp_path)
    started: list[tuple[str, SessionOptions]] = []
    monkeypatch.setattr(app, "start_interview", lambda pack, options, save=True: started.append((pack.name, options)))
    async with app.run_test(size=SIZE) as pilot:
        setup = await open_setup(app, pilot, pack_index=1)
        if how == "ctrl+s":
            await pilot.press("ctrl+s")
        elif how == "button":
            setup.query_one("#start", Button).press()
        else:
            setup.query_one("#candidate", Input).focus()
            await pilot.press("A", "n", "a", "enter")
        await pilot.pause()
        candidate = "Ana" if how == "enter in name" else ""
        assert started == [("quick", SessionOptions(round_ids=("quick",), candidate=candidate))]


# --- confirm -------------------------------------------------------------------


@pytest.mark.parametrize(("keys", "answer"), [(("y",), True), (("n",), False), (("escape",), False), (("enter",), False)])
async def test_confirm_screen_answers(tmp_path: Path, keys: tuple[str, ...], answer: bool) -> None:
    app = make_app(tmp_path)
    answers: list[bool | None] = []
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ConfirmScreen("Quit the interview?"), answers.append)
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press(*keys)
        assert answers == [answer]
        assert isinstance(app.screen, HomeScreen)


async def test_confirm_yes_button(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    answers: list[bool | None] = []
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ConfirmScreen("Quit the interview?"), answers.append)
        await pilot.pause()
        await pilot.click("#yes")
        assert answers == [True]


@pytest.mark.parametrize(("keys", "focused"), [
    (("left",), "yes"), (("up",), "yes"), (("left", "right"), "no"), (("left", "down"), "no"),
])  # fmt: skip
async def test_the_arrow_keys_move_between_a_dialogs_buttons(
    tmp_path: Path, keys: tuple[str, ...], focused: str
) -> None:
    app = make_app(tmp_path)
    answers: list[bool | None] = []
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ConfirmScreen("Quit the interview?"), answers.append)
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "no"
        await pilot.press(*keys)
        assert app.focused is not None and app.focused.id == focused
        await pilot.press("enter")
        assert answers == [focused == "yes"]


async def test_the_arrow_keys_go_along_every_answer_of_a_choice(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    choices = (Choice(user_commands.EXPORT_FIRST), Choice(user_commands.LEAVE), Choice(user_commands.CANCEL))
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ChoiceScreen("Leave?", choices, default=user_commands.EXPORT_FIRST.id))
        await pilot.pause()
        visited = []
        for _ in range(3):
            await pilot.press("right")
            assert app.focused is not None
            visited.append(app.focused.id)
        assert visited == ["leave", "cancel", "export_first"]  # round again after the last


# --- too small -------------------------------------------------------------------


async def test_too_small_terminal_shows_a_message_and_recovers(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_setup(app, pilot)
        for width, height in [(59, 30), (100, 17), (20, 5), (1, 1)]:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            notice = app.screen.get_child_by_id(NOTICE_ID, Static)
            assert notice.display
            assert f"mockint needs at least 60x18; this terminal is {width}x{height}" in str(notice.content)
        await pilot.resize_terminal(60, 18)
        await pilot.pause()
        assert not app.screen.get_child_by_id(NOTICE_ID).display
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_screen_opened_while_too_small_is_covered(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        assert app.screen.get_child_by_id(NOTICE_ID).display
        app.push_screen(ConfirmScreen("Sure?"))
        await pilot.pause()
        assert app.screen.get_child_by_id(NOTICE_ID).display
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert not app.screen.get_child_by_id(NOTICE_ID).display


# --- command palette -------------------------------------------------------------------


def palette_commands(app: MockintApp) -> dict[str, object]:
    return {command.title: command.callback for command in app.get_system_commands(app.screen)}


async def test_palette_offers_the_screens_bindings(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        home = palette_commands(app)
        assert {"Theme", "Quit", "Choose pack"} <= set(home)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles.count("Quit") == 1  # the screen's q, not also Textual's own
        helps = {command.title: command.help for command in app.get_system_commands(app.screen)}
        assert helps["Choose pack"] == "Set up an interview with the highlighted pack (⏎)"
        await open_setup(app, pilot)
        setup = palette_commands(app)
        assert {"Start", "Back"} <= set(setup)
        assert "Choose pack" not in setup


async def test_a_palette_command_runs_the_binding_action(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_setup(app, pilot)
        app.call_later(palette_commands(app)["Back"])  # type: ignore[arg-type]
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_palette_search_and_enter_runs_a_screen_command(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"choose pack")
        await app.workers.wait_for_complete()  # the palette searches in a worker
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.pack.name == "mini"


async def run_palette_command(pilot: Pilot[None], title: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.press(*title.lower())
    await pilot.app.workers.wait_for_complete()  # the palette searches in a worker
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def test_palette_screenshot_saves_in_the_export_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    export_dir = tmp_path / "exports"
    export_dir.mkdir()
    app = make_app(tmp_path, export_dir=export_dir)
    notes = record_notifications(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        help_text = {command.title: command.help for command in app.get_system_commands(app.screen)}["Screenshot"]
        assert "export folder" in help_text
        await run_palette_command(pilot, "Screenshot")
        await run_palette_command(pilot, "Screenshot")
    names = sorted(path.name for path in export_dir.iterdir())
    # The fake clock stands still, so the second picture gets the next free name rather than replacing the first.
    assert names == ["mockint-screenshot-20260115-093000-2.svg", "mockint-screenshot-20260115-093000.svg"]
    picture = (export_dir / names[-1]).read_text(encoding="utf-8")
    assert picture.startswith("<svg") and "Search for commands" not in picture
    assert notes == [f"Saved {name} in {export_dir}" for name in reversed(names)]


async def test_palette_screenshot_says_why_it_could_not_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gone = tmp_path / "gone"
    app = make_app(tmp_path, export_dir=gone)
    notes = record_notifications(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await run_palette_command(pilot, "Screenshot")
    assert notes == [f"Not saved: cannot export to {gone}: the folder does not exist"]
    assert not gone.exists()


# --- factory and start -------------------------------------------------------------------


def test_build_app_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, isolated_user_dirs: Path) -> None:
    monkeypatch.chdir(tmp_path)
    from mockint.ui.app import build_app
    from mockint.core.clock import MonotonicClock

    app = build_app(sample_library())
    assert (app.data_dir, app.export_dir) == (isolated_user_dirs, tmp_path)
    assert isinstance(app.clock, MonotonicClock)
    assert app.tick_interval == 0.25


async def test_an_impossible_start_is_a_notification(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = sample_library()
    bad = StartRequest(library.packs[0], SessionOptions(round_ids=("nope",)))
    app = make_app(tmp_path, library=library, start=bad)
    notes = record_notifications(app, monkeypatch)
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, HomeScreen)
        assert app.engine is None
        assert notes and "unknown round 'nope'" in notes[0]


# --- the whole way: home, setup, interview, summary, home ---------------------------


@pytest.mark.parametrize("mode", [Mode.PRACTICE, Mode.PRESSURE])
async def test_home_to_summary_and_back(tmp_path: Path, mode: Mode) -> None:
    from textual.widgets import TextArea

    from mockint.ui.screens.interview import InterviewScreen
    from mockint.ui.screens.summary import SummaryScreen
    from mockint.session.state import Phase

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        setup = await open_setup(app, pilot)
        if mode is Mode.PRESSURE:
            await pilot.click("#pressure")
        setup.query_one("#candidate", Input).value = "Ana"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        engine = app.engine
        assert engine is not None and app.screen.engine is engine
        assert (engine.record.mode, engine.record.candidate, engine.record.pack_name) == (mode, "Ana", "mini")
        assert [screen.__class__.__name__ for screen in app.screen_stack] == ["HomeScreen", "InterviewScreen"]
        phases = []
        while engine.phase is not Phase.FINISHED and len(phases) < 40:
            phases.append(engine.phase)
            if engine.phase in (Phase.ANSWERING, Phase.CHALLENGE):
                box = app.focused
                assert isinstance(box, TextArea)
                box.insert("A worst-case answer about the team, the herd and collisions.")
                await pilot.pause()
                await pilot.press("ctrl+d")
            elif engine.phase is Phase.ASSESSMENT:
                await pilot.pause()
                await hand_in_unrated(pilot)
            else:
                await pilot.press("enter")
            await pilot.pause()
        assert engine.phase is Phase.FINISHED and engine.record.finished
        assert Phase.CHALLENGE in phases and phases.count(Phase.ASSESSMENT) == 2
        assert (Phase.REVIEW in phases) is (mode is Mode.PRACTICE)
        assert all(q.answer for r in engine.record.rounds for q in r.questions)
        assert isinstance(app.screen, SummaryScreen) and app.screen.record is engine.record
        await pilot.press("enter", "l")  # leave without exporting
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 1
