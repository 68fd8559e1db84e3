"""What each side of an interview may see, as pure functions of the record, the state and the time.

- The interviewer's view is everything: the whole record, and where the run
  stands. In a solo run the candidate is their own interviewer, so the solo
  screen draws from it.
- The candidate's view holds only what a candidate may see: the pack's title,
  each round's persona and intro, the questions reached so far, the clock and
  progress, the challenges posed, the hint once asked for, their own answers
  and self-assessment; a round's checklists once its assessment opens, and
  the whole interview's once the last round's opens (it is asked once, then);
  the guide after an answer only where the rules show it to everyone; and,
  once a round is revealed, the interviewer's assessment of it (ratings,
  ticks and notes as evidence) and each question's reference answer. Never
  the rest of the interviewer's kit (the guide otherwise, keywords, anchors,
  facts, the challenges' guides), the hint before it is asked for, challenges
  not posed (nor their trigger terms), or the interviewer's assessment and
  the reference answer before the reveal.

A round is revealed at one recorded moment, `RoundRecord.revealed_at`: when
the last of its assessments is in (the candidate's own, and in a pair run the
interviewer's, in either order), which also ends the round. Until then the
candidate's view holds none of the interviewer's assessment; a run quit before
then reveals nothing.

Both are plain structs that mockint.core.codec encodes, so a candidate's screen in
another process can be sent its view as JSON. Pure module: no textual import.
"""

from __future__ import annotations

from datetime import datetime

from msgspec import Struct

from mockint.session.record import (
    Advance,
    Audience,
    ChallengeRecord,
    ChallengeStatus,
    Counter,
    Mode,
    NoteLine,
    QuestionAssessment,
    QuestionRecord,
    Role,
    RoundAssessment,
    RoundRecord,
    Rules,
    SessionRecord,
)
from mockint.core.textmatch import mentioned_terms
from mockint.session.state import TIMED, Assessing, Challenging, Finished, Phase, State


class ClockFigures(Struct, frozen=True):
    """The clock of the answer on screen, at the moment the view was made."""

    limit: float
    remaining: float
    """Negative once past the deadline (overtime)."""
    paused: bool

    @property
    def used(self) -> float:
        return self.limit - self.remaining

    @property
    def overtime(self) -> float:
        return max(0.0, -self.remaining)


class Position(Struct, frozen=True):
    """Where the run stands: indexes into the record's rounds, questions and challenges."""

    phase: Phase
    round: int | None = None
    question: int | None = None
    challenge: int | None = None
    interrupting: bool = False
    """The challenge on screen interrupted the main answer, which goes on after it."""
    paused: bool = False
    clock: ClockFigures | None = None


def position(state: State, at: float) -> Position:
    """Where `state` stands at offset `at`, with its clock's figures then."""
    clock = None
    if isinstance(state, TIMED):
        clock = ClockFigures(state.clock.limit, state.clock.remaining_at(at), state.paused)
    return Position(
        phase=state.phase,
        round=getattr(state, "round", None),
        question=getattr(state, "question", None),
        challenge=getattr(state, "challenge", None),
        interrupting=isinstance(state, Challenging) and state.interrupted is not None,
        paused=clock is not None and clock.paused,
        clock=clock,
    )


class InterviewerView(Struct):
    """Everything about the run: the interviewer's side, and a solo candidate's."""

    position: Position
    record: SessionRecord
    at: float = 0.0
    """The offset the view was made at."""

    @property
    def question_elapsed(self) -> float:
        """Seconds since the question on screen was shown, pauses excluded; 0 with none on screen."""
        question = self.question
        return 0.0 if question is None else question_elapsed(self.record, question, self.at)

    @property
    def hint_unlocks_in(self) -> float:
        """Seconds before a partner may give the hint of the question on screen; 0 or less once unlocked."""
        question = self.question
        return 0.0 if question is None else question.hint_after - self.question_elapsed

    def terms_heard(self, index: int) -> tuple[str, ...]:
        """The names of the `unless_mentioned` terms of the challenge `index` of the question on screen that
        the notes and ticks show the candidate covered: the console's indicator (pair mode)."""
        question = self.question
        if question is None:
            return ()
        terms = question.challenges[index].unless_mentioned
        return tuple(term.name for term in mentioned_terms(heard_text(question), terms))

    @property
    def round(self) -> RoundRecord | None:
        index = self.position.round
        return None if index is None else self.record.rounds[index]

    @property
    def question(self) -> QuestionRecord | None:
        round_, index = self.round, self.position.question
        return None if round_ is None or index is None else round_.questions[index]

    @property
    def challenge(self) -> ChallengeRecord | None:
        question, index = self.question, self.position.challenge
        return None if question is None or index is None else question.challenges[index]


