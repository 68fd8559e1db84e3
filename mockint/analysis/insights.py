"""Observable facts about typed answers: length, pace, filler words, look-for coverage.

Only what can be counted from the text and the clock is reported; nothing here
guesses confidence, mood or quality. Pure module: no textual import.

Length is counted in two units, because Chinese, Japanese and Korean are
written without spaces between words:

- characters: each CJK character (Han ideograph, kana, hangul; see
  `textmatch.CJK_CHARACTERS`) is one;
- words: what is left is split at whitespace, and each piece holding a letter
  or a digit is one word (`don't`, `40%`; not `—` or `...`).

So "我们看数据分析。" is 7 characters and no word, and "用KOL合作" is 1 word and
3 characters. Pace is each count over the same time spent: words per minute
and characters per minute.

Filler rules (all case-insensitive, whole words, phrases across any whitespace):

- counted plainly wherever they appear: um (also umm...), uh (also uhh...),
  er, erm, you know, basically, actually, literally, sort of, kind of, i mean,
  so yeah, and "right?" (with its question mark, i.e. a tag question);
- "like" is counted only when a comma follows it ("like, " and ", like,"):
  that is the discourse-marker use, while "like" as a verb or preposition
  ("I like it", "platforms like TikTok") is not a filler. An unpunctuated
  filler "like" therefore goes uncounted: the count errs low, never high.

"you know", "actually", "kind of" and "sort of" also have plain meanings; they
are counted regardless, so read their numbers as "times said", not "mistakes".

Fillers are English words. A CJK character next to one counts as a letter, so a
filler glued to Chinese, Japanese or Korean text ("就是like，") is not counted,
and fillers of those languages (嗯, えーと, 음) are not counted at all: the count
errs low there too.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from mockint.session.record import ChallengeRecord, QuestionRecord, SessionRecord
from mockint.core.model import Term
from mockint.core.textmatch import CJK_CHARACTER, NormalisedText


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

_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def counted(count: int, noun: str) -> str:
    """`1 word`, `2 words`, `0 characters`: a count with its noun in the right number."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def character_count(text: str) -> int:
    """Chinese, Japanese and Korean characters in `text`, each one (hangul composed first, as typed)."""
    return len(CJK_CHARACTER.findall(unicodedata.normalize("NFC", text)))


def word_count(text: str) -> int:
    """Whitespace-separated pieces holding a letter or digit, CJK characters left out (`don't` is one word)."""
    pieces = CJK_CHARACTER.sub(" ", text).split()
    return sum(1 for piece in pieces if _LETTER_OR_DIGIT.search(piece))


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


def per_minute(count: int, seconds: float) -> float | None:
    """Pace over the time spent; None when no time was spent."""
    if seconds <= 0:
        return None
    return count * 60.0 / seconds


@dataclass(frozen=True)
class TextInsights:
    """Facts about one typed answer (a main answer or a challenge answer)."""

    words: int
    characters: int
    """Chinese, Japanese and Korean characters, which `words` leaves out."""
    seconds: float
    fillers: dict[str, int] = field(default_factory=dict)

    @property
    def wpm(self) -> float | None:
        return per_minute(self.words, self.seconds)

    @property
    def cpm(self) -> float | None:
        """CJK characters per minute."""
        return per_minute(self.characters, self.seconds)

    @property
    def filler_total(self) -> int:
        return sum(self.fillers.values())


def text_insights(text: str, seconds: float) -> TextInsights:
    return TextInsights(word_count(text), character_count(text), seconds, filler_counts(text))


class _Totals:
    """Words, characters, time, paces and fillers added up over `parts`."""

    parts: tuple[TextInsights, ...] | tuple[AnswerInsights, ...]
    """What is added up; each subclass says what its parts are."""

    @property
    def words(self) -> int:
        return sum(part.words for part in self.parts)

    @property
    def characters(self) -> int:
        return sum(part.characters for part in self.parts)

    @property
    def seconds(self) -> float:
        return sum(part.seconds for part in self.parts)

    @property
    def wpm(self) -> float | None:
        return per_minute(self.words, self.seconds)

    @property
    def cpm(self) -> float | None:
        return per_minute(self.characters, self.seconds)

    @property
    def fillers(self) -> dict[str, int]:
        return merge_fillers(part.fillers for part in self.parts)

    @property
    def filler_total(self) -> int:
        return sum(self.fillers.values())


@dataclass(frozen=True)
class AnswerInsights(_Totals):
    """Facts about one question: its main answer, each challenge answer, and coverage.

    `challenges` lines up with `QuestionRecord.challenges`: None for a challenge
    that was never posed. Coverage looks at the main answer and every challenge
    answer together, since a look-for said in a follow-up was still said.
    """

    question_id: str
    main: TextInsights
    challenges: tuple[TextInsights | None, ...]
    covered: tuple[Term, ...]
    """The question's keywords mentioned (any of their alternatives), in the pack's order."""
    missed: tuple[Term, ...]

    @property
    def parts(self) -> tuple[TextInsights, ...]:
        """Every typed answer: the main one, then each posed challenge's."""
        return (self.main, *[c for c in self.challenges if c is not None])

    @property
    def coverage(self) -> float | None:
        """Fraction of the question's keywords mentioned; None when it has none."""
        keywords = len(self.covered) + len(self.missed)
        return len(self.covered) / keywords if keywords else None


def merge_fillers(parts: Iterable[dict[str, int]]) -> dict[str, int]:
    """Sum filler counts, keeping the FILLER_PATTERNS order."""
    total: Counter[str] = Counter()
    for part in parts:
        total.update(part)
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
class SessionInsights(_Totals):
    """Totals over every question the candidate reached."""

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

    @property
    def coverage(self) -> float | None:
        """Keywords mentioned over keywords asked for, across questions that had any."""
        covered = sum(len(q.covered) for q in self.questions)
        total = covered + sum(len(q.missed) for q in self.questions)
        return covered / total if total else None


def session_insights(record: SessionRecord) -> SessionInsights:
    reached = [q for q in record.questions() if q.reached]
    computed = [answer_insights(q) for q in reached]
    return SessionInsights(tuple(computed), {id(q): i for q, i in zip(reached, computed)})
