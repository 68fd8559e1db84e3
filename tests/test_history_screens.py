"""The history, attempts and drill screens: reached from home, what they show, and snapshots at 100x30."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widget import Widget
from textual.geometry import Region
from textual.widgets import DataTable, OptionList, Static
from textual.widgets._select import SelectOverlay

from mockint.core.clock import FakeClock
from mockint.analysis.attempts import COVERAGE_SCALE, RATING_SCALE, question_histories
from mockint.core.paths import sessions_dir
from mockint.exporters import content
from mockint.session.commands import BeginRound, Count, Done, Note
from mockint.core.ratings import Rating
from mockint.session.record import Counter, QuestionAssessment, Role
from mockint.session.setup import SessionOptions
from mockint.ui.screens.confirm import ChoiceScreen
from mockint.ui.screens.attempts import (
    NARROWEST, ONE_ATTEMPT, AttemptsScreen, ScaleChart, attempt_headings, attempt_rows, bar_glyphs,
    rating_chart_label, shared_widths,
)
from mockint.ui.screens.drill import EVERYONE, WHOSE_QUESTION, DrillScreen, WhoseDrillScreen
from mockint.ui.screens.export_dialog import ExportDialog
from mockint.ui.screens.history import HistoryScreen, SavedSummaryScreen
from mockint.ui.screens.home import HomeScreen
from mockint.ui.screens.interview import InterviewScreen
from mockint.analysis.attempts import QuestionKey
from mockint.ui.app import DrillRequest, build_app
from support.apps import SIZE, make_app
from support.packs import make_pack, sample_library
from support.history import DAY_ONE, finished_record, long_named_sessions, save_finished, saved_sessions, swapped_pair
from support.pilot import engine_of, screen_text, text_of, wait_for_screen
from support.sessions import Run

pytestmark = pytest.mark.usefixtures("local_time_utc")

LATER = DAY_ONE + timedelta(days=2, hours=3)
"""The fake clock's now: the day-old weak questions are due again."""


def history_app(data_dir: Path):
    return make_app(data_dir, clock=FakeClock(wall=LATER))


def chart_lines(chart: Widget) -> list[str]:
    """The chart's rows as drawn, styles and trailing blanks dropped."""
    strips = chart.render_lines(Region(0, 0, chart.region.width, chart.region.height))
    return ["".join(segment.text for segment in strip).rstrip() for strip in strips]


async def open_history(pilot: Pilot[None]) -> None:
    await wait_for_screen(pilot, ChoiceScreen)
    await pilot.press("l")  # "later" to the offer of the unfinished interview
    await pilot.press("h")
    await pilot.pause()


async def test_history_lists_the_sessions_and_opens_one_on_its_summary(tmp_path: Path) -> None:
    first, second = saved_sessions(tmp_path)
    async with history_app(tmp_path).run_test(size=SIZE) as pilot:
        await open_history(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one(DataTable)
        assert [str(key.value) for key in table.rows][:2] == [second.id, first.id]
        assert table.row_count == 3
        await pilot.press("down", "enter")
        summary = pilot.app.screen
        assert isinstance(summary, SavedSummaryScreen) and summary.record.id == first.id
        await pilot.press("e")
        assert isinstance(pilot.app.screen, ExportDialog)
        await pilot.press("escape", "escape")
        assert isinstance(pilot.app.screen, HistoryScreen)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_attempts_of_a_question_side_by_side(tmp_path: Path) -> None:
    saved_sessions(tmp_path)
    async with history_app(tmp_path).run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("a")
        screen = pilot.app.screen
        assert isinstance(screen, AttemptsScreen)
        questions = screen.query_one(OptionList)
        assert questions.option_count == 3
        hash_map = next(i for i, h in enumerate(screen.histories) if h.latest.question.ask.startswith("What does"))
        questions.highlighted = hash_map
        await pilot.pause()
        table = screen.query_one(DataTable)
        assert len(table.columns) == 3  # the labels, then two attempts
        self_row = [str(cell) for cell in table.get_row_at(7)]
        assert self_row == ["Self", "Mixed", "Good"]
        rating = screen.query_one("#rating-chart", ScaleChart)
        coverage = screen.query_one("#coverage-chart", ScaleChart)
        assert rating.values == (2.0, 3.0) and coverage.values == pytest.approx((200 / 3, 200 / 3))  # keywords 2/3
        # Mixed then good, of poor 1 to excellent 4: neither bar empty nor both full; 67 % twice: two bars alike.
        assert chart_lines(rating) == ["    ▃▃▃", "▆▆▆ ███", "  2   3"]
        assert chart_lines(coverage) == ["▃▃▃ ▃▃▃", "███ ███", " 67  67"]
        assert not screen.query_one("#one-attempt").display


async def test_one_attempt_is_not_drawn_as_a_trend(tmp_path: Path) -> None:
    save_finished(sessions_dir(tmp_path), "Ana")
    async with history_app(tmp_path).run_test(size=SIZE) as pilot:
        await pilot.press("h", "a")  # no unfinished interview to offer first
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, AttemptsScreen) and {len(h.attempts) for h in screen.histories} == {1}
        assert not screen.query_one("#trends").display
        assert text_of(pilot.app, "#one-attempt") == ONE_ATTEMPT
        assert not set("▁▂▃▄▅▆▇█") & set(screen_text(pilot.app))


