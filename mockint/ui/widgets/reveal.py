"""After a round's assessment is in: each question's reference answer, next to the candidate's own rating and answer.

A reference answer read before rating oneself would anchor the rating, so it
is shown only once the round is revealed. The panel draws from the
candidate's view of the round (mockint.session.views.CandidateRound), which
holds the reference answers only from then on; any screen can show it, and
enter or space posts RevealPanel.Continued for the screen to go on.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Static

from mockint.core.durations import format_clock
from mockint.exporters import content
from mockint.session.record import QuestionAssessment
from mockint.session.views import CandidateQuestion, CandidateRound
from mockint.ui import user_commands
from mockint.ui.widgets.keys import AFTER_REVEAL, key_names
from mockint.ui.widgets.plain import plain

ANSWER_LINES = 3
"""How much of the answer is shown again: enough to recall it, not to push the reference off the screen."""
NOTE = "Your assessment is in. Compare your answers with the reference answers of the pack."
NO_REFERENCE = "The pack has no reference answer for this question."


def has_reference(round_: CandidateRound) -> bool:
    """Whether the round, as the candidate sees it, holds a reference answer to show."""
    return any(question.reference for question in round_.questions)


def own_rating(assessment: QuestionAssessment | None) -> str:
    """`Your rating: Good — Answers it: …`, the level and what it means."""
    rating = assessment.rating if assessment is not None else None
    if rating is None:
        return "Your rating: not rated."
    return f"Your rating: {content.rating_text(rating)}"


def answer_excerpt(question: CandidateQuestion, width: int) -> Content:
    """The answer's first lines at `width` cells (… when it goes on), under its time; or why there is none."""
    timing = f"{format_clock(question.time_used)} / {format_clock(question.limit + question.extra_time)}"
    if question.skipped:
        return plain(f"You skipped this question ({timing}).").stylize("italic")
    text = question.answer.strip()
    if not text:
        return plain(f"No answer typed ({timing}).").stylize("italic")
    lines = plain(text).wrap(max(2, width))
    shown = lines[:ANSWER_LINES]
    if len(lines) > ANSWER_LINES:
        shown[-1] = shown[-1][: max(1, width - 1)].rstrip() + "…"
    return Content("\n").join([plain(f"Your answer ({timing})").stylize("bold"), *shown])


class AnswerExcerpt(Static):
    """The answer's first lines, cut at the widget's own width."""

    def __init__(self, question: CandidateQuestion) -> None:
        super().__init__(classes="reveal-answer")
        self.question = question

    def render(self) -> Content:
        return answer_excerpt(self.question, self.content_size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return answer_excerpt(self.question, width).get_height(self.styles, width)


class RevealedQuestion(Vertical):
    """One question: the candidate's rating and answer, then the reference answer."""

    DEFAULT_CSS = """
    RevealedQuestion {
        height: auto;
        border: round $success;
        padding: 0 1;
        margin-top: 1;
    }
    .reveal-heading {
        text-style: bold;
    }
    .reveal-rating, .reveal-answer {
        color: $text-muted;
    }
    .reveal-reference-heading {
        margin-top: 1;
        text-style: bold underline;
    }
    """

    def __init__(self, question: CandidateQuestion) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        question = self.question
        yield Static(plain(f"{question.number}. {question.ask.strip()}"), classes="reveal-heading")
        yield Static(plain(own_rating(question.self_assessment)), classes="reveal-rating")
        yield AnswerExcerpt(question)
        yield Static(plain(content.REFERENCE), classes="reveal-reference-heading")
        if question.reference:
            yield Static(plain(question.reference.strip()), classes="reveal-reference")
        else:
            yield Static(Content.styled(NO_REFERENCE, "italic"), classes="reveal-reference")


class RevealPanel(VerticalScroll):
    """A revealed round's reference answers, question by question; enter or space goes on."""

    DEFAULT_CSS = """
    RevealPanel {
        height: 1fr;
        padding: 0 2;
    }
    .reveal-title {
        text-style: bold;
        color: $primary;
    }
    .reveal-note {
        color: $text-muted;
    }
    .reveal-prompt {
        color: $accent;
        margin-top: 1;
    }
    """
    BINDINGS = user_commands.bindings(user_commands.CONTINUE_AFTER_REVEAL)

    class Continued(Message):
        """The candidate has read the reference answers and goes on."""

    def __init__(self, round_: CandidateRound, round_count: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.round = round_
        self.round_count = round_count

    def compose(self) -> ComposeResult:
        round_ = self.round
        yield Static(
            plain(f"Reference answers · round {round_.number} of {self.round_count}: {round_.title}"),
            classes="reveal-title",
        )
        yield Static(NOTE, classes="reveal-note", markup=False)
        for question in round_.questions:
            yield RevealedQuestion(question)
        yield Static(plain(f"Press {key_names(AFTER_REVEAL)} to continue."), classes="reveal-prompt")

    def action_continue(self) -> None:
        self.post_message(self.Continued())
