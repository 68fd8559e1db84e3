"""The session record: everything one interview run holds, as plain data (format `mockint.session/1`).

The record is built once from a pack (mockint.session.setup.new_record) and copies
what the run needs from it, so a saved record runs on with no pack files. The
engine fills it in as things happen; exporters, views and the journal read it.
Times are seconds; `*_at` offsets are seconds since the session started
(monotonic), so a record never depends on the machine's wall clock except for
`started_wall`. mockint.core.codec reads and writes it; decode_record checks its format on the way in. Pure module: no textual import.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import Enum

from msgspec import Struct, field

from mockint.core.codec import CodecError, decode
from mockint.core.durations import format_clock
from mockint.core.model import Term
from mockint.core.ratings import Rating

SESSION_FORMAT = "mockint.session/1"
"""The name and version of the session record's format: the disk and the wire read this."""


class Mode(str, Enum):
    PRACTICE = "practice"
    PRESSURE = "pressure"


class Audience(str, Enum):
    """Who is shown something: the guide after an answer, for one."""

    NOBODY = "nobody"
    INTERVIEWER = "interviewer"
    """The interviewer only; in a solo run the candidate is their own interviewer."""
    EVERYONE = "everyone"


class Role(str, Enum):
    """Who made an assessment."""

    SELF = "self"
    INTERVIEWER = "interviewer"


class Rules(Struct, frozen=True, kw_only=True):
    """How a run goes, whoever interviews (the app, or a person in pair mode)."""

    hints: bool
    """The candidate may ask for a question's hint."""
    interruptions: bool
    """A challenge with an `at` time interrupts the answer then, rather than waiting for it to end."""
    auto_advance: bool
    """Time-up moves on by itself; otherwise the clock runs into overtime."""
    guide_after_answer: Audience
    """Who sees the guide once a question is done; nobody means no review between questions."""

    @classmethod
    def for_mode(cls, mode: Mode, pair: bool = False) -> Rules:
        """The rules each mode stands for. A partner interviewing always gets the guide after an answer."""
        if mode is Mode.PRESSURE:
            guide = Audience.INTERVIEWER if pair else Audience.NOBODY
            return cls(hints=False, interruptions=True, auto_advance=True, guide_after_answer=guide)
        return cls(hints=True, interruptions=False, auto_advance=False, guide_after_answer=Audience.INTERVIEWER)


PRACTICE_RULES = Rules.for_mode(Mode.PRACTICE)


class Counter(str, Enum):
    """What a partner interviewing counts with one key as the candidate speaks (pair mode)."""

    FILLER = "filler"
    """A filler word: um, like, you know."""
    RAMBLING = "rambling"
    """A stretch that wandered off the question."""

    @property
    def label(self) -> str:
        return "Filler words" if self is Counter.FILLER else "Rambling"


class Advance(str, Enum):
    """The interviewer's overall answer to "would this candidate advance?" (pair mode), or no decision."""

    STRONG_YES = "strong_yes"
    YES = "yes"
    NO = "no"
    STRONG_NO = "strong_no"
    NO_DECISION = "no_decision"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class NoteLine(Struct, frozen=True):
    """One line of a partner's notes: what the candidate said and how."""

    at: float
    """Seconds into the question (pauses excluded) when the line was filed."""
    text: str
    challenge: int | None = None
    """The challenge being answered when it was filed; None for the main answer."""

    @property
    def stamp(self) -> str:
        return format_clock(self.at)


class ChallengeStatus(str, Enum):
    PENDING = "pending"
    ANSWERED = "answered"
    SKIPPED = "skipped"
    NOT_NEEDED = "not_needed"
    """The answer already mentioned one of the challenge's `unless_mentioned` terms; in a pair run, the
    interviewer chose not to pose it (`mentioned` then holds the terms the notes and ticks showed)."""
    NOT_REACHED = "not_reached"
    """The question ended (skip, quit) before the challenge could be posed."""
    LEFT_EMPTY = "left_empty"
    """Posed, but its time ran out or the run was quit with nothing typed: not an answer."""


