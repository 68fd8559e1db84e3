"""The JSON transcript: the same content as the Markdown one, for other tools.

The document follows `mockint/schemas/transcript.schema.json` (`"schema":
"mockint.transcript/1"`). Times are seconds rounded to 0.1; `*_at` offsets are
seconds since the session started. Pure module: no textual import.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from mockint.exporters import content
from mockint.insights import AnswerInsights, SessionInsights, TextInsights, answer_insights, session_insights
from mockint.practise import OVERTIME_GRACE, overtime, practise_next
from mockint.record import ChallengeRecord, QuestionRecord, RoundRecord, SessionRecord
from mockint.safetext import BIDI_CONTROLS, CONTROL_CODES, has_unsafe_characters

SCHEMA_ID = "mockint.transcript/1"

Json = dict[str, Any]


_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
"""json.dumps(value, ensure_ascii=False), minus the check for reference cycles,
which a document built here as a tree cannot have."""


def render_json(record: SessionRecord, totals: SessionInsights | None = None) -> str:
    """The same text as `json.dumps(transcript_document(record), ensure_ascii=False)`.

    One line: with indentation the json module falls back from its C encoder to
    Python and takes several times as long on a long interview, more than the
    whole export is allowed (`jq .` or `python -m json.tool` pretty-prints it);
    the golden files are written this way too.

    Each question is written as soon as its dicts are built, and they are then
    dropped: holding tens of thousands of them for one json.dumps at the end made
    the garbage collector walk them again and again, a tenth of the time on a
    1,000-question interview. Pass `totals` to reuse insights already computed.
    """
    totals = totals if totals is not None else session_insights(record)
    rounds = _array_text(_round_text(round_, totals) for round_ in record.rounds)
    return _inert(_object_text(_document(record, totals, rounds=[]), rounds=rounds) + "\n")


_JSON_ESCAPES = str.maketrans({code: f"\\u{code:04x}" for code in (*CONTROL_CODES, *BIDI_CONTROLS)})


def _inert(text: str) -> str:
    """`text` with DEL, C1 and bidi controls written as JSON escapes.

    json escapes only the C0 controls; the others would reach a terminal that
    shows the file (`cat`). Escaped, they read back as the same characters.
    """
    return text.translate(_JSON_ESCAPES) if has_unsafe_characters(text) else text


def _round_text(round_: RoundRecord, totals: SessionInsights) -> str:
    questions = _array_text(_encode(_question(q, totals.of(q) if q.reached else None)) for q in round_.questions)
    return _object_text(_round(round_, totals, questions=[]), questions=questions)


def _object_text(members: Json, **written: str) -> str:
    """`members` as json.dumps writes an object, taking the values named in `written` as already written."""
    return "{" + ", ".join(
        f"{_encode(key)}: {written[key] if key in written else _encode(value)}" for key, value in members.items()
    ) + "}"


def _array_text(written: Iterable[str]) -> str:
    """A JSON array of values already written, as json.dumps writes it."""
    return "[" + ", ".join(written) + "]"


def transcript_document(record: SessionRecord, totals: SessionInsights | None = None) -> Json:
    """The whole transcript as one dict, ready for json."""
    totals = totals if totals is not None else session_insights(record)
    return _document(record, totals, [_round(r, totals) for r in record.rounds])


def _document(record: SessionRecord, totals: SessionInsights, rounds: list[Json]) -> Json:
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
        "rounds": rounds,
        "summary": _summary(record, totals),
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


def _round(round_: RoundRecord, totals: SessionInsights, questions: list[Json] | None = None) -> Json:
    """The round; its questions are built here unless `questions` is given."""
    if questions is None:
        questions = [_question(q, totals.of(q) if q.reached else None) for q in round_.questions]
    reflection = round_.reflection
    return {
        "id": round_.round_id,
        "title": round_.title,
        "interviewer": round_.interviewer,
        "assessed": round_.assessed,
        "questions": questions,
        "checklist": _checklist(round_.checklist, round_.checked),
        "reflection": {"keep": reflection.keep, "stop": reflection.stop, "start": reflection.start},
    }


def _question(question: QuestionRecord, insights: AnswerInsights | None) -> Json:
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
        "answer": question.answer,
        "interviewer_notes": question.interviewer_notes,
        "challenges": [
            _challenge(c, None if insights is None else insights.challenges[i])
            for i, c in enumerate(question.challenges)
        ],
        "guide": [
            {"text": line.text, "mentioned": list(line.mentioned), "not_mentioned": list(line.not_mentioned)}
            for line in content.guide_lines(question, insights or answer_insights(question))
        ],
        "keywords": [{"term": k, "mentioned": insights is not None and k in insights.covered} for k in question.keywords],
        "checklist": _checklist(question.checklist, question.checked),
        "rating": question.rating,
        "interviewer_rating": question.interviewer_rating,
        "insights": None if insights is None else _answer_insights(insights),
    }


def _challenge(challenge: ChallengeRecord, insights: TextInsights | None) -> Json:
    return {
        "ask": challenge.ask,
        "status": challenge.status.value,
        "limit": challenge.limit,
        "at": challenge.at,
        "unless_mentioned": list(challenge.unless_mentioned),
        "mentioned": list(challenge.mentioned),
        "answer": challenge.answer,
        "time_used": _tenths(challenge.time_used),
        "overtime": _tenths(challenge.overtime),
        "interrupted": challenge.interrupted,
        "auto_advanced": challenge.auto_advanced,
        "insights": None if insights is None else _text_insights(insights),
    }


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
    }
