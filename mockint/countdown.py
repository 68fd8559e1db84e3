"""A pausable countdown measured against a deadline, never by counting ticks.

Remaining time is always `deadline - now`: a blocked event loop or a late
repaint cannot make the clock drift. Pure module: no textual import.
"""

from __future__ import annotations

from mockint.clock import Clock


class Countdown:
    def __init__(self, clock: Clock, limit: float, start: float | None = None) -> None:
        self._clock = clock
        self.limit = limit
        self.started = clock.now() if start is None else start
        self.deadline = self.started + limit
        self._paused_at: float | None = None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def remaining(self) -> float:
        """Seconds left; negative once past the deadline (overtime)."""
        now = self._paused_at if self._paused_at is not None else self._clock.now()
        return self.deadline - now

    def elapsed(self) -> float:
        return self.limit - self.remaining()

    def overtime(self) -> float:
        return max(0.0, -self.remaining())

    def fraction_left(self) -> float:
        return max(0.0, self.remaining()) / self.limit if self.limit else 0.0

    def moment_at_elapsed(self, elapsed: float) -> float:
        """The clock reading at which `elapsed` seconds will have run (pauses so far included)."""
        return self.deadline - (self.limit - elapsed)

    def pause(self, at: float | None = None) -> None:
        if self._paused_at is None:
            self._paused_at = self._clock.now() if at is None else at

    def resume(self, at: float | None = None) -> float:
        """Resume and return how long the countdown was held."""
        if self._paused_at is None:
            return 0.0
        now = self._clock.now() if at is None else at
        held = now - self._paused_at
        self.deadline += held
        self._paused_at = None
        return held
