"""Term matching: whole words, case, the light stemmer, number words, hyphens, and its invariants."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mockint.textmatch import NUMBER_WORDS, NormalisedText, mentioned_terms, mentions, normalise_word, word_prefix


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Open with two hooks.", "hook"),
        ("It grew the follower base.", "followers"),
        ("We reactivated lapsed users.", "reactivation"),
        ("Then we reactivate them.", "reactivation"),
        ("Reactivating costs less.", "reactivation"),
        ("Win the first 3 seconds.", "first three seconds"),
        ("Win the first three seconds.", "first 3 seconds"),
        ("Target new users.", "new user"),
        ("Watch churning accounts.", "churn"),
        ("They churned.", "churn"),
        ("Retentions by week.", "retention"),
        ("Where is the drop-off?", "drop off"),
        ("Where is the drop off?", "drop-off"),
        ("Where is the dropoff?", "drop-off"),
        ("Two strategies.", "strategy"),
        ("We prioritised reach.", "prioritize"),
        ("An optimization pass.", "optimise"),
        ("CHURN", "churn"),
        ("Completed on time.", "completion"),
        ("Stopped the ads.", "stop"),
        ("Kept the cost,\n per   result low.", "cost"),
        ("cost  per\tresult", "cost per"),
        ("I write C++ daily.", "c++"),
        ("Built with Node.js, mostly.", "node.js"),
        ("Views dropped 40% overnight.", "40%"),
    ],
)
def test_mentions(text: str, term: str) -> None:
    assert mentions(text, term)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Our users are happy.", "us"),
        ("Reattention is not a word.", "retention"),
        ("Unretentive.", "retention"),
        ("A quest for growth.", "question"),
        ("The news is good.", "new"),
        ("Take a note.", "not"),
        ("At the station.", "state"),
        ("The mention.", "ment"),
        ("Costs, per result.", "cost per"),
        ("Drop/off.", "drop off"),
        ("Where is the drop-off?", "dropoff"),
        ("Thirty seconds.", "3 seconds"),
        ("30 seconds.", "3 seconds"),
        ("hook_line", "hook"),
        ("ASP.NET", ".net"),
        ("", "anything"),
        ("anything", ""),
        ("anything", "  -  "),
    ],
)
def test_does_not_mention(text: str, term: str) -> None:
    assert not mentions(text, term)


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("hooks", "hook"),
        ("users", "user"),
        ("us", "us"),
        ("status", "status"),
        ("analysis", "analysis"),
        ("classes", "class"),
        ("matches", "match"),
        ("retention", "retent"),
        ("reactivation", "reactivat"),
        ("reactivate", "reactivat"),
        ("station", "station"),
        ("mention", "mention"),
        ("seeing", "seeing"),
        ("planning", "plan"),
        ("falling", "fall"),
        ("studied", "studi"),
        ("studying", "studi"),
        ("three", "3"),
        ("twenty", "20"),
        ("3rd", "3rd"),
        ("use", "use"),
        ("uses", "use"),
    ],
)
def test_normalise_word(word: str, form: str) -> None:
    assert normalise_word(word) == form


def test_normalised_text_answers_many_terms_in_their_order() -> None:
    text = NormalisedText("Hooks first, then RETENTION and the drop-off in week 2.")
    assert text.mentioned(["retention", "drop off", "shares", "hook", "week two"]) == [
        "retention",
        "drop off",
        "hook",
        "week two",
    ]
    assert text.mentions("hooks") and not text.mentions("share")
    assert mentioned_terms("Shares.", ["share", "shares", "sharing", "shark"]) == ["share", "shares", "sharing"]


# -- properties ---------------------------------------------------------------

LETTERS = "abcdefghijklmnopqrstuvwxyz"
words = st.text(LETTERS, min_size=1, max_size=12)
word_or_number = st.one_of(words, st.integers(0, 99).map(str), st.sampled_from(sorted(NUMBER_WORDS)))
terms = st.lists(word_or_number, min_size=1, max_size=3).flatmap(
    lambda parts: st.sampled_from([" ", "-"]).map(lambda sep: sep.join(parts))
) | st.sampled_from(["c++", "node.js", "40%", "a/b test"])
filler = st.text(LETTERS + LETTERS.upper() + "0123456789 ,.;:!?()'\"\n-", max_size=40)
edges = st.sampled_from([" ", "\n", ", ", ". ", "(", ")", '"', " — ", "\t"])


@settings(max_examples=300, deadline=None)
@given(before=filler, edge1=edges, term=terms, edge2=edges, after=filler)
def test_a_term_matches_itself_between_word_boundaries(before, edge1, term, edge2, after) -> None:
    assert mentions(before + edge1 + term + edge2 + after, term)
    assert mentions(term, term)


@settings(max_examples=300, deadline=None)
@given(text=filler, term=terms)
def test_matching_ignores_case(text: str, term: str) -> None:
    expected = mentions(text, term)
    assert mentions(text.upper(), term) == expected
    assert mentions(text.swapcase(), term.upper()) == expected


@settings(max_examples=300, deadline=None)
@given(glued=st.text(LETTERS, min_size=1, max_size=6), term=words, edge=edges)
def test_a_term_never_matches_after_letters_glued_before_it(glued: str, term: str, edge: str) -> None:
    assume(normalise_word(glued + term) != normalise_word(term))
    assert not mentions(f"{edge}{glued}{term}{edge}", term)


UNRELATED_ENDINGS = "bcfhjkmpqrtvwx"
"""Letters no inflection the stemmer knows ends with (it strips s, e, d, g, n and turns y)."""


@settings(max_examples=300, deadline=None)
@given(term=words, tail=st.text(UNRELATED_ENDINGS, min_size=1, max_size=4), edge=edges)
def test_a_term_never_matches_a_longer_word_it_starts(term: str, tail: str, edge: str) -> None:
    assert not mentions(f"{edge}{term}{tail}{edge}", term)


suffixes = st.sampled_from(
    ["", "s", "es", "ies", "ed", "ied", "ing", "e", "y", "ise", "ised", "ising", "isation", "isations",
     "yse", "ysation", "ation", "ations", "ion", "tion", "sion", "ization", "ness", "er", "ers"]
)


@settings(max_examples=1000, deadline=None)
@given(stem=words, suffix=suffixes)
def test_every_word_starts_with_the_prefix_of_its_normal_form(stem: str, suffix: str) -> None:
    # The matcher looks only at words starting with this prefix: it must never rule a match out.
    word = stem + suffix
    assert word.startswith(word_prefix(normalise_word(word)))
