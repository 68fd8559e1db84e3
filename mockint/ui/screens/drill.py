"""The drill: past questions worth another go, each with why it was picked; ctrl+s runs them as a practice round.

What is picked, and in what order, is mockint.analysis.drill's rule.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

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
