"""How long `mockint` takes to paint its home screen, next to a bare Textual app.

Spawns each program in a pseudo-terminal (100x30), alternating, and times from
spawn until its first frame shows on the terminal: the moment a marker text of
the first screen appears in the output. Both programs quit themselves right
after their first paint (`MOCKINT_EXIT_AFTER_PAINT=1` for mockint), so the
time to exit is reported too. The bare app has a Header, a Static and a Footer.

Both start the same way: the interpreter itself runs them (mockint through the
console script installed next to it), not a wrapper such as a pyenv shim,
whose own start-up would be counted against mockint alone. Each program runs
once before timing (file cache, bytecode), and that run leaves mockint's round
cache warm, as any second launch finds it. Bytecode goes to a cache of the
bench's own (PYTHONPYCACHEPREFIX, even when PYTHONDONTWRITEBYTECODE is set):
an installed mockint has its modules compiled, as Textual's are, and compiling
an editable checkout's sources on every launch would time the checkout.
Launches with an empty data directory, as the very first one after installing,
are timed in the same rounds and reported apart from the goal.

    python bench/bench_first_paint.py            # 15 runs of each
    python bench/bench_first_paint.py --runs 30

Goal: mockint's median first paint within 1.25x the bare app's.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import re
import select
import statistics
import struct
import subprocess
import sys
import sysconfig
import tempfile
import termios
import time
from dataclasses import dataclass
from pathlib import Path

COLUMNS, LINES = 100, 30
TIMEOUT = 30.0
ANSI_ESCAPE = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
GOAL_RATIO = 1.25
WARM, BARE, COLD = "mockint", "bare textual", "mockint (cold)"

BARE_APP = '''\
from textual.app import App
from textual.widgets import Footer, Header, Static


class Bare(App):
    def compose(self):
        yield Header()
        yield Static("bare app ready")
        yield Footer()

    def on_mount(self):
        # As mockint does: quit once the first screen has been painted.
        self.screen.call_after_refresh(self.exit)


Bare().run()
'''


@dataclass(frozen=True)
class Program:
    name: str
    argv: list[str]
    marker: bytes
    """Text of the first screen: seeing it on the terminal means the first frame is drawn."""
    fresh_data_dir: bool = False
    """Give every launch an empty MOCKINT_DATA_DIR (no round cache yet)."""


@dataclass(frozen=True)
class Timing:
    first_paint: float
    exited: float
    cpu: float
    """User + system CPU seconds of the whole run: far less sensitive to a busy machine."""


def spawn_and_time(program: Program, env: dict[str, str]) -> Timing:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    started = time.perf_counter()
    process = subprocess.Popen(program.argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    output = b""
    first_paint: float | None = None
    try:
        while _alive(process.pid) or _readable(master, 0):
            if time.perf_counter() - started > TIMEOUT:
                raise RuntimeError(f"{program.name} did not finish in {TIMEOUT}s; output so far:\n{output[-2000:]!r}")
            if not _readable(master, 0.005):
                continue
            try:
                output += os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if first_paint is None and program.marker in ANSI_ESCAPE.sub(b"", output):
                first_paint = time.perf_counter() - started
        _pid, status, usage = os.wait4(process.pid, 0)  # wait() itself, plus the child's CPU use
        exited = time.perf_counter() - started
    finally:
        os.close(master)
    returncode = os.waitstatus_to_exitcode(status)
    if returncode != 0 or first_paint is None:
        text = ANSI_ESCAPE.sub(b"", output).decode(errors="replace")
        raise RuntimeError(f"{program.name} failed (exit {returncode}); output:\n{text[-2000:]}")
    return Timing(first_paint, exited, usage.ru_utime + usage.ru_stime)


def _alive(pid: int) -> bool:
    """Still running? (Without reaping it: wait4 collects its CPU use afterwards.)"""
    return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None


def _readable(fd: int, timeout: float) -> bool:
    return bool(select.select([fd], [], [], timeout)[0])


def programs(workdir: Path, rounds: Path | None) -> list[Program]:
    bare = workdir / "bare_app.py"
    bare.write_text(BARE_APP, encoding="utf-8")
    mockint_argv = [sys.executable, str(console_script())]
    if rounds is not None:
        mockint_argv += ["--rounds", str(rounds)]
    return [
        Program(WARM, mockint_argv, marker=b"Interview packs"),
        Program(BARE, [sys.executable, str(bare)], marker=b"bare app ready"),
        Program(COLD, mockint_argv, marker=b"Interview packs", fresh_data_dir=True),
    ]


def console_script() -> Path:
    """The installed `mockint` script of this interpreter (what `pip install` puts on PATH)."""
    script = Path(sysconfig.get_path("scripts")) / "mockint"
    if not script.is_file():
        raise SystemExit(f"no mockint console script at {script}; install mockint first (pip install -e .)")
    return script


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15, help="runs of each program (default 15)")
    parser.add_argument("--rounds", type=Path, help="pass --rounds DIR to mockint (default: discovery only)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mockint-bench-") as tmp:
        workdir = Path(tmp)
        env = {**os.environ, "TERM": "xterm-256color", "MOCKINT_DATA_DIR": str(workdir / "data"),
               "MOCKINT_EXIT_AFTER_PAINT": "1"}  # fmt: skip
        env.pop("MOCKINT_ROUNDS", None)
        env.pop("TEXTUAL", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
        progs = programs(workdir, args.rounds)
        for program in progs:  # warm the file cache and bytecode (and the round cache) before timing
            spawn_and_time(program, env_for(program, env, workdir / "warm-up"))
        if not (workdir / "data" / "cache" / "rounds.json").is_file():
            raise SystemExit("mockint's warm-up launch left no round cache; the warm figures would be cold")
        timings: dict[str, list[Timing]] = {p.name: [] for p in progs}
        for run in range(args.runs):
            for program in progs:
                timings[program.name].append(spawn_and_time(program, env_for(program, env, workdir / f"cold-{run}")))
    return report(timings)


def env_for(program: Program, env: dict[str, str], fresh_dir: Path) -> dict[str, str]:
    return {**env, "MOCKINT_DATA_DIR": str(fresh_dir)} if program.fresh_data_dir else env


def report(timings: dict[str, list[Timing]]) -> int:
    paint: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for name, runs in timings.items():
        paint[name] = statistics.median(t.first_paint for t in runs)
        cpu[name] = statistics.median(t.cpu for t in runs)
        exited = statistics.median(t.exited for t in runs)
        spread = f"min {min(t.first_paint for t in runs) * 1000:.0f} / max {max(t.first_paint for t in runs) * 1000:.0f}"
        print(
            f"{name:16} first paint median {paint[name] * 1000:5.0f} ms ({spread} ms); "
            f"exit median {exited * 1000:5.0f} ms; CPU to exit median {cpu[name] * 1000:5.0f} ms; n={len(runs)}"
        )
    ratio = paint[WARM] / paint[BARE]
    verdict = "within" if ratio <= GOAL_RATIO else "OVER"
    print(f"first paint ratio mockint / bare: {ratio:.2f}x ({verdict} the {GOAL_RATIO}x goal)")
    print(f"CPU ratio mockint / bare: {cpu[WARM] / cpu[BARE]:.2f}x")
    print(
        f"cold round cache (first launch), not part of the goal: first paint {paint[COLD] / paint[BARE]:.2f}x, "
        f"CPU {cpu[COLD] / cpu[BARE]:.2f}x the bare app's"
    )
    return 0 if ratio <= GOAL_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
