"""What the summary screen and every transcript format say, as plain unescaped text.

Each format, and the summary screen, only lays it out: keeping the figures and
the wording here means the screen, Markdown, HTML and JSON never disagree about
a status, a time, a total or a label. Pure module: no textual import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple, Protocol

from mockint.core.durations import format_clock, format_duration
from mockint.core.ratings import LEVELS, Rating
from mockint.analysis.calibration import calibration
from mockint.analysis.calibration import summary_line as calibration_summary
from mockint.analysis.insights import AnswerInsights, SessionInsights, TextInsights, counted
from mockint.analysis.practise import NO_NOTES_REASON
from mockint.core.model import Interviewer
from mockint.session.record import ChallengeRecord, ChallengeStatus, Counter, Outcome, QuestionRecord, Role, RoundRecord, SessionRecord
from mockint.core.textmatch import mentioned_terms

PRACTISE_NONE = (
    "Nothing stood out: no question was skipped, left {empty}, cut off, rated poor or mixed, "
    "left unticked, over time or short on keywords."
)
PRACTISE_RULE = (
    "Weakest first: skipped, then {empty}, then cut off, then lowest rating "
    "(not rated or no evidence between mixed and good), then lowest checklist score, then most overtime, "
    "then fewest keywords mentioned."
)
"""The order `practise.practise_next` documents, as transcripts print it."""


NOTHING_REACHED = "No question was reached, so this run has nothing to practise."


def practise_none(record: SessionRecord) -> str:
    """What "Practise next" says when no question stood out; a pair run's text is the interviewer's notes."""
    if all(question.outcome is Outcome.NOT_REACHED for question in record.questions()):
        return NOTHING_REACHED
    return PRACTISE_NONE.format(empty="without notes" if record.pair else "without a typed answer")


def practise_rule(pair: bool) -> str:
    return PRACTISE_RULE.format(empty=empty_label(pair))


def format_date(moment: datetime) -> str:
    zone = moment.tzname() or ""
    return f"{moment:%Y-%m-%d %H:%M} {zone}".strip()


def mode_label(record: SessionRecord) -> str:
    """`practice`, or for a pair run `pair interview (practice rules)`: the rules time it, a partner interviews."""
    return f"pair interview ({record.mode.value} rules)" if record.pair else record.mode.value


def who_interviewed(record: SessionRecord, verb: str = "interviewed") -> str:
    """`Bo interviewed Ann` (a pair run; `Bo interviews Ann` while it runs), the roles standing in for names not
    given."""
    return f"{record.interviewer or 'A partner'} {verb} {record.candidate or 'the candidate'}"


SESSION_LENGTH = "Session length (pauses excluded)"
"""The header's figure, start to end: not the time spent answering, which the typed figures count."""


def session_length(record: SessionRecord) -> str:
    """The whole run, intros and reviews included, pauses not: `1m53s`."""
    return format_duration(record.duration)


def header_facts(record: SessionRecord) -> list[tuple[str, str]]:
    """Label/value pairs for the transcript header, in display order."""
    titles = ", ".join(r.title for r in record.rounds)
    facts = [("Role", record.role)] if record.role else []
    facts.append(("Candidate", record.candidate or "(not given)"))
    if record.pair:
        facts.append(("Interviewer", record.interviewer or "(not given)"))
    facts += [
        ("Date", format_date(record.started_wall)),
        ("Mode", mode_label(record)),
        ("Rounds", f"{len(record.rounds)}: {titles}" if titles else "0"),
        (SESSION_LENGTH, session_length(record)),
        ("Status", "ended early" if record.ended_early else "finished" if record.finished else "in progress"),
    ]
    if record.seed is not None:
        facts.append(("Shuffle seed", str(record.seed)))
    return facts


ROUND_ASSESSMENT = "Round self-assessment"


def has_round_assessment(round_: RoundRecord) -> bool:
    """Whether the round has a ticked-or-not checklist, a reflection or an interviewer's scorecard worth showing."""
    shown = bool(round_.checklist and round_.assessed) or not round_.reflection.is_empty()
    return shown or bool(scorecard_lines(round_))


def round_heading(index: int, round_: RoundRecord) -> str:
    # A round file without an interviewer gets the placeholder name; "with Interviewer" says nothing.
    named = round_.interviewer and round_.interviewer != Interviewer().name
    with_whom = f" (with {round_.interviewer})" if named else ""
    return f"Round {index + 1}: {round_.title}{with_whom}"


