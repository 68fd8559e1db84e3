"""Peak memory of a whole interview run in the real app, headless.

Starts a bundled pack through `build_app(..., start=...)` (as `mockint run`
does) and drives it with Pilot through every round to the summary: an answer
typed key by key into the box of every question and challenge, reviews
continued, each round's self-assessment submitted. Each run is a fresh
process, so imports and allocator state start clean; the figures are the
medians over the runs (3 by default, run side by side) of the peak resident set size (ru_maxrss) after the
imports alone and after the whole run.

    python bench/bench_memory.py                      # tiktok-content-ops, practice, 3 runs
    python bench/bench_memory.py --pack why-tiktok --pressure --runs 5

Goal: peak RSS under 60 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

GOAL_MB = 60.0
DEFAULT_PACK = "tiktok-content-ops"
ANSWER = "I would start from the goal, name the trade-off, and give one number I would watch."
MAX_STEPS = 2000


@dataclass(frozen=True)
class RunResult:
    pack: str
    rounds: int
    questions: int
    assessed_rounds: int
    typed_answers: int
    final_screen: str
    after_imports_mb: float
    peak_mb: float


def peak_rss_mb() -> float:
    # Linux reports kilobytes, macOS bytes.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


async def run_interview(pack_name: str, pressure: bool, export_dir: Path) -> dict[str, object]:
    from mockint.ui.app import StartRequest, build_app
    from mockint.core.clock import FakeClock
    from mockint.packs.discovery import discover
    from mockint.session.record import Mode
    from mockint.session.setup import SessionOptions
    from mockint.session.state import Phase

    library = discover(env={"MOCKINT_DATA_DIR": str(export_dir / "data")})
    pack = library.find(pack_name)
    if pack is None:
        raise SystemExit(f"no pack {pack_name!r}; packs: {', '.join(library.names())}")
    clock = FakeClock()
    options = SessionOptions(mode=Mode.PRESSURE if pressure else Mode.PRACTICE)
    app = build_app(
        library, clock=clock, data_dir=export_dir / "data", export_dir=export_dir,
        start=StartRequest(pack, options), tick_interval=3600.0,
    )  # fmt: skip
    async with app.run_test(size=(100, 30)) as pilot:
        engine = app.engine
        assert engine is not None
        for _ in range(MAX_STEPS):
            phase = engine.phase
            if phase is Phase.FINISHED:
                break
            if phase in (Phase.ANSWERING, Phase.CHALLENGE):
                clock.advance(20)
                await pilot.press(*ANSWER)
                await pilot.press("ctrl+d")
            elif phase is Phase.ASSESSMENT:
                await pilot.press("ctrl+d")
            else:  # round intro, review
                await pilot.press("enter")
            await pilot.pause()
        await pilot.pause()
        answers = [q.answer for r in engine.record.rounds for q in r.questions]
        answers += [c.answer for r in engine.record.rounds for q in r.questions for c in q.challenges]
        return {
            "pack": pack.name,
            "rounds": len(engine.record.rounds),
            "questions": pack.question_count,
            "assessed_rounds": sum(r.assessed for r in engine.record.rounds),
            "typed_answers": answers.count(ANSWER),
            "final_screen": type(app.screen).__name__,
        }


def measure_one_run(pack: str, pressure: bool) -> RunResult:
    """One run in this process: the imports, then the interview."""
    import textual.app  # noqa: F401  (measure the imports on their own first)

    import mockint.ui.app  # noqa: F401

    after_imports = peak_rss_mb()
    with tempfile.TemporaryDirectory(prefix="mockint-bench-") as tmp:
        facts = asyncio.run(run_interview(pack, pressure, Path(tmp)))
    return RunResult(**facts, after_imports_mb=after_imports, peak_mb=peak_rss_mb())  # type: ignore[arg-type]


def run_in_fresh_processes(pack: str, pressure: bool, runs: int) -> list[RunResult]:
    """`runs` runs, each in its own process, side by side: a process's peak RSS is its own, and
    Pilot's key presses spend most of a run waiting, so running them together only saves time."""
    command = [sys.executable, __file__, "--one-run", "--pack", pack] + (["--pressure"] if pressure else [])
    children = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(runs)]
    results = []
    for child in children:
        out, err = child.communicate()
        if child.returncode != 0:
            raise SystemExit(f"a run failed (exit {child.returncode}):\n{err}")
        results.append(RunResult(**json.loads(out.strip().splitlines()[-1])))
    return results


def report(runs: list[RunResult], pressure: bool) -> bool:
    """Print the medians; True when every run was complete and ended on the summary."""
    first = runs[0]
    mode = "pressure" if pressure else "practice"
    print(f"pack {first.pack} ({first.rounds} rounds, {first.questions} questions, {mode}); {len(runs)} fresh processes")
    for number, run in enumerate(runs, 1):
        print(
            f"  run {number}: after imports {run.after_imports_mb:.1f} MB, peak {run.peak_mb:.1f} MB; "
            f"{run.typed_answers} answers typed, {run.assessed_rounds} assessments submitted, ended on {run.final_screen}"
        )
    peak = statistics.median(run.peak_mb for run in runs)
    print(f"peak RSS after imports (median): {statistics.median(run.after_imports_mb for run in runs):.1f} MB")
    print(f"peak RSS after the run (median): {peak:.1f} MB ({'within' if peak < GOAL_MB else 'OVER'} the {GOAL_MB:.0f} MB goal)")
    complete = all(run.final_screen == "SummaryScreen" and run.assessed_rounds == run.rounds for run in runs)
    if not complete:
        print("INCOMPLETE: a run did not submit every round's assessment or did not end on the summary")
    return complete


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pack", default=DEFAULT_PACK, help=f"a pack name (default: {DEFAULT_PACK})")
    parser.add_argument("--pressure", action="store_true", help="run in pressure mode")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes to take the median of (default: 3)")
    parser.add_argument("--one-run", action="store_true", help=argparse.SUPPRESS)  # a child: one run, JSON out
    args = parser.parse_args()
    if args.one_run:
        print(json.dumps(asdict(measure_one_run(args.pack, args.pressure))))
        return 0
    runs = run_in_fresh_processes(args.pack, args.pressure, max(1, args.runs))
    return 0 if report(runs, args.pressure) else 1


if __name__ == "__main__":
    raise SystemExit(main())
