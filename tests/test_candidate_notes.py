"""The candidate's own notes in a pair run (typed on their terminal): kept per question apart from the
interviewer's notes, in both views, journaled and replayed, and labelled as theirs in every transcript."""

from __future__ import annotations

import json

import jsonschema

from mockint.core import codec
from mockint.core.paths import schema_path
from mockint.exporters import render
from mockint.exporters.content import CANDIDATE_NOTES
from mockint.session.commands import BeginRound, CandidateNotes, Continue, Done, Note, Step, SubmitAssessment
from mockint.session.record import SessionRecord, decode_record
from mockint.session.setup import SessionOptions
from mockint.session.views import CandidateQuestion
from mockint.ui.widgets.review import review_content
from support.packs import make_pack
from support.sessions import Run

OUTLINE = "1. completion\n2. engagement <b>&</b>"


def pair_run() -> Run:
    run = Run(make_pack(), SessionOptions(pair=True, candidate="Ann", interviewer="Bo"))
    assert run.apply(BeginRound())
    return run


def first_question(run: Run):
    return run.engine.record.rounds[0].questions[0]


def test_a_solo_run_refuses_them() -> None:
    run = Run(make_pack(), SessionOptions())
    assert run.apply(BeginRound())
    assert not run.apply(CandidateNotes("an outline"))
    assert first_question(run).candidate_notes == ""


def test_they_replace_what_came_before_on_the_question_on_screen_apart_from_the_interviewers_notes() -> None:
    run = pair_run()
    assert run.apply(CandidateNotes("1. completion"))
    assert run.apply(Note("starts with completion rate"))
    assert run.apply(CandidateNotes(OUTLINE))
    question = first_question(run)
    assert question.candidate_notes == OUTLINE
    assert question.answer == "starts with completion rate"  # the interviewer's notes stay the answer
    assert run.apply(Done())  # a challenge: still the question on screen
    assert run.apply(CandidateNotes(OUTLINE + "\n3. drop"))
    assert first_question(run).candidate_notes.endswith("3. drop")


def test_they_are_refused_where_no_question_is_on_screen() -> None:
    run = Run(make_pack(), SessionOptions(pair=True))  # at the round's intro
    assert not run.apply(CandidateNotes("too early"))
    assert all(not q.candidate_notes for q in run.engine.record.questions())


def test_both_views_hold_them_from_the_start() -> None:
    run = pair_run()
    assert run.apply(CandidateNotes(OUTLINE))
    view = run.engine.candidate_view()
    [question] = view.rounds[0].questions
    assert question.candidate_notes == OUTLINE
    assert question.answer == ""  # the interviewer's notes only at the reveal
    assert run.engine.interviewer_view().question.candidate_notes == OUTLINE


def test_a_view_encoded_before_they_existed_reads_with_none() -> None:
    run = pair_run()
    [question] = run.engine.candidate_view().rounds[0].questions
    data = json.loads(codec.encode(question))
    del data["candidate_notes"]
    assert codec.decode(json.dumps(data), CandidateQuestion).candidate_notes == ""


def test_a_record_saved_before_they_existed_reads_with_none() -> None:
    run = pair_run()
    data = json.loads(codec.encode(run.engine.record))
    for round_ in data["rounds"]:
        for question in round_["questions"]:
            del question["candidate_notes"]
    assert all(q.candidate_notes == "" for q in decode_record(json.dumps(data)).questions())


def test_they_are_journaled_and_replayed() -> None:
    run = pair_run()
    run.clock.advance(3)
    assert run.apply(CandidateNotes("first"))
    run.clock.advance(3)
    assert run.apply(CandidateNotes(OUTLINE))
    kinds = [json.loads(codec.encode(step))["command"]["kind"] for step in run.journal]
    assert kinds.count("candidate_notes") == 2
    replayed = run.replayed()
    assert replayed.record.rounds[0].questions[0].candidate_notes == OUTLINE
    assert codec.encode(replayed.record) == codec.encode(run.engine.record)
    assert codec.decode(codec.encode(run.journal[-1]), Step).command == CandidateNotes(OUTLINE)


def noted_record() -> SessionRecord:
    run = pair_run()
    assert run.apply(CandidateNotes(OUTLINE))
    assert run.apply(Note("completion rate first"))
    while run.engine.phase.value != "assessment":
        assert run.apply(Continue() if run.engine.phase.value == "review" else Done())
    return run.engine.record


def test_every_transcript_shows_them_labelled_as_the_candidates() -> None:
    record = noted_record()
    markdown = render(record, "md")
    assert f"**{CANDIDATE_NOTES}**" in markdown and "> 1\\. completion" in markdown
    assert markdown.index("completion rate first") < markdown.index(CANDIDATE_NOTES)
    html = render(record, "html")
    assert "<h4>Candidate&#x27;s notes</h4>" in html
    assert "engagement &lt;b&gt;&amp;&lt;/b&gt;" in html
    document = json.loads(render(record, "json"))
    schema = json.loads((schema_path("round").parent / "transcript.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    questions = document["rounds"][0]["questions"]
    assert questions[0]["candidate_notes"] == OUTLINE
    assert questions[0]["answer"] == "completion rate first"
    assert questions[1]["candidate_notes"] == ""
    del questions[0]["candidate_notes"]  # a transcript/3 written before the field: still valid
    jsonschema.Draft202012Validator(schema).validate(document)


def test_a_transcript_without_them_has_no_heading_for_them() -> None:
    run = pair_run()
    assert CANDIDATE_NOTES not in render(run.engine.record, "md")
    assert "Candidate&#x27;s notes" not in render(run.engine.record, "html")


def test_the_interviewers_review_shows_the_candidates_notes_beside_their_own() -> None:
    run = pair_run()
    assert run.apply(CandidateNotes("discovery feed; grew a brand 3x"))
    assert run.apply(Note("talks about the feed"))
    reviewed = str(review_content(first_question(run), 80, pair=True))
    assert f"{CANDIDATE_NOTES}\ndiscovery feed; grew a brand 3x" in reviewed and "talks about the feed" in reviewed
    other = run.engine.record.rounds[0].questions[1]
    assert CANDIDATE_NOTES not in str(review_content(other, 80, pair=True))  # none typed there: no heading
