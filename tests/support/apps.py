"""The app as `mockint` builds it (the one factory), with a fake clock and a tick nobody waits for."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot

from mockint.core.clock import FakeClock
from mockint.core.model import Pack
from mockint.packs.discovery import Library
from mockint.session.record import Mode
from mockint.session.setup import SessionOptions
from mockint.ui.app import HostRequest, MockintApp, StartRequest, build_app
from support.packs import mini_pack, sample_library

SIZE = (100, 30)
SLOW_TICKS = 3600.0
"""A tick interval no test reaches: the tests drive time with a FakeClock."""


def make_app(
    data_dir: Path,
    library: Library | None = None,
    start: StartRequest | None = None,
    clock: FakeClock | None = None,
    export_dir: Path | None = None,
) -> MockintApp:
    """The app on its home screen (or started as `start` says), over the test packs."""
    return build_app(
        library if library is not None else sample_library(),
        clock=clock or FakeClock(),
        data_dir=data_dir,
        export_dir=export_dir,
        start=start,
        tick_interval=SLOW_TICKS,
    )


def interview_app(
    mode: Mode = Mode.PRACTICE, save: bool = True, pack: Pack | None = None
) -> tuple[MockintApp, FakeClock]:
    """The real app started straight into a run of `pack` (the mini pack by default), as `mockint run` does
    (`--no-save`: save=False)."""
    clock = FakeClock()
    pack = pack or mini_pack()
    app = build_app(
        Library(packs=(pack,)),
        clock=clock,
        start=StartRequest(pack, SessionOptions(mode=mode)),
        tick_interval=SLOW_TICKS,  # the tests call the tick handler themselves
        save=save,
    )
    return app, clock


def pair_app(mode: Mode = Mode.PRACTICE, pack: Pack | None = None) -> tuple[MockintApp, FakeClock]:
    """The real app started straight into a pair run, as `mockint run PACK --pair` does; unsaved."""
    clock = FakeClock()
    pack = pack or mini_pack()
    options = SessionOptions(mode=mode, pair=True, candidate="Ann", interviewer="Bo")
    app = build_app(
        Library(packs=(pack,)), clock=clock, start=StartRequest(pack, options), tick_interval=SLOW_TICKS, save=False
    )
    return app, clock


@asynccontextmanager
async def resumed_app(data_dir: Path) -> AsyncIterator[tuple[MockintApp, Pilot[None]]]:
    """The app on `data_dir` at SIZE, its unfinished interview resumed from the home screen's offer (`r`)."""
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        yield app, pilot


def hosted_app(
    pack: Pack | None = None, code: str = "482913", data_dir: Path | None = None
) -> tuple[MockintApp, FakeClock]:
    """The real app hosting a pair run on a free loopback port, as `mockint host PACK` does; unsaved unless
    `data_dir` is given, with no heartbeats (tests check them by hand)."""
    from mockint.remote.timing import Timing

    clock = FakeClock()
    pack = pack or mini_pack()
    options = SessionOptions(pair=True, candidate="Ann", interviewer="Bo")
    app = build_app(
        Library(packs=(pack,)), clock=clock, data_dir=data_dir, start=StartRequest(pack, options),
        tick_interval=SLOW_TICKS, save=data_dir is not None,
        host=HostRequest(code, port=0, timing=Timing(heartbeat_every=None)),
    )  # fmt: skip
    return app, clock
