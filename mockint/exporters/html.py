"""The HTML transcript: one standalone file, inline CSS, readable on screen and on paper.

It makes no network request (no external fonts, scripts or images), every
piece of user or pack text goes through `html.escape`, and the whole page
through `printable`, so `cat` on it never lets a pasted escape sequence act on
the terminal. Checkboxes are the glyphs ☑/☐ so they print. Pure module: no
textual import.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from mockint.exporters import content
from mockint.exporters.html_style import STYLESHEET
from mockint.analysis.insights import AnswerInsights, SessionInsights, session_insights
from mockint.analysis.practise import practise_next
from mockint.session.record import ChallengeRecord, QuestionRecord, Reflection, RoundRecord, SessionRecord
from mockint.core.safetext import printable

TICKED = '<span class="box" aria-label="ticked">☑</span>'
UNTICKED = '<span class="box" aria-label="not ticked">☐</span>'


def render_html(record: SessionRecord, totals: SessionInsights | None = None) -> str:
    """The transcript; pass `totals` to reuse insights already computed for `record`."""
    title = f"Mock interview: {record.pack_title}"
    totals = totals if totals is not None else session_insights(record)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{STYLESHEET}</style>",
        "</head>",
        "<body>",
        "<main>",
        *_header(title, record),
    ]
    for index, round_ in enumerate(record.rounds):
        parts += _round(index, round_, record.pair, totals)
    parts += _interview_checklist(record)
    parts += _calibration(record)
    parts += _summary(record, totals)
    parts += _practise_next(record, totals)
    parts += ["</main>", "</body>", "</html>"]
    return printable("\n".join(parts) + "\n")


def _header(title: str, record: SessionRecord) -> list[str]:
    facts = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in content.header_facts(record))
    return ["<header>", f"<h1>{escape(title)}</h1>", f'<dl class="facts">{facts}</dl>', "</header>"]


def _round(index: int, round_: RoundRecord, pair: bool, totals: SessionInsights) -> list[str]:
    out = ['<section class="round">', f"<h2>{escape(content.round_heading(index, round_))}</h2>"]
    for number, question in enumerate(round_.questions, start=1):
        out += _question(number, question, pair, round_.assessed, totals)
    if content.has_round_assessment(round_):
        out += ['<div class="assessment">', f"<h3>{escape(content.ROUND_ASSESSMENT)}</h3>"]
        if round_.checklist and round_.assessed:
            out += ["<h4>Round checklist</h4>", _checklist(round_.checklist, round_.checked)]
        if not round_.reflection.is_empty():
            out += ["<h4>Reflection</h4>", _reflection(round_.reflection)]
        scorecard = content.scorecard_lines(round_)
        if scorecard:
            rows = "".join(f"<li><strong>{label}:</strong> {escape(text)}</li>" for label, text in scorecard)
            out += [f"<h4>{escape(content.SCORECARD)}</h4>", f'<ul class="reflection">{rows}</ul>']
        out.append("</div>")
    return out + ["</section>"]


def _question(number: int, question: QuestionRecord, pair: bool, assessed: bool, totals: SessionInsights) -> list[str]:
    out = ['<article class="question">', f"<h3>{number}. {escape(question.ask)}</h3>"]
    if not question.reached:
        return out + ['<p class="not-reached">Not reached.</p>', "</article>"]
    out.append(f'<p class="meta">{_time(question)}{_flags(question)}</p>')
    if question.hint_used and question.hint:
        out.append(f"<p><strong>Hint:</strong> {escape(question.hint)}</p>")
    answer = _quote(question.answer, "answer", content.no_answer_text(pair))
    out += [f"<h4>{escape(content.answer_heading(pair))}</h4>", answer]
    if question.interviewer_notes.strip():
        out += ["<h4>Interviewer notes</h4>", _quote(question.interviewer_notes, "notes", "")]
    if question.candidate_notes.strip():
        out += [f"<h4>{escape(content.CANDIDATE_NOTES)}</h4>", _quote(question.candidate_notes, "notes", "")]
    insights = totals.of(question)
    out += _challenges(question.challenges, insights, pair)
    out += _guide(question, insights)
    out += _kit(question)
    if question.checklist and assessed:
        out += ["<h4>Checklist</h4>", _checklist(question.checklist, question.checked)]
    for who, rating in content.rating_lines(question, pair):
        out.append(f"<p><strong>Rating ({who}):</strong> {escape(rating)}</p>")
    evidence = content.evidence_lines(question)
    if evidence:
        out += [f"<h4>{escape(content.EVIDENCE)}</h4>", _list(evidence, "evidence")]
    if question.answer.strip() and not pair:  # a pair run's text is the notes: their pace says nothing
        # Insights lines are numbers and fixed labels made here: nothing in them to escape.
        main = content.insights_text(insights.main)
        out.append(f'<p class="insights"><strong>Insights:</strong> {main}</p>')
    return out + ["</article>"]


def _time(question: QuestionRecord) -> str:
    text = escape(content.answer_time_text(question))
    return f'<span class="over">{text}</span>' if question.overtime >= 1 else text


def _flags(question: QuestionRecord) -> str:
    return "".join(f" · {escape(flag)}" for flag in content.question_flags(question))


def _quote(text: str, css_class: str, empty: str) -> str:
    if not text.strip():
        return f'<p class="empty">{escape(empty)}</p>'
    return f'<blockquote class="{css_class}">{escape(text.strip())}</blockquote>'


def _challenges(challenges: list[ChallengeRecord], insights: AnswerInsights, pair: bool) -> list[str]:
    if not challenges:
        return []
    out = ["<h4>Challenges</h4>", '<ol class="challenges">']
    for challenge, typed in zip(challenges, insights.challenges):
        item = f'<strong>{escape(challenge.ask)}</strong> <span class="outcome">— {escape(content.challenge_outcome(challenge))}</span>'
        if typed is not None:
            item += _quote(challenge.answer, "answer", content.no_answer_text(pair))
            item += "" if pair else f'<p class="insights">{content.insights_text(typed)}</p>'
        if challenge.guide:
            item += f'<p class="kit">{escape(content.CHALLENGE_GUIDE)}:</p>{_list(challenge.guide, "guide")}'
        out.append(f"<li>{item}</li>")
    return out + ["</ol>"]


def _guide(question: QuestionRecord, insights: AnswerInsights) -> list[str]:
    if not question.guide and not question.keywords:
        return []
    out = ["<h4>Guide</h4>", '<ul class="guide">']
    for line in content.guide_lines(question, insights):
        css = "mentioned" if line.mentioned else "not-mentioned"
        evidence = line.evidence
        suffix = f' <em class="{css}">— {escape(evidence)}</em>' if evidence else ""
        out.append(f"<li>{escape(line.text)}{suffix}</li>")
    out.append("</ul>")
    if question.keywords:
        out.append(f"<p><strong>Keywords:</strong> {escape(content.keywords_text(question, insights))}</p>")
    return out


def _kit(question: QuestionRecord) -> list[str]:
    """The rest of the interviewer's kit: facts, the reference answer, the anchors."""
    out: list[str] = []
    if question.facts:
        out += [f"<h4>{escape(content.FACTS)}</h4>", _list(question.facts, "case-facts")]
    if question.reference:
        out += [f"<h4>{escape(content.REFERENCE)}</h4>", _quote(question.reference, "reference", "")]
    if question.anchors:
        out += [f"<h4>{escape(content.ANCHORS)}</h4>", _list(content.anchor_lines(question), "anchors")]
    return out


