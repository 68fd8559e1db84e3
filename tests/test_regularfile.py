"""The one function that opens a round file: regular files only, never blocking, size-capped.

Everything else (a FIFO, a socket, a device, a folder, a link loop, a broken
link, a file removed or swapped after it was checked) is refused with a
reason, and the round cache never serves or stores anything but regular files.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from support.special_files import DENIED, DEVICE, FIFO, LOOP, ROUND, finishes, refuse_to_open, write_round

from mockint.packs.loader import check_file, load_round
from mockint.packs.regularfile import UnreadableFile, read_regular_file
from mockint.packs.roundcache import RoundCache
from mockint.packs.yamlsource import MAX_FILE_BYTES

def refusal(path: Path) -> str:
    try:
        finishes(lambda: read_regular_file(path, 1024))
    except UnreadableFile as refused:
        return str(refused)
    raise AssertionError(f"{path} was read")


def test_only_regular_files_are_opened_and_everything_else_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # a socket's address must be short: bind it by a relative name
    os.mkfifo("fifo.yaml")
    os.symlink("/dev/zero", "zero.yaml")
    os.symlink("/dev/tty", "tty.yaml")  # the node exists even where no terminal can be opened
    os.symlink("loop.yaml", "loop.yaml")
    os.symlink("missing.yaml", "dangling.yaml")
    os.mkdir("folder.yaml")
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind("socket.yaml")
        assert refusal(tmp_path / "socket.yaml") == "is a socket, not a regular file"
    assert refusal(tmp_path / "fifo.yaml") == FIFO
    assert refusal(tmp_path / "zero.yaml") == DEVICE
    assert refusal(tmp_path / "tty.yaml") == DEVICE
    assert refusal(tmp_path / "loop.yaml") == LOOP
    assert refusal(tmp_path / "dangling.yaml") == "is a broken symbolic link: its target missing.yaml does not exist"
    assert refusal(tmp_path / "folder.yaml") == "is a folder, not a regular file"
    assert refusal(tmp_path / "gone.yaml") == "cannot read file: No such file or directory"
    assert opened == []  # each was refused by its type: none was ever opened
    write_round(tmp_path / "round.yaml", "Fine")
    assert read_regular_file(tmp_path / "round.yaml", 1024) == ROUND.format(title="Fine").encode()
    assert opened == [str(tmp_path / "round.yaml")]


def test_a_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    write_round(tmp_path / "real.yaml", "Linked")
    os.symlink("real.yaml", tmp_path / "link.yaml")
    assert load_round(tmp_path / "link.yaml").title == "Linked"


def change_before_opening(monkeypatch: pytest.MonkeyPatch, change: Callable[[str], object]) -> None:
    """Run `change(path)` just before each os.open: what happens after the type was checked."""
    real_open = os.open

    def changing_first(file: str, flags: int, *args: int) -> int:
        change(file)
        return real_open(file, flags, *args)

    monkeypatch.setattr(os, "open", changing_first)


def test_a_file_swapped_for_a_fifo_after_its_type_was_checked_is_refused_without_blocking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_round(tmp_path / "swapped.yaml")
    change_before_opening(monkeypatch, lambda file: (os.unlink(file), os.mkfifo(file)))
    assert refusal(path) == FIFO


def test_a_file_removed_between_listing_and_opening_is_a_diagnostic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_round(tmp_path / "vanishing.yaml")
    change_before_opening(monkeypatch, os.unlink)
    assert [str(d) for d in check_file(path)] == [f"{path}:1:1: cannot read file: No such file or directory"]


def test_an_unreadable_file_is_a_located_diagnostic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_round(tmp_path / "locked.yaml")
    refuse_to_open(monkeypatch, path)
    assert [str(d) for d in check_file(path)] == [f"{path}:1:1: {DENIED}"]


def test_a_broken_link_shows_its_target_as_printable_text(tmp_path: Path) -> None:
    os.symlink("gone\x1b]0;owned\x07.yaml", tmp_path / "odd.yaml")
    assert refusal(tmp_path / "odd.yaml") == (
        "is a broken symbolic link: its target gone\\x1b]0;owned\\x07.yaml does not exist"
    )


def test_the_size_limit_is_checked_before_opening(tmp_path: Path, opened: list[str]) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"")
    os.truncate(big, 2 * MAX_FILE_BYTES)  # sparse: nothing written
    with pytest.raises(UnreadableFile, match=r"^file is too large \(2\.0 MiB\); the limit is 1 MiB$"):
        read_regular_file(big, MAX_FILE_BYTES)
    assert opened == []


# --- the round cache --------------------------------------------------------------------


def test_a_cached_round_replaced_by_a_fifo_is_not_served(tmp_path: Path) -> None:
    path = write_round(tmp_path / "solo.yaml", "Solo")
    long_ago = time.time() - 60  # older than the cache's racy window
    os.utime(path, (long_ago, long_ago))
    cache = RoundCache(tmp_path / "cache.json")
    cache.put(path, load_round(path))
    assert cache.get(path) is not None
    path.unlink()
    os.mkfifo(path)
    os.utime(path, (long_ago, long_ago))
    assert finishes(lambda: cache.get(path)) is None
    assert [str(d) for d in finishes(lambda: check_file(path))] == [f"{path}:1:1: {FIFO}"]


def test_a_fifo_in_place_of_the_cache_file_is_an_empty_cache_and_saving_replaces_it(tmp_path: Path) -> None:
    cache_file = tmp_path / "roundcache.json"
    os.mkfifo(cache_file)
    cache = finishes(lambda: RoundCache.open(cache_file))
    path = write_round(tmp_path / "solo.yaml")
    long_ago = time.time() - 60
    os.utime(path, (long_ago, long_ago))
    cache.put(path, load_round(path))
    cache.save()
    assert finishes(lambda: RoundCache.open(cache_file)).get(path) is not None