class Outcome(str, Enum):
    """How a question ended, as the summary and transcripts report it."""

    ANSWERED = "answered"
    NO_ANSWER = "no_answer"
    """Marked done with nothing typed (the candidate may have spoken it aloud)."""
    CUT_OFF = "timed_out"
    """Pressure mode moved on at the time limit."""
    SKIPPED = "skipped"
    NOT_REACHED = "not_reached"


class ChallengeRecord(Struct):
    ask: str
    limit: int
    at: int | None = None
    unless_mentioned: tuple[Term, ...] = ()
    guide: tuple[str, ...] = ()
    """What a good answer to this pushback contains: the interviewer's kit."""
    status: ChallengeStatus = ChallengeStatus.PENDING
    answer: str = ""
    """What was typed; while the challenge is posed, the text typed so far."""
    time_used: float = 0.0
    interrupted: bool = False
    """Posed as an interruption in the middle of the main answer."""
    auto_advanced: bool = False
    """Pressure mode cut the answer off at its time limit."""
    mentioned: tuple[str, ...] = ()
    """For a not-needed challenge: the names of the terms the answer already mentioned."""
    extra_time: int = 0
    """Seconds a partner interviewing added to its limit (pair mode)."""
    posed_at: float | None = None
    """Seconds into the main answer (pauses excluded) when it interrupted it; None when it came after the answer,
    was not posed, or the record is older than this field (then `at` is the only time known)."""
    posed_by_interviewer: bool = False
    """A partner posed it with a key (pair mode), early or by hand, rather than its time or the answer's end."""

    @property
    def overtime(self) -> float:
        return max(0.0, self.time_used - self.limit - self.extra_time)

    @property
    def posed(self) -> bool:
        return self.status in (ChallengeStatus.ANSWERED, ChallengeStatus.SKIPPED, ChallengeStatus.LEFT_EMPTY)


class QuestionAssessment(Struct, kw_only=True):
    """One role's assessment of one question."""

    rating: Rating | None = None
    """A level of the one scale, or no evidence; None when not rated."""
    checked: set[str] = set()
    """The question's checklist items ticked."""
    notes: str = ""


