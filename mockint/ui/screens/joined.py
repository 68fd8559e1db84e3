"""The candidate's screen on a terminal of their own, joined to the interviewer's (`mockint join`).

It draws only the candidate's views the host sends (mockint.remote.client), with the
one-terminal candidate view's drawing (pair.CandidateScreen), the clock counted down on
this machine between views. What the candidate does goes back as intents: ready (a round's
intro, between questions; the screen says it went until the view moves on), their notes
(whole, a second after the last key, and at once on leaving the box or the question, on
leaving the interview and whenever the app closes) and their self-assessment, on the shared
form with the scale's generic descriptions (asking first when questions are left unrated).
The notes box takes the keys only after `n`: until then the screen's keys are the candidate's.
Each round's reveal shows once it arrives. At the end, or once the host has gone, the
candidate may save their own copy of what their view holds.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.timer import Timer
from textual.widgets import Static, TextArea

from mockint.core.safetext import printable
from mockint.core.userpaths import shown
from mockint.exporters.candidate_copy import save_candidate_copy
from mockint.exporters.files import ExportError
from mockint.remote.client import HOST_LOST, REJOIN, CandidateClient
from mockint.remote.frames import Notes, Ready, SelfAssessment
from mockint.session.record import QuestionRecord, Role, RoundAssessment, RoundRecord
from mockint.session.state import Phase
from mockint.session.views import CandidateRound, CandidateView
from mockint.ui import user_commands
from mockint.ui.screens.interview import TIMED_PHASES
from mockint.ui.screens.pair import CandidateScreen, RevealScreen
from mockint.ui.widgets.assessment import AssessmentForm, AssessmentSubmitted
from mockint.ui.widgets.capped_text import CappedTextArea
from mockint.ui.widgets.keys import first_key, key_names
from mockint.ui.widgets.plain import plain

NOTES_DEBOUNCE = 1.0
"""Seconds after the last key before the notes go to the host: one frame per pause in typing, not per key."""
READY_PHASES = (Phase.ROUND_INTRO, Phase.REVIEW)
NOT_YET = "Waiting for the interviewer's terminal…"
READY_SENT = "Your interviewer knows you are ready."


class JoinedScreen(CandidateScreen, inherit_bindings=False):
    """The joined candidate's whole screen (see the module's docstring)."""

    BINDINGS = user_commands.bindings(
        user_commands.READY,
        user_commands.DONE,
        user_commands.WRITE_NOTES,
        user_commands.LEAVE_NOTES,
        # Bound here again: not inheriting the console's keys drops the screen's own tab and shift+tab too.
        user_commands.NEXT_PART,
        user_commands.PREVIOUS_PART,
        user_commands.SAVE_COPY,
        user_commands.CLOSE_JOINED,
        user_commands.LEAVE_SESSION,
    )
    DEFAULT_CSS = """
    JoinedScreen #connection { dock: bottom; height: auto; margin-bottom: 1; color: $text-muted; }
    JoinedScreen #connection.-lost { color: $error; text-style: bold; }
    JoinedScreen #candidate-notes { height: 1fr; min-height: 4; }
    JoinedScreen ChallengeCard { height: auto; }
    JoinedScreen #ready-line { color: $accent; }
    JoinedScreen #between { margin: 1 0; }
    /* The intro fits 80x24 (without the persona line above it, which it repeats) and scrolls past that; the
       ready line under it says what enter does, so the intro's own prompt goes. */
    JoinedScreen RoundIntro { padding: 0 1; overflow-y: auto; }
    JoinedScreen RoundIntro #intro-line { padding: 0 2; }
    JoinedScreen RoundIntro #intro-prompt { display: none; }
    """

    def __init__(self, client: CandidateClient, address: str) -> None:
        super().__init__(self._view, self._remaining)
        self.client = client
        self.address = address
        self._notes_for: tuple[int, int] | None = None
        """The question (round, question) the notes box holds the notes of."""
        self._notes_sent = ""
        self._notes_timer: Timer | None = None
        self._notes_box = CappedTextArea(id="candidate-notes", soft_wrap=True, disabled=True)
        """Kept here, not only queried: what it holds is sent as the screen closes, when its widgets are gone."""
        self._ready_at: tuple[Phase, int | None, int | None] | None = None
        """Where the view stood when this terminal said ready: the screen says so until it moves on."""
        self._form: AssessmentForm | None = None
        self._assessed: set[int] = set()
        """Rounds whose self-assessment this terminal sent."""
        self._revealed: set[int] = set()
        self.shown_sequence = -1
        """The sequence number of the last view drawn."""
        self._ended_at: float | None = None
        """This machine's time when the connection ended: where its clock stops."""

    def _view(self) -> CandidateView:
        received = self.client.received
        assert received is not None, "drawn only once a view has arrived"
        return received.view

    def _remaining(self) -> float | None:
        """The clock counted on this machine since the last view; stopped where it stood once the connection ended."""
        received = self.client.received
        if received is None:
            return None
        now = self._ended_at if self._ended_at is not None else self.app.clock.now()  # type: ignore[attr-defined]
        return received.remaining(now)

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Static(id="ready-line", markup=False)
        notes = self._notes_box
        notes.border_title = "Your notes or outline (kept in your interviewer's record, as yours)"
        yield notes
        yield Static(id="connection", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#candidate-notes").display = False
        self.run_worker(self._follow(), name="follow the host", exclusive=True)

    @property
    def notes_box(self) -> CappedTextArea:
        return self._notes_box

    async def on_unmount(self) -> None:
        """The app is closing, however it closes (leaving, a signal, an error): what was typed and not sent yet
        goes to the host first, while the connection lasts (the command line says goodbye after)."""
        await self.send_notes()

    # -- views as they arrive -------------------------------------------------

    async def _follow(self) -> None:
        """Draw each view as it arrives; once the connection ends, say why."""
        after = -1
        while True:
            received = await self.client.next_view(after)
            if received is None:
                break
            after = received.sequence
            await self.show_received()
            self.shown_sequence = after
        self._ended_at = self.app.clock.now()  # type: ignore[attr-defined]
        self._end_notes()
        self.draw()
        self.refresh_bindings()

    def _end_notes(self) -> None:
        """Nothing typed can reach the host any more: the box keeps what it holds, and gives the keys back."""
        box = self.notes_box
        box.read_only = True
        if self.focused is box:
            self.set_focus(None)

    async def show_received(self) -> None:
        view = self._view()
        await self._follow_notes(view)
        self._show_self_assessment(view)
        self.draw()
        self._show_reveals(view)
        self.refresh_bindings()

    def draw(self) -> None:
        if self.client.received is None:
            self.query_one("#candidate-bar", Static).update(plain(NOT_YET))
            self.show_connection()
            return
        super().draw()
        view = self._view()
        phase = view.position.phase
        if phase is Phase.ASSESSMENT:
            self._show_line("#between", self._assessment_text(view))
        elif phase is Phase.FINISHED:
            self._show_line("#between", "The interview is over. Thank you!")
        self.query_one("#candidate-persona").display = phase is not Phase.ROUND_INTRO  # the intro names them
        self._show_line("#ready-line", self._ready_text(view))
        self.show_connection()

    def _ready_text(self, view: CandidateView) -> str:
        """What enter does now (the interviewer begins and moves on; enter tells them the candidate is ready),
        and once pressed, that they know; empty where it does nothing."""
        phase = view.position.phase
        if phase not in READY_PHASES or self.client.ended is not None:
            return ""
        if self._ready_at == where(view):
            return READY_SENT
        keys = key_names(user_commands.READY.keys)
        if phase is Phase.ROUND_INTRO:
            return f"Press {keys} when you are ready: your interviewer begins the round."
        round_ = view.rounds[view.position.round or 0]
        if (view.position.question or 0) + 1 >= round_.question_count:
            return f"Press {keys} when you are ready to rate yourself on the round."
        return f"Press {keys} when you are ready for the next question."

    def _show_line(self, selector: str, text: str) -> None:
        """A line of text, or no line at all: an empty one would take the notes box's or the form's rows."""
        line = self.query_one(selector, Static)
        line.update(plain(text))
        line.display = bool(text)

    def _assessment_text(self, view: CandidateView) -> str:
        round_ = view.rounds[view.position.round or 0]
        if round_.self_assessment is None and self._form is not None:
            return "The round is over: rate yourself. Your interviewer does not see your ratings until both are in."
        return "Your assessment is in. Waiting for your interviewer's scorecard; then both show side by side."

    def show_connection(self) -> None:
        line = self.query_one("#connection", Static)
        ended = self.client.ended
        if ended is None:
            line.update(plain(f"Connected to {self.address}"))
        else:
            keys = f"{first_key(user_commands.CLOSE_JOINED.keys)}: close"
            if self._copy_possible():
                keys = f"{first_key(user_commands.SAVE_COPY.keys)}: save your copy · {keys}"
            rejoin = f" {REJOIN.capitalize()}." if ended in HOST_LOST else ""
            line.update(plain(f"{ended.capitalize()}.{rejoin} {keys}"))
        line.set_class(ended is not None, "-lost")

    # -- notes ----------------------------------------------------------------

    async def _follow_notes(self, view: CandidateView) -> None:
        """Send the notes before the box moves on to another question, then show the box for the one on screen."""
        position = view.position
        timed = position.phase in TIMED_PHASES and position.round is not None and position.question is not None
        where = (position.round, position.question) if timed else None
        box = self.notes_box
        if where == self._notes_for:
            return
        await self.send_notes()
        self._notes_for = where  # type: ignore[assignment]
        box.display = box.can_focus = timed
        box.disabled = not timed
        if where is None:
            return
        question = next(q for q in view.rounds[where[0]].questions if q.number == where[1] + 1)
        self._notes_sent = question.candidate_notes
        box.load_text(question.candidate_notes)
        box.move_cursor(box.document.end)
        if self.focused is box:
            self.set_focus(None)  # the keys are the screen's until `n` (README: into / out of the notes box)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area is not self.notes_box or self.notes_box.text == self._notes_sent:
            return
        if self._notes_timer is not None:
            self._notes_timer.stop()
        self._notes_timer = self.set_timer(NOTES_DEBOUNCE, self.send_notes)

    async def send_notes(self) -> None:
        """Send the notes as they stand, if they changed since last sent."""
        if self._notes_timer is not None:
            self._notes_timer.stop()
            self._notes_timer = None
        text = self.notes_box.text
        if self._notes_for is None or text == self._notes_sent:
            return
        self._notes_sent = text
        await self.client.send(Notes(text))

    async def on_descendant_blur(self, event: object) -> None:
        if self.focused is not self.notes_box and self.client.ended is None:
            await self.send_notes()

    def action_write_notes(self) -> None:
        self.set_focus(self.notes_box)

    def action_leave_notes(self) -> None:
        self.set_focus(None)  # the blur sends them

    # -- the self-assessment and the reveals ----------------------------------

    def _show_self_assessment(self, view: CandidateView) -> None:
        index = view.position.round
        asked = (
            view.position.phase is Phase.ASSESSMENT and index is not None and index not in self._assessed
            and view.rounds[index].self_assessment is None
        )  # fmt: skip
        if not asked:
            self._remove_form()
            return
        assert index is not None
        form_id = f"self-assessment-{index + 1}"
        if self._form is None or self._form.id != form_id:
            self._remove_form()
            self._form = AssessmentForm(own_round(view.rounds[index]), view.checklist, set(view.checked), id=form_id)
            self.mount(self._form, before="#connection")

    def action_done(self) -> None:
        if self._form is not None:
            self._form.hand_in()

    def _remove_form(self) -> None:
        if self._form is not None:
            self._form.remove()
            self._form = None

    async def on_assessment_submitted(self, message: AssessmentSubmitted) -> None:
        """Send the self-assessment the form hands in (having asked first about questions left unrated)."""
        message.stop()
        index = self._view().position.round
        if not await self.client.send(SelfAssessment(message.assessment)):
            self.notify("Not sent: the connection to your interviewer has ended.", severity="error")
            return
        if index is not None:
            self._assessed.add(index)
        self._remove_form()
        self.draw()

    def _show_reveals(self, view: CandidateView) -> None:
        for index, round_ in enumerate(view.rounds):
            if round_.revealed and index not in self._revealed:
                self._revealed.add(index)
                self.app.push_screen(RevealScreen(view, index))

    # -- the keys ---------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        connected = self.client.ended is None and self.client.received is not None
        phase = self.client.received.view.position.phase if self.client.received is not None else None
        if action == "ready":
            return connected and phase in READY_PHASES
        if action == "done":
            return connected and self._form is not None  # hands in the self-assessment, as on one terminal
        if action == "write_notes":
            return connected and self.notes_box.display and self.focused is not self.notes_box
        if action == "leave_notes":
            return self.focused is self.notes_box
        if action == "save_copy":
            return self._copy_possible()
        if action == "close_joined":
            return self.client.ended is not None
        return super().check_action(action, parameters)

    def _copy_possible(self) -> bool:
        received = self.client.received
        return received is not None and (self.client.ended is not None or received.view.position.phase is Phase.FINISHED)

    async def action_ready(self) -> None:
        if await self.client.send(Ready()):
            self._ready_at = where(self._view())
            self.draw()

    def action_save_copy(self) -> None:
        received = self.client.received
        assert received is not None, "offered only once a view has arrived"
        folder = self.app.export_dir  # type: ignore[attr-defined]
        try:
            paths = save_candidate_copy(received.view, folder, self.app.clock.wall())  # type: ignore[attr-defined]
        except ExportError as error:
            self.notify(printable(f"Not saved: {error}", single_line=True), title="Your copy", severity="error",
                        markup=False)  # fmt: skip
            return
        names = " and ".join(path.name for path in paths)
        self.notify(printable(f"Saved {names} in {shown(paths[0].parent)}", single_line=True), title="Your copy",
                    markup=False)  # fmt: skip

    def action_close_joined(self) -> None:
        self.app.exit()

    async def action_leave(self) -> None:
        await self.send_notes()  # what was typed less than a pause ago, before the goodbye
        self.app.exit()  # the command line says goodbye to the host as the app ends


def where(view: CandidateView) -> tuple[Phase, int | None, int | None]:
    position = view.position
    return (position.phase, position.round, position.question)


def own_round(round_: CandidateRound) -> RoundRecord:
    """A round of the candidate's view as the self-assessment form reads it: the questions, their checklists and
    whatever the candidate gave already; nothing of the interviewer's."""
    questions = [
        QuestionRecord(
            question.question_id, question.ask, question.limit, checklist=question.checklist,
            assessments={Role.SELF: question.self_assessment} if question.self_assessment else {},
        )  # fmt: skip
        for question in round_.questions
    ]
    own = round_.self_assessment or RoundAssessment()
    return RoundRecord(
        f"round-{round_.number}", round_.title, round_.interviewer, questions, checklist=round_.checklist,
        assessments={Role.SELF: own},
    )  # fmt: skip
