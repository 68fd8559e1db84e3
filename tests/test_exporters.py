"""Transcript exporters: golden files, schema validity, escaping, file naming and atomic writes.

Regenerate the golden files after an intended change, then read the diff before committing:

    MOCKINT_UPDATE_GOLDEN=1 python -m pytest tests/test_exporters.py
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockint.core.clock import FakeClock
from mockint.core.ratings import SCALE, Rating
from mockint.session.commands import (
    BeginRound, CandidateNotes, Command, Continue, Count, Done, EditDraft, Hint, Note, Pause, PoseChallenge, Quit, Resume, Skip,
    Start, SubmitAssessment, Tick, ToggleHeard,
)
from mockint.session.engine import SessionEngine
from mockint.exporters import FORMATS, ExportError, export_session, file_stem, render
from mockint.exporters.content import session_totals, totals_line
from mockint.exporters.files import MAX_NAME_PART
from mockint.exporters.markdown import escape_line, quote
from mockint.core.model import Challenge, Interviewer, Pack, Question, Round
from mockint.session.record import Advance, Counter, Mode, Reflection, Role, SessionRecord
from mockint.core.safetext import has_unsafe_characters, printable
from mockint.session.setup import EngineError, SessionOptions
from mockint.session.state import Phase
from support.packs import terms

GOLDEN_DIR = Path(__file__).parent / "data" / "golden"
SCHEMA_PATH = Path(__file__).parent.parent / "mockint" / "schemas" / "transcript.schema.json"
WALL = datetime(2026, 3, 9, 14, 5, tzinfo=timezone(timedelta(hours=1), "CET"))


def golden_pack() -> Pack:
    metrics = Question(
        id="metrics",
        ask="Which metrics tell you a video *worked*?",
        time=60,
        guide=("Names completion rate, not just views", "Says why engagement matters", "Structures the answer"),
        keywords=terms("completion", "engagement", ("shares", "reposts", "转发")),
        hint="Think funnel: reach, watch, act.",
        hint_after=20,
        checklist=("Named a metric", "Explained why"),
        anchors={
            Rating.POOR: "Only views or likes.",
            Rating.MIXED: "A metric, but no *why*.",
            Rating.GOOD: "Completion and engagement, with why each matters.",
            Rating.EXCELLENT: "Good, plus how the metrics trade off against each other.",
        },
        reference="I'd start with completion rate, since watching to the end is what <the feed> rewards.",
        facts=("The video is 45 seconds long", "Budget: # none"),
        challenges=(
            Challenge(ask="And if the budget is limited?", time=30, guide=("Organic levers first", "Names a trade-off")),
            Challenge(
                ask="What about retention?",
                time=20,
                unless_mentioned=terms("retention", ("cohorts", "cohort analysis")),
                guide=("Returning viewers, not just new ones",),
            ),
        ),
    )
    drop = Question(
        id="drop",
        ask="Views dropped 40% overnight. What do you do?",
        time=120,
        hint="Rule out the boring causes first.",
        facts=("Posting time did not change",),
        challenges=(Challenge(ask="Is it the algorithm or you?", time=30, at=45),),
    )
    why = Question(id="why", ask="Why this team?", time=45, checklist=("Was specific",))
    return Pack(
        name="demo-pack",
        title="Demo: content ops",
        role="Content operations specialist",
        checklist=("Structured answers", "Asked a question back"),
        rounds=(
            Round(id="01-ops", title="Ops", questions=(metrics, drop), interviewer=Interviewer("Lee", "pragmatic")),
            Round(id="02-hr", title="HR & culture", questions=(why,), checklist=("Smiled",)),
        ),
    )


def golden_record() -> SessionRecord:
    """A fixed practice session in pair mode touching every part of a transcript."""
    clock = FakeClock(wall=WALL)
    options = SessionOptions(mode=Mode.PRACTICE, candidate="Ada Lovelace", interviewer="Grace", pair=True)
    engine = SessionEngine.new(golden_pack(), options, clock)
    engine.apply(Start())
    engine.apply(BeginRound())
    clock.advance(50)
    engine.apply(Hint())  # a partner may give it from hint_after on
    engine.apply(ToggleHeard("Says why engagement matters"))
    engine.apply(Count(Counter.FILLER))
    engine.apply(Count(Counter.FILLER))
    engine.apply(CandidateNotes("1. completion\n2. engagement *why*"))  # typed on the candidate's terminal
    engine.apply(Done(
        "Um, I look at completion rate first, like, how many watch to the end.\n"
        "Then engagement: comments and *saves*, you know, basically the signals. <script>alert(1)</script>"
    ))
    clock.advance(38)
    engine.apply(Done("Uh, I'd lean on organic and cohorts of creators.\n# not a heading"))
    engine.apply(Continue())
    clock.advance(12)
    engine.apply(PoseChallenge(0))  # the partner pushes back before its scripted 0:45
    clock.advance(6)
    engine.apply(Note("Blames the algorithm first"))
    engine.apply(Done())
    engine.apply(Skip())
    engine.apply(Continue())
    engine.apply(
        SubmitAssessment(
            role=Role.INTERVIEWER,
            ratings={"metrics": Rating.MIXED},
            notes={"metrics": "Good order.\nCould quantify [more]."},
            reflection=Reflection(keep="Leads with *the* metric", change="Put a number on <each> claim"),
        )
    )
    engine.apply(
        SubmitAssessment(
            question_checks={"metrics": {"Named a metric"}},
            ratings={"metrics": Rating.GOOD, "drop": Rating.POOR},
            reflection=Reflection(keep="Leading with the metric", stop="Saying *um*", start="Numbers | examples"),
        )
    )
    engine.apply(BeginRound())
    clock.advance(61.5)
    engine.apply(Done("Because the team ships weekly, right? I mean it."))
    engine.apply(Continue())
    engine.apply(
        SubmitAssessment(
            question_checks={"why": {"Was specific"}},
            ratings={"why": Rating.NO_EVIDENCE},
            round_checks={"Smiled"},
            interview_checks={"Structured answers"},
        )
    )
    # The partner's, rating nothing, ends the round.
    engine.apply(SubmitAssessment(role=Role.INTERVIEWER, advance=Advance.YES))
    return engine.record


# -- golden files -------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_matches_the_golden_file(fmt: str) -> None:
    golden = GOLDEN_DIR / f"transcript.{fmt}"
    text = render(golden_record(), fmt)
    if os.environ.get("MOCKINT_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert golden.exists(), f"missing {golden}: run MOCKINT_UPDATE_GOLDEN=1 pytest {Path(__file__).name}"
    assert text == golden.read_text(encoding="utf-8")


def test_render_rejects_an_unknown_format() -> None:
    with pytest.raises(ExportError, match="unknown format 'pdf': choose one of md, json, html"):
        render(golden_record(), "pdf")


# -- JSON ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def assert_valid(validator: jsonschema.Draft202012Validator, record: SessionRecord) -> dict:
    document = json.loads(render(record, "json"))
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    return document


def test_golden_json_is_valid_and_carries_the_content(validator) -> None:
    document = assert_valid(validator, golden_record())
    assert document["schema"] == "mockint.transcript/3"
    assert document["started"] == "2026-03-09T14:05:00+01:00"
    metrics, drop = document["rounds"][0]["questions"]
    assert metrics["challenges"][1]["status"] == "not_needed"
    assert metrics["challenges"][1]["mentioned"] == ["cohorts"]
    assert metrics["keywords"] == [
        {"term": "completion", "alternatives": ["completion"], "mentioned": True},
        {"term": "engagement", "alternatives": ["engagement"], "mentioned": True},
        {"term": "shares", "alternatives": ["shares", "reposts", "转发"], "mentioned": False},
    ]
    assert metrics["challenges"][1]["unless_mentioned"] == [
        {"term": "retention", "alternatives": ["retention"]},
        {"term": "cohorts", "alternatives": ["cohorts", "cohort analysis"]},
    ]
    assert metrics["challenges"][0]["guide"] == ["Organic levers first", "Names a trade-off"]
    assert metrics["anchors"]["mixed"] == "A metric, but no *why*." and list(metrics["anchors"]) == [
        "poor", "mixed", "good", "excellent"
    ]  # fmt: skip
    assert metrics["reference"].startswith("I'd start") and metrics["facts"][1] == "Budget: # none"
    assert (metrics["hint_after"], drop["hint_after"]) == (20, 40)  # given, and a third of 2m by default
    assert (drop["anchors"], drop["reference"], drop["facts"]) == ({}, None, ["Posting time did not change"])
    assert metrics["insights"]["answer"]["fillers"] == {"um": 1, "like": 1, "you know": 1, "basically": 1}
    assert drop["status"] == "skipped"
    posed = drop["challenges"][0]
    assert (posed["status"], posed["at"], posed["posed_at"], posed["posed_by_interviewer"]) == ("answered", 45, 12.0, True)
    assert posed["answer"] == "Blames the algorithm first"
    assert metrics["challenges"][0]["posed_at"] is None  # posed after the answer
    summary = document["summary"]
    assert summary["figures_from"] == "interviewer_notes"
    assert summary["average_rating"] == {
        "self": {"points": 2.0, "rated": 2, "no_evidence": 1},
        "interviewer": {"points": 2.0, "rated": 1, "no_evidence": 0},
    }
    assert [item["question_id"] for item in document["practise_next"]] == ["drop", "metrics", "why"]


def pressure_record_quit_mid_challenge() -> SessionRecord:
    clock = FakeClock(wall=WALL)
    engine = SessionEngine.new(golden_pack(), SessionOptions(mode=Mode.PRESSURE, shuffle=True, seed=7), clock)
    engine.apply(Start())
    engine.apply(BeginRound())
    for _ in range(4):
        clock.advance(50)
        engine.apply(EditDraft.between(engine.draft or "", "partial answer, like, cut off"))
        engine.apply(Tick())
    engine.apply(Pause())
    clock.advance(5)
    engine.apply(Quit())
    return engine.record


def test_pressure_run_that_ended_early_is_valid_and_says_so(validator) -> None:
    record = pressure_record_quit_mid_challenge()
    document = assert_valid(validator, record)
    assert document["ended_early"] is True and document["seed"] == 7
    statuses = [q["status"] for r in document["rounds"] for q in r["questions"]]
    assert "timed_out" in statuses and "not_reached" in statuses
    assert document["pauses"][0]["end"] is not None
    markdown = render(record, "md")
    assert "- **Status:** ended early" in markdown
    assert "*Not reached.*" in markdown


def record_with_an_empty_answer() -> SessionRecord:
    """The first question marked done with nothing typed, its challenges answered; the rest skipped."""
    clock = FakeClock(wall=WALL)
    engine = SessionEngine.new(golden_pack(), SessionOptions(mode=Mode.PRACTICE), clock)
    engine.apply(Start())
    engine.apply(BeginRound())
    clock.advance(20)
    engine.apply(Done("   "))
    for answer in ("Cut paid spend.", "Retained users come back."):
        clock.advance(10)
        engine.apply(Done(answer))
    engine.apply(Continue())
    engine.apply(Skip())
    engine.apply(Continue())
    engine.apply(SubmitAssessment())
    engine.apply(Quit())
    return engine.record


def test_an_empty_answer_is_no_answer_typed_not_answered(validator) -> None:
    record = record_with_an_empty_answer()
    document = assert_valid(validator, record)
    metrics = document["rounds"][0]["questions"][0]
    assert metrics["status"] == "no_answer"
    assert document["practise_next"][1]["question_id"] == "metrics"
    assert document["practise_next"][1]["reasons"][:3] == ["no answer typed", "not rated", "checklist 0/2"]
    markdown = render(record, "md")
    assert "| 1.1 | Which metrics tell you a video \\*worked\\*? | no answer typed |" in markdown
    assert "- Names completion rate, not just views — *no keyword of this line mentioned*" in markdown
    assert "*Answer time: 0:20 of 1:00 + challenges 0:20 of 0:50*" in markdown
    assert "<td>no answer typed</td>" in render(record, "html")


def test_json_ratings_are_the_scales_values_and_the_schema_takes_nothing_else(validator) -> None:
    document = json.loads(render(golden_record(), "json"))
    metrics = document["rounds"][0]["questions"][0]
    assert (metrics["rating"], metrics["interviewer_rating"]) == ("good", "mixed")
    assert validator.schema["$defs"]["rating"]["enum"] == [*(level.value for level in SCALE), None]
    for wrong in (4, "Good", "great"):
        metrics["rating"] = wrong
        assert not validator.is_valid(document)


def test_the_average_rating_leaves_no_evidence_out_and_says_so() -> None:
    record = golden_record()  # self: good, poor, no evidence; the interviewer: mixed on one question
    totals = session_totals(record)
    own = totals.own_rating
    assert (own.points, own.rated, own.no_evidence) == (2.0, 2, 1)
    assert "average rating self 2.0/4 (2 rated, 1 no evidence), interviewer 2.0/4 ·" in totals_line(totals)
    for question in record.questions():
        question.assessments[Role.SELF].rating = Rating.NO_EVIDENCE
    assert "average rating self – (0 rated, 3 no evidence)," in totals_line(session_totals(record))
    for question in record.questions():
        question.assessments[Role.SELF].rating = Rating.EXCELLENT if question.question_id == "why" else None
    assert "average rating self 4.0/4," in totals_line(session_totals(record))
    for question in record.questions():
        question.assessments[Role.SELF].rating = None
        question.assessments.pop(Role.INTERVIEWER, None)
    assert "average rating self not rated, interviewer not rated ·" in totals_line(session_totals(record))
    record.pair = False
    assert "average rating not rated ·" in totals_line(session_totals(record))


def test_guide_evidence_counts_inflected_keywords() -> None:
    record = golden_record()
    record.rounds[0].questions[0].answer = "Completed views, engagements and a share."
    markdown = render(record, "md")
    assert "- Names completion rate, not just views — *mentioned: completion*" in markdown
    assert "**Keywords:** 3 of 3 mentioned (completion, engagement, shares)" in markdown


answer_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
typed = st.one_of(answer_text, st.sampled_from(["Um, cohorts, like, you know", "completion and retention", ""]))
actions = st.lists(
    st.one_of(
        st.tuples(st.just("advance"), st.floats(min_value=0, max_value=200, allow_nan=False)),
        st.tuples(st.just("answer"), typed),
        st.tuples(st.just("answer"), typed),
        st.tuples(st.sampled_from(["skip", "hint", "toggle_pause"]), st.none()),
        st.tuples(st.just("assess"), st.tuples(st.sampled_from(Role), st.sampled_from(SCALE))),
    ),
    max_size=40,
)


COMMANDS: dict[str, Callable[[SessionEngine], Command]] = {
    "skip": lambda engine: Skip(),
    "hint": lambda engine: Hint(),
    "toggle_pause": lambda engine: Resume() if engine.paused else Pause(),
}


def drive(mode: Mode, pair: bool, candidate: str, steps: list[tuple[str, object]], quit_at_end: bool) -> SessionRecord:
    """Run the engine through arbitrary actions; actions that do not fit the state are refused by it."""
    clock = FakeClock(wall=WALL)
    engine = SessionEngine.new(golden_pack(), SessionOptions(mode=mode, pair=pair, candidate=candidate), clock)
    engine.apply(Start())
    for name, value in steps:
        try:
            _apply(engine, clock, name, value)
        except EngineError:
            continue  # a refused action leaves the engine as it was, which is what is being exercised
    if quit_at_end and engine.phase is not Phase.FINISHED:
        engine.apply(Quit())
    return engine.record


def _apply(engine: SessionEngine, clock: FakeClock, name: str, value: object) -> None:
    if name == "advance":
        clock.advance(value)
        engine.apply(Tick())
    elif name == "answer":
        _answer(engine, value)
    elif name == "assess":
        ids = [q.question_id for q in engine.record.rounds[getattr(engine.state, "round", 0)].questions]
        checks = {qid: frozenset({"Named a metric"}) for qid in ids}
        role, rating = value
        engine.apply(SubmitAssessment(role=role, question_checks=checks, ratings=dict.fromkeys(ids, rating)))
    else:
        engine.apply(COMMANDS[name](engine))


def _answer(engine: SessionEngine, text: str) -> None:
    """Move the run forward from wherever it is: start the round, leave the review, or submit."""
    if engine.phase is Phase.ROUND_INTRO:
        engine.apply(BeginRound())
    elif engine.phase is Phase.REVIEW:
        engine.apply(Continue())
    elif engine.phase is Phase.ASSESSMENT:
        round_ = engine.record.rounds[getattr(engine.state, "round", 0)]
        missing = engine.record.pair and Role.INTERVIEWER not in round_.assessments
        engine.apply(SubmitAssessment(role=Role.INTERVIEWER if missing else Role.SELF, ratings={"why": Rating.POOR}))
    else:
        engine.apply(Done(text))


@settings(max_examples=60, deadline=None)
@given(
    mode=st.sampled_from(Mode),
    pair=st.booleans(),
    candidate=answer_text,
    steps=actions,
    quit_at_end=st.booleans(),
)
def test_every_export_of_any_run_is_valid_and_escaped(validator, mode, pair, candidate, steps, quit_at_end) -> None:
    record = drive(mode, pair, candidate, steps, quit_at_end)
    document = assert_valid(validator, record)
    assert document["candidate"] == candidate
    answers = [q.answer for q in record.questions()]
    assert [q["answer"] for r in document["rounds"] for q in r["questions"]] == answers
    page = render(record, "html")
    for answer in answers:
        if answer.strip():
            assert printable(html.escape(answer.strip())) in page
    markdown = render(record, "md")
    assert markdown.endswith("\n")
    # Whatever was typed or pasted, no format lets a control character act on a terminal showing it.
    for text in (page, markdown, render(record, "json")):
        assert not has_unsafe_characters(text)


PASTED = "pasted \x1b]0;pwned\x07 \x1b[2J \x9b31m \x7f \x00 \u202eevil"
"""An answer pasted with escape sequences: window title, clear screen, C1 CSI, DEL, NUL, a bidi override."""


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_text_exports_show_control_characters_as_escapes(fmt: str) -> None:
    clock = FakeClock(wall=WALL)
    engine = SessionEngine.new(golden_pack(), SessionOptions(candidate=f"Eve{PASTED}"), clock)
    engine.apply(Start())
    engine.apply(BeginRound())
    engine.apply(Done(PASTED))
    text = render(engine.record, fmt)
    assert not has_unsafe_characters(text)
    escaped = escape_line(PASTED) if fmt == "md" else html.escape(PASTED)
    assert printable(escaped) in text
    assert "\\x1b" in printable(escaped) and "\\u202e" in printable(escaped)


def test_json_export_escapes_every_control_character_and_reads_back_exactly() -> None:
    clock = FakeClock(wall=WALL)
    engine = SessionEngine.new(golden_pack(), SessionOptions(candidate=f"Eve{PASTED}"), clock)
    engine.apply(Start())
    engine.apply(BeginRound())
    engine.apply(Done(PASTED))
    text = render(engine.record, "json")
    assert not has_unsafe_characters(text)
    assert "\\u009b31m" in text and "\\u202eevil" in text
    document = json.loads(text)
    assert document["candidate"] == f"Eve{PASTED}"
    assert document["rounds"][0]["questions"][0]["answer"] == PASTED


# -- HTML ---------------------------------------------------------------------


def test_html_escapes_user_text() -> None:
    page = render(golden_record(), "html")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Could quantify [more]." in page


def test_html_is_standalone_and_printable() -> None:
    page = render(golden_record(), "html")
    assert page.startswith("<!DOCTYPE html>")
    for remote in ("http://", "https://", "//fonts", "<link", "<script", "@import", "url(", "src="):
        assert remote not in page
    assert "@media print" in page
    assert "break-inside: avoid" in page
    assert page.count("☑") == 4 and page.count("☐") == 2


# -- Markdown -----------------------------------------------------------------


def test_markdown_escapes_user_text_but_stays_readable() -> None:
    text = render(golden_record(), "md")
    assert "\\<script\\>alert(1)\\</script\\>" in text
    assert "comments and \\*saves\\*" in text
    assert "> \\# not a heading" in text
    assert "Numbers \\| examples" in text
    assert "| 1.1 | Which metrics tell you a video \\*worked\\*? |" in text
    assert "- [x] Named a metric\n- [ ] Explained why" in text


@pytest.mark.parametrize(
    ("line", "escaped"),
    [
        ("# title", "\\# title"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("> quote", "\\> quote"),
        ("12. point", "12\\. point"),
        ("3) point", "3\\) point"),
        ("===", "\\==="),
        ("a_b *c* `d` [e](f) <g> h|i ~j~ \\k", "a\\_b \\*c\\* \\`d\\` \\[e\\](f) \\<g\\> h\\|i \\~j\\~ \\\\k"),
        ("plain 1. not a list", "plain 1. not a list"),
    ],
)
def test_markdown_escape_line(line: str, escaped: str) -> None:
    assert escape_line(line) == escaped


def test_markdown_quote_keeps_line_breaks_and_paragraphs() -> None:
    assert quote("one\ntwo\n\nthree") == ["> one  ", "> two", ">", "> three"]


# -- files --------------------------------------------------------------------


def test_export_session_names_files_from_the_start_time(tmp_path: Path) -> None:
    paths = export_session(golden_record(), tmp_path, ["md", "json", "html"])
    assert [p.name for p in paths] == [f"mockint-demo-pack-Ada-Lovelace-20260309-1405.{ext}" for ext in ("md", "json", "html")]
    assert paths[0].read_text(encoding="utf-8") == render(golden_record(), "md")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)


def test_export_session_never_overwrites(tmp_path: Path) -> None:
    record = golden_record()
    taken = tmp_path / "mockint-demo-pack-Ada-Lovelace-20260309-1405.json"
    taken.write_text("keep me", encoding="utf-8")
    first = export_session(record, tmp_path, ["md"])
    second = export_session(record, tmp_path, ["md", "json"])
    assert first[0].name == "mockint-demo-pack-Ada-Lovelace-20260309-1405.md"
    # The md name is free only without a suffix and json is taken there: both move to -2.
    assert [p.name for p in second] == ["mockint-demo-pack-Ada-Lovelace-20260309-1405-2.md", "mockint-demo-pack-Ada-Lovelace-20260309-1405-2.json"]
    third = export_session(record, tmp_path, ["md"])
    assert third[0].name == "mockint-demo-pack-Ada-Lovelace-20260309-1405-3.md"
    assert taken.read_text(encoding="utf-8") == "keep me"


def test_file_stem_makes_the_pack_name_safe() -> None:
    record = golden_record()
    record.pack_name = "../My pack: ünïcode/é"
    assert file_stem(record) == "mockint-My-pack-n-code-Ada-Lovelace-20260309-1405"  # a pair run's candidate
    record.candidate = "../Zoë: \u202e/"
    assert file_stem(record) == "mockint-My-pack-n-code-Zo-20260309-1405"
    record.pair = False
    assert file_stem(record) == "mockint-My-pack-n-code-20260309-1405"


def test_a_long_pack_name_makes_a_short_distinct_file_name() -> None:
    record = golden_record()
    record.pack_name = "backend-" + "x" * 300 + "-one"
    first = file_stem(record)
    record.pack_name = "backend-" + "x" * 300 + "-two"
    second = file_stem(record)
    assert first != second
    for stem in (first, second):
        # The pack's part is cut; a pair run's candidate adds at most MAX_NAME_PART and a dash.
        assert len(stem) <= 110 + MAX_NAME_PART + 1 and stem.startswith("mockint-backend-xxxx")
        assert stem.endswith("-Ada-Lovelace-20260309-1405")


def test_a_long_pack_name_exports_without_overwriting(tmp_path: Path) -> None:
    record = golden_record()
    record.pack_name = "p" * 250
    first = export_session(record, tmp_path, ["md", "json", "html"])
    second = export_session(record, tmp_path, ["md", "json", "html"])
    assert [p.stem for p in first] == [file_stem(record)] * 3
    assert [p.stem for p in second] == [file_stem(record) + "-2"] * 3
    assert len(list(tmp_path.iterdir())) == 6


def test_a_name_that_is_not_utf8_is_exported_as_escapes(tmp_path: Path) -> None:
    record = golden_record()
    record.pack_title = os.fsdecode(b"caf\xe9 pack")  # a folder name in Latin-1 on a UTF-8 system
    record.rounds[0].questions[0].answer = "typed \udcff here"
    written = export_session(record, tmp_path, ["md", "json", "html"])
    texts = {path.suffix: path.read_text(encoding="utf-8") for path in written}
    assert "caf\\udce9 pack" in texts[".md"] and "typed \\udcff here" in texts[".md"]
    assert json.loads(texts[".json"])["pack"]["title"] == "caf\udce9 pack"
    assert "caf\\udce9 pack" in texts[".html"]


def test_export_to_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "deeper"
    with pytest.raises(ExportError, match=r"the folder does not exist"):
        export_session(golden_record(), missing, ["md"])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("under", [False, True])
def test_export_to_a_file_is_a_clear_error(tmp_path: Path, under: bool) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    target = a_file / "sub" if under else a_file
    with pytest.raises(ExportError, match=f"{a_file.name} is a file, not a folder|it is a file, not a folder"):
        export_session(golden_record(), target, ["md", "html"])
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_replace = os.replace
    calls = []

    def replace_then_fail(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_then_fail)
    with pytest.raises(ExportError, match="No space left on device"):
        export_session(golden_record(), tmp_path, ["md", "json", "html"])
    assert len(calls) == 2
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_format_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown format"):
        export_session(golden_record(), tmp_path, ["md", "docx"])
    with pytest.raises(ExportError, match="at least one format"):
        export_session(golden_record(), tmp_path, [])
    assert list(tmp_path.iterdir()) == []
