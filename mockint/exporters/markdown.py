"""The Markdown transcript: reads as plain text and renders on GitHub.

User text (answers, notes, names, reflections) and pack text are escaped so
that a `*`, `#` or `<script>` typed in an answer shows as typed instead of
turning into formatting or markup, and the whole transcript goes through
`printable`, so `cat` on it never lets a pasted escape sequence act on the
terminal. Pure module: no textual import.
"""

from __future__ import annotations

import re

from mockint.exporters import content
from mockint.analysis.insights import AnswerInsights, SessionInsights, session_insights
from mockint.analysis.practise import practise_next
from mockint.session.record import ChallengeRecord, QuestionRecord, Reflection, RoundRecord, SessionRecord
from mockint.core.safetext import printable

_INLINE_SPECIAL_CHARS = "\\`*_[]<>|~"
"""Characters that can start emphasis, code, links, HTML or table cells anywhere in a line.

The backslash comes first: escape_inline replaces in this order, and the
backslashes it adds for the others must not be escaped again."""
_LINE_START_SPECIAL = re.compile(r"(\s*)([#>+=-]|\d+(?=[.)]))")
"""Block markers that only matter at the start of a line: headings, quotes, lists, setext."""


def escape_line(text: str) -> str:
    """Escape user text that starts a line of its own (in a quote), where block markers count too."""
    escaped = escape_inline(text)
    marker = _LINE_START_SPECIAL.match(escaped)
    if marker is None:
        return escaped
    return marker.group(1) + _escape_block_marker(marker.group(2)) + escaped[marker.end():]


def _escape_block_marker(marker: str) -> str:
    # "1." becomes "1\." (escape the dot); "#" becomes "\#".
    return marker + "\\" if marker.isdigit() else "\\" + marker


def escape_inline(text: str) -> str:
    """Escape text placed after other text on a line (heading, list item, table cell).

    Newlines become spaces so the text stays on its line.
    """
    flat = " ".join(text.split())
    for char in _INLINE_SPECIAL_CHARS:
        flat = flat.replace(char, "\\" + char)
    return flat


def quote(text: str) -> list[str]:
    """A blockquote of multi-line user text; line breaks are kept (two trailing spaces)."""
    lines = [line.strip() for line in text.strip().splitlines()]
    quoted = [f"> {escape_line(line)}" if line else ">" for line in lines]
    return _hard_breaks(quoted, blank=">")


def _hard_breaks(lines: list[str], blank: str) -> list[str]:
    """End each line followed by another with a hard line break (two spaces); a `blank` line already breaks."""
    return [
        line + "  " if line != blank and index + 1 < len(lines) and lines[index + 1] != blank else line
        for index, line in enumerate(lines)
    ]


def render_markdown(record: SessionRecord, totals: SessionInsights | None = None) -> str:
    """The transcript; pass `totals` to reuse insights already computed for `record`."""
    totals = totals if totals is not None else session_insights(record)
    out: list[str] = [f"# Mock interview: {escape_inline(record.pack_title)}", ""]
    out += [f"- **{label}:** {escape_inline(value)}" for label, value in content.header_facts(record)]
    for index, round_ in enumerate(record.rounds):
        out += _round(index, round_, record.pair, totals)
    if record.checklist and any(r.assessed for r in record.rounds):
        out += ["", "## Interview checklist", "", *_checklist(record.checklist, record.checked)]
    out += _calibration(record)
    out += _summary(record, totals)
    out += _practise_next(record, totals)
    return printable("\n".join(out) + "\n")


def _round(index: int, round_: RoundRecord, pair: bool, totals: SessionInsights) -> list[str]:
    out = ["", f"## {escape_inline(content.round_heading(index, round_))}"]
    for number, question in enumerate(round_.questions, start=1):
        out += _question(number, question, pair, round_.assessed, totals)
    if not content.has_round_assessment(round_):
        return out
    out += ["", f"### {content.ROUND_ASSESSMENT}"]
    if round_.checklist and round_.assessed:
        out += ["", "**Round checklist**", "", *_checklist(round_.checklist, round_.checked)]
    if not round_.reflection.is_empty():
        out += ["", "**Reflection**", "", *_reflection(round_.reflection)]
    scorecard = content.scorecard_lines(round_)
    if scorecard:
        out += ["", f"**{content.SCORECARD}**", ""]
        for label, text in scorecard:
            out += _list_item(f"**{label}:**", text)
    return out


def _calibration(record: SessionRecord) -> list[str]:
    lines = content.calibration_lines(record)
    if not lines:
        return []
    out = ["", f"## {content.CALIBRATION}", "", escape_inline(lines[0])]
    out += [""] + [f"- {escape_inline(line)}" for line in lines[1:]] if lines[1:] else []
    advance = content.advance_text(record)
    return out + (["", f"**{content.ADVANCE}** {advance}"] if advance else [])


