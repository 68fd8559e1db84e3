"""The self-assessment form, the review panel and the setup screen, read as a user without colour sees them."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.apps import make_app
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static

from mockint.session.record import ChallengeRecord, ChallengeStatus, FormChoices, QuestionRecord, RoundRecord
from mockint.ui.screens.setup import SetupScreen
from mockint.core.ratings import SCALE, Rating
from mockint.ui.widgets.assessment import (
    NOT_RATED, AssessmentForm, ItemCheckbox, QuestionAssessment, RatingDescription, RatingSet,
)
from mockint.ui.widgets.capped_text import CappedTextArea
from mockint.ui.widgets.review import ReviewBody, ReviewPanel, review_content
from mockint.ui.widgets.toggles import ChoiceButton, TickBox, TickSelectionList
from mockint.core.ratings import LEVELS
from support.packs import terms

LONG_ITEM = (
    "Asked at least one clarifying question before designing anything, then restated the problem "
    "in your own words and checked the numbers with the interviewer"
)
SIZES = [(100, 30), (60, 18)]


def drawn_lines(widget: Widget) -> list[str]:
    """The widget's lines exactly as drawn on screen, styles dropped."""
    strips = widget.render_lines(Region(0, 0, widget.region.width, widget.region.height))
    return ["".join(segment.text for segment in strip) for strip in strips]


def round_record() -> RoundRecord:
    questions = [
        QuestionRecord(question_id="intro", ask="Tell me about yourself.", limit=60, checklist=("Named a result",)),
        QuestionRecord(question_id="hash", ask="What does a hash map cost?", limit=45),
    ]
    return RoundRecord(round_id="r1", title="Warm-up", interviewer="Sam", questions=questions,
                       checklist=("Introduced yourself",))


class FormApp(App[None]):
    def compose(self) -> ComposeResult:
        yield AssessmentForm(round_record(), (LONG_ITEM, "Kept time"), {"Kept time"})


class ToggleApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TickBox("off", id="off")
        yield TickBox("on", value=True, id="on")
        yield ChoiceButton("no", id="no")
        yield ChoiceButton("yes", value=True, id="yes")


# -- state without colour -------------------------------------------------------


async def test_toggles_draw_a_different_glyph_for_each_state() -> None:
    app = ToggleApp()
    async with app.run_test(size=(40, 16)):
        drawn = {name: drawn_lines(app.query_one(f"#{name}"))[1] for name in ("off", "on", "no", "yes")}
        assert "▐ ▌ off" in drawn["off"] and "X" not in drawn["off"]
        assert "▐X▌ on" in drawn["on"]
        assert "▐○▌ no" in drawn["no"] and "▐●▌ yes" in drawn["yes"]


async def test_toggling_redraws_the_glyph() -> None:
    app = ToggleApp()
    async with app.run_test(size=(40, 16)) as pilot:
        box = app.query_one("#off", TickBox)
        box.focus()
        await pilot.press("space")
        assert box.value and "▐X▌ off" in drawn_lines(box)[1]


async def test_assessment_checkboxes_and_ratings_read_without_colour() -> None:
    app = FormApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        boxes = {box.item: drawn_lines(box)[0] for box in app.query(ItemCheckbox)}
        assert boxes["Kept time"].lstrip().startswith("▐X▌") and boxes["Named a result"].lstrip().startswith("▐ ▌")
        row = " ".join(drawn_lines(button)[0] for button in app.query(RatingSet).first().query(ChoiceButton))
        assert row.count("●") == 1 and row.count("○") == 4 and "▐●▌ Good" in row


# -- long checklist items wrap ------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_long_checklist_items_wrap_with_every_word_visible(size: tuple[int, int]) -> None:
    app = FormApp()
    async with app.run_test(size=size):
        box = next(b for b in app.query(ItemCheckbox) if b.item == LONG_ITEM)
        lines = drawn_lines(box)
        assert len(lines) >= 2 and box.region.right <= size[0]
        assert " ".join(" ".join(lines).split()) == "▐ ▌ " + LONG_ITEM
        # Continuation lines hang under the label's text, not under the box.
        label_column = lines[0].index("Asked")
        assert all(line[:label_column].isspace() for line in lines[1:])


# -- reflection labels --------------------------------------------------------------


async def test_reflection_fields_keep_a_visible_label_once_typed_in() -> None:
    app = FormApp()
    async with app.run_test(size=(100, 30)) as pilot:
        for name, label in (("keep", "Keep"), ("stop", "Stop"), ("start", "Start")):
            field = app.query_one(f"#reflect-{name}", CappedTextArea)
            field.focus()
            await pilot.press("x", "y")
            assert field.text == "xy"
            shown = field.parent.query_one(Label)
            assert str(shown.render()) == label and shown.region.width > 0
            assert shown.region.y == field.region.y and shown.region.right <= field.region.x


