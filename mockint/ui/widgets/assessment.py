"""The self-assessment after each round: checklists, a rating per question on the one scale, keep/stop/start."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Label, RadioSet, Static, TextArea

from mockint.exporters import content
from mockint.core.ratings import SCALE, Rating
from mockint.session.commands import SubmitAssessment
from mockint.session.record import FormChoices, QuestionRecord, Reflection, RoundRecord
from mockint.ui import user_commands
from mockint.ui.screens.confirm import ConfirmScreen
from mockint.ui.widgets.capped_text import CappedTextArea
from mockint.ui.widgets.plain import plain
from mockint.ui.widgets.toggles import ChoiceButton, WrappingTickBox

RATING_SCALE = (
    "Rate each answer poor, mixed, good or excellent, or no evidence if there was nothing to judge: "
    f"press {user_commands.RATES[0].keys}–{user_commands.RATES[-1].keys} anywhere in a question's part, or ←/→ and "
    "space. What a level means shows under it."
)
NOT_RATED = "Not rated yet."
HAND_IN_ANYWAY = "Hand in your self-assessment anyway? It cannot be changed once it is in."
"""Asked, after how many questions are not rated, before such a self-assessment goes in."""
RATING_INDENT = 10
"""Where the choices start in a question's part: the row's margin (2) and the "Rating" label (8), as QuestionAssessment's styles set."""
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
    """The scale's choices in order (mockint.core.ratings.SCALE); nothing chosen means not rated.

    Posts InView whenever the level it would describe changes: the one under
    the cursor while it has focus, so moving along the choices reads out each
    level's meaning before one is chosen; otherwise the one chosen.
    """

    DEFAULT_CSS = """
    RatingSet {
        layout: grid;
        grid-size: 5;
        grid-columns: auto;
        grid-gutter: 0 1;
        width: auto;
        height: auto;
    }
    RatingSet.-two-rows {
        grid-size: 3;
    }
    RatingSet > ChoiceButton {
        width: auto;
    }
    /* Away from the choices, only the chosen one (●) stands out, not where the cursor was. */
    RatingSet:blur > ChoiceButton.-selected > .toggle--label {
        background: transparent;
    }
    """
    ONE_ROW_WIDTH = sum(len(level.label) + 5 for level in SCALE) + len(SCALE) - 1
    """Cells the choices take on one line: each is `▐○▌ Label ` (the label plus 5), one cell apart."""

    @dataclass
    class InView(Message):
        rating_set: RatingSet

    def __init__(self, question_id: str, rating: Rating | None) -> None:
        super().__init__(*(ChoiceButton(plain(level.label), value=level is rating) for level in SCALE), compact=True)
        self.question_id = question_id

    @property
    def rating(self) -> Rating | None:
        index = self.pressed_index
        return SCALE[index] if index >= 0 else None

    @property
    def in_view(self) -> Rating | None:
        """The level to describe now: under the cursor while focused, else the one chosen."""
        cursor = self._cursor_index()
        if not self.has_focus or cursor is None:
            return self.rating
        return SCALE[cursor]

    def _cursor_index(self) -> int | None:
        # RadioSet marks the button under its cursor with the -selected class.
        under_cursor = [index for index, button in enumerate(self.query(ChoiceButton)) if button.has_class("-selected")]
        return under_cursor[0] if under_cursor else None

    def on_mount(self) -> None:
        # RadioSet puts its cursor on the first choice as it mounts (after this handler); a choice made
        # already (restored on resume) should be under the cursor instead, and described when focused.
        self.call_later(self._cursor_to_choice)

    def _cursor_to_choice(self) -> None:
        chosen = self.pressed_index
        for _ in SCALE:
            if chosen < 0 or self._cursor_index() == chosen:
                break
            super().action_next_button()
        self.post_message(self.InView(self))

    def choose(self, rating: Rating) -> None:
        """Press the button for `rating`; the RadioSet releases the one pressed before."""
        self.query(ChoiceButton)[SCALE.index(rating)].value = True

    def action_next_button(self) -> None:
        super().action_next_button()
        self.post_message(self.InView(self))

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self.post_message(self.InView(self))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.post_message(self.InView(self))

    def on_focus(self) -> None:
        self.post_message(self.InView(self))

    def on_blur(self) -> None:
        self.post_message(self.InView(self))


def unrated_text(rating_sets: Iterable[RatingSet]) -> str:
    """`2 of 3 questions are not rated`, of a form's questions; empty when every one has a level (or no evidence)."""
    ratings = [rating_set.rating for rating_set in rating_sets]
    unrated, total = ratings.count(None), len(ratings)
    if not unrated:
        return ""
    return f"{unrated} of {total} question{'s' if total != 1 else ''} {'is' if unrated == 1 else 'are'} not rated"


