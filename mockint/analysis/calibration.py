"""Calibration: how a candidate's ratings of their own answers compare with their interviewer's (pair mode).

Only revealed rounds count (before the reveal neither side may see the other's
ratings). A gap of two levels or more on the one scale is flagged, worded for
the candidate ("you rated good, your interviewer poor"); "no evidence" has no
level, so it makes no gap. Pure module: no textual import.
"""

from __future__ import annotations

from dataclasses import dataclass

from mockint.analysis.insights import counted
from mockint.core.ratings import Rating
from mockint.session.record import QuestionRecord, Role, SessionRecord

FLAGGED_GAP = 2
"""Levels apart on the scale (poor to excellent) from which a difference is flagged."""


@dataclass(frozen=True)
class QuestionCalibration:
    round_index: int
    number: int
    """The question's number within its round, from 1."""
    question: QuestionRecord
    own: Rating | None
    interviewer: Rating | None

    @property
    def gap(self) -> int | None:
        """The interviewer's level minus the candidate's own; None unless both gave a level."""
        return rating_gap(self.own, self.interviewer)

    @property
    def flagged(self) -> bool:
        return bool(self.flag)

    @property
    def flag(self) -> str:
        """The flag's wording, empty when not flagged."""
        return gap_flag(self.own, self.interviewer)


def rating_gap(own: Rating | None, interviewer: Rating | None) -> int | None:
    """The interviewer's level minus the candidate's own; None unless both gave a level."""
    mine = own.points if own else None
    theirs = interviewer.points if interviewer else None
    return None if mine is None or theirs is None else theirs - mine


def gap_flag(own: Rating | None, interviewer: Rating | None, told_interviewer: str | None = None) -> str:
    """"you rated good, your interviewer poor" for a gap of two levels or more; empty otherwise.

    Told to the interviewer, `told_interviewer` names the candidate: "Ana rated good, you poor".
    """
    gap = rating_gap(own, interviewer)
    if gap is None or abs(gap) < FLAGGED_GAP:
        return ""
    assert own is not None and interviewer is not None
    if told_interviewer is not None:
        return f"{told_interviewer} rated {own.label.lower()}, you {interviewer.label.lower()}"
    return f"you rated {own.label.lower()}, your interviewer {interviewer.label.lower()}"


@dataclass(frozen=True)
class Calibration:
    questions: tuple[QuestionCalibration, ...]

    @property
    def compared(self) -> tuple[QuestionCalibration, ...]:
        """The questions both sides gave a level."""
        return tuple(q for q in self.questions if q.gap is not None)

    @property
    def flagged(self) -> tuple[QuestionCalibration, ...]:
        return tuple(q for q in self.questions if q.flagged)

    @property
    def mean_gap(self) -> float | None:
        """The interviewer's level minus the candidate's, on average: above 0 the candidate rated themselves low."""
        gaps = [q.gap for q in self.compared if q.gap is not None]
        return sum(gaps) / len(gaps) if gaps else None

    @property
    def agreed(self) -> int:
        return sum(1 for q in self.compared if q.gap == 0)


def calibration(record: SessionRecord) -> Calibration:
    """Self against interviewer, question by question, over the revealed rounds of a pair run."""
    if not record.pair:
        return Calibration(())
    return Calibration(
        tuple(
            QuestionCalibration(
                round_index=index,
                number=number,
                question=question,
                own=question.assessment(Role.SELF).rating,
                interviewer=question.assessment(Role.INTERVIEWER).rating,
            )
            for index, round_ in enumerate(record.rounds)
            if round_.revealed
            for number, question in enumerate(round_.questions, 1)
            if question.reached
        )
    )


def summary_line(result: Calibration) -> str:
    """One line for the summary and the transcripts."""
    compared = len(result.compared)
    if not compared:
        return "No question was rated on a level by both of you."
    mean = result.mean_gap or 0.0
    lean = (
        "you rated yourself higher than your interviewer did" if mean < -0.25
        else "you rated yourself lower than your interviewer did" if mean > 0.25
        else "your ratings and your interviewer's agree on the whole"
    )  # fmt: skip
    flagged = len(result.flagged)
    gaps = f"{counted(flagged, 'gap')} of two levels or more"
    return f"Agreed on {result.agreed} of {compared} questions; {gaps}; {lean}."
