"""Term matching: whole words, case, the light stemmer, number words, hyphens, CJK text, and its invariants."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mockint.core.model import Term
from mockint.core.textmatch import (
    NUMBER_WORDS, NormalisedText, mentioned_terms, mentions, normalise_word, term_key,
)
from support.packs import terms as pack_terms


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
        # Typographic apostrophes and quotes are their straight forms.
        ("I didn’t check the data", "didn't"),
        ("I didn't check the data", "didn’t"),
        ("Weʼre live", "we're"),
        ("the “KOL” tier", '"kol"'),
        ('the "KOL" tier', "“KOL”"),
        ("the „KOL‟ tier", '"kol"'),
        ("it’s the creator’s call", "creator"),
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


def names(found: list[Term]) -> list[str]:
    return [term.name for term in found]


def test_normalised_text_answers_many_terms_in_their_order() -> None:
    text = NormalisedText("Hooks first, then RETENTION and the drop-off in week 2.")
    assert names(text.mentioned(pack_terms("retention", "drop off", "shares", "hook", "week two"))) == [
        "retention",
        "drop off",
        "hook",
        "week two",
    ]
    assert text.mentions("hooks") and not text.mentions("share")
    found = mentioned_terms("Shares.", pack_terms("share", "shares", "sharing", "shark"))
    assert names(found) == ["share", "shares", "sharing"]


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


# -- Chinese, Japanese and Korean ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("我们看数据分析", "数据"),
        ("数据", "数据"),
        ("先看完播率，再看互动。", "完播率"),
        ("（数据）很重要！", "数据"),
        ("ユーザー体験を改善しました。", "ユーザー体験"),
        ("データを分析する", "分析"),
        ("ありがとうございます", "ありがとう"),
        ("ﾃﾞｰﾀ分析", "データ"),
        ("데이터를 분석했습니다", "데이터"),
        ("데이터분석이 중요합니다", "데이터 분석"),
        ("데이터 분석이 중요합니다", "데이터분석"),
        ("데이터　분석", "데이터 분석"),
        ("用KOL合作", "KOL"),
        ("用KOL合作", "kol合作"),
        ("用 KOL 合作", "KOL合作"),
        ("新users留存", "user"),
        ("看dropoff率", "drop off"),
        ("做A/B测试", "a/b测试"),
        ("用C++写", "c++"),
        ("ＫＰＩ很重要", "KPI"),
        ("KPI를 봅니다", "kpi"),
        ("我们在first three seconds留住用户", "first 3 seconds"),
    ],
)
def test_cjk_terms_match_inside_text_without_spaces(text: str, term: str) -> None:
    assert mentions(text, term)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("我们看数学分析", "数据"),
        ("数据的分析", "数据分析"),
        ("데이터", "분석"),
        ("デートに行く", "データ"),
        ("用user合作", "us"),
        ("用kolx合作", "kol"),
        ("做AB测试", "a/b测试"),
        ("数据", "数据库"),
    ],
)
def test_cjk_terms_do_not_match_other_characters(text: str, term: str) -> None:
    assert not mentions(text, term)


def test_hangul_typed_as_separate_jamo_still_matches() -> None:
    decomposed = unicodedata.normalize("NFD", "데이터를 분석했습니다")
    assert decomposed != "데이터를 분석했습니다"
    assert mentions(decomposed, "데이터")


def test_many_terms_in_cjk_text_keep_their_order() -> None:
    assert names(mentioned_terms("先看完播率，再用KOL做A/B测试。", pack_terms("a/b测试", "留存", "KOL", "完播率"))) == [
        "a/b测试",
        "KOL",
        "完播率",
    ]


CJK = "我们看数据分析完播率互动留存用户内容ユーザー体験をありがとうデータ분석데이터를합니다"
cjk_text = st.text(CJK, max_size=20)
cjk_terms = st.text(CJK, min_size=1, max_size=6)
cjk_edges = st.sampled_from(["", " ", "，", "。", "、", "「", "」", "！", "（", "）", "\u3000"])


@settings(max_examples=300, deadline=None)
@given(before=cjk_text, edge1=cjk_edges, term=cjk_terms, edge2=cjk_edges, after=cjk_text)
def test_a_cjk_term_is_found_wherever_it_is_inserted(before, edge1, term, edge2, after) -> None:
    assert mentions(before + edge1 + term + edge2 + after, term)


@settings(max_examples=300, deadline=None)
@given(before=cjk_text, term=terms, after=cjk_text)
def test_a_latin_term_touching_cjk_characters_is_found(before: str, term: str, after: str) -> None:
    assert mentions(before + term + after, term)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.text(CJK, min_size=1, max_size=4), min_size=2, max_size=4))
def test_spaces_between_cjk_words_are_optional_both_ways(words: list[str]) -> None:
    spaced, glued = " ".join(words), "".join(words)
    assert mentions(glued, spaced)
    assert mentions(spaced, glued)


@settings(max_examples=300, deadline=None)
@given(glued=st.text(LETTERS, min_size=1, max_size=6), term=words, before=cjk_text, after=cjk_text)
def test_cjk_neighbours_do_not_make_a_latin_term_match_part_of_a_word(glued, term, before, after) -> None:
    assume(normalise_word(glued + term) != normalise_word(term))
    assert not mentions(f"{before}{glued}{term}{after}", term)


# -- typographic quotes and alternatives ----------------------------------------


def test_an_apostrophe_still_ends_a_word() -> None:
    assert not mentions("didn’t", "didnt") and not mentions("I didn't", "don't")


def test_a_term_is_mentioned_by_any_of_its_alternatives_under_the_same_rules() -> None:
    yoy = Term(("same period", "year-over-year", "YoY", "同比"))
    assert [NormalisedText(text).mentions_term(yoy) for text in ("same periods", "year over year", "yoy", "同比增长", "by year")] == [
        True, True, True, True, False,
    ]  # fmt: skip
    assert not NormalisedText("yoyo").mentions_term(yoy)  # whole words, as for any term
    found = mentioned_terms("同比 and shares", pack_terms("shares", ("same period", "同比"), "reach"))
    assert [term.name for term in found] == ["shares", "same period"]


def test_term_keys_are_equal_for_texts_the_matcher_cannot_tell_apart() -> None:
    assert term_key("Hooks") == term_key("hook") and term_key("long-term") == term_key("long term")
    assert term_key("prioritise") == term_key("prioritize") and term_key("didn’t") == term_key("didn't")
    assert term_key("user") != term_key("us") and term_key("数据") != term_key("数据库")
