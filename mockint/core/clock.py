"""Injected clocks. The engine reads time only through a Clock, so tests use FakeClock.

Pure module: no textual import.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Monotonic seconds; only differences are meaningful."""

    def wall(self) -> datetime:
        """The current wall-clock time (timezone-aware), for transcript headers."""


class MonotonicClock:
    """The real clock."""

    def now(self) -> float:
        return time.monotonic()

    def wall(self) -> datetime:
        return datetime.now(timezone.utc).astimezone()


class FakeClock:
    """A clock that moves only when told to: for tests, snapshots and benchmarks."""

    def __init__(self, start: float = 1000.0, wall: datetime | None = None) -> None:
        self._now = start
        self._start = start
        self._wall = wall or datetime(2026, 1, 15, 9, 30, tzinfo=timezone.utc)

    def now(self) -> float:
        return self._now

    def wall(self) -> datetime:
        return self._wall + timedelta(seconds=self._now - self._start)

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock never goes backwards")
        self._now += seconds