def hand_in_asking(form: Widget, build: Callable[[], SubmitAssessment], anyway: str) -> None:
    """Post what `build` makes of `form` as handed in; with some of its questions left unrated, only once the
    person says so to `anyway` ("Hand in … anyway?"): "no evidence" is a choice, a question left alone may be
    an oversight."""

    def post(confirmed: bool | None = True) -> None:
        if confirmed:
            form.post_message(AssessmentSubmitted(build()))

    unrated = unrated_text(form.query(RatingSet))
    if unrated:
        form.app.push_screen(ConfirmScreen(f"{unrated}. {anyway}"), post)
    else:
        post()


def rating_description(chosen: Rating | None, under_cursor: Rating | None = None) -> str:
    """`Good — Answers it: …`: the level chosen and what it means, NOT_RATED for none; while the cursor is on
    another level, that level is described after what is chosen, so it is not taken for the choice."""
    said = NOT_RATED if chosen is None else content.rating_text(chosen)
    if under_cursor is None or under_cursor is chosen:
        return said
    so_far = NOT_RATED if chosen is None else f"Rated {chosen.label.lower()}."
    return f"{so_far} Under the cursor: {content.rating_text(under_cursor)}"


class RatingDescription(Static):
    """One line under a question's choices: what the level in view means."""

    DEFAULT_CSS = """
    RatingDescription {
        color: $text-muted;
        margin: 0 0 0 10;  /* under the choices: RATING_INDENT */
        height: auto;
    }
    """


class RatedQuestion(Vertical):
    """A question someone rates, in any role's form: a digit key pressed anywhere inside rates it, and the line
    under its choices says what the level in view means."""

    DEFAULT_CSS = """
    RatedQuestion {
        height: auto;
    }
    """

    # The digit keys: each level's place in the scale (1 poor … 4 excellent, 5 no evidence).
    BINDINGS = user_commands.bindings(*user_commands.RATES)

    def action_rate(self, level: str) -> None:
        self.query_one(RatingSet).choose(Rating(level))

    def on_rating_set_in_view(self, message: RatingSet.InView) -> None:
        message.stop()
        rating_set = message.rating_set
        self.query_one(RatingDescription).update(plain(rating_description(rating_set.rating, rating_set.in_view)))


