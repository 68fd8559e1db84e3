"""What can happen to a session: small, frozen, serialisable commands, and the journal's steps.

Every change to a session is one of these, handed to `SessionEngine.apply`.
A journal is the list of `Step`s that `apply` returns: replaying them through
`SessionEngine.replay` on a fresh engine over the same starting record gives
the same state and the same record. Pure module: no textual import.
"""

from __future__ import annotations

from msgspec import Struct

from mockint.core.ratings import Rating
from mockint.session.record import Advance, Counter, FormChoices, Reflection, Role


class Start(Struct, frozen=True, tag="start", tag_field="kind"):
    """Open the first round's intro."""


class BeginRound(Struct, frozen=True, tag="begin_round", tag_field="kind"):
    """Leave the round's intro for its first question; its clock starts."""


class EditDraft(Struct, frozen=True, tag="edit_draft", tag_field="kind"):
    """The text being typed changed: characters `start` to `end` of it became `text`.

    Typing is the most frequent thing that happens, so a draft edit is kept
    out of the state's transitions: it writes the new text into the record's
    answer for the question or challenge on screen and nothing else (no time
    passes, no state value is made). It carries only what changed, so a
    journal that saves the text every few seconds stores
    `EditDraft.between(saved, current)` — for typing at the end, just the new
    characters — and grows with what is typed, not with the square of a long
    answer.
    """

    start: int
    end: int
    text: str

    @classmethod
    def between(cls, old: str, new: str) -> EditDraft:
        """The edit that turns `old` into `new`, as small as a common start and end allow."""
        limit = min(len(old), len(new))
        start = 0
        while start < limit and old[start] == new[start]:
            start += 1
        tail = 0
        while tail < limit - start and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        return cls(start, len(old) - tail, new[start : len(new) - tail])

    def fits(self, old: str) -> bool:
        """Whether the characters it replaces are in `old`."""
        return 0 <= self.start <= self.end <= len(old)

    def applied_to(self, old: str) -> str:
        return old[: self.start] + self.text + old[self.end :]

    @property
    def is_empty(self) -> bool:
        return self.start == self.end and not self.text


class EditForm(Struct, frozen=True, tag="edit_form", tag_field="kind"):
    """Text typed into one of a role's form fields, not handed in yet, changed by `edit`.

    `field` is one of FORM_FIELDS: a reflection of `role`'s assessment of the
    round being assessed (`keep`, `stop`, `start`, `change`), or NOTE_LINE, the
    line a partner is writing (pair mode). Like `EditDraft` it only writes the
    text into the record (`SessionRecord.form_drafts`), so the journal keeps it
    the same way, and a resumed run puts it back in its form. Submitting the
    assessment, or filing the note line, clears it.
    """

    role: Role
    field: str
    edit: EditDraft

    @classmethod
    def between(cls, role: Role, field: str, old: str, new: str) -> EditForm:
        return cls(role, field, EditDraft.between(old, new))

    @property
    def is_empty(self) -> bool:
        return self.edit.is_empty


class ChooseInForm(Struct, frozen=True, tag="choose_in_form", tag_field="kind"):
    """A rating chosen, an item ticked or "would advance?" answered in `role`'s assessment form of the round being
    assessed, not handed in yet: `choices` is all the form holds chosen now.

    Kept in `SessionRecord.form_choices`, so the journal saves it at once (a
    click is rare, and small) and a resumed run puts it back in its form.
    Submitting the assessment clears it.
    """

    role: Role
    choices: FormChoices


class Done(Struct, frozen=True, tag="done", tag_field="kind"):
    """The candidate is done with the current question or challenge.

    `text`, when given, is the answer's final text (the screen sends it so
    nothing typed since the last draft edit is lost).
    """

    text: str | None = None


class Skip(Struct, frozen=True, tag="skip", tag_field="kind"):
    """Leave the current question (or challenge) unanswered."""


class Hint(Struct, frozen=True, tag="hint", tag_field="kind"):
    """Show the current question's hint, where the rules allow hints."""


class Pause(Struct, frozen=True, tag="pause", tag_field="kind"):
    """Stop the clock."""


class Resume(Struct, frozen=True, tag="resume", tag_field="kind"):
    """Restart the clock."""


class Continue(Struct, frozen=True, tag="continue", tag_field="kind"):
    """Leave the review of a question for the next one."""


