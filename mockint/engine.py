"""The session engine: one interview run as a state machine over an injected clock.

round intro -> question (answering) -> challenges -> [review] -> next question
-> round self-assessment -> next round -> finished.

The app calls the actions and a periodic `tick()`, and reads the state to draw;
the journal and exporters read the SessionRecord it fills in as things happen.
Pure module: no textual import.
"""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Callable

from mockint.clock import Clock
from mockint.countdown import Countdown
from mockint.model import Pack, Question, Round
from mockint.record import (
    ChallengeRecord,
    ChallengeStatus,
    Mode,
    PauseInterval,
    QuestionRecord,
    RoundRecord,
    SessionRecord,
)
from mockint.session import (
    EngineError,
    Event,
    EventKind,
    Phase,
    RoundAssessment,
    SessionOptions,
    new_record,
    select_rounds,
)
from mockint.textmatch import mentioned_terms

TIMED_PHASES = (Phase.ANSWERING, Phase.CHALLENGE)


class SessionEngine:
    def __init__(
        self,
        pack: Pack,
        options: SessionOptions,
        clock: Clock,
        on_event: Callable[[Event], None] | None = None,
    ) -> None:
        if options.shuffle and options.seed is None:
            # Record the seed actually used so a shuffled run can be repeated.
            options = replace(options, seed=random.randrange(1, 2**31))
        self.pack = pack
        self.options = options
        self.clock = clock
        self.rounds = select_rounds(pack, options)
        self.record: SessionRecord = new_record(pack, self.rounds, options, clock)
        self.events: list[Event] = []
        self.phase = Phase.NOT_STARTED
        self.round_index = 0
        self.question_index = 0
        self.challenge_index: int | None = None
        self._on_event = on_event
        self._origin = clock.now()
        self._main: Countdown | None = None
        self._challenge: Countdown | None = None
        self._interrupting = False
        self._main_draft = ""
        self._challenge_draft = ""
        self._pause: PauseInterval | None = None
        self._time_up_reported = False

    # -- state the app reads ------------------------------------------------

    @property
    def mode(self) -> Mode:
        return self.options.mode

    @property
    def hints_allowed(self) -> bool:
        return self.mode is Mode.PRACTICE

    @property
    def interruptions(self) -> bool:
        return self.mode is Mode.PRESSURE

    @property
    def paused(self) -> bool:
        return self._pause is not None

    @property
    def current_round(self) -> Round:
        return self.rounds[self.round_index]

    @property
    def current_round_record(self) -> RoundRecord:
        return self.record.rounds[self.round_index]

    @property
    def current_question(self) -> Question:
        return self.current_round.questions[self.question_index]

    @property
    def current_question_record(self) -> QuestionRecord:
        return self.current_round_record.questions[self.question_index]

    @property
    def current_challenge(self) -> ChallengeRecord | None:
        if self.phase is not Phase.CHALLENGE or self.challenge_index is None:
            return None
        return self.current_question_record.challenges[self.challenge_index]

    @property
    def countdown(self) -> Countdown | None:
        """The clock the candidate is answering against, if any."""
        if self.phase is Phase.ANSWERING:
            return self._main
        if self.phase is Phase.CHALLENGE:
            return self._challenge
        return None

    def elapsed(self) -> float:
        """Seconds since the start, pauses excluded."""
        paused = sum(p.length for p in self.record.pauses)
        if self._pause is not None:
            paused += self.clock.now() - self._origin - self._pause.start
        return self.clock.now() - self._origin - paused

    # -- actions ------------------------------------------------------------

    def start(self) -> None:
        self._require(Phase.NOT_STARTED)
        self._origin = self.clock.now()
        self.record.started_wall = self.clock.wall()
        self._emit(EventKind.STARTED)
        self._enter_round(0)

    def begin_round(self) -> None:
        self._require(Phase.ROUND_INTRO)
        self._show_question(0, start=self.clock.now())

    def update_draft(self, text: str) -> None:
        """The answer typed so far; `unless_mentioned` challenges look at it."""
        if self.phase is Phase.CHALLENGE:
            self._challenge_draft = text
        else:
            self._main_draft = text

    def submit(self, text: str | None = None) -> None:
        """The candidate is done with the current question or challenge."""
        self._require(*TIMED_PHASES)
        self._require_running()
        if text is not None:
            self.update_draft(text)
        if self.phase is Phase.ANSWERING:
            self._finish_main(self.clock.now(), auto=False)
        else:
            self._finish_challenge(self.clock.now(), ChallengeStatus.ANSWERED, auto=False)

    def skip(self) -> None:
        self._require(*TIMED_PHASES)
        self._require_running()
        now = self.clock.now()
        if self.phase is Phase.CHALLENGE:
            self._finish_challenge(now, ChallengeStatus.SKIPPED, auto=False)
            return
        record = self.current_question_record
        record.skipped = True
        self._stop_main(now)
        self._emit(EventKind.QUESTION_SKIPPED)
        self._mark_unposed(ChallengeStatus.NOT_REACHED)
        self._after_question(now)

    def hint(self) -> str:
        self._require(Phase.ANSWERING, Phase.CHALLENGE)
        if not self.hints_allowed:
            raise EngineError("Hints are off in pressure mode.")
        question = self.current_question
        if not question.hint:
            raise EngineError("This question has no hint.")
        if not self.current_question_record.hint_used:
            self.current_question_record.hint_used = True
            self._emit(EventKind.HINT_GIVEN)
        return question.hint

    def pause(self) -> None:
        if self._pause is not None or self.phase in (Phase.NOT_STARTED, Phase.FINISHED):
            return
        now = self.clock.now()
        self._pause = PauseInterval(start=now - self._origin)
        self.record.pauses.append(self._pause)
        if self.countdown is not None:
            self.countdown.pause(now)
        self._emit(EventKind.PAUSED)

    def resume(self) -> None:
        if self._pause is None:
            return
        now = self.clock.now()
        self._pause.end = now - self._origin
        self._pause = None
        if self.countdown is not None:
            self.countdown.resume(now)
        self._emit(EventKind.RESUMED)

    def toggle_pause(self) -> None:
        self.resume() if self.paused else self.pause()

    def continue_after_review(self) -> None:
        self._require(Phase.REVIEW)
        self._next_question(self.clock.now())

    def submit_assessment(self, assessment: RoundAssessment) -> None:
        self._require(Phase.ASSESSMENT)
        self._apply_assessment(assessment)
        self._emit(EventKind.ROUND_ASSESSED)
        if self.round_index + 1 < len(self.rounds):
            self._enter_round(self.round_index + 1)
        else:
            self._finish(ended_early=False)

    def quit(self) -> None:
        """End early, keeping everything typed so far."""
        if self.phase is Phase.FINISHED:
            return
        self.resume()
        now = self.clock.now()
        if self.phase is Phase.CHALLENGE:
            challenge = self.current_question_record.challenges[self.challenge_index or 0]
            self._record_challenge(challenge, now, ChallengeStatus.ANSWERED)
        if self.phase in TIMED_PHASES:
            self._stop_main(now)
            self._mark_unposed(ChallengeStatus.NOT_REACHED)
        self._emit(EventKind.QUIT)
        self._finish(ended_early=True)

    def tick(self) -> None:
        """Let time act: pressure interruptions and time-up. Call it a few times a second.

        Loops so that a loop blocked past several deadlines catches up on all of them.
        """
        while self._pause is None and self.phase in TIMED_PHASES and self._step_time():
            pass

    def _step_time(self) -> bool:
        """Apply the next due time event; True when the state moved on."""
        if self.phase is Phase.ANSWERING and self.interruptions and self._interrupt_if_due():
            return True
        countdown = self.countdown
        if countdown is None or countdown.remaining() > 0:
            return False
        if self.mode is Mode.PRESSURE:
            self._emit(EventKind.TIME_UP)
            self._auto_advance(countdown.deadline)
            return True
        if not self._time_up_reported:
            self._time_up_reported = True
            self._emit(EventKind.TIME_UP)
        return False

    # -- transitions --------------------------------------------------------

    def _enter_round(self, index: int) -> None:
        self.round_index = index
        self.question_index = 0
        self.phase = Phase.ROUND_INTRO
        self._emit(EventKind.ROUND_STARTED)

    def _show_question(self, index: int, start: float) -> None:
        self.question_index = index
        self.challenge_index = None
        self._main_draft = ""
        self._interrupting = False
        self._time_up_reported = False
        record = self.current_question_record
        record.reached = True
        record.started_at = start - self._origin
        self._main = Countdown(self.clock, record.limit, start=start)
        self.phase = Phase.ANSWERING
        self._emit(EventKind.QUESTION_SHOWN)

    def _auto_advance(self, moment: float) -> None:
        if self.phase is Phase.ANSWERING:
            self._finish_main(moment, auto=True)
        else:
            self._finish_challenge(moment, ChallengeStatus.ANSWERED, auto=True)

    def _stop_main(self, moment: float) -> None:
        record = self.current_question_record
        if self._main is not None:
            self._main.pause(moment)
            record.time_used = self._main.elapsed()
        record.answer = self._main_draft

    def _finish_main(self, moment: float, auto: bool) -> None:
        self._stop_main(moment)
        self.current_question_record.auto_advanced = auto
        self._emit(EventKind.ANSWER_SUBMITTED)
        self._pose_next_challenge(moment)

    def _interrupt_if_due(self) -> bool:
        assert self._main is not None
        for index, challenge in enumerate(self.current_question_record.challenges):
            if challenge.status is not ChallengeStatus.PENDING or challenge.at is None:
                continue
            if self._main.elapsed() < challenge.at:
                continue
            if self._settle_if_not_needed(index, challenge):
                continue
            moment = self._main.moment_at_elapsed(challenge.at)
            self._main.pause(moment)
            self._interrupting = True
            self._pose(index, moment, interrupted=True)
            return True
        return False

    def _pose_next_challenge(self, moment: float) -> None:
        for index, challenge in enumerate(self.current_question_record.challenges):
            if challenge.status is not ChallengeStatus.PENDING:
                continue
            if self._settle_if_not_needed(index, challenge):
                continue
            self._pose(index, moment, interrupted=False)
            return
        self._after_question(moment)

    def _settle_if_not_needed(self, index: int, challenge: ChallengeRecord) -> bool:
        if not challenge.unless_mentioned:
            return False
        found = mentioned_terms(self._answer_so_far(), challenge.unless_mentioned)
        if not found:
            return False
        challenge.status = ChallengeStatus.NOT_NEEDED
        challenge.mentioned = tuple(found)
        self._emit(EventKind.CHALLENGE_NOT_NEEDED, challenge_index=index)
        return True

    def _answer_so_far(self) -> str:
        record = self.current_question_record
        answered = [c.answer for c in record.challenges if c.status is ChallengeStatus.ANSWERED]
        return "\n".join([self._main_draft, *answered])

    def _pose(self, index: int, moment: float, interrupted: bool) -> None:
        challenge = self.current_question_record.challenges[index]
        challenge.interrupted = interrupted
        self.challenge_index = index
        self._challenge_draft = ""
        self._time_up_reported = False
        self._challenge = Countdown(self.clock, challenge.limit, start=moment)
        self.phase = Phase.CHALLENGE
        self._emit(EventKind.CHALLENGE_POSED, challenge_index=index)

    def _record_challenge(self, challenge: ChallengeRecord, moment: float, status: ChallengeStatus) -> None:
        assert self._challenge is not None
        self._challenge.pause(moment)
        challenge.time_used = self._challenge.elapsed()
        challenge.answer = self._challenge_draft
        challenge.status = status

    def _finish_challenge(self, moment: float, status: ChallengeStatus, auto: bool) -> None:
        index = self.challenge_index or 0
        challenge = self.current_question_record.challenges[index]
        self._record_challenge(challenge, moment, status)
        challenge.auto_advanced = auto
        kind = EventKind.CHALLENGE_SKIPPED if status is ChallengeStatus.SKIPPED else EventKind.CHALLENGE_ANSWERED
        self._emit(kind, challenge_index=index)
        self.challenge_index = None
        if self._interrupting:
            self._return_to_main(moment)
        else:
            self._pose_next_challenge(moment)

    def _return_to_main(self, moment: float) -> None:
        assert self._main is not None
        self._interrupting = False
        self._time_up_reported = False
        self._main.resume(moment)
        self.phase = Phase.ANSWERING

    def _mark_unposed(self, status: ChallengeStatus) -> None:
        for challenge in self.current_question_record.challenges:
            if challenge.status is ChallengeStatus.PENDING:
                challenge.status = status

    def _after_question(self, moment: float) -> None:
        self.challenge_index = None
        if self.mode is Mode.PRACTICE or self.options.pair:
            self.phase = Phase.REVIEW
        else:
            self._next_question(moment)

    def _next_question(self, moment: float) -> None:
        if self.question_index + 1 < len(self.current_round.questions):
            self._show_question(self.question_index + 1, start=moment)
        else:
            self.phase = Phase.ASSESSMENT

    def _apply_assessment(self, assessment: RoundAssessment) -> None:
        for rating in assessment.ratings.values():
            if not 1 <= rating <= 5:
                raise EngineError(f"a rating is from 1 to 5, got {rating}")
        round_record = self.current_round_record
        for question in round_record.questions:
            question.checked = set(assessment.question_checks.get(question.question_id, set()))
            question.rating = assessment.ratings.get(question.question_id, question.rating)
        round_record.checked = set(assessment.round_checks)
        round_record.reflection = assessment.reflection
        round_record.assessed = True
        self.record.checked = set(assessment.interview_checks)

    def _finish(self, ended_early: bool) -> None:
        self.phase = Phase.FINISHED
        self.record.ended_early = ended_early
        self.record.finished = not ended_early
        self.record.duration = self.elapsed()
        self._emit(EventKind.FINISHED)

    # -- plumbing -----------------------------------------------------------

    def _require(self, *phases: Phase) -> None:
        if self.phase not in phases:
            allowed = " or ".join(p.value for p in phases)
            raise EngineError(f"not possible now: the interview is at {self.phase.value}, not {allowed}")

    def _require_running(self) -> None:
        if self._pause is not None:
            raise EngineError("The interview is paused; resume it first.")

    def _emit(self, kind: EventKind, challenge_index: int | None = None) -> None:
        event = Event(
            kind=kind,
            at=self.clock.now() - self._origin,
            round_index=self.round_index,
            question_index=self.question_index,
            challenge_index=challenge_index,
        )
        self.events.append(event)
        if self._on_event is not None:
            self._on_event(event)
