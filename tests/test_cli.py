"""The command line: exit statuses, messages and output of each command."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from mockint import __version__, cli
from mockint.packs.loader import check_file, load_round
from mockint.core.paths import bundled_rounds_dir, schema_path

GOOD_ROUND = """\
title: Warm-up
questions:
  - ask: Why this job?
    time: 2m
  - ask: Tell me about a hard week.
    time: 3m
    challenges:
      - ask: What did you learn?
        time: 30s
"""
BROKEN_ROUND = """\
title: Broken
questions:
  - ask: A question without a time
  - ask: Another one
    time: soon
"""
INTERVIEW = "title: Backend engineer\nrole: Backend engineer\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def rounds_dir(tmp_path: Path) -> Path:
    """A rounds directory with one good two-round pack and one pack with a broken file."""
    root = tmp_path / "rounds"
    write(root / "backend" / "interview.yaml", INTERVIEW)
    write(root / "backend" / "01-warm-up.yaml", GOOD_ROUND)
    write(root / "backend" / "02-more.yaml", GOOD_ROUND)
    write(root / "shaky" / "01-broken.yaml", BROKEN_ROUND)
    return root


@pytest.fixture
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich wraps table cells to the terminal width; keep long tmp paths on one line."""
    monkeypatch.setenv("COLUMNS", "300")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- global options ----------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"mockint {__version__}\n", "")


def test_help_names_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("list", "validate", "schema", "new", "--rounds"):
        assert command in out


@pytest.mark.parametrize("where", ["before", "after"])
def test_missing_rounds_dir_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, where: str
) -> None:
    missing = str(tmp_path / "nowhere")
    argv = ["--rounds", missing, "list"] if where == "before" else ["list", "--rounds", missing]
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert f"argument --rounds: {missing}: the folder does not exist" in err
    assert "Traceback" not in err


def test_rounds_that_is_a_file_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a_file = write(tmp_path / "x.yaml", GOOD_ROUND)
    code, _, err = run(capsys, "--rounds", str(a_file), "list")
    assert code == 2
    assert f"{a_file}: it is a file, not a folder" in err


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "frobnicate")
    assert code == 2
    assert "invalid choice" in err


# --- list ----------------------------------------------------------------------


@pytest.mark.usefixtures("wide_terminal")
def test_list_shows_packs_with_counts_and_time_under_where_they_were_found(
    capsys: pytest.CaptureFixture[str], rounds_dir: Path
) -> None:
    code, out, err = run(capsys, "--rounds", str(rounds_dir), "list")
    assert (code, err) == (0, "")
    lines = [line.strip() for line in out.splitlines()]
    heading = lines.index(f"--rounds: {rounds_dir}")
    row = next(line for line in lines[heading:] if line.startswith("│ backend "))
    # 2 rounds, 4 questions, 2 x (2m + 3m + 30s) = 11m
    assert re.fullmatch(r"│ backend\s*│ Backend engineer\s*│\s*2 │\s*4 │\s*11m │", row), row
    assert any(line.startswith("bundled: ") for line in lines[heading:]), "bundled packs come after"


