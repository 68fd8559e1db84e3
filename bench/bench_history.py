"""How long `mockint history` (and `mockint drill`, which reads the same records) takes over 1,000 saved sessions.

A data folder is filled with 1,000 finished sessions (final records of a
10-question practice run, every answer 1,500 characters, rated and ticked: about
25 kB each) and 20 unfinished ones (journals, of which the history reads only the
first line). Then `mockint history`, `mockint history --json` and `mockint drill`
are spawned (the console script, output to a pipe, so the drill only prints its
picks) and timed from spawn to exit; median and worst over the runs. The records
are read, never the journals replayed.

    python bench/bench_history.py            # 5 runs of each
    python bench/bench_history.py --runs 10

Goal: under 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bench_first_paint import console_script

from mockint.core.clock import FakeClock
from mockint.core.codec import encode
from mockint.core.model import Interviewer, Pack, Question, Round
from mockint.core.ratings import Rating
from mockint.core.paths import sessions_dir
from mockint.session.commands import BeginRound, Continue, Done, EditDraft, Start, SubmitAssessment
from mockint.session.engine import SessionEngine
from mockint.session.record import new_session_id
from mockint.session.setup import SessionOptions
from mockint.storage.autosave import Autosave, record_path
from mockint.core.newfile import replace_file

SESSIONS = 1_000
UNFINISHED = 20
QUESTIONS = 10
ANSWER = ("We would measure the queue first, then change one thing at a time and watch the numbers. " * 17)[:1_500]
GOAL_S = 1.0


def ten_questions() -> Pack:
    questions = tuple(
        Question(id=f"q{n}", ask=f"Question {n}: what would you do?", time=600, checklist=("Gave numbers", "Named a risk"))
        for n in range(1, QUESTIONS + 1)
    )
    return Pack(name="bench", title="Bench", rounds=(Round(id="r", title="Round", interviewer=Interviewer(), questions=questions),))


def finished_engine(pack: Pack) -> SessionEngine:
    engine = SessionEngine.new(pack, SessionOptions(candidate="Ana"), FakeClock())
    engine.apply(Start())
    engine.apply(BeginRound())
    for _ in range(QUESTIONS):
        engine.apply(Done(ANSWER))
        engine.apply(Continue())  # past the review after each answer; the last one leads to the assessment
    ids = [q.question_id for q in engine.record.questions()]
    engine.apply(SubmitAssessment(ratings=dict.fromkeys(ids, Rating.GOOD), question_checks={i: {"Gave numbers"} for i in ids}))
    return engine


def fill(folder: Path) -> None:
    pack = ten_questions()
    record = finished_engine(pack).record
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    folder.mkdir(mode=0o700, parents=True)
    for number in range(SESSIONS):
        record.id = new_session_id()
        record.started_wall = start + timedelta(hours=number)
        replace_file(record_path(folder, record.id), encode(record))
    for _ in range(UNFINISHED):
        engine = SessionEngine.new(pack, SessionOptions(), FakeClock())
        autosave = Autosave.start(folder, engine)
        engine.apply(Start())
        engine.apply(BeginRound())
        engine.apply(EditDraft.between("", ANSWER))
        autosave.close()


def timed(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        fill(sessions_dir(Path(data)))
        size = sum(entry.stat().st_size for entry in os.scandir(sessions_dir(Path(data))))
        print(f"{SESSIONS} finished sessions and {UNFINISHED} unfinished, {size / 1e6:.1f} MB")
        env = {**os.environ, "MOCKINT_DATA_DIR": data, "COLUMNS": "100"}
        for command in (["history"], ["history", "--json"], ["drill"]):
            times = [timed([console_script(), *command], env) for _ in range(args.runs)]
            median = statistics.median(times)
            verdict = "ok" if median < GOAL_S else "OVER THE GOAL"
            label = " ".join(["mockint", *command])
            print(f"{label:<24} median {median:.3f} s, worst {max(times):.3f} s ({verdict}, goal {GOAL_S} s)")


if __name__ == "__main__":
    main()
