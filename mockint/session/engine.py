"""The session engine: one interview run as a state machine over the session record and an injected clock.

round intro -> question (answering) -> challenges -> [review] -> next question
-> round assessment (the candidate's own, and in a pair run the interviewer's;
the last one in reveals the round) -> next round -> finished.

The engine holds the session record (what happened) and the state (where the
run stands, mockint.session.state); it reads nothing else, not even the pack, so a
decoded record and state run on by themselves. Every change is a command
(mockint.session.commands) given to `apply`, which returns the journal step to keep;
`replay` runs a kept step again with the decisions it recorded. Times are
offsets in seconds from the session's start: `offset()` reads the clock
against an origin chosen when the engine is made. Events tell the screen
what just happened (time-up, for one). Pure module: no textual import.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from mockint.core.clock import Clock
from mockint.core.durations import format_clock
from mockint.core.ratings import SCALE, Rating
from mockint.session.commands import (
    PAIR_COMMANDS,
    AddMinute,
    BeginRound,
    CandidateNotes,
    ChooseInForm,
    ClockWhileAway,
    Command,
    Continue,
    Count,
    Decision,
    Done,
    EditDraft,
    EditForm,
    Hint,
    Note,
    Pause,
    PoseChallenge,
    Quit,
    Resume,
    Skip,
    SkipChallenge,
    Start,
    Step,
    SubmitAssessment,
    Tick,
    ToggleHeard,
)
from mockint.core.model import Pack, Term
from mockint.session.record import (
    NOTE_LINE,
    REFLECTION_FIELDS,
    Audience,
    ChallengeRecord,
    ChallengeStatus,
    FormChoices,
    InterviewAssessment,
    NoteLine,
    PauseInterval,
    QuestionAssessment,
    QuestionRecord,
    Role,
    RoundAssessment,
    RoundRecord,
    SessionRecord,
)
from mockint.session.setup import EngineError, Event, EventKind, ReplayError, SessionOptions, new_record
from mockint.session.state import (
    TIMED,
    Answering,
    Assessing,
    Challenging,
    Countdown,
    Finished,
    Introducing,
    NotStarted,
    Phase,
    Reviewing,
    State,
    Timed,
)
from mockint.core.textmatch import mentioned_terms
from mockint.session.views import (
    CandidateView,
    InterviewerView,
    candidate_view,
    elapsed,
    heard_text,
    interviewer_view,
    question_elapsed,
)

Matcher = Callable[[str, Iterable[Term]], list[Term]]
"""Which of the terms a text mentions (any of its alternatives): decides whether an `unless_mentioned`
challenge is needed."""

def resume_origin(now: float, at: float) -> float:
    """The clock reading taken as the session's start so that `now` reads as offset `at`.

    A decoded session continues at the offset it was saved at: the time it spent
    away (a crash, a closed terminal) does not count against any clock.
    """
    return now - at


class SessionEngine:
    def __init__(
        self,
        record: SessionRecord,
        clock: Clock,
        *,
        state: State | None = None,
        at: float = 0.0,
        matcher: Matcher = mentioned_terms,
        on_event: Callable[[Event], None] | None = None,
    ) -> None:
        """Run `record` from `state` (a new run when None), the clock reading offset `at` now."""
        self.record = record
        self.state: State = state if state is not None else NotStarted()
        self.clock = clock
        self.events: list[Event] = []
        self._origin = resume_origin(clock.now(), at)
        self._last_at = at
        """The offset of the last command applied: commands never go back in time."""
        self._matcher = matcher
        self._on_event = on_event
        self.on_step: Callable[[Step], None] | None = None
        """Told every step `apply` returns, once it has taken effect: the autosave journals them."""
        self._decisions: _Decisions = _Decisions(matcher)
        self._overtime_announced: tuple[int, int, int | None] | None = None
        """The answer whose time-up (without moving on) has been announced: once per answer, a notice only."""

    @classmethod
    def new(cls, pack: Pack, options: SessionOptions, clock: Clock, **kwargs: object) -> SessionEngine:
        """A run of `pack` that has not started yet."""
        return cls(new_record(pack, options, clock.wall()), clock, **kwargs)  # type: ignore[arg-type]

    # -- reading ------------------------------------------------------------

    def offset(self) -> float:
        """Seconds since the session's start, by the clock."""
        return self.clock.now() - self._origin

    @property
    def phase(self) -> Phase:
        return self.state.phase

    @property
    def paused(self) -> bool:
        return isinstance(self.state, TIMED) and self.state.paused

    @property
    def draft(self) -> str | None:
        """The text of the answer being typed now (main answer or challenge); None between answers."""
        target = self._draft_target()
        return None if target is None else target.answer

    def interviewer_view(self) -> InterviewerView:
        """Everything, now (the solo screen draws from it)."""
        return interviewer_view(self.record, self.state, self.offset())

    def candidate_view(self) -> CandidateView:
        return candidate_view(self.record, self.state, self.offset())

    def elapsed(self, at: float | None = None) -> float:
        """Seconds from the start to offset `at` (now by default), pauses excluded."""
        return elapsed(self.record, self.offset() if at is None else at)

    # -- changing -----------------------------------------------------------

    def apply(self, command: Command) -> Step:
        """Apply `command` now; the step returned is what a journal keeps to replay it.

        A command that does not fit the state raises EngineError and changes nothing.
        """
        step = self._run(self.offset(), command, _Decisions(self._matcher))
        if self.on_step is not None:
            self.on_step(step)
        return step

    def replay(self, step: Step) -> Step:
        """Apply a journal's step at its own offset, taking the decisions it recorded, not the matcher's.

        A step that does not fit raises ReplayError; the session is then good
        only up to the step before (replay again from the record to there).
        """
        try:
            return self._run(step.at, step.command, _Decisions(None, step.decisions))
        except EngineError as error:
            name = type(step.command).__name__
            raise ReplayError(f"step at {step.at:.3f}s ({name}) does not fit: {error}") from error

    def _run(self, at: float, command: Command, decisions: _Decisions) -> Step:
        if at < self._last_at:
            raise EngineError(f"time goes forwards: offset {at:.3f}s comes after {self._last_at:.3f}s")
        self._decisions = decisions
        if isinstance(command, PAIR_COMMANDS) and not self.record.pair:
            raise EngineError("Only a pair run has a partner interviewing.")
        handler = self._HANDLERS[type(command)]
        handler(self, command, at)
        decisions.check_all_used()
        self._last_at = at
        return Step(at, command, tuple(decisions.made))

    # -- command handlers -----------------------------------------------------

    def _start(self, command: Start, at: float) -> None:
        self._require(NotStarted)
        self._emit(EventKind.STARTED, at)
        self._enter_round(0, at)

    def _begin_round(self, command: BeginRound, at: float) -> None:
        state = self._require(Introducing)
        self._show_question(state.round, 0, at)

    def _edit_draft(self, command: EditDraft, at: float) -> None:
        target = self._draft_target()
        if target is None:
            raise EngineError("nothing is being answered now")
        if self.record.pair:
            raise EngineError("In a pair run the interviewer's notes are the answer: file a note line.")
        if not command.fits(target.answer):
            raise EngineError("the edit does not fit the text typed so far")
        target.answer = command.applied_to(target.answer)

    def _edit_form(self, command: EditForm, at: float) -> None:
        role, field = command.role, command.field
        if role is Role.INTERVIEWER and not self.record.pair:
            raise EngineError("Only a pair run has a partner interviewing.")
        if field == NOTE_LINE:
            self._require(Answering, Challenging, Reviewing)
            if role is not Role.INTERVIEWER:
                raise EngineError("Only the interviewer writes note lines.")
        elif field in REFLECTION_FIELDS:
            self._require(Assessing)
        else:
            raise EngineError(f"a form has no field {field!r}")
        old = self.record.form_drafts.get(role, {}).get(field, "")
        if not command.edit.fits(old):
            raise EngineError("the edit does not fit the text typed so far")
        self._set_form(role, {**self.record.form_drafts.get(role, {}), field: command.edit.applied_to(old)})

    def _choose_in_form(self, command: ChooseInForm, at: float) -> None:
        self._require(Assessing)
        if command.role is Role.INTERVIEWER and not self.record.pair:
            raise EngineError("Only a pair run has a partner interviewing.")
        if command.choices == FormChoices():
            self.record.form_choices.pop(command.role, None)
        else:
            self.record.form_choices[command.role] = command.choices

    def _drop_assessment_drafts(self) -> None:
        """The round is over: what either role changed in its form after handing it in goes with it, rather
        than into the next round's form."""
        for role in list(self.record.form_drafts):
            self._clear_form(role, REFLECTION_FIELDS)
        self.record.form_choices.clear()

    def _clear_form(self, role: Role, fields: tuple[str, ...]) -> None:
        """Drop the drafts of fields just handed in."""
        drafts = self.record.form_drafts.get(role, {})
        self._set_form(role, {name: text for name, text in drafts.items() if name not in fields})

    def _set_form(self, role: Role, drafts: dict[str, str]) -> None:
        """Keep the role's fields that hold text; a role with none has no entry, so a run that typed none has none."""
        kept = {name: text for name, text in drafts.items() if text}
        if kept:
            self.record.form_drafts[role] = kept
        else:
            self.record.form_drafts.pop(role, None)

    def _done(self, command: Done, at: float) -> None:
        state = self._require_running()
        target = self._draft_target()
        if command.text is not None and target is not None:
            target.answer = command.text
        if isinstance(state, Answering):
            self._finish_answer(state, at, auto=False)
        else:
            self._finish_challenge(state, at, ChallengeStatus.ANSWERED, auto=False)

    def _skip(self, command: Skip, at: float) -> None:
        state = self._require_running()
        if isinstance(state, Challenging):
            self._finish_challenge(state, at, ChallengeStatus.SKIPPED, auto=False)
            return
        question = self._question(state)
        question.skipped = True
        question.time_used = state.clock.used_at(at)
        self._emit(EventKind.QUESTION_SKIPPED, at)
        self._mark_unposed(question)
        self._after_question(state.round, state.question, at)

    def _hint(self, command: Hint, at: float) -> None:
        state = self._require(Answering, Challenging)
        if not self.record.rules.hints:
            raise EngineError("Hints are off in pressure mode.")
        question = self._question(state)
        if not question.hint:
            raise EngineError("This question has no hint.")
        if self.record.pair and not question.hint_used:
            unlocks = question.hint_after - question_elapsed(self.record, question, at)
            if unlocks > 0:
                raise EngineError(f"The hint unlocks in {format_clock(math.ceil(unlocks))}.")
        if not question.hint_used:
            question.hint_used = True
            self._emit(EventKind.HINT_GIVEN, at)

    def _pause(self, command: Pause, at: float) -> None:
        state = self._require_running()
        self.state = _with_clock(state, state.clock.held(at))
        self.record.pauses.append(PauseInterval(start=at))
        self._emit(EventKind.PAUSED, at)

    def _resume(self, command: Resume, at: float) -> None:
        state = self._require(Answering, Challenging)
        if not state.paused:
            raise EngineError("The clock is already running.")
        self.state = _with_clock(state, state.clock.running_from(at))
        self.record.pauses[-1].end = at
        self._emit(EventKind.RESUMED, at)

    def _continue(self, command: Continue, at: float) -> None:
        state = self._require(Reviewing)
        self._next_question(state.round, state.question, at)

    def _submit_assessment(self, command: SubmitAssessment, at: float) -> None:
        state = self._require(Assessing)
        if command.role is Role.INTERVIEWER and not self.record.pair:
            raise EngineError("Only a pair run has an interviewer to assess it.")
        for rating in command.ratings.values():
            if not isinstance(rating, Rating):
                raise EngineError(f"a rating is one of {', '.join(r.value for r in SCALE)}; got {rating!r}")
        last_round = state.round + 1 == len(self.record.rounds)
        if command.interview_checks and not last_round:
            raise EngineError("The whole interview's checklist is assessed once, with the last round.")
        if command.advance is not None and (command.role is not Role.INTERVIEWER or not last_round):
            raise EngineError("The interviewer says whether the candidate would advance once, with the last round.")
        round_ = self.record.rounds[state.round]
        _record_assessment(self.record, round_, command, last_round)
        self._clear_form(command.role, REFLECTION_FIELDS)
        self.record.form_choices.pop(command.role, None)
        if not all(role in round_.assessments for role in self._assessing_roles()):
            return
        round_.revealed_at = at
        self._drop_assessment_drafts()
        self._emit(EventKind.ROUND_ASSESSED, at)
        if state.round + 1 < len(self.record.rounds):
            self._enter_round(state.round + 1, at)
        else:
            self._finish(at, ended_early=False)

    def _note(self, command: Note, at: float) -> None:
        state = self._require(Answering, Challenging, Reviewing)
        text = " ".join(command.text.split())
        if not text:
            raise EngineError("A note needs some text.")
        question = self._question(state)
        challenge = state.challenge if isinstance(state, Challenging) else None
        question.notes.append(NoteLine(question_elapsed(self.record, question, at), text, challenge))
        target: QuestionRecord | ChallengeRecord = question if challenge is None else question.challenges[challenge]
        target.answer = f"{target.answer}\n{text}" if target.answer else text
        self._clear_form(Role.INTERVIEWER, (NOTE_LINE,))

    def _toggle_heard(self, command: ToggleHeard, at: float) -> None:
        question = self._question(self._require(Answering, Challenging, Reviewing))
        items = {*question.guide, *(item for c in question.challenges for item in c.guide)}
        if command.item not in items:
            raise EngineError("That is not one of this question's listen-for items.")
        question.heard ^= {command.item}

    def _count(self, command: Count, at: float) -> None:
        question = self._question(self._require(Answering, Challenging, Reviewing))
        question.counts[command.counter] = question.counts.get(command.counter, 0) + 1

    def _pose_challenge(self, command: PoseChallenge, at: float) -> None:
        state = self._require_running()
        if not isinstance(state, Answering):
            raise EngineError("A challenge is being answered; finish it first.")
        self._pending_challenge(state, command.index)
        self._pose(state.round, state.question, command.index, at, state.clock.held(at), by_interviewer=True)

    def _skip_challenge(self, command: SkipChallenge, at: float) -> None:
        state = self._require(Answering, Challenging)
        challenge = self._pending_challenge(state, command.index)
        if not challenge.unless_mentioned:
            raise EngineError("Only a challenge posed unless the candidate mentions something can be skipped.")
        question = self._question(state)
        key = Decision(state.round, state.question, command.index)
        challenge.mentioned = self._decisions.decide(key, heard_text(question), challenge.unless_mentioned)
        challenge.status = ChallengeStatus.NOT_NEEDED
        self._emit(EventKind.CHALLENGE_NOT_NEEDED, at, state.round, state.question, command.index)

    def _add_minute(self, command: AddMinute, at: float) -> None:
        state = self._require(Answering, Challenging)
        clock = state.clock
        self.state = _with_clock(state, Countdown(clock.limit + 60, clock.used, clock.since))
        target = self._draft_target()
        assert target is not None, "a question or challenge is on screen while its clock runs"
        target.extra_time += 60
        self._overtime_announced = None  # a new deadline: its time-up is announced again

    def _clock_while_away(self, command: ClockWhileAway, at: float) -> None:
        self.record.clock_pauses_while_away = command.pauses

    def _candidate_notes(self, command: CandidateNotes, at: float) -> None:
        if not self.record.pair:
            raise EngineError("Only a pair run keeps the candidate's notes apart: a solo answer is their own text.")
        self._question(self._require(Answering, Challenging, Reviewing)).candidate_notes = command.text

    def _pending_challenge(self, state: Timed, index: int) -> ChallengeRecord:
        challenges = self._question(state).challenges
        if not 0 <= index < len(challenges) or challenges[index].status is not ChallengeStatus.PENDING:
            raise EngineError(f"Challenge {index + 1} is not waiting to be posed.")
        return challenges[index]

    def _assessing_roles(self) -> tuple[Role, ...]:
        """Who assesses each round: the candidate, and in a pair run the interviewer too."""
        return (Role.SELF, Role.INTERVIEWER) if self.record.pair else (Role.SELF,)

    def _quit(self, command: Quit, at: float) -> None:
        if isinstance(self.state, (NotStarted, Finished)):
            raise EngineError("The interview is not running.")
        state = self.state
        if isinstance(state, TIMED):
            if state.paused:
                self._resume(Resume(), at)
                state = self.state
            self._stop_on_quit(state, at)
        self._emit(EventKind.QUIT, at)
        self._finish(at, ended_early=True)

    def _stop_on_quit(self, state: Timed, at: float) -> None:
        question = self._question(state)
        main_clock: Countdown | None = state.clock
        if isinstance(state, Challenging):
            challenge = question.challenges[state.challenge]
            challenge.time_used = state.clock.used_at(at)
            challenge.status = handed_in(challenge)
            main_clock = state.interrupted
        if main_clock is not None:
            question.time_used = main_clock.used_at(at)
        self._mark_unposed(question)

    def _tick(self, command: Tick, at: float) -> None:
        """Apply every time event due by `at`, each at its own moment."""
        while isinstance(self.state, TIMED) and self.state.clock.running and self._time_step(self.state, at):
            pass

    def _time_step(self, state: Timed, at: float) -> bool:
        """Apply the next time event due by `at`; True when the state moved on."""
        rules = self.record.rules
        deadline = state.clock.deadline()
        assert deadline is not None, "a running clock has a deadline"
        if isinstance(state, Answering) and rules.interruptions:
            due = self._due_interruption(state, min(at, deadline) if rules.auto_advance else at)
            if due is not None:
                return self._interrupt(state, *due)
        if deadline > at:
            return False
        if rules.auto_advance:
            self._emit(EventKind.TIME_UP, deadline)
            if isinstance(state, Answering):
                self._finish_answer(state, deadline, auto=True)
            else:
                challenge = self._question(state).challenges[state.challenge]
                self._finish_challenge(state, deadline, handed_in(challenge), auto=True)
            return True
        answer = (state.round, state.question, getattr(state, "challenge", None))
        if answer != self._overtime_announced:
            self._overtime_announced = answer
            self._emit(EventKind.TIME_UP, deadline)
        return False

    def _due_interruption(self, state: Answering, by: float) -> tuple[int, float] | None:
        """The pending `at` challenge that comes up first by offset `by`, and the offset it comes up at."""
        question = self._question(state)
        due = [
            (moment, index)
            for index, challenge in enumerate(question.challenges)
            if challenge.status is ChallengeStatus.PENDING and challenge.at is not None
            and (moment := state.clock.moment_of(challenge.at)) is not None and moment <= by
        ]
        if not due:
            return None
        moment, index = min(due)
        return index, moment

    def _interrupt(self, state: Answering, index: int, moment: float) -> bool:
        if self._settle_if_not_needed(state.round, state.question, index, moment):
            return True
        self._pose(state.round, state.question, index, moment, interrupted=state.clock.held(moment))
        return True

    # -- transitions --------------------------------------------------------

    def _enter_round(self, index: int, at: float) -> None:
        self.state = Introducing(index)
        self._emit(EventKind.ROUND_STARTED, at)

    def _show_question(self, round_index: int, index: int, at: float) -> None:
        question = self.record.rounds[round_index].questions[index]
        question.reached = True
        question.started_at = at
        self.state = Answering(round_index, index, Countdown(question.limit, 0.0, at))
        self._emit(EventKind.QUESTION_SHOWN, at)

    def _finish_answer(self, state: Answering, at: float, auto: bool) -> None:
        question = self._question(state)
        question.time_used = state.clock.limit if auto else state.clock.used_at(at)
        question.auto_advanced = auto
        self._emit(EventKind.ANSWER_SUBMITTED, at)
        self._pose_next_challenge(state.round, state.question, at)

    def _pose_next_challenge(self, round_index: int, question_index: int, at: float) -> None:
        question = self.record.rounds[round_index].questions[question_index]
        for index, challenge in enumerate(question.challenges):
            if challenge.status is not ChallengeStatus.PENDING:
                continue
            if self._settle_if_not_needed(round_index, question_index, index, at):
                continue
            self._pose(round_index, question_index, index, at, interrupted=None)
            return
        self._after_question(round_index, question_index, at)

    def _settle_if_not_needed(self, round_index: int, question_index: int, index: int, at: float) -> bool:
        """Decide a conditional challenge once; mark it not needed if the answer already mentioned its terms."""
        question = self.record.rounds[round_index].questions[question_index]
        challenge = question.challenges[index]
        if not challenge.unless_mentioned:
            return False
        if self.record.pair:  # the interviewer did not decide: what their notes and ticks show does
            text = heard_text(question)
        else:
            answered = [c.answer for c in question.challenges if c.status is ChallengeStatus.ANSWERED]
            text = "\n".join([question.answer, *answered])
        found = self._decisions.decide(Decision(round_index, question_index, index), text, challenge.unless_mentioned)
        if not found:
            return False
        challenge.status = ChallengeStatus.NOT_NEEDED
        challenge.mentioned = found
        self._emit(EventKind.CHALLENGE_NOT_NEEDED, at, round_index, question_index, index)
        return True

    def _pose(
        self, round_index: int, question_index: int, index: int, at: float, interrupted: Countdown | None,
        by_interviewer: bool = False,
    ) -> None:
        """Pose the challenge; `interrupted` is the main answer's clock it cuts into, held (None after the answer)."""
        challenge = self.record.rounds[round_index].questions[question_index].challenges[index]
        challenge.interrupted = interrupted is not None
        challenge.posed_at = interrupted.used if interrupted is not None else None
        challenge.posed_by_interviewer = by_interviewer
        self.state = Challenging(round_index, question_index, index, Countdown(challenge.limit, 0.0, at), interrupted)
        self._emit(EventKind.CHALLENGE_POSED, at)

    def _finish_challenge(self, state: Challenging, at: float, status: ChallengeStatus, auto: bool) -> None:
        challenge = self._question(state).challenges[state.challenge]
        challenge.time_used = state.clock.limit if auto else state.clock.used_at(at)
        challenge.status = status
        challenge.auto_advanced = auto
        skipped = status is ChallengeStatus.SKIPPED
        self._emit(EventKind.CHALLENGE_SKIPPED if skipped else EventKind.CHALLENGE_ANSWERED, at)
        if state.interrupted is not None:
            self.state = Answering(state.round, state.question, state.interrupted.running_from(at))
        else:
            self._pose_next_challenge(state.round, state.question, at)

    def _after_question(self, round_index: int, question_index: int, at: float) -> None:
        if self.record.rules.guide_after_answer is Audience.NOBODY:
            self._next_question(round_index, question_index, at)
        else:
            self.state = Reviewing(round_index, question_index)

    def _next_question(self, round_index: int, question_index: int, at: float) -> None:
        if question_index + 1 < len(self.record.rounds[round_index].questions):
            self._show_question(round_index, question_index + 1, at)
        else:
            self.state = Assessing(round_index)

    def _finish(self, at: float, ended_early: bool) -> None:
        self.state = Finished()
        self.record.ended_early = ended_early
        self.record.finished = not ended_early
        self.record.duration = self.elapsed(at)
        self._emit(EventKind.FINISHED, at)

    @staticmethod
    def _mark_unposed(question: QuestionRecord) -> None:
        for challenge in question.challenges:
            if challenge.status is ChallengeStatus.PENDING:
                challenge.status = ChallengeStatus.NOT_REACHED

    # -- plumbing -----------------------------------------------------------

    def _question(self, state: Answering | Challenging | Reviewing) -> QuestionRecord:
        return self.record.rounds[state.round].questions[state.question]

    def _draft_target(self) -> QuestionRecord | ChallengeRecord | None:
        state = self.state
        if isinstance(state, Answering):
            return self._question(state)
        if isinstance(state, Challenging):
            return self._question(state).challenges[state.challenge]
        return None

    def _require(self, *kinds: type) -> State:
        if not isinstance(self.state, kinds):
            allowed = " or ".join(kind.phase.value for kind in kinds)
            raise EngineError(f"not possible now: the interview is at {self.state.phase.value}, not {allowed}")
        return self.state

    def _require_running(self) -> Timed:
        state = self._require(Answering, Challenging)
        assert isinstance(state, TIMED)
        if state.paused:
            raise EngineError("The interview is paused; resume it first.")
        return state

    def _emit(
        self,
        kind: EventKind,
        at: float,
        round_index: int | None = None,
        question_index: int | None = None,
        challenge_index: int | None = None,
    ) -> None:
        state = self.state
        if round_index is None:
            round_index = getattr(state, "round", 0)
            question_index = getattr(state, "question", 0)
            challenge_index = getattr(state, "challenge", None)
        event = Event(kind, at, round_index, question_index or 0, challenge_index)
        self.events.append(event)
        if self._on_event is not None:
            self._on_event(event)

    _HANDLERS: dict[type, Callable[[SessionEngine, Command, float], None]] = {
        Start: _start,
        BeginRound: _begin_round,
        EditDraft: _edit_draft,
        EditForm: _edit_form,
        ChooseInForm: _choose_in_form,
        Done: _done,
        Skip: _skip,
        Hint: _hint,
        Pause: _pause,
        Resume: _resume,
        Continue: _continue,
        SubmitAssessment: _submit_assessment,
        Quit: _quit,
        Tick: _tick,
        Note: _note,
        ToggleHeard: _toggle_heard,
        Count: _count,
        PoseChallenge: _pose_challenge,
        SkipChallenge: _skip_challenge,
        AddMinute: _add_minute,
        CandidateNotes: _candidate_notes,
        ClockWhileAway: _clock_while_away,
    }  # type: ignore[dict-item]


