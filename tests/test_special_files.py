"""Names ending in .yaml that are not regular files: FIFOs, devices, link loops, broken links, folders.

Each is refused with a located reason and everything else is still found,
through discovery, `mockint list`, `mockint validate`, `mockint run` and the
app. Pure calls that could hang run under a hang guard (a daemon thread), CLI
calls as subprocesses with a timeout: neither is a timing assertion, they only
turn a hang into a failure.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import stat
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from support.apps import SIZE, make_app
from support.special_files import DENIED, DEVICE, FIFO, LOOP, finishes, is_regular, refuse_to_open, write_round
from support.tmux import Tmux, mockint_command
from textual.widgets import OptionList, Static

from mockint.core import paths
from mockint.packs.discovery import BrokenFile, discover, discovered_files, round_files_under

DANGLING = "is a broken symbolic link: its target missing.yaml does not exist"

REFUSED = [
    ("dangling.yaml", DANGLING),
    ("fifo.yaml", FIFO),
    ("loop.yaml", LOOP),
    ("piped/02.yaml", FIFO),
    ("tty.yaml", DEVICE),
    ("zero.yaml", DEVICE),
]
"""What discovery reports for the `odd_rounds` folder, in its order."""

GOOD_PACKS = ["folder.yaml", "good", "solo"]


@pytest.fixture
def odd_rounds(tmp_path: Path) -> Path:
    """A rounds folder where most names ending in .yaml are not regular files."""
    assert stat.S_ISCHR(os.stat("/dev/tty").st_mode), "/dev/tty exists as a device node on every Linux"
    root = tmp_path / "rounds"
    write_round(root / "good" / "01.yaml", "Good")
    (root / "good" / "notes.yaml").mkdir()  # a folder inside a pack: not a round file, not a problem
    os.symlink("someone@host.4242:1700000000", root / "good" / ".#01.yaml")  # an editor's lock file
    os.symlink("..", root / "good" / "up")  # a link back to the rounds folder
    write_round(root / "solo.yaml", "Solo")
    write_round(root / "folder.yaml" / "01.yaml", "A folder is a pack folder, whatever its name")
    write_round(root / "piped" / "01.yaml", "Piped")
    os.mkfifo(root / "piped" / "02.yaml")
    os.mkfifo(root / "fifo.yaml")
    os.symlink("loop.yaml", root / "loop.yaml")
    os.symlink("/dev/zero", root / "zero.yaml")
    os.symlink("/dev/tty", root / "tty.yaml")
    os.symlink("missing.yaml", root / "dangling.yaml")
    return root


@pytest.fixture
def no_bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    monkeypatch.setattr(paths, "bundled_rounds_dir", lambda: bundled)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"MOCKINT_DATA_DIR": str(tmp_path / "data")}


# --- discovery (pure) -----------------------------------------------------------------


def test_discovery_reports_each_special_file_and_offers_the_good_packs(
    odd_rounds: Path, env: dict[str, str], no_bundled: None, opened: list[str]
) -> None:
    library = finishes(lambda: discover([odd_rounds], env))
    assert library.names() == GOOD_PACKS
    assert [(b.path.relative_to(odd_rounds).as_posix(), b.first.message) for b in library.broken] == REFUSED
    assert [str(b.first) for b in library.broken] == [
        f"{odd_rounds / name}:1:1: {message}" for name, message in REFUSED
    ]
    assert all(len(b.diagnostics) == 1 for b in library.broken)
    assert [path for path in opened if not is_regular(path)] == []


def test_discovery_reports_an_unreadable_file_and_goes_on(
    odd_rounds: Path, env: dict[str, str], no_bundled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = write_round(odd_rounds / "good" / "02.yaml")
    refuse_to_open(monkeypatch, locked)
    library = finishes(lambda: discover([odd_rounds], env))
    assert library.names() == ["folder.yaml", "solo"]
    assert f"{locked}:1:1: {DENIED}" in [str(b.first) for b in library.broken]


# --- walking folders for validate -------------------------------------------------------


def test_walking_a_folder_follows_links_once_and_lists_unreadable_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "walk"
    write_round(root / "real" / "deep" / "01.yaml")
    write_round(root / "real" / "x.yaml" / "02.yaml")  # a folder named like a round is walked
    os.symlink("..", root / "real" / "deep" / "up")
    os.symlink(".", root / "real" / "self")
    os.symlink("real", root / "alias")  # before `real` in name order, but files belong to `real`
    os.symlink("loop.yaml", root / "real" / "loop.yaml")
    write_round(root / "locked" / "03.yaml")
    write_round(root / ".hidden" / "04.yaml")
    real_iterdir = Path.iterdir

    def iterdir(self: Path):  # root is not stopped by permission bits: refuse the listing instead
        if self == root / "locked":
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    found = finishes(lambda: round_files_under(root))
    assert [item.path if isinstance(item, BrokenFile) else item for item in found] == [
        root / "locked",
        root / "real" / "deep" / "01.yaml",
        root / "real" / "loop.yaml",
        root / "real" / "x.yaml" / "02.yaml",
    ]
    assert isinstance(found[0], BrokenFile)
    assert str(found[0].first) == f"{root / 'locked'}:1:1: cannot read directory: Permission denied"


def test_validate_without_paths_lists_what_discovery_reads_and_its_listing_problems(
    odd_rounds: Path, env: dict[str, str], no_bundled: None
) -> None:
    write_round(odd_rounds / "typo.yml")
    found = finishes(lambda: discovered_files([odd_rounds], env))
    shown = [
        f"{item.path.name}: {item.first.message}" if isinstance(item, BrokenFile) else str(item.relative_to(odd_rounds))
        for item in found
    ]
    assert shown == [
        "dangling.yaml",
        "fifo.yaml",
        "folder.yaml/01.yaml",
        "good/01.yaml",
        "loop.yaml",
        "piped/01.yaml",
        "piped/02.yaml",
        "solo.yaml",
        "tty.yaml",
        "typo.yml: round files must end in .yaml: rename it to typo.yaml",
        "zero.yaml",
    ]


# --- the command line, as subprocesses ----------------------------------------------------


def mockint(
    *args: str, tmp_path: Path, refuse_open: Path | None = None, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    """`python -m mockint ARGS`; with `refuse_open`, opening that file fails as unreadable
    (root can read any file, so the test cannot make one unreadable with chmod)."""
    program = ["-m", "mockint"]
    if refuse_open is not None:
        program = ["-c", REFUSING_MAIN, str(refuse_open)]
    env = {**os.environ, "MOCKINT_DATA_DIR": str(tmp_path / "data"), "MOCKINT_ROUNDS": "", "COLUMNS": "300"}
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    return subprocess.run(
        [sys.executable, *program, *args], capture_output=True, text=True, timeout=60, env=env, **kwargs
    )


REFUSING_MAIN = """\
import os, sys
from mockint.cli import main
locked, real_open = sys.argv.pop(1), os.open
def refuse(file, *args, **kwargs):
    if os.fspath(file) == locked:
        raise PermissionError(13, "Permission denied", locked)
    return real_open(file, *args, **kwargs)
