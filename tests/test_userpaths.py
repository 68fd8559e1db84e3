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
    short_path,
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


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`home/work` is the current folder, `home` the home folder and `elsewhere` under neither."""
    root = tmp_path.resolve()
    for folder in ("home/work/rounds", "elsewhere/rounds"):
        (root / folder).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(root / "home"))
    monkeypatch.chdir(root / "home" / "work")
    return root


def test_short_path_is_relative_to_the_current_folder_inside_it(places: Path) -> None:
    assert short_path(places / "home" / "work" / "rounds" / "a.yaml") == Path("rounds/a.yaml")
    assert short_path(places / "home" / "work") == Path(".")


def test_short_path_is_under_home_outside_the_current_folder(places: Path) -> None:
    assert short_path(places / "home" / "notes" / "a.yaml") == Path("~/notes/a.yaml")
    assert short_path(places / "home") == Path("~")


def test_short_path_keeps_a_path_outside_both_in_full(places: Path) -> None:
    assert short_path(places / "elsewhere" / "rounds") == places / "elsewhere" / "rounds"


def test_short_path_keeps_a_relative_path_as_given(places: Path) -> None:
    assert short_path(Path("../notes/a.yaml")) == Path("../notes/a.yaml")


def test_short_path_resolves_links_in_the_folders_to_find_the_current_one(places: Path) -> None:
    # The current folder is always the resolved one: a path through a link to it is still inside it.
    (places / "elsewhere" / "to-work").symlink_to(places / "home" / "work")
    assert short_path(places / "elsewhere" / "to-work" / "rounds" / "a.yaml") == Path("rounds/a.yaml")


def test_short_path_shows_a_link_by_its_own_name(places: Path) -> None:
    (places / "home" / "work" / "link.yaml").symlink_to(places / "elsewhere" / "rounds" / "a.yaml")
    (places / "home" / "work" / "loop.yaml").symlink_to(places / "home" / "work" / "loop.yaml")
    assert short_path(places / "home" / "work" / "link.yaml") == Path("link.yaml")
    assert short_path(places / "home" / "work" / "loop.yaml") == Path("loop.yaml")


def test_short_path_keeps_home_as_written_when_a_folder_in_it_links_out(places: Path) -> None:
    # ~/.local/share kept elsewhere, as some people keep their dotfiles: still shown under ~.
    (places / "home" / ".local").mkdir()
    (places / "home" / ".local" / "share").symlink_to(places / "elsewhere")
    assert short_path(places / "home" / ".local" / "share" / "rounds") == Path("~/.local/share/rounds")


def test_short_path_finds_home_reached_through_a_link(places: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (places / "home-link").symlink_to(places / "home")
    monkeypatch.setenv("HOME", str(places / "home-link"))
    monkeypatch.chdir(places / "elsewhere")
    assert short_path(places / "home" / "notes" / "a.yaml") == Path("~/notes/a.yaml")
    assert short_path(places / "home-link" / "notes" / "a.yaml") == Path("~/notes/a.yaml")


def test_short_path_does_not_shorten_against_the_root(places: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir("/")
    assert short_path(places / "elsewhere" / "rounds") == places / "elsewhere" / "rounds"
    monkeypatch.setenv("HOME", "/")
    monkeypatch.chdir(places / "home" / "work")
    assert short_path(places / "elsewhere" / "rounds") == places / "elsewhere" / "rounds"


def test_short_path_without_a_current_folder_still_shortens_home(places: Path) -> None:
    gone = places / "home" / "gone"
    gone.mkdir()
    os.chdir(gone)
    gone.rmdir()
    assert short_path(places / "home" / "work" / "a.yaml") == Path("~/work/a.yaml")
    assert short_path(Path("a.yaml")) == Path("a.yaml")


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
