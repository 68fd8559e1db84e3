"""Libraries and apps for the app-shell tests: only the test packs, never the bundled ones."""

from __future__ import annotations

from pathlib import Path

from mockint.ui.app import MockintApp, StartRequest, build_app
from mockint.core.clock import FakeClock
from mockint.packs.discovery import BrokenFile, Library, load_pack
from mockint.core.model import Pack

TESTS_DIR = Path(__file__).parent
PACKS_DIR = TESTS_DIR / "data" / "packs"
BROKEN_PACK_DIR = TESTS_DIR / "data" / "app-shell" / "broken"
SIZE = (100, 30)
SLOW_TICKS = 3600.0
"""A tick interval no test reaches: the tests drive time with a FakeClock."""


def load_test_pack(path: Path) -> Pack:
    pack, broken = load_pack(path, origin="--rounds")
    assert pack is not None and not broken, broken
    return pack


def broken_files(folder: Path = BROKEN_PACK_DIR) -> tuple[BrokenFile, ...]:
    pack, broken = load_pack(folder, origin="--rounds")
    assert pack is None and broken
    return tuple(broken)


def sample_library(with_broken: bool = False) -> Library:
    packs = (load_test_pack(PACKS_DIR / "mini"), load_test_pack(PACKS_DIR / "quick.yaml"))
    return Library(packs, broken_files() if with_broken else ())


def make_app(
    data_dir: Path,
    library: Library | None = None,
    start: StartRequest | None = None,
    clock: FakeClock | None = None,
    export_dir: Path | None = None,
) -> MockintApp:
    return build_app(
        library if library is not None else sample_library(),
        clock=clock or FakeClock(),
        data_dir=data_dir,
        export_dir=export_dir,
        start=start,
        tick_interval=SLOW_TICKS,
    )
