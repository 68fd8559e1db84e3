"""`mockint join` in a real terminal (tmux) against a host in a process of its own, over loopback: the code asked
for without echo, the question and its clock, notes sent, the host's end said, the candidate's copy saved."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.remote import CODE
from support.tmux import mockint_in_tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TESTS_DIR = Path(__file__).parent


def test_the_candidate_joins_sees_the_question_sends_notes_and_saves_a_copy_when_the_host_ends(
    tmp_path: Path,
) -> None:
    peer = [sys.executable, "-m", "support.remote_peers", "host", CODE]
    with subprocess.Popen(peer, cwd=TESTS_DIR, stdout=subprocess.PIPE, text=True) as host:
        try:
            assert host.stdout is not None
            port = host.stdout.readline().split()[-1]
            with mockint_in_tmux(tmp_path, "join", f"127.0.0.1:{port}", "--out", str(tmp_path)) as tmux:
                tmux.wait_for("Join code")
                tmux.type(CODE)
                assert CODE not in tmux.screen()  # typed without echo
                tmux.press("Enter")
                screen = tmux.wait_for("Which metrics do you track?")
                assert "Question 1 of 2" in screen and f"Connected to 127.0.0.1:{port}" in screen
                tmux.press("n")  # into the notes box: typing waits until it has the keys, as a person sees it
                tmux.wait_for("esc Leave notes")
                tmux.type("metrics first")
                tmux.press("Escape")
                tmux.wait_for("The interviewer ended the session")
                tmux.press("s")
                tmux.wait_until(lambda: len(list(tmp_path.glob("*-candidate-copy.*"))) == 2, "no copy saved")
                tmux.press("Enter")
                assert tmux.wait_for_exit() == 0
            hosted, _ = host.communicate(timeout=60)
        finally:
            host.kill()
    assert hosted == "candidate's notes: metrics first\n"
    assert "(the candidate's copy)" in next(tmp_path.glob("*-candidate-copy.md")).read_text(encoding="utf-8")
