"""The interviewer's console of a pair run: the question to read aloud, the private kit, the notes.

Everything here is drawn from the interviewer's view (mockint.session.views);
the candidate's screen (ui/screens/pair.py) never uses these widgets.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Static

from mockint.core.durations import format_clock
from mockint.exporters import content
from mockint.session.record import ChallengeRecord, ChallengeStatus, Counter, QuestionRecord
from mockint.session.views import InterviewerView
from mockint.ui import user_commands
from mockint.ui.widgets.challenge_card import ChallengeCard
from mockint.ui.widgets.keys import first_key
from mockint.ui.widgets.plain import plain
from mockint.ui.widgets.question_card import QuestionCard
from mockint.ui.widgets.text_panel import ScrollingPanel


def listen_for(question: QuestionRecord) -> tuple[str, ...]:
    """The items the interviewer ticks, numbered 1 to 9 in this order: the question's guide, then its challenges'."""
    return (*question.guide, *(item for c in question.challenges for item in c.guide))[:9]


def next_to_pose(question: QuestionRecord) -> int | None:
    return next((i for i, c in enumerate(question.challenges) if c.status is ChallengeStatus.PENDING), None)


def next_conditional(question: QuestionRecord) -> int | None:
    return next(
        (i for i, c in enumerate(question.challenges) if c.status is ChallengeStatus.PENDING and c.unless_mentioned),
        None,
    )


def _heading(text: str) -> Content:
    return plain(text).stylize("bold")


def kit_text(view: InterviewerView) -> Content:
    """The private panel: listen-for ticks, keywords, facts, the hint and its lock, anchors, challenges, counts."""
    question = view.question
    if question is None:
        return Content("")
    heard = user_commands.HEARD
    lines: list[Content] = [_heading(f"Listen for ({heard[0].keys}-{heard[-1].keys} ticks)")]
    for number, item in enumerate(listen_for(question), 1):
        box = "[x]" if item in question.heard else "[ ]"
        lines.append(plain(f" {number} {box} ") + plain(item))
    if question.keywords:
        lines.append(_heading("Keywords"))
        lines.append(plain(" " + ", ".join(term.name for term in question.keywords)))
    if question.facts:
        lines.append(_heading("Facts to give if asked"))
        lines.extend(plain(f" • {fact}") for fact in question.facts)
    if question.hint:
        lines.append(_heading(f"Hint ({first_key(user_commands.GIVE_HINT.keys)})"))
        lines.append(_hint_line(view, question))
    if question.anchors:
        lines.append(_heading("Anchors"))
        lines.extend(plain(f" {line}") for line in content.anchor_lines(question))
    if question.challenges:
        pose, skip = first_key(user_commands.POSE.keys), first_key(user_commands.SKIP_CHALLENGE.keys)
        lines.append(_heading(f"Challenges ({pose} poses the next, {skip} skips a conditional one)"))
        for index, challenge in enumerate(question.challenges):
            lines.append(_challenge_line(view, index, challenge))
    counts = ", ".join(f"{counter.label} {question.counts.get(counter, 0)}" for counter in Counter)
    filler, rambling = first_key(user_commands.FILLER.keys), first_key(user_commands.RAMBLING.keys)
    lines.append(_heading(f"Counts ({filler} filler, {rambling} rambling)"))
    lines.append(plain(" " + counts))
    return Content("\n").join(lines)


BORDER_LABELS = {Counter.FILLER: "Fillers", Counter.RAMBLING: "Rambling"}
"""The counters' names on the kit's border, short enough for its width at 80 columns."""


def border_counts(question: QuestionRecord) -> str:
    """`Fillers 2 · Rambling 0`, for the kit's border."""
    return " · ".join(f"{BORDER_LABELS[counter]} {question.counts.get(counter, 0)}" for counter in Counter)


def _hint_line(view: InterviewerView, question: QuestionRecord) -> Content:
    assert question.hint is not None
    if question.hint_used:
        return plain(f" given: {question.hint}")
    if not view.record.rules.hints:
        return plain(f" (no hints in pressure mode) {question.hint}")
    wait = view.hint_unlocks_in
    lock = f" locked for {format_clock(wait + 0.999)}: " if wait > 0 else " unlocked: "
    return plain(lock + question.hint)


def _challenge_line(view: InterviewerView, index: int, challenge: ChallengeRecord) -> Content:
    trigger = f"at {format_clock(challenge.at)}" if challenge.at is not None else "after the answer"
    if challenge.unless_mentioned:
        names = ", ".join(term.name for term in challenge.unless_mentioned)
        heard = view.terms_heard(index) if challenge.status is ChallengeStatus.PENDING else challenge.mentioned
        said = f"heard: {', '.join(heard)}" if heard else "not heard yet"
        trigger = f"unless they mention {names} ({said})"
    status = "" if challenge.status is ChallengeStatus.PENDING else f" [{challenge.status.value.replace('_', ' ')}]"
    if view.position.challenge == index:
        status = " [posed now]"
    return plain(f" {index + 1}. {challenge.ask} — {trigger}{status}")


def notes_text(question: QuestionRecord) -> Content:
    if not question.notes:
        note = first_key(user_commands.NOTE.keys)
        return plain(f"No notes yet: {note} starts a line, enter files it.").stylize("italic")
    return Content("\n").join(plain(f"{line.stamp}  {line.text}") for line in question.notes[-8:])


