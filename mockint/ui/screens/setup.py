"""The setup screen: which rounds to run, in which mode, under which name; then Start."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, RadioSet, Static
from textual.widgets.selection_list import Selection

from mockint.core.model import Pack, Round
from mockint.session.record import Mode
from mockint.core.safetext import printable
from mockint.ui import user_commands
from mockint.ui.screens.home import round_line
from mockint.session.setup import SessionOptions
from mockint.ui.widgets.plain import plain
from mockint.ui.widgets.toggles import ChoiceButton, TickBox, TickSelectionList

MODE_HELP = {
    Mode.PRACTICE: "Practice: hints, the guide shown after each answer, overtime allowed.",
    Mode.PRESSURE: "Pressure: no hints, interruptions, the interviewer moves on at time-up.",
}


SAVE_LABEL = "Save as it goes, to resume after a crash (untick: nothing is written)"
PAIR_LABEL = "Pair: a partner interviews me (from a private kit; both of you score, blind)"


@dataclass
class StartRequested(Message):
    """The candidate asked to start `pack` with `options`; the app starts the run.

    No __post_init__ of our own: the dataclass __init__ calls Message.__post_init__,
    which sets the message up.
    """

    pack: Pack
    options: SessionOptions
    save: bool = True
    """Save the run as it happens (the setup screen's "Save this interview")."""


class SetupScreen(Screen[None]):
    CSS_PATH = "setup.tcss"
    BINDINGS = user_commands.bindings(user_commands.START, user_commands.BACK)

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="form"):
            yield Static(plain(self.pack.title), id="pack-title")
            if self.pack.role:
                yield Static(plain(self.pack.role), id="pack-role")
            yield Label("Rounds to include (space toggles)", classes="field-label")
            yield TickSelectionList[str](*(round_selection(r) for r in self.pack.rounds), id="rounds")
            yield Label("Mode", classes="field-label")
            with RadioSet(id="mode"):
                yield ChoiceButton("Practice", value=True, id="practice")
                yield ChoiceButton("Pressure", id="pressure")
            yield Static(mode_help(Mode.PRACTICE), id="mode-help")
            yield TickBox("Shuffle questions", id="shuffle", compact=True)
            yield TickBox(SAVE_LABEL, id="save", compact=True, value=getattr(self.app, "sessions", None) is not None)
            yield TickBox(PAIR_LABEL, id="pair", compact=True)
            yield Label("Your name (optional, shown in the transcript)", classes="field-label")
            yield Input(placeholder="e.g. Jordan", id="candidate", max_length=80)
            yield Label("Your interviewer's name (optional)", classes="field-label pair-only")
            yield Input(placeholder="e.g. Sam", id="interviewer", max_length=80, classes="pair-only")
            with Vertical(id="actions"):
                yield Button("Start interview", variant="primary", id="start")
        yield Footer()

    @property
    def mode(self) -> Mode:
        return Mode.PRESSURE if self.query_one("#pressure", ChoiceButton).value else Mode.PRACTICE

    def options(self) -> SessionOptions:
        """What the form says now."""
        chosen = set(self.query_one("#rounds", TickSelectionList).selected)
        return SessionOptions(
            mode=self.mode,
            # Pack order, whatever order the boxes were ticked in.
            round_ids=tuple(r.id for r in self.pack.rounds if r.id in chosen),
            # The engine picks the seed and records it, so a shuffled run can be repeated.
            shuffle=self.query_one("#shuffle", TickBox).value,
            candidate=self.query_one("#candidate", Input).value.strip(),
            interviewer=self.query_one("#interviewer", Input).value.strip() if self.pair else "",
            pair=self.pair,
        )

    @property
    def pair(self) -> bool:
        return self.query_one("#pair", TickBox).value

    def on_mount(self) -> None:
        self.sub_title = printable(self.pack.title, single_line=True)
        self.query_one("#rounds", TickSelectionList).focus()
        self._show_pair_fields()

    @on(TickBox.Changed, "#pair")
    def _show_pair_fields(self) -> None:
        for widget in self.query(".pair-only"):
            widget.display = self.pair

    @on(RadioSet.Changed, "#mode")
    def _mode_changed(self) -> None:
        self.query_one("#mode-help", Static).update(mode_help(self.mode))

    @on(Button.Pressed, "#start")
    @on(Input.Submitted, "#candidate")
    @on(Input.Submitted, "#interviewer")
    def _start_pressed(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        options = self.options()
        if not options.round_ids:
            self.notify("Choose at least one round to run.", title="No rounds", severity="warning")
            return
        self.post_message(StartRequested(self.pack, options, save=self.query_one("#save", TickBox).value))

    def action_back(self) -> None:
        self.app.pop_screen()


def round_selection(round_: Round) -> Selection[str]:
    return Selection(plain(round_line(round_)), round_.id, initial_state=True)


def mode_help(chosen: Mode) -> Content:
    """One line per mode, the chosen one in bold."""
    return Content("\n").join(Content.styled(MODE_HELP[mode], "bold" if mode is chosen else "") for mode in MODE_HELP)