def _list(items: Sequence[str], css_class: str) -> str:
    return f'<ul class="{css_class}">' + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _checklist(items: tuple[str, ...], checked: set[str]) -> str:
    rows = "".join(f"<li>{TICKED if item in checked else UNTICKED}{escape(item)}</li>" for item in items)
    return f'<ul class="checklist">{rows}</ul>'


def _reflection(reflection: Reflection) -> str:
    parts = (("Keep", reflection.keep), ("Stop", reflection.stop), ("Start", reflection.start))
    rows = "".join(f"<li><strong>{label}:</strong> {escape(text.strip())}</li>" for label, text in parts if text.strip())
    return f'<ul class="reflection">{rows}</ul>'


def _interview_checklist(record: SessionRecord) -> list[str]:
    if not record.checklist or not any(r.assessed for r in record.rounds):
        return []
    return ["<section>", "<h2>Interview checklist</h2>", _checklist(record.checklist, record.checked), "</section>"]


def _calibration(record: SessionRecord) -> list[str]:
    lines = content.calibration_lines(record)
    if not lines:
        return []
    out = ['<section class="calibration">', f"<h2>{escape(content.CALIBRATION)}</h2>", f"<p>{escape(lines[0])}</p>"]
    if lines[1:]:
        out.append(_list(lines[1:], "flags"))
    advance = content.advance_text(record)
    if advance:
        out.append(f"<p><strong>{escape(content.ADVANCE)}</strong> {escape(advance)}</p>")
    return out + ["</section>"]


_NUMERIC_COLUMNS = {"Typed", "Pace", "Fillers"}


def _summary(record: SessionRecord, totals: SessionInsights) -> list[str]:
    headings = content.summary_headings(record.pair)
    cell_tags = ['<td class="num">' if heading in _NUMERIC_COLUMNS else "<td>" for heading in headings]
    out = ['<section class="summary">', "<h2>Summary</h2>", "<table>"]
    out.append("<thead><tr>" + "".join(f'<th scope="col">{escape(h)}</th>' for h in headings) + "</tr></thead>")
    out.append("<tbody>")
    for row in content.summary_rows(record, totals):
        # Only the question is text from outside; the other cells are numbers and labels made here.
        values = [row.number, escape(row.ask), *row.cells(record.pair)[2:]]
        out.append("<tr>" + "".join(f"{tag}{value}</td>" for tag, value in zip(cell_tags, values)) + "</tr>")
    out += ["</tbody>", "</table>"]
    typed = content.typed_figures(record, totals)
    if not record.pair:
        out.append(f"<p><strong>{escape(typed[0])}:</strong> {escape(typed[1])}</p>")
        return out + ["</section>"]
    lines = (
        (content.AVERAGE_RATING, content.averages_text(content.session_totals(record))),
        typed,
        (content.COUNTED, content.counted_text(record)),
    )
    out += [f"<p><strong>{escape(label)}:</strong> {escape(text)}</p>" for label, text in lines]
    return out + ["</section>"]


def _practise_next(record: SessionRecord, totals: SessionInsights) -> list[str]:
    out = ['<section class="practise">', "<h2>Practise next</h2>"]
    items = practise_next(record, totals=totals)
    if not items:
        return out + [f"<p>{escape(content.practise_none(record))}</p>", "</section>"]
    out.append("<ol>")
    for item in items:
        where = escape(record.rounds[item.round_index].title)
        reasons = escape(", ".join(item.reasons))
        out.append(f"<li><strong>{escape(item.question.ask)}</strong> ({where}): {reasons}</li>")
    out += ["</ol>", f'<p class="rule">{escape(content.practise_rule(record.pair))}</p>']
    return out + ["</section>"]
