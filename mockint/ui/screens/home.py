"""The home screen: the packs mockint found, the highlighted one's details, and broken files.

This is the first screen painted, so it imports only the widgets it shows; the
setup screen is imported when a pack is chosen.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from mockint.packs.discovery import BrokenFile, Library
from mockint.core.durations import format_duration
from mockint.core.model import Pack, Round
from mockint.core.safetext import printable
from mockint.core.userpaths import short_path
from mockint.ui import user_commands
from mockint.ui.widgets.plain import plain

EMPTY_LIBRARY = """\
No interview packs found.

Packs are folders of round files (YAML). Put one in your rounds folder:
  {user_rounds}
or point mockint at another folder with --rounds DIR (or MOCKINT_ROUNDS).

Start a round from a commented template with:
  mockint new my-round.yaml
then check it with `mockint validate my-round.yaml`."""


BROKEN_HEADING = Content.from_markup(
    "[b $error]Broken files[/] [$text-muted](their packs are hidden; run mockint validate)[/]"
)


class PackList(OptionList):
    """The packs; the same enter binding as OptionList's, as a command with a footer label."""

    BINDINGS = user_commands.bindings(user_commands.CHOOSE_PACK)


@dataclass
class ResumeRequested(Message):
    """The candidate chose to continue the unfinished interview saved in `journal_path`; the app resumes it."""

    journal_path: Path


UNFINISHED_QUESTION = "An interview was not finished:\n{session}\nResume it where it stopped?"
DISCARD_QUESTION = "Discard the unfinished interview {session}? Its answers are deleted for good."


class HomeScreen(Screen[None]):
    """The app's default screen; its styles (home.tcss) are loaded by the app."""

    BINDINGS = user_commands.bindings(user_commands.LEAVE_APP, user_commands.HISTORY, user_commands.DRILL)

    def __init__(
        self, library: Library, user_rounds: Path, saved_in: Path, unfinished_in: Path | None = None
    ) -> None:
        """`saved_in`: the saved sessions' folder, for the history and drills; `unfinished_in`: the same, to offer
        to resume an unfinished one, or None to offer nothing."""
        super().__init__()
        self._saved_in = saved_in
        self.library = library
        self._user_rounds = user_rounds
        self._details_of: Pack | None = None
        self._unfinished_in = unfinished_in

    def on_mount(self) -> None:
        if self._unfinished_in is not None:
            # After the first paint, which reading the saved sessions should not delay.
            self.call_after_refresh(self.offer_unfinished, self._unfinished_in)

    def offer_unfinished(self, folder: Path) -> None:
        """Offer to resume the latest unfinished interview, or to discard it (asking first)."""
        from mockint.storage.autosave import read_header, started_text, unfinished_journals
        from mockint.storage.journal import JournalError
        from mockint.ui.screens.confirm import Choice, ChoiceScreen

        journals = unfinished_journals(folder)
        if not journals or self.app.screen is not self:
            return
        journal = journals[0]
        try:
            session = started_text(read_header(journal))
        except (JournalError, OSError) as error:
            self.notify(printable(str(error), single_line=True), title="Unfinished interview", severity="warning",
                        markup=False)
            return

        def answered(choice: str | None) -> None:
            if choice == user_commands.RESUME.id:
                self.post_message(ResumeRequested(journal))
            elif choice == user_commands.DISCARD.id:
                self._discard_asking(journal, session)

        choices = (
            Choice(user_commands.RESUME, "primary"), Choice(user_commands.DISCARD, "error"), Choice(user_commands.LATER)
        )  # fmt: skip
        question = UNFINISHED_QUESTION.format(session=session)
        self.app.push_screen(ChoiceScreen(question, choices, user_commands.RESUME.id), answered)

    def _discard_asking(self, journal: Path, session: str) -> None:
        from mockint.storage.autosave import discard
        from mockint.ui.screens.confirm import ConfirmScreen

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                discard(journal)
            except OSError as error:
                self.notify(printable(f"Not discarded: {error}", single_line=True), severity="error", markup=False)
                return
            self.notify(printable(f"Discarded {session}", single_line=True), title="Unfinished interview", markup=False)

        self.app.push_screen(ConfirmScreen(DISCARD_QUESTION.format(session=session)), confirmed)

    def compose(self) -> ComposeResult:
        yield Header()
        if self.library.packs:
            first = self.library.packs[0]
            self._details_of = first
            with Horizontal(id="body"):
                # Titles set before mounting: setting them after would cost a second layout.
                packs = PackList(*pack_options(self.library.packs), id="packs")
                packs.border_title = "Interview packs"
                yield packs
                with VerticalScroll(id="details-pane") as details_pane:
                    details_pane.border_title = "About"
                    yield Static(pack_details(first), id="details")
        else:
            yield Static(self._empty_message(), id="empty")
        if self.library.broken:
            yield Static(broken_files_text(self.library.broken), id="broken")
        yield Footer()

    def _empty_message(self) -> Content:
        return plain(EMPTY_LIBRARY.format(user_rounds=short_path(self._user_rounds)))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        pack = self._pack_of(event.option)
        if pack is not self._details_of:  # the list highlights the first pack as it mounts
            self._details_of = pack
            self.query_one("#details", Static).update(pack_details(pack))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        from mockint.ui.screens.setup import SetupScreen

        event.stop()
        self.app.push_screen(SetupScreen(self._pack_of(event.option)))

    def action_history(self) -> None:
        from mockint.ui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(self._sessions_folder()))

    def action_drill(self) -> None:
        """The drill, of the one person whose interviews are saved; when they are more than one person's, of whose
        the question that asks first says (WhoseDrillScreen)."""
        from mockint.storage.history import drill_candidates, read_history
        from mockint.ui.screens.drill import DrillScreen, Whose, WhoseDrillScreen

        folder = self._sessions_folder()

        def drill(whose: Whose | None) -> None:
            if whose is not None:
                self.app.push_screen(DrillScreen(folder, self.library, candidate=whose.candidate))

        names = drill_candidates(read_history(folder))
        if names:
            self.app.push_screen(WhoseDrillScreen(names), drill)
        else:
            drill(Whose(None))

    def _sessions_folder(self) -> Path:
        """Where interviews are saved: read even when this run saves nothing (--no-save)."""
        return self._saved_in

    def _pack_of(self, option: Option) -> Pack:
        pack = self.library.find(option.id or "")
        assert pack is not None, "every option is a pack of the library"
        return pack


