"""Typing, pasting and waiting in an app under Pilot, and reading what its screen shows."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from mockint.core.clock import FakeClock
from mockint.session.engine import SessionEngine
from mockint.ui.app import MockintApp
from mockint.ui.screens.confirm import ConfirmScreen
from mockint.ui.screens.interview import InterviewScreen
from support.runs import finish_run


def engine_of(app: MockintApp) -> SessionEngine:
    assert app.engine is not None, "the app has not started the interview"
    return app.engine


def interview(app: App[None]) -> InterviewScreen:
    assert isinstance(app.screen, InterviewScreen)
    return app.screen


def screen_text(app: App[None]) -> str:
    """Every character the terminal shows now, row by row (read from the app's own screenshot)."""
    rows: dict[float, list[str]] = {}
    for y, text in re.findall(r'<text [^>]*\by="([0-9.]+)"[^>]*>([^<]*)</text>', app.export_screenshot()):
        rows.setdefault(float(y), []).append(html.unescape(text).replace("\xa0", " "))
    return "\n".join("".join(parts) for _, parts in sorted(rows.items()))


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


async def wait_for_screen(pilot: Pilot[None], screen_type: type[Screen[Any]]) -> None:
    """Pause (a bounded number of times, never a sleep) until a screen pushed after a refresh, such as the
    home screen's offer of an unfinished interview, is on top: one pause is not enough on a busy machine."""
    for _ in range(50):
        if isinstance(pilot.app.screen, screen_type):
            return
        await pilot.pause()
    assert isinstance(pilot.app.screen, screen_type), f"{screen_type.__name__} not shown"


async def hand_in_unrated(pilot: Pilot[None], key: str = "ctrl+d") -> None:
    """Hand in a self-assessment with questions left unrated: `key`, then yes when the form asks."""
    await pilot.press(key)
    await confirm_unrated(pilot)


async def confirm_unrated(pilot: Pilot[None]) -> None:
    """Say yes to handing in a self-assessment with questions left unrated, which the form asks first."""
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ConfirmScreen) and "not rated" in screen.question, screen
    await pilot.press("y")
    await pilot.pause()


async def finish_in_app(pilot: Pilot[None], clock: FakeClock) -> None:
    finish_run(engine_of(pilot.app), clock)
    interview(pilot.app).sync()
    await pilot.pause()


def widget_texts(app: App[None]) -> str:
    """The whole text of every widget shown on the screen on top, scrolled out of sight or not: where a private
    text must never be, even where the terminal would cut it off."""
    shown = [
        w for w in app.screen.query("*")
        if isinstance(w, (Static, Input)) and w.visible and all(getattr(a, "display", True) for a in w.ancestors_with_self)
    ]  # fmt: skip
    return "\n".join(str(w.value) if isinstance(w, Input) else str(w.render()) for w in shown)


def record_notifications(app: App[None], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every notification's message from now on (the app still shows them)."""
    messages: list[str] = []
    original = app.notify

    def notify(message: str, **kwargs: object) -> None:
        messages.append(message)
        original(message, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "notify", notify)
    return messages