def test_a_chart_places_each_value_on_the_figure_s_whole_scale() -> None:
    """Not between the lowest and highest values drawn: a bar two rows tall, the scale's low end a sliver."""
    assert [RATING_SCALE.share(points) for points in (1, 2, 3, 4)] == pytest.approx([0, 1 / 3, 2 / 3, 1])
    assert [bar_glyphs(RATING_SCALE.share(points), 2) for points in (1, 2, 4)] == [[" ", "▁"], [" ", "▆"], ["█", "█"]]
    # A new user's first two attempts, 14 % and then 21 % covered: two low bars, the second a little higher.
    assert [bar_glyphs(COVERAGE_SCALE.share(percent), 2) for percent in (14, 21)] == [[" ", "▃"], [" ", "▄"]]
    assert bar_glyphs(None, 2) == [" ", " "]


class ChartApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ScaleChart(COVERAGE_SCALE)


async def test_a_chart_draws_a_missing_figure_as_an_empty_track_and_a_dash() -> None:
    app = ChartApp()
    async with app.run_test(size=(40, 5)) as pilot:
        chart = app.query_one(ScaleChart)
        chart.values = (14.0, None, 100.0)
        await pilot.pause()
        assert chart_lines(chart) == ["        ███", "▃▃▃     ███", " 14   – 100"]


def test_a_question_with_nothing_to_cover_has_no_coverage_rather_than_none_covered() -> None:
    record = finished_record("Ana")
    hash_map = record.rounds[0].questions[1]
    assert not hash_map.checklist
    hash_map.keywords = ()
    history = next(h for h in question_histories([record]) if h.latest.question.ask.startswith("What does"))
    assert history.latest.coverage_percent is None


def test_an_attempt_s_heading_has_as_much_of_its_date_as_tells_the_attempts_apart() -> None:
    def headings(*days: float) -> list[str]:
        return attempt_headings(question_histories([finished_record("Ana", days=d) for d in days])[0].attempts)

    assert headings(0, 1) == ["1. 2 Mar", "2. 3 Mar"]
    assert headings(0, 0.25, 1) == ["1. 2 Mar 09:30", "2. 2 Mar 15:30", "3. 3 Mar"]
    assert headings(0, 310) == ["1. 2 Mar 2026", "2. 6 Jan 2027"]


def test_the_attempts_share_the_room_those_needing_less_keeping_their_width() -> None:
    assert shared_widths([10, 12], 40) == [10, 12]
    assert shared_widths([52, 9, 10], 31) == [12, 9, 10]
    assert shared_widths([52, 51], 40) == [20, 20]
    assert shared_widths([30] * 6, 20) == [NARROWEST] * 6  # past the least, the table scrolls sideways