@pytest.mark.usefixtures("wide_terminal")
def test_list_shows_paths_relative_to_the_working_directory(
    capsys: pytest.CaptureFixture[str], rounds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(rounds_dir.parent)
    code, out, _ = run(capsys, "--rounds", "rounds", "list")
    assert code == 0
    assert "--rounds: rounds" in [line.strip() for line in out.splitlines()]


@pytest.mark.usefixtures("wide_terminal")
def test_list_shows_paths_under_home_with_a_tilde(
    capsys: pytest.CaptureFixture[str], rounds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(rounds_dir.parent))
    monkeypatch.chdir(rounds_dir / "backend")  # the rounds folder is not inside the current one
    code, out, _ = run(capsys, "--rounds", str(rounds_dir), "list")
    assert code == 0
    assert "--rounds: ~/rounds" in [line.strip() for line in out.splitlines()]


@pytest.mark.usefixtures("wide_terminal")
def test_list_reports_broken_files_with_their_first_error(
    capsys: pytest.CaptureFixture[str], rounds_dir: Path
) -> None:
    code, out, _ = run(capsys, "--rounds", str(rounds_dir), "list")
    assert code == 0
    broken_file = rounds_dir / "shaky" / "01-broken.yaml"
    lines = [line.strip() for line in out.splitlines() if str(broken_file) in line]
    assert len(lines) == 1, out
    assert re.match(rf"{re.escape(str(broken_file))}:\d+:\d+: questions\[0\]", lines[0])
    assert "(and 1 more)" in lines[0]
    assert not any(" shaky " in line for line in out.splitlines()), "a broken pack is not offered"


@pytest.mark.usefixtures("wide_terminal")
def test_list_reports_shadowed_packs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    first = tmp_path / "first"
    second = tmp_path / "second"
    write(first / "drill" / "01.yaml", GOOD_ROUND)
    write(second / "drill" / "01.yaml", GOOD_ROUND)
    code, out, _ = run(capsys, "--rounds", str(first), "list", "--rounds", str(second))
    assert code == 0
    shadow_lines = [line.strip() for line in out.splitlines() if "is shadowed by" in line]
    assert len(shadow_lines) == 1, out
    assert shadow_lines[0].startswith("drill in ")
    hidden, by = shadow_lines[0].removeprefix("drill in ").split(" is shadowed by ")
    assert hidden.startswith(str(second)) and by.startswith(str(first))


@pytest.mark.usefixtures("wide_terminal")
def test_rounds_env_variable_is_searched(
    capsys: pytest.CaptureFixture[str], rounds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOCKINT_ROUNDS", str(rounds_dir))
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert f"MOCKINT_ROUNDS: {rounds_dir}" in [line.strip() for line in out.splitlines()]


def test_plain_mockint_lists_the_packs(capsys: pytest.CaptureFixture[str], rounds_dir: Path) -> None:
    assert run(capsys, "--rounds", str(rounds_dir)) == run(capsys, "--rounds", str(rounds_dir), "list")


# --- validate --------------------------------------------------------------------


def test_validate_a_good_file(capsys: pytest.CaptureFixture[str], rounds_dir: Path) -> None:
    good = rounds_dir / "backend" / "01-warm-up.yaml"
    code, out, err = run(capsys, "validate", str(good))
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"OK  {good}", "1 file checked: 1 valid, 0 invalid"]


def test_validate_prints_every_error_of_a_bad_file(capsys: pytest.CaptureFixture[str], rounds_dir: Path) -> None:
    bad = rounds_dir / "shaky" / "01-broken.yaml"
    code, out, _ = run(capsys, "validate", str(bad))
    assert code == 1
    expected = [str(d) for d in check_file(bad)]
    assert len(expected) == 2
    assert out.splitlines() == [*expected, "1 file checked: 0 valid, 1 invalid"]
    assert all(re.match(rf"{re.escape(str(bad))}:\d+:\d+: questions\[\d\]", line) for line in expected)


def test_validate_a_folder_checks_interview_yaml_with_its_own_schema(
    capsys: pytest.CaptureFixture[str], rounds_dir: Path
) -> None:
    code, out, _ = run(capsys, "validate", str(rounds_dir / "backend"))
    assert code == 0
    assert f"OK  {rounds_dir / 'backend' / 'interview.yaml'}" in out.splitlines()
    assert out.splitlines()[-1] == "3 files checked: 3 valid, 0 invalid"


def test_validate_several_paths_counts_each_file_once(
    capsys: pytest.CaptureFixture[str], rounds_dir: Path
) -> None:
    good = rounds_dir / "backend" / "01-warm-up.yaml"
    code, out, _ = run(capsys, "validate", str(rounds_dir), str(good))
    assert code == 1
    assert out.splitlines()[-1] == "4 files checked: 3 valid, 1 invalid"


def test_validate_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "validate", str(tmp_path / "nope.yaml"))
    assert (code, out) == (2, "")
    assert err == f"mockint: no such file or folder: {tmp_path / 'nope.yaml'}\n"


def test_validate_folder_without_yaml_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path))
    assert code == 2
    assert "no .yaml files" in err


def test_validate_json_report(capsys: pytest.CaptureFixture[str], rounds_dir: Path) -> None:
    good = rounds_dir / "backend" / "01-warm-up.yaml"
    bad = rounds_dir / "shaky" / "01-broken.yaml"
    code, out, _ = run(capsys, "validate", "--json", str(good), str(bad))
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False
    assert [(f["file"], f["ok"]) for f in report["files"]] == [(str(good), True), (str(bad), False)]
    assert report["files"][0]["errors"] == []
    assert report["files"][1]["errors"] == [d.to_json() for d in check_file(bad)]
    assert set(report["files"][1]["errors"][0]) == {"file", "line", "col", "path", "severity", "message"}
    assert report["files"][1]["warnings"] == []