def clock(seconds: float) -> str:
    """`format_clock` of the whole seconds, which is all a clock face shows."""
    return format_clock(max(0, int(seconds)))


def time_text(used: float, limit: float) -> str:
    """`0:50 of 1:00`, with `(+0:15 over)` past the limit."""
    text = f"{clock(used)} of {clock(limit)}"
    over = used - limit
    return f"{text} (+{clock(over)} over)" if over >= 1 else text


STATUS_LABELS = {
    Outcome.ANSWERED: "answered",
    Outcome.NO_ANSWER: "no answer typed",
    Outcome.CUT_OFF: "cut off at the limit",
    Outcome.SKIPPED: "skipped",
    Outcome.NOT_REACHED: "not reached",
}


def question_status_code(question: QuestionRecord) -> str:
    """The question's outcome as the JSON transcript writes it (`Outcome` values)."""
    return question.outcome.value


NO_NOTES = NO_NOTES_REASON
"""A pair run's `Outcome.NO_ANSWER`: its text is the interviewer's notes."""


def question_status(question: QuestionRecord, pair: bool = False) -> str:
    """The outcome in words; a pair run's text is the interviewer's notes, so an empty one is `no notes taken`."""
    if pair and question.outcome is Outcome.NO_ANSWER:
        return NO_NOTES
    return STATUS_LABELS[question.outcome]


def answer_time(question: QuestionRecord) -> str:
    """The main answer's time against its limit, minutes a partner added included: `0:50 of 1:00`."""
    return time_text(question.time_used, question.limit + question.extra_time)


def question_time(question: QuestionRecord) -> str:
    """`0:13 of 3:00`, or `0:13 of 3:00 + challenges 0:24 of 1:00`: the answer's figure as the review and every
    transcript give it, the challenges' apart, so that no sum of the two reads as the answer's time."""
    return " ".join(question_time_lines(question))


def question_time_lines(question: QuestionRecord) -> tuple[str, ...]:
    """`question_time` as the summary screen stacks it: the answer's time, then `+ challenges …` if any was posed."""
    posed = [(c.time_used, c.limit + c.extra_time) for c in question.posed_challenges]
    return time_with_challenges(question.time_used, question.limit + question.extra_time, posed)


def time_with_challenges(used: float, limit: float, challenges: list[tuple[float, float]]) -> tuple[str, ...]:
    """`question_time_lines` from the figures: the answer's time and limit, each posed challenge's."""
    answer = time_text(used, limit)
    if not challenges:
        return (answer,)
    return answer, f"+ challenges {time_text(sum(u for u, _ in challenges), sum(l for _, l in challenges))}"


def answer_time_text(question: QuestionRecord) -> str:
    """`Answer time: 0:50 of 1:00`, the posed challenges' time after it (`question_time`)."""
    return f"Answer time: {question_time(question)}"


def question_flags(question: QuestionRecord) -> list[str]:
    """Short facts shown next to the time: skipped, cut off, hint used."""
    flags = []
    if question.skipped:
        flags.append("skipped")
    if question.auto_advanced:
        flags.append("cut off at the time limit")
    if question.hint_used:
        flags.append("hint used")
    return flags


def challenge_moment(challenge: ChallengeRecord) -> str:
    """When a posed challenge came, if it cut into the answer: `interrupting the answer at 1:30` (its scripted
    time) when it fired by itself, `posed by the interviewer at 0:42` when a partner posed it; "" otherwise."""
    if challenge.posed_by_interviewer and challenge.posed_at is not None:
        return f"posed by the interviewer at {clock(challenge.posed_at)}"
    if challenge.interrupted and challenge.at is not None:
        return f"interrupting the answer at {clock(challenge.at)}"
    return ""