os.open = refuse
sys.exit(main(sys.argv[1:]))
"""


def located_lines(root: Path) -> list[str]:
    return [f"{root / name}:1:1: {message}" for name, message in REFUSED]


@pytest.mark.parametrize("command", [["list"], []], ids=["list", "plain-mockint-piped"])
def test_list_shows_the_good_packs_and_each_refused_file(odd_rounds: Path, tmp_path: Path, command: list[str]) -> None:
    result = mockint("--rounds", str(odd_rounds), *command, tmp_path=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert set(located_lines(odd_rounds)) <= set(lines)
    assert all(f"│ {name} " in result.stdout for name in GOOD_PACKS)


def test_validate_a_folder_reports_each_refused_file_and_checks_the_rest(odd_rounds: Path, tmp_path: Path) -> None:
    result = mockint("validate", str(odd_rounds), tmp_path=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    good = ["folder.yaml/01.yaml", "good/01.yaml", "piped/01.yaml", "solo.yaml"]
    oks = [f"OK  {odd_rounds / name}" for name in good]
    assert sorted(result.stdout.splitlines()) == sorted(
        [*located_lines(odd_rounds), *oks, "10 files checked: 4 valid, 6 invalid"]
    )


def test_validate_without_paths_reports_each_refused_file(odd_rounds: Path, tmp_path: Path) -> None:
    result = mockint("--rounds", str(odd_rounds), "validate", tmp_path=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    lines = result.stdout.splitlines()
    assert set(located_lines(odd_rounds)) <= set(lines)
    assert f"OK  {odd_rounds / 'good' / '01.yaml'}" in lines


def test_validate_named_special_files_refuses_each_with_its_reason(odd_rounds: Path, tmp_path: Path) -> None:
    names = ["fifo.yaml", "zero.yaml", "tty.yaml", "loop.yaml", "dangling.yaml"]
    result = mockint("validate", *(str(odd_rounds / name) for name in names), tmp_path=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    expected = dict(REFUSED)
    assert result.stdout.splitlines() == [
        *(f"{odd_rounds / name}:1:1: {expected[name]}" for name in names),
        "5 files checked: 0 valid, 5 invalid",
    ]


def test_validate_json_locates_the_reason(odd_rounds: Path, tmp_path: Path) -> None:
    result = mockint("validate", "--json", str(odd_rounds / "fifo.yaml"), tmp_path=tmp_path)
    assert result.returncode == 1
    (report,) = json.loads(result.stdout)["files"]
    assert report["errors"] == [
        {"file": str(odd_rounds / "fifo.yaml"), "line": 1, "col": 1, "path": "", "severity": "error", "message": FIFO}
    ]


def test_validate_a_folder_named_like_a_round_checks_what_is_inside(odd_rounds: Path, tmp_path: Path) -> None:
    inside = mockint("validate", str(odd_rounds / "folder.yaml"), tmp_path=tmp_path)
    assert (inside.returncode, inside.stdout.splitlines()[0]) == (0, f"OK  {odd_rounds / 'folder.yaml' / '01.yaml'}")
    empty = mockint("validate", str(odd_rounds / "good" / "notes.yaml"), tmp_path=tmp_path)
    assert (empty.returncode, empty.stderr) == (2, f"mockint: no .yaml files in {odd_rounds / 'good' / 'notes.yaml'}\n")


def test_validate_dev_stdin_reads_a_redirected_file_and_refuses_a_pipe(tmp_path: Path) -> None:
    # On Linux /dev/stdin opens whatever stdin is: a regular file is read, a pipe refused.
    round_file = write_round(tmp_path / "round.yaml")
    with round_file.open("rb") as redirected:
        from_file = mockint("validate", "/dev/stdin", tmp_path=tmp_path, stdin=redirected)
    assert (from_file.returncode, from_file.stdout.splitlines()[0]) == (0, "OK  /dev/stdin")
    from_pipe = mockint("validate", "/dev/stdin", tmp_path=tmp_path, stdin=None, input=round_file.read_text())
    assert (from_pipe.returncode, from_pipe.stdout.splitlines()[0]) == (1, f"/dev/stdin:1:1: {FIFO}")


def test_validate_and_list_report_an_unreadable_file(odd_rounds: Path, tmp_path: Path) -> None:
    locked = write_round(odd_rounds / "good" / "02.yaml")
    checked = mockint("validate", str(locked), tmp_path=tmp_path, refuse_open=locked)
    assert (checked.returncode, checked.stdout.splitlines()[0]) == (1, f"{locked}:1:1: {DENIED}")
    listed = mockint("--rounds", str(odd_rounds), "list", tmp_path=tmp_path, refuse_open=locked)
    assert listed.returncode == 0
    assert f"{locked}:1:1: {DENIED}" in [line.strip() for line in listed.stdout.splitlines()]


def test_run_refuses_a_special_file_and_finds_packs_beside_them(odd_rounds: Path, tmp_path: Path) -> None:
    fifo = mockint("run", str(odd_rounds / "fifo.yaml"), tmp_path=tmp_path)
    path = odd_rounds / "fifo.yaml"
    assert (fifo.returncode, fifo.stderr.splitlines()) == (
        1,
        [f"mockint: cannot run {path}: it has broken files", f"{path}:1:1: {FIFO}"],
    )
    unknown = mockint("--rounds", str(odd_rounds), "run", "nope", tmp_path=tmp_path)
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("mockint: unknown pack 'nope'; available packs: folder.yaml, good, solo, ")


# --- the app ------------------------------------------------------------------------------


async def test_the_app_opens_with_the_good_packs_and_lists_the_refused_files(
    odd_rounds: Path, tmp_path: Path, env: dict[str, str], no_bundled: None
) -> None:
    library = finishes(lambda: discover([odd_rounds], env))
    app = make_app(tmp_path, library=library)
    async with app.run_test(size=SIZE):
        packs = app.screen.query_one("#packs", OptionList)
        assert [packs.get_option_at_index(i).id for i in range(packs.option_count)] == GOOD_PACKS
        broken = str(app.screen.query_one("#broken", Static).content)
        # Shown relative to the working folder or home when under them: compare from the file name on.
        for name, message in REFUSED:
            assert f"/{name}:1:1: {message}\n" in broken + "\n"


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_in_a_real_terminal_the_home_screen_opens_and_the_keyboard_is_not_read_as_a_round(tmp_path: Path) -> None:
    """tty.yaml links to the very terminal mockint runs in: reading it would read the keyboard."""
    rounds = tmp_path / "rounds"
    write_round(rounds / "solo.yaml", "Solo")
    os.symlink("/dev/tty", rounds / "tty.yaml")
    os.mkfifo(rounds / "fifo.yaml")
    os.symlink("loop.yaml", rounds / "loop.yaml")
    tmux = Tmux(socket=f"mockint-test-{uuid.uuid4().hex[:12]}", session="files", status_file=tmp_path / "status")
    command = [*mockint_command(), "--rounds", str(rounds)]
    shell_line = f"{shlex.join(command)}; echo $? > {shlex.quote(str(tmux.status_file))}"
    tmux.run(
        "new-session", "-d", "-s", tmux.session, "-x", "100", "-y", "30", "-c", str(tmp_path),
        "-e", f"MOCKINT_DATA_DIR={tmp_path / 'data'}", "-e", "MOCKINT_ROUNDS=",
        "sh", "-c", shell_line,
    )  # fmt: skip
    try:
        screen = tmux.wait_for("Broken files")
        assert "Solo" in screen
        # Relative to the working folder, each path and reason fits on one line.
        assert f"rounds/fifo.yaml:1:1: {FIFO}" in screen
        assert f"rounds/tty.yaml:1:1: {DEVICE}" in screen
        assert "rounds/loop.yaml:1:1: is a symbolic link loop" in screen
        tmux.press("q")
        assert tmux.wait_for_exit() == 0
    finally:
        subprocess.run(["tmux", "-L", tmux.socket, "kill-server"], capture_output=True, timeout=10)
