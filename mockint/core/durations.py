"""Durations as round files write them (`45s`, `3m`, `1m30s`, `1h`, or bare seconds).

Pure module: no textual import.
"""

from __future__ import annotations

import math
import re

MAX_SECONDS = 3 * 60 * 60
"""Anything longer than three hours is a typo, not an interview question."""

_LONGEST_TEXT = 32
_INTEGER = re.compile(r"-?\d+")
_PATTERN = re.compile(r"^(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s)?$")


class DurationError(ValueError):
    """A duration that cannot be read or is out of range; the message is user-facing."""


def parse_duration(value: object) -> int:
    """Return the number of seconds `value` stands for, or raise DurationError."""
    if isinstance(value, bool):
        raise DurationError(f"expected a duration such as 45s, 3m or 1m30s, got {value!r}")
    if isinstance(value, int):
        seconds = value
    elif isinstance(value, str):
        seconds = _parse_text(value.strip())
    else:
        raise DurationError(
            f"expected a duration such as 45s, 3m or 1m30s, got {type(value).__name__}"
        )
    if seconds <= 0:
        raise DurationError(f"duration must be positive, got {value!r}")
    if seconds > MAX_SECONDS:
        raise DurationError(f"duration {value!r} is longer than the 3h maximum")
    return seconds


def _parse_text(text: str) -> int:
    if len(text) > _LONGEST_TEXT:
        # int() refuses strings of thousands of digits; no real duration is this long.
        raise DurationError(f"invalid duration {text[:_LONGEST_TEXT]!r}...: far too long")
    # Not str.isdigit(): it accepts characters such as "²" that int() rejects.
    if _INTEGER.fullmatch(text):
        return int(text)
    match = _PATTERN.match(text)
    if not text or match is None or not any(match.groupdict().values()):
        raise DurationError(
            f"invalid duration {text!r}: use forms such as 45s, 3m, 1m30s, 1h or a number of seconds"
        )
    parts = {key: int(val or 0) for key, val in match.groupdict().items()}
    return parts["h"] * 3600 + parts["m"] * 60 + parts["s"]


def format_duration(seconds: float) -> str:
    """Compact form for lists and headers: `45s`, `3m`, `1m30s`, `1h5m`."""
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours}h" if hours else "", f"{minutes}m" if minutes else "", f"{secs}s" if secs else ""]
    return "".join(parts) or "0s"


def format_time_left(remaining: float) -> str:
    """What a clock says of the time left: `3:48 left`, or `+0:12 over` once it has run out.

    The one way time left is worded, by the answer clock and by anything that
    speaks of it (a resumed run's notice), so that the two always agree.
    Remaining time rounds up so a fresh 2m question reads 2:00 and 0:00 only
    shows once the time is really gone; overtime rounds down for the same reason.
    """
    if remaining < 0:
        return f"+{format_clock(-remaining)} over"
    return f"{format_clock(math.ceil(remaining))} left"


def format_clock(seconds: float) -> str:
    """Clock face `m:ss` (or `h:mm:ss`) of a non-negative number of seconds, rounded down."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
