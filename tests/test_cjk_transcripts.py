"""An interview answered in Chinese: keyword evidence, counts and pace in every place that reports them."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import jsonschema
import pytest
from textual.app import App
from textual.widgets import Static

from mockint.core.clock import FakeClock
from mockint.core.ratings import Rating
from mockint.session.engine import SessionEngine
from mockint.exporters import render
from mockint.exporters.content import insights_text, summary_rows, totals_text
from mockint.analysis.insights import session_insights, text_insights
from mockint.core.model import Challenge, Pack, Question, Round
from mockint.session.record import ChallengeStatus, Mode, SessionRecord
from mockint.ui.screens.summary import SummaryScreen
from mockint.session.commands import BeginRound, Continue, Done, Start, SubmitAssessment
from mockint.session.setup import SessionOptions
from support.packs import terms

SCHEMA_PATH = Path(__file__).parent.parent / "mockint" / "schemas" / "transcript.schema.json"
WALL = datetime(2026, 3, 9, 14, 5, tzinfo=timezone(timedelta(hours=8), "CST"))

MAIN_ANSWER = "我们先看完播率和留存，再用KOL合作。"
"""14 CJK characters and 1 word, in 30 s: 2 wpm + 28 chars/min."""
CHALLENGE_ANSWER = "先看互动，再看转化。"
"""8 CJK characters, in 20 s: 24 chars/min."""


def chinese_pack() -> Pack:
    metrics = Question(
        id="metrics",
        ask="哪些指标说明视频成功？",
        time=60,
        guide=("提到完播率", "说明互动的意义", "有条理"),
        keywords=terms("完播率", "互动", "KOL", "转化率"),
        challenges=(
            Challenge(ask="留存呢？", time=30, unless_mentioned=terms("留存",)),
            Challenge(ask="预算有限怎么办？", time=30),
        ),
    )
    hello = Question(id="hello", ask="Say hello in one word.", time=30)
    return Pack(name="cjk", title="内容运营面试", rounds=(Round(id="01", title="数据", questions=(metrics, hello)),))


def chinese_record() -> SessionRecord:
    clock = FakeClock(wall=WALL)
    engine = SessionEngine.new(chinese_pack(), SessionOptions(mode=Mode.PRACTICE), clock)
    engine.apply(Start())
    engine.apply(BeginRound())
    clock.advance(30)
    engine.apply(Done(MAIN_ANSWER))
    clock.advance(20)
    engine.apply(Done(CHALLENGE_ANSWER))
    engine.apply(Continue())
    clock.advance(5)
    engine.apply(Done("Hello"))
    engine.apply(Continue())
    engine.apply(SubmitAssessment(ratings={"metrics": Rating.GOOD, "hello": Rating.EXCELLENT}))
    return engine.record


def test_a_keyword_of_unless_mentioned_said_in_chinese_settles_the_challenge() -> None:
    challenges = chinese_record().rounds[0].questions[0].challenges
    assert challenges[0].status is ChallengeStatus.NOT_NEEDED
    assert challenges[0].mentioned == ("留存",)
    assert challenges[1].status is ChallengeStatus.ANSWERED


@pytest.mark.parametrize(
    ("text", "seconds", "line"),
    [
        (MAIN_ANSWER, 30, "1 word + 14 characters in 0:30 (2 wpm + 28 chars/min); no fillers"),
        (CHALLENGE_ANSWER, 20, "8 characters in 0:20 (24 chars/min); no fillers"),
        ("好", 6, "1 character in 0:06 (10 chars/min); no fillers"),
        ("Hello", 5, "1 word in 0:05 (12 wpm); no fillers"),
        ("Hello there", 0, "2 words in 0:00; no fillers"),
        ("", 5, "0 words in 0:05 (0 wpm); no fillers"),
    ],
)
def test_insights_line_names_its_units_in_the_right_number(text: str, seconds: float, line: str) -> None:
    assert insights_text(text_insights(text, seconds)) == line


def test_summary_rows_and_totals_count_characters_and_words_apart() -> None:
    record = chinese_record()
    totals = session_insights(record)
    metrics, hello = summary_rows(record, totals)
    assert (metrics.typed, metrics.pace, metrics.keywords) == ("1 word + 22 characters", "1 wpm + 26 chars/min", "3/4")
    assert (hello.typed, hello.pace) == ("1 word", "12 wpm")
    assert totals_text(totals) == (
        "2 words + 22 characters in 0:55 (2 wpm + 24 chars/min); no fillers; 75% of keywords mentioned"
    )


def test_markdown_transcript_of_a_chinese_answer() -> None:
    markdown = render(chinese_record(), "md")
    assert "**Insights:** 1 word + 14 characters in 0:30 (2 wpm + 28 chars/min); no fillers" in markdown
    assert "   *8 characters in 0:20 (24 chars/min); no fillers*" in markdown
    assert "- 提到完播率 — *mentioned: 完播率*" in markdown
    assert "- 说明互动的意义 — *mentioned: 互动*" in markdown
    assert "**Keywords:** 3 of 4 mentioned (完播率, 互动, KOL); not mentioned: 转化率" in markdown
    assert "| 1 word + 22 characters | 1 wpm + 26 chars/min | 0 | 3/4 |" in markdown
    assert "| 1 word | 12 wpm | 0 | – |" in markdown
    assert "1 words" not in markdown and "1 characters" not in markdown


def test_html_transcript_of_a_chinese_answer() -> None:
    page = render(chinese_record(), "html")
    assert "1 word + 14 characters in 0:30 (2 wpm + 28 chars/min); no fillers" in page
    assert "8 characters in 0:20 (24 chars/min); no fillers" in page
    assert "3 of 4 mentioned (完播率, 互动, KOL); not mentioned: 转化率" in page
    assert '<td class="num">1 word + 22 characters</td><td class="num">1 wpm + 26 chars/min</td>' in page
    assert "1 words" not in page and "1 characters" not in page


def test_json_transcript_of_a_chinese_answer_is_valid_and_counts_characters() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    document = json.loads(render(chinese_record(), "json"))
    errors = [error.message for error in jsonschema.Draft202012Validator(schema).iter_errors(document)]
    assert errors == []
    metrics = document["rounds"][0]["questions"][0]
    assert metrics["insights"]["answer"] == {
        "words": 1, "characters": 14, "seconds": 30.0, "wpm": 2.0, "cpm": 28.0, "fillers": {}
    }
    assert metrics["challenges"][1]["insights"]["characters"] == 8
    assert (metrics["insights"]["words"], metrics["insights"]["characters"]) == (1, 22)
    assert [k["mentioned"] for k in metrics["keywords"]] == [True, True, True, False]
    summary = document["summary"]
    assert (summary["words"], summary["characters"], summary["wpm"], summary["cpm"]) == (2, 22, 2.2, 24.0)


class SummaryOnly(App[None]):
    def __init__(self, record: SessionRecord) -> None:
        super().__init__()
        self.record = record

    def on_mount(self) -> None:
        self.push_screen(SummaryScreen(self.record))


async def test_summary_screen_shows_the_pace_in_characters_per_minute() -> None:
    app = SummaryOnly(chinese_record())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        typed = str(app.screen.query_one("#summary-insights", Static).render())
    assert typed == "Typed (challenges included): 2 words + 22 characters in 0:55 (2 wpm + 24 chars/min); no fillers; 75% of keywords mentioned"