@pytest.mark.parametrize("attempts", [2, 3])
@pytest.mark.parametrize("columns", [80, 100])
async def test_the_attempts_table_fits_the_screen_its_cells_wrapped_not_cut(
    tmp_path: Path, columns: int, attempts: int
) -> None:
    saved_sessions(tmp_path)
    if attempts == 3:
        save_finished(sessions_dir(tmp_path), "Ana", days=1.2)  # the day of the second: their headings add the time
    async with history_app(tmp_path).run_test(size=(columns, 30)) as pilot:
        await open_history(pilot)
        await pilot.press("a")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, AttemptsScreen)
        for index, history in enumerate(screen.histories):
            screen.query_one(OptionList).highlighted = index
            await pilot.pause()
            table = screen.query_one(DataTable)
            assert len(table.columns) == attempts + 1
            assert table.virtual_size.width <= table.size.width and table.max_scroll_x == 0  # nothing cut off
            widths = [column.width for column in table.columns.values()][1:]
            texts = [("", attempt_headings(history.attempts)), *attempt_rows(history.attempts)]
            headings = [column.label for column in table.columns.values()]
            drawn = [headings, *map(table.get_row_at, range(table.row_count))]
            for (label, cells), row in zip(texts, drawn, strict=True):
                for text, cell, width in zip(cells, row[1:], widths, strict=True):
                    lines = str(cell).split("\n")
                    assert max(cell_len(line) for line in lines) <= width, (label, lines)
                    assert "".join("".join(lines).split()) == "".join(text.split()), label  # all of it, in order


async def test_the_attempts_table_fits_again_when_the_terminal_narrows(tmp_path: Path) -> None:
    saved_sessions(tmp_path)
    async with history_app(tmp_path).run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("a")
        await pilot.pause()
        table = pilot.app.screen.query_one(DataTable)
        wide = table.size.width
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        assert table.size.width < wide
        assert table.virtual_size.width <= table.size.width


