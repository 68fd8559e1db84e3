"""After a question (practice or pair mode): what a strong answer covers, next to what was said."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from mockint.durations import format_clock
from mockint.record import ChallengeRecord, ChallengeStatus, QuestionRecord
from mockint.textmatch import mentioned_terms, mentions
from mockint.widgets.keys import CONTINUE, first_key


def full_answer(record: QuestionRecord) -> str:
    """Everything the candidate said for the question, challenge answers included."""
    return "\n".join([record.answer, *(c.answer for c in record.challenges)])


def covered_guide_items(record: QuestionRecord) -> list[bool]:
    """For each guide item: did the answer mention a keyword that the item itself names?"""
    said = mentioned_terms(full_answer(record), record.keywords)
    return [any(mentions(item, term) for term in said) for item in record.guide]


def challenge_line(challenge: ChallengeRecord) -> str:
    timing = f"{format_clock(challenge.time_used)} / {format_clock(challenge.limit)}"
    match challenge.status:
        case ChallengeStatus.ANSWERED:
            return f"answered in {timing}"
        case ChallengeStatus.SKIPPED:
            return "skipped"
        case ChallengeStatus.NOT_NEEDED:
            return f"not needed: you already mentioned {', '.join(challenge.mentioned)}"
        case _:
            return "not reached"


def review_text(record: QuestionRecord) -> Text:
    text = Text()
    text.append(record.ask.strip() + "\n\n", style="bold")
    if record.skipped:
        text.append("You skipped this question.\n\n", style="italic")
    if record.guide:
        text.append("What a strong answer covers\n", style="bold underline")
        for item, covered in zip(record.guide, covered_guide_items(record)):
            text.append("  ✓ " if covered else "  · ", style="bold" if covered else "")
            text.append(item + ("  (you mentioned this)" if covered else "") + "\n")
        text.append("\n")
    if record.keywords:
        said = set(mentioned_terms(full_answer(record), record.keywords))
        missed = [k for k in record.keywords if k not in said]
        text.append(f"Keywords you used: {', '.join(k for k in record.keywords if k in said) or 'none'}\n")
        text.append(f"Keywords not used: {', '.join(missed) or 'none'}\n\n")
    if record.hint_used and record.hint:
        text.append(f"You took the hint: {record.hint}\n\n", style="italic")
    for challenge in record.challenges:
        text.append(f"Challenge: {challenge.ask.strip()}\n", style="bold")
        text.append(f"  {challenge_line(challenge)}\n")
    return text


class ReviewPanel(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Static(id="review-title", markup=False)
        yield Static(id="review-body")
        yield Static(f"Press {first_key(CONTINUE)} to continue.", id="review-prompt", markup=False)

    def show_review(self, record: QuestionRecord, number: int, total: int) -> None:
        self.query_one("#review-title", Static).update(f"Review · question {number} of {total}")
        self.query_one("#review-body", Static).update(review_text(record))
        self.scroll_home(animate=False)
