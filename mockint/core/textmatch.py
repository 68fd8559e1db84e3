"""Case-insensitive term matching that tolerates inflection, shared by challenges and insights.

A term (a word or a phrase) is mentioned when the text has the same parts in
the same order. Text and term are compared after NFKC normalisation and lower
casing, so case is ignored and full-width letters, digits and punctuation
(typed by Chinese, Japanese and Korean input methods) equal their ordinary
forms ("ＫＰＩ" is "kpi"); typographic apostrophes and quotes equal straight
ones ("didn’t" is "didn't", "“KOL”" is '"kol"'), as editors and phones type
them. A pack's `Term` (mockint.core.model) is mentioned when any of its
alternatives is, each by these same rules.

Chinese, Japanese and Korean characters (Han ideographs, kana, hangul; see
`CJK_CHARACTERS`) are matched as written, anywhere: these languages do not put
spaces between words, so `数据` is mentioned by "我们看数据分析" and `데이터` by
"데이터를". Spaces and hyphens next to such a character are optional, in the
text and in the term ("데이터 분석" and "데이터분석" mention each other). This
errs towards matching: `数据` is also in "数据库".

Every other word is whole and compared after `normalise_word`:

- plurals and verb endings are reduced by a light stemmer (below), so "hooks"
  mentions "hook" and "reactivated" mentions "reactivation";
- the number words zero to twenty equal their digits ("three" is "3");
- a hyphen is a space ("drop-off" is "drop off"), and a phrase also matches
  its words written as one ("drop off" is mentioned by "dropoff"; a term
  written as one word matches only that word);
- words are whole: "us" is not in "user", "retention" is not in "reattention".
  A CJK character ends a word as a space does, so `KOL` is mentioned by
  "用KOL合作" and `user` by "新users留存", while "us" is still not in "用user".

Words are runs of letters, digits and underscores other than CJK characters. A
term word holding other characters ("node.js", "c++", "40%") is compared as
written. Between two words of a phrase the text must have a run of spaces and
hyphens; next to a CJK character, such a run is optional.

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

Pure module: no textual import.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum
from functools import lru_cache
from typing import Iterable, NamedTuple

from mockint.core.model import Term

NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
"""Number words that equal their digits."""

CJK_CHARACTERS = (
    "\u1100-\u11ff"  # Hangul Jamo
    "\u3005-\u3007"  # 々 〆 〇
    "\u3041-\u309f"  # Hiragana
    "\u30a1-\u30fa\u30fc-\u30ff"  # Katakana, without ・ (a punctuation mark)
    "\u3131-\u318e"  # Hangul Compatibility Jamo
    "\u31f0-\u31ff"  # Katakana Phonetic Extensions
    "\u3400-\u4dbf"  # CJK Unified Ideographs Extension A
    "\u4e00-\u9fff"  # CJK Unified Ideographs
    "\ua960-\ua97f"  # Hangul Jamo Extended-A
    "\uac00-\ud7af"  # Hangul Syllables
    "\ud7b0-\ud7ff"  # Hangul Jamo Extended-B
    "\uf900-\ufaff"  # CJK Compatibility Ideographs
    "\uff66-\uff9f"  # Halfwidth Katakana
    "\uffa0-\uffdc"  # Halfwidth Hangul
    "\U00020000-\U0003ffff"  # CJK Unified Ideographs Extensions B and later, Compatibility Supplement
)
"""Chinese, Japanese and Korean characters, as ranges for a regex character class.