class QuestionRecord(Struct):
    question_id: str
    ask: str
    limit: int
    guide: tuple[str, ...] = ()
    keywords: tuple[Term, ...] = ()
    hint: str | None = None
    checklist: tuple[str, ...] = ()
    challenges: list[ChallengeRecord] = []
    anchors: dict[Rating, str] = {}
    """What an answer at each level of the rating scale contains (the interviewer's kit)."""
    reference: str | None = None
    """A reference answer: for the candidate only after the round's self-assessment."""
    facts: tuple[str, ...] = ()
    """What the interviewer may tell the candidate if asked."""
    hint_after: int = 0
    """Seconds into the question before a partner may give the hint (pair mode)."""
    answer: str = ""
    """The main answer; while the question is on screen, the text typed so far. In a pair run, the
    interviewer's note lines filed during the main answer, one a line (the candidate speaks)."""
    time_used: float = 0.0
    started_at: float | None = None
    hint_used: bool = False
    skipped: bool = False
    auto_advanced: bool = False
    reached: bool = False
    """False for questions never shown (the candidate quit before them)."""
    assessments: dict[Role, QuestionAssessment] = {}
    """At most one assessment per role."""
    explicit_id: bool = True
    """The pack gave the question its id; False for the default by position, so that its history
    goes by its text instead (mockint.analysis.attempts)."""
    notes: list[NoteLine] = []
    """A partner's notes as they were filed, stamped (pair mode): the evidence of the reveal."""
    heard: set[str] = set()
    """The guide's items (the question's, and its challenges') a partner ticked as the candidate covered them."""
    counts: dict[Counter, int] = {}
    """A partner's one-key counts (pair mode)."""
    extra_time: int = 0
    """Seconds a partner interviewing added to the answer's limit (pair mode)."""
    candidate_notes: str = ""
    """The candidate's own notes or outline, typed on their terminal (pair mode, two terminals): theirs,
    apart from the interviewer's notes."""

    def assessment(self, role: Role) -> QuestionAssessment:
        """The role's assessment, or an empty one if it has not given it."""
        return self.assessments.get(role) or QuestionAssessment()

    @property
    def checked(self) -> set[str]:
        """Checklist items the candidate ticked in the self-assessment."""
        return self.assessment(Role.SELF).checked

    @property
    def rating(self) -> Rating | None:
        """The candidate's own rating."""
        return self.assessment(Role.SELF).rating

    @property
    def interviewer_rating(self) -> Rating | None:
        return self.assessment(Role.INTERVIEWER).rating

    @property
    def interviewer_notes(self) -> str:
        return self.assessment(Role.INTERVIEWER).notes

    @property
    def overtime(self) -> float:
        return max(0.0, self.time_used - self.limit - self.extra_time)

    @property
    def total_time_used(self) -> float:
        return self.time_used + sum(c.time_used for c in self.challenges)

    @property
    def total_limit(self) -> int:
        posed = sum(c.limit + c.extra_time for c in self.challenges if c.posed)
        return self.limit + self.extra_time + posed

    @property
    def outcome(self) -> Outcome:
        if not self.reached:
            return Outcome.NOT_REACHED
        if self.skipped:
            return Outcome.SKIPPED
        if self.auto_advanced:
            return Outcome.CUT_OFF
        return Outcome.ANSWERED if self.answer.strip() else Outcome.NO_ANSWER

    @property
    def posed_challenges(self) -> list[ChallengeRecord]:
        return [c for c in self.challenges if c.posed]


NOTE_LINE = "note_line"
"""The form field of the line a partner is writing, before it is filed (pair mode)."""
REFLECTION_FIELDS = ("keep", "stop", "start", "change")
"""The text fields of a round's assessment form: `Reflection`'s fields."""
FORM_FIELDS = (*REFLECTION_FIELDS, NOTE_LINE)


class Reflection(Struct, frozen=True):
    keep: str = ""
    stop: str = ""
    start: str = ""
    change: str = ""
    """A partner's specific "change" for the candidate (pair mode; their "keep" is `keep`)."""

    def is_empty(self) -> bool:
        return not (self.keep.strip() or self.stop.strip() or self.start.strip() or self.change.strip())


class RoundAssessment(Struct, kw_only=True):
    """One role's assessment of a round as a whole."""

    checked: set[str] = set()
    """The round's checklist items ticked."""
    reflection: Reflection = Reflection()


class RoundRecord(Struct):
    round_id: str
    title: str
    interviewer: str
    questions: list[QuestionRecord]
    interviewer_style: str = ""
    intro: str = ""
    budget: int = 0
    """Seconds: the round's soft budget, or the sum of its answer and challenge times."""
    checklist: tuple[str, ...] = ()
    assessments: dict[Role, RoundAssessment] = {}
    revealed_at: float | None = None
    """The offset at which every assessment the round takes was in (the candidate's own, and in a
    pair run the interviewer's): from then on each side may see the other's. It ends the round."""

    def assessment(self, role: Role) -> RoundAssessment:
        return self.assessments.get(role) or RoundAssessment()

    @property
    def revealed(self) -> bool:
        return self.revealed_at is not None

    @property
    def question_count(self) -> int:
        return len(self.questions)

    @property
    def assessed(self) -> bool:
        """The candidate has assessed the round (which, once any interviewer's assessment is in too, ends it)."""
        return Role.SELF in self.assessments

    @property
    def checked(self) -> set[str]:
        return self.assessment(Role.SELF).checked

    @property
    def reflection(self) -> Reflection:
        return self.assessment(Role.SELF).reflection


