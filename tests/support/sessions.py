"""Driving the session engine with arbitrary command sequences, for the replay, codec and view tests."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

from mockint.core import codec
from mockint.core.clock import FakeClock
from mockint.session.commands import (
    BeginRound, Command, Continue, Done, EditDraft, Hint, Pause, Quit, Resume, Skip, Start, Step, SubmitAssessment, Tick,
)
from mockint.session.engine import SessionEngine
from mockint.core.model import Pack
from mockint.session.record import Mode, Reflection, Role, SessionRecord, decode_record
from mockint.session.setup import EngineError, SessionOptions
from mockint.session.state import Phase

TYPED = ["", "I track completion and engagement.", "Retention by cohort, like, weekly", "It is us, not the algorithm."]
"""Answers for the test packs: some mention an `unless_mentioned` term (retention), some do not."""

action = st.one_of(
    st.tuples(st.sampled_from(["advance", "advance", "wait"]), st.floats(min_value=0, max_value=90, allow_nan=False)),
    st.tuples(st.just("type"), st.one_of(st.sampled_from(TYPED), st.text(max_size=30))),
    st.tuples(st.sampled_from(["done", "skip", "hint", "pause", "tick"]), st.none()),
    st.tuples(st.sampled_from(["assess", "assess interviewer"]), st.integers(min_value=1, max_value=5)),
)
actions = st.lists(st.tuples(action, st.booleans()), min_size=10, max_size=80).map(
    lambda steps: [each for act, then_next in steps for each in ([act, ("next", None)] if then_next else [act])]
)
"""A candidate's (and an interviewer's) arbitrary doings; those that do not fit the state are refused.

Most are followed by "next", whatever moves the run on from where it is, so that runs get far.
"""


def command_for(engine: SessionEngine, name: str, value: object) -> Command | None:
    """The command an action stands for now; None for the passing of time alone."""
    simple: dict[str, Callable[[], Command]] = {
        "done": Done, "skip": Skip, "hint": Hint, "continue": Continue, "begin": BeginRound, "tick": Tick,
        "pause": lambda: Resume() if engine.paused else Pause(),
    }  # fmt: skip
    if name == "next":
        name = _NEXT.get(engine.phase, "done")
        round_ = engine.interviewer_view().round
        if name == "assess" and engine.record.pair and round_ and Role.INTERVIEWER not in round_.assessments:
            name = "assess interviewer"  # the partner scores first
    if name in simple:
        return simple[name]()
    if name == "type":
        return EditDraft.between(engine.draft or "", str(value))
    if name.startswith("assess"):
        return _assessment(engine, name, 3 if value is None else int(value))  # type: ignore[call-overload]
    return None


_NEXT = {Phase.ROUND_INTRO: "begin", Phase.REVIEW: "continue", Phase.ASSESSMENT: "assess"}


def _assessment(engine: SessionEngine, name: str, rating: int) -> SubmitAssessment:
    round_ = engine.interviewer_view().round
    questions = round_.questions if round_ else []
    ids = [q.question_id for q in questions]
    if name == "assess interviewer":
        notes = {qid: f"NOTE-MARK {qid}" for qid in ids}
        change = Reflection(start=f"NOTE-MARK round {round_.round_id}" if round_ else "")
        return SubmitAssessment(role=Role.INTERVIEWER, ratings=dict.fromkeys(ids, rating), notes=notes, reflection=change)
    checks = {q.question_id: frozenset(q.checklist) for q in questions}
    return SubmitAssessment(
        ratings=dict.fromkeys(ids, rating), question_checks=checks, reflection=Reflection(keep=f"kept {rating}")
    )


class Run:
    """An engine on a fake clock that keeps its journal and its starting record, as a saved session would."""

    def __init__(
        self,
        pack: Pack,
        options: SessionOptions,
        before_start: Callable[[SessionEngine], object] | None = None,
        **engine_options: object,
    ) -> None:
        """`before_start` sees the engine before its first command (to follow its steps, as an autosave does)."""
        self.clock = FakeClock()
        self.engine = SessionEngine.new(pack, options, self.clock, **engine_options)
        self.initial = codec.encode(self.engine.record)
        if before_start is not None:
            before_start(self.engine)
        self.journal: list[Step] = []
        self.apply(Start())

    def apply(self, command: Command) -> bool:
        """Apply and journal `command`; False when the engine refused it (it is then not journaled)."""
        try:
            self.journal.append(self.engine.apply(command))
        except EngineError:
            return False
        return True

    def act(self, name: str, value: object) -> None:
        if name in ("advance", "wait"):
            self.clock.advance(float(value))  # type: ignore[arg-type]
            if name == "advance":  # time passes with the screen's ticks; "wait" leaves them out
                self.apply(Tick())
            return
        command = command_for(self.engine, name, value)
        if command is not None:
            self.apply(command)

    def drive(self, steps: list[tuple[str, object]], quit_at_end: bool = False, after_each: Callable[[], None] | None = None) -> None:
        for name, value in steps:
            self.act(name, value)
            if after_each is not None:
                after_each()
        if quit_at_end:
            self.apply(Quit())

    def replayed(self, **engine_options: object) -> SessionEngine:
        """A fresh engine on another clock, from the starting record, replaying the journal through the codec."""
        fresh = SessionEngine(decode_record(self.initial), FakeClock(start=7.0), **engine_options)
        for step in self.journal:
            fresh.replay(codec.decode(codec.encode(step), Step))
        return fresh


def modes() -> st.SearchStrategy[tuple[Mode, bool]]:
    return st.tuples(st.sampled_from(Mode), st.booleans())


def record_copy(record: SessionRecord) -> SessionRecord:
    return decode_record(codec.encode(record))
