"""The interview model: packs of rounds of questions with scripted challenges.

These are plain immutable values built by the loader; nothing here reads files
or knows about the terminal. They are msgspec structs, the codec's own kind of
value, as the session's are: the round cache reads them back with every field
checked, and defining them costs a launch a fraction of what dataclasses did.
Pure module: no textual import.
"""

from __future__ import annotations

from pathlib import Path

import msgspec

from mockint.core.ratings import Rating


class Term(msgspec.Struct, frozen=True):
    """A keyword or an `unless_mentioned` item: one or more ways of saying the same thing.

    It counts once when any of its alternatives is mentioned; the first is its
    name, the one shown.
    """

    alternatives: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.alternatives[0]

    @classmethod
    def of(cls, *alternatives: str) -> Term:
        return cls(alternatives)


class Challenge(msgspec.Struct, frozen=True):
    """A scripted follow-up: the interviewer pushing back on an answer."""

    ask: str
    time: int
    """Seconds allowed for answering the challenge."""
    at: int | None = None
    """If set, the challenge interrupts the main answer this many seconds in."""
    unless_mentioned: tuple[Term, ...] = ()
    """If set, the challenge is posed only when the answer mentions none of these."""
    guide: tuple[str, ...] = ()
    """What a good answer to this pushback contains: the interviewer's kit."""


class Question(msgspec.Struct, frozen=True):
    id: str
    ask: str
    time: int
    """Seconds allowed for the main answer."""
    guide: tuple[str, ...] = ()
    keywords: tuple[Term, ...] = ()
    hint: str | None = None
    challenges: tuple[Challenge, ...] = ()
    checklist: tuple[str, ...] = ()
    anchors: dict[Rating, str] = msgspec.field(default_factory=dict)
    """What an answer at each of the rating scale's levels contains: the levels a file gives, lowest first."""
    reference: str | None = None
    """A reference answer, in prose."""
    facts: tuple[str, ...] = ()
    """What the interviewer may tell the candidate if asked."""
    hint_after: int | None = None
    """Seconds into the question before a partner may give the hint; None for the default."""
    explicit_id: bool = True
    """The round file gives the id; False for the default by position (q1, q2...)."""
    id_at: tuple[int, int] | None = None
    """The line and column of the `id` its round file gives, when read from one."""

    @property
    def hint_unlocked_after(self) -> int:
        """When the hint unlocks in pair mode: `hint_after`, or a third of the question's time."""
        return self.hint_after if self.hint_after is not None else self.time // 3


class Interviewer(msgspec.Struct, frozen=True):
    name: str = "Interviewer"
    style: str = ""


class Round(msgspec.Struct, frozen=True):
    id: str
    """The round file's stem, e.g. `01-fundamentals`; used by `--round`."""
    title: str
    questions: tuple[Question, ...]
    interviewer: Interviewer = msgspec.field(default_factory=Interviewer)
    intro: str = ""
    time: int | None = None
    """Soft budget for the whole round, in seconds."""
    checklist: tuple[str, ...] = ()
    source: Path | None = None

    @property
    def total_time(self) -> int:
        """The round's budget if given, else the sum of its answer and challenge times."""
        if self.time is not None:
            return self.time
        return sum(q.time + sum(c.time for c in q.challenges) for q in self.questions)


class Pack(msgspec.Struct, frozen=True):
    """An interview: a folder of round files, optionally described by interview.yaml."""

    name: str
    """The folder name (or a lone round file's stem); what `mockint run NAME` takes."""
    title: str
    rounds: tuple[Round, ...]
    role: str = ""
    description: str = ""
    checklist: tuple[str, ...] = ()
    source: Path | None = None
    origin: str = ""
    """Where the pack was found: `--rounds`, `MOCKINT_ROUNDS`, `user` or `bundled`."""

    @property
    def question_count(self) -> int:
        return sum(len(r.questions) for r in self.rounds)

    @property
    def total_time(self) -> int:
        return sum(r.total_time for r in self.rounds)

    def round_by_id(self, round_id: str) -> Round | None:
        return next((r for r in self.rounds if r.id == round_id), None)


INTERVIEW_FILE = "interview.yaml"
"""The optional file in a pack folder that describes the pack (not a round)."""


class InterviewMeta(msgspec.Struct, frozen=True):
    """What interview.yaml says about a pack; `title` is None when it gives none."""

    title: str | None = None
    role: str = ""
    description: str = ""
    checklist: tuple[str, ...] = ()
    source: Path | None = None
