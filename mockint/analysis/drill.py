"""Spaced drills: a practice round of past questions, the weakest and those due again first.

The rule (the README states it too):

- A question is drilled while its latest attempt was weak: skipped, cut off at
  the time limit or left without an answer, rated poor or mixed (the lower of
  the candidate's and the interviewer's level), or under half of its checklist
  ticked.
- It is due again 1, 3, 7 and then every 14 days after that attempt, by how many
  of its attempts in a row were weak (one: after a day; two: after 3 days...).
- Due questions come first, then those not due yet; within each, the weakest
  first (how it ended, then its rating, then its checklist), then the longest
  overdue. The first `count` are picked, all from one pack: the one asked for,
  or that of the first question picked.

A drill asks the pack's current version of each question, or the copy saved
with its last attempt when the pack no longer has it. Pure module: no textual import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from msgspec.structs import replace

from mockint.analysis.attempts import QuestionHistory, question_key
from mockint.analysis.insights import counted
from mockint.analysis.practise import OUTCOME_RANK, UNRATED_RANK
from mockint.core.model import Challenge, Interviewer, Pack, Question, Round
from mockint.session.record import QuestionRecord

INTERVALS_DAYS = (1, 3, 7, 14)
"""Days from a weak attempt until the question is due again, by how many weak attempts in a row."""
DEFAULT_COUNT = 5
DRILL_ROUND_ID = "drill"
NOTHING_TO_DRILL = (
    "Nothing to drill: no question's latest attempt was weak (skipped, cut off, no answer typed, rated poor or mixed,"
    " or under half its checklist ticked). Questions from finished interviews come here once they are."
)


@dataclass(frozen=True)
class DrillPick:
    history: QuestionHistory
    weak_in_a_row: int
    due_on: datetime
    due: bool
    reasons: tuple[str, ...]
    """Why it was picked, in words: the latest attempt's weaknesses, then when it is due."""

    @property
    def question(self) -> QuestionRecord:
        return self.history.latest.question


def weak_in_a_row(history: QuestionHistory) -> int:
    count = 0
    for attempt in reversed(history.attempts):
        if not attempt.weak:
            break
        count += 1
    return count


def interval(weak_count: int) -> timedelta:
    return timedelta(days=INTERVALS_DAYS[min(weak_count, len(INTERVALS_DAYS)) - 1])


def drill_picks(
    histories: Sequence[QuestionHistory], now: datetime, count: int = DEFAULT_COUNT, pack: str | None = None
) -> list[DrillPick]:
    """The questions a drill asks, in order, each with why (see the module's rule)."""
    candidates = [_pick(history, now) for history in histories if pack is None or history.key.pack == pack]
    picks = sorted((c for c in candidates if c is not None), key=_order)
    if picks:
        chosen_pack = picks[0].history.key.pack
        picks = [pick for pick in picks if pick.history.key.pack == chosen_pack]
    return picks[:count]


def _pick(history: QuestionHistory, now: datetime) -> DrillPick | None:
    weak_count = weak_in_a_row(history)
    if not weak_count:
        return None
    latest = history.latest
    due_on = latest.started + interval(weak_count)
    due = now >= due_on
    ago = _days(now - latest.started)
    every = _days(interval(weak_count))
    if due:
        timing = f"due: last tried {ago} ago, due {every} after a weak attempt"
    else:
        timing = f"not due until {due_on.astimezone():%Y-%m-%d} (last tried {ago} ago): fills the drill"
    row = [f"weak {weak_count} times in a row"] if weak_count > 1 else []
    return DrillPick(history, weak_count, due_on, due, (*latest.weaknesses(), *row, timing))


def _order(pick: DrillPick) -> tuple:
    latest = pick.history.latest
    rating = latest.rating
    score = latest.checklist_score
    return (
        not pick.due,
        OUTCOME_RANK.get(latest.outcome, len(OUTCOME_RANK)),
        UNRATED_RANK if rating is None or rating.points is None else rating.points,
        2.0 if score is None else score,
        pick.due_on,
    )


def _days(span: timedelta) -> str:
    days = span.days
    if days < 1:
        return "less than a day"
    return counted(days, "day")


# -- the drill's round -------------------------------------------------------------


def drill_pack(picks: Sequence[DrillPick], current: Pack | None, title: str) -> Pack:
    """A pack of one round asking the picks in order, named as the pack they come from so their history goes on.

    Each question is `current`'s version when it still has it (by the same identity), else its saved copy.
    """
    by_key = {}
    if current is not None:
        for round_ in current.rounds:
            for question in round_.questions:
                by_key[question_key(current.name, _as_record(question))] = question
    questions = _unique_ids([by_key.get(pick.history.key) or saved_question(pick.question) for pick in picks])
    round_ = Round(
        id=DRILL_ROUND_ID,
        title=f"Drill: {title}",
        questions=tuple(questions),
        interviewer=Interviewer(name="Drill"),
        intro="Questions from your past interviews that were weak, the weakest and those due again first.",
    )
    name = picks[0].history.key.pack if picks else (current.name if current else DRILL_ROUND_ID)
    return Pack(name=name, title=f"Drill: {title}", rounds=(round_,), role=current.role if current else "")


def saved_question(record: QuestionRecord) -> Question:
    """The question as a past session saved it, to be asked again."""
    return Question(
        id=record.question_id,
        ask=record.ask,
        time=record.limit,
        guide=record.guide,
        keywords=record.keywords,
        hint=record.hint,
        challenges=tuple(
            Challenge(ask=c.ask, time=c.limit, at=c.at, unless_mentioned=c.unless_mentioned, guide=c.guide)
            for c in record.challenges
        ),
        checklist=record.checklist,
        anchors=dict(record.anchors),
        reference=record.reference,
        facts=record.facts,
        hint_after=record.hint_after,
        explicit_id=record.explicit_id,
    )


def _as_record(question: Question) -> QuestionRecord:
    """Just what a question's identity needs of it."""
    return QuestionRecord(question_id=question.id, ask=question.ask, limit=question.time, explicit_id=question.explicit_id)


def _unique_ids(questions: list[Question]) -> list[Question]:
    """Questions of different rounds may share an id by position (q1): one round needs each once.

    Such a question's history goes by its text, so another id changes nothing for it.
    """
    taken = {q.id for q in questions if q.explicit_id}
    unique = []
    for question in questions:
        if not question.explicit_id:
            number = 1
            while f"q{number}" in taken:
                number += 1
            question = replace(question, id=f"q{number}")
            taken.add(question.id)
        unique.append(question)
    return unique
