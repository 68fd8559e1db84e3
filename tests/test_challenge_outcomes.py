"""A challenge ended by a quit or by its clock with nothing typed is reported as left empty, not answered."""

from __future__ import annotations

import json

from support.packs import make_pack, mini_pack
from support.runs import pressure_run_with_every_outcome
from support.sessions import Run
from mockint.core import codec
from mockint.core.clock import FakeClock
from mockint.session.commands import BeginRound, Continue, Done, EditDraft, Note, PoseChallenge, Start, Tick
from mockint.session.engine import SessionEngine
from mockint.exporters import content, render
from mockint.exporters.jsonexport import render_json
from mockint.exporters.markdown import render_markdown
from mockint.session.record import ChallengeRecord, ChallengeStatus, Mode, decode_record
from mockint.session.setup import SessionOptions
from mockint.session.state import Answering, Reviewing
from mockint.ui.widgets.review import challenge_line


def test_a_challenge_left_empty_at_quit_is_not_answered() -> None:
    engine = pressure_run_with_every_outcome(FakeClock())
    challenge = engine.record.rounds[1].questions[0].challenges[-1]
    assert challenge.status is ChallengeStatus.LEFT_EMPTY and not challenge.auto_advanced
    assert challenge.posed
    said = content.challenge_outcome(challenge)
    assert said.startswith("nothing typed before the interview was quit, after 0:")
    assert '"status": "left_empty"' in render_json(engine.record)


def test_a_challenge_left_empty_when_its_time_ran_out_is_not_answered() -> None:
    clock = FakeClock()
    engine = SessionEngine.new(mini_pack(), SessionOptions(mode=Mode.PRESSURE), clock)
    engine.apply(Start())
    engine.apply(BeginRound())
    engine.apply(Done("I lead a team."))  # the follow-up challenge is posed
    challenge = engine.record.rounds[0].questions[0].challenges[0]
    clock.advance(challenge.limit + 1)
    engine.apply(Tick())
    assert challenge.status is ChallengeStatus.LEFT_EMPTY and challenge.auto_advanced
    assert content.challenge_outcome(challenge) == "nothing typed before its time ran out, after 0:30 of 0:30"
    markdown = render_markdown(engine.record)
    assert "nothing typed before its time ran out" in markdown


def test_a_challenge_with_text_when_its_time_ran_out_is_answered() -> None:
    clock = FakeClock()
    engine = SessionEngine.new(mini_pack(), SessionOptions(mode=Mode.PRESSURE), clock)
    engine.apply(Start())
    engine.apply(BeginRound())
    engine.apply(Done("I lead a team."))
    challenge = engine.record.rounds[0].questions[0].challenges[0]
    engine.apply(EditDraft.between("", "More reach."))
    clock.advance(challenge.limit + 1)
    engine.apply(Tick())
    assert challenge.status is ChallengeStatus.ANSWERED and challenge.auto_advanced


def at_the_interrupting_question() -> Run:
    """A pair run in pressure mode on its second question, whose challenge is scripted at 0:45."""
    run = Run(make_pack(), SessionOptions(mode=Mode.PRESSURE, pair=True, candidate="Ann", interviewer="Bo"))
    assert run.apply(BeginRound())
    while not (isinstance(run.engine.state, Answering) and run.engine.state.question == 1):
        assert run.apply(Continue() if isinstance(run.engine.state, Reviewing) else Done())
    return run


def interrupting_challenge(run: Run) -> ChallengeRecord:
    challenge = run.engine.record.rounds[0].questions[1].challenges[0]
    assert challenge.at == 45
    return challenge


def wordings(run: Run) -> list[str]:
    """Every place that words the challenge's moment: the review, the Markdown and the HTML transcripts."""
    challenge = interrupting_challenge(run)
    return [challenge_line(challenge, pair=True), render(run.engine.record, "md"), render(run.engine.record, "html")]


def test_a_challenge_posed_early_by_the_interviewer_says_when_it_was_posed_not_its_scripted_time() -> None:
    run = at_the_interrupting_question()
    run.clock.advance(12)
    assert run.apply(PoseChallenge(0))
    run.clock.advance(5)
    assert run.apply(Note("blames the feed")) and run.apply(Done())
    challenge = interrupting_challenge(run)
    assert content.challenge_outcome(challenge) == "answered in 0:05 of 0:30, posed by the interviewer at 0:12"
    assert challenge_line(challenge, pair=True) == "answered in 0:05 / 0:30, posed by the interviewer at 0:12"
    for text in wordings(run):
        assert "posed by the interviewer at 0:12" in text and "interrupting the answer at 0:45" not in text
    document = json.loads(render_json(run.engine.record))
    said = document["rounds"][0]["questions"][1]["challenges"][0]
    assert (said["at"], said["posed_at"], said["posed_by_interviewer"]) == (45, 12.0, True)


def test_a_challenge_that_fired_by_itself_keeps_its_scripted_wording() -> None:
    run = at_the_interrupting_question()
    run.clock.advance(50)
    assert run.apply(Tick())  # fires at 0:45 by itself
    run.clock.advance(3)
    assert run.apply(Note("the algorithm")) and run.apply(Done())
    challenge = interrupting_challenge(run)
    assert content.challenge_moment(challenge) == "interrupting the answer at 0:45"
    for text in wordings(run):
        assert "interrupting the answer at 0:45" in text and "posed by the interviewer" not in text
    said = json.loads(render_json(run.engine.record))["rounds"][0]["questions"][1]["challenges"][0]
    assert (said["posed_at"], said["posed_by_interviewer"]) == (45.0, False)


def test_a_record_saved_before_the_posing_time_was_kept_reads_with_the_scripted_wording() -> None:
    run = at_the_interrupting_question()
    run.clock.advance(50)
    assert run.apply(Tick()) and run.apply(Note("the algorithm")) and run.apply(Done())
    saved = json.loads(codec.encode(run.engine.record))
    for question in saved["rounds"][0]["questions"]:
        for challenge in question["challenges"]:
            del challenge["posed_at"], challenge["posed_by_interviewer"]
    older = decode_record(json.dumps(saved))
    challenge = older.rounds[0].questions[1].challenges[0]
    assert (challenge.posed_at, challenge.posed_by_interviewer) == (None, False)
    assert content.challenge_moment(challenge) == "interrupting the answer at 0:45"
