"""The candidate's own copy of a session hosted on another terminal: what their last view holds.

A joined candidate has no record, only the candidate's view the host sent last
(mockint.session.views.CandidateView): after the reveals it holds the questions, the
challenges posed, their own notes and self-assessment and, per revealed round, the
interviewer's ratings, notes and the reference answers. Written as Markdown for people and
as JSON (`mockint.candidate-copy/1`: the view itself, encoded by mockint.core.codec), both
labelled as the candidate's copy, through the never-overwriting file writer.
Pure module: no textual import.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import msgspec
from msgspec import Struct

from mockint.analysis.calibration import gap_flag
from mockint.core import codec
from mockint.core.safetext import printable
from mockint.exporters import content
from mockint.exporters.files import base_name, write_new_files
from mockint.exporters.markdown import escape_inline, quote
from mockint.session.record import ChallengeStatus
from mockint.session.views import CandidateChallenge, CandidateQuestion, CandidateRound, CandidateView

COPY_FORMAT = "mockint.candidate-copy/1"
COPY_LABEL = "The candidate's copy: what the candidate's screen held, saved on the candidate's terminal."


class CandidateCopy(Struct, frozen=True):
    """The JSON copy: the view, what it is and when it was saved."""

    saved: datetime
    view: CandidateView
    format: str = COPY_FORMAT
    label: str = COPY_LABEL


def copy_stem(view: CandidateView) -> str:
    """`mockint-<pack>-<candidate>-<YYYYMMDD-HHMM>-candidate-copy`: the host's export's name (the pack's name, when
    the session started), so the two sides' files of one interview sort together."""
    return f"{base_name(view.pack_name, view.started, view.candidate if view.pair else '')}-candidate-copy"


def save_candidate_copy(view: CandidateView, out_dir: str | os.PathLike[str], saved: datetime) -> list[Path]:
    """Write the copy as `.md` and `.json` in `out_dir`, never overwriting; ExportError says why not."""
    texts = {"md": render_candidate_markdown(view, saved), "json": render_candidate_json(view, saved)}
    return write_new_files(out_dir, copy_stem(view), texts)


def render_candidate_json(view: CandidateView, saved: datetime) -> str:
    return msgspec.json.format(codec.encode(CandidateCopy(saved, view)), indent=2).decode() + "\n"


def render_candidate_markdown(view: CandidateView, saved: datetime) -> str:
    out = [f"# Mock interview: {escape_inline(view.pack_title)} (the candidate's copy)", "", f"_{COPY_LABEL}_", ""]
    facts = [
        ("Candidate", view.candidate or "—"), ("Interviewer", view.interviewer or "—"),
        ("Mode", f"{view.mode.value}, pair" if view.pair else view.mode.value), ("Saved", content.format_date(saved)),
    ]  # fmt: skip
    out += [f"- **{label}:** {escape_inline(value)}" for label, value in facts]
    for round_ in view.rounds:
        out += _round(round_)
    if view.advance is not None:
        out += ["", f"**Would advance?** {escape_inline(view.advance.label)}"]
    return printable("\n".join(out) + "\n")


def _round(round_: CandidateRound) -> list[str]:
    with_whom = f" (with {escape_inline(round_.interviewer)})" if round_.interviewer else ""
    out = ["", f"## Round {round_.number}: {escape_inline(round_.title)}{with_whom}"]
    if not round_.revealed:
        out += ["", "_Not revealed: the interviewer's side of this round is not in this copy._"]
    for question in round_.questions:
        out += _question(question, round_.question_count)
    theirs = round_.interviewer_assessment
    if theirs is not None:
        out += ["", "**Your interviewer's keep:**", *quote(theirs.reflection.keep or "—")]
        out += ["", "**Your interviewer's change:**", *quote(theirs.reflection.change or "—")]
    own = round_.self_assessment
    if own is not None and not own.reflection.is_empty():
        for name in ("keep", "stop", "start"):
            text = getattr(own.reflection, name)
            if text.strip():
                out += ["", f"**Your {name}:**", *quote(text)]
    return out


def _challenge_outcome(challenge: CandidateChallenge) -> str:
    """`answered in 0:20 of 1:00`, `skipped after …`: what the candidate did with a challenge posed to them."""
    used = content.time_text(challenge.time_used, challenge.limit + challenge.extra_time)
    if challenge.status is ChallengeStatus.SKIPPED:
        return f"skipped after {used}"
    if challenge.status is ChallengeStatus.LEFT_EMPTY:
        return f"left without an answer after {used}"
    if challenge.status is ChallengeStatus.PENDING:
        return f"still open after {used}"  # the copy was saved while it was on screen
    return f"answered in {used}"


def _question(question: CandidateQuestion, count: int) -> list[str]:
    out = ["", f"### Question {question.number} of {count}", "", *quote(question.ask)]
    posed = [(c.time_used, c.limit + c.extra_time) for c in question.challenges if c.status is not ChallengeStatus.PENDING]
    time = " ".join(content.time_with_challenges(question.time_used, question.limit + question.extra_time, posed))
    out += ["", f"- **Time:** {time}"]
    if question.skipped:
        out.append("- **Skipped**")
    if question.hint:
        out.append(f"- **Hint taken:** {escape_inline(question.hint)}")
    for challenge in question.challenges:
        out.append(f"- **Challenge:** {escape_inline(challenge.ask)} — {_challenge_outcome(challenge)}")
    if question.candidate_notes.strip():
        out += ["", "**Your notes:**", *quote(question.candidate_notes)]
    own = question.self_assessment.rating if question.self_assessment else None
    theirs = question.interviewer_assessment.rating if question.interviewer_assessment else None
    out += ["", f"- **Your rating:** {escape_inline(content.rating_text(own))}"]
    if question.interviewer_assessment is not None:
        out.append(f"- **Your interviewer's rating:** {escape_inline(content.rating_text(theirs))}")
        flag = gap_flag(own, theirs)
        if flag:
            out.append(f"- **Gap:** {escape_inline(flag)}")
    if question.evidence is not None:
        out += _evidence(question)
    if question.reference:
        out += ["", "**Reference answer:**", *quote(question.reference)]
    return out


def _evidence(question: CandidateQuestion) -> list[str]:
    evidence = question.evidence
    assert evidence is not None
    out = [f"- **Heard:** {escape_inline(', '.join(evidence.heard) or 'nothing ticked')}"]
    counts = content.nonzero_counts(evidence.counts)
    if counts:
        out.append(f"- **Counted:** {escape_inline(counts)}")
    if evidence.notes:
        out += ["", "**Your interviewer's notes:**", *quote("\n".join(f"{n.stamp} {n.text}" for n in evidence.notes))]
    return out
