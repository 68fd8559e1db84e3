"""Driving the session engine with arbitrary command sequences, for the replay, codec and view tests."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

from mockint.core import codec
from mockint.core.clock import FakeClock
from mockint.core.ratings import SCALE, Rating
from mockint.session.commands import (
    AddMinute, BeginRound, CandidateNotes, ChooseInForm, Command, Continue, Count, Done, EditDraft, EditForm, Hint,
    Note, Pause, PoseChallenge, Quit, Resume,
    Skip, SkipChallenge, Start, Step, SubmitAssessment, Tick, ToggleHeard,
)
from mockint.session.engine import SessionEngine
from mockint.core.model import Pack
from mockint.session.record import (
    NOTE_LINE, REFLECTION_FIELDS, Advance, Counter, FormChoices, Mode, Reflection, Role, SessionRecord, decode_record,
)
from mockint.session.setup import EngineError, SessionOptions
from mockint.session.state import Phase

TYPED = ["", "I track completion and engagement.", "Retention by cohort, like, weekly", "It is us, not the algorithm."]
"""Answers for the test packs: some mention an `unless_mentioned` term (retention), some do not."""

action = st.one_of(
    st.tuples(st.sampled_from(["advance", "advance", "wait"]), st.floats(min_value=0, max_value=90, allow_nan=False)),
    st.tuples(st.just("type"), st.one_of(st.sampled_from(TYPED), st.text(max_size=30))),
    st.tuples(st.just("candidate notes"), st.sampled_from(TYPED)),
    st.tuples(st.sampled_from(["draft", "draft interviewer"]), st.one_of(st.sampled_from(TYPED), st.text(max_size=30))),
    st.tuples(st.sampled_from(["choose", "choose interviewer"]), st.sampled_from(SCALE)),
    st.tuples(st.sampled_from(["done", "skip", "hint", "pause", "tick"]), st.none()),
    st.tuples(st.sampled_from(["assess", "assess interviewer"]), st.sampled_from(SCALE)),
    st.tuples(st.sampled_from(["pose", "skip challenge", "heard"]), st.integers(min_value=0, max_value=2)),
    st.tuples(st.sampled_from(["count", "add minute"]), st.sampled_from(Counter)),
)
actions = st.lists(st.tuples(action, st.booleans()), min_size=10, max_size=80).map(
    lambda steps: [each for act, then_next in steps for each in ([act, ("next", None)] if then_next else [act])]
)
"""A candidate's (and an interviewer's) arbitrary doings; those that do not fit the state are refused.

In a pair run the text typed is the interviewer's note line, and "candidate notes" the candidate's own typed on
their terminal; "draft" types into the form's fields not handed in yet (the reflection being assessed, or the
partner's note line being written), "choose" rates every question of the round being assessed in the form, not
handing it in; "pose", "skip challenge" and "heard" name a
challenge or a guide item by its index.

Most are followed by "next", whatever moves the run on from where it is, so that runs get far.
"""


def command_for(engine: SessionEngine, name: str, value: object, other_verdict: bool = False) -> Command | None:
    """The command an action stands for now; None for the passing of time alone.

    `other_verdict` gives the interviewer's assessments another rating, the
    opposite ticks and other notes: a run that differs from its twin only in
    what the candidate may not see before the reveal.
    """
    simple: dict[str, Callable[[], Command]] = {
        "done": Done, "skip": Skip, "hint": Hint, "continue": Continue, "begin": BeginRound, "tick": Tick,
        "pause": lambda: Resume() if engine.paused else Pause(),
    }  # fmt: skip
    if name == "next":
        name = _NEXT.get(engine.phase, "done")
        round_ = engine.interviewer_view().round
        if name == "assess" and engine.record.pair and round_ and Role.INTERVIEWER not in round_.assessments:
            name = "assess interviewer"  # whichever role has not assessed yet: the partner, unless in already
    if name in simple:
        return simple[name]()
    if name == "type":
        if engine.record.pair:  # the interviewer files a note line; the candidate speaks
            round_ = engine.interviewer_view().round
            where = round_.round_id if round_ else "-"
            return Note(f"{value} NOTE-LINE-MARK {where}{' other' if other_verdict else ''}")
        return EditDraft.between(engine.draft or "", str(value))
    if name.startswith("draft"):
        return _form_edit(engine, Role.INTERVIEWER if name == "draft interviewer" else Role.SELF, str(value), other_verdict)
    if name.startswith("choose"):
        role = Role.INTERVIEWER if name == "choose interviewer" else Role.SELF
        return _form_choice(engine, role, Rating(value), other_verdict)
    pair = _pair_command(engine, name, value, other_verdict)
    if pair is not None:
        return pair
    if name.startswith("assess"):
        return _assessment(engine, name, Rating.GOOD if value is None else Rating(value), other_verdict)
    return None


def _pair_command(engine: SessionEngine, name: str, value: object, other_verdict: bool) -> Command | None:
    """A partner's doings; `other_verdict` ticks and counts otherwise (none of it changes where the run goes)."""
    if name == "pose":
        return PoseChallenge(int(value))  # type: ignore[call-overload]
    if name == "skip challenge":
        return SkipChallenge(int(value))  # type: ignore[call-overload]
    if name == "add minute":
        return AddMinute()
    if name == "candidate notes":  # the candidate's own, the same in both twins: theirs to see
        return CandidateNotes(str(value))
    if name == "count":
        counter = Counter(value)
        return Count(counter if not other_verdict else next(c for c in Counter if c is not counter))
    if name == "heard":
        question = engine.interviewer_view().question
        items = (*question.guide, *(i for c in question.challenges for i in c.guide)) if question else ()
        return ToggleHeard(items[(int(value) + other_verdict) % len(items)]) if items else None  # type: ignore[call-overload]
    return None


