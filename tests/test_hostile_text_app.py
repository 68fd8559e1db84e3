"""The app shows hostile text as typed: markup is never parsed, control characters never reach the terminal.

Every field of a pack holds markup, broken markup, a clickable action and a
bidi override (all allowed by validation: bidi only warns). Control characters
cannot be in a valid pack, so they come from where nothing validates them: the
pack's folder name, a broken file's name and the paths typed into the export
dialog. Each screen must show the text literally (through `printable`) and the
whole terminal picture must hold no control or bidi character.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.apps import SIZE, SLOW_TICKS
from support.pilot import hand_in_unrated
from textual.app import App
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, OptionList, SelectionList, TextArea

from mockint.ui.app import MockintApp, StartRequest, build_app
from mockint.core.clock import FakeClock
from mockint.packs.discovery import Library, load_pack
from mockint.session.engine import SessionEngine
from mockint.session.record import Mode
from mockint.core.safetext import bidi_controls, control_characters, printable
from mockint.ui.screens.export_dialog import ExportDialog
from mockint.ui.screens.home import HomeScreen
from mockint.ui.screens.interview import InterviewScreen
from mockint.ui.screens.setup import SetupScreen
from mockint.ui.screens.summary import SummaryScreen
from mockint.session.commands import BeginRound, Done, Quit
from mockint.session.setup import SessionOptions
from mockint.session.state import Phase
from mockint.ui.widgets.assessment import AssessmentForm, ItemCheckbox
from mockint.core.userpaths import shown as shown_path

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31m"
"""Retitle the window, clear the screen, C1 CSI: for names nothing validates."""
PACK_FOLDER = f"pack{ESCAPES}"
BROKEN_FOLDER = f"broken{ESCAPES}"


def hostile(tag: str) -> str:
    """A field's text: its tag, a stray close, markup, an action, an unclosed tag and a bidi override."""
    return f"{tag} [/] [b]bold[/b] [@click=app.quit]Click[/] [red]x[/ \u202eevil [bold"


def shown(tag: str) -> str:
    """How `hostile(tag)` must appear: as written, the bidi override as its escape."""
    return printable(hostile(tag))


ROUND = """\
title: '{round_title}'
interviewer:
  name: '{name}'
  style: '{style}'
intro: '{intro}'
checklist: ['{round_item}']
questions:
  - ask: '{ask}'
    time: 1m
    guide: ['{guide}']
    keywords: ['{keyword}']
    hint: '{hint}'
    checklist: ['{question_item}']
    challenges:
      - ask: '{challenge}'
        time: 30s
        at: 30s
"""
ROUND_FIELDS = (
    "round_title", "name", "style", "intro", "round_item", "ask", "guide", "keyword", "hint", "question_item",
    "challenge",
)
INTERVIEW = "title: '{title}'\nrole: '{role}'\ndescription: '{description}'\nchecklist: ['{pack_item}']\n"
INTERVIEW_FIELDS = ("title", "role", "description", "pack_item")


def write_hostile_pack(root: Path) -> Path:
    folder = root / PACK_FOLDER
    folder.mkdir(parents=True)
    (folder / f"01-round{ESCAPES}.yaml").write_text(
        ROUND.format(**{field: hostile(field) for field in ROUND_FIELDS}), encoding="utf-8"
    )
    (folder / "interview.yaml").write_text(
        INTERVIEW.format(**{field: hostile(field) for field in INTERVIEW_FIELDS}), encoding="utf-8"
    )
    return folder


