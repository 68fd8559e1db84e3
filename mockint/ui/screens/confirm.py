"""Questions over the current screen.

`push_screen(ConfirmScreen(q), callback)` gets a bool (yes or no);
`push_screen(ChoiceScreen(q, choices, default), callback)` gets the id of the
choice made, or None when escape cancels.
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

from mockint.ui.widgets.plain import plain

ButtonVariant = Literal["default", "primary", "success", "warning", "error"]
ResultType = TypeVar("ResultType")


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    key: str
    """The key that makes this choice without reaching for the button."""
    variant: ButtonVariant = "default"


class QuestionDialog(ModalScreen[ResultType]):
    """A question with a button (and a key) per answer; escape gives `cancel_id`."""

    CSS_PATH = "confirm.tcss"

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
        for choice in self.choices:
            self._bindings.bind(choice.key, f"choose('{choice.id}')", choice.label)
        self._bindings.bind("escape", f"choose({cancel_id!r})", "Cancel")

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

    def action_choose(self, choice_id: str | None) -> None:
        self.dismiss(self._result(choice_id))


class ConfirmScreen(QuestionDialog[bool]):
    """Yes (y) or no (n, escape); no has the focus."""

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        choices = (Choice("yes", yes, "y", "error"), Choice("no", no, "n", "primary"))
        super().__init__(question, choices, default="no", cancel_id="no", result=lambda choice: choice == "yes")


class ChoiceScreen(QuestionDialog[str | None]):
    """Several answers; the result is the chosen Choice's id, None on escape."""

    def __init__(self, question: str, choices: Sequence[Choice], default: str) -> None:
        super().__init__(question, choices, default=default, cancel_id=None, result=lambda choice: choice)
