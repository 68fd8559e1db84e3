"""A pair run: the interviewer's console, the candidate's view, the blind scoring hand-offs and the reveal.

The laptop faces the interviewer. The console (PairScreen) draws from the
interviewer's view and adds a partner's keys to the interview screen's (notes,
listen-for ticks, counts, challenges posed or skipped, a minute more); every
one is an engine command, so a pair run is journaled and resumed like any
other. The candidate's view (CandidateScreen) covers the whole screen and
draws only from `candidate_view`. After each round the candidate assesses
themselves first on the shared form, then hands the keyboard back for the
interviewer's scorecard; the reveal (RevealScreen) is drawn from the
candidate's view, which holds both sides only once both are in.

Hosting (`mockint host`, mockint.ui.hosting), the candidate has a terminal of
their own: the console shows the hosting status, pushes the candidate's view
after every command, and turns the candidate's intents into commands. Nobody
hands a keyboard over then: the candidate fills their self-assessment on their
terminal while the interviewer fills the scorecard, and the reveal comes when
both are in.
"""

from __future__ import annotations

from collections.abc import Callable

from msgspec.structs import replace

from textual.app import ComposeResult
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Input, Static, TextArea

from mockint.analysis.calibration import gap_flag
from mockint.remote.frames import Intent, Notes, SelfAssessment
from mockint.session.commands import (
    AddMinute, CandidateNotes, ClockWhileAway, Command, Continue, Count, Done, Note, PoseChallenge, Quit, Skip,
    SkipChallenge, SubmitAssessment, ToggleHeard,
)
from mockint.session.setup import EngineError
from mockint.session.record import NOTE_LINE, ChallengeStatus, Counter, Role
from mockint.session.state import Phase
from mockint.session.views import CandidateQuestion, CandidateView, ClockFigures, InterviewerView
from mockint.core.safetext import printable
from mockint.exporters import content
from mockint.ui import user_commands
from mockint.ui.hosting import LOG, Hosting
from mockint.ui.screens.interview import DEFAULT_TICK_INTERVAL, TIMED_PHASES, InterviewScreen
from mockint.ui.widgets.assessment import AssessmentForm, AssessmentSubmitted
from mockint.ui.widgets.challenge_card import ChallengeCard
from mockint.ui.widgets.footer import ReleasingFooter
from mockint.ui.widgets.keys import first_key, listed_keys
from mockint.ui.widgets.hosting_status import HostingStatus
from mockint.ui.widgets.pair_console import NoteInput, PairConsole, listen_for, next_conditional, next_to_pose
from mockint.ui.widgets.plain import plain
from mockint.ui.widgets.question_card import QuestionCard
from mockint.ui.widgets.round_intro import RoundIntro
from mockint.ui.widgets.scorecard import ScorecardForm

CONSOLE_COMMANDS = (
    user_commands.NOTE,
    *user_commands.HEARD,
    user_commands.FILLER,
    user_commands.RAMBLING,
    user_commands.POSE,
    user_commands.SKIP_CHALLENGE,
    user_commands.ADD_MINUTE,
    user_commands.GIVE_HINT,
    user_commands.GIVE_HINT_REFUSED,
    user_commands.CANDIDATE_VIEW,
    user_commands.AWAY_CLOCK,
    user_commands.KEY_REFERENCE,
)
IN_FOOTER = (
    user_commands.NOTE, user_commands.POSE, user_commands.SKIP_CHALLENGE, user_commands.CANDIDATE_VIEW,
    user_commands.KEY_REFERENCE,
)  # fmt: skip
"""The console's keys its footer names, after the interview's Begin, Continue and Done: at 80 columns there is
room for no more. The kit's headings and the clock line name the others; the key reference and the palette list
them all."""
NOTE_PHASES = (Phase.ANSWERING, Phase.CHALLENGE, Phase.REVIEW)
MOVING_ON = (Done, Skip, Continue, Quit)
"""The commands that may leave the question a note line was typed on."""
SINGLE_KEY_ACTIONS = {command.action.split("(")[0] for command in CONSOLE_COMMANDS}
"""Off while a note line is open: its keys type into the line."""
AWAY = "candidate away"
"""The clock's hold while the candidate's terminal is away, when the interviewer chose so."""
NO_CONDITIONAL = (
    f"No challenge to skip on this question: {user_commands.SKIP_CHALLENGE.keys} skips one posed "
    "“unless they mention …”."
)
HOSTED_QUIT_QUESTION = "End the interview now? The candidate's terminal is told the interview ended."
TO_CANDIDATE = (
    "Hand the keyboard to the candidate.\n\nThey rate themselves first, on the shared scale; "
    "your notes and your scorecard stay hidden until both of you are in."
)
TO_INTERVIEWER = (
    "Hand the keyboard back to the interviewer.\n\nThey fill their scorecard without seeing your ratings; "
    "then both appear side by side."
)