def challenge_outcome(challenge: ChallengeRecord) -> str:
    """What happened to a challenge, e.g. `answered in 0:10 of 0:30, interrupting the answer at 0:45`."""
    status = challenge.status
    if status is ChallengeStatus.NOT_NEEDED and not challenge.mentioned:
        return "not needed: the interviewer skipped it"  # a pair run's x, with none of its terms heard
    if status is ChallengeStatus.NOT_NEEDED:
        return "not needed: the answer already mentioned " + ", ".join(f'"{t}"' for t in challenge.mentioned)
    if status is ChallengeStatus.NOT_REACHED:
        return "not reached"
    if status is ChallengeStatus.PENDING:
        return "not posed"
    used = time_text(challenge.time_used, challenge.limit + challenge.extra_time)
    if status is ChallengeStatus.LEFT_EMPTY:
        ended = "its time ran out" if challenge.auto_advanced else "the interview was quit"
        parts = [f"nothing typed before {ended}, after {used}"]
    else:
        verb = "skipped after" if status is ChallengeStatus.SKIPPED else "answered in"
        parts = [f"{verb} {used}"]
    moment = challenge_moment(challenge)
    if moment:
        parts.append(moment)
    if challenge.auto_advanced and status is not ChallengeStatus.LEFT_EMPTY:
        parts.append("cut off at the time limit")
    return ", ".join(parts)


class Counts(Protocol):
    """What insights_text and the summary need of an answer's, a question's or the session's insights."""

    @property
    def words(self) -> int: ...

    @property
    def characters(self) -> int: ...

    @property
    def seconds(self) -> float: ...

    @property
    def wpm(self) -> float | None: ...

    @property
    def cpm(self) -> float | None: ...


def typed_text(counts: Counts) -> str:
    """`42 words`, `212 characters` (Chinese, Japanese, Korean), or `12 words + 80 characters` for mixed text."""
    words, characters = counted(counts.words, "word"), counted(counts.characters, "character")
    if counts.characters and counts.words:
        return f"{words} + {characters}"
    return characters if counts.characters else words


def pace_text(counts: Counts) -> str:
    """`42 wpm`, `212 chars/min` or `9 wpm + 16 chars/min`, in step with typed_text; "" when no time was spent."""
    if counts.wpm is None or counts.cpm is None:
        return ""
    wpm, cpm = f"{counts.wpm:.0f} wpm", f"{counts.cpm:.0f} chars/min"
    if counts.characters and counts.words:
        return f"{wpm} + {cpm}"
    return cpm if counts.characters else wpm


def _typed_in_time(counts: Counts) -> str:
    pace = pace_text(counts)
    text = f"{typed_text(counts)} in {clock(counts.seconds)}"
    return f"{text} ({pace})" if pace else text


def insights_text(insights: TextInsights) -> str:
    """`42 words in 1:00 (42 wpm); fillers: um 2, like 1`."""
    return f"{_typed_in_time(insights)}; {fillers_text(insights.fillers)}"


def totals_text(totals: SessionInsights) -> str:
    """One line over the whole interview: words and characters, pace, fillers, keyword coverage."""
    text = f"{_typed_in_time(totals)}; {fillers_text(totals.fillers)}"
    if totals.coverage is not None:
        text += f"; {totals.coverage:.0%} of keywords mentioned"
    return text


TYPED_FIGURES = "Typed (challenges included)"
"""What a solo run's answers and challenge answers came to: words, time, pace, fillers, keywords."""
NOTES_FIGURES = "From the interviewer's notes"
"""A pair run's typed figures describe the interviewer's notes, not the candidate: the label says so."""


def typed_figures(record: SessionRecord, totals: SessionInsights) -> tuple[str, str]:
    """The label and the line of the run's typed figures, for the summary screen and every transcript alike:
    a solo run's `totals_text`, a pair run's `notes_totals_text`."""
    if record.pair:
        return NOTES_FIGURES, notes_totals_text(totals)
    return TYPED_FIGURES, totals_text(totals)


def notes_totals_text(totals: SessionInsights) -> str:
    """A pair run's figures from the interviewer's notes: how much was noted and the keywords in it. No pace and
    no typed fillers: the notes' speed says nothing of the candidate's, and the interviewer counts fillers."""
    text = typed_text(totals)
    if totals.coverage is not None:
        text += f"; {totals.coverage:.0%} of keywords mentioned"
    return text


def fillers_text(fillers: dict[str, int]) -> str:
    if not fillers:
        return "no fillers"
    return "fillers: " + ", ".join([f"{label} {count}" for label, count in fillers.items()])


class GuideLine(NamedTuple):
    """A look-for from the guide and the keywords it contains, split by whether they were said.

    A guide line is prose; the question's keywords are what is matched. That a
    keyword of the line was mentioned is evidence, not a verdict that the point
    was made (nor is its absence proof that it was not), and the wording says
    so. A line containing no keyword gets no note.
    """

    text: str
    mentioned: tuple[str, ...]
    not_mentioned: tuple[str, ...]

    @property
    def evidence(self) -> str:
        if self.mentioned:
            return "mentioned: " + ", ".join(self.mentioned)
        if self.not_mentioned:
            return "no keyword of this line mentioned"
        return ""


