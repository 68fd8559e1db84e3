"""Answer insights: counts on known texts, pace, coverage, and the practise-next order."""

from __future__ import annotations

from datetime import datetime, timezone

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockint.analysis.insights import (
    FILLER_PATTERNS,
    answer_insights,
    character_count,
    counted,
    filler_counts,
    session_insights,
    text_insights,
    word_count,
    per_minute,
)
from mockint.analysis.practise import checklist_score, lowest_rating, practise_next
from mockint.core.ratings import Rating
from mockint.session.record import (
    ChallengeRecord, ChallengeStatus, Mode, QuestionAssessment, QuestionRecord, Role, RoundAssessment, RoundRecord,
    SessionRecord,
)
from support.packs import terms


def question(
    qid: str = "q1",
    answer: str = "",
    time_used: float = 60.0,
    rating: Rating | None = None,
    checked: set[str] | None = None,
    interviewer_rating: Rating | None = None,
    **fields,
) -> QuestionRecord:
    """A question record; the ratings and ticks become the self and interviewer assessments."""
    fields.setdefault("reached", True)
    assessments = {Role.SELF: QuestionAssessment(rating=rating, checked=checked or set())}
    if interviewer_rating is not None:
        assessments[Role.INTERVIEWER] = QuestionAssessment(rating=interviewer_rating)
    return QuestionRecord(
        question_id=qid, ask=f"Question {qid}?", limit=60, answer=answer, time_used=time_used,
        assessments=assessments, **fields,
    )  # fmt: skip


def session(*questions: QuestionRecord, assessed: bool = True) -> SessionRecord:
    round_ = RoundRecord("r1", "Round", "Lee", list(questions), assessments={Role.SELF: RoundAssessment()} if assessed else {})
    return SessionRecord("p", "Pack", "", Mode.PRACTICE, datetime(2026, 1, 1, tzinfo=timezone.utc), [round_])


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("one", 1),
        ("Don't split well-known words.", 4),
        ("Views dropped 40% overnight", 4),
        ("line one\nline two", 4),
        ("— dashes – and ... dots count as nothing", 6),
    ],
)
def test_word_count(text: str, words: int) -> None:
    assert word_count(text) == words


@pytest.mark.parametrize(
    ("text", "words", "characters"),
    [
        ("我们看数据分析。", 0, 7),
        ("先看完播率，再看互动！", 0, 9),
        ("用KOL合作", 1, 3),
        ("用 KOL 合作, then test it", 4, 3),
        ("ユーザー体験を改善する", 0, 11),
        ("データ分析", 0, 5),
        ("데이터를 분석했습니다", 0, 10),
        ("ＫＰＩ很重要", 1, 3),
        ("「」、。・…", 0, 0),
        ("ㅋㅋ 좋아요", 0, 5),
        (unicodedata.normalize("NFD", "한국"), 0, 2),
        ("Plain English, 40% of it.", 5, 0),
    ],
)
def test_cjk_text_is_counted_in_characters_and_the_rest_in_words(text: str, words: int, characters: int) -> None:
    assert (word_count(text), character_count(text)) == (words, characters)


CJK_LETTERS = "我们看数据分析ユーザー体験をデータ분석데이터를합니다"


@settings(max_examples=200, deadline=None)
@given(
    pairs=st.lists(
        st.tuples(st.text(CJK_LETTERS, min_size=1, max_size=5), st.text("abcdefghij", min_size=1, max_size=6)),
        max_size=8,
    )
)
def test_latin_words_between_cjk_characters_count_as_words(pairs: list[tuple[str, str]]) -> None:
    text = "".join(cjk + latin for cjk, latin in pairs)
    assert word_count(text) == len(pairs)
    assert character_count(text) == sum(len(cjk) for cjk, _ in pairs)


def test_pace_of_a_chinese_answer_is_in_characters_per_minute() -> None:
    insights = text_insights("我们看数据分析", 30)
    assert (insights.words, insights.characters) == (0, 7)
    assert insights.cpm == pytest.approx(14)
    assert insights.wpm == 0


def test_counted_says_one_in_the_singular() -> None:
    assert [counted(n, "word") for n in (0, 1, 2)] == ["0 words", "1 word", "2 words"]
    assert counted(1, "character") == "1 character"


@pytest.mark.parametrize(
    "text",
    [
        "嗯，就是，那个，我觉得数据很重要。",
        "えーと、まあ、データですね。",
        "음, 그러니까 데이터가 중요합니다.",
        "ＵＭ，数据。",
    ],
)
def test_cjk_text_has_no_fillers(text: str) -> None:
    assert filler_counts(text) == {}


@pytest.mark.parametrize("label", list(FILLER_PATTERNS))
def test_a_filler_glued_to_cjk_characters_is_not_counted(label: str) -> None:
    assert filler_counts(f"就是{label}, 然后") == {}
    assert filler_counts(f"就是 {label}, 然后") == {label: 1}