def elapsed_text(view: InterviewerView, question: QuestionRecord) -> str:
    """`Question time 0:12 · 1 min added · f4 pause, m +1 min`: the time and the keys that control it, which the
    footer has no room for."""
    paused = " · PAUSED" if view.position.paused else ""
    extra = f" · {question.extra_time // 60} min added" if question.extra_time else ""
    pause, more = first_key(user_commands.PAUSE.keys), first_key(user_commands.ADD_MINUTE.keys)
    keys = f"{pause} resume" if view.position.paused else f"{pause} pause, {more} +1 min"
    return f"Question time {format_clock(view.question_elapsed)}{extra}{paused} · {keys}"


CANDIDATE_NOTES_LINES = 6
"""The last lines of the candidate's notes the console shows: enough to follow an outline, leaving the kit above them
its room."""


def candidate_notes_text(question: QuestionRecord) -> Content:
    """The candidate's own notes (typed on their terminal), their last lines; empty when they typed none."""
    lines = question.candidate_notes.rstrip().splitlines()
    if not lines:
        return Content("")
    shown = lines[-CANDIDATE_NOTES_LINES:]
    earlier = len(lines) - len(shown)
    body = Content("\n").join(plain(line) for line in shown)
    if not earlier:
        return body
    return plain(f"… {earlier} earlier line{'s' if earlier > 1 else ''}\n").stylize("italic") + body


class NoteInput(Input):
    """The line being noted; enter files it (the screen turns it into a Note command), escape leaves it."""

    BINDINGS = user_commands.bindings(user_commands.CLOSE_NOTE)

    def action_close_note(self) -> None:
        self.screen.set_focus(None)


class PairConsole(Vertical):
    """The answering and challenge phases of a pair run, on the interviewer's side."""

    DEFAULT_CSS = """
    PairConsole { height: 1fr; padding: 0 1; }
    PairConsole #console-top { height: 1fr; }
    PairConsole #console-left { width: 3fr; }
    PairConsole #console-right { width: 2fr; }
    PairConsole #kit {
        border: round $warning; border-title-color: $warning; border-subtitle-color: $warning; padding: 0 1;
    }
    PairConsole #persona { color: $text-muted; }
    PairConsole QuestionCard #question-text { text-style: bold; }
    PairConsole ChallengeCard #challenge-answer { display: none; }
    PairConsole ChallengeCard { height: auto; }
    PairConsole #elapsed { color: $text-muted; }
    PairConsole #notes { height: auto; max-height: 9; border: round $primary; }
    PairConsole NoteInput { margin-top: 0; }
    PairConsole #candidate-notes {
        height: auto; max-height: 50%; border: round $secondary; border-title-color: $secondary;
        border-subtitle-color: $secondary;
    }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="console-top"):
            # Scrolls: on a short terminal a posed challenge pushes the notes below the fold, and the note line
            # scrolls back into sight when n focuses it.
            with VerticalScroll(id="console-left"):
                yield Static(id="persona", markup=False)
                yield QuestionCard()
                yield ChallengeCard()
                yield Static(id="elapsed", markup=False)
                yield Static(id="notes", markup=False)
                placeholder = f"{first_key(user_commands.NOTE.keys)}: note what the candidate says; enter files it"
                yield NoteInput(placeholder=placeholder, id="note-input")
            with Vertical(id="console-right"):
                with ScrollingPanel(id="kit"):
                    yield Static(id="kit-text", markup=False)
                # Under the kit, not in the left column: in sight however far that column runs on (80x24), and
                # text the candidate types never moves the note line.
                yield Static(id="candidate-notes", markup=False)

    def on_mount(self) -> None:
        self.query_one(ChallengeCard).answer_box.can_focus = False  # the candidate speaks; the notes are the text
        self.query_one("#kit").border_title = "Private: your kit"
        self.query_one("#notes").border_title = "Your notes (the transcript)"
        candidate_notes = self.query_one("#candidate-notes")
        candidate_notes.border_title = "Candidate's notes"
        candidate_notes.border_subtitle = "read-only"
        candidate_notes.display = False

    def show(self, view: InterviewerView) -> None:
        """Draw the question or challenge on screen, the kit and the notes (cheap: called on every tick)."""
        round_, question, position = view.round, view.question, view.position
        assert round_ is not None and question is not None, "the console shows a question"
        style = f" — {round_.interviewer_style}" if round_.interviewer_style else ""
        self.query_one("#persona", Static).update(plain(f"You are {round_.interviewer or 'the interviewer'}{style}"))
        card = self.query_one(QuestionCard)
        card.show_question(question, (position.question or 0) + 1, len(round_.questions), round_.title)
        card.clock.show(position.clock if view.challenge is None else None)
        challenge_card = self.query_one(ChallengeCard)
        challenge_card.display = view.challenge is not None
        if view.challenge is not None:
            challenge_card.show_challenge(view.challenge, round_.interviewer or "You")
            challenge_card.clock.show(position.clock)
        self.query_one("#elapsed", Static).update(plain(elapsed_text(view, question)))
        self.query_one("#notes", Static).update(notes_text(question))
        theirs = self.query_one("#candidate-notes", Static)
        theirs.display = bool(question.candidate_notes.strip())
        theirs.update(candidate_notes_text(question))
        self.query_one("#kit-text", Static).update(kit_text(view))
        # On the kit's border too, always in sight: f and r show their count as they are pressed, however far down
        # the kit is cut off.
        self.query_one("#kit").border_subtitle = plain(border_counts(question))