def guide_lines(question: QuestionRecord, insights: AnswerInsights) -> list[GuideLine]:
    covered = insights.covered
    keywords = question.keywords
    lines = []
    for text in question.guide:
        inside = mentioned_terms(text, keywords) if keywords else []
        mentioned = tuple(k.name for k in inside if k in covered)
        lines.append(GuideLine(text, mentioned, tuple(k.name for k in inside if k not in covered)))
    return lines


CHALLENGE_GUIDE = "A good answer covers"
FACTS = "Facts to give if asked"
REFERENCE = "Reference answer"
ANCHORS = "What each rating looks like"
"""Headings of the interviewer's kit, shared by the review and the transcripts."""


def anchor_lines(question: QuestionRecord) -> list[str]:
    """`Poor: …` for each level the round file describes, lowest first."""
    return [f"{level.label}: {question.anchors[level]}" for level in LEVELS if level in question.anchors]


def keywords_text(question: QuestionRecord, insights: AnswerInsights) -> str:
    """`2 of 3 mentioned (completion, engagement); not mentioned: shares`."""
    text = f"{len(insights.covered)} of {len(question.keywords)} mentioned"
    if insights.covered:
        text += " (" + ", ".join(k.name for k in insights.covered) + ")"
    if insights.missed:
        text += "; not mentioned: " + ", ".join(k.name for k in insights.missed)
    return text


def short_ratings(question: QuestionRecord, pair: bool) -> str:
    """`Good`, or `Good (interviewer Mixed)` in pair mode; `–` when not rated."""
    own = question.rating.label if question.rating is not None else "–"
    if pair and question.interviewer_rating is not None:
        return f"{own} (interviewer {question.interviewer_rating.label})"
    return own


def rating_label(rating: Rating | None) -> str:
    """`Good`, or `not rated`."""
    return "not rated" if rating is None else rating.label


def rating_text(rating: Rating | None) -> str:
    """`Good — Answers it: …` (the level and what it means), or `not rated`."""
    return rating_label(rating) if rating is None else f"{rating.label} — {rating.description}"


def rating_lines(question: QuestionRecord, pair: bool) -> list[tuple[str, str]]:
    """Who rated and `rating_text` of it: the candidate's own, and the interviewer's in pair mode."""
    lines = [("self", rating_text(question.rating))]
    return [*lines, ("interviewer", rating_text(question.interviewer_rating))] if pair else lines


class SummaryRow(NamedTuple):
    number: str
    ask: str
    status: str
    time: str
    checklist: str
    rating: str
    typed: str
    pace: str
    fillers: str
    keywords: str
    counted: str
    """The interviewer's one-key counts (pair mode)."""
    time_lines: tuple[str, ...] = ()
    """`time` as the summary screen stacks it (`question_time_lines`); empty for a question not reached."""

    def cells(self, pair: bool = False) -> tuple[str, ...]:
        """The row's values in `summary_headings(pair)` order."""
        if pair:
            return (*self[:6], self.counted, self.keywords)
        return tuple(self[:10])


SUMMARY_HEADINGS = (
    "#", "Question", "Status", "Time", "Checklist", "Rating", "Typed", "Pace", "Fillers", "Keywords"
)
PAIR_SUMMARY_HEADINGS = ("#", "Question", "Status", "Time", "Checklist", "Rating", "Counted", "Keywords")
"""A pair run's: what was typed is the interviewer's notes, whose length and pace say nothing of the candidate;
the interviewer's counts say what was heard."""


def summary_headings(pair: bool) -> tuple[str, ...]:
    return PAIR_SUMMARY_HEADINGS if pair else SUMMARY_HEADINGS


def summary_rows(record: SessionRecord, totals: SessionInsights) -> list[SummaryRow]:
    rows = []
    for r, round_ in enumerate(record.rounds):
        for q, question in enumerate(round_.questions):
            number = f"{r + 1}.{q + 1}"
            if question.reached:
                rows.append(_summary_row(number, question, totals.of(question), round_.assessed, record.pair))
            else:
                rows.append(SummaryRow(number, question.ask, "not reached", *["–"] * 8))
    return rows