def test_validate_json_all_good(capsys: pytest.CaptureFixture[str], rounds_dir: Path) -> None:
    code, out, _ = run(capsys, "validate", "--json", str(rounds_dir / "backend"))
    assert code == 0
    assert json.loads(out)["ok"] is True


def test_validate_shows_warnings_and_still_passes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    warned = write(tmp_path / "bidi.yaml", GOOD_ROUND.replace("Warm-up", "'Warm\u202eup'"))
    code, out, err = run(capsys, "validate", str(warned))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{warned}:1:8: title: warning: bidirectional controls can make text read in another order than it is"
        " written (found \\u202e)",
        f"OK  {warned}",
        "1 file checked: 1 valid, 0 invalid; 1 warning",
    ]
    code, out, _ = run(capsys, "validate", "--json", str(warned))
    report = json.loads(out)
    assert (code, report["ok"], report["files"][0]["errors"]) == (0, True, [])
    assert [(w["path"], w["severity"]) for w in report["files"][0]["warnings"]] == [("title", "warning")]


ECHOING_ROUND = """\
title: Growth
questions:
  - ask: How would you grow followers?
    time: 2m
    keywords: [followers, [same period, year-over-year, YoY, yoy]]
    challenges:
      - ask: And on a budget?
        time: 30s
        unless_mentioned: [grow, cost]
"""


def test_validate_warns_of_echoes_and_repeats_and_passes_unless_strict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    echoing = write(tmp_path / "echo.yaml", ECHOING_ROUND)
    warnings = [
        f"{echoing}:5:16: questions[0].keywords[0]: warning: 'followers' is in the question itself:"
        " an answer that repeats the question counts it as mentioned",
        f"{echoing}:5:62: questions[0].keywords[1][3]: warning: 'yoy' is listed twice"
        " (first at questions[0].keywords[1][2]); list each alternative once",
        f"{echoing}:9:28: questions[0].challenges[0].unless_mentioned[0]: warning: 'grow' is in the question"
        " itself: an answer that repeats the question is spared this challenge",
    ]
    code, out, err = run(capsys, "validate", str(echoing))
    assert (code, err) == (0, "")
    assert out.splitlines() == [*warnings, f"OK  {echoing}", "1 file checked: 1 valid, 0 invalid; 3 warnings"]

    code, out, err = run(capsys, "validate", "--strict", str(echoing))
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        *warnings, "1 file checked: 0 valid, 1 invalid; 3 warnings (--strict: a warning fails its file)"
    ]

    code, out, _ = run(capsys, "validate", "--json", "--strict", str(echoing))
    report = json.loads(out)
    assert (code, report["ok"], report["strict"], report["files"][0]["ok"]) == (1, False, True, False)
    assert [w["severity"] for w in report["files"][0]["warnings"]] == ["warning"] * 3
    code, out, _ = run(capsys, "validate", "--json", str(echoing))
    assert (code, json.loads(out)["ok"], json.loads(out)["strict"]) == (0, True, False)


def test_validate_strict_passes_a_file_without_warnings(capsys: pytest.CaptureFixture[str], rounds_dir: Path) -> None:
    code, out, _ = run(capsys, "validate", "--strict", str(rounds_dir / "backend"))
    assert code == 0
    assert out.splitlines()[-1] == "3 files checked: 3 valid, 0 invalid"