class PairScreen(InterviewScreen):
    """The interviewer's console over a whole pair run (see the module's docstring)."""

    DEFAULT_CSS = """
    PairScreen #interview-bar { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    BINDINGS = [
        *user_commands.bindings(*IN_FOOTER),
        *user_commands.bindings(*(command for command in CONSOLE_COMMANDS if command not in IN_FOOTER), footer=False),
        # The interview's own keys, but for Begin, Continue and Done: in the key reference, not the footer. (Each
        # key's bindings here replace the interview screen's, so every command of those keys is named.)
        *user_commands.bindings(
            user_commands.SKIP, user_commands.HINT, user_commands.HINT_REFUSED, user_commands.PAUSE,
            user_commands.END_RUN, footer=False,
        ),
    ]

    def __init__(self, engine, autosave=None, hosting: Hosting | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(engine, autosave)
        self.hosting = hosting
        """Serving the candidate's own terminal (`mockint host`); None when the candidate shares this one."""
        self._scorecard: ScorecardForm | None = None
        self._handed: set[tuple[int, Role]] = set()
        """The hand-offs already announced: (round, the role taking the keyboard)."""
        self._revealed: set[int] = set()
        """The rounds whose reveal has been shown: each once."""

    def bar_text(self) -> str:
        """Who interviews whom first: a narrow terminal cuts the pack's title, not the names."""
        record = self.engine.record
        return f"{content.who_interviewed(record, 'interviews')} · {content.mode_label(record)} · {record.pack_title}"

    def answering_view(self) -> Widget:
        """The interviewer's console: the question, the private kit and the notes."""
        return PairConsole(id="console")

    def on_mount(self) -> None:
        """Put back the note line a restart interrupted (the interview screen's on_mount runs too)."""
        note = self.query_one(NoteInput)
        note.value = self.engine.interviewer_view().record.form_drafts.get(Role.INTERVIEWER, {}).get(NOTE_LINE, "")
        note.select_on_focus = False  # a half-written line goes on where it stopped, not replaced by the next key
        if self.hosting is not None:
            self.mount(HostingStatus(id="hosting"), after="#interview-bar")
            self.show_hosting()
            self._hold_clock(AWAY, self.hosting.holds_clock)  # a resumed run that pauses while nobody has joined

    # -- drawing ----------------------------------------------------------------

    def sync(self) -> None:
        self.show_hosting()
        view = self.engine.interviewer_view()
        position = view.position
        if position.phase is Phase.FINISHED:
            self._show_summary()
            return
        round_ = view.round
        self_in = round_ is not None and Role.SELF in round_.assessments
        shown = (position.phase, position.round, position.question, position.challenge, position.paused, self_in)
        if shown != self._shown:
            self._shown = shown
            self._show_phase(view)
            self.refresh_bindings()
        elif position.phase in TIMED_PHASES or position.phase is Phase.REVIEW:
            self._redraw(view)

    def _redraw(self, view: InterviewerView) -> None:
        if view.position.phase in TIMED_PHASES:
            self.query_one(PairConsole).show(view)

    def _show_phase(self, view: InterviewerView) -> None:
        phase = view.position.phase
        views = self.query_one("#views", ContentSwitcher)
        if phase is not Phase.ASSESSMENT:
            self._remove_scorecard()
        if phase is Phase.ASSESSMENT:
            views.current = self._show_scoring(views, view)
        elif phase in TIMED_PHASES:
            self._remove_assessment()
            views.current = "console"
            self.query_one(PairConsole).show(view)
            if not isinstance(self.focused, NoteInput):
                self.set_focus(None)
        else:
            super()._show_phase(view)

    def _show_scoring(self, views: ContentSwitcher, view: InterviewerView) -> str:
        """The candidate's own form first, then the interviewer's scorecard: each after its hand-off."""
        round_index = view.position.round or 0
        assert view.round is not None, "an assessment is of a round"
        hosted = self.hosting is not None  # the candidate assesses on their own terminal: no keyboard to hand over
        if Role.SELF not in view.round.assessments and not hosted:
            self._hand_off(round_index, Role.SELF, TO_CANDIDATE)
            return self._show_assessment(views, view)
        self._remove_assessment()
        view_id = f"scorecard-{round_index + 1}"
        if self._scorecard is None or self._scorecard.id != view_id:
            self._remove_scorecard()
            last = round_index + 1 == len(view.record.rounds)
            record = view.record
            drafts, choices = record.form_drafts.get(Role.INTERVIEWER), record.form_choices.get(Role.INTERVIEWER)
            self._scorecard = ScorecardForm(view.round, last, drafts=drafts, choices=choices, id=view_id)
            views.mount(self._scorecard)
            if hosted:
                self.call_after_refresh(self._focus_form)  # once mounted; not again when the candidate's is in
        if not hosted:
            self._hand_off(round_index, Role.INTERVIEWER, TO_INTERVIEWER)
        return view_id

    def _hand_off(self, round_index: int, role: Role, text: str) -> None:
        if (round_index, role) not in self._handed:
            self._handed.add((round_index, role))
            self.app.push_screen(HandOffScreen(text, self._focus_form))

    def _focus_form(self) -> None:
        """Focus the form's first field as its hand-off closes, before the next key can arrive."""
        form = self._scorecard or self._assessment_form
        if form is not None:
            first = next((w for w in form.query("ItemCheckbox, RatingSet, CappedTextArea") if w.focusable), None)
            if first is not None:
                self.set_focus(first)

    def assessment_forms(self) -> list[tuple[Role, AssessmentForm | ScorecardForm | None]]:
        return [*super().assessment_forms(), (Role.INTERVIEWER, self._scorecard)]

    def _remove_scorecard(self) -> None:
        if self._scorecard is not None:
            self._scorecard.remove()
            self._scorecard = None

    def _show_summary(self) -> None:
        last = self._last_revealed()
        super()._show_summary()
        if last is not None:
            self._show_round_reveal(last)

    def _show_round_reveal(self, round_index: int) -> None:
        """Both sides' assessments of the round, side by side (instead of the solo run's reference answers)."""
        if round_index not in self._revealed:
            self._revealed.add(round_index)
            # Hosted, the candidate sees the reveal on their own screen: this one is the interviewer's.
            told_interviewer = self.hosting is not None
            self.app.push_screen(RevealScreen(self.engine.candidate_view(), round_index, told_interviewer))

    def _last_revealed(self) -> int | None:
        rounds = self.engine.record.rounds
        return next((i for i in range(len(rounds) - 1, -1, -1) if rounds[i].revealed), None)

    # -- a partner's keys -----------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        phase = self.engine.phase
        typing = isinstance(self.focused, NoteInput)
        if typing and (action in SINGLE_KEY_ACTIONS or action == "request_quit"):
            return False  # keys type into the note line; escape leaves it first
        if action in ("start_note", "heard", "count"):
            return phase in NOTE_PHASES
        if action in ("pose", "skip_challenge", "add_minute"):
            return phase in TIMED_PHASES  # p and x say so when no challenge applies
        if action == "candidate_view":
            return phase is not Phase.ASSESSMENT  # scoring is blind: each side sees only its own form
        if action == "key_reference":
            return True
        if action == "toggle_away_clock":
            return self.hosting is not None
        return super().check_action(action, parameters)

    def action_start_note(self) -> None:
        # At once, not on a later message as focus() does: what is typed right after the key goes into the line.
        self.set_focus(self.query_one(NoteInput))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not isinstance(event.input, NoteInput):
            return
        event.stop()
        self.set_focus(None)  # filed (or empty): the keys are the console's again
        if event.value.strip():
            self._act(Note(event.value))
            event.input.clear()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Hand the engine a half-written note line or scorecard line as typed, so it is saved before it is filed."""
        if isinstance(event.input, NoteInput):
            field: str | None = NOTE_LINE if self.engine.phase in NOTE_PHASES else None
        else:
            field = ScorecardForm.reflection_field(event.input) if self.engine.phase is Phase.ASSESSMENT else None
        if field is not None:
            self.keep_form_text(Role.INTERVIEWER, field, event.value)

    def action_heard(self, number: int) -> None:
        question = self.engine.interviewer_view().question
        items = listen_for(question) if question is not None else ()
        if number > len(items):
            self.notify(printable(f"There is no listen-for item {number}.", single_line=True), severity="warning",
                        markup=False)  # fmt: skip
            return
        self._act(ToggleHeard(items[number - 1]))

    def action_count(self, counter: str) -> None:
        self._act(Count(Counter(counter)))

    def action_pose(self) -> None:
        question = self.engine.interviewer_view().question
        index = next_to_pose(question) if question is not None else None
        if index is None:
            self.notify("No challenge left to pose on this question.", severity="warning")
        else:
            self._act(PoseChallenge(index))  # the engine says why not while one is being answered

    def action_skip_challenge(self) -> None:
        question = self.engine.interviewer_view().question
        index = next_conditional(question) if question is not None else None
        if index is None:
            self.notify(NO_CONDITIONAL, severity="warning")
        else:
            self._act(SkipChallenge(index))

    def action_add_minute(self) -> None:
        self._act(AddMinute())

    def action_candidate_view(self) -> None:
        self.app.push_screen(CandidateScreen(self.engine.candidate_view))

    def action_key_reference(self) -> None:
        """The keys of the form being filled while one is; the console's otherwise."""
        if self.engine.phase is not Phase.ASSESSMENT:
            reference = KeyReferenceScreen("Keys of the interviewer's console", console_keys(self.hosting is not None))
        elif self._scorecard is not None:
            reference = KeyReferenceScreen("Keys of the interviewer's scorecard", form_keys("your scorecard"))
        else:
            reference = KeyReferenceScreen("Keys of the self-assessment", form_keys("your self-assessment"))
        self.app.push_screen(reference)

    def action_done(self) -> None:
        if self.engine.phase is Phase.ASSESSMENT and self._scorecard is not None:
            self._scorecard.submit()
        elif self.engine.phase is Phase.ASSESSMENT:
            super().action_done()
        else:
            self._act(Done())

    def on_assessment_submitted(self, message: AssessmentSubmitted) -> None:
        message.prevent_default()  # the interview screen's handler would apply it a second time
        self._submit_assessment(message.assessment)

    def _submit_assessment(self, assessment: SubmitAssessment) -> None:
        """Hand in one side's assessment; once both are in, show the round's reveal."""
        round_index = self.engine.interviewer_view().position.round
        self._act(assessment)
        self._reveal_if_revealed(round_index)

    def _reveal_if_revealed(self, round_index: int | None) -> None:
        if round_index is None or self.engine.phase is Phase.FINISHED:
            return  # the summary shows the last round's reveal
        if self.engine.record.rounds[round_index].revealed:
            self._show_round_reveal(round_index)

    # -- hosting: the candidate on a terminal of their own -----------------------------

    def _apply(self, command: Command) -> None:
        if isinstance(command, MOVING_ON):
            self._file_unfiled_note()
        super()._apply(command)
        if self.hosting is not None:
            self.hosting.changed()  # the host sends the candidate's view only if it changed

    def _file_unfiled_note(self) -> None:
        """A note line typed and left unfiled belongs to the question being left: file it there, not lose it."""
        note = self.query_one(NoteInput)
        if note.value.strip() and self.engine.phase in NOTE_PHASES:
            super()._apply(Note(note.value))
            note.clear()

    def tick(self) -> None:
        if self.hosting is not None and self.hosting.holds_clock != (AWAY in self._clock_holds):
            self._hold_clock(AWAY, self.hosting.holds_clock)
        super().tick()

    def show_hosting(self) -> None:
        """Redraw the hosting status, if hosting (the app calls it when the candidate's side changes)."""
        if self.hosting is not None and self.is_mounted:
            for status in self.query(HostingStatus):
                status.show(self.hosting)

    def action_toggle_away_clock(self) -> None:
        assert self.hosting is not None, "the key is enabled only while hosting"
        self._act(ClockWhileAway(not self.engine.record.clock_pauses_while_away))  # in the journal: a resume keeps it
        self.notify(printable(f"The {self.hosting.clock_text()}.", single_line=True), title="Hosting", markup=False)
        self._hold_clock(AWAY, self.hosting.holds_clock)

    def quit_question(self) -> str:
        return HOSTED_QUIT_QUESTION if self.hosting is not None else super().quit_question()

    def take_intent(self, intent: Intent) -> None:
        """What the candidate's terminal asks for: notes become theirs in the record, a self-assessment is
        handed in for the round being assessed; what does not fit now is dropped with a log line. Ready needs no
        notice: the status line says "ready" until the run moves on, where notices would pile up over the kit."""
        if isinstance(intent, Notes):
            self._apply_intent(CandidateNotes(intent.text))
        elif isinstance(intent, SelfAssessment):
            round_index = self.engine.interviewer_view().position.round
            if self._fits_round(intent.assessment) and self._apply_intent(intent.assessment):
                self.notify("The candidate's self-assessment is in.", title="Candidate")
                self._reveal_if_revealed(round_index)
        self.sync()

    def _fits_round(self, assessment: SubmitAssessment) -> bool:
        """Whether `assessment` rates only questions of the round being assessed (not a late one of another)."""
        view = self.engine.interviewer_view()
        if view.position.phase is not Phase.ASSESSMENT or view.round is None:
            LOG.info("dropped the candidate's self-assessment: no round is being assessed")
            return False
        ids = {q.question_id for q in view.round.questions}
        named = {*assessment.ratings, *assessment.question_checks, *assessment.notes}
        if not named <= ids:
            LOG.info("dropped the candidate's self-assessment: it names questions of another round")
            return False
        return True

    def _apply_intent(self, command: Command) -> bool:
        """Apply a command the candidate's terminal asked for; one that does not fit is dropped with a log line."""
        try:
            self.engine.apply(command)
        except EngineError as error:
            LOG.info("dropped the candidate's %s: %s", type(command).__name__, error)
            return False
        if self.hosting is not None:
            self.hosting.changed()
        return True

    # -- no answer box in a pair run: the candidate speaks, the notes are the text ---------

    def flush_draft(self) -> None:
        return

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.prevent_default()  # no draft to flush: the interview screen's handler would look for an answer box
        self.keep_reflection_text(event.text_area)  # the candidate's own form