def _summary_row(
    number: str, question: QuestionRecord, insights: AnswerInsights, assessed: bool, pair: bool
) -> SummaryRow:
    ticked = len(question.checked & set(question.checklist))
    return SummaryRow(
        number=number,
        ask=question.ask,
        status=question_status(question, pair),
        time=question_time(question),
        checklist=f"{ticked}/{len(question.checklist)}" if question.checklist and assessed else "–",
        rating=short_ratings(question, pair),
        typed=typed_text(insights),
        pace=pace_text(insights) or "–",
        fillers=str(insights.filler_total),
        keywords=f"{len(insights.covered)}/{len(question.keywords)}" if question.keywords else "–",
        counted=counts_text(question) or "–",
        time_lines=question_time_lines(question),
    )


def has_answer(question: QuestionRecord) -> bool:
    """Something was typed and handed in: done with text, or cut off by the clock with text."""
    return question.outcome is Outcome.ANSWERED or (question.outcome is Outcome.CUT_OFF and bool(question.answer.strip()))


@dataclass(frozen=True)
class RatingAverage:
    """One role's ratings over the run."""

    points: float | None
    """The levels as points, 1 (poor) to 4 (excellent); no evidence is left out. None when none was given."""
    rated: int
    """Questions given a level."""
    no_evidence: int
    """Questions rated no evidence."""


def rating_average(questions: list[QuestionRecord], role: Role) -> RatingAverage:
    ratings = [rating for q in questions if (rating := q.assessment(role).rating) is not None]
    points = [rating.points for rating in ratings if rating.points is not None]
    return RatingAverage(
        points=sum(points) / len(points) if points else None,
        rated=len(points),
        no_evidence=ratings.count(Rating.NO_EVIDENCE),
    )


@dataclass(frozen=True)
class Totals:
    answered: int
    no_answer: int
    """Reached and not skipped, with nothing handed in: in a pair run, no notes taken."""
    skipped: int
    not_reached: int
    answering_time: float
    """Main answers and challenge answers."""
    session_length: str
    """The header's figure, `session_length`."""
    own_rating: RatingAverage
    """The candidate's own ratings."""
    interviewer_rating: RatingAverage | None
    """The interviewer's ratings in a pair run; None in a solo run."""
    checklist_ticked: int
    checklist_total: int
    """Checklists of assessed rounds and of the interview once assessed: an unassessed one is `–`, not `0/n`."""
    pair: bool = False
    """A partner interviewed: the text counted is their notes."""

    @property
    def checklist_percent(self) -> int | None:
        return round(100 * self.checklist_ticked / self.checklist_total) if self.checklist_total else None


def session_totals(record: SessionRecord) -> Totals:
    questions = record.questions()
    outcomes = [q.outcome for q in questions]
    lists = [(q.checked, q.checklist) for r in record.rounds if r.assessed for q in r.questions]
    lists += [(r.checked, r.checklist) for r in record.rounds if r.assessed]
    if Role.SELF in record.assessments:
        lists.append((record.checked, record.checklist))
    answered = sum(has_answer(q) for q in questions)
    skipped = outcomes.count(Outcome.SKIPPED)
    not_reached = outcomes.count(Outcome.NOT_REACHED)
    return Totals(
        answered=answered,
        no_answer=len(questions) - answered - skipped - not_reached,
        skipped=skipped,
        not_reached=not_reached,
        answering_time=sum(q.total_time_used for q in questions),
        session_length=session_length(record),
        own_rating=rating_average(questions, Role.SELF),
        interviewer_rating=rating_average(questions, Role.INTERVIEWER) if record.pair else None,
        checklist_ticked=sum(len(checked & set(items)) for checked, items in lists),
        checklist_total=sum(len(items) for _, items in lists),
        pair=record.pair,
    )


def totals_line(totals: Totals) -> str:
    percent = totals.checklist_percent
    checklist = f"{percent}% ({totals.checklist_ticked}/{totals.checklist_total})" if percent is not None else "–"
    parts = [
        f"Answered {totals.answered}",
        *([f"{NO_NOTES if totals.pair else 'no answer'} {totals.no_answer}"] if totals.no_answer else []),
        f"skipped {totals.skipped}",
        *([f"not reached {totals.not_reached}"] if totals.not_reached else []),
        f"answering time {clock(totals.answering_time)} (with challenges)",
        f"session {totals.session_length}",
        f"average rating {averages_text(totals)}",
        f"checklist {checklist}",
    ]
    return " · ".join(parts)


