"""Exporting from the summary screen: the `e` dialog writes files, and a bad folder keeps it open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from support.apps import SIZE, make_app
from support.packs import PACKS_DIR, load_test_pack
from mockint.ui.app import MockintApp, StartRequest
from mockint.core.clock import FakeClock
from mockint.session.commands import BeginRound, Done, Quit
from mockint.ui.screens.export_dialog import ExportDialog
from mockint.ui.screens.interview import InterviewScreen
from mockint.ui.screens.summary import SummaryScreen
from mockint.session.setup import SessionOptions
from mockint.ui.widgets.toggles import ChoiceButton


def summary_app(tmp_path: Path, export_dir: Path) -> tuple[MockintApp, FakeClock]:
    clock = FakeClock()
    pack = load_test_pack(PACKS_DIR / "mini")
    app = make_app(tmp_path / "data", start=StartRequest(pack, SessionOptions(candidate="Ada")), clock=clock,
                   export_dir=export_dir)
    return app, clock


async def reach_summary(pilot: Pilot[None], clock: FakeClock) -> None:
    """Answer the first question, then quit: the summary of what was done."""
    app = pilot.app
    assert isinstance(app, MockintApp) and app.engine is not None
    app.engine.apply(BeginRound())
    clock.advance(30)
    app.engine.apply(Done("Um, I lead a team, like, of five."))
    app.engine.apply(Quit())
    assert isinstance(app.screen, InterviewScreen)
    app.screen.sync()
    await pilot.pause()
    assert isinstance(app.screen, SummaryScreen)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The export folder the app is given: empty, apart from the app's own data dir."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def record_notifications(app: MockintApp, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    notes: list[tuple[str, str]] = []
    original = app.notify

    def notify(message: str, **kwargs: object) -> None:
        notes.append((message, str(kwargs.get("severity", "information"))))
        original(message, **kwargs)

    monkeypatch.setattr(app, "notify", notify)
    return notes


async def test_the_format_choice_reads_without_colour(tmp_path: Path, out: Path) -> None:
    app, clock = summary_app(tmp_path, out)
    async with app.run_test(size=SIZE) as pilot:
        await reach_summary(pilot, clock)
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)

        def glyphs() -> list[str]:
            return [str(button.render())[1] for button in dialog.query(ChoiceButton)]

        assert glyphs() == ["●", "○", "○", "○"]
        await pilot.click("#format-all")
        assert glyphs() == ["○", "○", "○", "●"] and dialog.formats == ("md", "json", "html")


async def test_export_all_formats_from_the_summary(tmp_path: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app, clock = summary_app(tmp_path, out)
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notifications(app, monkeypatch)
        await reach_summary(pilot, clock)
        insights = str(app.screen.query_one("#summary-insights", Static).render())
        assert insights.startswith("Typed (challenges included): 8 words in 0:30 (16 wpm); fillers: um 1, like 1")
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one("#export-folder", Input).value == str(out)
        await pilot.click("#format-all")
        await pilot.click("#export")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    names = sorted(path.name for path in out.iterdir())
    assert names == [f"mockint-mini-20260115-0930.{ext}" for ext in ("html", "json", "md")]
    assert "Um, I lead a team, like, of five." in (out / "mockint-mini-20260115-0930.md").read_text(encoding="utf-8")
    assert notes[-1][1] == "information" and "mockint-mini-20260115-0930.md" in notes[-1][0]


async def test_escape_closes_the_dialog_without_writing(tmp_path: Path) -> None:
    app, clock = summary_app(tmp_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await reach_summary(pilot, clock)
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryScreen)
    assert not list(tmp_path.glob("mockint-*"))


NO_SUCH_USER = "mockint-no-such-user-7f3a"


def unusable_folder(tmp_path: Path, kind: str) -> tuple[str, str]:
    """A folder as typed that no export can use, even as root, and the reason the dialog gives."""
    if kind == "missing":
        return str(tmp_path / "missing"), "the folder does not exist"
    if kind == "no such user":
        return f"~{NO_SUCH_USER}/x", f"no user named {NO_SUCH_USER}"
    if kind == "through a file":
        (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
        return str(tmp_path / "notes.txt" / "sub"), f"{tmp_path / 'notes.txt'} is a file, not a folder"
    if kind == "name too long":
        return str(tmp_path / ("a" * 300)), "File name too long"
    if kind == "link loop":
        (tmp_path / "loop").symlink_to(tmp_path / "loop")
        return str(tmp_path / "loop" / "x"), "Too many levels of symbolic links"
    assert kind == "NUL in the name"
    return str(tmp_path / "a\0b"), "the name contains a NUL character"


@pytest.mark.parametrize(
    "kind", ["missing", "no such user", "through a file", "name too long", "link loop", "NUL in the name"]
)
async def test_a_folder_the_file_system_refuses_is_an_error_and_the_dialog_stays(
    tmp_path: Path, out: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    typed, reason = unusable_folder(tmp_path, kind)
    app, clock = summary_app(tmp_path, out)
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notifications(app, monkeypatch)
        await reach_summary(pilot, clock)
        before = sorted(tmp_path.iterdir())  # the run's own saving is not the export's
        await pilot.press("e")
        folder = app.screen.query_one("#export-folder", Input)
        folder.value = typed
        folder.focus()
        await pilot.press("enter")
        assert isinstance(app.screen, ExportDialog)
        shown = typed.replace("\0", "\\x00")
        if len(shown) > 100:  # the middle of a long path is cut, so the message stays readable
            shown = f"{shown[:60]}...{shown[-37:]}"
        assert notes[-1] == (f"cannot export to {shown}: {reason}", "error")
        assert sorted(tmp_path.iterdir()) == before
        # Another place, and the default format (Markdown), works from the same dialog.
        folder.value = str(out)
        await pilot.press("enter")
        assert isinstance(app.screen, SummaryScreen)
        assert app.export_dir == out
    assert [path.name for path in out.iterdir()] == ["mockint-mini-20260115-0930.md"]


async def test_a_pack_with_a_very_long_name_still_exports(tmp_path: Path, out: Path) -> None:
    long_name = "behavioural-" + "x" * 240
    pack_dir = tmp_path / long_name
    shutil.copytree(PACKS_DIR / "mini", pack_dir)
    clock = FakeClock()
    app = make_app(tmp_path / "data", start=StartRequest(load_test_pack(pack_dir), SessionOptions()), clock=clock,
                   export_dir=out)
    async with app.run_test(size=SIZE) as pilot:
        await reach_summary(pilot, clock)
        for _ in range(2):
            await pilot.press("e")
            await pilot.click("#format-all")
            await pilot.click("#export")
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)
    names = sorted(path.name for path in out.iterdir())
    assert len(names) == 6 and all(len(name) <= 120 for name in names), names
    assert names[0].startswith("mockint-behavioural-xxx") and names[0].endswith("-20260115-0930-2.html")
