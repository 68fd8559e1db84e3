"""What saving costs on the UI's path, and how long `mockint resume` takes to show the question.

1. The UI path. A practice run of 30 questions with an autosave writing to a temp
   folder. For each question, bursts of typing (10 draft edits of a growing
   answer 0.1 s apart on a fake clock, then the screen's tick: a second of
   typing, so each burst ends with the typing saved) up to 3,000 characters, then the
   transitions (done with the answer's text, continue). What is timed is the
   autosave's own work on the UI's thread: `Autosave.record_step` for each step
   (choosing the journal's lines, encoding them, queuing them; the writing is on
   its thread), summed per burst and per transition. Medians and 99th percentiles.

2. Resume. A 30-question run saved up to its 30th question with every answer
   typed, then `mockint resume` spawned in a pseudo-terminal (100x30) and timed
   from spawn until the question appears on the terminal; it is then ended
   (SIGTERM) and the journal put back as it was. Median over the runs.

    python bench/bench_autosave.py               # 15 resumes
    python bench/bench_autosave.py --runs 30

Goals: median autosave cost under 2 ms per burst and per transition; resume under 1 s.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_first_paint import ANSI_ESCAPE, COLUMNS, LINES, TIMEOUT, console_script

from mockint.core.clock import FakeClock
from mockint.core.model import Pack, Question, Round, Interviewer
from mockint.session.commands import BeginRound, Continue, Done, EditDraft, Start, Step, SubmitAssessment, Tick
from mockint.session.engine import SessionEngine
from mockint.session.setup import SessionOptions
from mockint.storage.autosave import Autosave

QUESTIONS = 30
BURST_EDITS = 10
TYPING_GAP = 0.1
"""Seconds between keystrokes (a fake clock): a burst is a second of typing, so the journal takes one edit per burst."""
ANSWER_SIZE = 3_000
GOAL_UI_MS = 2.0
GOAL_RESUME_S = 1.0
PROSE = "We would measure the queue first, then change one thing at a time and watch the numbers. "
LAST_QUESTION = "Question number 30"


def thirty_questions() -> Pack:
    questions = tuple(Question(id=f"q{n}", ask=f"Question number {n}: what would you do?", time=600) for n in range(1, QUESTIONS + 1))
    round_ = Round(id="long", title="Long round", interviewer=Interviewer(name="Sam"), questions=questions)
    return Pack(name="bench", title="Bench", rounds=(round_,))


class Timed:
    """The autosave's record_step, timed; each step's time goes to the current bucket."""

    def __init__(self, autosave: Autosave) -> None:
        self.inner = autosave.record_step
        self.spent = 0.0

    def __call__(self, step: Step) -> None:
        started = time.perf_counter()
        self.inner(step)
        self.spent += time.perf_counter() - started

    def take(self) -> float:
        spent, self.spent = self.spent, 0.0
        return spent * 1000


def answer(engine: SessionEngine, clock: FakeClock, timed: Timed, bursts: list[float]) -> str:
    text = ""
    while len(text) < ANSWER_SIZE:
        for _ in range(BURST_EDITS):
            clock.advance(TYPING_GAP)
            grown = text + PROSE[len(text) % len(PROSE)]
            engine.apply(EditDraft.between(text, grown))
            text = grown
        engine.apply(Tick())
        bursts.append(timed.take())
    return text


def drive(folder: Path, questions: int, finish_last: bool) -> tuple[list[float], list[float]]:
    """Run `questions` questions of the 30, saving into `folder`; the autosave's cost per burst and per transition."""
    clock = FakeClock()
    engine = SessionEngine.new(thirty_questions(), SessionOptions(), clock)
    autosave = Autosave.start(folder, engine)
    timed = Timed(autosave)
    engine.on_step = timed
    bursts: list[float] = []
    transitions: list[float] = []
    engine.apply(Start())
    engine.apply(BeginRound())
    timed.take()
    for number in range(1, questions + 1):
        text = answer(engine, clock, timed, bursts)
        if number == questions and not finish_last:
            break
        engine.apply(Done(text))
        engine.apply(Continue())
        transitions.append(timed.take())
    if finish_last and questions == QUESTIONS:
        engine.apply(SubmitAssessment())
        transitions.append(timed.take())
    autosave.close()
    if autosave.problems:
        raise SystemExit(f"the autosave failed: {autosave.problems}")
    return bursts, transitions


def resume_timings(runs: int) -> list[float]:
    with tempfile.TemporaryDirectory() as data:
        drive(Path(data) / "sessions", QUESTIONS, finish_last=False)
        [journal] = (Path(data) / "sessions").glob("*.journal")
        saved = journal.read_bytes()
        env = {**os.environ, "MOCKINT_DATA_DIR": data, "TERM": "xterm-256color"}
        argv = [sys.executable, str(console_script()), "resume"]
        timings = []
        for _ in range(runs + 1):  # the first run warms the file cache and bytecode
            journal.write_bytes(saved)  # each resume starts from the same journal
            timings.append(time_until_shown(argv, env, LAST_QUESTION.encode()))
        return timings[1:]


def time_until_shown(argv: list[str], env: dict[str, str], marker: bytes) -> float:
    """Seconds from spawning `argv` in a pseudo-terminal until `marker` is on it; then the process is ended."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    output = b""
    try:
        while marker not in ANSI_ESCAPE.sub(b"", output):
            if time.perf_counter() - started > TIMEOUT or process.poll() is not None:
                text = ANSI_ESCAPE.sub(b"", output).decode(errors="replace")
                raise RuntimeError(f"the question did not show; output:\n{text[-2000:]}")
            if select.select([master], [], [], 0.005)[0]:
                output += os.read(master, 65536)
        shown = time.perf_counter() - started
        process.send_signal(signal.SIGTERM)
        while process.poll() is None:  # drain the terminal so the app can write its way out
            if select.select([master], [], [], 0.05)[0]:
                try:
                    os.read(master, 65536)
                except OSError:  # EIO: the app has closed the terminal
                    break
    finally:
        os.close(master)
        process.wait()
    return shown


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15, help="resumes to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        bursts, transitions = drive(Path(data) / "sessions", QUESTIONS, finish_last=True)
        [journal] = (Path(data) / "sessions").glob("*.journal")
        size = journal.stat().st_size
    resumes = resume_timings(args.runs)
    ok = True
    for name, values in (("keystroke burst", bursts), ("transition", transitions)):
        median = statistics.median(values)
        ok &= median < GOAL_UI_MS
        print(f"autosave per {name}: median {median:.3f} ms, p99 {percentile(values, 0.99):.3f} ms over {len(values)}")
    typed = QUESTIONS * ANSWER_SIZE
    print(f"journal of {QUESTIONS} answers of {ANSWER_SIZE:,} characters ({typed:,} typed): {size:,} bytes")
    median = statistics.median(resumes)
    ok &= median < GOAL_RESUME_S
    print(f"mockint resume to question {QUESTIONS}: median {median:.3f} s, max {max(resumes):.3f} s over {len(resumes)}")
    print("goals met" if ok else "goals NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
