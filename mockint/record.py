"""What an interview run leaves behind: the record transcripts and history are made from.

The session engine fills these in as things happen; exporters and the journal
only read them. Times are seconds; `*_at` offsets are seconds since the session
started (monotonic), so a record never depends on the machine's wall clock
except for `started_wall`. Pure module: no textual import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum


class Mode(str, Enum):
    PRACTICE = "practice"
    PRESSURE = "pressure"


class ChallengeStatus(str, Enum):
    PENDING = "pending"
    ANSWERED = "answered"
    SKIPPED = "skipped"
    NOT_NEEDED = "not_needed"
    """The answer already mentioned one of the challenge's `unless_mentioned` terms."""
    NOT_REACHED = "not_reached"
    """The question ended (skip, quit) before the challenge could be posed."""


class Outcome(str, Enum):
    """How a question ended, as the summary and transcripts report it."""

    ANSWERED = "answered"
    NO_ANSWER = "no_answer"
    """Marked done with nothing typed (the candidate may have spoken it aloud)."""
    CUT_OFF = "timed_out"
    """Pressure mode moved on at the time limit."""
    SKIPPED = "skipped"
    NOT_REACHED = "not_reached"


@dataclass
class ChallengeRecord:
    ask: str
    limit: int
    at: int | None = None
    unless_mentioned: tuple[str, ...] = ()
    status: ChallengeStatus = ChallengeStatus.PENDING
    answer: str = ""
    time_used: float = 0.0
    interrupted: bool = False
    """Posed as an interruption in the middle of the main answer."""
    auto_advanced: bool = False
    """Pressure mode cut the answer off at its time limit."""
    mentioned: tuple[str, ...] = ()
    """For a not-needed challenge: the terms the answer already mentioned."""

    @property
    def overtime(self) -> float:
        return max(0.0, self.time_used - self.limit)

    @property
    def posed(self) -> bool:
        return self.status in (ChallengeStatus.ANSWERED, ChallengeStatus.SKIPPED)


@dataclass
class QuestionRecord:
    question_id: str
    ask: str
    limit: int
    guide: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    hint: str | None = None
    checklist: tuple[str, ...] = ()
    challenges: list[ChallengeRecord] = field(default_factory=list)
    answer: str = ""
    time_used: float = 0.0
    started_at: float | None = None
    hint_used: bool = False
    skipped: bool = False
    auto_advanced: bool = False
    reached: bool = False
    """False for questions never shown (the candidate quit before them)."""
    checked: set[str] = field(default_factory=set)
    """Checklist items the candidate ticked in the self-assessment."""
    rating: int | None = None
    """Self rating, 1-5."""
    interviewer_rating: int | None = None
    interviewer_notes: str = ""

    @property
    def overtime(self) -> float:
        return max(0.0, self.time_used - self.limit)

    @property
    def total_time_used(self) -> float:
        return self.time_used + sum(c.time_used for c in self.challenges)

    @property
    def total_limit(self) -> int:
        return self.limit + sum(c.limit for c in self.challenges if c.posed)

    @property
    def outcome(self) -> Outcome:
        if not self.reached:
            return Outcome.NOT_REACHED
        if self.skipped:
            return Outcome.SKIPPED
        if self.auto_advanced:
            return Outcome.CUT_OFF
        return Outcome.ANSWERED if self.answer.strip() else Outcome.NO_ANSWER

    @property
    def posed_challenges(self) -> list[ChallengeRecord]:
        return [c for c in self.challenges if c.posed]


@dataclass
class Reflection:
    keep: str = ""
    stop: str = ""
    start: str = ""

    def is_empty(self) -> bool:
        return not (self.keep.strip() or self.stop.strip() or self.start.strip())


@dataclass
class RoundRecord:
    round_id: str
    title: str
    interviewer: str
    questions: list[QuestionRecord]
    checklist: tuple[str, ...] = ()
    checked: set[str] = field(default_factory=set)
    reflection: Reflection = field(default_factory=Reflection)
    assessed: bool = False


@dataclass
class PauseInterval:
    start: float
    end: float | None = None

    @property
    def length(self) -> float:
        return 0.0 if self.end is None else self.end - self.start


@dataclass
class SessionRecord:
    pack_name: str
    pack_title: str
    role: str
    mode: Mode
    started_wall: datetime
    rounds: list[RoundRecord]
    candidate: str = ""
    interviewer: str = ""
    """The human interviewer's name in pair mode; empty when solo."""
    pair: bool = False
    seed: int | None = None
    """The shuffle seed, so a shuffled run can be repeated."""
    checklist: tuple[str, ...] = ()
    checked: set[str] = field(default_factory=set)
    pauses: list[PauseInterval] = field(default_factory=list)
    ended_early: bool = False
    finished: bool = False
    duration: float = 0.0
    """Seconds from start to the end of the last question (pauses excluded)."""

    def questions(self) -> list[QuestionRecord]:
        return [q for r in self.rounds for q in r.questions]