async def test_drill_lists_why_and_starts_a_practice_round_of_the_pack(tmp_path: Path) -> None:
    saved_sessions(tmp_path)
    async with history_app(tmp_path).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l", "d")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, DrillScreen)
        assert [p.question.ask.split()[0] for p in screen.picks] == ["Design"]  # the hash map one was answered well since
        assert "skipped; weak 2 times in a row" in str(screen.query_one(".pick-reasons", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, InterviewScreen)
        record = engine_of(pilot.app).record
        assert (record.pack_name, record.candidate) == ("mini", "Ana")
        assert [q.question_id for q in record.questions()] == ["cache"]


async def test_mockint_drill_opens_the_app_on_the_drill_it_asked_for(tmp_path: Path) -> None:
    saved_sessions(tmp_path)
    app = build_app(sample_library(), clock=FakeClock(wall=LATER), data_dir=tmp_path, start=DrillRequest(1, "mini"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, DrillScreen)
        assert [p.history.key for p in screen.picks] == [QuestionKey("mini", "cache")]


async def test_a_drill_for_a_name_after_a_swap_is_theirs_and_saved_under_it(tmp_path: Path) -> None:
    swapped_pair(tmp_path)  # Ana, then Bo, then Ana again: the latest attempts are Ana's
    app = build_app(sample_library(), clock=FakeClock(wall=LATER), data_dir=tmp_path, start=DrillRequest(1, "mini", "Bo"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await drills_and_saves_as(pilot, "Bo", "1 question")


async def drills_and_saves_as(pilot: Pilot[None], name: str, questions: str) -> None:
    """The drill shown is `name`'s `questions`, all from their interviews; started, it is saved under their name."""
    screen = pilot.app.screen
    assert isinstance(screen, DrillScreen) and text_of(pilot.app, "#drill-title").startswith(f"Drill for {name}: {questions}")
    assert {p.history.latest.candidate for p in screen.picks} == {name}
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, InterviewScreen)
    assert engine_of(pilot.app).record.candidate == name


async def open_whose_drill(pilot: Pilot[None]) -> WhoseDrillScreen:
    """Home's drill, on a history of more than one person's: the question whose it is."""
    await pilot.pause()
    await pilot.press("d")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WhoseDrillScreen)
    return screen


async def test_the_homes_drill_asks_whose_it_is_after_a_swap_and_drills_and_saves_theirs(tmp_path: Path) -> None:
    swapped_pair(tmp_path)  # Ana, then Bo, then Ana again: the latest attempts are Ana's
    async with history_app(tmp_path).run_test(size=SIZE) as pilot:
        screen = await open_whose_drill(pilot)
        names = screen.query_one(OptionList)
        shown = [str(names.get_option_at_index(i).prompt) for i in range(names.option_count)]
        assert shown == ["Ana", "Bo", EVERYONE]  # the most recent candidate first
        assert WHOSE_QUESTION in text_of(pilot.app, "#whose-question")
        await pilot.press("down", "enter")
        await pilot.pause()
        await drills_and_saves_as(pilot, "Bo", "2 questions")


async def test_whose_drill_can_be_everyones_or_none(tmp_path: Path) -> None:
    swapped_pair(tmp_path)
    async with history_app(tmp_path).run_test(size=SIZE) as pilot:
        await open_whose_drill(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)  # asked nothing, drilled nothing
        await open_whose_drill(pilot)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        drill = pilot.app.screen
        assert isinstance(drill, DrillScreen) and drill.candidate is None
        assert text_of(pilot.app, "#drill-title").startswith("Drill: ")
        assert {p.history.latest.candidate for p in drill.picks} == {"Ana"}  # everyone's: the latest attempts


async def test_drill_with_nothing_weak_says_so_and_cannot_start(tmp_path: Path) -> None:
    async with history_app(tmp_path).run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert text_of(pilot.app, "#drill-nothing").startswith("Nothing to drill")
        await pilot.press("ctrl+s")
        assert isinstance(pilot.app.screen, DrillScreen)


# -- snapshots -----------------------------------------------------------------------


def test_snapshot_history(snap_compare: object, tmp_path: Path) -> None:
    saved_sessions(tmp_path)
    assert snap_compare(history_app(tmp_path), terminal_size=SIZE, press=["l", "h"])  # type: ignore[operator]


def test_snapshot_saved_summary(snap_compare: object, tmp_path: Path) -> None:
    saved_sessions(tmp_path)
    assert snap_compare(history_app(tmp_path), terminal_size=SIZE, press=["l", "h", "enter"])  # type: ignore[operator]


def test_snapshot_attempts(snap_compare: object, tmp_path: Path) -> None:
    saved_sessions(tmp_path)
    assert snap_compare(history_app(tmp_path), terminal_size=SIZE, press=["l", "h", "a", "down"])  # type: ignore[operator]


def test_snapshot_attempts_three_at_80_columns(snap_compare: object, tmp_path: Path) -> None:
    """The longest cells wrapped in columns sharing the width; headings with the time where two share a day."""
    saved_sessions(tmp_path)
    save_finished(sessions_dir(tmp_path), "Ana", days=1.2)
    assert snap_compare(history_app(tmp_path), terminal_size=(80, 30), press=["l", "h", "a"])  # type: ignore[operator]


def test_snapshot_drill(snap_compare: object, tmp_path: Path) -> None:
    saved_sessions(tmp_path)
    assert snap_compare(history_app(tmp_path), terminal_size=SIZE, press=["l", "d"])  # type: ignore[operator]


async def test_history_shows_one_candidates_interviews_after_a_role_swap(tmp_path: Path) -> None:
    """Everyone's at first; `c` offers the candidates' names; choosing one narrows the table and the attempts."""
    swapped_pair(tmp_path)
    async with history_app(tmp_path).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, HistoryScreen)
        assert screen.query_one(DataTable).row_count == 3
        await pilot.press("c")
        await pilot.pause()
        overlay = screen.query_one(SelectOverlay)
        assert [str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)] == ["Everyone", "Ana", "Bo"]
        await pilot.press("down", "enter")  # Ana, the latest candidate
        await pilot.pause()
        table = screen.query_one(DataTable)
        assert [str(table.get_row(key)[3]) for key in table.rows] == ["Ana", "Ana"]
        assert text_of(pilot.app, "#history-title") == "Saved interviews of Ana: 2 of 3, newest first"
        assert table.has_focus
        await pilot.press("a")
        attempts = pilot.app.screen
        assert isinstance(attempts, AttemptsScreen)
        assert {a.candidate for h in attempts.histories for a in h.attempts} == {"Ana"}
        await pilot.press("escape", "c", "up", "enter")  # everyone again
        await pilot.pause()
        assert screen.query_one(DataTable).row_count == 3