class HandOffScreen(ModalScreen[None]):
    """Who takes the keyboard next, before a blind form; enter goes on."""

    BINDINGS = user_commands.bindings(user_commands.TAKE_KEYBOARD)
    DEFAULT_CSS = """
    /* Opaque: the next form waits underneath, and the one taking the keyboard may not see it yet. */
    HandOffScreen { align: center middle; background: $background; }
    HandOffScreen > Vertical { width: 64; height: auto; border: thick $accent; padding: 1 2; background: $surface; }
    """

    def __init__(self, text: str, on_close: Callable[[], None]) -> None:
        super().__init__()
        self.text = text
        self.on_close = on_close

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(self.text), id="hand-off")
            ready = user_commands.TAKE_KEYBOARD
            yield Static(plain(f"{first_key(ready.keys)}: {ready.title.lower()}"), id="hand-off-key")

    def action_close(self) -> None:
        self.on_close()  # before the screen beneath is back: keys typed straight after land in the form
        self.dismiss()


class KeyReferenceScreen(ModalScreen[None]):
    """The keys of what is on screen: the console's, or a scoring form's while one is filled."""

    BINDINGS = user_commands.bindings(user_commands.CLOSE_PANEL)
    DEFAULT_CSS = """
    KeyReferenceScreen { align: center middle; }
    KeyReferenceScreen > VerticalScroll {
        width: 90; max-width: 100%; max-height: 90%; height: auto; border: thick $accent; padding: 0 1;
        background: $surface;
    }
    KeyReferenceScreen #key-reference-title { text-style: bold; }
    KeyReferenceScreen Grid { grid-size: 2; grid-columns: 17 1fr; grid-gutter: 0 1; height: auto; }
    KeyReferenceScreen Grid > Static { height: auto; }
    """

    def __init__(self, title: str, rows: list[tuple[str, str]]) -> None:
        """`rows`: each key (or keys) and what it does."""
        super().__init__()
        self.title_text = title
        self.rows = rows

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="key-reference"):
            yield Static(plain(self.title_text), id="key-reference-title")
            with Grid():
                for keys, does in self.rows:
                    yield Static(plain(keys), classes="keys")
                    yield Static(plain(does))

    def action_close(self) -> None:
        self.dismiss()