# -- ratings by digit ----------------------------------------------------------------


async def test_a_digit_anywhere_in_a_question_rates_that_question() -> None:
    app = FormApp()
    async with app.run_test(size=(100, 30)) as pilot:
        first, second = app.query(QuestionAssessment)
        assert isinstance(app.focused, ItemCheckbox) and app.focused.item == "Named a result"
        await pilot.press("4")
        first.query_one(RatingSet).focus()
        await pilot.press("2")
        second.query_one(RatingSet).focus()
        await pilot.press("5")
        assert [r.rating for r in app.query(RatingSet)] == [Rating.MIXED, Rating.NO_EVIDENCE]
        ratings = {"intro": Rating.MIXED, "hash": Rating.NO_EVIDENCE}
        assert app.query_one(AssessmentForm).build_assessment().ratings == ratings


async def test_digits_typed_in_a_reflection_stay_text() -> None:
    app = FormApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one("#reflect-start", CappedTextArea).focus()
        await pilot.press("3")
        assert app.query_one("#reflect-start", CappedTextArea).text == "3"
        assert [r.rating for r in app.query(RatingSet)] == [None, None]


async def test_the_rating_scale_is_explained_once() -> None:
    app = FormApp()
    async with app.run_test(size=(100, 30)):
        texts = [str(static.render()) for static in app.query(Static)]
        assert sum("poor, mixed, good or excellent, or no evidence" in text for text in texts) == 1


def description_of(question: QuestionAssessment) -> str:
    return " ".join(str(question.query_one(RatingDescription).render()).split())


async def test_each_level_says_what_it_means_under_the_choices() -> None:
    app = FormApp()
    async with app.run_test(size=(80, 24)) as pilot:
        first, second = app.query(QuestionAssessment)
        assert description_of(first) == description_of(second) == NOT_RATED
        first.query_one(RatingSet).focus()
        await pilot.pause()
        # The level under the cursor, not taken for a choice.
        assert description_of(first) == f"{NOT_RATED} Under the cursor: Poor — {Rating.POOR.description}"
        await pilot.press("right", "right", "right")
        assert description_of(first) == f"{NOT_RATED} Under the cursor: Excellent — {Rating.EXCELLENT.description}"
        assert first.query_one(RatingSet).rating is None  # read, not chosen
        await pilot.press("left", "space")
        assert first.query_one(RatingSet).rating is Rating.GOOD
        assert description_of(first) == f"Good — {Rating.GOOD.description}"
        await pilot.press("left")
        assert description_of(first) == f"Rated good. Under the cursor: Mixed — {Rating.MIXED.description}"
        await pilot.press("right")
        second.query_one(RatingSet).focus()
        await pilot.press("5")
        await pilot.pause()
        # Away from the choices, the chosen level's meaning stays; no evidence is not the same as not rated.
        assert description_of(first) == f"Good — {Rating.GOOD.description}"
        assert description_of(second) == f"No evidence — {Rating.NO_EVIDENCE.description}"
        app.query_one("#reflect-keep", CappedTextArea).focus()
        await pilot.pause()
        assert description_of(second) == f"No evidence — {Rating.NO_EVIDENCE.description}"


class RestoredFormApp(App[None]):
    def compose(self) -> ComposeResult:
        yield AssessmentForm(round_record(), (), set(), choices=FormChoices(ratings={"hash": Rating.GOOD}))


async def test_a_restored_choice_is_under_the_cursor_and_described_when_focused() -> None:
    app = RestoredFormApp()
    async with app.run_test(size=(80, 24)) as pilot:
        first, second = app.query(QuestionAssessment)
        assert description_of(second) == f"Good — {Rating.GOOD.description}"
        second.query_one(RatingSet).focus()
        await pilot.pause()
        assert description_of(second) == f"Good — {Rating.GOOD.description}"  # not Poor, the first choice
        await pilot.press("right")
        assert description_of(second) == f"Rated good. Under the cursor: Excellent — {Rating.EXCELLENT.description}"
        assert second.query_one(RatingSet).rating is Rating.GOOD  # moving reads a level, it does not choose it
        first.query_one(RatingSet).focus()
        await pilot.pause()
        assert description_of(first) == f"{NOT_RATED} Under the cursor: Poor — {Rating.POOR.description}"


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 18)])
async def test_every_choice_and_its_meaning_show_whole_at_every_size(size: tuple[int, int]) -> None:
    app = FormApp()
    async with app.run_test(size=size) as pilot:
        question = app.query(QuestionAssessment).first()
        question.query_one(RatingSet).focus()
        await pilot.press("4")
        await pilot.pause()
        buttons = list(question.query(ChoiceButton))
        assert [" ".join(drawn_lines(b)[0].split()) for b in buttons] == [
            f"▐{'●' if level is Rating.EXCELLENT else '○'}▌ {level.label}" for level in SCALE
        ]
        assert all(b.region.right <= question.region.right for b in buttons)
        assert len({b.region.y for b in buttons}) == (1 if size[0] >= 80 else 2)
        described = question.query_one(RatingDescription)
        assert " ".join(" ".join(drawn_lines(described)).split()) == f"Excellent — {Rating.EXCELLENT.description}"


