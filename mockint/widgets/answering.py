"""The answering view: the question card, the answer box, and any challenge posed on top."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from mockint.engine import SessionEngine
from mockint.session import Phase
from mockint.widgets.capped_text import CappedTextArea
from mockint.widgets.challenge_card import ChallengeCard
from mockint.widgets.keys import PAUSE, first_key
from mockint.widgets.question_card import QuestionCard


class AnsweringView(Vertical):
    """Draws the engine's ANSWERING and CHALLENGE phases; the screen sends it the engine's state."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._question_key: tuple[int, int] | None = None
        self._challenge_key: tuple[int, int, int] | None = None

    def compose(self) -> ComposeResult:
        yield QuestionCard()
        banner = f"PAUSED · the clock is stopped · {first_key(PAUSE)} resumes"
        yield Static(banner, id="paused-banner", markup=False)
        answer = CappedTextArea(id="main-answer", soft_wrap=True)
        answer.border_title = "Your answer (or notes)"
        yield answer
        yield ChallengeCard()

    @property
    def main_answer(self) -> CappedTextArea:
        return self.query_one("#main-answer", CappedTextArea)

    @property
    def challenge_card(self) -> ChallengeCard:
        return self.query_one(ChallengeCard)

    def active_answer_box(self, engine: SessionEngine) -> CappedTextArea:
        return self.challenge_card.answer_box if engine.phase is Phase.CHALLENGE else self.main_answer

    def show(self, engine: SessionEngine) -> None:
        """Redraw after the phase, question, challenge or pause state changed."""
        card = self.query_one(QuestionCard)
        question_key = (engine.round_index, engine.question_index)
        if question_key != self._question_key:
            self._question_key = question_key
            self._challenge_key = None
            card.show_question(
                engine.current_question,
                engine.question_index + 1,
                len(engine.current_round.questions),
                engine.current_round.title,
            )
            # load_text, unlike clear, also empties the undo history: undo must not bring back the last answer.
            self.main_answer.load_text("")
        record = engine.current_question_record
        card.show_hint(record.hint if record.hint_used else None)
        self._show_challenge(engine)
        in_challenge = engine.phase is Phase.CHALLENGE
        card.set_class(in_challenge, "-dimmed")
        self.main_answer.display = not in_challenge
        self.challenge_card.display = in_challenge
        self.query_one("#paused-banner").display = engine.paused
        self.main_answer.disabled = engine.paused
        self.challenge_card.answer_box.disabled = engine.paused
        self.update_clocks(engine)
        if not engine.paused:
            self.active_answer_box(engine).focus()

    def _show_challenge(self, engine: SessionEngine) -> None:
        challenge = engine.current_challenge
        if challenge is None or engine.challenge_index is None:
            self._challenge_key = None
            return
        key = (engine.round_index, engine.question_index, engine.challenge_index)
        if key != self._challenge_key:
            self._challenge_key = key
            self.challenge_card.show_challenge(challenge, engine.current_round.interviewer.name)

    def update_clocks(self, engine: SessionEngine) -> None:
        clock = self.challenge_card.clock if engine.phase is Phase.CHALLENGE else self.query_one(QuestionCard).clock
        clock.show(engine.countdown, paused=engine.paused)
