"""Observable facts about typed answers: length, pace, filler words, look-for coverage.

Only what can be counted from the text and the clock is reported; nothing here
guesses confidence, mood or quality. Pure module: no textual import.

Words are whitespace-separated tokens that are not only punctuation. Filler
rules (all case-insensitive, whole words, phrases across any whitespace, the
same edges as `textmatch`):

- counted plainly wherever they appear: um (also umm...), uh (also uhh...),
  er, erm, you know, basically, actually, literally, sort of, kind of, i mean,
  so yeah, and "right?" (with its question mark, i.e. a tag question);
- "like" is counted only when a comma follows it ("like, " and ", like,"):
  that is the discourse-marker use, while "like" as a verb or preposition
  ("I like it", "platforms like TikTok") is not a filler. An unpunctuated
  filler "like" therefore goes uncounted: the count errs low, never high.

"you know", "actually", "kind of" and "sort of" also have plain meanings; they
are counted regardless, so read their numbers as "times said", not "mistakes".
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable

from mockint.record import ChallengeRecord, QuestionRecord, SessionRecord
from mockint.textmatch import NormalisedText


def _filler(first: str, rest: str = "", tail: str = r"(?!\w)") -> re.Pattern[str]:
    """A whole-word filler pattern over lower-cased text.

    The edge check sits after the first literal word (`um(?<!\\wum)`) rather than
    before it, so the regex engine can jump between occurrences of that word
    instead of trying every position: this is what keeps insights fast.
    """
    return re.compile(f"{first}(?<!\\w{first}){rest}{tail}")


def _then(*words: str) -> str:
    return "".join(r"\s+" + re.escape(word) for word in words)


FILLER_PATTERNS: dict[str, re.Pattern[str]] = {
    "um": _filler("um", "m*"),
    "uh": _filler("uh", "h*"),
    "er": _filler("er", "m?"),
    "like": _filler("like", tail=r"(?=\s*,)"),
    "you know": _filler("you", _then("know")),
    "basically": _filler("basically"),
    "actually": _filler("actually"),
    "literally": _filler("literally"),
    "sort of": _filler("sort", _then("of")),
    "kind of": _filler("kind", _then("of")),
    "i mean": _filler("i", _then("mean")),
    "so yeah": _filler("so", _then("yeah")),
    "right?": _filler("right", r"\?", tail=""),
}
"""Filler label -> pattern (matched against lower-cased text), in the order reports list them."""

_PROBES = {label: max(label.split(), key=len) for label in FILLER_PATTERNS}
"""A substring every match contains: absent from the text, the filler cannot be there.

Each word of a label is matched literally, so any of them would do; the longest
("mean", not "i"; "yeah", not "so") is the rarest in ordinary text and rules the
filler out most often."""

_FILLER_SEARCHES = tuple((label, _PROBES[label], pattern.findall) for label, pattern in FILLER_PATTERNS.items())
"""(label, probe, findall) for filler_counts, which runs on every answer: looked up once here."""

_DROP_PUNCTUATION = str.maketrans("", "", string.punctuation + "—–…‘’“”«»·•")

_ASCII_PUNCTUATION = string.punctuation.encode("ascii")
_ASCII_SPACE_OR_WORD = bytes(
    ord(" ") if chr(byte).isspace() else ord("w") for byte in range(128)
) + b"w" * 128
"""Byte table: what str.split() splits on becomes a space, anything else a "w"."""


def word_count(text: str) -> int:
    """Whitespace-separated tokens that are not only punctuation (`don't` and `40%` are one word each)."""
    if text.isascii():
        # Same count, about four times faster on the usual (ASCII) answer: drop the
        # punctuation, reduce every byte to space or "w", and count where words
        # start instead of building the list of words.
        marks = text.encode("ascii").translate(_ASCII_SPACE_OR_WORD, _ASCII_PUNCTUATION)
        return marks.count(b" w") + marks.startswith(b"w")
    return len(text.translate(_DROP_PUNCTUATION).split())


def filler_counts(text: str) -> dict[str, int]:
    """Each filler said at least once -> how many times, in FILLER_PATTERNS order."""
    lowered = text.lower()
    counts = {}
    for label, probe, findall in _FILLER_SEARCHES:
        # The substring test is nearly free and rules most fillers out before the regex runs.
        if probe in lowered:
            count = len(findall(lowered))
            if count:
                counts[label] = count
    return counts


def words_per_minute(words: int, seconds: float) -> float | None:
    """Typing pace over the time spent; None when no time was spent."""
    if seconds <= 0:
        return None
    return words * 60.0 / seconds


@dataclass(frozen=True)
class TextInsights:
    """Facts about one typed answer (a main answer or a challenge answer)."""

    words: int
    seconds: float
    wpm: float | None
    fillers: dict[str, int] = field(default_factory=dict)

    @property
    def filler_total(self) -> int:
        return sum(self.fillers.values())


def text_insights(text: str, seconds: float) -> TextInsights:
    words = word_count(text)
    return TextInsights(words, seconds, words_per_minute(words, seconds), filler_counts(text))


@dataclass(frozen=True)
class AnswerInsights:
    """Facts about one question: its main answer, each challenge answer, and coverage.

    `challenges` lines up with `QuestionRecord.challenges`: None for a challenge
    that was never posed. Coverage looks at the main answer and every challenge
    answer together, since a look-for said in a follow-up was still said.

    The totals (`words`, `seconds`, `wpm`, `fillers`, `filler_total`, `coverage`,
    `parts`) are worked out once, on construction: a transcript reads them several
    times for each of a thousand questions, and a cached_property takes a lock on
    every first read (Python 3.11), which cost more than the sums themselves.
    """

    question_id: str
    main: TextInsights
    challenges: tuple[TextInsights | None, ...]
    covered: tuple[str, ...]
    missed: tuple[str, ...]
    parts: tuple[TextInsights, ...] = field(init=False, repr=False, compare=False)
    """Every typed answer: the main one, then each posed challenge's."""
    words: int = field(init=False, repr=False, compare=False)
    seconds: float = field(init=False, repr=False, compare=False)
    wpm: float | None = field(init=False, repr=False, compare=False)
    fillers: dict[str, int] = field(init=False, repr=False, compare=False)
    filler_total: int = field(init=False, repr=False, compare=False)
    coverage: float | None = field(init=False, repr=False, compare=False)
    """Fraction of the question's keywords mentioned; None when it has none."""

    def __post_init__(self) -> None:
        parts = (self.main, *[c for c in self.challenges if c is not None])
        words, seconds = 0, 0
        for part in parts:
            words += part.words
            seconds += part.seconds
        fillers = merge_fillers([part.fillers for part in parts])
        keywords = len(self.covered) + len(self.missed)
        # The documented way to set a derived field on a frozen dataclass.
        set_field = object.__setattr__
        set_field(self, "parts", parts)
        set_field(self, "words", words)
        set_field(self, "seconds", seconds)
        set_field(self, "wpm", words_per_minute(words, seconds))
        set_field(self, "fillers", fillers)
        set_field(self, "filler_total", sum(fillers.values()))
        set_field(self, "coverage", len(self.covered) / keywords if keywords else None)


