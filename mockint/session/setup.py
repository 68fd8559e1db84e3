"""How a run is set up, and what it reports as it goes: options, the new record, events, errors.

`new_record` is the one place that walks a pack: it copies what the run needs
into the session record, so the engine (engine.py) never reads the pack.
Pure module: no textual import.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum

import msgspec

from mockint.core.model import Pack, Question, Round
from mockint.session.record import (
    ChallengeRecord,
    Mode,
    QuestionRecord,
    RoundRecord,
    Rules,
    SessionRecord,
)


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


class EngineError(Exception):
    """A command that does not fit the session's state; the message is user-facing."""


class ReplayError(Exception):
    """A journal that does not replay: a step that does not fit, or a decision it lacks."""


def select_rounds(pack: Pack, options: SessionOptions) -> list[Round]:
    """The rounds to run, with questions shuffled reproducibly by `options.seed` when asked."""
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
    return msgspec.structs.replace(round_, questions=tuple(questions))


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
            ChallengeRecord(ask=c.ask, limit=c.time, at=c.at, unless_mentioned=c.unless_mentioned, guide=c.guide)
            for c in question.challenges
        ],
        anchors=dict(question.anchors),
        reference=question.reference,
        facts=question.facts,
        hint_after=question.hint_unlocked_after,
        explicit_id=question.explicit_id,
    )


def new_record(pack: Pack, options: SessionOptions, wall: datetime) -> SessionRecord:
    """The record of a run of `pack` about to start at `wall`: the rounds to run, copied, and the rules."""
    if options.shuffle and options.seed is None:
        # Record the seed actually used so a shuffled run can be repeated.
        options = replace(options, seed=random.randrange(1, 2**31))
    return SessionRecord(
        pack_name=pack.name,
        pack_title=pack.title,
        role=pack.role,
        mode=options.mode,
        started_wall=wall,
        rounds=[_round_record(r) for r in select_rounds(pack, options)],
        rules=Rules.for_mode(options.mode, options.pair),
        candidate=options.candidate,
        interviewer=options.interviewer,
        pair=options.pair,
        seed=options.seed if options.shuffle else None,
        checklist=pack.checklist,
    )


def _round_record(round_: Round) -> RoundRecord:
    return RoundRecord(
        round_id=round_.id,
        title=round_.title,
        interviewer=round_.interviewer.name,
        questions=[_question_record(q) for q in round_.questions],
        interviewer_style=round_.interviewer.style,
        intro=round_.intro,
        budget=round_.total_time,
        checklist=round_.checklist,
    )


def swapped_options(record: SessionRecord, round_ids: tuple[str, ...]) -> tuple[SessionOptions, str]:
    """The next pair interview after `record`, names swapped: on the rounds of `round_ids` (the pack's) that the new
    candidate did not just see as the interviewer, or on all of them when none is left; and what to tell them."""
    seen = {r.round_id for r in record.rounds if any(q.reached for q in r.questions)}
    unseen = tuple(round_id for round_id in round_ids if round_id not in seen)
    options = SessionOptions(
        mode=record.mode, round_ids=unseen or round_ids, candidate=record.interviewer, interviewer=record.candidate,
        pair=True,
    )
    who = record.interviewer or "The new candidate"
    if unseen:
        rounds = "1 round" if len(unseen) == 1 else f"{len(unseen)} rounds"
        return options, f"{who} answers now, on the {rounds} not just seen as the interviewer."
    return options, f"{who} has seen every round as the interviewer; they all run again."
