"""Whole-word, case-insensitive term matching that tolerates inflection, shared by challenges and insights.

A term (a word or a phrase) is mentioned when the text has the same words in
the same order, each word compared after `normalise_word`:

- case is ignored;
- plurals and verb endings are reduced by a light stemmer (below), so "hooks"
  mentions "hook" and "reactivated" mentions "reactivation";
- the number words zero to twenty equal their digits ("three" is "3");
- a hyphen is a space ("drop-off" is "drop off"), and a phrase also matches
  its words written as one ("drop off" is mentioned by "dropoff"; a term
  written as one word matches only that word);
- words are whole: "us" is not in "user", "retention" is not in "reattention".

Words are runs of letters, digits and underscores. A term word holding other
characters ("node.js", "c++", "40%") is compared as written, ignoring case only.
Between the words of a phrase the text may have any run of spaces and hyphens.

The stemmer is deliberately small, so that it errs towards not matching.
Words of three letters or fewer and words holding digits or underscores are left
as they are; otherwise, in turn:

1. British -ise/-yse endings become -ize/-yze ("prioritised" -> "prioritized");
2. plurals: -ies -> -i, -sses/-xes/-ches/-shes/-zzes lose -es, and any other
   final -s goes unless it follows s, u or i ("class", "status", "analysis"
   stay; so do "news" and "question(s)", which would meet "new" and "quest");
3. then the first that fits: -ization -> -iz (and -yzation -> -yz); -ation
   -> -at when three letters stay before it ("reactivation" -> "reactivat",
   "station" stays); -tion/-sion lose -ion when five letters stay
   ("retention" -> "retent", "mention" stays); -ied -> -i; -ing or -ed go
   when four letters stay, undoubling a final consonant other than l, s, z
   ("stopped" -> "stop", "seeing" stays); otherwise a final -e goes when four
   letters stay ("reactivate" -> "reactivat", "note" stays);
4. a final -y becomes -i when four letters or more remain ("strategy" ->
   "strategi", like "strategies").

So "user" and "us", "note" and "not", "station" and "state" stay apart, while
"churn"/"churned"/"churning", "retention"/"retentions" and "completion"/
"completed" meet. Some unrelated pairs still meet ("plane"/"plan"): keyword
evidence is a hint to the candidate, never a grade.

Speed: a transcript checks a few keywords against a thousand answers. Each term
is prepared once (`Term.of`, cached) with the prefix every matching word must
start with; `NormalisedText` lower-cases a text once, and only words starting
with such a prefix are normalised. Pure module: no textual import.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, NamedTuple

NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
"""Number words that equal their digits."""
_DIGITS_TO_WORD = {digits: word for word, digits in NUMBER_WORDS.items()}

_ISE = re.compile(r"(?<=\w\w)([iy])s(e|ed|es|ing|ation|ations)$")
_PLAIN_WORD = re.compile(r"\w+")
_HYPHENS = re.compile(r"[-\u2010\u2011]+")
_SEPARATOR_THEN_WORD = r"[\s\-\u2010\u2011]+"
"""What may stand between the words of a phrase in a text: spaces and hyphens."""

_KEEP = frozenset({"news", "question"})
"""Words the stemmer leaves alone after the plural step: cut further they meet unrelated words ("new", "quest")."""


@lru_cache(maxsize=16384)
def normalise_word(word: str) -> str:
    """The form `word` (lower case, no spaces) is compared in; see the module docstring for the rules."""
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    word = _singular(_ISE.sub(r"\1z\2", word))
    if word in _KEEP:
        return word
    word = _strip_suffix(word)
    # "strategy" and "strategies" (-> "strategi") meet at a final i.
    return word[:-1] + "i" if word.endswith("y") and len(word) >= 4 else word


def _singular(word: str) -> str:
    if word in _KEEP:
        return word
    if word.endswith("ies") and len(word) >= 5:
        return word[:-2]
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _strip_suffix(word: str) -> str:
    if word.endswith(("ization", "yzation")) and len(word) >= 9:
        return word[:-5]
    if word.endswith("ation") and len(word) >= 8:
        return word[:-3]
    if word.endswith(("tion", "sion")) and len(word) >= 8:
        return word[:-3]
    if word.endswith("ied") and len(word) >= 5:
        return word[:-2]
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return _undouble(word[: -len(ending)])
    if word.endswith("e") and len(word) >= 5:
        return word[:-1]
    return word


def _undouble(stem: str) -> str:
    """"stopp" -> "stop", "plann" -> "plan"; "fall", "pass" and "buzz" keep theirs."""
    last = stem[-1]
    if last == stem[-2] and last.isalpha() and last not in "aeioulsz":
        return stem[:-1]
    return stem


def word_prefix(normalised: str) -> str:
    """What every word whose normal form is `normalised` starts with (lower case).

    The stemmer only cuts endings, except that in a form of four letters or
    more a final "i" may stand for "y", and a "z" in the last two letters for
    the "s" of -ise: the prefix stops before them.
    """
    if len(normalised) < 4:
        return normalised
    z = normalised.find("z", len(normalised) - 2)
    if z >= 0:
        return normalised[:z]
    return normalised[:-1] if normalised.endswith("i") else normalised


class _TermWord(NamedTuple):
    text: str
    """As written, lower-cased."""
    form: str
    """normalise_word(text) for a plain word; the text itself for a word compared as written."""
    plain: bool
    """Letters, digits and underscores only: compared by normal form."""


class Term:
    """A term prepared once for matching against many texts: its words' forms and a quick pre-search."""

    __slots__ = ("text", "words", "joined", "probe", "_starts", "_start", "_as_written")

    def __init__(self, text: str) -> None:
        self.text = text
        pieces = [piece for chunk in text.lower().split() for piece in _HYPHENS.split(chunk) if piece]
        self.words = tuple(
            _TermWord(piece, normalise_word(piece), True)
            if _PLAIN_WORD.fullmatch(piece)
            else _TermWord(piece, piece, False)
            for piece in pieces
        )
        plain_phrase = len(self.words) > 1 and all(word.plain for word in self.words)
        self.joined = normalise_word("".join(pieces)) if plain_phrase else None
        """A phrase's words written as one ("dropoff" for "drop-off"), normalised."""
        self._starts = _starts(self.words[0]) if self.words else ()
        """What a mentioning text's first matching word starts with (one of them)."""
        self.probe = self._starts[0] if len(self._starts) == 1 else ""
        """A substring every mentioning text contains ("" when there are several to choose from)."""
        self._start = _start_pattern(self._starts) if self._starts else None
        self._as_written = _as_written_pattern(pieces) if pieces else None

    @staticmethod
    @lru_cache(maxsize=4096)
    def of(text: str) -> Term:
        """The prepared term for `text`, made once per distinct text."""
        return Term(text)

    def found_in(self, lowered: str) -> bool:
        """True when `lowered` (a lower-cased text) mentions this term."""
        for probe in self._starts:
            if probe in lowered:
                break
        else:
            return False
        # The term as written is the usual case and one search finds it; inflected
        # forms need each candidate word normalised.
        if self._as_written.search(lowered):
            return True
        for start in self._start.finditer(lowered):
            if self._matches_at(lowered, start.start()):
                return True
        return False

    def _matches_at(self, lowered: str, position: int) -> bool:
        first = self.words[0]
        word = _word_at(lowered, position, first)
        if word is None:
            return False
        if self.joined is not None and normalise_word(word.group()) == self.joined:
            return True
        if _form(word.group(), first) != first.form:
            return False
        end = word.end()
        for expected in self.words[1:]:
            word = _next_word(lowered, end, expected)
            if word is None or _form(word.group(1), expected) != expected.form:
                return False
            end = word.end()
        return True


