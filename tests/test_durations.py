"""Durations as round files write them, and their compact display forms."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from mockint.core.durations import (
    MAX_SECONDS, DurationError, format_clock, format_duration, format_time_left, parse_duration,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("45s", 45),
        ("3m", 180),
        ("1m30s", 90),
        ("1h", 3600),
        ("1h5m", 3900),
        ("2h59m59s", 10799),
        ("3h", MAX_SECONDS),
        (" 2m ", 120),
        ("90", 90),
        (90, 90),
        ("90s", 90),
    ],
)
def test_parse_accepts(text: object, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "invalid duration ''"),
        ("3 minutes", "invalid duration '3 minutes'"),
        ("1m30", "invalid duration '1m30'"),
        ("30s1m", "invalid duration '30s1m'"),
        ("²", "invalid duration '²'"),
        ("--5", "invalid duration '--5'"),
        ("9" * 5000, "far too long"),
        (0, "duration must be positive, got 0"),
        ("0s", "duration must be positive, got '0s'"),
        (-30, "duration must be positive, got -30"),
        ("3h1s", "duration '3h1s' is longer than the 3h maximum"),
        (10801, "duration 10801 is longer than the 3h maximum"),
        (True, "got True"),
        (1.5, "got float"),
        (None, "got NoneType"),
    ],
)
def test_parse_rejects_with_a_message(value: object, message: str) -> None:
    with pytest.raises(DurationError, match=message.replace("(", r"\(")):
        parse_duration(value)


@given(st.integers(min_value=1, max_value=MAX_SECONDS))
def test_format_then_parse_round_trips(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


@given(
    st.integers(min_value=0, max_value=2),
    st.integers(min_value=0, max_value=59),
    st.integers(min_value=0, max_value=59),
)
def test_parse_then_format_gives_the_canonical_spelling(hours: int, minutes: int, secs: int) -> None:
    seconds = hours * 3600 + minutes * 60 + secs
    assume(seconds > 0)
    text = "".join(f"{n}{unit}" for n, unit in ((hours, "h"), (minutes, "m"), (secs, "s")) if n)
    assert parse_duration(text) == seconds
    assert format_duration(parse_duration(text)) == text


@given(st.text(max_size=40))
def test_any_text_parses_or_fails_with_a_duration_error(text: str) -> None:
    try:
        seconds = parse_duration(text)
    except DurationError as error:
        assert str(error)
    else:
        assert 1 <= seconds <= MAX_SECONDS


@pytest.mark.parametrize(
    ("seconds", "clock"), [(0, "0:00"), (59.9, "0:59"), (61, "1:01"), (3725, "1:02:05"), (-3, "0:00")]
)
def test_format_clock(seconds: float, clock: str) -> None:
    assert format_clock(seconds) == clock


def test_format_duration_of_zero() -> None:
    assert format_duration(0) == "0s"


@pytest.mark.parametrize(
    ("remaining", "text"), [(228.4, "3:49 left"), (120, "2:00 left"), (0.2, "0:01 left"), (0, "0:00 left"), (-12.7, "+0:12 over")]
)
def test_time_left_reads_as_the_clock_does(remaining: float, text: str) -> None:
    assert format_time_left(remaining) == text
