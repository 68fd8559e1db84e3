"""The too-small guard: below 60x18 a clear message covers whatever screen is showing.

Every screen would lay out badly in a tiny terminal (and some widgets fail
outright at a width of zero), so the app, not each screen, owns this: on every
resize and every screen change the guard marks each screen with a class that
hides its children (see app.tcss) and shows a notice in their place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.css.query import NoMatches
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

from mockint.ui.widgets.plain import plain

if TYPE_CHECKING:
    from textual.app import App

MIN_WIDTH = 60
MIN_HEIGHT = 18
NOTICE_ID = "too-small"
TOO_SMALL_CLASS = "-too-small"


def too_small_message(size: Size) -> str:
    return (
        f"mockint needs at least {MIN_WIDTH}x{MIN_HEIGHT}; this terminal is {size.width}x{size.height}.\n"
        "Make the window larger to continue."
    )


def is_too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


class TooSmallNotice(Static):
    """Covers its screen while the terminal is too small (app.tcss shows it and hides the rest)."""

    DEFAULT_CSS = """
    TooSmallNotice {
        display: none;
        width: 100%;
        height: 100%;
        content-align: center middle;
        text-align: center;
        text-style: bold;
        color: $warning;
        background: $background;
    }
    """


class SizeGuard:
    def __init__(self, app: App[None]) -> None:
        self._app = app
        self._size: Size | None = None

    def check(self, size: Size) -> None:
        """The terminal is now `size`: cover or uncover every screen (background ones lay out too)."""
        self._size = size
        for screen in self._app.screen_stack:
            self._apply(screen)

    def on_screen_change(self, screen: Screen) -> None:
        # The new screen may not have composed yet: act once it has.
        screen.call_later(self._apply, screen)

    def _apply(self, screen: Screen) -> None:
        if self._size is None or not screen.is_attached:
            return
        too_small = is_too_small(self._size)
        screen.set_class(too_small, TOO_SMALL_CLASS)
        if not too_small:
            return
        notice = _find_notice(screen)
        if notice is None:
            screen.mount(TooSmallNotice(plain(too_small_message(self._size)), id=NOTICE_ID))
        else:
            notice.update(plain(too_small_message(self._size)))


def _find_notice(screen: Screen) -> TooSmallNotice | None:
    try:
        return screen.get_child_by_id(NOTICE_ID, TooSmallNotice)
    except NoMatches:
        return None
