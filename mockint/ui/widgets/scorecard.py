"""The interviewer's scorecard of a round (pair mode): a rating per question with its anchors, a keep and a
change for the candidate, and with the last round the overall "would advance?".

It is filled without seeing the candidate's self-assessment: it reads only the
question's kit and the interviewer's own notes and ticks.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, RadioSet, Static

from mockint.analysis.insights import counted
from mockint.exporters import content
from mockint.session.commands import SubmitAssessment
from mockint.core.ratings import Rating
from mockint.session.record import Advance, FormChoices, QuestionRecord, Reflection, Role, RoundRecord
from mockint.ui.widgets.assessment import (
    RatedQuestion, RatingDescription, RatingSet, hand_in_asking, rating_description,
)
from mockint.core.safetext import printable
from mockint.ui.widgets.plain import plain
from mockint.ui.widgets.toggles import ChoiceButton


def anchors_text(question: QuestionRecord) -> Content:
    if not question.anchors:
        return Content.styled("No anchors in this pack: use the scale's descriptions.", "italic")
    return Content("\n").join(plain(line) for line in content.anchor_lines(question))


def evidence_text(question: QuestionRecord) -> Content:
    heard = ", ".join(sorted(question.heard)) or "nothing ticked"
    evidence = f"Your evidence: heard {heard}; {counted(len(question.notes), 'note line')}"
    return plain(f"Skipped by you. {evidence}" if question.skipped else evidence)


HAND_IN_SCORECARD_ANYWAY = "Hand in your scorecard anyway? It cannot be changed once it is in."

MAX_LINE = 300
"""A keep or a change is one specific line."""


class ScorecardForm(VerticalScroll):
    DEFAULT_CSS = """
    ScorecardForm { padding: 0 1; }
    ScorecardForm .scorecard-heading { text-style: bold; margin-top: 1; }
    ScorecardForm .anchors { color: $text-muted; padding-left: 2; }
    /* A bar beside the box being typed in: its faint background alone was easy to miss. */
    ScorecardForm .reflection-row { height: auto; margin: 0 0 1 1; border-left: blank; }
    ScorecardForm .reflection-row:focus-within { border-left: outer $accent; }
    ScorecardForm .reflection-label { width: 7; text-style: bold; }
    ScorecardForm Input { width: 1fr; }
    ScorecardForm RatingDescription { margin-left: 0; }
    ScorecardForm #scorecard-problem { color: $error; }
    """

    def __init__(
        self,
        round_record: RoundRecord,
        last_round: bool,
        *,
        drafts: dict[str, str] | None = None,
        choices: FormChoices | None = None,
        id: str | None = None,
    ) -> None:
        """`drafts` is the text typed into keep and change before a restart, by field, and not handed in;
        `choices` the ratings and "would advance?" chosen."""
        super().__init__(id=id)
        self.round_record = round_record
        self.drafts = drafts or {}
        self.choices = choices
        self.last_round = last_round

    def compose(self) -> ComposeResult:
        yield Static(plain(f"Your scorecard of “{self.round_record.title}” (the candidate cannot see it)"),
                     classes="scorecard-heading")  # fmt: skip
        for number, question in enumerate(self.round_record.questions, 1):
            own = question.assessment(Role.INTERVIEWER).rating
            if self.choices is not None:
                own = self.choices.ratings.get(question.question_id)
            with RatedQuestion():
                yield Static(plain(f"{number}. {question.ask.strip()}"), classes="scorecard-heading")
                yield Static(anchors_text(question), classes="anchors")
                yield Static(evidence_text(question), classes="anchors")
                yield RatingSet(question.question_id, own)
                yield RatingDescription(plain(rating_description(own)))
        reflection = self.round_record.assessment(Role.INTERVIEWER).reflection
        yield Static("For the candidate: one specific keep and one specific change", classes="scorecard-heading")
        for name, label in (("keep", "Keep"), ("change", "Change")):
            with Horizontal(classes="reflection-row"):
                yield Label(plain(label), classes="reflection-label")
                text = self.drafts.get(name, getattr(reflection, name))
                yield Input(printable(text, single_line=True), id=f"score-{name}", compact=True,
                            max_length=MAX_LINE)  # fmt: skip
        # Under the lines it is about, so it shows beside the box that takes the keyboard.
        yield Static("", id="scorecard-problem")
        if self.last_round:
            yield Static("Would they advance?", classes="scorecard-heading")
            with RadioSet(id="advance"):
                chosen = self.choices.advance if self.choices is not None else None
                for choice in Advance:
                    yield ChoiceButton(plain(choice.label), value=choice is chosen, id=f"advance-{choice.value}")
        yield Button("Submit scorecard", id="submit-scorecard", variant="primary")

    def on_mount(self) -> None:
        self.query_one(RatingSet).focus()

    @staticmethod
    def reflection_field(box: Input) -> str | None:
        """The reflection field an input of the scorecard types into (`keep`, `change`); None for another."""
        name = (box.id or "").removeprefix("score-")
        return name if name in ("keep", "change") else None

    def problem(self) -> str:
        """Why the scorecard cannot go in yet; empty when it can."""
        reflection = self._reflection()
        if not reflection.keep.strip() or not reflection.change.strip():
            return "Give the candidate at least one specific keep and one specific change."
        return ""

    def _reflection(self) -> Reflection:
        keep = self.query_one("#score-keep", Input).value
        return Reflection(keep=keep, change=self.query_one("#score-change", Input).value)

    def _advance(self) -> Advance | None:
        """What goes in: with the last round, "would advance?" as chosen, or no decision."""
        return (self._chosen_advance() or Advance.NO_DECISION) if self.last_round else None

    def _chosen_advance(self) -> Advance | None:
        pressed = self.query_one("#advance", RadioSet).pressed_button if self.last_round else None
        return Advance((pressed.id or "").removeprefix("advance-")) if pressed is not None else None

    def form_choices(self) -> FormChoices:
        """What the scorecard holds chosen now: its ratings and, with the last round, "would advance?"."""
        return FormChoices(ratings=self._ratings(), advance=self._chosen_advance())

    def _ratings(self) -> dict[str, Rating]:
        return {r.question_id: r.rating for r in self.query(RatingSet) if r.rating is not None}

    def build_assessment(self) -> SubmitAssessment:
        return SubmitAssessment(
            role=Role.INTERVIEWER, ratings=self._ratings(), reflection=self._reflection(), advance=self._advance()
        )

    def submit(self) -> None:
        """Post the scorecard, or say what it lacks."""
        problem = self.problem()
        self.query_one("#scorecard-problem", Static).update(plain(problem))
        if problem:
            empty = next(box for box in self.query(Input) if not box.value.strip())
            empty.focus()  # straight to what is missing
            return
        hand_in_asking(self, self.build_assessment, HAND_IN_SCORECARD_ANYWAY)  # as the self-assessment does

    def on_input_changed(self, event: Input.Changed) -> None:
        """Once what was missing is typed, the problem said about it goes (the event goes on to be saved)."""
        problem = self.query_one("#scorecard-problem", Static)
        if str(problem.content) and not self.problem():
            problem.update("")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "submit-scorecard":
            event.stop()
            self.submit()
