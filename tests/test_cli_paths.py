"""The command line given paths and environment values the file system refuses.

`~` for a user that does not exist, names too long, paths through a file,
symlink loops, a deleted current folder, locales that cannot encode a file
name: each case runs mockint in a subprocess, as a user would, and expects a
one-line `mockint: ...` error with the documented exit status (2: usage, for a
path or value that cannot be used) and never a traceback. The cases fail for
root too, so they hold wherever the tests run.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mockint import cli

PACKS_DIR = Path(__file__).parent / "data" / "packs"
NO_SUCH_USER = "mockint-no-such-user-7f3a"
LONG_NAME = "a" * 300


def run_mockint(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, **(env or {})}
    completed = subprocess.run(
        [sys.executable, "-m", "mockint", *args], capture_output=True, env=environ, timeout=60
    )
    return decoded(completed)


def run_in_deleted_folder(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """mockint run from a current folder that was deleted after the shell entered it."""
    gone = tmp_path / "gone"
    gone.mkdir()
    probe = (
        "import os, sys\n"
        f"os.chdir({str(gone)!r}); os.rmdir({str(gone)!r})\n"
        "from mockint.cli import main\n"
        f"sys.exit(main({list(args)!r}))\n"
    )
    return decoded(subprocess.run([sys.executable, "-c", probe], capture_output=True, timeout=60))


def decoded(completed: subprocess.CompletedProcess[bytes]) -> subprocess.CompletedProcess[str]:
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode("utf-8", "backslashreplace"),
        completed.stderr.decode("utf-8", "backslashreplace"),
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int, expected: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == code, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("mockint: "), result.stderr
    assert expected in result.stderr


def assert_usage_error(result: subprocess.CompletedProcess[str], expected: str) -> None:
    """argparse's own usage errors: its usage line, then one `mockint: error: ...` line."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, result.stderr
    last = result.stderr.splitlines()[-1]
    assert last.startswith("mockint") and ": error: argument" in last and expected in last, result.stderr


