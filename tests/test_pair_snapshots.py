"""Snapshots of a pair run: the interviewer's console, the candidate view, the scorecard and the reveal with its
calibration (tests/support/marked.marked_pack: every private text is a marker).

Review the report before accepting changes with `--snapshot-update`.
"""

from __future__ import annotations

from textual.pilot import Pilot

from mockint.core.clock import FakeClock
from mockint.core.ratings import Rating
from mockint.remote.client import CandidateClient
from mockint.remote.frames import Notes
from mockint.remote.host import Address
from mockint.ui.widgets.hosting_status import HostingStatus
from mockint.ui.widgets.assessment import RatingDescription, RatingSet
from textual.widgets import Input, Static
from mockint.ui.screens.confirm import ConfirmScreen
from mockint.ui.widgets.scorecard import HAND_IN_SCORECARD_ANYWAY, ScorecardForm
from support.apps import hosted_app, pair_app
from support.behaviour import bundled_pack
from support.marked import marked_pack
from support.pilot import engine_of, settle
from support.remote import CODE, QUIET, until

SIZE = (120, 36)


async def noted(pilot: Pilot[None]) -> None:
    """The first question, 12 seconds in: a note filed, an item ticked, a filler counted."""
    app = pilot.app
    await pilot.press("enter")
    app.clock.advance(12)  # type: ignore[attr-defined]
    await pilot.press("n", *"talks about retention", "enter", "1", "f")
    app.screen.tick()  # type: ignore[attr-defined]
    await settle(pilot)


async def to_scorecard(pilot: Pilot[None]) -> ScorecardForm:
    """The first round's scorecard as it opens, after the candidate's own assessment (excellent everywhere)."""
    await noted(pilot)
    await pilot.press("ctrl+d", "ctrl+d", "ctrl+d", "enter", "ctrl+d", "ctrl+d", "enter")
    await pilot.press("enter")  # the hand-off to the candidate
    for rating_set in pilot.app.screen.query(RatingSet):
        rating_set.choose(Rating.EXCELLENT)
    await pilot.press("ctrl+d", "enter")  # their assessment, then the hand-off back
    return pilot.app.screen.query_one(ScorecardForm)


async def scorecard(pilot: Pilot[None]) -> None:
    """The first round's scorecard, filled: mixed everywhere, a keep and a change."""
    form = await to_scorecard(pilot)
    for rating_set in form.query(RatingSet):
        rating_set.choose(Rating.MIXED)
    form.query_one("#score-keep", Input).value = "Opens with the metric"
    form.query_one("#score-change", Input).value = "Give one number"
    await settle(pilot)


async def revealed(pilot: Pilot[None]) -> None:
    await scorecard(pilot)
    pilot.app.screen.query_one(RatingSet).choose(Rating.POOR)
    await pilot.press("ctrl+d")
    await settle(pilot)


def test_interviewer_console(snap_compare: object) -> None:
    app, _ = pair_app(pack=marked_pack())
    assert snap_compare(app, terminal_size=SIZE, run_before=noted)  # type: ignore[operator]


def test_candidate_view(snap_compare: object) -> None:
    async def candidate(pilot: Pilot[None]) -> None:
        await noted(pilot)
        await pilot.press("v")
        await settle(pilot)

    app, _ = pair_app(pack=marked_pack())
    assert snap_compare(app, terminal_size=SIZE, run_before=candidate)  # type: ignore[operator]


def test_scorecard(snap_compare: object) -> None:
    app, _ = pair_app(pack=marked_pack())
    assert snap_compare(app, terminal_size=SIZE, run_before=scorecard)  # type: ignore[operator]


def test_reveal_with_calibration(snap_compare: object) -> None:
    app, _ = pair_app(pack=marked_pack())
    assert snap_compare(app, terminal_size=SIZE, run_before=revealed)  # type: ignore[operator]
    assert engine_of(app).record.rounds[0].revealed


def test_calibration_summary(snap_compare: object) -> None:
    async def summary(pilot: Pilot[None]) -> None:
        await revealed(pilot)
        await pilot.press("enter", "escape", "y")  # close the reveal, end the run at the next round's intro
        await settle(pilot)

    app, _ = pair_app(pack=marked_pack())
    assert snap_compare(app, terminal_size=SIZE, run_before=summary)  # type: ignore[operator]


async def test_the_digit_keys_rate_on_the_scorecard_and_the_level_is_described() -> None:
    """The scale's keys work for the interviewer as for the candidate: 1 poor … 4 excellent, 5 no evidence."""
    app, _ = pair_app(pack=marked_pack())
    async with app.run_test(size=SIZE) as pilot:
        await scorecard(pilot)
        form = pilot.app.screen.query_one(ScorecardForm)
        first, second = form.query(RatingSet)
        first.focus()
        await pilot.press("3")
        second.focus()
        await pilot.press("5")
        assert (first.rating, second.rating) == (Rating.GOOD, Rating.NO_EVIDENCE)
        descriptions = [str(d.render()) for d in form.query(RatingDescription)]
        assert descriptions[0].startswith("Good — ") and descriptions[1].startswith("No evidence — ")