def _question(number: int, question: QuestionRecord, pair: bool, assessed: bool, totals: SessionInsights) -> list[str]:
    out = ["", f"### {number}. {escape_inline(question.ask)}", ""]
    if not question.reached:
        return out + ["*Not reached.*"]
    facts = [content.answer_time_text(question), *content.question_flags(question)]
    out.append(f"*{' · '.join(facts)}*")
    if question.hint_used and question.hint:
        out += ["", f"**Hint:** {escape_inline(question.hint)}"]
    out += _answer_block(content.answer_heading(pair), question.answer, f"*{content.no_answer_text(pair)}*")
    if question.interviewer_notes.strip():
        out += _answer_block("Interviewer notes", question.interviewer_notes, "")
    if question.candidate_notes.strip():
        out += _answer_block(content.CANDIDATE_NOTES, question.candidate_notes, "")
    insights = totals.of(question)
    out += _challenges(question.challenges, insights, pair)
    out += _guide(question, insights)
    out += _kit(question)
    if question.checklist and assessed:
        out += ["", "**Checklist**", "", *_checklist(question.checklist, question.checked)]
    for who, rating in content.rating_lines(question, pair):
        out += ["", f"**Rating ({who}):** {rating}"]
    evidence = content.evidence_lines(question)
    if evidence:
        out += ["", f"**{content.EVIDENCE}**", "", *(f"- {escape_inline(line)}" for line in evidence)]
    if question.answer.strip() and not pair:  # a pair run's text is the notes: their pace says nothing
        # Insights lines are numbers and fixed labels made here: nothing in them to escape.
        out += ["", f"**Insights:** {content.insights_text(insights.main)}"]
    return out


def _answer_block(title: str, text: str, empty: str) -> list[str]:
    return ["", f"**{title}**", "", *(quote(text) if text.strip() else [empty])]


def _challenges(challenges: list[ChallengeRecord], insights: AnswerInsights, pair: bool) -> list[str]:
    if not challenges:
        return []
    out = ["", "**Challenges**", ""]
    for number, (challenge, typed) in enumerate(zip(challenges, insights.challenges), start=1):
        outcome = escape_inline(content.challenge_outcome(challenge))
        out.append(f"{number}. **{escape_inline(challenge.ask)}** — {outcome}")
        if typed is not None:
            empty = f"({content.empty_label(pair)})"
            out += ["", *(f"   {line}" for line in quote(challenge.answer or empty))]
            out += [""] if pair else ["", f"   *{content.insights_text(typed)}*", ""]
        if challenge.guide:
            out += [*([""] if out[-1] else []), f"   *{content.CHALLENGE_GUIDE}:*", ""]
            out += [*(f"   - {escape_inline(item)}" for item in challenge.guide), ""]
    while not out[-1]:  # every section after this one starts with its own blank line
        out.pop()
    return out


def _guide(question: QuestionRecord, insights: AnswerInsights) -> list[str]:
    if not question.guide and not question.keywords:
        return []
    out = ["", "**Guide**", ""]
    for line in content.guide_lines(question, insights):
        evidence = line.evidence
        suffix = f" — *{escape_inline(evidence)}*" if evidence else ""
        out.append(f"- {escape_inline(line.text)}{suffix}")
    if question.keywords:
        out += ["", f"**Keywords:** {escape_inline(content.keywords_text(question, insights))}"]
    return out


def _kit(question: QuestionRecord) -> list[str]:
    """The rest of the interviewer's kit: facts, the reference answer, the anchors."""
    out: list[str] = []
    if question.facts:
        out += ["", f"**{content.FACTS}**", "", *(f"- {escape_inline(fact)}" for fact in question.facts)]
    if question.reference:
        out += _answer_block(content.REFERENCE, question.reference, "")
    if question.anchors:
        out += ["", f"**{content.ANCHORS}**", "", *(f"- {escape_inline(line)}" for line in content.anchor_lines(question))]
    return out


def _checklist(items: tuple[str, ...], checked: set[str]) -> list[str]:
    return [f"- [{'x' if item in checked else ' '}] {escape_inline(item)}" for item in items]


def _reflection(reflection: Reflection) -> list[str]:
    parts = (("Keep", reflection.keep), ("Stop", reflection.stop), ("Start", reflection.start))
    out: list[str] = []
    for label, text in parts:
        if text.strip():
            out += _list_item(f"**{label}:**", text)
    return out


def _list_item(label: str, text: str) -> list[str]:
    """A list item of multi-line user text: every line kept, continuation lines indented under the item
    (escaped as line starts, so a typed `- ` or `1.` does not start a list of its own)."""
    lines = [line.strip() for line in text.strip().splitlines()]
    item = [f"- {label} {escape_inline(lines[0])}"]
    item += [f"  {escape_line(line)}" if line else "" for line in lines[1:]]
    return _hard_breaks(item, blank="")


def _summary(record: SessionRecord, totals: SessionInsights) -> list[str]:
    headings = content.summary_headings(record.pair)
    out = ["", "## Summary", "", "| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    for row in content.summary_rows(record, totals):
        # Only the question is text from outside; the other cells are numbers and labels made here.
        cells = [row.number, escape_inline(row.ask), *row.cells(record.pair)[2:]]
        out.append("| " + " | ".join(cells) + " |")
    label, figures = content.typed_figures(record, totals)
    if not record.pair:
        return out + ["", f"{label}: {figures}"]
    return out + [
        "", f"{content.AVERAGE_RATING}: {content.averages_text(content.session_totals(record))}",
        "", f"{label}: {figures}",
        "", f"{content.COUNTED}: {content.counted_text(record)}",
    ]  # fmt: skip


def _practise_next(record: SessionRecord, totals: SessionInsights) -> list[str]:
    out = ["", "## Practise next", ""]
    items = practise_next(record, totals=totals)
    if not items:
        return out + [content.practise_none(record)]
    for number, item in enumerate(items, start=1):
        where = escape_inline(record.rounds[item.round_index].title)
        reasons = escape_inline(", ".join(item.reasons))
        out.append(f"{number}. **{escape_inline(item.question.ask)}** ({where}): {reasons}")
    return out + ["", f"*{content.practise_rule(record.pair)}*"]