AVERAGE_RATING = "Average rating"


def averages_text(totals: Totals) -> str:
    """`2.5/4`, or in a pair run both sides': `self 2.5/4, interviewer 3.0/4`."""
    own = average_rating_text(totals.own_rating)
    if totals.interviewer_rating is None:
        return own
    return f"self {own}, interviewer {average_rating_text(totals.interviewer_rating)}"


def average_rating_text(average: RatingAverage) -> str:
    """`2.5/4` (poor 1 to excellent 4), saying how many were rated when some had no evidence: left out,
    they would make the average look like it covers every question."""
    if average.points is None and not average.no_evidence:
        return "not rated"
    points = f"{average.points:.1f}/{len(LEVELS)}" if average.points is not None else "–"
    if not average.no_evidence:
        return points
    return f"{points} ({average.rated} rated, {average.no_evidence} no evidence)"


# -- a pair run: the interviewer's notes, evidence, scorecard and the calibration ------------------

NOTES_AS_ANSWER = "Answer (the interviewer's notes)"
"""The heading of a pair run's answer: the interviewer's notes are the question's text."""
CANDIDATE_NOTES = "Candidate's notes"
"""The heading of what the candidate typed on their own terminal (pair mode, two terminals): theirs, not the
interviewer's notes."""
EVIDENCE = "Evidence (the interviewer's)"
SCORECARD = "Interviewer's scorecard"
CALIBRATION = "Calibration"
ADVANCE = "Would advance?"


def answer_heading(pair: bool) -> str:
    return NOTES_AS_ANSWER if pair else "Answer"


def empty_label(pair: bool) -> str:
    """An answer or challenge handed in empty, in words: in a pair run the text is the interviewer's notes."""
    return NO_NOTES if pair else STATUS_LABELS[Outcome.NO_ANSWER]


def no_answer_text(pair: bool) -> str:
    """What stands for an empty answer: in a pair run the notes are the text, so none were taken."""
    return "No notes taken." if pair else "No answer typed."


def evidence_lines(question: QuestionRecord) -> list[str]:
    """What the interviewer ticked, counted and noted (stamped), one line each; none in a solo run's record."""
    lines: list[str] = []
    if question.heard:
        lines.append("Heard: " + ", ".join(sorted(question.heard)))
    counts = counts_text(question)
    if counts:
        lines.append("Counted: " + counts)
    lines += [f"{line.stamp} {line.text}" for line in question.notes]
    return lines


def counts_text(question: QuestionRecord) -> str:
    """`Filler words 2, Rambling 1`: the interviewer's counts of the question that are not zero."""
    return nonzero_counts(question.counts)


def nonzero_counts(counts: Mapping[Counter, int]) -> str:
    """`Filler words 2, Rambling 1`: the counts that are not zero."""
    return ", ".join(f"{counter.label} {n}" for counter, n in counts.items() if n)


COUNTED = "Counted by the interviewer"


def counted_totals(record: SessionRecord) -> dict[Counter, int]:
    """The interviewer's one-key counts over the whole run (pair mode), every counter present."""
    return {counter: sum(q.counts.get(counter, 0) for q in record.questions()) for counter in Counter}


def counted_text(record: SessionRecord) -> str:
    """`Filler words 3, Rambling 1`: the interviewer's counts beside the typed insights."""
    return ", ".join(f"{counter.label} {n}" for counter, n in counted_totals(record).items())


def scorecard_lines(round_: RoundRecord) -> list[tuple[str, str]]:
    """The interviewer's keep and change for the candidate, where given."""
    reflection = round_.assessment(Role.INTERVIEWER).reflection
    return [(label, text.strip()) for label, text in (("Keep", reflection.keep), ("Change", reflection.change))
            if text.strip()]  # fmt: skip


def calibration_lines(record: SessionRecord) -> list[str]:
    """The calibration's summary line, then each flagged gap: `Ops, question 1: you rated good, your interviewer
    poor`; empty for a solo run."""
    if not record.pair:
        return []
    result = calibration(record)
    lines = [calibration_summary(result)]
    for item in result.flagged:
        lines.append(f"{record.rounds[item.round_index].title}, question {item.number}: {item.flag}")
    return lines


def advance_text(record: SessionRecord) -> str | None:
    """The interviewer's overall "would advance?", or None when not given (or a solo run)."""
    return record.advance.label if record.advance is not None else None