# -- review ------------------------------------------------------------------------------


def review_lines(record: QuestionRecord, width: int = 50) -> list[str]:
    return str(review_content(record, width)).splitlines()


def reviewed(answer: str = "I would set a TTL per kind of data") -> QuestionRecord:
    return QuestionRecord(
        question_id="cache", ask="Design a cache.", limit=60, answer=answer,
        guide=("What is cached, for how long, and which TTL fits each kind of data the service returns",
               "How stale data is handled"),
        keywords=terms("TTL", "stale"),
    )


def test_wrapped_guide_items_hang_under_their_text() -> None:
    lines = review_lines(reviewed())
    first = next(i for i, line in enumerate(lines) if "•" in line)
    text_column = lines[first].index("What")
    continuation = lines[first + 1]
    assert "•" not in continuation and continuation[:text_column].isspace() and continuation[text_column] != " "


def test_review_names_the_mentioned_term_and_claims_no_verdict() -> None:
    text = "\n".join(review_lines(reviewed(), width=120))
    assert "(mentioned: TTL)" in text and "mentioned: stale" not in text
    assert "covered" not in text.replace("What a strong answer covers", "") and "✓" not in text
    assert "No answer typed" not in text


def test_review_says_when_no_answer_was_typed() -> None:
    record = reviewed(answer="  \n")
    record.challenges.append(ChallengeRecord(ask="And the worst case?", limit=30, status=ChallengeStatus.ANSWERED))
    text = "\n".join(review_lines(record, width=120))
    assert "No answer typed." in text and "no answer typed (0:00 / 0:30)" in text
    skipped = reviewed(answer="")
    skipped.skipped = True
    assert "No answer typed" not in "\n".join(review_lines(skipped)) 


def test_review_shows_the_kit_but_never_the_reference_answer() -> None:
    record = reviewed(answer="A TTL per kind of data, and I would mark stale entries.")
    record.keywords = terms(("TTL", "time to live", "过期时间"), "stale", ("eviction", "LRU"))
    record.facts = ("Reads outnumber writes 100 to 1",)
    record.anchors = {level: f"{level.label} ANCHOR" for level in LEVELS}
    record.reference = "REFERENCE-ANSWER"
    record.challenges.append(ChallengeRecord(
        ask="And when the cache is cold?", limit=30, status=ChallengeStatus.ANSWERED, answer="Warm it first.",
        guide=("Names a warm-up, and what it costs in wrapped words that go on and on",),
    ))  # fmt: skip
    lines = review_lines(record, width=60)
    text = "\n".join(lines)
    assert "REFERENCE-ANSWER" not in text
    assert "Facts to give if asked\n  • Reads outnumber writes 100 to 1" in text
    assert "What each rating looks like" in text
    assert [line.strip() for line in lines if "ANCHOR" in line] == [
        "• Poor: Poor ANCHOR", "• Mixed: Mixed ANCHOR", "• Good: Good ANCHOR", "• Excellent: Excellent ANCHOR",
    ]  # fmt: skip
    guide = lines.index("  A good answer covers:")
    assert lines[guide - 1] == "  Your answer: Warm it first."
    assert lines[guide + 1].startswith("    • Names a warm-up") and lines[guide + 2].startswith("      ")
    assert "Keywords you used: TTL, stale" in text and "Keywords not used: eviction" in text


# -- setup ----------------------------------------------------------------------------------


async def open_setup(app: App[None], pilot: object) -> SetupScreen:
    app.screen.query_one("#packs", OptionList).highlighted = 0
    await pilot.press("enter")  # type: ignore[attr-defined]
    assert isinstance(app.screen, SetupScreen)
    return app.screen


