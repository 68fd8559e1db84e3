"""Where a session stands: one small, frozen, serialisable value.

The state says which round, question and challenge are on, and holds the
running clock as time used plus the offset (seconds since the session's start)
at which it last started running, never an absolute clock reading. A clock
that is not running while its question or challenge is on means the session is
paused; an answer interrupted by a challenge keeps its own clock, held, inside
the challenge's state. So a paused intro, a challenge without a question, or
two clocks running at once cannot be written down. What was typed is not here
but in the record (see mockint.session.commands.EditDraft). Pure module: no textual import.
"""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

from msgspec import Struct


class Phase(str, Enum):
    """The kind of a state, for code that only needs to know which screen to show."""

    NOT_STARTED = "not_started"
    ROUND_INTRO = "round_intro"
    ANSWERING = "answering"
    CHALLENGE = "challenge"
    REVIEW = "review"
    """The guide is shown after the question is done (practice and pair modes)."""
    ASSESSMENT = "assessment"
    FINISHED = "finished"


class Countdown(Struct, frozen=True):
    """An answer's clock: `limit` seconds, `used` of them up to offset `since`, running from then.

    Remaining time is always computed from the offset asked about, never by
    counting ticks, so a late tick cannot make it drift. `since` is None while
    the clock is held (paused, or its answer interrupted).
    """

    limit: float
    used: float = 0.0
    since: float | None = None

    @property
    def running(self) -> bool:
        return self.since is not None

    def used_at(self, at: float) -> float:
        return self.used if self.since is None else self.used + (at - self.since)

    def remaining_at(self, at: float) -> float:
        """Seconds left at offset `at`; negative once past the deadline (overtime)."""
        return self.limit - self.used_at(at)

    def moment_of(self, used: float) -> float | None:
        """The offset at which `used` seconds will have run; None while held."""
        return None if self.since is None else self.since + (used - self.used)

    def deadline(self) -> float | None:
        return self.moment_of(self.limit)

    def held(self, at: float) -> Countdown:
        return Countdown(self.limit, self.used_at(at), None)

    def running_from(self, at: float) -> Countdown:
        return Countdown(self.limit, self.used, at)


class NotStarted(Struct, frozen=True, tag="not_started", tag_field="kind"):
    phase: ClassVar[Phase] = Phase.NOT_STARTED


class Introducing(Struct, frozen=True, tag="introducing", tag_field="kind"):
    """A round's intro: who interviews and how; the round begins when the candidate is ready."""

    phase: ClassVar[Phase] = Phase.ROUND_INTRO
    round: int


class Answering(Struct, frozen=True, tag="answering", tag_field="kind"):
    phase: ClassVar[Phase] = Phase.ANSWERING
    round: int
    question: int
    clock: Countdown

    @property
    def paused(self) -> bool:
        return not self.clock.running


class Challenging(Struct, frozen=True, tag="challenging", tag_field="kind"):
    phase: ClassVar[Phase] = Phase.CHALLENGE
    round: int
    question: int
    challenge: int
    clock: Countdown
    interrupted: Countdown | None = None
    """The main answer's clock, held, when this challenge interrupts the answer; None when posed after it."""

    @property
    def paused(self) -> bool:
        return not self.clock.running


class Reviewing(Struct, frozen=True, tag="reviewing", tag_field="kind"):
    phase: ClassVar[Phase] = Phase.REVIEW
    round: int
    question: int


class Assessing(Struct, frozen=True, tag="assessing", tag_field="kind"):
    phase: ClassVar[Phase] = Phase.ASSESSMENT
    round: int


class Finished(Struct, frozen=True, tag="finished", tag_field="kind"):
    phase: ClassVar[Phase] = Phase.FINISHED


State = NotStarted | Introducing | Answering | Challenging | Reviewing | Assessing | Finished
Timed = Answering | Challenging
TIMED = (Answering, Challenging)
"""The states with a clock running against the candidate (isinstance takes the tuple)."""