class SubmitAssessment(Struct, frozen=True, tag="submit_assessment", tag_field="kind"):
    """One role's assessment of the round being assessed.

    The last of the assessments the round takes (the candidate's own, and in a
    pair run the interviewer's, in either order) reveals the round and ends it;
    until then a role may submit again, replacing what it gave. Question-level
    entries are keyed by question id; a question left out is not rated or ticked.
    """

    role: Role = Role.SELF
    ratings: dict[str, Rating] = {}
    """A level or no evidence per question (mockint.core.ratings); a question left out is not rated."""
    question_checks: dict[str, frozenset[str]] = {}
    notes: dict[str, str] = {}
    round_checks: frozenset[str] = frozenset()
    interview_checks: frozenset[str] = frozenset()
    """The whole interview's checklist: assessed once, with the last round (refused with an earlier one)."""
    reflection: Reflection = Reflection()
    advance: Advance | None = None
    """The interviewer's overall "would advance?": given once, with the last round (pair mode)."""


# -- a partner interviewing (pair mode) ----------------------------------------------------------


class Note(Struct, frozen=True, tag="note", tag_field="kind"):
    """File a line of the interviewer's notes on the question on screen, stamped with its elapsed time.

    In a pair run the notes are the question's text: lines filed during the
    main answer make its answer, lines filed during a challenge its answer.
    """

    text: str


class ToggleHeard(Struct, frozen=True, tag="toggle_heard", tag_field="kind"):
    """Tick (or untick) a "listen for" item of the question on screen: the candidate covered it."""

    item: str


class Count(Struct, frozen=True, tag="count", tag_field="kind"):
    """Count one more filler word or rambling stretch in the question on screen."""

    counter: Counter


class PoseChallenge(Struct, frozen=True, tag="pose_challenge", tag_field="kind"):
    """Pose the question's challenge `index` now, interrupting the answer (early, or a conditional one)."""

    index: int


class SkipChallenge(Struct, frozen=True, tag="skip_challenge", tag_field="kind"):
    """Do not pose the question's conditional challenge `index`: the candidate covered its terms."""

    index: int


class AddMinute(Struct, frozen=True, tag="add_minute", tag_field="kind"):
    """Give the answer on screen one more minute."""


class ClockWhileAway(Struct, frozen=True, tag="clock_while_away", tag_field="kind"):
    """Two terminals: whether the clock pauses while the candidate's terminal is away (the interviewer's choice;
    it runs by default). Kept in the session, so a resumed hosted run keeps the choice."""

    pauses: bool


class CandidateNotes(Struct, frozen=True, tag="candidate_notes", tag_field="kind"):
    """The candidate's own notes or outline on the question on screen, typed on their terminal (pair mode).

    The whole text, replacing what came before: the candidate's terminal sends
    it as it changes. Kept apart from the interviewer's notes, labelled as the
    candidate's; refused in a solo run, whose answer is the candidate's own text.
    """

    text: str


class Quit(Struct, frozen=True, tag="quit", tag_field="kind"):
    """End early, keeping everything typed so far."""


class Tick(Struct, frozen=True, tag="tick", tag_field="kind"):
    """Let time act up to now: interruptions due, and time-up (which moves on under pressure rules).

    Only a tick moves the session on by time; the screen sends one a few times
    a second. Any number of deadlines passed since the last tick are caught up
    on, each at its own moment, so a late tick loses no time. A tick that
    changed nothing need not be journaled.
    """


Command = (
    Start | BeginRound | EditDraft | EditForm | ChooseInForm | Done | Skip | Hint | Pause | Resume | Continue
    | SubmitAssessment | Quit | Tick | Note | ToggleHeard | Count | PoseChallenge | SkipChallenge | AddMinute
    | CandidateNotes | ClockWhileAway
)
PAIR_COMMANDS = (Note, ToggleHeard, Count, PoseChallenge, SkipChallenge, AddMinute, ClockWhileAway)
"""The commands of a partner interviewing: refused in a solo run."""


class Decision(Struct, frozen=True):
    """Whether a challenge with `unless_mentioned` terms was needed, as decided when it came up.

    `mentioned` holds the terms the answer already mentioned; empty means the
    challenge was posed. Kept in the journal so a replay reaches the same
    outcome even if the matching rules have changed since.
    """

    round: int
    question: int
    challenge: int
    mentioned: tuple[str, ...] = ()


class Step(Struct, frozen=True):
    """One journal entry: a command, the offset it was applied at, and the decisions it took."""

    at: float
    """Seconds since the session's start."""
    command: Command
    decisions: tuple[Decision, ...] = ()