def _starts(first: _TermWord) -> tuple[str, ...]:
    """What every text word that can match `first` begins with (one of them)."""
    if not first.plain:
        return (first.text,)
    if first.form in _DIGITS_TO_WORD:
        return (first.form, _DIGITS_TO_WORD[first.form])
    return (word_prefix(first.form),)


def _start_pattern(starts: tuple[str, ...]) -> re.Pattern[str]:
    """Where a match can start: a word beginning with one of `starts`.

    The edge check follows the literal (`hook(?<!\\whook)`), which lets the regex
    engine jump between occurrences of it instead of testing every position.
    """
    return re.compile("|".join(f"{re.escape(s)}(?<!\\w{re.escape(s)})" for s in starts))


def _as_written_pattern(pieces: list[str]) -> re.Pattern[str]:
    """The term's words exactly as written (lower case), whole, with spaces or hyphens between."""
    first, *rest = [re.escape(piece) for piece in pieces]
    return re.compile(
        f"{first}(?<!\\w{first})" + "".join(_SEPARATOR_THEN_WORD + word for word in rest) + r"(?!\w)"
    )


def _word_at(lowered: str, position: int, expected: _TermWord) -> re.Match[str] | None:
    if expected.plain:
        return _PLAIN_WORD.match(lowered, position)
    return _literal(expected.text).match(lowered, position)


