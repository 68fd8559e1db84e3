"""The JSON transcript: the same content as the Markdown one, for other tools.

The document follows `mockint/schemas/transcript.schema.json` (`"schema":
"mockint.transcript/3"`). Times are seconds rounded to 0.1; `*_at` offsets are
seconds since the session started. Pure module: no textual import.
"""

from __future__ import annotations

import json
from typing import Any

from mockint.core.ratings import Rating
from mockint.exporters import content
from mockint.analysis.insights import AnswerInsights, SessionInsights, TextInsights, answer_insights, session_insights
from mockint.analysis.practise import OVERTIME_GRACE, overtime, practise_next
from mockint.analysis.calibration import calibration
from mockint.analysis.calibration import summary_line as calibration_summary
from mockint.session.record import ChallengeRecord, Counter, QuestionRecord, Role, RoundRecord, SessionRecord
from mockint.core.model import Term
from mockint.core.safetext import BIDI_CONTROLS, CONTROL_CODES

SCHEMA_ID = "mockint.transcript/3"

Json = dict[str, Any]


def render_json(record: SessionRecord, totals: SessionInsights | None = None) -> str:
    """The transcript as one line of JSON (`jq .` pretty-prints it), with unsafe characters escaped.

    Pass `totals` to reuse insights already computed.
    """
    document = transcript_document(record, totals)
    return _escape_unsafe(json.dumps(document, ensure_ascii=False) + "\n")


_JSON_ESCAPES = str.maketrans({code: f"\\u{code:04x}" for code in (*CONTROL_CODES, *BIDI_CONTROLS)})


def _escape_unsafe(text: str) -> str:
    """`text` with DEL, C1 and bidi controls written as JSON escapes.

    json escapes only the C0 controls; the others would reach a terminal that
    shows the file (`cat`). Escaped, they read back as the same characters.
    """
    return text.translate(_JSON_ESCAPES)


def transcript_document(record: SessionRecord, totals: SessionInsights | None = None) -> Json:
    """The whole transcript as one dict, ready for json."""
    totals = totals if totals is not None else session_insights(record)
    return {
        "schema": SCHEMA_ID,
        "pack": {"name": record.pack_name, "title": record.pack_title, "role": record.role},
        "started": record.started_wall.isoformat(),
        "mode": record.mode.value,
        "pair": record.pair,
        "candidate": record.candidate,
        "interviewer": record.interviewer,
        "seed": record.seed,
        "finished": record.finished,
        "ended_early": record.ended_early,
        "duration": _tenths(record.duration),
        "pauses": [{"start": _tenths(p.start), "end": _optional_tenths(p.end)} for p in record.pauses],
        "checklist": _checklist(record.checklist, record.checked),
        "rounds": [_round(round_, totals, record.pair) for round_ in record.rounds],
        "summary": _summary(record, totals),
        "advance": _advance(record),
        "calibration": _calibration(record),
        "practise_next": [
            {
                "round_id": record.rounds[item.round_index].round_id,
                "question_id": item.question.question_id,
                "ask": item.question.ask,
                "reasons": list(item.reasons),
            }
            for item in practise_next(record, totals=totals)
        ],
    }


def _tenths(value: float) -> float:
    # Clock readings are floats; a tenth of a second is all a transcript needs.
    return round(value, 1)


def _optional_tenths(value: float | None) -> float | None:
    return None if value is None else _tenths(value)


def _checklist(items: tuple[str, ...], checked: set[str]) -> list[Json]:
    return [{"item": item, "checked": item in checked} for item in items]


def _round(round_: RoundRecord, totals: SessionInsights, pair: bool) -> Json:
    reflection = round_.reflection
    return {
        "id": round_.round_id,
        "title": round_.title,
        "interviewer": round_.interviewer,
        "assessed": round_.assessed,
        "questions": [_question(q, totals.of(q) if q.reached else None, pair) for q in round_.questions],
        "checklist": _checklist(round_.checklist, round_.checked),
        "reflection": {"keep": reflection.keep, "stop": reflection.stop, "start": reflection.start},
        "scorecard": _scorecard(round_) if pair else None,
    }


def _scorecard(round_: RoundRecord) -> Json:
    """The interviewer's side of a round (pair mode): their keep and change, and when both sides were in."""
    reflection = round_.assessment(Role.INTERVIEWER).reflection
    return {
        "submitted": Role.INTERVIEWER in round_.assessments,
        "keep": reflection.keep,
        "change": reflection.change,
        "revealed_at": _optional_tenths(round_.revealed_at),
    }


def _evidence(question: QuestionRecord) -> Json:
    return {
        "notes": [{"at": _tenths(n.at), "text": n.text, "challenge": n.challenge} for n in question.notes],
        "heard": sorted(question.heard),
        "counts": {counter.value: question.counts.get(counter, 0) for counter in Counter},
    }


def _advance(record: SessionRecord) -> str | None:
    return None if record.advance is None else record.advance.value


