"""Everything a user can do by key or from the command palette, each declared once.

The app and its screens bind nothing but these. From each UserCommand come
the screen's binding (`bindings(...)`), the footer label, the palette entry
(title, help and key) and the line in Textual's Keys panel (the binding's
description and tooltip). The palette offers a screen's shown commands that are
enabled now (MockintApp.get_system_commands), so the footer and the palette
cannot disagree; the Suspend and Screenshot commands have no key and live in
the palette only. A busy screen may leave some of its commands out of its footer
(`bindings(..., footer=False)`): they stay in its palette and its key reference.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode

from mockint.core.ratings import SCALE, Rating
from mockint.ui.widgets import keys


@dataclass(frozen=True)
class UserCommand:
    id: str
    """Unique among the commands: the binding's id, by which the palette finds the command again."""
    title: str
    """The footer label and the palette entry's title."""
    help: str
    """One line: the palette's help and the binding's tooltip."""
    action: str
    keys: str = ""
    """Comma-separated keys; none for a command only the palette offers."""
    shown: bool = True
    """In the footer and the palette; False for a further key of a command (ctrl+q, a dialog's escape),
    a refusal (Hint in pressure mode), one of a set the screen explains at once (the rating digits) or a move
    between what is on screen (a dialog's arrow keys)."""
    priority: bool = False
    """Before the focused widget sees the key (the answer box would take ctrl+d and ctrl+k)."""

    @property
    def binding(self) -> Binding:
        return Binding(
            self.keys, self.action, self.title, show=self.shown, priority=self.priority, tooltip=self.help, id=self.id
        )

    def palette_entry(self, app: App[None], key: str | None = None, node: DOMNode | None = None) -> SystemCommand:
        """The palette's entry, running the action on `node` (the one that binds it; the app by default)."""
        help_text = f"{self.help} ({key})" if key else self.help
        return SystemCommand(self.title, help_text, _action_runner(app, self.action, node))


def bindings(*commands: UserCommand, footer: bool = True) -> list[Binding]:
    """A screen's (or widget's) BINDINGS: one per command; `footer=False` keeps them out of the footer only."""
    return [command.binding if footer else replace(command.binding, show=False) for command in commands]


def _action_runner(app: App[None], action: str, node: DOMNode | None) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await app.run_action(action, node)

    return run


def answer(id: str, title: str, key: str, help: str) -> UserCommand:
    """An answer to a question dialog: its key and button make the choice `id`."""
    return UserCommand(id, title, help, action=f"choose({id!r})", keys=key)


# -- the app ---------------------------------------------------------------------------------

QUIT = UserCommand(
    "quit", "Quit", "Leave mockint (asks first if that would lose a run)", "quit", keys="ctrl+q", shown=False
)
"""Not a priority binding (Textual's default is): the interview screen binds ctrl+q itself, to ask first."""
SUSPEND = UserCommand(
    "suspend", "Suspend",
    "Hand the terminal back to the shell until you resume mockint (fg); an interview's clock holds", "suspend",
)
SCREENSHOT = UserCommand(
    "screenshot", "Screenshot", "Save an SVG picture of the screen in the export folder", "take_screenshot"
)

# -- home and setup --------------------------------------------------------------------------

LEAVE_APP = UserCommand("leave_app", "Quit", "Leave mockint", "app.quit", keys="q")
CHOOSE_PACK = UserCommand(
    "choose_pack", "Choose pack", "Set up an interview with the highlighted pack", "select", keys="enter"
)
START = UserCommand("start", "Start", "Start the interview with these settings", "start", keys="ctrl+s")
BACK = UserCommand("back", "Back", "Back to the list of packs", "back", keys="escape")
HISTORY = UserCommand(
    "history", "History", "Your saved interviews: open one's summary, export it, compare attempts", "history", keys="h"
)
DRILL = UserCommand(
    "drill", "Drill", "Practise past questions that went badly, the weakest and those due again first", "drill", keys="d"
)

# -- history, attempts and drills --------------------------------------------------------

OPEN_SESSION = UserCommand(
    "open_session", "Open", "Show the highlighted interview's summary, to export it", "select_cursor", keys="enter"
)
ATTEMPTS = UserCommand(
    "attempts", "Attempts", "Every question you were asked, its attempts side by side", "attempts", keys="a"
)
WHOSE_HISTORY = UserCommand(
    "whose_history", "Whose", "Show one candidate's interviews and attempts, or everyone's", "whose", keys="c"
)
BACK_TO_HISTORY = UserCommand("back_to_history", "Back", "Back to the saved interviews", "back", keys="escape")
START_DRILL = UserCommand("start_drill", "Start drill", "Start a practice round of these questions", "start", keys="ctrl+s")

