"""The drill: past questions worth another go, each with why it was picked; ctrl+s runs them as a practice round.

What is picked, and in what order, is mockint.analysis.drill's rule. Whose interviews it picks from is asked
first (WhoseDrillScreen) when the saved interviews are more than one person's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from mockint.analysis.drill import DEFAULT_COUNT, NOTHING_TO_DRILL, DrillPick
from mockint.analysis.insights import counted
from mockint.packs.discovery import Library
from mockint.session.record import Mode
from mockint.session.setup import SessionOptions
from mockint.storage.history import drill_from, drill_round, read_history
from mockint.ui import user_commands
from mockint.ui.screens.setup import StartRequested
from mockint.ui.widgets.keys import first_key
from mockint.ui.widgets.plain import plain

WHOSE_QUESTION = (
    "Whose drill is it? It asks the questions that went badly in their interviews, and is saved under their name."
)
EVERYONE = "Everyone's interviews"


class DrillScreen(Screen[None]):
    CSS_PATH = "drill.tcss"
    BINDINGS = user_commands.bindings(user_commands.START_DRILL, user_commands.BACK)

    def __init__(
        self, folder: Path, library: Library, count: int = DEFAULT_COUNT, pack: str | None = None,
        candidate: str | None = None,
    ) -> None:
        """The drill of the sessions saved in `folder`: `count` questions, of `pack` if given (see analysis.drill);
        of `candidate`'s interviews only and saved under their name, if given."""
        super().__init__()
        self.folder = folder
        self.library = library
        self.count = count
        self.pack = pack
        self.candidate = candidate
        self.picks: list[DrillPick] = []

    def compose(self) -> ComposeResult:
        now = self.app.clock.wall()  # type: ignore[attr-defined]
        self.picks = drill_from(read_history(self.folder).for_candidate(self.candidate), now, self.count, self.pack)
        whose = f" for {self.candidate.strip()}" if self.candidate is not None else ""
        start, questions = first_key(user_commands.START_DRILL.keys), counted(len(self.picks), "question")
        title = f"Drill{whose}: {questions} · {start} starts a practice round of them" if self.picks else f"Drill{whose}"
        yield Static(plain(title, single_line=True), id="drill-title")
        with VerticalScroll(id="drill-list"):
            if not self.picks:
                yield Static(plain(NOTHING_TO_DRILL), id="drill-nothing")
            for number, pick in enumerate(self.picks, start=1):
                yield Static(plain(f"{number}. {' '.join(pick.question.ask.split())}"), classes="pick-question")
                yield Static(plain(f"{pick.history.key.pack} · {'; '.join(pick.reasons)}"), classes="pick-reasons")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start":
            return bool(self.picks)
        return True

    def action_start(self) -> None:
        if not self.picks:
            return
        pack = drill_round(self.picks, self.library.find(self.picks[0].history.key.pack))
        # Without a name given, the drill is whoever last tried its first question (the README says so).
        candidate = self.candidate.strip() if self.candidate is not None else self.picks[0].history.latest.candidate
        self.post_message(StartRequested(pack, SessionOptions(mode=Mode.PRACTICE, candidate=candidate)))

    def action_back(self) -> None:
        self.app.pop_screen()


@dataclass(frozen=True)
class Whose:
    """Whose drill it is: a candidate's name, or None for one from everyone's interviews."""

    candidate: str | None


class WhoseDrillScreen(ModalScreen[Whose | None]):
    """Whose drill it is, asked when the saved interviews are more than one person's: on a laptop people share, the
    one drilling may be either of them (after a role swap the last candidate is the other person), and a drill of
    everyone's would ask one the other's questions. The names, most recent first, then everyone's; escape asks
    nothing and drills nothing."""

    BINDINGS = user_commands.bindings(user_commands.CLOSE_QUESTION)
    DEFAULT_CSS = """
    WhoseDrillScreen { align: center middle; }
    WhoseDrillScreen > Vertical { width: 64; height: auto; border: thick $accent; padding: 1 2; background: $surface; }
    WhoseDrillScreen #whose-names { height: auto; max-height: 12; margin-top: 1; }
    """

    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = names

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(WHOSE_QUESTION), id="whose-question")
            options = [Option(plain(name, single_line=True)) for name in self.names]
            yield OptionList(*options, Option(plain(EVERYONE)), id="whose-names")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        self.dismiss(Whose(self.names[index] if index < len(self.names) else None))

    def action_close(self) -> None:
        self.dismiss(None)
