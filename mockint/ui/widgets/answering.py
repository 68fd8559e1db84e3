"""The answering view: the question card, the answer box, and any challenge posed on top."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from mockint.session.state import Phase
from mockint.session.views import InterviewerView
from mockint.ui.widgets.capped_text import CappedTextArea
from mockint.ui.widgets.challenge_card import ChallengeCard
from mockint.ui.widgets.keys import PAUSE, first_key
from mockint.ui.widgets.plain import plain
from mockint.ui.widgets.question_card import QuestionCard


class AnsweringView(Vertical):
    """Draws the ANSWERING and CHALLENGE phases from the view of the session the screen sends it.

    It takes the interviewer's view (the solo screen's); the cards it holds take
    the question and challenge of either side's view, so a candidate's screen
    can reuse them fed a CandidateView.
    """

    DEFAULT_CSS = """
    AnsweringView {
        height: 1fr;
        padding: 0 1;
    }

    #paused-banner {
        display: none;
        width: 100%;
        text-align: center;
        text-style: bold;
        color: $text;
        background: $warning;
        margin: 1 0 0 0;
    }

    #main-answer {
        height: 1fr;
        min-height: 3;
        margin-top: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._question_key: tuple[int, int] | None = None
        self._challenge_key: tuple[int, int, int] | None = None

    def compose(self) -> ComposeResult:
        yield QuestionCard()
        banner = f"PAUSED · the clock is stopped · {first_key(PAUSE)} resumes"
        yield Static(plain(banner), id="paused-banner")
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

    def active_answer_box(self, phase: Phase) -> CappedTextArea:
        return self.challenge_card.answer_box if phase is Phase.CHALLENGE else self.main_answer

    def show(self, view: InterviewerView) -> None:
        """Redraw after the phase, question, challenge or pause state changed."""
        card = self.query_one(QuestionCard)
        position, question, round_ = view.position, view.question, view.round
        assert question is not None and round_ is not None, "answering is always about a question"
        question_key = (position.round, position.question)
        if question_key != self._question_key:
            self._question_key = question_key
            self._challenge_key = None
            card.show_question(question, (position.question or 0) + 1, len(round_.questions), round_.title)
            # load_text, unlike clear, also empties the undo history: undo must not bring back the last answer.
            # The text is the answer's so far: empty, but for a resumed run.
            self.main_answer.load_text(question.answer)
            self.main_answer.move_cursor(self.main_answer.document.end)
        card.show_hint(question.hint if question.hint_used else None)
        self._show_challenge(view)
        in_challenge = position.phase is Phase.CHALLENGE
        card.set_class(in_challenge, "-dimmed")
        self.main_answer.display = not in_challenge
        self.challenge_card.display = in_challenge
        self.query_one("#paused-banner").display = position.paused
        self.main_answer.disabled = position.paused
        self.challenge_card.answer_box.disabled = position.paused
        self.update_clocks(view)
        if not position.paused:
            self.active_answer_box(position.phase).focus()

    def _show_challenge(self, view: InterviewerView) -> None:
        challenge, position = view.challenge, view.position
        if challenge is None or view.round is None:
            self._challenge_key = None
            return
        key = (position.round, position.question, position.challenge)
        if key != self._challenge_key:
            self._challenge_key = key
            self.challenge_card.show_challenge(challenge, view.round.interviewer)

    def update_clocks(self, view: InterviewerView) -> None:
        position = view.position
        clock = self.challenge_card.clock if position.phase is Phase.CHALLENGE else self.query_one(QuestionCard).clock
        clock.show(position.clock)
