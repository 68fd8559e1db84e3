"""The summary: outcomes and labelled times, a table laid out for the width, and no leaving unexported by accident."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from support.apps import SIZE, interview_app
from support.runs import pressure_run_with_every_outcome
from support.pilot import finish_in_app, settle
from mockint.core.clock import FakeClock
from mockint.ui.screens.confirm import ChoiceScreen
from mockint.ui.screens.export_dialog import ExportDialog
from mockint.ui.screens.home import HomeScreen
from mockint.exporters.content import session_totals, totals_line
from mockint.ui.screens.summary import LEAVE_QUESTION, QUIT_QUESTION, SummaryScreen
from mockint.ui.screens.summary_table import NARROW_COLUMNS, WIDE_COLUMNS, TableRow, lay_out, table_rows, wrap


def test_outcomes_mark_the_answer_time_and_the_totals() -> None:
    engine = pressure_run_with_every_outcome(FakeClock())
    rows = [row for row in table_rows(engine.record) if not row.is_round]
    assert [row.cells[1] for row in rows] == ["no answer typed", "cut off at the limit", "cut off at the limit"]
    totals = session_totals(engine.record)
    # Only the cut-off answer with text in it counts as answered.
    assert (totals.answered, totals.no_answer, totals.skipped, totals.not_reached) == (1, 2, 0, 0)
    assert totals_line(totals).startswith("Answered 1 · no answer 2 · skipped 0 · answering time ")


def test_wide_layout_gives_the_question_the_width_the_figures_leave() -> None:
    rows = [TableRow(("Round", "", "", "", ""), is_round=True),
            TableRow(("Design a cache for a slow service " * 4, "answered", "1:00 of 2:00", "1/2", "4/5"))]
    layout = lay_out(rows, 98)
    assert layout.columns == WIDE_COLUMNS
    assert layout.widths[1:] == (8, 12, 9, 6)
    assert layout.widths[0] == 98 - 2 - 10 - sum(layout.widths[1:])
    question = layout.rows[1][0].split("\n")
    assert layout.heights == [1, 2] and len(question) == 2
    assert question[0].startswith("  Design a cache for a slow service Design")
    assert question[1].endswith("…") and all(len(line) <= layout.widths[0] for line in question)


def test_narrow_layout_folds_the_figures_into_one_labelled_column() -> None:
    rows = [TableRow(("What does a hash map cost to look up a key?", "no answer typed", "0:30 of 0:45", "–", "Mixed"))]
    layout = lay_out(rows, 58)
    assert layout.columns == NARROW_COLUMNS
    assert layout.widths[0] >= 24
    assert layout.rows[0][1].split("\n") == ["no answer typed", "time 0:30 of 0:45", "checklist – · rating Mixed"]
    assert "\n".join(layout.rows[0][0].split("\n")).replace("\n  ", " ").strip() == rows[0].cells[0]


def test_wrap_keeps_whole_words_and_marks_what_is_cut() -> None:
    assert wrap("one two three", 20, 2) == ["one two three"]
    assert wrap("one two three four five", 9, 2) == ["one two", "three fo…"]


async def test_the_table_follows_the_terminal_width() -> None:
    app, clock = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await finish_in_app(pilot, clock)
        table = app.screen.query_one(DataTable)
        assert [str(column.label) for column in table.ordered_columns] == list(WIDE_COLUMNS)
        await pilot.resize_terminal(60, 18)
        await pilot.pause()
        app.screen.on_resize()  # the screen's own Resize comes on a timer: don't wait for it
        assert [str(column.label) for column in table.ordered_columns] == list(NARROW_COLUMNS)
        assert table.row_count == 5


async def test_a_saved_run_says_where_and_leaves_without_asking(isolated_user_dirs: Path) -> None:
    app, clock = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await finish_in_app(pilot, clock)
        assert isinstance(app.screen, SummaryScreen)
        assert app.autosave is not None and app.autosave.record.parent == isolated_user_dirs / "sessions"
        saved = str(app.screen.query_one("#summary-saved").render())
        assert saved.startswith("Saved in ") and f"{app.autosave.record.name} · e exports a transcript" in saved
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_leaving_unexported_asks_and_cancel_stays() -> None:
    app, clock = interview_app(save=False)
    async with app.run_test(size=SIZE) as pilot:
        await finish_in_app(pilot, clock)
        await pilot.press("escape")
        assert isinstance(app.screen, ChoiceScreen) and app.screen.question == LEAVE_QUESTION
        assert [choice.label for choice in app.screen.choices] == ["Export", "Leave", "Cancel"]
        await pilot.press("c")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("enter", "escape")
        assert isinstance(app.screen, SummaryScreen)


async def test_quitting_the_app_unexported_asks_first() -> None:
    app, clock = interview_app(save=False)
    async with app.run_test(size=SIZE) as pilot:
        await finish_in_app(pilot, clock)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceScreen) and app.screen.question == QUIT_QUESTION
        await pilot.press("c")
        assert isinstance(app.screen, SummaryScreen) and app.is_running
        await pilot.press("ctrl+q", "q")
        await pilot.pause()
        assert not app.is_running


async def test_quitting_after_an_export_needs_no_question(tmp_path: Path) -> None:
    app, clock = interview_app()
    app.export_dir = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await finish_in_app(pilot, clock)
        await pilot.press("e")
        app.screen.action_export()
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_export_from_the_question_then_leave(tmp_path: Path) -> None:
    app, clock = interview_app(save=False)
    app.export_dir = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await finish_in_app(pilot, clock)
        await pilot.press("enter", "enter")  # the question's default is Export
        assert isinstance(app.screen, ExportDialog)
        app.screen.action_export()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert [path.suffix for path in tmp_path.iterdir()] == [".md"]


async def test_once_exported_leaving_needs_no_question(tmp_path: Path) -> None:
    app, clock = interview_app()
    app.export_dir = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await finish_in_app(pilot, clock)
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        app.screen.action_export()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen) and app.screen.exported
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)


def test_snapshot_summary_narrow(snap_compare) -> None:
    app, clock = interview_app(save=False)

    async def run_before(pilot) -> None:
        await finish_in_app(pilot, clock)
        await settle(pilot)

    assert snap_compare(app, terminal_size=(60, 18), run_before=run_before)


def test_snapshot_leave_question(snap_compare) -> None:
    app, clock = interview_app(save=False)

    async def run_before(pilot) -> None:
        await finish_in_app(pilot, clock)
        await pilot.press("escape")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
