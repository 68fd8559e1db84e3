"""The candidate's own copy of a session joined from another terminal: what their last view holds, as Markdown and
JSON, labelled as theirs, written without overwriting."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from mockint.core import codec
from mockint.core.ratings import Rating
from mockint.exporters import file_stem
from mockint.exporters.candidate_copy import COPY_FORMAT, CandidateCopy, render_candidate_markdown, save_candidate_copy
from mockint.session.commands import BeginRound, Continue, Done, Note, Quit, Skip
from mockint.session.state import Phase
from mockint.session.views import CandidateView, candidate_view
from mockint.session.setup import SessionOptions
from support.marked import marked_pack, private_now
from support.sessions import Run, command_for

SAVED = datetime(2026, 3, 2, 14, 5, tzinfo=timezone.utc)


def pair_run() -> Run:
    return Run(marked_pack(), SessionOptions(pair=True, candidate="Ann", interviewer="Bo"))


def first_round_revealed() -> Run:
    """Round 1 of the marked pack answered, with a note line, both sides assessed (self good, interviewer poor)."""
    run = pair_run()
    engine = run.engine
    run.apply(BeginRound())
    run.apply(Note("Talks about *retention* NOTE-LINE-MARK r1"))
    for _question in range(2):
        while engine.phase in (Phase.ANSWERING, Phase.CHALLENGE):
            assert run.apply(Done())
        assert run.apply(Continue())
    assert run.apply(command_for(engine, "assess", Rating.GOOD))  # type: ignore[arg-type]
    assert run.apply(command_for(engine, "assess interviewer", Rating.POOR))  # type: ignore[arg-type]
    assert run.apply(Quit())
    return run


def view_of(run: Run) -> CandidateView:
    return candidate_view(run.engine.record, run.engine.state, run.engine.offset())


def test_the_markdown_copy_holds_both_sides_of_a_revealed_round_and_says_whose_copy_it_is() -> None:
    run = first_round_revealed()
    markdown = render_candidate_markdown(view_of(run), SAVED)
    assert markdown.startswith("# Mock interview: Marked (the candidate's copy)\n")
    assert "- **Saved:** 2026-03-02 14:05 UTC" in markdown and "\n## Round 1: Ops (with Lee)\n" in markdown
    assert "- **Your rating:** Good" in markdown and "- **Your interviewer's rating:** Poor" in markdown
    assert "- **Gap:** you rated good, your interviewer poor" in markdown
    assert "REFERENCE-MARK-1" in markdown and "Talks about \\*retention\\*" in markdown
    assert not [marker for marker in private_now(run.engine.record, run.engine.state) if marker in markdown]


def test_an_unrevealed_round_is_said_to_be_so_and_holds_nothing_of_the_interviewer() -> None:
    run = pair_run()
    run.apply(BeginRound())
    run.apply(Note("NOTE-LINE-MARK r1"))
    run.apply(Quit())
    markdown = render_candidate_markdown(view_of(run), SAVED)
    assert "_Not revealed: the interviewer's side of this round is not in this copy._" in markdown
    assert "NOTE-LINE-MARK" not in markdown and "REFERENCE-MARK" not in markdown


def test_both_files_are_written_never_overwriting_and_the_json_is_the_view(tmp_path: Path) -> None:
    run = first_round_revealed()
    view = view_of(run)
    first = save_candidate_copy(view, tmp_path, SAVED)
    second = save_candidate_copy(view, tmp_path, SAVED)
    # The host's export's name (the pack's name, not its title; when it started, not when saved), marked as theirs.
    stem = f"{file_stem(run.engine.record)}-candidate-copy"
    assert [p.name for p in first] == [f"{stem}.md", f"{stem}.json"]
    assert stem == "mockint-marked-Ann-20260115-0930-candidate-copy"
    assert [p.name for p in second] == [p.name.replace("-copy.", "-copy-2.") for p in first]
    copy = codec.decode(first[1].read_text(encoding="utf-8"), CandidateCopy)
    assert copy.format == COPY_FORMAT and copy.saved == SAVED and copy.view == view


def test_each_challenge_in_the_copy_says_what_became_of_it() -> None:
    run = pair_run()
    engine = run.engine
    run.apply(BeginRound())
    outcomes = iter([Skip(), Done()])
    while engine.phase in (Phase.ANSWERING, Phase.CHALLENGE):
        run.clock.advance(5)
        assert run.apply(next(outcomes) if engine.phase is Phase.CHALLENGE else Done())
    lines = [line for line in render_candidate_markdown(view_of(run), SAVED).splitlines() if "**Challenge:**" in line]
    assert lines == [
        "- **Challenge:** CHALLENGE-MARK-1a — skipped after 0:05 of 0:30",
        "- **Challenge:** CHALLENGE-MARK-1b — answered in 0:05 of 0:20",
    ]