def console_keys(hosting: bool) -> list[tuple[str, str]]:
    """Every key of the interviewer's console; the clock while the candidate is away only when `hosting`."""
    heard = user_commands.HEARD
    console = [c for c in CONSOLE_COMMANDS if c.shown and (hosting or c is not user_commands.AWAY_CLOCK)]
    commands = [
        user_commands.BEGIN, user_commands.DONE, user_commands.SKIP, user_commands.PAUSE, user_commands.CONTINUE,
        *console, user_commands.END_RUN,
    ]  # fmt: skip
    rows = [(listed_keys(c.keys), f"{c.title}: {c.help}") for c in commands]
    rows.append((f"{heard[0].keys} … {heard[-1].keys}", heard[0].help.replace("item 1", "item n")))
    leave = first_key(user_commands.CLOSE_NOTE.keys)
    rows.append(("", f"While a note line is open, keys type into it: enter files it and closes it, {leave} leaves it."))
    return rows


def form_keys(form: str) -> list[tuple[str, str]]:
    """The keys of a scoring form, `form` naming it (`your scorecard`)."""
    rates = user_commands.RATES
    levels = ", ".join(f"{c.keys} {c.title.lower()}" for c in rates)
    return [
        (listed_keys(user_commands.DONE.keys), f"Hand in {form}"),
        (f"{rates[0].keys} … {rates[-1].keys}", f"Rate the question in focus: {levels}"),
        ("tab / shift+tab", "The next / previous part of the form"),
        ("arrow keys", "Move between a question's levels (or the choices); enter or space picks one or ticks a box"),
        (listed_keys(user_commands.END_RUN.keys), f"{user_commands.END_RUN.title}: {user_commands.END_RUN.help}"),
        (listed_keys(user_commands.KEY_REFERENCE.keys), "This list"),
    ]


