"""A candidate's terminal joined to a host in the same process, for Pilot tests and snapshots: the app as
`mockint join` builds it (the one factory), over loopback, on the run's fake clock.

The tests drive the host's engine directly (as the interviewer's console would), then `shown` pushes the
candidate's view and waits until the joined screen has drawn it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from textual.pilot import Pilot

from mockint.packs.discovery import Library
from mockint.remote.client import CandidateClient
from mockint.session.commands import BeginRound, Command, Continue, Done
from mockint.session.setup import SessionOptions
from mockint.session.state import Phase
from mockint.ui.app import JoinRequest, MockintApp, build_app
from mockint.ui.screens.joined import JoinedScreen
from support.apps import SLOW_TICKS
from support.marked import marked_pack
from support.remote import CODE, QUIET, HostedRun, hosting, until
from support.sessions import Run

SIZE = (110, 34)


def pair_run() -> Run:
    """A pair run of the marked pack (every private field a marker), on a fake clock."""
    return Run(marked_pack(), SessionOptions(pair=True, candidate="Ann", interviewer="Bo"))


@dataclass
class Joined:
    pilot: Pilot[None]
    hosted: HostedRun
    client: CandidateClient

    @property
    def run(self) -> Run:
        return self.hosted.run

    @property
    def screen(self) -> JoinedScreen:
        screens = [s for s in self.pilot.app.screen_stack if isinstance(s, JoinedScreen)]
        assert screens, "the joined screen is shown"
        return screens[0]

    async def apply(self, *commands: Command) -> None:
        """Apply each command on the host (refused ones fail the test), then show the candidate the view."""
        for command in commands:
            assert self.run.apply(command), command
        await self.shown()

    async def answer_to_the_end(self) -> None:
        """Done, on the host, until the question on screen is over (its challenges too: practice poses them all)."""
        while self.run.engine.phase in (Phase.ANSWERING, Phase.CHALLENGE):
            await self.apply(Done())

    async def to_self_assessment(self) -> None:
        """Begin the round and answer each of its questions on the host, to the candidate's self-assessment."""
        await self.apply(BeginRound())
        while self.run.engine.phase is not Phase.ASSESSMENT:
            await self.answer_to_the_end()
            await self.apply(Continue())

    async def shown(self) -> None:
        """Push the candidate's view (if it changed) and wait until the joined screen has drawn it."""
        await self.hosted.host.push()
        await until(lambda: self.client.received is not None and self.client.received.view == self.hosted.host.shown)
        await until(lambda: self.screen.shown_sequence == self.client.received.sequence)  # type: ignore[union-attr]
        await self.pilot.pause()


async def join(hosted: HostedRun, host: str, port: int) -> CandidateClient:
    return await CandidateClient.join(host, port, CODE, clock=hosted.clock, timing=QUIET)


@asynccontextmanager
async def joined_app(
    run: Run | None = None, export_dir: Path | None = None, size: tuple[int, int] = SIZE
) -> AsyncIterator[Joined]:
    """The joined candidate's app, running under Pilot at `size`, over a host serving `run` (a pair run by
    default)."""
    run = run or pair_run()
    async with hosting(run) as (hosted, address):
        client = await join(hosted, address.host, address.port)
        app = joined_candidate_app(client, f"{address.host}:{address.port}", run, export_dir)
        try:
            async with app.run_test(size=size) as pilot:
                joined = Joined(pilot, hosted, client)
                await joined.shown()
                yield joined
        finally:
            await client.leave()


def joined_candidate_app(client: CandidateClient, address: str, run: Run, export_dir: Path | None) -> MockintApp:
    return build_app(
        Library(packs=()), clock=run.clock, export_dir=export_dir, start=JoinRequest(client, address),
        tick_interval=SLOW_TICKS, save=False,
    )  # fmt: skip


SHOWN_ADDRESS = "127.0.0.1:8765"
"""The address a snapshot's connection line names, whatever free port the host took."""


async def show_joined_screen(pilot: Pilot[None], run: Run) -> Joined:
    """For a snapshot, whose app runs on a loop of its own: host `run` on that loop, join it and show the joined
    screen over the app. Nothing closes the two: the loop ends with the app."""
    hosted = HostedRun(run)
    address = await hosted.host.start()
    client = await join(hosted, address.host, address.port)
    await pilot.app.push_screen(JoinedScreen(client, SHOWN_ADDRESS))
    joined = Joined(pilot, hosted, client)
    await joined.shown()
    return joined
