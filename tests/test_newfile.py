"""The one way mockint writes a file whole or not at all (mockint.core.newfile)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from mockint.core import newfile
from mockint.core.newfile import create_new_file, replace_file


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_replace_file_writes_a_private_file_whatever_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "record.json"
    old_umask = os.umask(0)
    try:
        replace_file(target, b"new")
    finally:
        os.umask(old_umask)
    assert target.read_bytes() == b"new"
    assert mode_of(target) == 0o600


def test_replace_file_replaces_what_is_there(tmp_path: Path) -> None:
    target = tmp_path / "record.json"
    target.write_bytes(b"old")
    replace_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert [path.name for path in tmp_path.iterdir()] == ["record.json"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "record.json"
    target.write_bytes(b"old")

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(newfile.os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        replace_file(target, b"new")
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["record.json"]


def test_create_new_file_never_replaces_and_follows_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "round.yaml"
    old_umask = os.umask(0o022)
    try:
        create_new_file(target, "title: é\n")
    finally:
        os.umask(old_umask)
    assert target.read_text(encoding="utf-8") == "title: é\n"
    assert mode_of(target) == 0o644
    with pytest.raises(FileExistsError):
        create_new_file(target, "other\n")
    assert target.read_text(encoding="utf-8") == "title: é\n"
    assert [path.name for path in tmp_path.iterdir()] == ["round.yaml"]
