"""End to end in a real terminal: the installed `mockint run` inside a detached tmux session.

Keys go in with `tmux send-keys`; the screen comes back with `tmux capture-pane`,
polled until the expected text shows (waiting for output, not timing anything).
Signals go to the process itself; the terminal's modes come back from tmux
(alternate screen, mouse reporting, cursor) and `stty` (line editing and echo).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.packs import PACKS_DIR
from support.saved import restored

from support.tmux import APP_MODES, SHELL_MODES, Tmux, mockint_command, mockint_in_tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


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
    summary = tmux.wait_for("Saved in")
    assert "Mini mock" in summary and "ended early" in summary
    tmux.press("C-q")  # saved: nothing to ask
    assert tmux.wait_for_exit() == 0


def test_a_short_pair_run_tick_note_candidate_view_score_and_export(tmp_path: Path) -> None:
    args = ("run", "mini", "--rounds", str(PACKS_DIR), "--pair", "--name", "Ann", "--interviewer", "Bo",
            "--out", str(tmp_path))  # fmt: skip
    with mockint_in_tmux(tmp_path, *args) as tmux:
        tmux.wait_for("Bo interviews Ann")
        tmux.press("Enter")
        tmux.wait_for("Private: your kit")
        tmux.press("1")
        tmux.wait_for("[x] Current role")
        tmux.press("n")
        # Typing waits for the line to open (the console's keys leave the footer), as a person sees it open:
        # keys sent in the same burst as the n would reach the console before the line takes them.
        tmux.wait_until(lambda: "n Note" not in tmux.screen(), "the note line did not open")
        tmux.type("owns the payments service")
        tmux.wait_for("owns the payments service")
        tmux.press("Enter")
        tmux.wait_for("0:0")  # filed: the line stamped with its time
        tmux.wait_for("n Note")  # and closed: the console's keys are back in the footer
        tmux.press("v")
        candidate = tmux.wait_for("candidate view")
        assert "Tell me about yourself." in candidate
        assert "Private" not in candidate and "payments" not in candidate and "Current role" not in candidate
        tmux.press("v")
        tmux.wait_for("Private: your kit")
        tmux.press("C-d")
        tmux.wait_for("Why are you leaving?")
        tmux.press("C-d")
        tmux.wait_for("Review")
        tmux.press("Enter")
        tmux.wait_for("What does a hash map cost")
        tmux.press("C-d")
        tmux.wait_for("And in the worst case?")
        tmux.press("C-d")
        tmux.wait_for("Review")
        tmux.press("Enter")
        tmux.wait_for("Hand the keyboard to the candidate")
        tmux.press("Enter")
        tmux.wait_for("Not rated yet.")  # the candidate's form (its heading may be scrolled out of sight)
        tmux.press_until("4", "Stands out")  # the candidate rates the first answer excellent
        tmux.press("C-d")
        tmux.wait_for("1 of 2 questions is not rated.")
        tmux.press("y")
        tmux.wait_for("Hand the keyboard back to the interviewer")
        tmux.press("Enter")
        tmux.wait_for("Your scorecard")
        tmux.press_until("Space", "▐●▌ Poor")  # the interviewer rates it poor
        tmux.press("C-d")  # but gives no keep and change: the keep box takes the keyboard
        tmux.wait_for("Give the candidate at least one specific keep and one specific change.")
        tmux.wait_for_cursor_on("Keep")
        tmux.type("Names what they own")
        tmux.wait_for("Names what they own")
        tmux.tab_to("Change")
        tmux.type("Give one number")
        tmux.wait_for("Give one number")
        tmux.press("C-d")
        tmux.wait_for("Hand in your")  # the second question is not rated: the scorecard asks first
        tmux.press("y")
        reveal = tmux.wait_for("side by side")
        assert "you rated excellent, your interviewer poor" in reveal and "owns the payments service" in reveal
        tmux.press("Enter")
        tmux.wait_for("Small design")
        tmux.press("C-q")
        tmux.wait_for("End the interview now?")
        tmux.press("y")
        tmux.wait_for("Swap roles")
        tmux.press("e")
        tmux.wait_for("Export the transcript")
        tmux.tab_to(tmp_path.name)
        tmux.press("Enter")
        tmux.wait_for("Wrote")
        [written] = tmp_path.glob("mockint-mini-Ann-*.md")
        text = written.read_text(encoding="utf-8")
        assert "owns the payments service" in text and "Heard: Current role and what you own" in text
        assert "Give one number" in text and "you rated excellent, your interviewer poor" in text
        tmux.press("C-q")
        assert tmux.wait_for_exit() == 0


def test_without_saving_quitting_the_summary_asks_first(tmp_path: Path) -> None:
    with mockint_in_tmux(tmp_path, "run", "mini", "--rounds", str(PACKS_DIR), "--no-save") as tmux:
        start_a_question(tmux)
        tmux.press("C-q")
        tmux.wait_for("End the interview now?")
        tmux.press("y")
        tmux.wait_for("ended early")
        tmux.press("C-q")
        tmux.wait_for("Quit without exporting?")
        tmux.press("q")
        assert tmux.wait_for_exit() == 0


# -- signals from outside ------------------------------------------------------

STOPPED_SECONDS = 4.0
"""How long the process is kept stopped: real time that must not reach the on-screen clock."""


def start_a_question(tmux: Tmux) -> None:
    tmux.wait_for("Warm-up")
    tmux.press("Enter")
    tmux.wait_for("Tell me about yourself.")


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130)])
def test_an_ending_signal_exits_with_its_status_and_restores_the_terminal(
    tmux_run: Tmux, signum: int, status: int
) -> None:
    tmux = tmux_run
    start_a_question(tmux)
    assert tmux.terminal_modes() == APP_MODES
    os.kill(tmux.mockint_pid(), signum)
    assert tmux.wait_for_exit() == status
    assert tmux.terminal_modes() == SHELL_MODES


HANGUP_FORWARDER = """\
import signal, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
signal.signal(signal.SIGHUP, lambda *_: child.send_signal(signal.SIGHUP))
with open(sys.argv[1], "w") as status:
    status.write(str(child.wait()))
