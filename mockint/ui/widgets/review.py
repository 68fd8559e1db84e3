"""After a question (practice or pair mode): what a strong answer covers, next to what was said.

In a pair run what was said is the interviewer's notes, and the panel says so.

It shows the interviewer's kit (the guide, keywords, facts, the challenges'
guides, the anchors) but never the reference answer: a solo candidate rates
themselves after the round, and a reference read first would anchor the rating
(mockint.ui.widgets.reveal shows it once the round's assessment is in).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from mockint.core.durations import format_clock
from mockint.exporters import content
from mockint.session.record import ChallengeRecord, ChallengeStatus, QuestionRecord
from mockint.analysis.insights import AnswerInsights, answer_insights
from mockint.ui.widgets.keys import CONTINUE, first_key
from mockint.ui.widgets.plain import plain


def challenge_line(challenge: ChallengeRecord, pair: bool = False) -> str:
    """How the challenge went and, when it cut into the answer, when (as the transcripts word it)."""
    line = _challenge_status(challenge, pair)
    moment = content.challenge_moment(challenge) if challenge.posed else ""
    return f"{line}, {moment}" if moment else line


def _challenge_status(challenge: ChallengeRecord, pair: bool) -> str:
    timing = f"{format_clock(challenge.time_used)} / {format_clock(challenge.limit + challenge.extra_time)}"
    match challenge.status:
        case ChallengeStatus.ANSWERED if not challenge.answer.strip():
            return f"{content.empty_label(pair)} ({timing})"
        case ChallengeStatus.ANSWERED:
            return f"answered in {timing}"
        case ChallengeStatus.SKIPPED:
            return "skipped"
        case ChallengeStatus.NOT_NEEDED if not challenge.mentioned:  # a pair run's x, none of its terms heard
            return "not needed: the interviewer skipped it"
        case ChallengeStatus.NOT_NEEDED:
            who = "the candidate" if pair else "you"
            return f"not needed: {who} already mentioned {', '.join(challenge.mentioned)}"
        case _:
            return "not reached"


BULLET, HANGING = "  • ", "    "
INDENT = "  "
"""A challenge's own lines sit this far in, under its heading."""


def hanging_bullets(items: list[Content], width: int) -> Content:
    """Bulleted items whose wrapped lines hang under the item's text, not under the bullet."""
    lines = []
    for item in items:
        for number, line in enumerate(item.wrap(max(1, width - len(BULLET)))):
            lead = len(line.plain) - len(line.plain.lstrip())
            lines.append(Content.assemble(BULLET if number == 0 else HANGING, line[lead:]))
    return Content("\n").join(lines)


def guide_item(item: str, terms: list[str]) -> Content:
    if not terms:
        return plain(item)
    return Content.assemble(plain(item), plain(f" (mentioned: {', '.join(terms)})").stylize("italic dim"))


ANSWER, NOTES = "Your answer", "Interviewer's notes"
"""What the review calls the question's text: the candidate's typed answer, or in a pair run the notes."""


KEYWORD_LABELS = {
    False: ("Keywords you used", "Keywords not used"),
    True: ("Keywords in the notes", "Keywords not in the notes"),
}
"""By pair: the labels of the keywords found in the question's text and those not."""


def answer_label(pair: bool) -> str:
    return NOTES if pair else ANSWER


def review_content(record: QuestionRecord, width: int, pair: bool = False) -> Content:
    """The review at `width` cells: the answer (in a pair run the interviewer's notes) and its time, the
    guide with keyword evidence, the facts, the keywords, the hint, the challenges with their guides, the anchors."""
    insights = answer_insights(record)
    sections = [plain(record.ask.strip()).stylize("bold"), own_answer(record, pair)]
    if pair and record.candidate_notes.strip():  # typed on the candidate's own terminal: theirs, beside the notes
        heading = plain(content.CANDIDATE_NOTES).stylize("bold underline")
        sections.append(Content("\n").join([heading, plain(record.candidate_notes.strip())]))
    if record.guide:
        # Keyword evidence only: a term being said is not a verdict that the point was made.
        items = [guide_item(line.text, list(line.mentioned)) for line in content.guide_lines(record, insights)]
        sections.append(bulleted("What a strong answer covers", items, width))
    if record.facts:
        sections.append(bulleted(content.FACTS, [plain(fact) for fact in record.facts], width))
    evidence = evidence_content(record, insights, width, pair)
    if evidence:
        sections.append(evidence)
    if record.anchors:
        sections.append(bulleted(content.ANCHORS, [plain(line) for line in content.anchor_lines(record)], width))
    return Content("\n\n").join(sections)


