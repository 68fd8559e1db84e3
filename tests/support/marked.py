"""A test pack whose every private field carries a unique marker, and which markers the candidate may not see yet.

The view tests and the wire's tests search the candidate's view (and every frame sent to a
candidate's terminal) for the markers `private_now` lists.
"""

from __future__ import annotations

from collections.abc import Callable

from mockint.core.model import Challenge, Interviewer, Pack, Question, Round
from mockint.core.ratings import LEVELS
from mockint.session.record import SessionRecord
from mockint.session.state import Assessing, Challenging, State
from mockint.session.views import CandidateView
from support.packs import terms


def kit(number: int) -> dict:
    """The interviewer's kit of question `number`, every field marked."""
    return {
        "anchors": {level: f"ANCHOR-MARK-{number} {level.value}" for level in LEVELS},
        "reference": f"REFERENCE-MARK-{number}",
        "facts": (f"FACT-MARK-{number}a", f"FACT-MARK-{number}b"),
        "hint_after": 7,
    }


def marked_pack() -> Pack:
    """Every private field holds a marker found nowhere else; terms to mention are in capitals (typed in lower case)."""
    first = Question(
        id="q1", ask="Which metrics do you track?", time=60,
        guide=("GUIDE-MARK-1a", "GUIDE-MARK-1b"), keywords=terms(("KWMARKONE", "KWMARK-ALT-1"), "KWMARKTWO"),
        hint="HINT-MARK-1", checklist=("CHECK-MARK-1",), **kit(1),
        challenges=(
            Challenge(ask="CHALLENGE-MARK-1a", time=30, guide=("CKIT-MARK-1a",)),
            Challenge(ask="CHALLENGE-MARK-1b", time=20, unless_mentioned=terms(("RETENTION", "UNLESS-ALT-MARK")),
                      guide=("CKIT-MARK-1b",)),
        ),
    )  # fmt: skip
    second = Question(
        id="q2", ask="Views dropped overnight. What do you do?", time=120, guide=("GUIDE-MARK-2",),
        hint="HINT-MARK-2", challenges=(Challenge(ask="CHALLENGE-MARK-2", time=30, at=45, guide=("CKIT-MARK-2",)),),
        **kit(2),
    )  # fmt: skip
    third = Question(
        id="q3", ask="Why us?", time=60, keywords=terms("KWMARKTHREE",), **kit(3),
        challenges=(Challenge(ask="CHALLENGE-MARK-3", time=30, unless_mentioned=terms("COHORT", ("留存", "保留")),
                              guide=("CKIT-MARK-3",)),),
    )  # fmt: skip
    return Pack(
        name="marked", title="Marked", checklist=("CHECK-MARK-P",),
        rounds=(
            Round(id="r1", title="Ops", questions=(first, second), interviewer=Interviewer("Lee", "dry"),
                  checklist=("CHECK-MARK-R1",)),
            Round(id="r2", title="Culture", questions=(third,), intro="Tell me why."),
        ),
    )  # fmt: skip


CandidateViewOf = Callable[[SessionRecord, State, float], CandidateView]


def private_now(record: SessionRecord, state: State) -> set[str]:
    """Every marker the candidate may not see in `state`."""
    # Keywords and trigger terms (every alternative), anchors, facts: never. The guides never either, but
    # for the items a partner ticked as heard, which are evidence once their round is revealed.
    private = {"KWMARK", "RETENTION", "UNLESS-ALT-MARK", "COHORT", "保留", "ANCHOR-MARK", "FACT-MARK"}
    private.add("FORM-DRAFT-MARK")  # what the interviewer is typing and has not handed in: never
    for round_ in record.rounds:
        for question in round_.questions:
            guides = {*question.guide, *(item for c in question.challenges for item in c.guide)}
            private |= guides - (question.heard if round_.revealed_at is not None else set())
    opened = {index for index, r in enumerate(record.rounds) if r.assessed}
    if isinstance(state, Assessing):
        opened.add(state.round)
    if len(record.rounds) - 1 not in opened:
        private.add("CHECK-MARK-P")  # the whole interview's checklist is asked once, with the last round
    for r_index, round_ in enumerate(record.rounds):
        if r_index not in opened:
            private |= {*round_.checklist, *(item for q in round_.questions for item in q.checklist)}
        if round_.revealed_at is None:
            private |= {f"NOTE-MARK {q.question_id}" for q in round_.questions} | {f"NOTE-MARK round {round_.round_id}"}
            private |= {f"NOTE-MARK keep {round_.round_id}", f"NOTE-LINE-MARK {round_.round_id}"}  # the partner's keep, note lines
            private |= {q.reference for q in round_.questions if q.reference}  # shown once the round is revealed
        for q_index, question in enumerate(round_.questions):
            if question.hint and not question.hint_used:
                private.add(question.hint)
            for c_index, challenge in enumerate(question.challenges):
                on_screen = isinstance(state, Challenging) and (state.round, state.question, state.challenge) == (
                    r_index, q_index, c_index
                )
                if not (challenge.posed or on_screen):
                    private.add(challenge.ask)
    return private
