"""One interview run: round intros, questions and challenges, reviews, self-assessments and reference answers.

The SessionEngine owns the session; this screen turns keys into its commands
and, after every command and every clock tick, redraws from the session's
view. A solo candidate is their own interviewer, so the screen draws from the
interviewer's view (mockint.session.views), which holds everything.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Checkbox, ContentSwitcher, RadioSet, Static, TextArea

from mockint.session.commands import (
    BeginRound, ChooseInForm, Command, Continue, Done, EditDraft, EditForm, Hint, Pause, Quit, Resume, Skip,
    SubmitAssessment, Tick,
)
from mockint.session.engine import SessionEngine
from mockint.storage.autosave import Autosave
from mockint.core.safetext import printable
from mockint.ui import user_commands
from mockint.ui.screens.confirm import ConfirmScreen
from mockint.ui.screens.summary import SummaryScreen
from mockint.ui.screens.too_small import is_too_small
from mockint.session.record import FormChoices, Role
from mockint.session.setup import EngineError, Event, EventKind
from mockint.session.state import Phase
from mockint.session.views import InterviewerView
from mockint.ui.widgets.answering import AnsweringView
from mockint.ui.widgets.assessment import AssessmentForm, AssessmentSubmitted
from mockint.ui.widgets.footer import ReleasingFooter
from mockint.ui.widgets.plain import plain
from mockint.ui.widgets.reveal import RevealPanel, has_reference
from mockint.ui.widgets.review import ReviewPanel
from mockint.ui.widgets.scorecard import ScorecardForm
from mockint.ui.widgets.round_intro import RoundIntro

DEFAULT_TICK_INTERVAL = 0.25
QUIT_QUESTION = "End the interview now? Everything you have answered so far is kept."

TIMED_PHASES = (Phase.ANSWERING, Phase.CHALLENGE)

VIEW_FOR_PHASE = {
    Phase.ROUND_INTRO: "intro",
    Phase.ANSWERING: "answering",
    Phase.CHALLENGE: "answering",
    Phase.REVIEW: "review",
}
"""The view each phase shows; the assessment's is a form made for its round (see _show_assessment)."""


