"""Snapshot of the candidate's screen joined from another terminal: a question 12 seconds in, counted down on the
candidate's own (fake) clock, a challenge posed, notes typed (after n). Review the report before `--snapshot-update`."""

from __future__ import annotations

from textual.pilot import Pilot

from mockint.packs.discovery import Library
from mockint.session.commands import BeginRound, PoseChallenge
from mockint.ui.app import build_app
from support.apps import SLOW_TICKS
from support.joined import SIZE, pair_run, show_joined_screen
from support.pilot import settle


def test_joined_candidate_screen(snap_compare: object) -> None:
    run = pair_run()
    app = build_app(Library(packs=()), clock=run.clock, tick_interval=SLOW_TICKS, save=False)

    async def a_challenge_posed(pilot: Pilot[None]) -> None:
        joined = await show_joined_screen(pilot, run)
        await joined.apply(BeginRound())
        await pilot.press("n", *"metrics first")
        run.clock.advance(12)
        await joined.apply(PoseChallenge(0))
        run.clock.advance(5)  # the candidate's own clock counts on between views
        joined.screen.draw()
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=a_challenge_posed)  # type: ignore[operator]
