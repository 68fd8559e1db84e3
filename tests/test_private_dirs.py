"""Folders mockint makes for its data are the user's alone (0700), whatever the umask."""

from __future__ import annotations

import os
import shutil
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from mockint.core import paths
from mockint.packs.discovery import discover

PACKS = Path(__file__).parent / "data" / "packs"
UMASKS = pytest.mark.parametrize("mask", [0o000, 0o022, 0o777], ids=["umask 000", "umask 022", "umask 777"])
"""0o777 takes away even the owner's bits."""


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextmanager
def umask(mask: int) -> Iterator[None]:
    before = os.umask(mask)
    try:
        yield
    finally:
        os.umask(before)


@UMASKS
def test_every_missing_folder_is_made_0700(mask: int, tmp_path: Path) -> None:
    target = tmp_path / "share" / "mockint" / "cache"
    with umask(mask):
        paths.make_private_dir(target)
    assert [mode(folder) for folder in (target, target.parent, target.parent.parent)] == [0o700] * 3


@UMASKS
def test_folders_that_exist_are_left_as_they_are(mask: int, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    with umask(mask):
        paths.make_private_dir(shared / "cache")
        paths.make_private_dir(shared)
    assert (mode(shared), mode(shared / "cache")) == (0o755, 0o700)


def test_a_file_in_the_way_is_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(FileExistsError):
        paths.make_private_dir(blocker / "cache")


@UMASKS
def test_discovery_makes_a_private_data_dir_for_its_cache(mask: int, tmp_path: Path) -> None:
    rounds = tmp_path / "rounds"
    shutil.copytree(PACKS, rounds)
    settled = time.time() - 60  # files edited a while ago are cached
    for path in rounds.rglob("*.yaml"):
        os.utime(path, (settled, settled))
    data_dir = tmp_path / "home" / "mockint"
    with umask(mask):
        discover([rounds], {paths.DATA_DIR_VARIABLE: str(data_dir)})
    cache_file = data_dir / "cache" / "rounds.json"
    assert [mode(folder) for folder in (data_dir.parent, data_dir, cache_file.parent)] == [0o700] * 3
    assert mode(cache_file) & 0o077 == 0  # mkstemp's 0600, less what the umask takes