class CandidateScreen(Screen[None]):
    """The whole screen as the candidate may see it, drawn only from the candidate's view.

    The console's clock keeps running underneath (its screen's timer moves the session on); this one only redraws.
    """

    AUTO_FOCUS = ""
    BINDINGS = user_commands.bindings(user_commands.INTERVIEWER_VIEW)
    DEFAULT_CSS = """
    CandidateScreen { padding: 0 1; }
    CandidateScreen #candidate-bar { background: $primary; color: $text; padding: 0 1; }
    CandidateScreen #candidate-persona { color: $text-muted; }
    CandidateScreen #between { margin: 2 0; text-style: bold; }
    CandidateScreen ChallengeCard #challenge-answer { display: none; }
    CandidateScreen ChallengeCard { height: auto; }
    """

    def __init__(
        self, view_of: Callable[[], CandidateView], remaining_of: Callable[[], float | None] | None = None
    ) -> None:
        """`remaining_of` counts the answer's clock down on this machine between views (a joined terminal);
        without it the view's own figures are shown."""
        super().__init__()
        self.view_of = view_of
        self.remaining_of = remaining_of

    def compose(self) -> ComposeResult:
        yield Static(id="candidate-bar", markup=False)
        yield Static(id="candidate-persona", markup=False)
        yield RoundIntro(id="candidate-intro")
        yield QuestionCard()
        yield ChallengeCard()
        yield Static(id="between", markup=False)
        yield ReleasingFooter()

    def on_mount(self) -> None:
        self.query_one(ChallengeCard).answer_box.can_focus = False  # the candidate speaks; nothing is typed here
        # The console's own timer keeps running underneath and moves the session on; this only redraws.
        self.set_interval(getattr(self.app, "tick_interval", DEFAULT_TICK_INTERVAL), self.draw)
        self.draw()


    def clock_figures(self, view: CandidateView) -> ClockFigures | None:
        figures = view.position.clock
        remaining = self.remaining_of() if self.remaining_of is not None and figures is not None else None
        return figures if figures is None or remaining is None else replace(figures, remaining=remaining)

    def draw(self) -> None:
        view = self.view_of()
        position = view.position
        clock = self.clock_figures(view)
        self.query_one("#candidate-bar", Static).update(
            plain(f"{view.pack_title} · candidate view · {view.candidate or 'Candidate'}")
        )
        round_ = view.rounds[position.round] if position.round is not None and view.rounds else None
        persona = f"Your interviewer: {round_.interviewer}" if round_ and round_.interviewer else ""
        self.query_one("#candidate-persona", Static).update(plain(persona))
        question = _on_screen(view)
        timed = position.phase in TIMED_PHASES and question is not None and round_ is not None
        intro = self.query_one(RoundIntro)
        intro.display = position.phase is Phase.ROUND_INTRO and round_ is not None
        if intro.display and round_ is not None:
            intro.show_round(round_, round_.number, view.round_count)
        card, challenge_card = self.query_one(QuestionCard), self.query_one(ChallengeCard)
        card.display = timed
        posed = next((c for c in question.challenges if c.status is ChallengeStatus.PENDING), None) if question else None
        challenge_card.display = timed and posed is not None
        if timed and question is not None and round_ is not None:
            card.show_question(question, question.number, round_.question_count, round_.title)
            card.show_hint(question.hint)
            card.clock.show(clock if posed is None else None)
            if posed is not None:
                challenge_card.show_challenge(posed, round_.interviewer or "Your interviewer")
                challenge_card.clock.show(clock)
        between = "" if timed or intro.display else _between_text(position.phase)
        between_line = self.query_one("#between", Static)
        between_line.update(plain(between))
        between_line.display = bool(between)  # an empty line would still take its margins' rows

    def action_close(self) -> None:
        self.dismiss()


