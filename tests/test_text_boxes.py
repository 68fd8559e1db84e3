"""The free-text boxes: capped at MAX_CHARS whatever puts text in, never cut silently; keep/stop/start keep every line."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from support.apps import SIZE, interview_app
from support.pilot import engine_of, hand_in_unrated, interview
from mockint.exporters.html import render_html
from mockint.exporters.markdown import render_markdown
from mockint.session.record import Reflection
from mockint.session.state import Phase
from mockint.ui.widgets.assessment import AssessmentForm
from mockint.ui.widgets.capped_text import FULL_SUBTITLE, MAX_CHARS, CappedTextArea, cut_notice


def capture_notices(app: App[None]) -> list[str]:
    notices: list[str] = []
    app.notify = lambda message, **_: notices.append(message)  # type: ignore[method-assign]
    return notices


def capture_bells(app: App[None]) -> list[None]:
    bells: list[None] = []
    app.bell = lambda: bells.append(None)  # type: ignore[method-assign]
    return bells


async def paste(pilot: Pilot[None], text: str) -> None:
    """A terminal paste: the app hands it to the focused widget."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def test_the_notice_names_how_much_was_cut() -> None:
    assert cut_notice(50_000) == (
        "50,000 characters did not fit and were left out: a text box holds at most 100,000 characters."
    )
    assert cut_notice(1).startswith("1 character did not fit and was left out")


# -- the answer boxes ------------------------------------------------------------------


async def test_a_paste_over_the_cap_keeps_what_fits_says_how_much_was_cut_and_reaches_the_record() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        notices = capture_notices(app)
        await pilot.press("enter")
        box = app.focused
        assert isinstance(box, CappedTextArea) and box.id == "main-answer"
        await paste(pilot, "a" * MAX_CHARS + "b" * 50_000)
        assert box.text == "a" * MAX_CHARS
        assert box.cursor_location == (0, MAX_CHARS)
        assert notices == [cut_notice(50_000)]
        assert box.border_subtitle == FULL_SUBTITLE
        await pilot.press("ctrl+d")
        assert engine_of(app).record.rounds[0].questions[0].answer == "a" * MAX_CHARS


async def test_a_pasted_escape_sequence_is_kept_as_visible_text_and_never_reaches_the_terminal() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        box = app.focused
        assert isinstance(box, CappedTextArea)
        await paste(pilot, "clear\x1b[2J title\x1b]0;pwned\x07 \u202eevil\r\nnext line\tend")
        assert box.text == "clear\\x1b[2J title\\x1b]0;pwned\\x07 \\u202eevil\nnext line\tend"
        await pilot.press("ctrl+d")
        assert engine_of(app).record.rounds[0].questions[0].answer == box.text


async def test_typing_at_the_cap_is_refused_and_said_once_then_rings_the_bell() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        notices = capture_notices(app)
        bells = capture_bells(app)
        await pilot.press("enter")
        box = app.focused
        assert isinstance(box, CappedTextArea)
        await paste(pilot, "a" * (MAX_CHARS - 1))
        await pilot.press("x")
        assert len(box.text) == MAX_CHARS and box.text.endswith("x")
        assert notices == [] and box.border_subtitle == FULL_SUBTITLE
        await pilot.press("y")
        assert notices == [cut_notice(1)]
        await pilot.press("z", "z")
        assert box.text.endswith("ax") and len(box.text) == MAX_CHARS
        assert notices == [cut_notice(1)] and len(bells) == 2  # no pile of notices for keys held down
        await pilot.press("backspace")
        assert box.border_subtitle == ""
        await pilot.press("w")
        assert box.text.endswith("aw") and len(box.text) == MAX_CHARS
        await pilot.press("v")
        assert notices == [cut_notice(1), cut_notice(1)]  # full again: said again
        # A paste into a full box is always said, however often.
        await paste(pilot, "more")
        assert notices[-1] == cut_notice(4)


async def test_a_challenge_answer_is_capped_too() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        notices = capture_notices(app)
        engine = engine_of(app)
        await pilot.press("enter", "ctrl+d")  # practice mode poses the challenge after the answer
        assert engine.phase is Phase.CHALLENGE
        box = app.focused
        assert isinstance(box, CappedTextArea) and box.id == "challenge-answer"
        await paste(pilot, "c" * (MAX_CHARS + 7))
        assert len(box.text) == MAX_CHARS and notices == [cut_notice(7)]
        interview(app).action_done()
        assert engine.record.rounds[0].questions[0].challenges[0].answer == "c" * MAX_CHARS


# -- every way in ------------------------------------------------------------------------


class BoxApp(App[None]):
    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.initial_text = text

    def compose(self) -> ComposeResult:
        yield CappedTextArea(self.initial_text)


