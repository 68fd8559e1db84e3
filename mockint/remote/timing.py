"""How often each side speaks and how long it waits: one value, so tests shorten or stop it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    heartbeat_every: float | None = 2.0
    """Seconds between heartbeats and silence checks; None leaves them to the caller's `check_heartbeat`."""
    silent_after: float = 8.0
    """Seconds without any frame from the other side before it counts as gone."""
    joining_within: float = 10.0
    """Seconds a new connection has to complete the join before it is closed."""
    free_attempts: int = 2
    """Wrong codes allowed back to back before the host starts backing off (a typo is not an attack)."""
    first_backoff: float = 1.0
    """Seconds the host checks no code after the first wrong code past the free ones; doubling after each."""
    longest_backoff: float = 60.0
    tell_host_every: int = 5
    """The interviewer is told after this many wrong codes in a row, and again after each as many more."""

    def backoff(self, failures: int) -> float:
        """Seconds without checking a code after `failures` wrong codes in a row."""
        beyond = failures - self.free_attempts
        if beyond <= 0:
            return 0.0
        return min(self.first_backoff * 2 ** (beyond - 1), self.longest_backoff)