@settings(max_examples=200, deadline=None)
@given(text=st.text(CJK_LETTERS + "，。、！？「」（）　 \n", max_size=60))
def test_text_of_cjk_characters_and_punctuation_never_has_fillers_or_words(text: str) -> None:
    assert filler_counts(text) == {}
    assert word_count(text) == 0


def test_fillers_on_a_known_text() -> None:
    text = (
        "Um, so I mean the reach is, like, basically fine. Umm you know? "
        "It's kind of, sort of, literally actually good, right? So yeah. Uh, er, erm."
    )
    assert filler_counts(text) == {
        "um": 2,
        "uh": 1,
        "er": 2,
        "like": 1,
        "you know": 1,
        "basically": 1,
        "actually": 1,
        "literally": 1,
        "sort of": 1,
        "kind of": 1,
        "i mean": 1,
        "so yeah": 1,
        "right?": 1,
    }


@pytest.mark.parametrize(
    "text",
    [
        "I like it.",
        "Platforms like TikTok reward watch time.",
        "It looks likely, unlike last year.",
        "Turn right at the summer drum.",
        "The user, the umbrella, the error.",
        "That's alright? Fine.",
    ],
)
def test_words_that_only_look_like_fillers_are_not_counted(text: str) -> None:
    assert filler_counts(text) == {}


def test_like_counts_only_when_a_comma_follows() -> None:
    assert filler_counts("It was, like, huge. Like, really. Things like this.") == {"like": 2}


def test_filler_phrases_match_across_line_breaks_and_case() -> None:
    assert filler_counts("YOU\nKNOW, I\tmean") == {"you know": 1, "i mean": 1}


def test_per_minute() -> None:
    assert per_minute(30, 60) == 30
    assert per_minute(45, 90) == 30
    assert per_minute(10, 0) is None
    assert text_insights("two words", 0).wpm is None
    assert text_insights("", 30).wpm == 0


def test_answer_insights_cover_main_and_posed_challenges_only() -> None:
    record = question(
        answer="Um, completion first.",
        time_used=30,
        keywords=terms("completion", "engagement", "shares", "cost per"),
        challenges=[
            ChallengeRecord("Why?", 30, status=ChallengeStatus.ANSWERED, answer="Engagement, like, matters", time_used=15),
            ChallengeRecord("Shares?", 30, status=ChallengeStatus.NOT_REACHED, answer="shares"),
            ChallengeRecord("Cost?", 30, status=ChallengeStatus.SKIPPED, answer="", time_used=5),
        ],
    )
    insights = answer_insights(record)
    assert insights.main.words == 3 and insights.main.wpm == pytest.approx(6)
    assert insights.main.fillers == {"um": 1}
    assert insights.challenges[0].words == 3 and insights.challenges[0].fillers == {"like": 1}
    assert insights.challenges[1] is None
    assert insights.challenges[2].words == 0
    assert insights.covered == terms("completion", "engagement")
    assert insights.missed == terms("shares", "cost per")
    assert insights.coverage == pytest.approx(0.5)
    assert insights.words == 6
    assert insights.seconds == pytest.approx(50)
    assert insights.wpm == pytest.approx(6 * 60 / 50)
    assert insights.fillers == {"um": 1, "like": 1}


def test_coverage_is_none_without_keywords_and_whole_word() -> None:
    assert answer_insights(question(answer="anything")).coverage is None
    partial = answer_insights(question(answer="incompletion and reengagement", keywords=terms("completion", "engagement")))
    assert partial.coverage == 0


def test_coverage_tolerates_inflection_and_number_words() -> None:
    keywords = terms("hook", "followers", "reactivation", "first three seconds", "drop-off")
    answer = "Two hooks, a bigger follower base, reactivated users, the first 3 seconds and the drop off."
    insights = answer_insights(question(answer=answer, keywords=keywords))
    assert insights.covered == keywords
    assert insights.missed == ()


def test_session_insights_total_reached_questions_only() -> None:
    record = session(
        question("a", "one two three", 30, keywords=terms("one", "four")),
        question("b", "um four five", 30, keywords=terms("five",)),
        question("c", "never shown", 0, reached=False, keywords=terms("never",)),
    )
    totals = session_insights(record)
    assert [q.question_id for q in totals.questions] == ["a", "b"]
    assert totals.words == 6
    assert totals.wpm == pytest.approx(6)
    assert totals.fillers == {"um": 1}
    assert totals.coverage == pytest.approx(2 / 3)


def test_checklist_score_needs_a_checklist_and_an_assessment() -> None:
    ticked = question(checklist=("a", "b", "c", "d"), checked={"a", "zzz"})
    assert checklist_score(ticked, assessed=True) == 0.25
    assert checklist_score(ticked, assessed=False) is None
    assert checklist_score(question(), assessed=True) is None


