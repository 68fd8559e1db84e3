"""Snapshots of the app shell's screens at 100x30 (and the too-small notice below 60x18).

Review the report before accepting changes with `--snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.apps import SIZE, make_app
from support.packs import TESTS_DIR, sample_library
from textual.pilot import Pilot

from mockint.ui.screens.confirm import ConfirmScreen


@pytest.fixture
def repo_cwd(monkeypatch: pytest.MonkeyPatch) -> None:
    """Broken files are shown relative to the working directory: make it the same every run."""
    monkeypatch.chdir(TESTS_DIR.parent)


def test_home(snap_compare: object, repo_cwd: None, tmp_path: Path) -> None:
    app = make_app(tmp_path, library=sample_library(with_broken=True))
    assert snap_compare(app, terminal_size=SIZE)  # type: ignore[operator]


def test_home_second_pack_highlighted(snap_compare: object, tmp_path: Path) -> None:
    app = make_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, press=["down"])  # type: ignore[operator]


def test_setup(snap_compare: object, tmp_path: Path) -> None:
    app = make_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, press=["enter"])  # type: ignore[operator]


def test_confirm_modal(snap_compare: object, tmp_path: Path) -> None:
    async def ask(pilot: Pilot[None]) -> None:
        pilot.app.push_screen(ConfirmScreen("Quit the interview? What you have answered so far is kept."))
        await pilot.pause()

    app = make_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=ask)  # type: ignore[operator]


def test_too_small(snap_compare: object, tmp_path: Path) -> None:
    app = make_app(tmp_path)
    assert snap_compare(app, terminal_size=(50, 15))  # type: ignore[operator]
