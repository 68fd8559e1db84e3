"""Fixtures shared by the whole test suite."""

from __future__ import annotations

import sys
from collections.abc import Iterator
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


@pytest.fixture(autouse=True)
def textual_render_caches_released() -> Iterator[None]:
    """After each test, let go of the screens Textual's style cache still holds once their app has gone.

    `StylesCache.get_inner_outer` is an lru_cache on a method: it keeps up to 1024 widgets' style caches, with
    every line they rendered, alive for the life of the process. By the end of a worker's share of the suite
    that is half its heap, and the five full collections pytest runs as a session ends then take long enough,
    on a busy machine, for pytest-xdist to send the worker the SIGINT it uses on a worker slow to exit (after
    5 s); the KeyboardInterrupt lands in the first Python code a collection runs, hypothesis's gc callback, and
    is reported as a PytestUnraisableExceptionWarning. Textual has no public way to clear it.
    """
    yield
    styles_cache = sys.modules.get("textual._styles_cache")
    if styles_cache is not None:
        styles_cache.StylesCache.get_inner_outer.cache_clear()