def _next_word(lowered: str, position: int, expected: _TermWord) -> re.Match[str] | None:
    """The word after the separator at `position`, as group 1."""
    if expected.plain:
        return _SEPARATED_PLAIN.match(lowered, position)
    return _separated_literal(expected.text).match(lowered, position)


def _form(found: str, expected: _TermWord) -> str:
    return normalise_word(found) if expected.plain else found


_SEPARATED_PLAIN = re.compile(_SEPARATOR_THEN_WORD + r"(\w+)")


@lru_cache(maxsize=1024)
def _literal(text: str) -> re.Pattern[str]:
    """`text` as written, not followed by a word character."""
    return re.compile(f"({re.escape(text)})(?!\\w)")


@lru_cache(maxsize=1024)
def _separated_literal(text: str) -> re.Pattern[str]:
    return re.compile(_SEPARATOR_THEN_WORD + f"({re.escape(text)})(?!\\w)")


def prepared_terms(terms: Iterable[str]) -> tuple[Term, ...]:
    """`Term.of` for each of `terms`; a tuple of terms (a question's keywords) is prepared once."""
    return _prepared_tuple(terms if isinstance(terms, tuple) else tuple(terms))


@lru_cache(maxsize=1024)
def _prepared_tuple(terms: tuple[str, ...]) -> tuple[Term, ...]:
    return tuple(Term.of(term) for term in terms)


class NormalisedText:
    """A text prepared once (lower-cased) and asked about many terms."""

    __slots__ = ("text", "lowered")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()

    def mentions(self, term: str | Term) -> bool:
        prepared = term if isinstance(term, Term) else Term.of(term)
        return prepared.found_in(self.lowered)

    def mentioned(self, terms: Iterable[str]) -> list[str]:
        """The terms of `terms` this text mentions, in their given order."""
        return _mentioned(self.lowered, prepared_terms(terms))


def _mentioned(lowered: str, terms: tuple[Term, ...]) -> list[str]:
    # Most terms are absent from most texts: a substring test, without a call, says so.
    present = [term for term in terms if term.probe in lowered]
    return [term.text for term in present if term.found_in(lowered)] if present else []


def mentions(text: str, term: str) -> bool:
    """True when `term` (a word or phrase) appears in `text` as whole words, by the rules above."""
    return NormalisedText(text).mentions(term)


def mentioned_terms(text: str, terms: Iterable[str]) -> list[str]:
    """The terms of `terms` that `text` mentions, in their given order."""
    return _mentioned(text.lower(), prepared_terms(terms))
