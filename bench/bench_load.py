"""Time discovering, loading and validating a large library of round files.

Generates 20 packs x 10 round files x 25 questions (200 files, 5,000
questions) in a temp folder, runs discover() on it 7 times and prints the
median. The bundled packs are searched too, as in real use.

    python bench/bench_load.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from mockint.discovery import discover

PACKS, ROUNDS_PER_PACK, QUESTIONS_PER_ROUND, RUNS = 20, 10, 25, 7

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


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp) / "rounds"
        root.mkdir()
        write_library(root)
        env = {"MOCKINT_DATA_DIR": str(Path(temp) / "data")}
        timings, cpu_timings = [], []
        for _ in range(RUNS):
            started, cpu_started = time.perf_counter(), time.process_time()
            library = discover([root], env)
            timings.append(time.perf_counter() - started)
            cpu_timings.append(time.process_time() - cpu_started)
        generated = [p for p in library.packs if p.origin == "--rounds"]
        assert len(generated) == PACKS and not library.broken, library.broken
        files = sum(len(p.rounds) for p in library.packs)
        questions = sum(p.question_count for p in library.packs)
        print(
            f"discover(): {len(library.packs)} packs, {files} round files, {questions} questions "
            f"(generated: {PACKS * ROUNDS_PER_PACK} files, {PACKS * ROUNDS_PER_PACK * QUESTIONS_PER_ROUND} "
            f"questions); median of {RUNS} runs: {statistics.median(timings) * 1000:.0f} ms "
            f"(min {min(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms); "
            f"median CPU time {statistics.median(cpu_timings) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