def merge_fillers(parts: Iterable[dict[str, int]]) -> dict[str, int]:
    """Sum filler counts, keeping the FILLER_PATTERNS order."""
    # A plain dict: Counter.update loops in Python and was a visible cost over 1,000 questions.
    total: dict[str, int] = {}
    for part in parts:
        for label, count in part.items():
            total[label] = total.get(label, 0) + count
    return {label: count for label in FILLER_PATTERNS if (count := total.get(label, 0))}


def _challenge_insights(challenge: ChallengeRecord) -> TextInsights | None:
    return text_insights(challenge.answer, challenge.time_used) if challenge.posed else None


def all_answers_text(question: QuestionRecord) -> str:
    """The main answer and every posed challenge's answer, one per line."""
    return "\n".join([question.answer, *(c.answer for c in question.challenges if c.posed)])


def answer_insights(question: QuestionRecord) -> AnswerInsights:
    keywords = question.keywords
    covered = tuple(NormalisedText(all_answers_text(question)).mentioned(keywords)) if keywords else ()
    return AnswerInsights(
        question_id=question.question_id,
        main=text_insights(question.answer, question.time_used),
        challenges=tuple(_challenge_insights(c) for c in question.challenges),
        covered=covered,
        missed=tuple(k for k in keywords if k not in covered),
    )


@dataclass(frozen=True)
class SessionInsights:
    """Totals over every question the candidate reached (cached: a transcript reads them often)."""

    questions: tuple[AnswerInsights, ...]
    by_record: dict[int, AnswerInsights] = field(default_factory=dict, repr=False, compare=False)
    """id(QuestionRecord) -> its insights, so one render computes each question once."""

    def of(self, question: QuestionRecord) -> AnswerInsights:
        """The insights of `question`, computed now if it is not one of the reached questions."""
        found = self.by_record.get(id(question))
        return found if found is not None else answer_insights(question)

    @property
    def parts(self) -> tuple[AnswerInsights, ...]:
        return self.questions

    @cached_property
    def words(self) -> int:
        return sum(q.words for q in self.questions)

    @cached_property
    def seconds(self) -> float:
        return sum(q.seconds for q in self.questions)

    @cached_property
    def wpm(self) -> float | None:
        return words_per_minute(self.words, self.seconds)

    @cached_property
    def fillers(self) -> dict[str, int]:
        return merge_fillers(q.fillers for q in self.questions)

    @cached_property
    def filler_total(self) -> int:
        return sum(self.fillers.values())

    @cached_property
    def coverage(self) -> float | None:
        """Keywords mentioned over keywords asked for, across questions that had any."""
        covered = sum(len(q.covered) for q in self.questions)
        total = covered + sum(len(q.missed) for q in self.questions)
        return covered / total if total else None


def session_insights(record: SessionRecord) -> SessionInsights:
    reached = [q for q in record.questions() if q.reached]
    computed = [answer_insights(q) for q in reached]
    return SessionInsights(tuple(computed), {id(q): i for q, i in zip(reached, computed)})