def bulleted(heading: str, items: list[Content], width: int) -> Content:
    title = plain(heading).stylize("bold underline")
    return Content("\n").join([title, hanging_bullets(items, width)])


def own_answer(record: QuestionRecord, pair: bool = False) -> Content:
    """What the candidate said (in a pair run, the notes of it) and the time it took, to read next to the guide."""
    if record.skipped:  # in a pair run the interviewer moved on, not the candidate
        skipped = "The interviewer skipped this question." if pair else "You skipped this question."
        return plain(skipped).stylize("italic")
    timing = f"{format_clock(record.time_used)} / {format_clock(record.limit + record.extra_time)}"
    heading = plain(f"{answer_label(pair)} ({timing})").stylize("bold underline")
    if not record.answer.strip():
        empty = plain(content.no_answer_text(pair)).stylize("italic")
        return Content("\n").join([heading, empty])
    return Content("\n").join([heading, plain(record.answer.strip())])


def evidence_content(record: QuestionRecord, insights: AnswerInsights, width: int, pair: bool = False) -> Content:
    """The keywords used and not, the hint if taken, and how each challenge went, with what it looks for."""
    lines: list[Content | str] = []
    if record.keywords:
        used = ", ".join(k.name for k in insights.covered) or "none"
        missed = ", ".join(k.name for k in insights.missed) or "none"
        said_label, missed_label = KEYWORD_LABELS[pair]
        lines += [plain(f"{said_label}: {used}"), plain(f"{missed_label}: {missed}"), ""]
    if record.hint_used and record.hint:
        lines += [plain(f"You took the hint: {record.hint}").stylize("italic"), ""]
    for challenge in record.challenges:
        lines += [
            plain(f"Challenge: {challenge.ask.strip()}").stylize("bold"),
            plain(f"  {challenge_line(challenge, pair)}"),
        ]
        if challenge.answer.strip():
            lines.append(plain(f"  {answer_label(pair)}: {challenge.answer.strip()}"))
        if challenge.guide:
            lines.append(plain(f"  {content.CHALLENGE_GUIDE}:"))
            guide = hanging_bullets([plain(item) for item in challenge.guide], width - len(INDENT))
            lines += [Content.assemble(INDENT, line) for line in guide.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return Content("\n").join(lines)


class ReviewBody(Static):
    """The review text, laid out for the widget's own width so bullets can hang."""

    record: QuestionRecord | None = None
    pair: bool = False

    def show(self, record: QuestionRecord, pair: bool) -> None:
        self.record, self.pair = record, pair
        self.refresh(layout=True)

    def render(self) -> Content:
        return self._content(self.content_size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._content(width).get_height(self.styles, width)

    def _content(self, width: int) -> Content:
        return Content("") if self.record is None else review_content(self.record, width, self.pair)


class ReviewPanel(VerticalScroll):
    DEFAULT_CSS = """
    ReviewPanel {
        height: 1fr;
        padding: 0 2;
    }

    #review-title {
        text-style: bold;
        color: $primary;
        margin-bottom: 1;
    }

    #review-body {
        border: round $success;
        padding: 1 2;
    }

    #review-prompt {
        color: $accent;
        margin-top: 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="review-title", markup=False)
        yield ReviewBody(id="review-body")
        yield Static(plain(f"Press {first_key(CONTINUE)} to continue."), id="review-prompt")

    def show_review(self, record: QuestionRecord, number: int, total: int, pair: bool = False) -> None:
        self.query_one("#review-title", Static).update(plain(f"Review · question {number} of {total}"))
        self.query_one(ReviewBody).show(record, pair)
        self.scroll_home(animate=False)
