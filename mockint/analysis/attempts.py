"""A question's attempts across saved sessions, for comparing them and for drills.

A question keeps its identity across sessions by its pack's name and its id:
reordering or moving it between a pack's files keeps its history, renaming the
pack starts a new one. A question whose file gives it no id (its id is then
its position, q1, q2...) goes by its text instead, so editing its wording
starts a new history. Pure module: no textual import.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from mockint.analysis.insights import AnswerInsights, answer_insights
from mockint.analysis.practise import LOW_COVERAGE, WEAK_RATINGS, checklist_score, lowest_rating, outcome_reason
from mockint.core.ratings import LEVELS, Rating
from mockint.session.record import Outcome, QuestionRecord, Reflection, Role, SessionRecord

TEXT_KEY_PREFIX = "text:"


@dataclass(frozen=True)
class Scale:
    """A figure's whole range. A chart places each value on it, not between the lowest and highest values it
    happens to have: attempts rated mixed and then good are middling both, not nothing and then everything."""

    low: float
    high: float

    def share(self, value: float) -> float:
        """Where `value` lies on the scale: 0.0 at its low end, 1.0 at its high end."""
        return min(1.0, max(0.0, (value - self.low) / (self.high - self.low)))


RATING_SCALE = Scale(1, len(LEVELS))
"""Rating.points: poor 1 to excellent 4."""
COVERAGE_SCALE = Scale(0, 100)
"""Attempt.coverage_percent."""


@dataclass(frozen=True, order=True)
class QuestionKey:
    """Which question this is, whatever session asked it."""

    pack: str
    question: str
    """The question's id, or `text:` and a hash of its text when its file gives it no id."""


def question_key(pack: str, question: QuestionRecord) -> QuestionKey:
    if question.explicit_id:
        return QuestionKey(pack, question.question_id)
    text = " ".join(question.ask.split()).casefold()
    return QuestionKey(pack, TEXT_KEY_PREFIX + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16])


@dataclass(frozen=True)
class Attempt:
    """One session's go at a question, with the figures the attempts are compared by."""

    session_id: str
    started: datetime
    pack_title: str
    candidate: str
    question: QuestionRecord
    """The question as that session asked it (its saved copy)."""
    assessed: bool
    """Its round was assessed: its checklist counts."""
    reflection: Reflection
    """The round's keep / stop / start, the candidate's own."""
    pair: bool = False
    """A pair run's: the question's text is the interviewer's notes, and the interviewer counted what was heard."""

    @cached_property
    def insights(self) -> AnswerInsights:
        """Worked out when asked for: a drill over a long history needs none of them."""
        return answer_insights(self.question)

    @property
    def outcome(self) -> Outcome:
        return self.question.outcome

    @property
    def checklist_score(self) -> float | None:
        return checklist_score(self.question, self.assessed)

    @property
    def coverage(self) -> float | None:
        return self.insights.coverage

    @property
    def rating(self) -> Rating | None:
        """The lower of the candidate's and the interviewer's level (see practise.lowest_rating)."""
        return lowest_rating(self.question)

    @property
    def rating_points(self) -> float | None:
        """The attempt's (lower) level as points; None when it had none."""
        rating = self.rating
        return float(rating.points) if rating is not None and rating.points is not None else None

    @property
    def coverage_percent(self) -> float | None:
        """The mean of the keyword coverage and the checklist ticked, as far as the question has them; None when
        it has neither (nothing to cover is not 0 % covered)."""
        parts = [part for part in (self.coverage, self.checklist_score) if part is not None]
        return 100 * sum(parts) / len(parts) if parts else None

    def rating_of(self, role: Role) -> Rating | None:
        return self.question.assessment(role).rating

    def weaknesses(self) -> list[str]:
        """Why this attempt was weak, in words; empty when it was not."""
        reasons = []
        outcome = outcome_reason(self.outcome, self.pair)
        if outcome is not None:
            reasons.append(outcome)
        if self.rating in WEAK_RATINGS:
            reasons.append(f"rated {self.rating.label.lower()}")  # type: ignore[union-attr]
        score = self.checklist_score
        if score is not None and score < LOW_COVERAGE:
            ticked = len(self.question.checked & set(self.question.checklist))
            reasons.append(f"checklist {ticked}/{len(self.question.checklist)}")
        return reasons

    @property
    def weak(self) -> bool:
        return bool(self.weaknesses())


@dataclass(frozen=True)
class QuestionHistory:
    key: QuestionKey
    attempts: tuple[Attempt, ...]
    """Oldest first."""

    @property
    def latest(self) -> Attempt:
        return self.attempts[-1]


def question_histories(records: Iterable[SessionRecord]) -> list[QuestionHistory]:
    """Every question asked in `records` (reached, not merely listed), with its attempts oldest first,
    the questions in the order of their latest attempt, newest first."""
    found: dict[QuestionKey, list[Attempt]] = {}
    for record in records:
        for round_ in record.rounds:
            for question in round_.questions:
                if question.reached:
                    attempt = Attempt(
                        record.id, record.started_wall, record.pack_title, record.candidate, question,
                        round_.assessed, round_.reflection, record.pair,
                    )
                    found.setdefault(question_key(record.pack_name, question), []).append(attempt)
    histories = [QuestionHistory(key, tuple(sorted(attempts, key=lambda a: a.started))) for key, attempts in found.items()]
    return sorted(histories, key=lambda history: history.latest.started, reverse=True)
