"""The question as the candidate sees it: position, clock, the question itself, and a hint if taken."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from mockint.session.record import QuestionRecord
from mockint.session.views import CandidateQuestion
from mockint.ui.widgets.countdown import CountdownClock
from mockint.ui.widgets.plain import plain
from mockint.ui.widgets.text_panel import ScrollingPanel


class QuestionCard(Vertical):
    DEFAULT_CSS = """
    /* Capped so that a long question leaves the answer box most of a small terminal: the question's
       panel scrolls within what the header and hint leave (both docked, so the panel's 100% is the rest).
       The cap sits on the card: Textual ignores a viewport-relative max-height inside an auto-height parent. */
    QuestionCard {
        height: auto;
        max-height: 45vh;
    }

    /* Its line wraps where the card is narrow (the console's column at 80 columns), never cut. */
    #question-header {
        dock: top;
        height: auto;
    }

    #question-position {
        width: 1fr;
        color: $text-muted;
    }

    #question-panel {
        height: auto;
        max-height: 100%;
        border: heavy $primary;
        padding: 1 2;
    }

    #question-text {
        text-style: bold;
        width: 100%;
    }

    #hint-line {
        dock: bottom;
        display: none;
        color: $accent;
        padding: 0 1;
    }

    /* Under a challenge the question is a reminder: smaller still, to leave room for the challenge's answer. */
    QuestionCard.-dimmed {
        max-height: 25vh;
    }

    QuestionCard.-dimmed #question-panel {
        border: round $primary-muted;
        padding: 0 2;
    }

    QuestionCard.-dimmed #question-text {
        text-style: none;
        color: $text-muted;
    }

    QuestionCard.-dimmed #main-clock {
        display: none;
    }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="question-header"):
            yield Static(id="question-position", markup=False)
            yield CountdownClock(id="main-clock")
        with ScrollingPanel(id="question-panel"):
            yield Static(id="question-text", markup=False)
        yield Static(id="hint-line", markup=False)

    @property
    def clock(self) -> CountdownClock:
        return self.query_one("#main-clock", CountdownClock)

    def show_question(
        self, question: QuestionRecord | CandidateQuestion, number: int, total: int, round_title: str
    ) -> None:
        self.query_one("#question-position", Static).update(plain(f"Question {number} of {total} · {round_title}"))
        self.query_one("#question-text", Static).update(plain(question.ask.strip()))
        self.query_one("#question-panel", ScrollingPanel).scroll_home(animate=False)

    def show_hint(self, hint: str | None) -> None:
        line = self.query_one("#hint-line", Static)
        line.update(plain(f"Hint: {hint}" if hint else ""))
        line.display = bool(hint)
