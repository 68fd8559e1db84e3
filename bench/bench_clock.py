"""Real-time check that the interview clock does not drift.

Runs a SessionEngine on the real monotonic clock, ticking four times a second
and blocking the loop now and then (as a busy UI would), and compares the
countdown's remaining time with an independent stopwatch.

    python bench/bench_clock.py              # 60 s run
    python bench/bench_clock.py --seconds 600  # the full 10-minute check
"""

from __future__ import annotations

import argparse
import time

from mockint.core.clock import MonotonicClock
from mockint.session.commands import BeginRound, Start, Tick
from mockint.session.engine import SessionEngine
from mockint.core.model import Pack, Question, Round
from mockint.session.setup import SessionOptions


def run(seconds: float, block_every: int, block_for: float) -> float:
    limit = int(seconds) + 60
    pack = Pack(name="clock", title="Clock", rounds=(Round(id="r", title="R", questions=(Question(id="q", ask="Talk.", time=limit),)),))
    engine = SessionEngine.new(pack, SessionOptions(), MonotonicClock())
    engine.apply(Start())
    engine.apply(BeginRound())
    stopwatch = time.perf_counter()
    worst = 0.0
    step = 0
    while time.perf_counter() - stopwatch < seconds:
        step += 1
        time.sleep(block_for if step % block_every == 0 else 0.25)
        engine.apply(Tick())
        truth = limit - (time.perf_counter() - stopwatch)
        clock = engine.interviewer_view().position.clock
        assert clock is not None
        worst = max(worst, abs(clock.remaining - truth))
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--block-every", type=int, default=40, help="block the loop every Nth tick")
    parser.add_argument("--block-for", type=float, default=2.0, help="seconds the loop is blocked")
    args = parser.parse_args()
    worst = run(args.seconds, args.block_every, args.block_for)
    print(f"clock check over {args.seconds:.0f} s (loop blocked {args.block_for:.1f} s every {args.block_every} ticks)")
    print(f"worst difference between shown and true remaining time: {worst * 1000:.2f} ms (goal < 50 ms)")


if __name__ == "__main__":
    main()