def _calibration(record: SessionRecord) -> Json | None:
    if not record.pair:
        return None
    result = calibration(record)
    return {
        "questions": [
            {
                "round_id": record.rounds[item.round_index].round_id,
                "question_id": item.question.question_id,
                "self": _rating(item.own),
                "interviewer": _rating(item.interviewer),
                "gap": item.gap,
                "flag": item.flag or None,
            }
            for item in result.questions
        ],
        "compared": len(result.compared),
        "agreed": result.agreed,
        "mean_gap": None if result.mean_gap is None else round(result.mean_gap, 2),
        "summary": calibration_summary(result),
    }


def _question(question: QuestionRecord, insights: AnswerInsights | None, pair: bool) -> Json:
    return {
        "id": question.question_id,
        "ask": question.ask,
        "status": content.question_status_code(question),
        "limit": question.limit,
        "time_used": _tenths(question.time_used),
        "overtime": _tenths(question.overtime),
        "started_at": _optional_tenths(question.started_at),
        "auto_advanced": question.auto_advanced,
        "hint": question.hint,
        "hint_used": question.hint_used,
        "hint_after": question.hint_after,
        "answer": question.answer,
        "interviewer_notes": question.interviewer_notes,
        "candidate_notes": question.candidate_notes,
        "challenges": [
            _challenge(c, None if insights is None else insights.challenges[i])
            for i, c in enumerate(question.challenges)
        ],
        "guide": [
            {"text": line.text, "mentioned": list(line.mentioned), "not_mentioned": list(line.not_mentioned)}
            for line in content.guide_lines(question, insights or answer_insights(question))
        ],
        "keywords": [
            {**_term(k), "mentioned": insights is not None and k in insights.covered} for k in question.keywords
        ],
        "anchors": {level.value: text for level, text in question.anchors.items()},
        "reference": question.reference,
        "facts": list(question.facts),
        "checklist": _checklist(question.checklist, question.checked),
        "rating": _rating(question.rating),
        "interviewer_rating": _rating(question.interviewer_rating),
        "extra_time": question.extra_time,
        "evidence": _evidence(question) if pair else None,
        "insights": None if insights is None else _answer_insights(insights),
    }


def _rating(rating: Rating | None) -> str | None:
    """The level's value (`"good"`, `"no_evidence"`); null when not rated."""
    return None if rating is None else rating.value


def _challenge(challenge: ChallengeRecord, insights: TextInsights | None) -> Json:
    return {
        "ask": challenge.ask,
        "status": challenge.status.value,
        "limit": challenge.limit,
        "at": challenge.at,
        "unless_mentioned": [_term(t) for t in challenge.unless_mentioned],
        "mentioned": list(challenge.mentioned),
        "guide": list(challenge.guide),
        "answer": challenge.answer,
        "time_used": _tenths(challenge.time_used),
        "overtime": _tenths(challenge.overtime),
        "interrupted": challenge.interrupted,
        "posed_at": _optional_tenths(challenge.posed_at),
        "posed_by_interviewer": challenge.posed_by_interviewer,
        "auto_advanced": challenge.auto_advanced,
        "insights": None if insights is None else _text_insights(insights),
    }


def _term(term: Term) -> Json:
    return {"term": term.name, "alternatives": list(term.alternatives)}


def _text_insights(insights: TextInsights) -> Json:
    return {
        "words": insights.words,
        "characters": insights.characters,
        "seconds": _tenths(insights.seconds),
        "wpm": _optional_tenths(insights.wpm),
        "cpm": _optional_tenths(insights.cpm),
        "fillers": dict(insights.fillers),
    }


def _answer_insights(insights: AnswerInsights) -> Json:
    return {
        "answer": _text_insights(insights.main),
        "words": insights.words,
        "characters": insights.characters,
        "wpm": _optional_tenths(insights.wpm),
        "cpm": _optional_tenths(insights.cpm),
        "fillers": insights.fillers,
        "coverage": None if insights.coverage is None else round(insights.coverage, 3),
    }


def _summary(record: SessionRecord, totals: SessionInsights) -> Json:
    questions = record.questions()
    averages = content.session_totals(record)
    return {
        "questions": len(questions),
        "reached": len(totals.questions),
        "skipped": sum(q.skipped for q in questions),
        "over_time": sum(q.reached and overtime(q) >= OVERTIME_GRACE for q in questions),
        "words": totals.words,
        "characters": totals.characters,
        "seconds": _tenths(totals.seconds),
        "wpm": _optional_tenths(totals.wpm),
        "cpm": _optional_tenths(totals.cpm),
        "fillers": totals.fillers,
        "coverage": None if totals.coverage is None else round(totals.coverage, 3),
        "counted": {c.value: n for c, n in content.counted_totals(record).items()} if record.pair else None,
        "figures_from": "interviewer_notes" if record.pair else "answers",
        "average_rating": {
            "self": _average(averages.own_rating),
            "interviewer": None if averages.interviewer_rating is None else _average(averages.interviewer_rating),
        },
    }


def _average(average: content.RatingAverage) -> Json:
    """One role's average as the summary screen gives it: poor 1 to excellent 4, no evidence left out."""
    points = None if average.points is None else round(average.points, 2)
    return {"points": points, "rated": average.rated, "no_evidence": average.no_evidence}
