"""The interviewer pushing back: a challenge with its own clock and its own answer box."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from mockint.session.record import ChallengeRecord
from mockint.session.views import CandidateChallenge
from mockint.ui.widgets.capped_text import CappedTextArea
from mockint.ui.widgets.countdown import CountdownClock
from mockint.ui.widgets.plain import plain
from mockint.ui.widgets.text_panel import ScrollingPanel


class ChallengeCard(Vertical):
    DEFAULT_CSS = """
    ChallengeCard {
        display: none;
        height: 1fr;
        margin-top: 1;
    }

    /* Its label wraps under itself where the card is narrow (the console's column at 80 columns), never cut. */
    #challenge-header {
        height: auto;
    }

    #challenge-marker {
        width: auto;
        padding: 0 1;
        margin-right: 2;
        text-style: bold;
        color: $text;
        background: $error;
    }

    #challenge-label {
        width: 1fr;
        text-style: bold;
        color: $warning;
    }

    /* Capped like the question's panel, so the answer box below keeps its lines. */
    #challenge-panel {
        height: auto;
        max-height: 30vh;
        border: double $warning;
        padding: 0 2;
    }

    #challenge-text {
        text-style: bold;
        width: 100%;
    }

    ChallengeCard.-interruption #challenge-panel {
        border: double $error;
    }

    #challenge-answer {
        height: 1fr;
        min-height: 3;
    }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="challenge-header"):
            yield Static("INTERRUPTION", id="challenge-marker", markup=False)
            yield Static(id="challenge-label", markup=False)
            yield CountdownClock(id="challenge-clock")
        with ScrollingPanel(id="challenge-panel"):
            yield Static(id="challenge-text", markup=False)
        yield CappedTextArea(id="challenge-answer", soft_wrap=True)

    @property
    def clock(self) -> CountdownClock:
        return self.query_one("#challenge-clock", CountdownClock)

    @property
    def answer_box(self) -> CappedTextArea:
        return self.query_one("#challenge-answer", CappedTextArea)

    def show_challenge(self, challenge: ChallengeRecord | CandidateChallenge, interviewer: str) -> None:
        """Show a newly posed challenge with its answer box (empty, but for a resumed run)."""
        self.query_one("#challenge-marker", Static).display = challenge.interrupted
        self.query_one("#challenge-label", Static).update(plain(f"{interviewer} pushes back:"))
        self.query_one("#challenge-text", Static).update(plain(challenge.ask.strip()))
        self.query_one("#challenge-panel", ScrollingPanel).scroll_home(animate=False)
        self.set_class(challenge.interrupted, "-interruption")
        self.answer_box.border_title = plain(f"Your answer to {interviewer}")
        self.answer_box.load_text(challenge.answer)  # and forget the last answer's undo history
        self.answer_box.move_cursor(self.answer_box.document.end)
