"""The summary screen and the transcripts report the same figures: they come from one place."""

from __future__ import annotations

import re

from textual.widgets import DataTable, Static

from support.apps import SIZE, interview_app
from support.pilot import finish_in_app
from mockint.exporters.html import render_html
from mockint.exporters.markdown import render_markdown
from mockint.ui.screens.summary import SummaryScreen


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
            if cells[1]:
                shown[" ".join(cells[0].split())] = cells[1:]
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
