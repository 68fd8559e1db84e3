"""mockint.core.userpaths: every way the file system refuses a path the user gave, as one error in words."""

from __future__ import annotations

import errno
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from mockint.exporters import ExportError, export_session
from mockint.exporters import files as export_files
from mockint.session.record import Mode, SessionRecord
from mockint.core.userpaths import (
    PathProblem,
    existing_folder,
    expand,
    optional_folder,
    shortening_bases,
    shown,
    working_folder,
)


def test_a_user_that_does_not_exist_is_named() -> None:
    with pytest.raises(PathProblem, match="^~mockint-no-such-user-7f3a/x: no user named mockint-no-such-user-7f3a$"):
        expand("~mockint-no-such-user-7f3a/x")


def test_home_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert expand("~/rounds") == tmp_path / "rounds"


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("missing", "the folder does not exist"),
        ("a file", "it is a file, not a folder"),
        ("through a file", "is a file, not a folder"),
        ("name too long", "File name too long"),
        ("link loop", "Too many levels of symbolic links"),
        ("NUL", "the name contains a NUL character"),
    ],
)
def test_existing_folder_says_what_is_wrong(tmp_path: Path, kind: str, reason: str) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    given = {
        "missing": tmp_path / "missing",
        "a file": tmp_path / "notes.txt",
        "through a file": tmp_path / "notes.txt" / "sub",
        "name too long": tmp_path / ("a" * 300),
        "link loop": tmp_path / "loop",
        "NUL": tmp_path / "a\0b",
    }[kind]
    with pytest.raises(PathProblem, match=reason) as raised:
        existing_folder(given, label="cannot export to")
    assert str(raised.value).startswith(f"cannot export to {shown(given)}: ")
    assert "\0" not in str(raised.value)


def test_a_folder_that_cannot_be_searched_is_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root searches any folder, so the refusal a user would get from a chmod 000 parent is made here.
    def refused(path: object, *args: object, **kwargs: object) -> os.stat_result:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(os, "stat", refused)
    with pytest.raises(PathProblem, match=f"^{tmp_path / 'locked' / 'x'}: permission denied$"):
        existing_folder(tmp_path / "locked" / "x")


def test_optional_folder_accepts_what_is_not_there_yet(tmp_path: Path) -> None:
    assert optional_folder(tmp_path / "later") == tmp_path / "later"
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(PathProblem, match="MOCKINT_DATA_DIR .*: it is a file, not a folder"):
        optional_folder(tmp_path / "notes.txt", label="MOCKINT_DATA_DIR")


def test_a_deleted_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    with pytest.raises(PathProblem, match="the current folder no longer exists"):
        working_folder()
    assert [prefix for _base, prefix in shortening_bases()] == [Path("~")]


def test_shown_keeps_a_message_on_one_readable_line() -> None:
    assert shown("/tmp/a\nb\x1b[2J") == "/tmp/a\\x0ab\\x1b[2J"
    long = "/tmp/" + "a" * 300 + "/end"
    assert shown(long) == f"{long[:60]}...{long[-37:]}" and len(shown(long)) == 100


def test_an_export_refused_while_writing_is_an_export_error_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = SessionRecord("p", "P", "", Mode.PRACTICE, datetime(2026, 1, 15, 9, 30, tzinfo=timezone.utc), [])
    target = tmp_path / "mockint-p-20260115-0930.md"

    def refused(path: object, *args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    # What a folder without write permission gives a user (root may write anywhere).
    monkeypatch.setattr(export_files, "open", refused, raising=False)
    with pytest.raises(ExportError, match=f"^could not write {target}: permission denied$"):
        export_session(record, tmp_path, ["md"])
    assert list(tmp_path.iterdir()) == []