def pack_options(packs: tuple[Pack, ...]) -> list[Option | None]:
    """One option per pack, with a separator line between them (None is a separator)."""
    options: list[Option | None] = []
    for pack in packs:
        if options:
            options.append(None)
        options.append(pack_option(pack))
    return options


def pack_option(pack: Pack) -> Option:
    # Assembled from styled parts, as the details are: no markup to parse at start-up.
    return Option(
        Content.assemble(plain(pack.title).stylize("bold"), "\n", plain(pack_summary(pack)).stylize("$text-muted")),
        id=pack.name,
    )


def pack_summary(pack: Pack) -> str:
    rounds = len(pack.rounds)
    questions = pack.question_count
    parts = [
        pack.role,
        f"{rounds} round{'s' if rounds != 1 else ''}",
        f"{questions} question{'s' if questions != 1 else ''}",
        format_duration(pack.total_time),
    ]
    return " · ".join(part for part in parts if part)


def pack_details(pack: Pack) -> Content:
    """The pack's title, summary, description and rounds; every part from the pack through plain."""
    return Content.assemble(
        plain(pack.title).stylize("bold"),
        "\n",
        plain(pack_summary(pack)).stylize("$text-muted"),
        "\n\n",
        *([plain(pack.description), "\n\n"] if pack.description else []),
        ("Rounds", "bold"),
        "\n",
        *(plain(f"  {round_line(round_)}\n") for round_ in pack.rounds),
        "\n",
        plain(f"mockint run {pack.name}", single_line=True).stylize("$text-muted"),
    )


def round_line(round_: Round) -> str:
    """`Title — 2 questions, 3m`: a round as the home and setup screens list it."""
    count = len(round_.questions)
    return f"{round_.title} — {count} question{'s' if count != 1 else ''}, {format_duration(round_.total_time)}"


def broken_files_text(broken: tuple[BrokenFile, ...]) -> Content:
    """Each broken file's first error; their packs are not offered until fixed."""
    return Content("\n").join([BROKEN_HEADING, *(plain(broken_file_line(item)) for item in broken)])


def broken_file_line(item: BrokenFile) -> str:
    """The file's first error, located; its name may hold anything (Diagnostic shows it printable)."""
    first = item.first
    more = len(item.diagnostics) - 1
    suffix = f" (and {more} more)" if more > 0 else ""
    return str(replace(first, file=short_path(first.file))) + suffix
