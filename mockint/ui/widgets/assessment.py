"""The self-assessment after each round: checklists, a 1-5 rating per question, keep/stop/start."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Label, RadioSet, Static, TextArea

from mockint.session.commands import SubmitAssessment
from mockint.session.record import QuestionRecord, Reflection, RoundRecord
from mockint.ui.widgets.capped_text import CappedTextArea
from mockint.ui.widgets.plain import plain
from mockint.ui.widgets.toggles import ChoiceButton, WrappingTickBox

RATINGS = (1, 2, 3, 4, 5)
RATING_SCALE = "Rate each answer from 1 = not at all to 5 = strong: press 1–5 anywhere in a question's part."
REFLECTION_PROMPTS = {
    "keep": ("Keep", "what worked and should stay"),
    "stop": ("Stop", "what hurt your answers"),
    "start": ("Start", "what to try next time"),
}


@dataclass
class AssessmentSubmitted(Message):
    """Posted by the form's Submit button. The dataclass __init__ calls Message.__post_init__."""

    assessment: SubmitAssessment


class RatingSet(RadioSet):
    """1 (not at all) to 5 (strong); nothing chosen means not rated."""

    def __init__(self, question_id: str, rating: int | None) -> None:
        super().__init__(*(ChoiceButton(plain(str(n)), value=n == rating) for n in RATINGS), compact=True)
        self.question_id = question_id

    @property
    def rating(self) -> int | None:
        index = self.pressed_index
        return RATINGS[index] if index >= 0 else None

    def choose(self, rating: int) -> None:
        """Press the button for `rating`; the RadioSet releases the one pressed before."""
        self.query(ChoiceButton)[RATINGS.index(rating)].value = True


class QuestionAssessment(Vertical):
    """One question's checklist and rating; a digit key pressed anywhere inside rates it."""

    BINDINGS = [Binding(str(n), f"rate({n})", f"Rate {n}", show=False) for n in RATINGS]

    def __init__(self, number: int, question: QuestionRecord) -> None:
        super().__init__(classes="question-assessment")
        self.number = number
        self.question = question

    def compose(self) -> ComposeResult:
        question = self.question
        yield Static(plain(f"{self.number}. {question.ask.strip()}"), classes="assessment-heading")
        for item in question.checklist:
            yield ItemCheckbox(item, QUESTION_SCOPE, item in question.checked, question.question_id)
        with Horizontal(classes="rating-row"):
            yield Label("Rating", classes="rating-label")
            yield RatingSet(question.question_id, question.rating)

    def action_rate(self, rating: int) -> None:
        self.query_one(RatingSet).choose(rating)


class ItemCheckbox(WrappingTickBox):
    """A checklist item of a question (`question_id` set), the round, or the whole interview."""

    def __init__(self, item: str, scope: str, ticked: bool, question_id: str = "") -> None:
        super().__init__(item, value=ticked, compact=True)
        self.item = item
        self.scope = scope
        self.question_id = question_id


QUESTION_SCOPE = "question"
ROUND_SCOPE = "round"
INTERVIEW_SCOPE = "interview"


class AssessmentForm(VerticalScroll):

    def __init__(
        self,
        round_record: RoundRecord,
        interview_checklist: tuple[str, ...],
        interview_checked: set[str],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.round_record = round_record
        self.interview_checklist = interview_checklist
        self.interview_checked = interview_checked

    def compose(self) -> ComposeResult:
        yield Static(plain(f"How did “{self.round_record.title}” go?"), classes="assessment-title")
        yield Static(RATING_SCALE, classes="assessment-note")
        for number, question in enumerate(self.round_record.questions, 1):
            yield QuestionAssessment(number, question)
        yield from self._checklist("This round", self.round_record.checklist, ROUND_SCOPE, self.round_record.checked)
        yield from self._checklist("The whole interview", self.interview_checklist, INTERVIEW_SCOPE, self.interview_checked)
        yield Static("Reflection", classes="assessment-heading")
        reflection = self.round_record.reflection
        for name, (label, prompt) in REFLECTION_PROMPTS.items():
            with Horizontal(classes="reflection-row"):
                yield Label(plain(label), classes="reflection-label")
                # Multi-line: a paste of several lines keeps every line; the box grows to a few lines, then scrolls.
                yield CappedTextArea(
                    getattr(reflection, name), placeholder=prompt, id=f"reflect-{name}",
                    compact=True, soft_wrap=True, highlight_cursor_line=False,
                )
        yield Button("Submit assessment", id="submit-assessment", variant="primary")

    def _checklist(self, heading: str, items: tuple[str, ...], scope: str, ticked: set[str]) -> ComposeResult:
        if not items:
            return
        yield Static(plain(heading), classes="assessment-heading")
        for item in items:
            yield ItemCheckbox(item, scope, item in ticked)

    def on_mount(self) -> None:
        first = next((w for w in self.query("ItemCheckbox, RatingSet, CappedTextArea") if w.focusable), None)
        if first is not None:
            first.focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # A reflection box grows with its lines: keep all of it, its cursor too, in view.
        event.text_area.call_after_refresh(event.text_area.scroll_visible, animate=False)

    def build_assessment(self) -> SubmitAssessment:
        """The candidate's own assessment of the round, as the form stands."""
        round_checks: set[str] = set()
        interview_checks: set[str] = set()
        question_checks: dict[str, set[str]] = {}
        for box in self.query(ItemCheckbox):
            if not box.value:
                continue
            if box.scope == ROUND_SCOPE:
                round_checks.add(box.item)
            elif box.scope == INTERVIEW_SCOPE:
                interview_checks.add(box.item)
            else:
                question_checks.setdefault(box.question_id, set()).add(box.item)
        ratings = {r.question_id: r.rating for r in self.query(RatingSet) if r.rating is not None}
        return SubmitAssessment(
            ratings=ratings,
            question_checks={qid: frozenset(items) for qid, items in question_checks.items()},
            round_checks=frozenset(round_checks),
            interview_checks=frozenset(interview_checks),
            reflection=Reflection(
                **{name: self.query_one(f"#reflect-{name}", CappedTextArea).text for name in REFLECTION_PROMPTS}
            ),
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "submit-assessment":
            event.stop()
            self.post_message(AssessmentSubmitted(self.build_assessment()))
