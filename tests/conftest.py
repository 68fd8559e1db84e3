"""Fixtures shared by the whole test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).parent

pytest_plugins = ("support.special_files", "support.history")
"""Fixtures requested by name: `opened` (the tests of special files), `local_time_utc` (the history's dates)."""


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point mockint's data dir at a fresh temp dir so no test touches the real home.

    A separate temp dir (not the test's own tmp_path) so that files a test writes
    into tmp_path never appear as the user's rounds by accident.
    """
    data_dir = tmp_path_factory.mktemp("mockint-data")
    monkeypatch.setenv("MOCKINT_DATA_DIR", str(data_dir))
    monkeypatch.delenv("MOCKINT_ROUNDS", raising=False)
    return data_dir


@pytest.fixture
def mini_pack_dir() -> Path:
    """A small rounds directory of test packs, kept in the repository."""
    return TESTS_DIR / "data" / "packs"