Each is a word of its own for counting and is matched without word edges."""

CJK_CHARACTER = re.compile(f"[{CJK_CHARACTERS}]")
_WORD_CHARACTER = f"[^\\W{CJK_CHARACTERS}]"
"""A letter, digit or underscore that is not a CJK character."""
_WORD = re.compile(f"{_WORD_CHARACTER}+")
_SEPARATOR = r"[\s\-\u2010\u2011]"
"""What may stand between the parts of a term in a text: spaces and hyphens."""
_PIECES = re.compile(f"[{CJK_CHARACTERS}]+|[^{CJK_CHARACTERS}]+")
"""A term chunk cut into runs of CJK characters and runs of anything else."""

_ISE = re.compile(r"(?<=\w\w)([iy])s(e|ed|es|ing|ation|ations)$")
_KEEP = frozenset({"news", "question"})
"""Words the stemmer leaves alone after the plural step: cut further they meet unrelated words ("new", "quest")."""


_STRAIGHT_QUOTES = str.maketrans(
    {
        "\u2018": "'",  # ‘ left single quotation mark
        "\u2019": "'",  # ’ right single quotation mark, the typographic apostrophe
        "\u201a": "'",  # ‚ single low-9 quotation mark
        "\u201b": "'",  # ‛ single high-reversed-9 quotation mark
        "\u02bc": "'",  # ʼ modifier letter apostrophe (a letter to regex, so it would join words)
        "\u201c": '"',  # “ left double quotation mark
        "\u201d": '"',  # ” right double quotation mark
        "\u201e": '"',  # „ double low-9 quotation mark
        "\u201f": '"',  # ‟ double high-reversed-9 quotation mark
    }
)
"""Typographic apostrophes and quotes, and the straight forms they are compared as (NFKC keeps them)."""


def fold(text: str) -> str:
    """`text` in the form it is compared in: NFKC-normalised, straight quotes, lower case."""
    return unicodedata.normalize("NFKC", text).translate(_STRAIGHT_QUOTES).lower()


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


class _Kind(Enum):
    WORD = "word"
    """Letters, digits and underscores: compared by normal form."""
    AS_WRITTEN = "as written"
    """A word holding other characters ("c++"): compared as written."""
    CJK = "cjk"
    """A run of CJK characters: found anywhere, spaces and hyphens between them optional."""


class _Part(NamedTuple):
    kind: _Kind
    text: str
    """As written, folded."""


def _parts(term: str) -> list[_Part]:
    parts = []
    for chunk in re.split(f"{_SEPARATOR}+", fold(term)):
        for piece in _PIECES.findall(chunk):
            if CJK_CHARACTER.match(piece):
                parts.append(_Part(_Kind.CJK, piece))
            elif _WORD.fullmatch(piece):
                parts.append(_Part(_Kind.WORD, piece))
            else:
                parts.append(_Part(_Kind.AS_WRITTEN, piece))
    return parts


def _part_pattern(part: _Part) -> str:
    if part.kind is _Kind.CJK:
        return f"{_SEPARATOR}*".join(re.escape(character) for character in part.text)
    # A word part is captured and its normal form checked after the regex matched.
    body = f"({_WORD_CHARACTER}+)" if part.kind is _Kind.WORD else re.escape(part.text)
    return f"{body}(?!{_WORD_CHARACTER})"


def _term_pattern(parts: list[_Part]) -> re.Pattern[str]:
    """Where the term may be in a folded text, its word parts captured in order.

    The whole pattern is a lookahead, so that every position is tried: after a
    candidate whose words have the wrong forms ("cost cost per" for "cost per"),
    the next candidate may start inside it.
    """
    pattern = "" if parts[0].kind is _Kind.CJK else f"(?<!{_WORD_CHARACTER})"
    for previous, part in zip([None, *parts], parts):
        if previous is not None:
            # Two words need a separator; next to a CJK character it is optional.
            latin_pair = _Kind.CJK not in (previous.kind, part.kind)
            pattern += f"{_SEPARATOR}+" if latin_pair else f"{_SEPARATOR}*"
        pattern += _part_pattern(part)
    return re.compile(f"(?={pattern})")


def term_key(text: str) -> tuple[str, ...]:
    """The parts of `text` as they are compared: two terms with the same key are mentioned by the same texts."""
    return tuple(normalise_word(part.text) if part.kind is _Kind.WORD else part.text for part in _parts(text))


class TermPattern:
    """One term's text prepared for matching: its pattern and the normal forms its words must have."""

    def __init__(self, text: str) -> None:
        self.text = text
        parts = _parts(text)
        self.forms = tuple(normalise_word(part.text) for part in parts if part.kind is _Kind.WORD)
        """The normal form of each word part, in order."""
        self.pattern = _term_pattern(parts) if parts else None
        only_words = len(parts) > 1 and all(part.kind is _Kind.WORD for part in parts)
        self.joined = normalise_word("".join(part.text for part in parts)) if only_words else None
        """A phrase's words written as one ("dropoff" for "drop-off"), normalised."""

    def found_in(self, text: NormalisedText) -> bool:
        """True when `text` mentions this term."""
        if self.joined is not None and self.joined in text.word_forms:
            return True
        # The pattern finds every run of words that could match; a text lacking
        # one of the term's words has none worth checking.
        if self.pattern is None or not text.word_forms.issuperset(self.forms):
            return False
        for candidate in self.pattern.finditer(text.folded):
            if tuple(normalise_word(word) for word in candidate.groups()) == self.forms:
                return True
        return False


@lru_cache(maxsize=4096)
def term_pattern(text: str) -> TermPattern:
    """The prepared pattern for `text`, made once per distinct text."""
    return TermPattern(text)


class NormalisedText:
    """A text folded once, and the normal forms of its words, asked about many terms."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.word_forms = frozenset(normalise_word(word) for word in _WORD.findall(self.folded))

    def mentions(self, term_text: str) -> bool:
        return term_pattern(term_text).found_in(self)

    def mentions_term(self, term: Term) -> bool:
        """True when the text mentions any of the term's alternatives."""
        return any(self.mentions(alternative) for alternative in term.alternatives)

    def mentioned(self, terms: Iterable[Term]) -> list[Term]:
        """The terms of `terms` this text mentions, in their given order."""
        return [term for term in terms if self.mentions_term(term)]


def mentions(text: str, term_text: str) -> bool:
    """True when `term_text` (a word or phrase) appears in `text`, by the rules above."""
    return NormalisedText(text).mentions(term_text)


def mentioned_terms(text: str, terms: Iterable[Term]) -> list[Term]:
    """The terms of `terms` that `text` mentions, in their given order."""
    return NormalisedText(text).mentioned(terms)