class FormChoices(Struct, frozen=True, kw_only=True):
    """What a role has chosen in its assessment form of a round and not handed in yet: the ratings, the items
    ticked and, with the last round, the interviewer's "would advance?" (mockint.session.commands.ChooseInForm)."""

    ratings: dict[str, Rating] = {}
    question_checks: dict[str, frozenset[str]] = {}
    round_checks: frozenset[str] = frozenset()
    interview_checks: frozenset[str] = frozenset()
    advance: Advance | None = None


class InterviewAssessment(Struct, kw_only=True):
    """One role's ticks on the whole interview's checklist, and a partner's overall decision."""

    checked: set[str] = set()
    advance: Advance | None = None
    """The interviewer's "would advance?" (pair mode); None when not given."""


class PauseInterval(Struct):
    start: float
    end: float | None = None

    @property
    def length(self) -> float:
        return 0.0 if self.end is None else self.end - self.start


def new_session_id() -> str:
    return uuid.uuid4().hex


class SessionRecord(Struct):
    pack_name: str
    pack_title: str
    role: str
    mode: Mode
    started_wall: datetime
    rounds: list[RoundRecord]
    format: str = SESSION_FORMAT
    id: str = field(default_factory=new_session_id)
    rules: Rules = PRACTICE_RULES
    candidate: str = ""
    interviewer: str = ""
    """The human interviewer's name in pair mode; empty when solo."""
    pair: bool = False
    """A person interviews (pair mode); otherwise the app does."""
    seed: int | None = None
    """The shuffle seed, so a shuffled run can be repeated."""
    checklist: tuple[str, ...] = ()
    assessments: dict[Role, InterviewAssessment] = {}
    pauses: list[PauseInterval] = []
    form_drafts: dict[Role, dict[str, str]] = {}
    """Text typed into a role's form fields and not handed in yet, by field (mockint.session.commands.EditForm):
    what a resumed run puts back in its forms. Each role's own: no view but the interviewer's holds it."""
    form_choices: dict[Role, FormChoices] = {}
    """What a role has chosen in its assessment form and not handed in yet (ratings, ticks, "would advance?"):
    kept and put back like `form_drafts`, and as private."""
    clock_pauses_while_away: bool = False
    """Two terminals: the interviewer chose to pause the clock while the candidate's terminal is away
    (mockint.session.commands.ClockWhileAway); a resumed hosted run keeps the choice."""
    ended_early: bool = False
    finished: bool = False
    duration: float = 0.0
    """Seconds from start to the end of the last question (pauses excluded)."""

    @property
    def checked(self) -> set[str]:
        """The whole interview's checklist items the candidate ticked."""
        assessment = self.assessments.get(Role.SELF)
        return assessment.checked if assessment else set()

    @property
    def advance(self) -> Advance | None:
        """The interviewer's overall "would advance?"; None when not given (or a solo run)."""
        assessment = self.assessments.get(Role.INTERVIEWER)
        return assessment.advance if assessment is not None else None

    def questions(self) -> list[QuestionRecord]:
        return [q for r in self.rounds for q in r.questions]


class _Header(Struct):
    format: str = ""


def decode_record(data: bytes | str) -> SessionRecord:
    """A session record, refusing one of another format or of a newer version than this mockint reads."""
    check_format(decode(data, _Header).format)
    return decode(data, SessionRecord)


def check_format(format_: str, known: str = SESSION_FORMAT, kind: str = "session") -> None:
    """Refuse `format_` unless it is `known`'s name at its version or an older one (the journal's uses this too)."""
    known_name, _, known_version = known.partition("/")
    name, _, version = format_.partition("/")
    if name != known_name or not version.isdigit():
        raise CodecError(f"not a mockint {kind} (format {format_!r}, expected {known})")
    if int(version) > int(known_version):
        raise CodecError(
            f"this {kind} was saved by a newer mockint ({format_}); this version reads up to {known}"
        )