def handed_in(challenge: ChallengeRecord) -> ChallengeStatus:
    """A challenge ended by the clock or a quit: answered if something was typed, else left empty."""
    return ChallengeStatus.ANSWERED if challenge.answer.strip() else ChallengeStatus.LEFT_EMPTY


def _with_clock(state: Timed, clock: Countdown) -> Timed:
    if isinstance(state, Answering):
        return Answering(state.round, state.question, clock)
    return Challenging(state.round, state.question, state.challenge, clock, state.interrupted)


def _record_assessment(record: SessionRecord, round_: RoundRecord, command: SubmitAssessment, last_round: bool) -> None:
    role = command.role
    for question in round_.questions:
        qid = question.question_id
        question.assessments[role] = QuestionAssessment(
            rating=command.ratings.get(qid),
            checked=set(command.question_checks.get(qid, ())),
            notes=command.notes.get(qid, ""),
        )
    round_.assessments[role] = RoundAssessment(checked=set(command.round_checks), reflection=command.reflection)
    if last_round:
        record.assessments[role] = InterviewAssessment(checked=set(command.interview_checks), advance=command.advance)


class _Decisions:
    """The decisions one command takes: from the matcher when live, from the journal when replayed."""

    def __init__(self, matcher: Matcher | None, recorded: tuple[Decision, ...] = ()) -> None:
        self._matcher = matcher
        self._recorded = list(recorded)
        self.made: list[Decision] = []

    def decide(self, key: Decision, text: str, terms: tuple[Term, ...]) -> tuple[str, ...]:
        """The names of the terms found for the challenge `key` names (round, question, challenge)."""
        if self._matcher is not None:
            found = tuple(term.name for term in self._matcher(text, terms))
            decision = Decision(key.round, key.question, key.challenge, found)
        else:
            decision = self._recorded.pop(0) if self._recorded else None
            if decision is None or (decision.round, decision.question, decision.challenge) != (
                key.round, key.question, key.challenge
            ):
                raise ReplayError(f"the journal does not say whether challenge {key.challenge + 1} was needed")
        self.made.append(decision)
        return decision.mentioned

    def check_all_used(self) -> None:
        if self._recorded:
            raise ReplayError("the journal holds a decision this step did not take")
