"""The app draws only on a terminal: given a file or /dev/null instead, it says so and exits 2.

Each case runs the real command in a subprocess, with pseudo-terminals where a
stream must be a terminal. Were a check missing, the app would start and wait
for keys: the timeout turns that into a failure.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

import pytest
from support.packs import PACKS_DIR

TIMEOUT_SECONDS = 60
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
"""What textual-serve puts in TEXTUAL_DRIVER for the app it serves."""

RUN = ("run", "mini", "--rounds", str(PACKS_DIR))
PLAIN = ("--rounds", str(PACKS_DIR))


def refusal(stream: str) -> str:
    return (
        f"mockint: the app needs a terminal, and standard {stream} is not one"
        " (mockint list and mockint validate work without one)\n"
    )


class Terminal:
    """A pseudo-terminal: its `end` is given to the command, what the command wrote is read back."""

    def __init__(self) -> None:
        self._reader, self.end = pty.openpty()

    def written(self) -> str:
        """What was written to the terminal, once the command has exited (newlines as a file has them)."""
        os.close(self.end)
        chunks: list[bytes] = []
        while True:
            try:
                chunk = os.read(self._reader, 4096)
            except OSError:  # EIO: every writer has gone
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(self._reader)
        return b"".join(chunks).decode().replace("\r\n", "\n")


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    yield Terminal()


def run_mockint(args: Sequence[str], stdin: int | IO[str], stdout: int | IO[str], stderr: int | IO[str]) -> int:
    env = {**os.environ, "MOCKINT_ROUNDS": ""}
    env.pop("TEXTUAL_DRIVER", None)
    result = subprocess.run(
        [sys.executable, "-m", "mockint", *args],
        stdin=stdin, stdout=stdout, stderr=stderr, env=env, timeout=TIMEOUT_SECONDS,
    )  # fmt: skip
    return result.returncode


@pytest.mark.parametrize("args", [RUN, PLAIN], ids=["run", "plain"])
def test_input_from_dev_null_is_refused(args: Sequence[str], terminal: Terminal) -> None:
    with open(os.devnull) as nothing:
        code = run_mockint(args, stdin=nothing, stdout=terminal.end, stderr=terminal.end)
    assert (code, terminal.written()) == (2, refusal("input"))


def test_run_with_output_to_a_file_is_refused(terminal: Terminal, tmp_path: Path) -> None:
    output = tmp_path / "out.txt"
    with output.open("w") as file:
        code = run_mockint(RUN, stdin=terminal.end, stdout=file, stderr=terminal.end)
    assert (code, terminal.written(), output.read_text()) == (2, refusal("output"), "")


def test_run_with_errors_to_a_file_is_refused_there(terminal: Terminal, tmp_path: Path) -> None:
    """Textual draws on standard error: a file there would get the screen."""
    errors = tmp_path / "errors.txt"
    with errors.open("w") as file:
        code = run_mockint(RUN, stdin=terminal.end, stdout=terminal.end, stderr=file)
    assert (code, errors.read_text(), terminal.written()) == (2, refusal("error"), "")


def test_run_with_nothing_a_terminal_says_so_on_stderr(tmp_path: Path) -> None:
    output = tmp_path / "out.txt"
    with open(os.devnull) as nothing, output.open("w") as file:
        result = subprocess.run(
            [sys.executable, "-m", "mockint", *RUN],
            stdin=nothing, stdout=file, stderr=subprocess.PIPE, text=True, timeout=TIMEOUT_SECONDS,
        )  # fmt: skip
    assert (result.returncode, result.stderr, output.read_text()) == (2, refusal("input"), "")


def test_plain_mockint_with_output_to_a_file_still_lists_the_packs(tmp_path: Path) -> None:
    output = tmp_path / "out.txt"
    with open(os.devnull) as nothing, output.open("w") as file:
        code = run_mockint(PLAIN, stdin=nothing, stdout=file, stderr=subprocess.PIPE)
    assert code == 0 and "mini" in output.read_text()


def quit_packet() -> bytes:
    """The meta packet textual-serve sends to end the app it serves."""
    payload = json.dumps({"type": "quit"}).encode()
    return b"M" + len(payload).to_bytes(4, "big") + payload


def read_until(process: subprocess.Popen[bytes], marker: bytes) -> bytes:
    """What the process writes to stdout, up to and including `marker` (or all of it, should it end first)."""
    assert process.stdout is not None
    received = b""
    while marker not in received:
        chunk = os.read(process.stdout.fileno(), 65536)
        if not chunk:
            break
        received += chunk
    return received


@pytest.mark.parametrize("args", [RUN, PLAIN], ids=["run", "plain"])
def test_the_web_driver_runs_the_app_over_pipes(args: Sequence[str]) -> None:
    env = {**os.environ, "MOCKINT_ROUNDS": "", "TEXTUAL_DRIVER": WEB_DRIVER}
    process = subprocess.Popen(
        [sys.executable, "-m", "mockint", *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    timer = threading.Timer(TIMEOUT_SECONDS, process.kill)  # a hung app fails the test instead of hanging it
    timer.start()
    try:
        drawn = read_until(process, b"Mini mock")  # the pack's title: the app is drawn, ready for keys
        _rest, errors = process.communicate(quit_packet(), timeout=TIMEOUT_SECONDS)
    finally:
        timer.cancel()
        process.kill()
    assert drawn.startswith(b"__GANGLION__\n") and b"Mini mock" in drawn, (drawn[:200], errors)
    assert process.returncode == 0, errors
