"""Practise next: the few questions of a run most worth another go, each with the facts that put it there.

Only recorded facts count (how a question ended, ratings, ticks, time, keyword
evidence); nothing here judges the answer's quality. Pure module: no textual import.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from mockint.core.durations import format_duration
from mockint.core.ratings import Rating
from mockint.analysis.insights import AnswerInsights, SessionInsights, counted, session_insights
from mockint.session.record import Outcome, QuestionRecord, SessionRecord

PRACTISE_NEXT_LIMIT = 3
WEAK_RATINGS = (Rating.POOR, Rating.MIXED)
"""Ratings that mark a question for practice."""
UNRATED_RANK = Rating.MIXED.points + 0.5  # type: ignore[operator]
"""Where a question without a level (not rated, or no evidence) sorts among ratings: after mixed, before good."""
LOW_COVERAGE = 0.5
"""Mentioning fewer than this fraction of a question's keywords marks it for practice."""
OVERTIME_GRACE = 1.0
"""Less than a second over is rounding, not overtime."""

OUTCOME_RANK = {Outcome.SKIPPED: 0, Outcome.NO_ANSWER: 1, Outcome.CUT_OFF: 2, Outcome.ANSWERED: 3}
"""How a question ended, worst first: nothing given beats everything else."""
OUTCOME_REASONS = {
    Outcome.SKIPPED: "skipped",
    Outcome.NO_ANSWER: "no answer typed",
    Outcome.CUT_OFF: "cut off at the time limit",
}
NO_NOTES_REASON = "no notes taken"
"""A pair run's `Outcome.NO_ANSWER`: its text is the interviewer's notes, and none were taken."""


def outcome_reason(outcome: Outcome, pair: bool) -> str | None:
    """Why how the question ended puts it on the list, in words; None when it does not."""
    if pair and outcome is Outcome.NO_ANSWER:
        return NO_NOTES_REASON
    return OUTCOME_REASONS.get(outcome)


def checklist_score(question: QuestionRecord, assessed: bool) -> float | None:
    """Fraction of the question's checklist ticked; None without a checklist or an assessment."""
    if not question.checklist or not assessed:
        return None
    return len(question.checked & set(question.checklist)) / len(question.checklist)


def lowest_rating(question: QuestionRecord) -> Rating | None:
    """The lower of the self and interviewer levels: the more cautious view wins.

    No evidence is not a level: it counts only when neither gave one. None when neither rated.
    """
    ratings = [r for r in (question.rating, question.interviewer_rating) if r is not None]
    levels = [r for r in ratings if r.points is not None]
    if levels:
        return min(levels, key=lambda r: r.points or 0)
    return Rating.NO_EVIDENCE if ratings else None


def overtime(question: QuestionRecord) -> float:
    """Seconds over the limit, main answer and challenges together."""
    return question.overtime + sum(c.overtime for c in question.challenges)


@dataclass(frozen=True)
class PractiseItem:
    round_index: int
    """Index into SessionRecord.rounds."""
    question: QuestionRecord
    reasons: tuple[str, ...]


def practise_next(
    record: SessionRecord, limit: int = PRACTISE_NEXT_LIMIT, totals: SessionInsights | None = None
) -> list[PractiseItem]:
    """The weakest questions, worst first, each with the facts that put it there.

    A reached question is a candidate when at least one of these holds: it was
    skipped, marked done with no answer typed, or cut off at the time limit;
    its lowest rating (self or interviewer) is poor or mixed; not all of
    its checklist was ticked (counted when its round was assessed, or when the
    question was left unrated); it ran over time (answer or challenges); fewer
    than LOW_COVERAGE of its keywords were mentioned in what was typed.

    Candidates are ordered by: how the question ended (skipped, then no answer
    typed (in a pair run, no notes taken), then cut off, then answered), then lowest rating (a question not
    rated, or rated no evidence, sorts between mixed and good), then lowest checklist score, then most
    overtime, then lowest keyword coverage, then interview order; the first
    `limit` are returned. Keep content.practise_rule, which transcripts print,
    in step with this. Pass `totals` to reuse insights already computed for
    the record.
    """
    totals = totals if totals is not None else session_insights(record)
    scored = []
    for position, (round_index, question) in enumerate(_reached(record)):
        facts = _Facts.of(question, totals.of(question), record.rounds[round_index].assessed)
        if facts.worth_practising():
            scored.append((facts.key(position), round_index, facts))
    scored.sort(key=lambda entry: entry[0])
    # Reasons are wording: only the few questions that are listed need it.
    return [PractiseItem(r, facts.question, facts.reasons(record.pair)) for _, r, facts in scored[:limit]]


def _reached(record: SessionRecord) -> list[tuple[int, QuestionRecord]]:
    return [(i, q) for i, r in enumerate(record.rounds) for q in r.questions if q.reached]


class _Facts(NamedTuple):
    """What puts one question on the practise-next list, each fact worked out once."""

    question: QuestionRecord
    outcome: Outcome
    covered: int
    coverage: float | None
    """None without keywords, or when nothing was typed (the outcome already says so)."""
    rating: Rating | None
    score: float | None
    overtime: float

    @classmethod
    def of(cls, question: QuestionRecord, insights: AnswerInsights, assessed: bool) -> _Facts:
        rating = lowest_rating(question)
        return cls(
            question,
            question.outcome,
            len(insights.covered),
            insights.coverage if insights.words or insights.characters else None,
            rating,
            # An unrated question was not assessed either way: its unticked items still count.
            checklist_score(question, assessed or rating is None),
            overtime(question),
        )

    def worth_practising(self) -> bool:
        """True when reasons() would give at least one reason."""
        return (
            self.outcome in OUTCOME_REASONS
            or self.rating in WEAK_RATINGS
            or (self.score is not None and self.score < 1)
            or self.overtime >= OVERTIME_GRACE
            or (self.coverage is not None and self.coverage < LOW_COVERAGE)
        )

    def key(self, position: int) -> tuple:
        return (
            OUTCOME_RANK.get(self.outcome, len(OUTCOME_RANK)),
            UNRATED_RANK if self.rating is None or self.rating.points is None else self.rating.points,
            2.0 if self.score is None else self.score,
            -self.overtime,
            2.0 if self.coverage is None else self.coverage,
            position,
        )

    def reasons(self, pair: bool) -> tuple[str, ...]:
        """The facts in words; in a pair run (`pair`) an empty text is notes not taken."""
        question, reasons = self.question, []
        outcome = outcome_reason(self.outcome, pair)
        if outcome is not None:
            reasons.append(outcome)
        if self.rating in WEAK_RATINGS:
            reasons.append(f"rated {self.rating.label.lower()}")  # type: ignore[union-attr]
        if self.score is not None and self.score < 1:
            if self.rating is None:
                reasons.append("not rated")
            elif self.rating is Rating.NO_EVIDENCE:
                reasons.append("no evidence")
            ticked = len(question.checked & set(question.checklist))
            reasons.append(f"checklist {ticked}/{len(question.checklist)}")
        if self.overtime >= OVERTIME_GRACE:
            reasons.append(f"{format_duration(self.overtime)} over time")
        if self.coverage is not None and self.coverage < LOW_COVERAGE:
            reasons.append(f"mentioned {self.covered} of {counted(len(question.keywords), 'keyword')}")
        return tuple(reasons)
