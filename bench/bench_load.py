"""Time discovering, loading and validating a well-stocked library of round files.

Generates 5 packs x 10 round files x 8 questions (50 files, 400 questions, a
large personal library) in a temp folder and times discover() on it, 7 runs
each: cold (empty round cache, so every file is composed and validated) and
warm (the cache filled, as on every launch after the first). The bundled
packs are searched too, as in real use. Launch waits for discover(), so each
is held to 300 ms, a wait a person would not notice; exits non-zero if missed.

    python bench/bench_load.py
"""

from __future__ import annotations

import os
import sys
import statistics
import tempfile
import time
from pathlib import Path

from mockint.packs.discovery import Library, discover

PACKS, ROUNDS_PER_PACK, QUESTIONS_PER_ROUND, RUNS = 5, 10, 8, 7
GOAL_MS = 300.0

QUESTION = """\
  - id: q{n}
    ask: |
      Question {n}: walk me through how you would debug a slow endpoint
      that only misbehaves under load.
    time: 2m
    guide:
      - Reproduce and measure first
      - Narrow down with profiles and traces
    keywords: [profile, latency, p99, trace]
    hint: Start from what changed.
    challenges:
      - ask: What if you cannot reproduce it?
        time: 45s
        at: 1m
      - ask: Which metric would you alert on?
        time: 30s
        unless_mentioned: [p99, percentile]
"""


def write_library(root: Path) -> None:
    questions = "".join(QUESTION.format(n=n) for n in range(1, QUESTIONS_PER_ROUND + 1))
    for pack in range(PACKS):
        folder = root / f"pack-{pack:02d}"
        folder.mkdir()
        (folder / "interview.yaml").write_text(f"title: Pack {pack}\nrole: Engineer\n", encoding="utf-8")
        for number in range(ROUNDS_PER_PACK):
            text = f"title: Round {number}\ntime: 45m\nquestions:\n{questions}"
            (folder / f"{number:02d}-round.yaml").write_text(text, encoding="utf-8")


def age(root: Path, seconds: float) -> None:
    """Date the files back, as a library edited a while ago would be (recent edits are never cached)."""
    past = time.time() - seconds
    for path in root.rglob("*.yaml"):
        os.utime(path, (past, past))


def timed(root: Path, data_dir: Path, keep: list[Library]) -> tuple[float, float]:
    started, cpu_started = time.perf_counter(), time.process_time()
    library = discover([root], {"MOCKINT_DATA_DIR": str(data_dir)})
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    keep[:] = [library]  # only the latest stays alive, as in one launch of the app
    return wall, cpu


def report(label: str, runs: list[tuple[float, float]]) -> bool:
    """Print the runs' figures; True if the median met the goal."""
    walls = [wall for wall, _ in runs]
    cpus = [cpu for _, cpu in runs]
    median_ms = statistics.median(walls) * 1000
    met = median_ms < GOAL_MS
    print(
        f"{label}: median of {len(runs)} runs {median_ms:.0f} ms "
        f"(min {min(walls) * 1000:.0f}, max {max(walls) * 1000:.0f}); median CPU {statistics.median(cpus) * 1000:.0f} ms"
        f"  {'ok' if met else 'SLOW'} (goal < {GOAL_MS:.0f} ms)"
    )
    return met


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp) / "rounds"
        root.mkdir()
        write_library(root)
        age(root, 60)
        # Cold: every run with an empty cache, so every file is composed and validated.
        latest: list[Library] = []
        cold = [timed(root, Path(temp) / f"cold-{run}", latest) for run in range(RUNS)]
        fresh = latest[0]
        # Warm: the cache filled by a first run; unchanged files are read back from it.
        timed(root, Path(temp) / "warm", latest)
        warm = [timed(root, Path(temp) / "warm", latest) for _ in range(RUNS)]
        library = latest[0]
        assert library == fresh, "cached and freshly validated libraries differ"
        generated = [p for p in library.packs if p.origin == "--rounds"]
        assert len(generated) == PACKS and not library.broken, library.broken
        files = sum(len(p.rounds) for p in library.packs)
        questions = sum(p.question_count for p in library.packs)
        print(
            f"discover(): {len(library.packs)} packs, {files} round files, {questions} questions "
            f"(generated: {PACKS * ROUNDS_PER_PACK} files, {PACKS * ROUNDS_PER_PACK * QUESTIONS_PER_ROUND} questions)"
        )
        cold_met = report("cold (empty cache: compose + validate every file)", cold)
        warm_met = report("warm (unchanged files from the round cache)", warm)
    return 0 if cold_met and warm_met else 1


if __name__ == "__main__":
    sys.exit(main())