@pytest.mark.parametrize("columns", [80, 100])
async def test_the_history_table_fits_the_screen_without_scrolling_sideways(tmp_path: Path, columns: int) -> None:
    long_named_sessions(tmp_path)
    async with history_app(tmp_path).run_test(size=(columns, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        table = pilot.app.screen.query_one(DataTable)
        headings = [str(column.label) for column in table.columns.values()]
        assert headings[-2:] == ["Rating", "Id"]
        assert table.max_scroll_x == 0
        lines = str(table.get_row_at(0)[1]).split("\n")  # the newest: data-science-case-interviews
        assert "".join(lines) == "data-science-case-interviews" and all(line.endswith("-") for line in lines[:-1])
        dropped = text_of(pilot.app, "#history-dropped")
        narrow = (False, "Mode and Length left out to fit: a wider terminal shows them")
        wider = (True, "Length left out to fit: a wider terminal shows them")  # rather than a rating broken
        assert ("Mode" in headings, dropped) == (wider if columns == 100 else narrow)
        assert text_of(pilot.app, "#history-key") == "Rating: averages of 4; self: the candidate's own, int: the interviewer's"


def test_snapshot_history_at_80_columns(snap_compare: object, tmp_path: Path) -> None:
    long_named_sessions(tmp_path)
    assert snap_compare(history_app(tmp_path), terminal_size=(80, 30), press=["h"])  # type: ignore[operator]


def test_snapshot_history_of_one_candidate(snap_compare: object, tmp_path: Path) -> None:
    swapped_pair(tmp_path)
    assert snap_compare(history_app(tmp_path), terminal_size=SIZE, press=["h", "c", "down", "enter"])  # type: ignore[operator]


def test_a_pair_attempt_shows_the_notes_as_notes_no_pace_and_the_interviewer_s_counts() -> None:
    run = Run(make_pack(), SessionOptions(pair=True, candidate="Ana", interviewer="Ben"))
    run.apply(BeginRound())
    run.clock.advance(10)
    counts = [Count(Counter.FILLER)] * 3 + [Count(Counter.RAMBLING)]
    for command in [Note("um completion rate, like, engagement"), *counts, Done()]:
        assert run.apply(command), command
    record = run.engine.record
    history = next(h for h in question_histories([record]) if h.latest.question.question_id == "metrics")
    rows = dict(attempt_rows(history.attempts))
    assert content.counts_text(history.latest.question) == "Filler words 3, Rambling 1"  # what the reveal says
    assert rows["Typed"] == ["5 words of notes"] and rows["Pace"] == ["–"]
    assert rows["Fillers"] == ["3 counted"] and rows["Rambling"] == ["1 counted"]


def test_a_solo_attempt_beside_a_pair_one_has_no_interviewer_rating_rather_than_none_given() -> None:
    solo, pair = finished_record("Ana", days=0), finished_record("Ana", days=1)
    pair.pair, pair.interviewer = True, "Bo"
    question = pair.rounds[0].questions[0]
    question.assessments[Role.INTERVIEWER] = QuestionAssessment(rating=Rating.POOR)
    history = next(h for h in question_histories([solo, pair]) if h.key.question == question.question_id)
    assert dict(attempt_rows(history.attempts))["Interviewer"] == ["–", "Poor"]
    assert rating_chart_label(history.attempts).startswith("Rating over time (the lower of self and interviewer)")
    assert rating_chart_label(history.attempts[:1]) == "Rating over time, poor 1 to excellent 4"  # solo only
