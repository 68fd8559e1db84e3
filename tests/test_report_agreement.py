"""The summary screen and the transcripts report the same figures: they come from one place."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from textual.widgets import DataTable, Static

from support.apps import SIZE, interview_app
from support.pilot import finish_in_app
from mockint.exporters.html import render_html
from mockint.exporters.markdown import render_markdown
from mockint.core.ratings import Rating
from mockint.analysis.insights import session_insights
from mockint.exporters.candidate_copy import render_candidate_markdown
from mockint.exporters.content import NOTHING_REACHED, answer_time
from mockint.session.commands import AddMinute, BeginRound, Command, Continue, Done, PoseChallenge, Quit, SkipChallenge
from mockint.session.setup import SessionOptions
from mockint.session.views import candidate_view
from mockint.ui.screens.summary import SummaryScreen, practise_text
from mockint.ui.screens.summary_table import NARROW_COLUMNS, lay_out, table_rows
from support.packs import make_pack
from support.sessions import Run, command_for


def markdown_summary_rows(markdown: str) -> dict[str, list[str]]:
    """The transcript's summary table: question → its cells after the question."""
    section = markdown.split("## Summary", 1)[1]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if re.fullmatch(r"\d+\.\d+", cells[0]):
            rows[cells[1]] = cells[2:6]
    return rows


async def test_the_summary_screen_and_the_transcript_show_the_same_figures() -> None:
    app, clock = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await finish_in_app(pilot, clock)
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        table = screen.query_one(DataTable)
        shown = {}
        for index in range(table.row_count):
            cells = [str(cell) for cell in table.get_row_at(index)]
            if cells[1]:  # a cell's lines, as the transcript's one line
                shown[" ".join(cells[0].split())] = [" ".join(cell.split()) for cell in cells[1:]]
        totals = str(screen.query_one("#summary-totals", Static).render())
        typed = str(screen.query_one("#summary-insights", Static).render())
        practise = str(screen.query_one("#summary-practise", Static).render())
        record = screen.record
    markdown = render_markdown(record)
    written = markdown_summary_rows(markdown)
    assert shown == written
    # The design round was never assessed: both say "–" for its checklist, neither "0/n".
    design = "Design a cache for a slow service that answers in two seconds."
    assert shown[design][2] == written[design][2] == "–"
    # The session's length is the header's figure, to the second and in the same form.
    length = re.search(r"\*\*Session length \(pauses excluded\):\*\* (\S+)", markdown).group(1)
    assert f"session {length} ·" in totals and length == "2m19s"
    # Practise next is on the screen, with the transcript's first pick.
    first = re.search(r"^1\. \*\*(.+?)\*\* \((.+?)\): (.+)$", markdown, re.MULTILINE)
    assert practise.startswith("Practise next:")
    assert f"1. {first.group(1)} ({first.group(2)}): {first.group(3)}" in practise
    # The typed figures under one label, the screen's and the transcripts' alike.
    assert typed.startswith("Typed (challenges included): ") and typed in markdown.splitlines()
    label, figures = typed.split(": ", 1)
    assert f"<strong>{label}:</strong> {figures}</p>" in render_html(record)


def pair_run_with_challenges_and_a_minute() -> Run:
    """A pair run of the demo pack: question 1 answered 0:13 with a minute added, a challenge posed at 0:13 and
    answered in 0:24, the other skipped; question 2 answered 0:03, its challenge answered in 0:02."""
    run = Run(make_pack(), SessionOptions(pair=True, candidate="Ana", interviewer="Ben"))
    run.apply(BeginRound())
    steps: list[tuple[float, Command]] = [
        (13, AddMinute()), (0, PoseChallenge(0)), (24, Done()), (0, SkipChallenge(1)), (0, Done()), (0, Continue()),
        (3, PoseChallenge(0)), (2, Done()), (0, Done()), (0, Continue()),
    ]  # fmt: skip
    for seconds, command in steps:
        run.clock.advance(seconds)
        assert run.apply(command), command
    assert run.apply(command_for(run.engine, "assess", Rating.GOOD))  # type: ignore[arg-type]
    assert run.apply(command_for(run.engine, "assess interviewer", Rating.MIXED))  # type: ignore[arg-type]
    assert run.apply(Quit())
    return run


def test_a_pair_run_s_summary_screen_times_are_the_review_s_and_every_transcript_s() -> None:
    run = pair_run_with_challenges_and_a_minute()
    record = run.engine.record
    expected = ["0:13 of 2:00 + challenges 0:24 of 0:30", "0:03 of 2:00 + challenges 0:02 of 0:30"]
    wide = [" ".join(row.cells[2].split()) for row in table_rows(record) if not row.is_round]
    narrow = lay_out(table_rows(record), 60)
    assert narrow.columns == NARROW_COLUMNS
    details = [" ".join(cell[1].split()) for cell in narrow.rows if cell[1]]
    assert wide[:2] == expected and all(f"time {time}" in text for time, text in zip(expected, details))
    markdown = render_markdown(record)
    answer_lines = re.findall(r"^\*Answer time: (.+?)(?: · [^*]*)?\*$", markdown, re.MULTILINE)
    assert answer_lines == expected
    assert all(f"| {time} |" in markdown for time in expected)  # the transcript's own summary table
    view = candidate_view(record, run.engine.state, run.engine.offset())
    copy = render_candidate_markdown(view, datetime.now(timezone.utc))
    assert re.findall(r"^- \*\*Time:\*\* (.+)$", copy, re.MULTILINE)[:2] == expected
    assert answer_time(record.rounds[0].questions[0]) == "0:13 of 2:00"  # the review's and the reveal's figure


def test_a_run_ended_before_any_question_says_so_instead_of_nothing_standing_out() -> None:
    run = Run(make_pack(), SessionOptions())
    assert run.apply(Quit())  # at the first round's intro
    record = run.engine.record
    assert practise_text(record, session_insights(record)) == f"Practise next: {NOTHING_REACHED}"
    assert NOTHING_REACHED in render_markdown(record) and NOTHING_REACHED in render_html(record)
    assert "Nothing stood out" not in render_markdown(record)