def interviewer_view(record: SessionRecord, state: State, at: float) -> InterviewerView:
    """The whole run at offset `at`. It shares the record: a copy for later is codec-encoded."""
    return InterviewerView(position(state, at), record, at)


def elapsed(record: SessionRecord, at: float) -> float:
    """Seconds from the session's start to offset `at`, pauses excluded."""
    paused = sum(min(at, p.end if p.end is not None else at) - p.start for p in record.pauses if p.start <= at)
    return at - paused


def question_elapsed(record: SessionRecord, question: QuestionRecord, at: float) -> float:
    """Seconds since `question` was shown, to offset `at`, pauses excluded."""
    if question.started_at is None:
        return 0.0
    return elapsed(record, at) - elapsed(record, question.started_at)


def heard_text(question: QuestionRecord) -> str:
    """What a partner's notes and ticks say the candidate covered: where a conditional challenge's terms are
    looked for in a pair run (the notes are the answers' text)."""
    answered = [c.answer for c in question.challenges if c.posed]
    return "\n".join([question.answer, *answered, *sorted(question.heard)])


class CandidateChallenge(Struct, frozen=True):
    ask: str
    limit: int
    interrupted: bool
    answer: str
    """The candidate's own answer; in a pair run the interviewer's notes of it, only once the round is revealed."""
    time_used: float
    status: ChallengeStatus
    """Pending while it is on screen."""
    extra_time: int = 0
    """Seconds the interviewer added to it: the candidate sees the clock."""


class CandidateQuestion(Struct, frozen=True):
    question_id: str
    """What the candidate's own assessment keys its ratings and ticks by (SubmitAssessment)."""
    number: int
    ask: str
    limit: int
    answer: str
    """The candidate's own answer (while on screen, what they have typed so far); in a pair run the
    interviewer's notes of it, only once the round is revealed."""
    time_used: float
    skipped: bool
    hint: str | None
    """Only once the candidate asked for it."""
    challenges: tuple[CandidateChallenge, ...]
    """Only those posed."""
    checklist: tuple[str, ...]
    """Only once the round's assessment opens."""
    guide: tuple[str, ...]
    """Only after the answer, and only where the rules show the guide to everyone."""
    self_assessment: QuestionAssessment | None
    interviewer_assessment: QuestionAssessment | None
    """Only once the round is revealed."""
    reference: str | None
    """Only once the round is revealed."""
    evidence: Evidence | None
    """A partner's notes, ticks and counts (pair mode), only once the round is revealed."""
    extra_time: int
    """Seconds the interviewer added to the answer: the candidate sees the clock."""
    candidate_notes: str = ""
    """The candidate's own notes or outline (pair mode, two terminals): theirs to see at any time."""


class Evidence(Struct, frozen=True):
    """What a partner interviewing noted of one question: shown to the candidate at the reveal."""

    notes: tuple[NoteLine, ...]
    heard: tuple[str, ...]
    counts: dict[Counter, int]


def evidence(question: QuestionRecord) -> Evidence:
    return Evidence(tuple(question.notes), tuple(sorted(question.heard)), dict(question.counts))


class CandidateRound(Struct, frozen=True):
    number: int
    title: str
    interviewer: str
    interviewer_style: str
    intro: str
    budget: int
    question_count: int
    questions: tuple[CandidateQuestion, ...]
    """Only those reached."""
    checklist: tuple[str, ...]
    revealed: bool
    self_assessment: RoundAssessment | None
    interviewer_assessment: RoundAssessment | None


class CandidateView(Struct, frozen=True):
    pack_title: str
    pack_name: str
    started: datetime
    """When the session started, on the host's wall clock: with the pack's name, what names the candidate's copy as
    the host's export is named."""
    role: str
    mode: Mode
    rules: Rules
    pair: bool
    candidate: str
    interviewer: str
    position: Position
    round_count: int
    rounds: tuple[CandidateRound, ...]
    """The rounds begun so far."""
    checklist: tuple[str, ...]
    """The whole interview's, once the last round's assessment opens."""
    checked: tuple[str, ...]
    """The whole interview's items the candidate ticked."""
    advance: Advance | None
    """The interviewer's "would advance?", once the last round is revealed (pair mode)."""