def hostile_library(root: Path) -> Library:
    pack, broken = load_pack(write_hostile_pack(root), origin="--rounds")
    assert pack is not None and not broken, broken
    bad = root / BROKEN_FOLDER
    bad.mkdir()
    (bad / f"01{ESCAPES}.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    broken_pack, broken_files = load_pack(bad, origin="--rounds")
    assert broken_pack is None
    return Library((pack,), tuple(broken_files))


def hostile_app(tmp_path: Path, start: StartRequest | None = None) -> tuple[MockintApp, FakeClock]:
    clock = FakeClock()
    library = hostile_library(tmp_path / "rounds")
    app = build_app(
        library,
        clock=clock,
        data_dir=tmp_path / "data",
        export_dir=tmp_path,
        start=start,
        tick_interval=SLOW_TICKS,
    )
    return app, clock


def visible_text(widget: Widget) -> str:
    """What a Static (or any widget that renders Content) shows, as plain text."""
    return str(widget.render())


def assert_terminal_inert(app: App[None]) -> None:
    """No control character but newline and tab, and no bidi control, anywhere in the picture."""
    picture = app.export_screenshot()
    assert control_characters(picture.replace("\r", "")) == []
    assert bidi_controls(picture) == []


def record_notifications(app: MockintApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages notified, as shown; each is still passed on, so its toast is drawn."""
    messages: list[str] = []
    original = app.notify

    def notify(message: str, **kwargs: object) -> None:
        messages.append(str(message))
        original(message, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "notify", notify)
    return messages


def engine_of(app: MockintApp) -> SessionEngine:
    assert app.engine is not None
    return app.engine


# --- home and setup -------------------------------------------------------------


async def test_home_shows_pack_text_and_names_as_typed(tmp_path: Path) -> None:
    app, _ = hostile_app(tmp_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        option = str(app.screen.query_one("#packs", OptionList).get_option_at_index(0).prompt)
        assert shown("title") in option and shown("role") in option
        details = visible_text(app.screen.query_one("#details"))
        for field in ("title", "role", "description", "round_title"):
            assert shown(field) in details
        assert f"mockint run {printable(PACK_FOLDER)}" in details
        broken = visible_text(app.screen.query_one("#broken"))
        assert printable(f"{BROKEN_FOLDER}/01{ESCAPES}.yaml") in broken
        assert_terminal_inert(app)


async def test_choosing_the_pack_opens_setup_showing_its_text(tmp_path: Path) -> None:
    app, _ = hostile_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, SetupScreen)
        setup = app.screen
        assert visible_text(setup.query_one("#pack-title")) == shown("title")
        assert visible_text(setup.query_one("#pack-role")) == shown("role")
        assert setup.sub_title == printable(hostile("title"), single_line=True)
        rounds = setup.query_one("#rounds", SelectionList)
        assert str(rounds.get_option_at_index(0).prompt).startswith(shown("round_title"))
        assert_terminal_inert(app)
        # A click where the [@click] action would be drawn runs nothing.
        await pilot.click("#pack-title", offset=(len("title [/] [b]bold[/b] ") + 12, 0))
        assert app.is_running and isinstance(app.screen, SetupScreen)


# --- a run, practice then pressure -----------------------------------------------------


async def test_a_practice_run_shows_every_field_as_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app, clock = hostile_app(tmp_path)
    notes = record_notifications(app, monkeypatch)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.press("enter", "ctrl+s")  # home: choose the pack; setup: start in practice
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        screen = app.screen
        assert visible_text(screen.query_one("#interview-bar")).startswith(shown("title"))
        intro = ("title", "interviewer", "style", "line")
        assert {name: visible_text(screen.query_one(f"#intro-{name}")) for name in intro} == {
            "title": shown("round_title"),
            "interviewer": f"Your interviewer: {shown('name')}",
            "style": shown("style"),
            "line": f"“{shown('intro')}”",
        }
        assert_terminal_inert(app)

        await pilot.press("enter")  # begin the round
        assert visible_text(screen.query_one("#question-text")) == shown("ask")
        assert visible_text(screen.query_one("#question-position")).endswith(shown("round_title"))
        await pilot.press("ctrl+t")
        assert visible_text(screen.query_one("#hint-line")) == f"Hint: {shown('hint')}"
        screen.query_one("#main-answer", TextArea).insert("my answer [/] [@click=app.quit]x[/]")
        clock.advance(61)
        screen.tick()  # time is up: practice runs into overtime
        await pilot.pause()
        assert "Time's up — you're in overtime." in notes
        assert_terminal_inert(app)

        await pilot.press("ctrl+d")  # done: the challenge is posed
        engine = engine_of(app)
        assert engine.phase is Phase.CHALLENGE
        assert visible_text(screen.query_one("#challenge-label")) == f"{shown('name')} pushes back:"
        assert visible_text(screen.query_one("#challenge-text")) == shown("challenge")
        challenge_box = screen.query_one("#challenge-answer", TextArea)
        assert challenge_box.border_title == Content(f"Your answer to {shown('name')}").markup
        assert_terminal_inert(app)

        await pilot.press("f5")  # answer the challenge: the review
        assert engine.phase is Phase.REVIEW
        review = visible_text(screen.query_one("#review-body"))
        for field in ("ask", "guide", "keyword", "hint", "challenge"):
            assert shown(field) in review
        assert_terminal_inert(app)

        await pilot.press("enter")  # the round's last question: on to the assessment
        await pilot.pause()
        form = screen.query_one(AssessmentForm)
        assert shown("round_title") in visible_text(form.query_one(".assessment-title"))
        assert f"1. {shown('ask')}" in [visible_text(heading) for heading in form.query(".assessment-heading")]
        items = {box.item: box.label.plain for box in form.query(ItemCheckbox)}
        assert items == {hostile(field): shown(field) for field in ("question_item", "round_item", "pack_item")}
        assert_terminal_inert(app)

        await hand_in_unrated(pilot)  # submit: the summary
        assert isinstance(app.screen, SummaryScreen)
        assert visible_text(app.screen.query_one("#summary-title")).startswith(shown("title"))
        assert_terminal_inert(app)


async def test_pressure_time_up_and_interruption_name_the_interviewer_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = hostile_library(tmp_path / "rounds").packs[0]
    app, clock = hostile_app(tmp_path / "app", start=StartRequest(pack, SessionOptions(mode=Mode.PRESSURE)))
    notes = record_notifications(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        await pilot.press("enter")
        clock.advance(31)
        screen.tick()  # the challenge interrupts at 30s
        await pilot.pause()
        assert engine_of(app).interviewer_view().position.challenge is not None
        assert visible_text(screen.query_one("#challenge-label")) == f"{shown('name')} pushes back:"
        clock.advance(31)
        screen.tick()  # the challenge's time is up: back to the interrupted answer
        await pilot.pause()
        assert f"Time's up — {printable(hostile('name'))} takes you back to your interrupted answer." in notes
        assert_terminal_inert(app)
        assert app.is_running


# --- the export dialog ------------------------------------------------------------


async def open_export_dialog(app: MockintApp, pilot: object) -> ExportDialog:
    engine = engine_of(app)
    engine.apply(BeginRound())
    engine.apply(Done("answer \x1b]52;c;ZXZpbA==\x07 [/]"))
    engine.apply(Quit())
    assert isinstance(app.screen, InterviewScreen)
    app.screen.sync()
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, SummaryScreen)
    await pilot.press("e")  # type: ignore[attr-defined]
    assert isinstance(app.screen, ExportDialog)
    return app.screen


async def test_a_typed_path_with_markup_or_escapes_fails_safely_and_exports_are_inert(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = hostile_library(tmp_path / "rounds").packs[0]
    app, _ = hostile_app(tmp_path / "app", start=StartRequest(pack, SessionOptions()))
    notes = record_notifications(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export_dialog(app, pilot)
        folder = dialog.query_one("#export-folder", Input)
        folder.value = ""
        folder.focus()
        await pilot.press(*"[/]nowhere[bold", "enter")
        assert isinstance(app.screen, ExportDialog)
        assert notes[-1] == f"cannot export to {Path('[/]nowhere[bold').expanduser()}: the folder does not exist"
        assert_terminal_inert(app)

        missing = tmp_path / f"gone{ESCAPES}"
        folder.value = str(missing)
        await pilot.press("enter")
        assert isinstance(app.screen, ExportDialog)
        assert notes[-1] == f"cannot export to {shown_path(missing)}: the folder does not exist"
        assert_terminal_inert(app)

        out = tmp_path / f"out{ESCAPES}"
        out.mkdir()
        folder.value = str(out)
        await pilot.click("#format-all")
        await pilot.click("#export")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
        assert notes[-1].endswith(f" in {shown_path(out)}")
        assert_terminal_inert(app)

        # The next export offers that folder: an Input shows its value raw, so the box stays
        # empty (meaning that folder) and the placeholder names it with escapes.
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        offered = app.screen.query_one("#export-folder", Input)
        assert offered.value == ""
        assert offered.placeholder.startswith(printable(str(out), single_line=True))
        assert_terminal_inert(app)
        await pilot.click("#export")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    written = sorted(out.iterdir())
    assert sorted(path.suffix for path in written) == [".html", ".json", ".md", ".md"]
    for path in written:
        text = path.read_text(encoding="utf-8")
        assert control_characters(text) == [] and bidi_controls(text) == [], path.name