class InterviewScreen(Screen[None]):
    # Focus follows the phase (see _show_phase); the default would put it in a hidden answer box.
    AUTO_FOCUS = ""
    # The widgets carry their own styles (DEFAULT_CSS).
    CSS_PATH = "interview.tcss"
    BINDINGS = user_commands.bindings(
        user_commands.BEGIN,
        user_commands.CONTINUE,
        user_commands.DONE,
        user_commands.SKIP,
        user_commands.HINT,
        user_commands.HINT_REFUSED,
        user_commands.PAUSE,
        user_commands.END_RUN,
    )

    def __init__(self, engine: SessionEngine, autosave: Autosave | None = None) -> None:
        """`autosave` saves the run as it happens (None when it is not saved)."""
        super().__init__()
        self.engine = engine
        self.autosave = autosave
        self._shown: tuple[object, ...] | None = None
        self._assessment_form: AssessmentForm | None = None
        """The form of the round being assessed; held here, not queried, so no query cache keeps it once removed."""
        self._reveal: RevealPanel | None = None
        """The reference answers of the round just assessed, shown until the candidate goes on."""
        self._summary_shown = False
        self._asking_to_quit = False
        self._clock_holds: set[str] = set()
        """Why the clock is held now: "confirm" (the quit question is open), "too small", "suspended"."""
        self._held_pause = False
        """The engine is paused by a hold, not by the candidate: lifting the holds resumes it."""

    def compose(self) -> ComposeResult:
        yield Static(plain(self.bar_text()), id="interview-bar")
        with ContentSwitcher(id="views", initial="intro"):
            yield RoundIntro(id="intro")
            yield self.answering_view()
            yield ReviewPanel(id="review")
        yield ReleasingFooter()

    def bar_text(self) -> str:
        """The line above the run: the pack and how it is run."""
        record = self.engine.record
        return f"{record.pack_title} · {record.mode.value} mode"

    def answering_view(self) -> Widget:
        """What the answering and challenge phases show: the candidate's answer boxes."""
        return AnsweringView(id="answering")

    def on_mount(self) -> None:
        self.set_interval(getattr(self.app, "tick_interval", DEFAULT_TICK_INTERVAL), self.tick)
        # Immediate: a callback queued instead would run only once the stopped process is continued.
        self.app.app_suspend_signal.subscribe(self, lambda _app: self._hold_clock("suspended", True), immediate=True)
        self.app.app_resume_signal.subscribe(self, lambda _app: self._hold_clock("suspended", False), immediate=True)
        self._check_size()

    def on_resize(self) -> None:
        self._check_size()

    # -- time and redraw ----------------------------------------------------

    def tick(self) -> None:
        """Let the engine's clock act (interruptions, time-up), then redraw. Tests call it directly."""
        if self.engine.phase in TIMED_PHASES:
            self.flush_draft()
        self._check_size()
        events_before = len(self.engine.events)
        self._apply(Tick())
        self._announce_time_up(self.engine.events[events_before:])
        self.sync()

    def _announce_time_up(self, new_events: list[Event]) -> None:
        """Say so when time runs out: pressure moves on by itself (an interruption's time-up returns to the
        answer it cut into), practice runs into overtime."""
        time_up = [event for event in new_events if event.kind is EventKind.TIME_UP]
        if not time_up:
            return
        record = self.engine.record
        if record.rules.auto_advance:
            interviewer = record.rounds[time_up[-1].round_index].interviewer or "The interviewer"
            ended_interruption = self._ended_an_interruption(time_up[-1])
            then = "takes you back to your interrupted answer" if ended_interruption else "moves on"
            self.notify(
                printable(f"Time's up — {interviewer} {then}.", single_line=True), severity="warning", markup=False
            )
        else:
            self.notify("Time's up — you're in overtime.", severity="warning")

    def _ended_an_interruption(self, time_up: Event) -> bool:
        """Whether the time that ran out was an interruption's, which returns to the answer it cut into."""
        if time_up.challenge_index is None:
            return False
        question = self.engine.record.rounds[time_up.round_index].questions[time_up.question_index]
        return question.challenges[time_up.challenge_index].interrupted

    # -- holding the clock ----------------------------------------------------

    def _check_size(self) -> None:
        self._hold_clock("too small", is_too_small(self.app.size))

    def _hold_clock(self, reason: str, hold: bool) -> None:
        """Stop the clock while something keeps the candidate from answering; restart it after.

        A pause the candidate made themselves is left alone: lifting a hold
        resumes only a pause the hold made.
        """
        if hold:
            self._clock_holds.add(reason)
        else:
            self._clock_holds.discard(reason)
        engine = self.engine
        if self._clock_holds and not self._held_pause and engine.phase in TIMED_PHASES and not engine.paused:
            self.flush_draft()
            self._apply(Pause())
            self._held_pause = True
        elif not self._clock_holds and self._held_pause:
            self._held_pause = False
            if engine.paused:
                self._apply(Resume())
        self.sync()

    def sync(self) -> None:
        """Redraw for the session's current view: cheaply (clocks only) unless something changed.

        The reference answers stay until the candidate goes on; then the run shows where it stands.
        """
        if self._reveal is not None:
            return
        view = self.engine.interviewer_view()
        position = view.position
        if position.phase is Phase.FINISHED:
            self._show_summary()
            return
        hint_used = view.question is not None and view.question.hint_used
        shown = (position.phase, position.round, position.question, position.challenge, position.paused, hint_used)
        if shown == self._shown:
            if position.phase in TIMED_PHASES:
                self.query_one(AnsweringView).update_clocks(view)
            return
        self._shown = shown
        self._show_phase(view)
        self.refresh_bindings()

    def _show_phase(self, view: InterviewerView) -> None:
        phase, round_, question = view.position.phase, view.round, view.question
        views = self.query_one("#views", ContentSwitcher)
        if phase is Phase.ASSESSMENT:
            views.current = self._show_assessment(views, view)
            return
        views.current = VIEW_FOR_PHASE[phase]
        self._remove_assessment()
        assert round_ is not None, "every phase shown here is in a round"
        if phase is Phase.ROUND_INTRO:
            self.query_one(RoundIntro).show_round(round_, (view.position.round or 0) + 1, len(view.record.rounds))
            self.set_focus(None)
        elif phase in TIMED_PHASES:
            self.query_one(AnsweringView).show(view)
        elif phase is Phase.REVIEW:
            assert question is not None, "a review is of a question"
            review = self.query_one(ReviewPanel)
            number = (view.position.question or 0) + 1
            review.show_review(question, number, len(round_.questions), pair=view.record.pair)
            review.focus()

    def _show_assessment(self, views: ContentSwitcher, view: InterviewerView) -> str:
        """Mount this round's self-assessment form (once per round) and return its view id.

        Each round's form has its own id, as the last round's may still be on
        its way out of the DOM.
        """
        round_number = (view.position.round or 0) + 1
        view_id = f"assessment-{round_number}"
        if self._assessment_form is None or self._assessment_form.id != view_id:
            self._remove_assessment()
            record = view.record
            assert view.round is not None, "an assessment is of a round"
            # The whole interview's checklist is asked once, with the last round's.
            interview_checklist = record.checklist if round_number == len(record.rounds) else ()
            drafts, choices = record.form_drafts.get(Role.SELF), record.form_choices.get(Role.SELF)
            self._assessment_form = AssessmentForm(
                view.round, interview_checklist, record.checked, drafts=drafts, choices=choices, id=view_id
            )
            views.mount(self._assessment_form)
        return view_id

    def _remove_assessment(self) -> None:
        """Drop a submitted round's form rather than keep it hidden: the next round makes its own."""
        if self._assessment_form is not None:
            self._assessment_form.remove()
            self._assessment_form = None

    def _submit_assessment(self, assessment: SubmitAssessment) -> None:
        """Hand in the round's assessment, then show its reference answers if that revealed any."""
        round_index = self.engine.interviewer_view().position.round
        self._apply(assessment)
        if round_index is not None:
            self._show_reveal(round_index)
        self.sync()

    def _show_reveal(self, round_index: int) -> None:
        """Show the round's reference answers once it is revealed, from the candidate's view, which holds them
        from then on."""
        view = self.engine.candidate_view()
        if round_index >= len(view.rounds) or not view.rounds[round_index].revealed:
            return
        revealed = view.rounds[round_index]
        if not has_reference(revealed):
            return
        self._remove_assessment()
        self._reveal = RevealPanel(revealed, view.round_count, id=f"reveal-{revealed.number}")
        views = self.query_one("#views", ContentSwitcher)
        views.mount(self._reveal)
        views.current = self._reveal.id
        self._reveal.focus()
        self.refresh_bindings()

    def on_reveal_panel_continued(self, message: RevealPanel.Continued) -> None:
        message.stop()
        self._end_reveal()

    def _end_reveal(self) -> None:
        """Leave the reference answers, if shown, and draw where the run stands now."""
        if self._reveal is not None:
            self._reveal.remove()
            self._reveal = None
            self._shown = None
        self.sync()

    def _show_summary(self) -> None:
        if not self._summary_shown:
            self._summary_shown = True
            saved_in = self.autosave.record if self.autosave is not None and self.autosave.saved else None
            self.app.switch_screen(SummaryScreen(self.engine.record, saved_in=saved_in))

    # -- what the candidate does --------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        phase, paused, hints = self.engine.phase, self.engine.paused, self.engine.record.rules.hints
        timed = phase in TIMED_PHASES
        if self._reveal is not None:
            # Only going on (the panel's key) or ending a run that has not ended.
            return action == "request_quit" and phase is not Phase.FINISHED
        if action == "begin":
            return phase is Phase.ROUND_INTRO
        if action == "continue_review":
            return phase is Phase.REVIEW
        if action == "done":
            return phase is Phase.ASSESSMENT or (None if paused else timed)
        if action in ("skip", "hint"):
            enabled = timed and (action == "skip" or hints)
            return None if enabled and paused else enabled
        if action == "hint_refused":
            return timed and not hints
        if action == "toggle_pause":
            # While the clock is held (terminal too small) only the hold may restart it.
            return timed and not self._clock_holds
        return True

    def _apply(self, command: Command) -> None:
        """Hand the engine a command; a refusal is a notification, never a crash."""
        try:
            self.engine.apply(command)
        except EngineError as err:
            self.notify(printable(str(err), single_line=True), severity="warning", markup=False)

    def _act(self, command: Command) -> None:
        """Apply a command the candidate gave, then redraw."""
        self._apply(command)
        self.sync()

    def action_begin(self) -> None:
        self._act(BeginRound())

    def action_continue_review(self) -> None:
        self._act(Continue())

    def action_done(self) -> None:
        if self.engine.phase is Phase.ASSESSMENT:
            assert self._assessment_form is not None, "the assessment phase always shows a form"
            self._assessment_form.hand_in()  # it asks first about questions left unrated
        else:
            self._act(Done(self._answer_box().text))

    def action_skip(self) -> None:
        self.flush_draft()
        self._act(Skip())

    def action_hint(self) -> None:
        self._act(Hint())

    def action_hint_refused(self) -> None:
        self.action_hint()

    def action_toggle_pause(self) -> None:
        self.flush_draft()
        self._act(Resume() if self.engine.paused else Pause())

    def action_request_quit(self) -> None:
        self.confirm_quit()

    def confirm_quit(self) -> bool:
        """Ask before ending the run (the app's quit comes here too); False once it has finished.

        The clock stops while the question is open. Quitting at the last
        round's reference answers goes on to the summary, which asks if
        quitting would lose the transcript.
        """
        if self.engine.phase is Phase.FINISHED:
            if self._reveal is None:
                return False
            self._end_reveal()
            return isinstance(self.app.screen, SummaryScreen) and self.app.screen.confirm_quit()
        if not self._asking_to_quit:
            self._asking_to_quit = True
            self._hold_clock("confirm", True)
            self.app.push_screen(ConfirmScreen(self.quit_question()), self._quit_confirmed)
        return True

    def quit_question(self) -> str:
        """What ending the run early asks."""
        return QUIT_QUESTION

    def _quit_confirmed(self, confirmed: bool | None) -> None:
        self._asking_to_quit = False
        if confirmed:
            self.flush_draft()
            self._apply(Quit())
            self._end_reveal()
        else:
            self._hold_clock("confirm", False)

    def on_assessment_submitted(self, message: AssessmentSubmitted) -> None:
        self._submit_assessment(message.assessment)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.keep_reflection_text(event.text_area):
            return
        if event.text_area is self._answer_box():
            self.flush_draft()

    def keep_reflection_text(self, text_area: TextArea) -> bool:
        """Hand the engine a reflection box's text as typed, so it is saved before it is submitted; False for
        another box."""
        field = AssessmentForm.reflection_field(text_area)
        if field is None or self.engine.phase is not Phase.ASSESSMENT:
            return False
        self.keep_form_text(Role.SELF, field, text_area.text)
        return True

    def keep_form_text(self, role: Role, field: str, text: str) -> None:
        """Hand the engine the text of a form's field as it is now (nothing when unchanged)."""
        old = self.engine.interviewer_view().record.form_drafts.get(role, {}).get(field, "")
        if text != old:
            self._apply(EditForm.between(role, field, old, text))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.keep_form_choices(event.radio_set)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.keep_form_choices(event.checkbox)

    def keep_form_choices(self, control: Widget) -> None:
        """Hand the engine what the form `control` is in holds chosen now (a rating, a tick), so it is saved
        before it is handed in; nothing for a control of no form, or when nothing changed."""
        if self.engine.phase is not Phase.ASSESSMENT:
            return
        for role, form in self.assessment_forms():
            if form is not None and form in control.ancestors:
                choices = form.form_choices()
                if choices != self.engine.interviewer_view().record.form_choices.get(role, FormChoices()):
                    self._apply(ChooseInForm(role, choices))

    def assessment_forms(self) -> list[tuple[Role, AssessmentForm | ScorecardForm | None]]:
        """Each role's assessment form on this screen, None when not shown."""
        return [(Role.SELF, self._assessment_form)]

    def _answer_box(self) -> TextArea:
        return self.query_one(AnsweringView).active_answer_box(self.engine.phase)

    def flush_draft(self) -> None:
        """Hand the engine the text as it is now, before time or an action can end the answer."""
        draft = self.engine.draft
        text = self._answer_box().text
        if draft is not None and text != draft:
            self._apply(EditDraft.between(draft, text))