def _on_screen(view: CandidateView) -> CandidateQuestion | None:
    position = view.position
    if position.round is None or position.question is None or position.round >= len(view.rounds):
        return None
    number = position.question + 1
    return next((q for q in view.rounds[position.round].questions if q.number == number), None)


def _between_text(phase: Phase) -> str:
    if phase is Phase.REVIEW:
        return "Between questions: your interviewer is noting the last answer."
    if phase is Phase.ASSESSMENT:
        return "The round is over: time to assess it."
    return "Waiting for your interviewer."


class RevealScreen(ModalScreen[None]):
    """Both assessments of a round side by side, with the gaps flagged, the evidence and the reference.

    Drawn from the candidate's view: it holds the interviewer's side only once the round is revealed.
    """

    BINDINGS = user_commands.bindings(user_commands.CLOSE_PANEL)
    DEFAULT_CSS = """
    RevealScreen { align: center middle; }
    RevealScreen > VerticalScroll {
        width: 96%; height: 90%; border: thick $success; padding: 0 1; background: $surface;
    }
    /* In sight however long the reveal: docked, it does not scroll away. */
    RevealScreen #reveal-key { dock: bottom; color: $accent; }
    """

    def __init__(self, view: CandidateView, round_index: int, told_interviewer: bool = False) -> None:
        super().__init__()
        self.view = view
        self.round_index = round_index
        self.told_interviewer = told_interviewer

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(reveal_text(self.view, self.round_index, self.told_interviewer), id="reveal")
            yield Static(plain(f"{listed_keys(user_commands.CLOSE_PANEL.keys)}: close"), id="reveal-key")

    def action_close(self) -> None:
        self.dismiss()


