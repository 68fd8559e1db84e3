"""End to end in a real terminal: the installed `mockint run` inside a detached tmux session.

Keys go in with `tmux send-keys`; the screen comes back with `tmux capture-pane`,
polled until the expected text shows (waiting for output, not timing anything).
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from app_shell_support import PACKS_DIR

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

WAIT_SECONDS = 20.0
"""Generous: the app starts in a fresh interpreter, maybe on a busy machine."""


class Tmux:
    """One detached session on a private tmux server, so no user's tmux is touched."""

    def __init__(self, socket: str, session: str, status_file: Path) -> None:
        self.socket = socket
        self.session = session
        self.status_file = status_file

    def run(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10, check=True
        )
        return result.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.session)

    def wait_for(self, text: str) -> str:
        """The screen, once `text` shows on it."""
        self._poll(lambda: text in self.screen(), f"{text!r} did not show")
        return self.screen()

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", self.session, "-l", text)

    def press(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.session, *keys)

    def wait_for_exit(self) -> int:
        """mockint's exit status, once the shell around it has written it down."""
        self._poll(lambda: self.status_file.is_file() and self.status_file.read_text().strip() != "", "no exit")
        return int(self.status_file.read_text(encoding="utf-8"))

    def _poll(self, done: Callable[[], bool], failure: str) -> None:
        deadline = time.monotonic() + WAIT_SECONDS
        while not done():
            if time.monotonic() > deadline:
                raise AssertionError(f"{failure} within {WAIT_SECONDS}s; the screen:\n{self.screen()}")
            time.sleep(0.1)


def mockint_command() -> list[str]:
    installed = shutil.which("mockint")
    return [installed] if installed else [sys.executable, "-m", "mockint"]


@contextmanager
def mockint_in_tmux(tmp_path: Path, *args: str) -> Iterator[Tmux]:
    """`mockint ARGS` in a 100x30 pane of a private tmux server, killed afterwards.

    A shell around it records its exit status; the data dir is in `tmp_path`.
    """
    tmux = Tmux(socket=f"mockint-test-{uuid.uuid4().hex[:12]}", session="e2e", status_file=tmp_path / "status")
    shell_line = f"{shlex.join([*mockint_command(), *args])}; echo $? > {shlex.quote(str(tmux.status_file))}"
    tmux.run(
        "new-session", "-d", "-s", tmux.session, "-x", "100", "-y", "30",
        "-e", f"MOCKINT_DATA_DIR={tmp_path / 'data'}", "-e", "MOCKINT_ROUNDS=",
        "sh", "-c", shell_line,
    )  # fmt: skip
    try:
        yield tmux
    finally:
        subprocess.run(["tmux", "-L", tmux.socket, "kill-server"], capture_output=True, timeout=10)


@pytest.fixture
def tmux_run(tmp_path: Path) -> Iterator[Tmux]:
    """`mockint run mini` in tmux.

    Practice mode: the real clock never moves the interview on by itself, so a
    slow machine cannot change what the test sees (pressure timing is tested
    with the fake clock in the Pilot tests).
    """
    with mockint_in_tmux(tmp_path, "run", "mini", "--rounds", str(PACKS_DIR), "--out", str(tmp_path)) as tmux:
        yield tmux


def test_answer_a_challenge_reach_the_next_question_then_quit(tmux_run: Tmux) -> None:
    tmux = tmux_run
    tmux.wait_for("Warm-up")
    tmux.press("Enter")
    tmux.wait_for("Tell me about yourself.")
    tmux.type("I lead a team of four and ship the payments service.")
    tmux.wait_for("ship the payments")
    tmux.press("C-d")
    tmux.wait_for("Why are you leaving?")
    tmux.type("Growth.")
    tmux.wait_for("Growth.")
    tmux.press("C-d")
    review = tmux.wait_for("Review")
    assert "Current role and what you own" in review
    tmux.press("Enter")
    tmux.wait_for("What does a hash map cost to look up a key?")

    tmux.press("C-q")
    tmux.wait_for("End the interview now?")
    tmux.press("y")
    summary = tmux.wait_for("ended early")
    assert "Mini mock" in summary
    tmux.press("C-q")
    tmux.wait_for("Quit without exporting?")
    tmux.press("q")
    assert tmux.wait_for_exit() == 0
