"""Peak memory of a whole interview run in the real app, headless.

Starts a bundled pack through `build_app(..., start=...)` (as `mockint run`
does), drives it with Pilot to the summary (typing an answer to every
question and challenge, continuing past reviews, submitting each round's
self-assessment), and reports the process's peak resident set size
(ru_maxrss), next to the peak after the imports alone.

    python bench/bench_memory.py                      # the largest bundled pack, practice
    python bench/bench_memory.py --pack why-tiktok --pressure

Goal: peak RSS under 60 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import tempfile
from pathlib import Path

GOAL_MB = 60.0
ANSWER = "I would start from the goal, name the trade-off, and give one number I would watch."
MAX_STEPS = 2000


def peak_rss_mb() -> float:
    # Linux reports kilobytes, macOS bytes.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


async def run_interview(pack_name: str | None, pressure: bool, export_dir: Path) -> tuple[str, int, str]:
    from mockint.app import StartRequest, build_app
    from mockint.clock import FakeClock
    from mockint.discovery import discover
    from mockint.paths import bundled_rounds_dir
    from mockint.record import Mode
    from mockint.session import Phase, SessionOptions

    library = discover(env={"MOCKINT_DATA_DIR": str(export_dir / "data")})
    bundled = [p for p in library.packs if p.source and p.source.parent == bundled_rounds_dir()]
    pack = library.find(pack_name) if pack_name else max(bundled, key=lambda p: p.question_count)
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
        return pack.name, pack.question_count, type(app.screen).__name__


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pack", help="a pack name (default: the bundled pack with the most questions)")
    parser.add_argument("--pressure", action="store_true", help="run in pressure mode")
    args = parser.parse_args()

    import textual.app  # noqa: F401  (measure the imports on their own first)

    import mockint.app  # noqa: F401

    after_imports = peak_rss_mb()
    with tempfile.TemporaryDirectory(prefix="mockint-bench-") as tmp:
        pack, questions, final_screen = asyncio.run(run_interview(args.pack, args.pressure, Path(tmp)))
    peak = peak_rss_mb()
    mode = "pressure" if args.pressure else "practice"
    print(f"pack {pack} ({questions} questions, {mode}); ended on {final_screen}")
    print(f"peak RSS after imports: {after_imports:.1f} MB")
    print(f"peak RSS after the run: {peak:.1f} MB ({'within' if peak < GOAL_MB else 'OVER'} the {GOAL_MB:.0f} MB goal)")
    return 0 if final_screen == "SummaryScreen" else 1


if __name__ == "__main__":
    raise SystemExit(main())
