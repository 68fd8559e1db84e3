"""Questions over the current screen.

`push_screen(ConfirmScreen(q), callback)` gets a bool (yes or no);
`push_screen(ChoiceScreen(q, choices, default), callback)` gets the id of the
choice made, or None when escape cancels.

Every answer is a user command (mockint.ui.user_commands) with its key: a
dialog binds them all and enables those of its own choices. The arrow keys
move between the buttons, as tab does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from mockint.ui import user_commands
from mockint.ui.user_commands import UserCommand
from mockint.ui.widgets.plain import plain

ButtonVariant = Literal["default", "primary", "success", "warning", "error"]
ResultType = TypeVar("ResultType")


ANSWERS = (
    user_commands.YES,
    user_commands.NO,
    user_commands.EXPORT_FIRST,
    user_commands.LEAVE,
    user_commands.QUIT_UNEXPORTED,
    user_commands.CANCEL,
    user_commands.RESUME,
    user_commands.DISCARD,
    user_commands.LATER,
)


@dataclass(frozen=True)
class Choice:
    answer: UserCommand
    """One of ANSWERS: its title is the button's label, its key makes the choice without the button."""
    variant: ButtonVariant = "default"

    @property
    def id(self) -> str:
        return self.answer.id

    @property
    def label(self) -> str:
        return self.answer.title


class QuestionDialog(ModalScreen[ResultType]):
    """A question with a button (and a key) per answer; escape gives `cancel_id`."""

    CSS_PATH = "confirm.tcss"
    BINDINGS = user_commands.bindings(
        *ANSWERS, user_commands.CLOSE_QUESTION, user_commands.NEXT_ANSWER, user_commands.PREVIOUS_ANSWER
    )

    def __init__(
        self,
        question: str,
        choices: Sequence[Choice],
        default: str,
        cancel_id: str | None,
        result: Callable[[str | None], ResultType],
    ) -> None:
        super().__init__()
        self._result = result
        self.question = question
        self.choices = tuple(choices)
        self._default = default
        self._cancel_id = cancel_id

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(plain(self.question), id="question")
            with Horizontal(id="buttons"):
                for choice in self.choices:
                    yield Button(plain(choice.label), variant=choice.variant, id=choice.id)

    def on_mount(self) -> None:
        # Enter on the default focus is the safe answer.
        self.query_one(f"#{self._default}", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose(event.button.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Only this dialog's answers: the others' keys do nothing and stay out of the palette.
        if action == "choose":
            return any(choice.id == parameters[0] for choice in self.choices)
        return True

    def action_choose(self, choice_id: str | None) -> None:
        self.dismiss(self._result(choice_id))

    def action_close(self) -> None:
        self.action_choose(self._cancel_id)

    def action_next_answer(self) -> None:
        self.focus_next(Button)

    def action_previous_answer(self) -> None:
        self.focus_previous(Button)


class ConfirmScreen(QuestionDialog[bool]):
    """Yes (y) or no (n, escape); no has the focus."""

    def __init__(self, question: str) -> None:
        yes, no = user_commands.YES, user_commands.NO
        choices = (Choice(yes, "error"), Choice(no, "primary"))
        super().__init__(question, choices, default=no.id, cancel_id=no.id, result=lambda choice: choice == yes.id)


class ChoiceScreen(QuestionDialog[str | None]):
    """Several answers; the result is the chosen Choice's id, None on escape."""

    def __init__(self, question: str, choices: Sequence[Choice], default: str) -> None:
        super().__init__(question, choices, default=default, cancel_id=None, result=lambda choice: choice)