async def test_a_scorecard_without_keep_and_change_says_so_beside_them_until_they_are_typed() -> None:
    app, _ = pair_app(pack=marked_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await scorecard(pilot)
        form = pilot.app.screen.query_one(ScorecardForm)
        keep, change = form.query_one("#score-keep", Input), form.query_one("#score-change", Input)
        keep.value = change.value = ""
        await pilot.press("ctrl+d")
        await settle(pilot)
        problem = form.query_one("#scorecard-problem")
        assert "one specific keep and one specific change" in str(problem.render())
        assert keep.has_focus and form.region.contains_region(problem.region)  # in sight beside the empty box
        await pilot.press("x", "tab")
        assert change.has_focus and "one specific keep" in str(problem.render())  # change still missing
        await pilot.press("y")
        assert str(problem.render()) == ""
        assert not engine_of(app).record.rounds[0].revealed  # typed, not handed in


async def candidate_joined(pilot: Pilot[None]) -> CandidateClient:
    """A candidate's terminal joined the hosted run, whose status then shows a port the same every run."""
    app = pilot.app
    await until(lambda: app.hosting.address is not None)  # type: ignore[attr-defined]
    address = app.hosting.address  # type: ignore[attr-defined]
    client = await CandidateClient.join(address.host, address.port, CODE, clock=FakeClock(), timing=QUIET)
    app.hosting.address = Address("127.0.0.1", 8765)  # type: ignore[attr-defined]
    return client


async def test_a_scorecard_with_questions_left_unrated_asks_before_it_goes_in() -> None:
    app, _ = pair_app(pack=marked_pack())
    async with app.run_test(size=SIZE) as pilot:
        form = await to_scorecard(pilot)
        form.query(RatingSet).first().choose(Rating.MIXED)  # the second question left unrated
        form.query_one("#score-keep", Input).value = "Opens with the metric"
        form.query_one("#score-change", Input).value = "Give one number"
        await settle(pilot)
        await pilot.press("ctrl+d")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ConfirmScreen)
        assert screen.question == "1 of 2 questions is not rated. " + HAND_IN_SCORECARD_ANYWAY
        await pilot.press("n")
        await pilot.pause()
        assert not engine_of(app).record.rounds[0].revealed and pilot.app.screen.query(ScorecardForm)
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert engine_of(app).record.rounds[0].revealed


def test_hosting_console(snap_compare: object) -> None:
    """Hosting (`mockint host`), a candidate's terminal joined: the status line under the bar, a fixed port shown."""

    async def hosting(pilot: Pilot[None]) -> None:
        app = pilot.app
        await candidate_joined(pilot)
        await noted(pilot)
        await until(lambda: "Question 1" in str(app.screen.query_one(HostingStatus).render()))
        app.clear_notifications()  # "the candidate joined" goes after a while: not in a picture of this moment
        await pilot.pause()

    app, _ = hosted_app(pack=marked_pack())
    assert snap_compare(app, terminal_size=SIZE, run_before=hosting)  # type: ignore[operator]


def test_hosts_round_intro_at_80_by_24(snap_compare: object) -> None:
    """A long intro under the hosting status: its budget and prompt in sight."""

    async def intro(pilot: Pilot[None]) -> None:
        await candidate_joined(pilot)
        await until(lambda: pilot.app.hosting.host.shown is not None)  # type: ignore[attr-defined]
        pilot.app.screen.show_hosting()  # type: ignore[attr-defined]
        pilot.app.clear_notifications()
        await settle(pilot)

    app, _ = hosted_app(pack=bundled_pack("tiktok-social-media-manager"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=intro)  # type: ignore[operator]


def test_hosting_console_at_80_by_24(snap_compare: object) -> None:
    """A challenge posed, its header wrapped whole; the candidate's notes under the kit, in sight."""

    async def console(pilot: Pilot[None]) -> None:
        client = await candidate_joined(pilot)
        await pilot.press("enter", "p")
        await client.send(Notes("1. completion rate\n2. watch time\n3. shares over likes"))
        await until(lambda: "3. shares" in str(pilot.app.screen.query_one("#candidate-notes", Static).render()))
        pilot.app.clear_notifications()
        await settle(pilot)

    app, _ = hosted_app(pack=bundled_pack("tiktok-social-media-manager"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=console)  # type: ignore[operator]