def test_practise_next_orders_weakest_first_and_says_why() -> None:
    fine = question("fine", "completion", 30, keywords=terms("completion"), rating=Rating.EXCELLENT)
    low = question("low", "x", 30, rating=Rating.POOR)
    skipped = question("skipped", "", 5, skipped=True, rating=Rating.GOOD)
    over = question("over", "x", 90, rating=Rating.GOOD)
    unticked = question("unticked", "x", 30, rating=Rating.GOOD, checklist=("a", "b"), checked={"a"})
    pair_low = question("pair-low", "x", 30, rating=Rating.EXCELLENT, interviewer_rating=Rating.POOR)
    unseen = question("unseen", reached=False, rating=Rating.POOR)
    record = session(fine, low, skipped, over, unticked, pair_low, unseen)
    items = practise_next(record, limit=10)
    assert [i.question.question_id for i in items] == ["skipped", "low", "pair-low", "unticked", "over"]
    assert items[0].reasons == ("skipped",)
    assert items[1].reasons == ("rated poor",)
    assert items[2].reasons == ("rated poor",)  # the interviewer's poor outweighs an excellent self rating
    assert items[3].reasons == ("checklist 1/2",)
    assert items[4].reasons == ("30s over time",)
    assert [i.question.question_id for i in practise_next(record)] == ["skipped", "low", "pair-low"]


def test_practise_next_low_coverage_and_nothing_to_report() -> None:
    thin = question("thin", "nothing relevant", 30, keywords=terms("a", "b", "c"))
    assert practise_next(session(thin))[0].reasons == ("mentioned 0 of 3 keywords",)
    assert practise_next(session(question("ok", "a b", 30, keywords=terms("a", "b")))) == []


def test_practise_next_lists_empty_cut_off_and_unassessed_questions_before_a_good_one() -> None:
    good = question("good", "a full answer", 90, rating=Rating.GOOD)
    cut_off = question("cut", "half an answ", 60, auto_advanced=True, rating=Rating.EXCELLENT)
    empty = question("empty", "   ", 20)
    unticked = question("unticked", "an answer", 30, checklist=("a", "b"))
    items = practise_next(session(good, cut_off, empty, unticked, assessed=False), limit=10)
    assert [i.question.question_id for i in items] == ["empty", "cut", "unticked", "good"]
    assert items[0].reasons == ("no answer typed",)
    assert items[1].reasons == ("cut off at the time limit",)
    assert items[2].reasons == ("not rated", "checklist 0/2")
    assert items[3].reasons == ("30s over time",)
    assert [i.question.question_id for i in practise_next(session(good, empty, unticked, assessed=False))] == [
        "empty",
        "unticked",
        "good",
    ]


def test_practise_next_sorts_unrated_and_no_evidence_between_mixed_and_good() -> None:
    mixed = question("mixed", "x", 30, rating=Rating.MIXED)
    unrated = question("unrated", "x", 30, checklist=("a",))
    no_evidence = question("no-evidence", "x", 30, rating=Rating.NO_EVIDENCE, checklist=("a", "b"), checked={"a"})
    good = question("good", "x", 30, rating=Rating.GOOD, checklist=("a",))
    items = practise_next(session(good, no_evidence, unrated, mixed), limit=10)
    assert [i.question.question_id for i in items] == ["mixed", "unrated", "no-evidence", "good"]
    assert items[0].reasons == ("rated mixed",)
    assert items[2].reasons == ("no evidence", "checklist 1/2")


def test_no_evidence_is_not_weak_by_itself_and_gives_way_to_a_level() -> None:
    assert practise_next(session(question("q", "x", 30, rating=Rating.NO_EVIDENCE))) == []
    both = question("q", "x", 30, rating=Rating.NO_EVIDENCE, interviewer_rating=Rating.MIXED)
    assert lowest_rating(both) is Rating.MIXED
    assert lowest_rating(question("q", rating=Rating.NO_EVIDENCE)) is Rating.NO_EVIDENCE
    assert lowest_rating(question("q")) is None
    assert practise_next(session(both))[0].reasons == ("rated mixed",)


def test_practise_next_weighs_keywords_of_an_answer_typed_in_chinese() -> None:
    thin = question("thin", "我们看数据分析", 30, keywords=terms("完播率",))
    assert practise_next(session(thin))[0].reasons == ("mentioned 0 of 1 keyword",)
    covered = question("covered", "先看完播率", 30, keywords=terms("完播率",))
    assert practise_next(session(covered)) == []


def test_practise_next_says_nothing_about_keywords_when_nothing_was_typed() -> None:
    empty = question("empty", "", 10, keywords=terms("a", "b"), rating=Rating.EXCELLENT)
    assert practise_next(session(empty))[0].reasons == ("no answer typed",)


def test_practise_next_a_rated_question_in_an_unassessed_round_keeps_its_checklist_out() -> None:
    rated = question("rated", "x", 30, checklist=("a",), interviewer_rating=Rating.EXCELLENT)
    assert practise_next(session(rated, assessed=False)) == []