def test_validate_refuses_control_characters_and_prints_none(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    hostile = write(tmp_path / "esc.yaml", GOOD_ROUND.replace("Warm-up", '"Warm\\e]0;owned\\a\\e[2J"'))
    code, out, _ = run(capsys, "validate", str(hostile))
    assert code == 1
    assert out.splitlines()[0] == (
        f"{hostile}:1:8: title: control characters are not allowed (found \\x1b, \\x07): a terminal would act on them"
    )
    code, out, _ = run(capsys, "validate", "--json", str(hostile))
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out
    assert json.loads(out)["files"][0]["errors"][0]["path"] == "title"


def test_validate_without_paths_checks_everything_discovered(
    capsys: pytest.CaptureFixture[str], rounds_dir: Path
) -> None:
    code, out, _ = run(capsys, "--rounds", str(rounds_dir), "validate")
    assert code == 1
    lines = out.splitlines()
    assert f"OK  {rounds_dir / 'backend' / '01-warm-up.yaml'}" in lines
    assert any(line.startswith(f"{rounds_dir / 'shaky' / '01-broken.yaml'}:") for line in lines)
    bundled = sorted(bundled_rounds_dir().glob("*/*.yaml"))
    assert f"OK  {bundled[0]}" in lines
    assert lines[-1].startswith(f"{4 + len(bundled)} files checked:")


# --- schema ------------------------------------------------------------------------


@pytest.mark.parametrize(("flags", "name"), [((), "round"), (("--interview",), "interview")])
def test_schema_prints_the_installed_schema(
    capsys: pytest.CaptureFixture[str], flags: tuple[str, ...], name: str
) -> None:
    code, out, _ = run(capsys, "schema", *flags)
    assert code == 0
    assert json.loads(out) == json.loads(schema_path(name).read_text(encoding="utf-8"))


def test_round_and_interview_schemas_differ(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "schema") != run(capsys, "schema", "--interview")


# --- new ---------------------------------------------------------------------------


def test_new_writes_a_template_that_validates(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "01-warm-up.yaml"
    code, out, _ = run(capsys, "new", str(target))
    assert code == 0
    assert str(target) in out
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={schema_path('round').resolve().as_posix()}"
    assert check_file(target) == []
    round_ = load_round(target)
    assert round_.id == "01-warm-up"
    assert len(round_.questions) >= 2
    assert any(c.at is not None for q in round_.questions for c in q.challenges)
    assert any(c.unless_mentioned for q in round_.questions for c in q.challenges)
    kit = round_.questions[0]
    assert kit.anchors and kit.reference and kit.facts and kit.hint_after is not None
    assert any(c.guide for c in kit.challenges)
    assert any(len(term.alternatives) > 1 for term in kit.keywords)
    assert any(len(term.alternatives) > 1 for c in kit.challenges for term in c.unless_mentioned)


def test_new_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = write(tmp_path / "mine.yaml", "title: keep me\n")
    code, out, err = run(capsys, "new", str(target))
    assert (code, out) == (1, "")
    assert "already exists" in err
    assert target.read_text(encoding="utf-8") == "title: keep me\n"


def test_new_does_not_create_missing_folders(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "missing" / "01.yaml"
    code, _, err = run(capsys, "new", str(target))
    assert code == 2
    assert f"folder {tmp_path / 'missing'} does not exist" in err
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("name", ["notes.txt", "round.yml", "interview.yaml"])
def test_new_rejects_names_the_loader_would_not_read_as_a_round(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    code, _, err = run(capsys, "new", str(tmp_path / name))
    assert code == 2
    assert err.startswith("mockint: ")
    assert not (tmp_path / name).exists()


# --- interruption and pipes -----------------------------------------------------------


def test_ctrl_c_exits_130_quietly(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(_args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setitem(cli.HANDLERS, "list", interrupted)
    assert run(capsys, "list") == (130, "", "")


def _run_script(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mockint", *args], text=True, stderr=subprocess.PIPE, timeout=60, **kwargs
    )


@pytest.mark.parametrize("command", ["list", "schema", "validate"])
def test_closed_stdout_exits_quietly(command: str, rounds_dir: Path) -> None:
    args = [command, str(rounds_dir / "backend")] if command == "validate" else [command]
    reader, writer = os.pipe()
    os.close(reader)  # the reader has gone, as with `mockint list | head -0`
    try:
        result = _run_script(*args, stdout=writer)
    finally:
        os.close(writer)
    assert result.returncode == 1
    assert result.stderr == ""


def test_version_imports_neither_textual_nor_yaml() -> None:
    probe = (
        "import sys\n"
        "from mockint.cli import main\n"
        "code = main(['--version'])\n"
        "print(code, sorted(m for m in ('textual', 'yaml', 'rich') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines()[-1] == "0 []", result.stdout + result.stderr


def test_console_script_reports_a_bad_file_without_a_traceback(rounds_dir: Path) -> None:
    script = Path(sysconfig.get_path("scripts")) / "mockint"
    assert script.exists(), f"console script not installed at {script}"
    bad = rounds_dir / "shaky" / "01-broken.yaml"
    good = rounds_dir / "backend" / "01-warm-up.yaml"

    invalid = subprocess.run([script, "validate", str(bad)], capture_output=True, text=True, timeout=60)
    assert invalid.returncode == 1
    assert f"{bad}:" in invalid.stdout
    assert "Traceback" not in invalid.stdout + invalid.stderr

    valid = subprocess.run([script, "validate", str(good)], capture_output=True, text=True, timeout=60)
    assert (valid.returncode, valid.stderr) == (0, "")

    usage = subprocess.run([script, "validate", str(bad) + ".missing"], capture_output=True, text=True, timeout=60)
    assert usage.returncode == 2
    assert "Traceback" not in usage.stderr
