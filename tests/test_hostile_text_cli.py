"""The command line never lets text from outside steer the terminal.

Pack folders, round files and arguments carry escape sequences (OSC window
title and clipboard, CSI clear screen, C1 CSI), bidi overrides and markup.
Each command runs as a real process; its stdout and stderr must hold no
control character but newline and tab, and name what it quotes as visible
escapes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mockint.core.safetext import bidi_controls, control_characters, printable

OSC_TITLE = "\x1b]0;pwned\x07"
OSC_CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"
CSI_CLEAR = "\x1b[2J"
C1_CSI = "\x9b31m"
RTL_OVERRIDE = "\u202e"
EVIL_FOLDER = f"evil{OSC_TITLE}{C1_CSI}{RTL_OVERRIDE}"
LONE_FILE = f"lone{CSI_CLEAR}{OSC_CLIPBOARD}.yaml"
BROKEN_FOLDER = f"broken{CSI_CLEAR}"
MARKUP_TITLE = "[/]broken [@click=app.quit]Click[/] [bold"

GOOD_ROUND = """\
title: '{title}'
interviewer:
  name: '[red]Ann[/]'
questions:
  - ask: '[link=https://example.com]What[/link] is a mutex?'
    time: 1m
"""
HOSTILE_ROUND = """\
title: "Hostile \\e]0;pwned\\a"
questions:
  - ask: "Clear \\e[2J and \\x9b31m"
    time: 1m
"""


@pytest.fixture
def hostile_rounds(tmp_path: Path) -> Path:
    """A rounds folder whose names carry escapes and whose packs carry markup and bidi."""
    root = tmp_path / "rounds"
    evil = root / EVIL_FOLDER
    evil.mkdir(parents=True)
    (evil / "interview.yaml").write_text(f"title: '{MARKUP_TITLE}'\nrole: 'Eng{RTL_OVERRIDE}ineer'\n", encoding="utf-8")
    (evil / f"01-warm{CSI_CLEAR}.yaml").write_text(GOOD_ROUND.format(title="[b]Warm-up"), encoding="utf-8")
    (root / LONE_FILE).write_text(GOOD_ROUND.format(title=MARKUP_TITLE), encoding="utf-8")
    broken = root / BROKEN_FOLDER
    broken.mkdir()
    (broken / f"01{C1_CSI}.yaml").write_text(HOSTILE_ROUND, encoding="utf-8")
    return root


def mockint(*args: str | Path) -> tuple[int, str, str]:
    """Run `python -m mockint ARGS`; its output must be inert, byte for byte."""
    result = subprocess.run(
        [sys.executable, "-m", "mockint", *map(str, args)],
        capture_output=True,
        timeout=60,
        env=_environment(),
    )
    for stream in (result.stdout, result.stderr):
        assert b"\x1b" not in stream and b"\x07" not in stream
        assert "\x9b".encode() not in stream and RTL_OVERRIDE.encode() not in stream
        text = stream.decode("utf-8")
        assert control_characters(text) == [] and bidi_controls(text) == [], text
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def _environment() -> dict[str, str]:
    # Wide, so Rich does not wrap the long names the assertions look for.
    return {**os.environ, "COLUMNS": "400"}


def shown(name: str) -> str:
    return printable(name, single_line=True)


def test_list_shows_names_as_escapes_and_markup_as_typed(hostile_rounds: Path) -> None:
    code, out, err = mockint("--rounds", hostile_rounds, "list")
    assert (code, err) == (0, "")
    assert shown(EVIL_FOLDER) in out
    assert shown(Path(LONE_FILE).stem) in out
    assert MARKUP_TITLE in out
    assert shown(str(hostile_rounds / BROKEN_FOLDER / f"01{C1_CSI}.yaml")) in out


def test_plain_mockint_without_a_terminal_lists_as_safely(hostile_rounds: Path) -> None:
    code, out, _ = mockint("--rounds", hostile_rounds)
    assert code == 0
    assert shown(EVIL_FOLDER) in out and MARKUP_TITLE in out


def test_validate_reports_escapes_as_escapes(hostile_rounds: Path) -> None:
    code, out, _ = mockint("validate", hostile_rounds)
    assert code == 1
    lines = out.splitlines()
    hostile_file = shown(str(hostile_rounds / BROKEN_FOLDER / f"01{C1_CSI}.yaml"))
    assert f"{hostile_file}:1:8: title: control characters are not allowed (found \\x1b, \\x07)" in out
    assert any(line.startswith(f"{hostile_file}:3:10: questions[0].ask:") for line in lines)
    assert f"OK  {shown(str(hostile_rounds / LONE_FILE))}" in lines
    assert any(": role: warning: bidirectional controls" in line for line in lines)
    assert lines[-1] == "4 files checked: 3 valid, 1 invalid; 1 warning"


def test_validate_json_escapes_everything(hostile_rounds: Path) -> None:
    code, out, _ = mockint("validate", "--json", hostile_rounds)
    assert code == 1
    files = {entry["file"]: entry for entry in json.loads(out)["files"]}
    assert str(hostile_rounds / LONE_FILE) in files
    assert files[str(hostile_rounds / BROKEN_FOLDER / f"01{C1_CSI}.yaml")]["ok"] is False


@pytest.mark.parametrize(
    ("args", "quoted"),
    [
        (["validate", f"missing{CSI_CLEAR}.yaml"], f"no such file or folder: missing{shown(CSI_CLEAR)}.yaml"),
        (["new", f"notes{OSC_TITLE}.txt"], f"(mockint reads no others): notes{shown(OSC_TITLE)}.txt"),
        (["--rounds", f"nowhere{OSC_CLIPBOARD}", "list"], f"nowhere{shown(OSC_CLIPBOARD)}: the folder does not exist"),
        (["list", f"extra{CSI_CLEAR}{RTL_OVERRIDE}"], f"unrecognized arguments: extra{shown(CSI_CLEAR)}\\u202e"),
    ],
)
def test_usage_errors_quote_arguments_as_escapes(args: list[str], quoted: str) -> None:
    code, out, err = mockint(*args)
    assert (code, out) == (2, "")
    assert quoted in err


def test_run_an_unknown_pack_named_with_escapes(hostile_rounds: Path) -> None:
    code, out, err = mockint("--rounds", hostile_rounds, "run", f"nope{CSI_CLEAR}{C1_CSI}{RTL_OVERRIDE}")
    assert (code, out) == (2, "")
    assert "unknown pack 'nope\\x1b[2J\\x9b31m\\u202e'" in err
    assert shown(EVIL_FOLDER) in err


def test_run_an_unknown_round_of_a_pack_named_with_escapes(hostile_rounds: Path) -> None:
    code, _, err = mockint("--rounds", hostile_rounds, "run", EVIL_FOLDER, "--round", f"r{OSC_TITLE}")
    assert code == 2
    assert f"pack {shown(EVIL_FOLDER)} has no round 'r\\x1b]0;pwned\\x07'" in err
    assert f"its rounds are: 01-warm{shown(CSI_CLEAR)}" in err


def test_run_a_broken_pack_given_by_path(hostile_rounds: Path) -> None:
    folder = hostile_rounds / BROKEN_FOLDER
    code, _, err = mockint("run", folder)
    assert code == 1
    assert f"cannot run {shown(str(folder))}: it has broken files" in err
    assert "control characters are not allowed (found \\x1b, \\x07)" in err
