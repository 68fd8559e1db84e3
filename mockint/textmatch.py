"""Whole-word, case-insensitive term matching, shared by challenges and insights.

Pure module: no textual import.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable


@lru_cache(maxsize=4096)
def _term_pattern(term: str) -> re.Pattern[str]:
    first, *rest = [re.escape(w) for w in term.split()]
    # Phrases match across any run of whitespace; edges must not touch a word character.
    # The start edge is checked after the first word, `cost(?<!\wcost)`, which is the
    # same test as `(?<!\w)cost` but lets the engine try the word before the
    # look-behind at each position: searches take about half the time.
    start = f"{first}(?<!\\w{first})"
    return re.compile(start + "".join(r"\s+" + word for word in rest) + r"(?!\w)", re.IGNORECASE)


def mentions(text: str, term: str) -> bool:
    """True when `term` (a word or phrase) appears in `text` as whole words."""
    return bool(term.strip()) and _term_pattern(term.strip()).search(text) is not None


def mentioned_terms(text: str, terms: Iterable[str]) -> list[str]:
    """The terms of `terms` that `text` mentions, in their given order."""
    return [term for term in terms if mentions(text, term)]
