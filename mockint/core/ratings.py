"""The one rating scale every role uses: four anchored levels, plus "no evidence".

Anchored levels (what an answer at that level contains) make raters agree far
more than bare numbers do; "no evidence" is kept apart from "poor" so that a
question the rater could not judge does not drag a figure down. A pack's
`anchors` are keyed by the four levels' values.
"""

from __future__ import annotations

from enum import StrEnum


class Rating(StrEnum):
    NO_EVIDENCE = "no_evidence"
    POOR = "poor"
    MIXED = "mixed"
    GOOD = "good"
    EXCELLENT = "excellent"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def description(self) -> str:
        """One line: what an answer at this level contains, shown wherever a rating is given."""
        return _DESCRIPTIONS[self]

    @property
    def points(self) -> int | None:
        """1 (poor) to 4 (excellent), for averages; None for no evidence, which is left out of them."""
        return LEVELS.index(self) + 1 if self in LEVELS else None


LEVELS = (Rating.POOR, Rating.MIXED, Rating.GOOD, Rating.EXCELLENT)
"""The four anchored levels, lowest first."""
SCALE = (*LEVELS, Rating.NO_EVIDENCE)
"""What a rater chooses from, in the order it is offered."""

_LABELS = {
    Rating.NO_EVIDENCE: "No evidence",
    Rating.POOR: "Poor",
    Rating.MIXED: "Mixed",
    Rating.GOOD: "Good",
    Rating.EXCELLENT: "Excellent",
}
_DESCRIPTIONS = {
    Rating.NO_EVIDENCE: "Nothing to judge: the answer did not get to this.",
    Rating.POOR: "Misses the question: vague or wrong, no example, no reasoning.",
    Rating.MIXED: "Partly there: some right points, but gaps, little structure or no concrete example.",
    Rating.GOOD: "Answers it: structured, with a concrete example and sound reasoning.",
    Rating.EXCELLENT: "Stands out: all of good, plus trade-offs, numbers or an insight worth remembering.",
}
