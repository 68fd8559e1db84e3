"""Whole interviews of the mini pack driven through the engine, for the screens and transcripts to show."""

from __future__ import annotations

from mockint.core.clock import FakeClock
from mockint.core.ratings import Rating
from mockint.session.commands import BeginRound, Continue, Done, EditDraft, Quit, Skip, Start, SubmitAssessment, Tick
from mockint.session.engine import SessionEngine
from mockint.session.record import Mode, Reflection
from mockint.session.setup import SessionOptions
from support.packs import mini_pack


def finish_run(engine: SessionEngine, clock: FakeClock) -> None:
    """Drive a practice run of the mini pack to its end with every kind of outcome."""
    engine.apply(BeginRound())
    clock.advance(72)
    engine.apply(Done("My role: I lead a team."))
    clock.advance(20)
    engine.apply(Done("Growth."))
    engine.apply(Continue())
    clock.advance(30)
    engine.apply(Done("Constant, with collision chains."))
    clock.advance(17)  # reading the review: session time, not answering time
    engine.apply(Continue())
    engine.apply(
        SubmitAssessment(
            question_checks={"intro": {"Mentioned a concrete result"}},
            ratings={"intro": Rating.GOOD, "q2": Rating.MIXED},
            round_checks={"Introduced yourself in under a minute"},
            reflection=Reflection(keep="structure"),
        )
    )
    engine.apply(BeginRound())
    engine.apply(Skip())
    engine.apply(Continue())
    # The whole interview's checklist is assessed once, with the last round.
    engine.apply(SubmitAssessment(interview_checks={"Asked at least one clarifying question"}))


def pressure_run_with_every_outcome(clock: FakeClock) -> SessionEngine:
    """No answer typed, cut off with nothing typed, cut off mid-answer, then quit during a challenge."""
    engine = SessionEngine.new(mini_pack(), SessionOptions(mode=Mode.PRESSURE), clock)
    engine.apply(Start())
    engine.apply(BeginRound())
    engine.apply(Done(""))  # done with nothing typed
    engine.apply(Done("growth"))
    clock.advance(46)  # the hash map question runs out with nothing typed
    engine.apply(Tick())
    engine.apply(Done("still constant"))
    engine.apply(SubmitAssessment())
    engine.apply(BeginRound())
    engine.apply(EditDraft.between(engine.draft or "", "TTL and eviction"))
    clock.advance(60)  # interrupted at 1m
    engine.apply(Tick())
    engine.apply(Done("invalidate on write"))
    clock.advance(61)  # then cut off at 2m
    engine.apply(Tick())
    engine.apply(Quit())
    return engine
