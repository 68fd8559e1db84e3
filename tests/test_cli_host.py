"""`mockint host` on the command line, as a process of its own: what it refuses, in one line and status 2,
before it takes the terminal (these run without one)."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from support.packs import MINI

NEEDS_A_TERMINAL = (
    "mockint: the app needs a terminal, and standard input is not one (mockint list and mockint validate work"
    " without one)"
)


def host(*args: str) -> subprocess.CompletedProcess[str]:
    """`mockint host` of the test pack, with stdin closed: everything it checks comes before the terminal."""
    return subprocess.run(
        [sys.executable, "-m", "mockint", "host", str(MINI), *args],
        text=True, capture_output=True, stdin=subprocess.DEVNULL, timeout=60,
    )  # fmt: skip


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mockint: "), result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("code", "expected"),
    [("12", "mockint: --code: a join code needs at least 6 letters or digits"), ("- - -", "at least 6")],
)
def test_a_code_too_easy_to_guess_is_refused(code: str, expected: str) -> None:
    assert expected in one_line_error(host("--port", "0", "--code", code))


@pytest.mark.parametrize("port", ["70000", "x", "-1", "8765.5"])
def test_a_port_that_is_not_one_is_refused(port: str) -> None:
    line = one_line_error(host("--port", port, "--code", "482913"))
    assert line == f"mockint: --port takes a number from 0 (any free port) to 65535, not {port!r}"


def test_a_port_in_use_is_refused_without_a_traceback() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        line = one_line_error(host("--port", str(port)))
    assert line.startswith(f"mockint: cannot listen on port {port} of 127.0.0.1: ")
    assert "in use" in line and line.endswith("choose another with --port N (0: any free one)")


def test_good_options_get_as_far_as_the_terminal() -> None:
    """A given code of words, any free port, names, a round: all taken (a pair run: --interviewer needs no --pair)."""
    result = host("--port", "0", "--code", "Acorn Amber anchor", "--interviewer", "Bo", "--name", "Ann",
                  "--round", "01-warmup")  # fmt: skip
    assert one_line_error(result) == NEEDS_A_TERMINAL


def test_an_unknown_round_is_refused() -> None:
    line = one_line_error(host("--port", "0", "--round", "nope"))
    assert "has no round 'nope'" in line