def candidate_view(record: SessionRecord, state: State, at: float) -> CandidateView:
    """What the candidate may see at offset `at` (see the module's docstring)."""
    shown = _rounds_begun(record, state)
    rounds = tuple(_candidate_round(record, state, index) for index in range(shown))
    # The whole interview's checklist is asked once, with the last round.
    interview_asked = bool(record.rounds) and _assessment_opened(record, state, len(record.rounds) - 1)
    self_checked = record.assessments.get(Role.SELF)
    all_revealed = bool(record.rounds) and record.rounds[-1].revealed
    return CandidateView(
        pack_title=record.pack_title,
        pack_name=record.pack_name,
        started=record.started_wall,
        role=record.role,
        mode=record.mode,
        rules=record.rules,
        pair=record.pair,
        candidate=record.candidate,
        interviewer=record.interviewer,
        position=position(state, at),
        round_count=len(record.rounds),
        rounds=rounds,
        checklist=record.checklist if interview_asked else (),
        checked=tuple(sorted(self_checked.checked)) if self_checked else (),
        advance=record.advance if all_revealed else None,
    )


def _rounds_begun(record: SessionRecord, state: State) -> int:
    if isinstance(state, Finished):
        begun = [i for i, r in enumerate(record.rounds) if r.assessed or any(q.reached for q in r.questions)]
        return max(begun, default=-1) + 1
    index = getattr(state, "round", None)
    return 0 if index is None else index + 1


def _assessment_opened(record: SessionRecord, state: State, index: int) -> bool:
    return record.rounds[index].assessed or (isinstance(state, Assessing) and state.round == index)


def _candidate_round(record: SessionRecord, state: State, index: int) -> CandidateRound:
    round_ = record.rounds[index]
    opened = _assessment_opened(record, state, index)
    shown_to_all = round_.revealed
    questions = tuple(
        _candidate_question(record, state, index, number, question, opened, shown_to_all)
        for number, question in enumerate(round_.questions, 1)
        if question.reached
    )
    return CandidateRound(
        number=index + 1,
        title=round_.title,
        interviewer=round_.interviewer,
        interviewer_style=round_.interviewer_style,
        intro=round_.intro,
        budget=round_.budget,
        question_count=len(round_.questions),
        questions=questions,
        checklist=round_.checklist if opened else (),
        revealed=shown_to_all,
        self_assessment=round_.assessments.get(Role.SELF),
        interviewer_assessment=round_.assessments.get(Role.INTERVIEWER) if shown_to_all else None,
    )


def _candidate_question(
    record: SessionRecord,
    state: State,
    round_index: int,
    number: int,
    question: QuestionRecord,
    opened: bool,
    shown_to_all: bool,
) -> CandidateQuestion:
    on_screen = isinstance(state, TIMED) and (state.round, state.question) == (round_index, number - 1)
    guide_shown = record.rules.guide_after_answer is Audience.EVERYONE and not on_screen
    current_challenge = state.challenge if isinstance(state, Challenging) and on_screen else None
    notes_shown = not record.pair or shown_to_all  # in a pair run the answers are the interviewer's notes
    return CandidateQuestion(
        question_id=question.question_id,
        number=number,
        ask=question.ask,
        limit=question.limit,
        answer=question.answer if notes_shown else "",
        time_used=question.time_used,
        skipped=question.skipped,
        hint=question.hint if question.hint_used else None,
        challenges=tuple(
            _candidate_challenge(challenge, notes_shown)
            for index, challenge in enumerate(question.challenges)
            if challenge.posed or index == current_challenge
        ),
        checklist=question.checklist if opened else (),
        guide=question.guide if guide_shown else (),
        self_assessment=question.assessments.get(Role.SELF),
        interviewer_assessment=question.assessments.get(Role.INTERVIEWER) if shown_to_all else None,
        reference=question.reference if shown_to_all else None,
        evidence=evidence(question) if record.pair and shown_to_all else None,
        extra_time=question.extra_time,
        candidate_notes=question.candidate_notes,
    )


def _candidate_challenge(challenge: ChallengeRecord, notes_shown: bool) -> CandidateChallenge:
    return CandidateChallenge(
        ask=challenge.ask,
        limit=challenge.limit,
        interrupted=challenge.interrupted,
        answer=challenge.answer if notes_shown else "",
        time_used=challenge.time_used,
        status=challenge.status,
        extra_time=challenge.extra_time,
    )