@pytest.fixture
def odd(tmp_path: Path) -> dict[str, tuple[str, str]]:
    """Paths nothing can use, even root, each with the reason mockint gives."""
    (tmp_path / "notes.txt").write_text("a file, not a folder", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    return {
        "no such user": (f"~{NO_SUCH_USER}/x", f"no user named {NO_SUCH_USER}"),
        "name too long": (str(tmp_path / LONG_NAME), "File name too long"),
        "through a file": (str(tmp_path / "notes.txt" / "x"), f"{tmp_path / 'notes.txt'} is a file, not a folder"),
        "link loop": (str(tmp_path / "loop"), "Too many levels of symbolic links"),
    }


def as_shown(path: str) -> str:
    """A path in a message: over 100 characters, its middle is cut so the line stays readable."""
    return path if len(path) <= 100 else f"{path[:60]}...{path[-37:]}"


KINDS = ["no such user", "name too long", "through a file", "link loop"]


# --- paths given as options and arguments -------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_rounds_option(odd: dict[str, tuple[str, str]], kind: str) -> None:
    given, reason = odd[kind]
    assert_usage_error(run_mockint("--rounds", given, "list"), f"argument --rounds: {as_shown(given)}: {reason}")


@pytest.mark.parametrize("kind", KINDS)
def test_out_option(odd: dict[str, tuple[str, str]], kind: str) -> None:
    given, reason = odd[kind]
    result = run_mockint("run", "quick", "--rounds", str(PACKS_DIR), "--out", given)
    assert_usage_error(result, f"argument --out: {as_shown(given)}: {reason}")


@pytest.mark.parametrize("kind", KINDS)
def test_run_pack_path(odd: dict[str, tuple[str, str]], kind: str) -> None:
    given, reason = odd[kind]
    assert_one_line_error(run_mockint("run", given), 2, f"mockint: {as_shown(given)}: {reason}\n")


@pytest.mark.parametrize("kind", ["name too long", "through a file"])
def test_validate_path(odd: dict[str, tuple[str, str]], kind: str) -> None:
    given, reason = odd[kind]
    assert_one_line_error(run_mockint("validate", given), 2, f"mockint: {as_shown(given)}: {reason}\n")


def test_validate_reports_a_link_loop_as_an_invalid_file(odd: dict[str, tuple[str, str]]) -> None:
    given, _reason = odd["link loop"]
    result = run_mockint("validate", given)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    assert f"{given}:1:1: is a symbolic link loop" in result.stdout


def test_validate_takes_a_tilde_as_the_shell_left_it(odd: dict[str, tuple[str, str]]) -> None:
    given, _reason = odd["no such user"]
    assert_one_line_error(run_mockint("validate", given), 2, f"mockint: no such file or folder: {given}\n")


@pytest.mark.parametrize("kind", ["name too long", "through a file", "link loop"])
def test_new_path(odd: dict[str, tuple[str, str]], kind: str, tmp_path: Path) -> None:
    given, reason = odd[kind]
    before = sorted(tmp_path.iterdir())
    result = run_mockint("new", f"{given}.yaml" if kind == "name too long" else f"{given}/round.yaml")
    assert_one_line_error(result, 2, reason)
    assert sorted(tmp_path.iterdir()) == before


# --- environment values ----------------------------------------------------------


@pytest.mark.parametrize("command", [["list"], ["validate"], ["run", "quick"]])
@pytest.mark.parametrize("kind", KINDS)
def test_data_dir_variable(odd: dict[str, tuple[str, str]], kind: str, command: list[str]) -> None:
    given, reason = odd[kind]
    result = run_mockint(*command, env={"MOCKINT_DATA_DIR": given})
    assert_one_line_error(result, 2, f"mockint: MOCKINT_DATA_DIR {as_shown(given)}: {reason}\n")


@pytest.mark.parametrize("command", [["list"], ["validate"], ["run", "quick"]])
@pytest.mark.parametrize("kind", [*KINDS, "a file"])
def test_rounds_variable(odd: dict[str, tuple[str, str]], kind: str, command: list[str], tmp_path: Path) -> None:
    given, reason = odd[kind] if kind != "a file" else (str(tmp_path / "notes.txt"), "it is a file, not a folder")
    result = run_mockint(*command, env={"MOCKINT_ROUNDS": os.pathsep.join([str(PACKS_DIR), given])})
    assert_one_line_error(result, 2, f"mockint: MOCKINT_ROUNDS entry {as_shown(given)}: {reason}\n")


def test_rounds_variable_skips_empty_and_missing_entries(tmp_path: Path) -> None:
    entries = ["", str(PACKS_DIR), str(tmp_path / "not-made-yet"), ""]
    result = run_mockint("list", env={"MOCKINT_ROUNDS": os.pathsep.join(entries), "COLUMNS": "200"})
    assert (result.returncode, result.stderr) == (0, "")
    assert "quick" in result.stdout


# --- a deleted current folder ------------------------------------------------------


def test_list_and_validate_work_from_a_deleted_folder(tmp_path: Path) -> None:
    listed = run_in_deleted_folder(tmp_path, "--rounds", str(PACKS_DIR), "list")
    assert (listed.returncode, listed.stderr) == (0, "")
    assert "quick" in listed.stdout
    checked = run_in_deleted_folder(tmp_path, "validate", str(PACKS_DIR / "quick.yaml"))
    assert (checked.returncode, checked.stderr) == (0, "")
    missing = run_in_deleted_folder(tmp_path, "validate", "round.yaml")
    assert_one_line_error(missing, 2, "no such file or folder: round.yaml")


@pytest.mark.parametrize("args", [["new", "round.yaml"], ["run", "quick", "--rounds", str(PACKS_DIR)]])
def test_new_and_run_from_a_deleted_folder_say_so(tmp_path: Path, args: list[str]) -> None:
    result = run_in_deleted_folder(tmp_path, *args)
    assert_one_line_error(result, 2, "the current folder no longer exists")


# --- locales and file names that are not UTF-8 ------------------------------------


@pytest.fixture
def undecodable_rounds(tmp_path: Path) -> Path:
    """A rounds folder holding a pack folder and a round file whose names are not valid UTF-8."""
    root = tmp_path / "rounds"
    root.mkdir()
    round_text = (PACKS_DIR / "quick.yaml").read_bytes()
    pack = os.fsencode(root) + b"/caf\xe9-pack"
    os.mkdir(pack)
    Path(os.fsdecode(pack + b"/01-round.yaml")).write_bytes(round_text)
    Path(os.fsdecode(os.fsencode(root) + b"/lone\xff.yaml")).write_bytes(round_text)
    return root


LOCALES = [
    {"LANG": "C", "LC_ALL": ""},
    {"LC_ALL": "POSIX"},
    {"LC_ALL": "xx_YY.not-a-locale"},
    # What Python does in a UTF-8 locale (strict) and in a 7-bit one, with no such locale installed.
    {"PYTHONIOENCODING": "utf-8:strict"},
    {"PYTHONIOENCODING": "ascii:strict"},
]


@pytest.mark.parametrize("locale_env", LOCALES, ids=lambda env: ",".join(f"{k}={v}" for k, v in env.items()))
@pytest.mark.parametrize("command", [["list"], ["validate"], ["validate", "--json"]])
def test_names_that_are_not_utf8_are_shown_escaped(
    undecodable_rounds: Path, locale_env: dict[str, str], command: list[str]
) -> None:
    args = ["--rounds", str(undecodable_rounds), "list"] if command == ["list"] else [*command, str(undecodable_rounds)]
    result = run_mockint(*args, env={**locale_env, "COLUMNS": "300"})
    assert (result.returncode, result.stderr) == (0, "")
    assert "caf\\udce9-pack" in result.stdout
    if command != ["list"]:
        assert "lone\\udcff.yaml" in result.stdout


# --- mockint new writes whole files or nothing ---------------------------------------


def test_new_leaves_nothing_when_the_link_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(_source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(os, "link", no_space)
    code = cli.main(["new", str(tmp_path / "round.yaml")])
    expected = f"mockint: cannot create {tmp_path / 'round.yaml'}: No space left on device\n"
    assert (code, capsys.readouterr().err) == (1, expected)
    assert list(tmp_path.iterdir()) == []


def test_new_leaves_nothing_when_writing_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_error(_descriptor: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", disk_error)
    assert cli.main(["new", str(tmp_path / "round.yaml")]) == 1
    assert "Input/output error" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_new_never_replaces_a_file_that_appears_meanwhile(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "round.yaml"
    real_link = os.link

    def someone_else_first(source: str, destination: str) -> None:
        target.write_text("theirs", encoding="utf-8")
        real_link(source, destination)

    monkeypatch.setattr(os, "link", someone_else_first)
    assert cli.main(["new", str(target)]) == 1
    assert "already exists; not overwriting it" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "theirs"
    assert list(tmp_path.iterdir()) == [target]


def test_new_without_hard_links_still_writes_the_whole_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def not_supported(_source: object, target: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted", str(target))  # what FAT says

    monkeypatch.setattr(os, "link", not_supported)
    target = tmp_path / "round.yaml"
    assert cli.main(["new", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert list(tmp_path.iterdir()) == [target]