def _form_edit(engine: SessionEngine, role: Role, value: str, other_verdict: bool) -> EditForm:
    """An edit of a field of `role`'s form: a reflection while assessing, else the partner's note line.

    The interviewer's text carries FORM-DRAFT-MARK, never the candidate's to see.
    """
    field = REFLECTION_FIELDS[len(value) % len(REFLECTION_FIELDS)] if engine.phase is Phase.ASSESSMENT else NOTE_LINE
    if role is Role.INTERVIEWER:
        value = f"{value} FORM-DRAFT-MARK{' other' if other_verdict else ''}"
    old = engine.record.form_drafts.get(role, {}).get(field, "")
    return EditForm.between(role, field, old, value)


def _form_choice(engine: SessionEngine, role: Role, rating: Rating, other_verdict: bool) -> ChooseInForm:
    """`rating` chosen for every question of the round on screen in `role`'s form, not handed in; the
    interviewer's twin chooses another rating and, with the last round, another "would advance?"."""
    round_ = engine.interviewer_view().round
    ids = [q.question_id for q in round_.questions] if round_ else []
    if role is Role.INTERVIEWER and other_verdict:
        rating = next(level for level in SCALE if level is not rating)
    advance = None if role is Role.SELF else (Advance.NO if other_verdict else Advance.YES)
    return ChooseInForm(role, FormChoices(ratings=dict.fromkeys(ids, rating), advance=advance))


_NEXT = {Phase.ROUND_INTRO: "begin", Phase.REVIEW: "continue", Phase.ASSESSMENT: "assess"}


def _assessment(engine: SessionEngine, name: str, rating: Rating, other_verdict: bool) -> SubmitAssessment:
    view = engine.interviewer_view()
    if name == "assess interviewer":
        return _interviewer_assessment(engine.record, view.position.round, rating, other_verdict)
    questions = view.round.questions if view.round else []
    ids = [q.question_id for q in questions]
    checks = {q.question_id: frozenset(q.checklist) for q in questions}
    return SubmitAssessment(
        ratings=dict.fromkeys(ids, rating), question_checks=checks, reflection=Reflection(keep=f"kept {rating}")
    )


def _interviewer_assessment(record: SessionRecord, index: int | None, rating: Rating, other: bool) -> SubmitAssessment:
    if index is None:
        return SubmitAssessment(role=Role.INTERVIEWER)
    round_ = record.rounds[index]
    if other:
        rating = SCALE[(SCALE.index(rating) + 2) % len(SCALE)]

    def ticked(items: tuple[str, ...]) -> frozenset[str]:
        return frozenset() if other else frozenset(items)  # one twin ticks everything, the other nothing

    suffix = " other" if other else ""
    last_round = index + 1 == len(record.rounds)
    return SubmitAssessment(
        role=Role.INTERVIEWER,
        ratings={q.question_id: rating for q in round_.questions},
        question_checks={q.question_id: ticked(q.checklist) for q in round_.questions},
        notes={q.question_id: f"NOTE-MARK {q.question_id}{suffix}" for q in round_.questions},
        round_checks=ticked(round_.checklist),
        interview_checks=ticked(record.checklist) if last_round else frozenset(),
        reflection=Reflection(
            keep=f"NOTE-MARK keep {round_.round_id}{suffix}", change=f"NOTE-MARK round {round_.round_id}{suffix}"
        ),
        advance=(Advance.NO if other else Advance.STRONG_YES) if last_round else None,
    )


class Run:
    """An engine on a fake clock that keeps its journal and its starting record, as a saved session would."""

    def __init__(
        self,
        pack: Pack,
        options: SessionOptions,
        other_verdict: bool = False,
        before_start: Callable[[SessionEngine], object] | None = None,
        **engine_options: object,
    ) -> None:
        """`other_verdict` gives the interviewer's assessments the twin's other verdict (see command_for);
        `before_start` sees the engine before its first command (to follow its steps, as an autosave does)."""
        self.other_verdict = other_verdict
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
        command = command_for(self.engine, name, value, self.other_verdict)
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