def reveal_text(view: CandidateView, round_index: int, told_interviewer: bool = False) -> Content:
    """The reveal as the candidate reads it ("You: …  Interviewer: …"), or as the interviewer does on a screen of
    their own ("Ana: …  You: …")."""
    round_ = view.rounds[round_index]
    candidate = (view.candidate.strip() or "The candidate") if told_interviewer else None
    own_label, their_label = (f"{candidate}: ", "You: ") if candidate else ("You: ", "Interviewer: ")
    lines = [plain(f"Round {round_.number}: both assessments, side by side").stylize("bold"), plain(round_.title)]
    for question in round_.questions:
        own = question.self_assessment.rating if question.self_assessment else None
        theirs = question.interviewer_assessment.rating if question.interviewer_assessment else None
        lines.append(Content(""))
        lines.append(plain(f"{question.number}. ").stylize("bold") + plain(question.ask.strip()))
        if question.skipped:
            lines.append(plain("   Skipped").stylize("italic"))
        own_cell = f"{own_label}{content.rating_label(own)}"
        lines.append(plain(f"   {own_cell:<{len(own_label) + 15}}{their_label}{content.rating_label(theirs)}"))
        flag = gap_flag(own, theirs, candidate)
        if flag:
            lines.append(plain(f"   ⚑ Gap: {flag}").stylize("bold $warning"))
        if question.evidence is not None:
            heard = ", ".join(question.evidence.heard) or "nothing ticked"
            lines.append(plain(f"   Heard: {heard}"))
            counts = ", ".join(f"{c.label} {n}" for c, n in question.evidence.counts.items() if n)
            if counts:
                lines.append(plain(f"   Counted: {counts}"))
            lines.extend(plain(f"   {line.stamp}  {line.text}") for line in question.evidence.notes)
        if question.reference:
            lines.append(plain(f"   Reference answer: {question.reference.strip()}"))
    theirs_round = round_.interviewer_assessment
    if theirs_round is not None:
        lines.append(Content(""))
        lines.append(plain(f"Keep: {theirs_round.reflection.keep.strip() or '—'}"))
        lines.append(plain(f"Change: {theirs_round.reflection.change.strip() or '—'}"))
    if view.advance is not None:
        lines.append(plain(f"Would advance? {view.advance.label}"))
    return Content("\n").join(lines)