async def test_text_made_with_the_box_is_capped_and_said_once_mounted() -> None:
    app = BoxApp("m" * (MAX_CHARS + 3))
    notices = capture_notices(app)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert len(app.query_one(CappedTextArea).text) == MAX_CHARS
        assert notices == [cut_notice(3)]


@pytest.mark.parametrize("way", ["load_text", "text", "insert", "replace"])
async def test_text_put_in_by_code_is_capped_and_said(way: str) -> None:
    app = BoxApp()
    async with app.run_test() as pilot:
        notices = capture_notices(app)
        box = app.query_one(CappedTextArea)
        box.insert("kept ")
        text = "t" * MAX_CHARS
        if way == "load_text":
            box.load_text(text + "cut")
        elif way == "text":
            box.text = text + "cut"
        elif way == "insert":
            box.insert(text)
        else:
            box.replace(text, (0, 0), (0, 5))  # the five characters replaced make room
        await pilot.pause()
        assert len(box.text) == MAX_CHARS
        expected_cut = {"load_text": 3, "text": 3, "insert": 5, "replace": 0}[way]
        assert notices == ([cut_notice(expected_cut)] if expected_cut else [])


async def test_a_paste_over_a_selection_counts_the_selection_as_room() -> None:
    app = BoxApp("s" * MAX_CHARS)
    async with app.run_test() as pilot:
        box = app.query_one(CappedTextArea)
        box.focus()
        notices = capture_notices(app)
        box.select_all()
        await paste(pilot, "p" * (MAX_CHARS + 10))
        assert box.text == "p" * MAX_CHARS
        assert notices == [cut_notice(10)]
        box.undo()  # undo brings back what the paste replaced, within the cap
        assert box.text == "s" * MAX_CHARS


# -- keep / stop / start ------------------------------------------------------------------

REFLECTIONS = {
    "keep": "Leading with the metric\nnaming the trade-off",
    "stop": "Saying *um*\n\n- rushing the ending\n# filler",
    "start": "1. numbers first\n2. one example each\n3. a summary line",
}


async def test_a_multi_line_paste_into_keep_stop_start_keeps_every_line_in_the_record_and_exports() -> None:
    app, _ = interview_app()
    async with app.run_test(size=SIZE) as pilot:
        engine = engine_of(app)
        await pilot.press("enter", "ctrl+k", "enter", "ctrl+k", "enter")
        assert engine.phase is Phase.ASSESSMENT
        await pilot.pause()
        form = app.screen.query_one(AssessmentForm)
        for name, text in REFLECTIONS.items():
            box = form.query_one(f"#reflect-{name}", CappedTextArea)
            box.focus()
            await paste(pilot, text)
            assert box.text == text
        await hand_in_unrated(pilot)
        reflection = engine.record.rounds[0].reflection
        assert reflection == Reflection(**REFLECTIONS)
        markdown = render_markdown(engine.record).splitlines()
        html = render_html(engine.record)
    start = markdown.index("- **Keep:** Leading with the metric  ")
    assert markdown[start : start + 10] == [
        "- **Keep:** Leading with the metric  ",
        "  naming the trade-off",
        "- **Stop:** Saying \\*um\\*",
        "",
        "  \\- rushing the ending  ",
        "  \\# filler",
        "- **Start:** 1. numbers first  ",
        "  2\\. one example each  ",
        "  3\\. a summary line",
        "",
    ]
    assert "<li><strong>Keep:</strong> Leading with the metric\nnaming the trade-off</li>" in html
    assert "ul.reflection li { white-space: pre-wrap;" in html


async def test_a_reflection_box_grows_with_its_lines_then_scrolls() -> None:
    app, _ = interview_app()
    async with app.run_test(size=(60, 18)) as pilot:
        await pilot.press("enter", "ctrl+k", "enter", "ctrl+k", "enter")
        await pilot.pause()
        box = app.screen.query_one("#reflect-keep", CappedTextArea)
        assert box.size.height == 1
        box.focus()
        await paste(pilot, "one\ntwo\nthree")
        assert box.size.height == 3
        await paste(pilot, "\nfour\nfive\nsix\nseven")
        assert box.size.height == 5 and box.max_scroll_y == 2


async def test_a_reflection_box_growing_at_the_bottom_of_the_form_stays_in_view() -> None:
    app, _ = interview_app()
    async with app.run_test(size=(60, 18)) as pilot:
        await pilot.press("enter", "ctrl+k", "enter", "ctrl+k", "enter")
        await pilot.pause()
        form = app.screen.query_one(AssessmentForm)
        box = form.query_one("#reflect-start", CappedTextArea)
        for _ in range(20):  # tab down the form, as a candidate gets there: it scrolls the box just into view
            if app.focused is box:
                break
            await pilot.press("tab")
        assert app.focused is box
        await paste(pilot, "one\ntwo\nthree\nfour")
        await pilot.pause()
        assert box.size.height == 4
        assert form.content_region.contains_region(box.region), (form.content_region, box.region)
