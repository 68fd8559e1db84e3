"""The installed `mockint` in a detached session of a private tmux server.

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

WAIT_SECONDS = 20.0
"""Generous: the app starts in a fresh interpreter, maybe on a busy machine."""


TERMINAL_MODES = "#{alternate_on} #{mouse_any_flag} #{mouse_sgr_flag} #{cursor_flag}"
"""In the app: alternate screen, mouse reporting on, cursor hidden."""
APP_MODES = {"tmux": "1 1 1 0", "line editing": False, "echo": False}
SHELL_MODES = {"tmux": "0 0 0 1", "line editing": True, "echo": True}
"""What a shell expects back: the normal screen, no mouse reporting, the cursor shown, cooked input."""


class Tmux:
    """One detached session on a private tmux server, so no user's tmux is touched."""

    def __init__(self, socket: str, session: str, status_file: Path, pid_file: Path | None = None) -> None:
        self.socket = socket
        self.session = session
        self.status_file = status_file
        self.pid_file = pid_file

    def run(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10, check=True
        )
        return result.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.session)

    def wait_for(self, *texts: str) -> str:
        """The screen on which all of `texts` showed together (the same capture: the app may be repainting a
        moment later, or still drawing one part a frame after another)."""
        captured = ""

        def shows() -> bool:
            nonlocal captured
            captured = self.screen()
            return all(text in captured for text in texts)

        self.wait_until(shows, f"{' and '.join(map(repr, texts))} did not show")
        return captured

    def cursor_line(self) -> str:
        """The screen's line holding the terminal's cursor: hidden, but Textual keeps it on the focused input."""
        row = int(self.run("display", "-p", "-t", self.session, "#{cursor_y}"))
        lines = self.screen().splitlines()
        return lines[row] if row < len(lines) else ""

    def wait_for_cursor_on(self, text: str) -> None:
        """Wait until the input on the line showing `text` has the keyboard: keys sent sooner could still
        reach the widget that had it (each widget takes its keys in its own turn).

        Textual puts the terminal's cursor where the focused input's is as it takes focus, but when taking
        focus scrolls the form, the cursor stays where the input was until its text changes. So while the
        cursor is still elsewhere after a while, a key no screen binds and its backspace nudge it: they change
        nothing in any input (not sent at once, so both reach the same one).
        """
        nudge_after = time.monotonic() + 1.0

        def on_line() -> bool:
            if text in self.cursor_line():
                return True
            if time.monotonic() > nudge_after:
                self.press("z", "BSpace")
            return False

        self.wait_until(on_line, f"the input on the line of {text!r} has no cursor")

    def tab_to(self, text: str) -> None:
        self.press("Tab")
        self.wait_for_cursor_on(text)

    def press_until(self, key: str, text: str) -> str:
        """Press `key` until `text` shows, for a key that may be pressed twice (such as choosing a rating):
        a form can show a moment before its first field has the keys. The screen it showed on."""
        captured = ""

        def took() -> bool:
            nonlocal captured
            self.press(key)
            captured = self.screen()
            return text in captured

        self.wait_until(took, f"{key} did not bring {text!r}")
        return captured

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", self.session, "-l", text)

    def press(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.session, *keys)

    def wait_for_exit(self) -> int:
        """mockint's exit status, once the shell around it has written it down."""
        self.wait_until(lambda: self.status_file.is_file() and self.status_file.read_text().strip() != "", "no exit")
        return int(self.status_file.read_text(encoding="utf-8"))

    def mockint_pid(self) -> int:
        assert self.pid_file is not None, "this session was started without a pid file"
        self.wait_until(lambda: self.pid_file.is_file() and self.pid_file.read_text().strip() != "", "no pid")
        return int(self.pid_file.read_text(encoding="utf-8"))

    def terminal_modes(self) -> dict[str, object]:
        """The pane's modes as tmux tracks them, and its line discipline as `stty` reads it."""
        tty = self.run("display", "-p", "-t", self.session, "#{pane_tty}").strip()
        with open(tty) as terminal:
            settings = subprocess.run(
                ["stty", "-a"], stdin=terminal, capture_output=True, text=True, timeout=10, check=True
            ).stdout.split()
        return {
            "tmux": self.run("display", "-p", "-t", self.session, TERMINAL_MODES).strip(),
            "line editing": "icanon" in settings,
            "echo": "echo" in settings,
        }

    def wait_until(self, done: Callable[[], bool], failure: str) -> None:
        deadline = time.monotonic() + WAIT_SECONDS
        while not done():
            if time.monotonic() > deadline:
                raise AssertionError(f"{failure} within {WAIT_SECONDS}s; the screen:\n{self.screen()}")
            time.sleep(0.1)


def mockint_command() -> list[str]:
    installed = shutil.which("mockint")
    return [installed] if installed else [sys.executable, "-m", "mockint"]


@contextmanager
def mockint_in_tmux(tmp_path: Path, *args: str, data_dir: Path | None = None) -> Iterator[Tmux]:
    """`mockint ARGS` in a 100x30 pane of a private tmux server, killed afterwards.

    A shell around it records its exit status in `tmp_path`; the data dir is `data_dir`, by default in `tmp_path`.
    """
    data_dir = data_dir or tmp_path / "data"
    tmux = Tmux(
        socket=f"mockint-test-{uuid.uuid4().hex[:12]}", session="e2e",
        status_file=tmp_path / "status", pid_file=tmp_path / "pid",
    )  # fmt: skip
    command = [*mockint_command(), *args]
    # The inner shell notes its pid and becomes mockint; the outer one notes the exit status,
    # then waits on the terminal, so the modes mockint left it in can still be read.
    run_mockint = f"echo $$ > {shlex.quote(str(tmux.pid_file))}; exec {shlex.join(command)}"
    shell_line = f"sh -c {shlex.quote(run_mockint)}; echo $? > {shlex.quote(str(tmux.status_file))}; read _"
    tmux.run(
        "new-session", "-d", "-s", tmux.session, "-x", "100", "-y", "30",
        "-e", f"MOCKINT_DATA_DIR={data_dir}", "-e", "MOCKINT_ROUNDS=",
        "sh", "-c", shell_line,
    )  # fmt: skip
    try:
        yield tmux
    finally:
        subprocess.run(["tmux", "-L", tmux.socket, "kill-server"], capture_output=True, timeout=10)
