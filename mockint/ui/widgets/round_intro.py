"""The round's opening: who is interviewing, how they sound, and the round's budget."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from mockint.core.durations import format_duration
from mockint.session.record import RoundRecord
from mockint.session.views import CandidateRound
from mockint.ui.widgets.keys import BEGIN, key_names
from mockint.ui.widgets.plain import plain


class RoundIntro(Vertical):
    DEFAULT_CSS = """
    RoundIntro {
        height: 1fr;
        align: center middle;
        padding: 1 4;
    }

    RoundIntro > Static {
        width: 100%;
        max-width: 80;
        text-align: center;
        margin-bottom: 1;
    }

    #intro-position {
        color: $text-muted;
        margin-bottom: 0;
    }

    #intro-title {
        text-style: bold;
        color: $primary;
    }

    #intro-interviewer {
        text-style: bold;
        margin-bottom: 0;
    }

    #intro-style {
        color: $text-muted;
        text-style: italic;
    }

    #intro-line {
        padding: 1 2;
        border: round $primary;
    }

    #intro-budget {
        text-style: bold;
    }

    #intro-prompt {
        color: $accent;
    }

    /* A short terminal (80x24, a hosting status above): less room around the text, so a long intro still shows
       its budget and prompt; what still does not fit scrolls. */
    RoundIntro.-compact {
        padding: 1 1 0 1;
        overflow-y: auto;
    }

    RoundIntro.-compact #intro-line {
        padding: 0 2;
    }

    RoundIntro.-compact #intro-prompt {
        margin-bottom: 0;
    }
    """
    ROOMY_HEIGHT = 24
    """Rows from which the intro keeps its full spacing: a long intro at 80 columns needs them all."""

    def compose(self) -> ComposeResult:
        yield Static(id="intro-position", markup=False)
        yield Static(id="intro-title", markup=False)
        yield Static(id="intro-interviewer", markup=False)
        yield Static(id="intro-style", markup=False)
        yield Static(id="intro-line", markup=False)
        yield Static(id="intro-budget", markup=False)
        yield Static(plain(f"Press {key_names(BEGIN)} to begin."), id="intro-prompt", markup=False)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height < self.ROOMY_HEIGHT, "-compact")

    def show_round(self, round_: RoundRecord | CandidateRound, number: int, count: int) -> None:
        """Show a round from either side's view: both say the same of a round's intro."""
        questions = round_.question_count
        self._set("#intro-position", f"Round {number} of {count}")
        self._set("#intro-title", round_.title)
        self._set("#intro-interviewer", f"Your interviewer: {round_.interviewer}")
        self._set("#intro-style", round_.interviewer_style)
        self._set("#intro-line", f"“{round_.intro}”" if round_.intro else "")
        plural = "question" if questions == 1 else "questions"
        self._set("#intro-budget", f"Budget {format_duration(round_.budget)} · {questions} {plural}")

    def _set(self, selector: str, text: str) -> None:
        widget = self.query_one(selector, Static)
        widget.update(plain(text))
        widget.display = bool(text)