class QuestionAssessment(RatedQuestion):
    """One question's checklist and rating in the candidate's own assessment."""

    DEFAULT_CSS = """
    QuestionAssessment {
        height: auto;
    }
    .rating-row {
        height: auto;
        margin: 0 0 0 2;
    }
    .rating-label {
        width: 8;  /* with the row's margin: RATING_INDENT */
        color: $text-muted;
    }
    """

    def __init__(self, number: int, question: QuestionRecord, choices: FormChoices | None = None) -> None:
        """`choices`: what was chosen in the form before a restart and not handed in, over what was handed in."""
        super().__init__(classes="question-assessment")
        self.number = number
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        question = self.question
        qid = question.question_id
        checked = question.checked if self.choices is None else self.choices.question_checks.get(qid, frozenset())
        rating = question.rating if self.choices is None else self.choices.ratings.get(qid)
        yield Static(plain(f"{self.number}. {question.ask.strip()}"), classes="assessment-heading")
        for item in question.checklist:
            yield ItemCheckbox(item, QUESTION_SCOPE, item in checked, qid)
        with Horizontal(classes="rating-row"):
            yield Label("Rating", classes="rating-label")
            yield RatingSet(qid, rating)
        yield RatingDescription(plain(rating_description(rating)))

    def on_resize(self, event: events.Resize) -> None:
        # The choices take one line where they fit beside their label, two lines on a narrow terminal.
        room = event.size.width - RATING_INDENT
        self.query_one(RatingSet).set_class(room < RatingSet.ONE_ROW_WIDTH, "-two-rows")


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
    """A round's self-assessment: its questions, the checklists, keep/stop/start and the submit button."""

    DEFAULT_CSS = """
    AssessmentForm {
        height: 1fr;
        padding: 0 2;
    }
    .assessment-title {
        text-style: bold;
        color: $primary;
    }
    .assessment-heading {
        text-style: bold;
        margin-top: 1;
    }
    .assessment-note {
        color: $text-muted;
    }
    /* Compact controls keep a long round on one screen; focus shows as the label's cursor, not a border. */
    ItemCheckbox.-textual-compact:focus {
        border: none;
    }
    /* Long items wrap under their own text instead of being cut off at the edge. */
    ItemCheckbox {
        margin-left: 2;
        width: 1fr;
        height: auto;
    }
    .reflection-row {
        height: auto;
        margin: 0 0 1 1;
        /* A bar beside the box being typed in: its faint background alone was easy to miss. */
        border-left: blank;
    }
    .reflection-row:focus-within {
        border-left: outer $accent;
    }
    .reflection-label {
        width: 7;
        text-style: bold;
    }
    /* Keep/stop/start grow with their text up to a few lines, then scroll. */
    CappedTextArea {
        width: 1fr;
        height: auto;
        max-height: 5;
    }
    #submit-assessment {
        margin: 0 0 0 2;
    }
    """

    def __init__(
        self,
        round_record: RoundRecord,
        interview_checklist: tuple[str, ...],
        interview_checked: set[str],
        *,
        drafts: dict[str, str] | None = None,
        choices: FormChoices | None = None,
        id: str | None = None,
    ) -> None:
        """`drafts` is the text typed into the reflection before a restart, by field, and not handed in;
        `choices` what was chosen (ratings, ticks)."""
        super().__init__(id=id)
        self.round_record = round_record
        self.drafts = drafts or {}
        self.choices = choices
        self.interview_checklist = interview_checklist
        self.interview_checked = interview_checked

    def compose(self) -> ComposeResult:
        yield Static(plain(f"How did “{self.round_record.title}” go?"), classes="assessment-title")
        yield Static(RATING_SCALE, classes="assessment-note")
        for number, question in enumerate(self.round_record.questions, 1):
            yield QuestionAssessment(number, question, self.choices)
        choices = self.choices
        round_ticks = self.round_record.checked if choices is None else choices.round_checks
        interview_ticks = self.interview_checked if choices is None else choices.interview_checks
        yield from self._checklist("This round", self.round_record.checklist, ROUND_SCOPE, round_ticks)
        yield from self._checklist("The whole interview", self.interview_checklist, INTERVIEW_SCOPE, interview_ticks)
        yield Static("Reflection", classes="assessment-heading")
        reflection = self.round_record.reflection
        for name, (label, prompt) in REFLECTION_PROMPTS.items():
            with Horizontal(classes="reflection-row"):
                yield Label(plain(label), classes="reflection-label")
                # Multi-line: a paste of several lines keeps every line; the box grows to a few lines, then scrolls.
                yield CappedTextArea(
                    self.drafts.get(name, getattr(reflection, name)), placeholder=prompt, id=f"reflect-{name}",
                    compact=True, soft_wrap=True, highlight_cursor_line=False,
                )
        yield Button("Submit assessment", id="submit-assessment", variant="primary")

    def _checklist(self, heading: str, items: tuple[str, ...], scope: str, ticked: Set[str]) -> ComposeResult:
        if not items:
            return
        yield Static(plain(heading), classes="assessment-heading")
        for item in items:
            yield ItemCheckbox(item, scope, item in ticked)

    def on_mount(self) -> None:
        for box in self.query(CappedTextArea):
            box.move_cursor(box.document.end)  # text put back after a restart goes on where it stopped
        first = next((w for w in self.query("ItemCheckbox, RatingSet, CappedTextArea") if w.focusable), None)
        if first is not None:
            first.focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # A reflection box grows with its lines: keep all of it, its cursor too, in view.
        event.text_area.call_after_refresh(event.text_area.scroll_visible, animate=False)

    @staticmethod
    def reflection_field(text_area: TextArea) -> str | None:
        """The reflection field a text area of the form types into (`keep`, `stop`, `start`); None for another."""
        name = (text_area.id or "").removeprefix("reflect-")
        return name if name in REFLECTION_PROMPTS and isinstance(text_area, CappedTextArea) else None

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

    def hand_in(self) -> None:
        """Post the assessment as the form stands (ctrl+d and the Submit button); with questions left unrated,
        once the candidate says so: a handed-in assessment cannot be taken back."""
        hand_in_asking(self, self.build_assessment, HAND_IN_ANYWAY)

    def form_choices(self) -> FormChoices:
        """What the form holds chosen now: its ratings and ticks."""
        chosen = self.build_assessment()
        return FormChoices(
            ratings=chosen.ratings, question_checks=chosen.question_checks,
            round_checks=chosen.round_checks, interview_checks=chosen.interview_checks,
        )  # fmt: skip

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "submit-assessment":
            event.stop()
            self.hand_in()