"""
"""Runs a command and, as a login shell does when its terminal closes, passes SIGHUP on to it."""


def test_closing_the_terminal_ends_the_app_with_129(tmp_path: Path) -> None:
    tmux = Tmux(
        socket=f"mockint-test-{uuid.uuid4().hex[:12]}", session="hangup",
        status_file=tmp_path / "status", pid_file=tmp_path / "pid",
    )  # fmt: skip
    command = [*mockint_command(), "run", "mini", "--rounds", str(PACKS_DIR)]
    tmux.run(
        "new-session", "-d", "-s", tmux.session, "-x", "100", "-y", "30",
        "-e", f"MOCKINT_DATA_DIR={tmp_path / 'data'}", "-e", "MOCKINT_ROUNDS=",
        sys.executable, "-c", HANGUP_FORWARDER, str(tmux.status_file), *command,
    )  # fmt: skip
    try:
        start_a_question(tmux)
        tmux.run("kill-session", "-t", tmux.session)  # the terminal goes away
        assert tmux.wait_for_exit() == 129
        # No one was there to ask: the interview is saved, to be resumed.
        assert restored(tmp_path / "data").phase.value == "answering"
        assert not (tmp_path / "data" / "recovery").exists()
    finally:
        subprocess.run(["tmux", "-L", tmux.socket, "kill-server"], capture_output=True, timeout=10)


def shown_seconds_left(screen: str) -> int | None:
    match = re.search(r"(\d+):(\d\d) left", screen)
    return int(match[1]) * 60 + int(match[2]) if match else None


def process_state(pid: int) -> str:
    return subprocess.run(["ps", "-o", "stat=", "-p", str(pid)], capture_output=True, text=True, timeout=10).stdout


def test_a_stop_from_outside_hands_the_terminal_back_and_holds_the_clock(tmux_run: Tmux) -> None:
    tmux = tmux_run
    start_a_question(tmux)
    pid = tmux.mockint_pid()
    shown_before = shown_seconds_left(tmux.wait_for(" left"))
    assert shown_before is not None
    os.kill(pid, signal.SIGTSTP)
    tmux.wait_until(lambda: process_state(pid).startswith("T"), "the process did not stop")
    assert tmux.terminal_modes() == SHELL_MODES
    time.sleep(STOPPED_SECONDS)  # real time passing while the process is stopped: what this test is about
    os.kill(pid, signal.SIGCONT)
    # The first change of the clock after the stop: a whole second later, not the stopped seconds too.
    shown: list[int] = []

    def clock_moved() -> bool:
        now = shown_seconds_left(tmux.screen())
        shown[:] = [] if now is None or now == shown_before else [now]
        return bool(shown)

    tmux.wait_until(clock_moved, "the clock did not move on")
    assert shown_before - shown[0] <= 2
    assert tmux.terminal_modes() == APP_MODES


def test_ctrl_z_is_undo_in_the_answer_box_not_a_stop(tmux_run: Tmux) -> None:
    tmux = tmux_run
    start_a_question(tmux)
    tmux.type("first draft")
    tmux.wait_for("first draft")
    tmux.press("C-z")
    tmux.wait_until(lambda: "first draft" not in tmux.screen(), "ctrl+z did not undo the typing")
    assert not process_state(tmux.mockint_pid()).startswith("T")
    tmux.press("C-k")  # the app still answers keys: skip to the challenge
    tmux.wait_for("Why are you leaving?")