# -- the interview ---------------------------------------------------------------------------

BEGIN = UserCommand("begin", "Begin round", "Start this round's first question and its clock", "begin", keys=keys.BEGIN)
CONTINUE = UserCommand("continue", "Continue", "Go on to the next question", "continue_review", keys=keys.CONTINUE)
DONE = UserCommand("done", "Done", "Finish your answer and move on", "done", keys=keys.DONE, priority=True)
SKIP = UserCommand(
    "skip", "Skip", "Leave this question or challenge unanswered", "skip", keys=keys.SKIP, priority=True
)
HINT = UserCommand("hint", "Hint", "Show this question's hint (practice mode)", "hint", keys=keys.HINT, priority=True)
HINT_REFUSED = UserCommand(
    "hint_refused", "Hint", "Say why there is no hint (pressure mode)", "hint_refused",
    keys=keys.HINT, shown=False, priority=True,
)
PAUSE = UserCommand(
    "pause", "Pause/resume", "Stop or restart the clock", "toggle_pause", keys=keys.PAUSE, priority=True
)
END_RUN = UserCommand(
    "end_run", "Quit", "End the interview early (asks first); what you answered goes to the summary", "request_quit",
    keys=keys.QUIT, priority=True,
)

# -- the self-assessment --------------------------------------------------------------------


def rate(level: Rating) -> UserCommand:
    """Rating the answer whose part of the form has focus: the digit is the level's place in the scale."""
    return UserCommand(
        f"rate_{level.value}", level.label, f"Rate this answer “{level.label}”: {level.description}",
        f"rate({level.value!r})", keys=str(SCALE.index(level) + 1), shown=False,
    )


RATE_POOR = rate(Rating.POOR)
RATE_MIXED = rate(Rating.MIXED)
RATE_GOOD = rate(Rating.GOOD)
RATE_EXCELLENT = rate(Rating.EXCELLENT)
RATE_NO_EVIDENCE = rate(Rating.NO_EVIDENCE)
RATES = (RATE_POOR, RATE_MIXED, RATE_GOOD, RATE_EXCELLENT, RATE_NO_EVIDENCE)
"""The digit keys of a rated question, in the scale's order."""

CONTINUE_AFTER_REVEAL = UserCommand(
    "continue_after_reveal", "Continue", "Go on from the reference answers to the next round or the summary",
    "continue", keys=keys.AFTER_REVEAL,
)

# -- a partner interviewing (pair mode) -------------------------------------------------------

NOTE = UserCommand(
    "note", "Note", "Write a line of notes on what the candidate says; enter files it, stamped with the time",
    "start_note", keys="n",
)
CLOSE_NOTE = UserCommand(
    "close_note", "Close note", "Leave the note line for the console's keys (what is typed stays)", "close_note",
    keys="escape", shown=False, priority=True,
)
HEARD = tuple(
    UserCommand(
        f"heard_{n}", f"Heard {n}", f"Tick or untick listen-for item {n}: the candidate covered it", f"heard({n})",
        keys=str(n), shown=False,
    )
    for n in range(1, 10)
)
FILLER = UserCommand("filler", "Filler", "Count a filler word (um, like, you know)", "count('filler')", keys="f")
RAMBLING = UserCommand("rambling", "Rambling", "Count a stretch that wandered off the question", "count('rambling')",
                       keys="r")  # fmt: skip
POSE = UserCommand("pose", "Pose", "Pose the next scripted challenge now, interrupting the answer", "pose", keys="p")
SKIP_CHALLENGE = UserCommand(
    "skip_challenge", "Don't pose", "Skip the next conditional challenge: the candidate covered it",
    "skip_challenge", keys="x",
)
ADD_MINUTE = UserCommand("add_minute", "+1 min", "Give the answer one more minute", "add_minute", keys="m")
GIVE_HINT = UserCommand("give_hint", "Give hint", "Read the hint out (locked until its time)", "hint", keys="h")
GIVE_HINT_REFUSED = UserCommand(
    "give_hint_refused", "Give hint", "Say why there is no hint to give (pressure mode)", "hint_refused",
    keys="h", shown=False,
)
CANDIDATE_VIEW = UserCommand(
    "candidate_view", "Candidate view", "Show only what the candidate may see; the same key comes back",
    "candidate_view", keys="v",
)
INTERVIEWER_VIEW = UserCommand(
    "interviewer_view", "Back to console", "Back to the interviewer's console", "close", keys="v,escape"
)
AWAY_CLOCK = UserCommand(
    "away_clock", "Clock when away",
    "Choose whether the clock pauses while the candidate's terminal is away (mockint host); it runs by default",
    "toggle_away_clock", keys="a",
)
KEY_REFERENCE = UserCommand("key_reference", "Keys", "List every key of the console (or of the scoring form shown)",
                            "key_reference", keys="question_mark,f1")  # fmt: skip
