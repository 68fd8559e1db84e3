"""The answer clock: `m:ss left`, then `+m:ss over` once the deadline has passed."""

from __future__ import annotations

from textual.widgets import Static

from mockint.core.durations import format_time_left
from mockint.session.views import ClockFigures
from mockint.ui.widgets.plain import plain

LOW_FRACTION = 0.25
"""The clock warns (class `-low`) once this share of the time or less is left."""


def clock_face(remaining: float, limit: float) -> tuple[str, str]:
    """The clock's text (mockint.core.durations.format_time_left) and state ("", "low" or "over") for
    `remaining` seconds of `limit`."""
    text = format_time_left(remaining)
    if remaining < 0:
        return text, "over"
    low = limit > 0 and remaining / limit <= LOW_FRACTION
    return text, "low" if low else ""


class CountdownClock(Static):
    """Shows an answer's clock; the text alone says how things stand, colour only reinforces it."""

    DEFAULT_CSS = """
    CountdownClock {
        width: auto;
        min-width: 16;
        height: 1;
        padding: 0 1;
        text-style: bold;
        color: $text;
        background: $boost;
    }

    CountdownClock.-low {
        color: $warning;
        background: $warning-muted;
    }

    CountdownClock.-over {
        color: $error;
        background: $error-muted;
        text-style: bold;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self.state = ""

    def show(self, clock: ClockFigures | None) -> None:
        if clock is None:
            self.update("")
            self.state = ""
        else:
            text, self.state = clock_face(clock.remaining, clock.limit)
            self.update(plain(f"{text} (paused)" if clock.paused else text))
        self.set_class(self.state == "low", "-low")
        self.set_class(self.state == "over", "-over")
