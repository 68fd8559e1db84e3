"""The vocabulary of an interview run: phases, events, options, and how a run is set up.

The SessionEngine (engine.py) moves through these; this module builds the
rounds to run and the empty SessionRecord it fills in. Pure module: no textual
import.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from enum import Enum

from mockint.clock import Clock
from mockint.model import Pack, Question, Round
from mockint.record import (
    ChallengeRecord,
    ChallengeStatus,
    Mode,
    QuestionRecord,
    Reflection,
    RoundRecord,
    SessionRecord,
)


class Phase(str, Enum):
    NOT_STARTED = "not_started"
    ROUND_INTRO = "round_intro"
    ANSWERING = "answering"
    CHALLENGE = "challenge"
    REVIEW = "review"
    """Practice mode: the guide is revealed after the question is done."""
    ASSESSMENT = "assessment"
    FINISHED = "finished"


class EventKind(str, Enum):
    STARTED = "started"
    ROUND_STARTED = "round_started"
    QUESTION_SHOWN = "question_shown"
    ANSWER_SUBMITTED = "answer_submitted"
    QUESTION_SKIPPED = "question_skipped"
    HINT_GIVEN = "hint_given"
    PAUSED = "paused"
    RESUMED = "resumed"
    TIME_UP = "time_up"
    CHALLENGE_POSED = "challenge_posed"
    CHALLENGE_ANSWERED = "challenge_answered"
    CHALLENGE_SKIPPED = "challenge_skipped"
    CHALLENGE_NOT_NEEDED = "challenge_not_needed"
    ROUND_ASSESSED = "round_assessed"
    FINISHED = "finished"
    QUIT = "quit"


@dataclass(frozen=True)
class Event:
    kind: EventKind
    at: float
    """Seconds since the session started."""
    round_index: int = 0
    question_index: int = 0
    challenge_index: int | None = None


@dataclass(frozen=True)
class SessionOptions:
    mode: Mode = Mode.PRACTICE
    round_ids: tuple[str, ...] = ()
    """Rounds to include, by id; empty means all, in pack order."""
    shuffle: bool = False
    seed: int | None = None
    candidate: str = ""
    interviewer: str = ""
    pair: bool = False


@dataclass
class RoundAssessment:
    """The candidate's self-assessment of one round."""

    question_checks: dict[str, set[str]] = field(default_factory=dict)
    ratings: dict[str, int] = field(default_factory=dict)
    round_checks: set[str] = field(default_factory=set)
    interview_checks: set[str] = field(default_factory=set)
    reflection: Reflection = field(default_factory=Reflection)


class EngineError(Exception):
    """An action that does not fit the session's state; the message is user-facing."""


def select_rounds(pack: Pack, options: SessionOptions) -> list[Round]:
    """The rounds to run, with questions shuffled reproducibly when asked."""
    rounds = list(pack.rounds)
    if options.round_ids:
        unknown = [rid for rid in options.round_ids if pack.round_by_id(rid) is None]
        if unknown:
            known = ", ".join(r.id for r in pack.rounds)
            raise EngineError(f"unknown round {unknown[0]!r} in {pack.name}; rounds are: {known}")
        rounds = [r for r in rounds if r.id in options.round_ids]
    if options.shuffle:
        rng = random.Random(options.seed)
        rounds = [_shuffled(r, rng) for r in rounds]
    return rounds


def _shuffled(round_: Round, rng: random.Random) -> Round:
    questions = list(round_.questions)
    rng.shuffle(questions)
    return replace(round_, questions=tuple(questions))


def _question_record(question: Question) -> QuestionRecord:
    return QuestionRecord(
        question_id=question.id,
        ask=question.ask,
        limit=question.time,
        guide=question.guide,
        keywords=question.keywords,
        hint=question.hint,
        checklist=question.checklist,
        challenges=[
            ChallengeRecord(ask=c.ask, limit=c.time, at=c.at, unless_mentioned=c.unless_mentioned)
            for c in question.challenges
        ],
    )


def new_record(pack: Pack, rounds: list[Round], options: SessionOptions, clock: Clock) -> SessionRecord:
    return SessionRecord(
        pack_name=pack.name,
        pack_title=pack.title,
        role=pack.role,
        mode=options.mode,
        started_wall=clock.wall(),
        rounds=[
            RoundRecord(
                round_id=r.id,
                title=r.title,
                interviewer=r.interviewer.name,
                questions=[_question_record(q) for q in r.questions],
                checklist=r.checklist,
            )
            for r in rounds
        ],
        candidate=options.candidate,
        interviewer=options.interviewer,
        pair=options.pair,
        seed=options.seed if options.shuffle else None,
        checklist=pack.checklist,
    )
