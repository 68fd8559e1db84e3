"""A challenge ended by a quit or by its clock with nothing typed is reported as left empty, not answered."""

from __future__ import annotations

from support.packs import mini_pack
from support.runs import pressure_run_with_every_outcome
from mockint.core.clock import FakeClock
from mockint.session.commands import BeginRound, Done, EditDraft, Start, Tick
from mockint.session.engine import SessionEngine
from mockint.exporters import content
from mockint.exporters.jsonexport import render_json
from mockint.exporters.markdown import render_markdown
from mockint.session.record import ChallengeStatus, Mode
from mockint.session.setup import SessionOptions


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
