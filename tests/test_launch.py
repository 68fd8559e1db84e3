"""`mockint run` and plain `mockint`, in-process: argument errors and what reaches the app."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest
from support.packs import BROKEN_PACK_DIR, PACKS_DIR

from mockint import cli

from mockint.cli import launch
from mockint.ui.app import MockintApp, StartRequest
from mockint.packs.discovery import Library
from mockint.session.record import Mode
from mockint.session.setup import SessionOptions


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Library, StartRequest | None, Path | None]]:
    """Record what would be launched instead of opening the app."""
    calls: list[tuple[Library, StartRequest | None, Path | None]] = []

    def fake_run_app(library: Library, start: StartRequest | None, export_dir: Path | None, save: bool) -> int:
        calls.append((library, start, export_dir))
        return 0

    monkeypatch.setattr(launch, "_run_app", fake_run_app)
    return calls


def test_run_starts_the_named_pack_with_the_options(
    capsys: pytest.CaptureFixture[str], launched: list, tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "run", "mini", "--rounds", str(PACKS_DIR), "--round", "02-design", "--pressure",
        "--shuffle", "--seed", "7", "--name", " Ana ", "--out", str(tmp_path),
    )  # fmt: skip
    assert (code, err) == (0, "")
    [(library, start, export_dir)] = launched
    assert start is not None and start.pack is library.find("mini")
    assert start.options == SessionOptions(
        mode=Mode.PRESSURE, round_ids=("02-design",), shuffle=True, seed=7, candidate="Ana"
    )
    assert export_dir == tmp_path


def test_run_pair_names_both_sides(capsys: pytest.CaptureFixture[str], launched: list) -> None:
    code, _, err = run(capsys, "run", "quick", "--rounds", str(PACKS_DIR), "--pair", "--name", "Ana", "--interviewer", " Bo ")
    assert (code, err) == (0, "")
    [(_library, start, _export_dir)] = launched
    assert start is not None and start.options == SessionOptions(candidate="Ana", interviewer="Bo", pair=True)


def test_an_interviewer_without_pair_is_a_usage_error(capsys: pytest.CaptureFixture[str], launched: list) -> None:
    code, _, err = run(capsys, "run", "quick", "--rounds", str(PACKS_DIR), "--interviewer", "Bo")
    assert (code, err) == (2, "mockint: --interviewer names the partner of a pair run: add --pair\n")
    assert launched == []


def test_run_defaults_to_practice_with_every_round(capsys: pytest.CaptureFixture[str], launched: list) -> None:
    assert run(capsys, "--rounds", str(PACKS_DIR), "run", "quick") == (0, "", "")
    [(_library, start, export_dir)] = launched
    assert start is not None and start.options == SessionOptions()
    assert export_dir is None


@pytest.mark.parametrize("given", [PACKS_DIR / "mini", PACKS_DIR / "quick.yaml"])
def test_run_takes_a_path_to_a_pack_folder_or_round_file(
    capsys: pytest.CaptureFixture[str], launched: list, given: Path
) -> None:
    assert run(capsys, "run", str(given))[0] == 0
    [(_library, start, _export_dir)] = launched
    assert start is not None and start.pack.source == given and start.pack.origin == "path"


def test_an_unknown_pack_lists_the_available_ones(capsys: pytest.CaptureFixture[str], launched: list) -> None:
    code, out, err = run(capsys, "run", "nope", "--rounds", str(PACKS_DIR))
    assert (code, out) == (2, "")
    assert err.startswith("mockint: unknown pack 'nope'; available packs: mini, quick, ")
    assert launched == []


def test_an_unknown_round_lists_the_pack_rounds(capsys: pytest.CaptureFixture[str], launched: list) -> None:
    code, _, err = run(capsys, "run", "mini", "--rounds", str(PACKS_DIR), "--round", "01-warmup", "--round", "9")
    assert code == 2
    assert err == "mockint: pack mini has no round '9'; its rounds are: 01-warmup, 02-design\n"
    assert launched == []


def test_seed_without_shuffle_is_a_usage_error(capsys: pytest.CaptureFixture[str], launched: list) -> None:
    code, _, err = run(capsys, "run", "quick", "--rounds", str(PACKS_DIR), "--seed", "3")
    assert (code, err) == (2, "mockint: --seed only makes sense with --shuffle\n")
    assert launched == []


@pytest.mark.parametrize("make", ["missing", "file"])
def test_out_must_be_an_existing_directory(
    capsys: pytest.CaptureFixture[str], launched: list, tmp_path: Path, make: str
) -> None:
    out_path = tmp_path / "out"
    if make == "file":
        out_path.write_text("not a folder", encoding="utf-8")
    code, _, err = run(capsys, "run", "quick", "--rounds", str(PACKS_DIR), "--out", str(out_path))
    assert code == 2
    expected = "the folder does not exist" if make == "missing" else "it is a file, not a folder"
    assert f"--out: {out_path}: {expected}" in err
    assert launched == []


def test_a_broken_pack_path_prints_its_errors(capsys: pytest.CaptureFixture[str], launched: list) -> None:
    code, _, err = run(capsys, "run", str(BROKEN_PACK_DIR))
    assert code == 1
    lines = err.splitlines()
    assert lines[0] == f"mockint: cannot run {BROKEN_PACK_DIR}: it has broken files"
    assert lines[1].startswith(f"{BROKEN_PACK_DIR / '01-oops.yaml'}:4:5: questions[0]: ")
    assert len(lines) == 3
    assert launched == []


def test_a_pack_name_with_a_broken_file_says_so(
    capsys: pytest.CaptureFixture[str], launched: list, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "run", "broken", "--rounds", str(BROKEN_PACK_DIR.parent))
    assert code == 2
    assert err.startswith("mockint: pack 'broken' has a broken file and is not offered: ")
    assert "01-oops.yaml:4:5" in err


def test_a_file_that_is_not_a_round_is_refused(
    capsys: pytest.CaptureFixture[str], launched: list, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    code, _, err = run(capsys, "run", str(notes))
    assert (code, err) == (2, f"mockint: {notes} is not a pack folder or a .yaml round file\n")


def test_plain_mockint_in_a_terminal_opens_the_app(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, launched: list
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert run(capsys, "--rounds", str(PACKS_DIR)) == (0, "", "")
    [(library, start, _export_dir)] = launched
    assert start is None
    assert library.names()[:2] == ["mini", "quick"]


def test_the_app_is_built_from_what_the_command_line_gives(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, isolated_user_dirs: Path
) -> None:
    apps: list[MockintApp] = []
    monkeypatch.setattr(MockintApp, "run", lambda self: apps.append(self))
    monkeypatch.setattr(launch, "require_terminal", lambda: None)  # pytest's streams are not a terminal
    monkeypatch.setenv(launch.EXIT_AFTER_PAINT_VARIABLE, "1")
    library = Library(packs=())
    assert launch._run_app(library, start=None, export_dir=tmp_path, save=True) == 0
    [app] = apps
    assert (app.library, app.export_dir, app.data_dir) == (library, tmp_path, isolated_user_dirs)
    assert app._exit_after_first_paint


@pytest.mark.parametrize("ending", ["returns", "raises"])
def test_what_launch_loaded_is_frozen_while_the_app_runs_and_only_then(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, isolated_user_dirs: Path, ending: str
) -> None:
    frozen_while_running: list[int] = []

    def run(app: MockintApp) -> None:
        frozen_while_running.append(gc.get_freeze_count())
        if ending == "raises":
            raise KeyboardInterrupt

    monkeypatch.setattr(MockintApp, "run", run)
    monkeypatch.setattr(launch, "require_terminal", lambda: None)  # pytest's streams are not a terminal
    assert gc.get_freeze_count() == 0
    if ending == "raises":
        with pytest.raises(KeyboardInterrupt):
            launch._run_app(Library(packs=()), start=None, export_dir=tmp_path, save=False)
    else:
        assert launch._run_app(Library(packs=()), start=None, export_dir=tmp_path, save=False) == 0
    assert frozen_while_running[0] > 10_000  # the modules and classes loaded so far
    assert gc.get_freeze_count() == 0