CLOSE_PANEL = UserCommand("close_panel", "Close", "Close this and go on", "close", keys="escape,enter")
TAKE_KEYBOARD = UserCommand(
    "take_keyboard", "Ready", "The one named has the keyboard: show them their form", "close", keys="enter,escape"
)
"""Going on from a hand-off of the keyboard: enter first, since it is what the hand-off names."""

# -- a candidate joined from another terminal (mockint join) ------------------------------------

READY = UserCommand(
    "ready", "Ready", "Tell your interviewer you are ready: to begin the round, or for the next question", "ready",
    keys=keys.BEGIN,
)
WRITE_NOTES = UserCommand(
    "write_notes", "Notes", "Type notes or an outline; your interviewer's record keeps them, labelled as yours",
    "write_notes", keys="n",
)
LEAVE_NOTES = UserCommand(
    "leave_notes", "Leave notes", "Leave your notes box (what you typed is sent)", "leave_notes", keys="escape",
    priority=True,
)
NEXT_PART = UserCommand(
    "next_part", "Next part", "Move to the next part of the self-assessment form", "app.focus_next", keys="tab",
    shown=False,
)
PREVIOUS_PART = UserCommand(
    "previous_part", "Previous part", "Move to the previous part of the self-assessment form", "app.focus_previous",
    keys="shift+tab", shown=False,
)
SAVE_COPY = UserCommand(
    "save_copy", "Save my copy", "Save your copy of the transcript (Markdown and JSON) in the export folder",
    "save_copy", keys="s",
)
CLOSE_JOINED = UserCommand(
    "close_joined", "Close", "Close mockint: the connection to your interviewer has ended", "close_joined",
    keys="enter,escape",
)
LEAVE_SESSION = UserCommand(
    "leave_session", "Leave", "Leave the interview and close mockint; your interviewer's terminal is told", "leave",
    keys="ctrl+q",
)

# -- the summary and its dialogs -------------------------------------------------------------

GO_HOME = UserCommand(
    "go_home", "Home", "Back to the list of packs (asks first if the transcript is not exported)", "home",
    keys="enter,escape", priority=True,
)
"""A priority binding: the summary's table takes enter for its cursor."""
SWAP_ROLES = UserCommand(
    "swap_roles", "Swap roles",
    "Start the next pair interview with the names swapped, on rounds the new candidate has not just seen", "swap_roles",
    keys="s",
)
EXPORT = UserCommand("export", "Export", "Save the transcript as Markdown, JSON or HTML", "export", keys="e")
CANCEL_EXPORT = UserCommand(
    "cancel_export", "Cancel", "Close the export without writing anything", "cancel", keys="escape"
)

YES = answer("yes", "Yes", "y", "Answer yes")
NO = answer("no", "No", "n", "Answer no")
EXPORT_FIRST = answer("export_first", "Export", "e", "Export the transcript first, then go on")
LEAVE = answer("leave", "Leave", "l", "Leave without exporting: the transcript is lost")
QUIT_UNEXPORTED = answer("quit_unexported", "Quit", "q", "Quit without exporting: the transcript is lost")
CANCEL = answer("cancel", "Cancel", "c", "Stay where you are")
RESUME = answer("resume", "Resume", "r", "Continue the unfinished interview where it stopped")
DISCARD = answer("discard", "Discard", "d", "Delete the unfinished interview (asks first)")
LATER = answer("later", "Later", "l", "Keep the unfinished interview for later (mockint resume)")
NEXT_ANSWER = UserCommand(
    "next_answer", "Next answer", "Move to the next answer's button", "next_answer", keys="right,down", shown=False
)
PREVIOUS_ANSWER = UserCommand(
    "previous_answer", "Previous answer", "Move to the previous answer's button", "previous_answer", keys="left,up",
    shown=False,
)
CLOSE_QUESTION = UserCommand(
    "close_question", "Cancel", "Close the question: the safe answer", "close", keys="escape", shown=False
)

PALETTE_ONLY = (SUSPEND, SCREENSHOT)
ALL = tuple(
    dict.fromkeys(
        each
        for value in list(globals().values())
        for each in (value if isinstance(value, tuple) else (value,))  # HEARD is a tuple of commands
        if isinstance(each, UserCommand)
    )
)
"""Every command above, in the order declared: listing them again by hand could miss one."""
BY_ID = {command.id: command for command in ALL}


def declared(binding: Binding) -> UserCommand | None:
    """The command a binding was made from; None for Textual's own bindings."""
    return BY_ID.get(binding.id or "")
