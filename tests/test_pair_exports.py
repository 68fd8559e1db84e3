"""A pair run's transcripts: the interviewer's notes as the answer, the evidence, the scorecard, the calibration
and the overall decision, in every format and the JSON schema; none of it in a solo run's."""

from __future__ import annotations

import json

import jsonschema

from mockint.core.paths import schema_path
from mockint.core.ratings import Rating
from mockint.analysis.insights import session_insights
from mockint.exporters import content, render
from mockint.exporters.content import session_totals, totals_line
from mockint.session.commands import (
    BeginRound, Continue, Count, Done, Note, SubmitAssessment, ToggleHeard,
)
from mockint.session.record import Advance, Counter, Reflection, Role, SessionRecord
from mockint.session.setup import SessionOptions
from mockint.ui.screens.summary import practise_text, title_text, typed_text
from support.packs import make_pack
from support.sessions import Run

FLAG = "you rated excellent, your interviewer mixed"


def pair_record() -> SessionRecord:
    run = Run(make_pack(), SessionOptions(pair=True, candidate="Ann", interviewer="Bo"))
    run.clock.advance(1)
    script = [BeginRound(), Note("completion rate, then engagement"), ToggleHeard("engagement"), Count(Counter.RAMBLING)]
    for command in script:
        run.clock.advance(5)
        assert run.apply(command), command
    while run.engine.interviewer_view().position.phase.value != "assessment":
        assert run.apply(Continue() if run.engine.phase.value == "review" else Done())
    assert run.apply(SubmitAssessment(ratings={"metrics": Rating.EXCELLENT, "drop": Rating.GOOD}))
    assert run.apply(SubmitAssessment(
        role=Role.INTERVIEWER, ratings={"metrics": Rating.MIXED, "drop": Rating.GOOD},
        reflection=Reflection(keep="Structure first", change="Name a number"),
    ))  # fmt: skip
    assert run.apply(BeginRound()) and run.apply(Done()) and run.apply(Continue())
    assert run.apply(SubmitAssessment(ratings={"why": Rating.GOOD}))
    assert run.apply(SubmitAssessment(role=Role.INTERVIEWER, ratings={"why": Rating.GOOD}, advance=Advance.STRONG_NO))
    return run.engine.record


def test_a_pair_transcript_carries_the_scorecard_the_evidence_and_the_calibration() -> None:
    record = pair_record()
    for fmt in ("md", "html"):
        text = render(record, fmt)
        for expected in ("the interviewer&#x27;s notes" if fmt == "html" else "the interviewer's notes",
                         "0:05 completion rate, then engagement", "Heard: engagement", "Counted: Rambling 1",
                         "Structure first", "Name a number", f"Ops, question 1: {FLAG}", "Strong no",
                         "Agreed on 2 of 3 questions; 1 gap of two levels or more",
                         "Counted by the interviewer:</strong> Filler words 0, Rambling 1" if fmt == "html"
                         else "Counted by the interviewer: Filler words 0, Rambling 1"):  # fmt: skip
            assert expected in text, (fmt, expected)
    document = json.loads(render(record, "json"))
    schema = json.loads((schema_path("round").parent / "transcript.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    metrics = document["rounds"][0]["questions"][0]
    assert metrics["answer"] == "completion rate, then engagement"
    assert metrics["evidence"] == {
        "notes": [{"at": 5.0, "text": "completion rate, then engagement", "challenge": None}],
        "heard": ["engagement"], "counts": {"filler": 0, "rambling": 1},
    }  # fmt: skip
    assert document["rounds"][0]["scorecard"]["change"] == "Name a number"
    assert document["advance"] == "strong_no" and document["summary"]["counted"] == {"filler": 0, "rambling": 1}
    calibration = document["calibration"]
    assert calibration["questions"][0] == {
        "round_id": "01-ops", "question_id": "metrics", "self": "excellent", "interviewer": "mixed", "gap": -2,
        "flag": FLAG,
    }  # fmt: skip
    assert (calibration["compared"], calibration["agreed"]) == (3, 2)


def test_the_summary_and_every_transcript_give_both_averages_and_label_the_notes_figures() -> None:
    record = pair_record()  # self: excellent, good, good; interviewer: mixed, good, good
    averages = "self 3.3/4, interviewer 2.7/4"
    notes = "From the interviewer's notes: 4 words; 100% of keywords mentioned"
    assert f"average rating {averages}" in totals_line(session_totals(record))
    assert typed_text(record, session_insights(record)) == notes
    markdown, html = render(record, "md"), render(record, "html")
    for text in (markdown, html.replace("&#x27;", "'").replace("<strong>", "").replace("</strong>", "")):
        assert f"Average rating: {averages}" in text and notes in text
        assert "wpm" not in text and "Insights" not in text and "Pace" not in text  # the notes' pace says nothing
        assert "pair interview (practice rules)" in text and "practice, pair" not in text
    assert "| # | Question | Status | Time | Checklist | Rating | Counted | Keywords |" in markdown
    assert "| Excellent (interviewer Mixed) | Rambling 1 | 2/2 |" in markdown
    assert "(no notes taken)" in markdown and "no answer typed" not in markdown.split("## Practise next")[0]
    assert "| 2.1 | Why us? | no notes taken |" in markdown


def test_a_pair_run_words_a_question_without_text_as_no_notes_taken_in_the_totals_and_practise_next() -> None:
    record = pair_record()  # the second and third questions: nothing noted
    assert "Answered 1 · no notes taken 2 · skipped 0 ·" in totals_line(session_totals(record))
    screen = practise_text(record, session_insights(record))
    assert "Why us? (HR): no notes taken" in screen and "no answer" not in screen
    for fmt in ("md", "html"):
        text = render(record, fmt)
        assert "(HR): no notes taken" in text and "then no notes taken, then cut off" in text, fmt
        assert "no answer" not in text, fmt
    document = json.loads(render(record, "json"))
    assert [item["reasons"] for item in document["practise_next"]][:2] == [["no notes taken"], ["no notes taken"]]
    assert "left without notes" in content.practise_none(record)
    assert "typed answer" not in content.practise_none(record)


def test_the_summary_title_and_the_console_word_the_pair_run_as_the_transcripts_do() -> None:
    record = pair_record()
    assert title_text(record).startswith("Demo · pair interview (practice rules): Bo interviewed Ann · ")
    assert content.mode_label(record) == "pair interview (practice rules)"


def test_the_json_summary_gives_both_averages_and_says_its_figures_come_from_the_notes() -> None:
    summary = json.loads(render(pair_record(), "json"))["summary"]  # self: excellent, good, good; interviewer: mixed, good, good
    assert summary["figures_from"] == "interviewer_notes"
    assert summary["average_rating"] == {
        "self": {"points": 3.33, "rated": 3, "no_evidence": 0},
        "interviewer": {"points": 2.67, "rated": 3, "no_evidence": 0},
    }
    solo = json.loads(render(Run(make_pack(), SessionOptions()).engine.record, "json"))["summary"]
    assert solo["figures_from"] == "answers"
    assert solo["average_rating"] == {"self": {"points": None, "rated": 0, "no_evidence": 0}, "interviewer": None}


def test_a_solo_transcript_has_none_of_it() -> None:
    run = Run(make_pack(), SessionOptions())
    document = json.loads(render(run.engine.record, "json"))
    assert document["calibration"] is None and document["advance"] is None and document["summary"]["counted"] is None
    assert all(r["scorecard"] is None for r in document["rounds"])
    assert all(q["evidence"] is None for r in document["rounds"] for q in r["questions"])
    assert "Calibration" not in render(run.engine.record, "md")