@pytest.mark.parametrize("size", SIZES)
async def test_setup_explains_each_mode_in_a_line(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        setup = await open_setup(app, pilot)
        help_text = " ".join(" ".join(drawn_lines(setup.query_one("#mode-help"))).split())
        assert "Practice: hints, the guide shown after each answer, overtime allowed." in help_text
        assert "Pressure: no hints, interruptions, the interviewer moves on at time-up." in help_text


async def test_setup_mode_buttons_read_without_colour(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        setup = await open_setup(app, pilot)
        assert "●" in drawn_lines(setup.query_one("#practice"))[0]
        assert "○" in drawn_lines(setup.query_one("#pressure"))[0]
        await pilot.click("#pressure")
        assert "○" in drawn_lines(setup.query_one("#practice"))[0]
        assert "●" in drawn_lines(setup.query_one("#pressure"))[0]


def drawn_boxes(widget: Widget) -> list[str]:
    """What each drawn checkbox `▐?▌` holds, top to bottom."""
    return [line[line.index("▐") + 1] for line in drawn_lines(widget) if "▐" in line]


async def test_setup_round_list_reads_without_colour(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        setup = await open_setup(app, pilot)
        rounds = setup.query_one("#rounds", TickSelectionList)
        assert drawn_boxes(rounds) == ["X", "X"]
        await pilot.press("space")  # the first round, highlighted, is left out
        await pilot.pause()
        assert drawn_boxes(rounds) == [" ", "X"]
        assert setup.options().round_ids == ("02-design",)


@pytest.mark.parametrize("size", SIZES)
async def test_setup_boxes_stand_in_one_column(tmp_path: Path, size: tuple[int, int]) -> None:
    """Shuffle, save and pair are one list of choices: their boxes line up, on screen as in the widgets."""
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        setup = await open_setup(app, pilot)
        boxes = [setup.query_one(box, TickBox) for box in ("#shuffle", "#save", "#pair")]
        assert len({box.region.x for box in boxes}) == 1
        assert len({drawn_lines(box)[0].index("▐") for box in boxes}) == 1


async def test_the_pair_box_asks_the_interviewers_name_and_starts_the_console(tmp_path: Path) -> None:
    from mockint.ui.screens.pair import PairScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        setup = await open_setup(app, pilot)
        assert not setup.query_one("#interviewer").display and not setup.options().pair
        await pilot.click("#pair")
        assert setup.query_one("#interviewer").display
        setup.query_one("#candidate", Input).value = "Ann"
        setup.query_one("#interviewer", Input).value = " Bo "
        options = setup.options()
        assert (options.pair, options.candidate, options.interviewer) == (True, "Ann", "Bo")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PairScreen)
        assert app.engine is not None and app.engine.record.interviewer == "Bo" and app.engine.record.pair


async def test_shuffle_box_starts_a_shuffled_run_with_a_recorded_seed(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        setup = await open_setup(app, pilot)
        assert not setup.options().shuffle
        await pilot.click("#shuffle")
        assert setup.options().shuffle and setup.options().seed is None
        await pilot.press("ctrl+s")
        await pilot.pause()
        engine = app.engine
        assert engine is not None
        assert engine.record.seed is not None


class ReviewApp(App[None]):
    """A bare app showing the review panel: the panel brings its own styles."""

    def compose(self) -> ComposeResult:
        yield ReviewPanel()

    def on_mount(self) -> None:
        self.query_one(ReviewPanel).show_review(reviewed(), 1, 2)


@pytest.mark.parametrize("size", SIZES)
async def test_review_panel_draws_hanging_bullets_at_its_own_width(size: tuple[int, int]) -> None:
    app = ReviewApp()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        lines = drawn_lines(app.query_one(ReviewBody))
        first = next(i for i, line in enumerate(lines) if "•" in line)
        text_column = lines[first].index("What")
        continuation = lines[first + 1]
        assert continuation[:text_column].strip("│ ") == "" and continuation[text_column] != " "
        drawn = " ".join(" ".join(line.strip("│ ") for line in lines).split())
        assert "• What is cached, for how long, and which TTL fits each kind of data the service returns" in drawn
        assert "(mentioned: TTL)" in drawn and "• How stale data is handled" in drawn


def test_review_shows_the_answer_and_its_time_next_to_the_guide() -> None:
    record = reviewed(answer="I would set a TTL\n[bold]per kind[/] of data\x1b[2J")
    record.time_used = 83.6
    record.challenges.append(
        ChallengeRecord(ask="And on a miss?", limit=30, status=ChallengeStatus.ANSWERED, answer="Load it.", time_used=12)
    )
    lines = review_lines(record, width=120)
    heading = lines.index("Your answer (1:23 / 1:00)")
    assert lines[heading + 1 : heading + 3] == ["I would set a TTL", "[bold]per kind[/] of data\\x1b[2J"]
    assert heading < next(i for i, line in enumerate(lines) if line == "What a strong answer covers")
    assert "  answered in 0:12 / 0:30" in lines and "  Your answer: Load it." in lines


def test_review_of_a_skipped_question_shows_no_answer_heading() -> None:
    skipped = reviewed(answer="")
    skipped.skipped = True
    text = "\n".join(review_lines(skipped, width=120))
    assert "You skipped this question." in text and "Your answer" not in text
