"""Host change → candidate's terminal received, over loopback, between two processes.

The host runs a session on the real clock and pauses or resumes it every few tens of
milliseconds (each a change of the candidate's view, pushed at once); a candidate in a
process of its own joins and stamps each view on arrival with the machine's monotonic clock,
which both processes share. The figures are arrival time minus the time the host's action
began. The candidate's countdown starts from the host's remaining time at arrival, so its
clock is behind the host's by exactly that delay: the worst one is the clocks' disagreement.

    python bench/bench_remote.py              # 300 changes
    python bench/bench_remote.py --changes 1000
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time

from mockint.core.clock import MonotonicClock
from mockint.core.model import Pack, Question, Round
from mockint.remote.client import CandidateClient, ReceivedView
from mockint.remote.codes import new_code
from mockint.remote.host import CandidateHost, HostEvent, HostEventKind
from mockint.session.commands import BeginRound, Pause, Resume, Start
from mockint.session.engine import SessionEngine
from mockint.session.setup import SessionOptions
from mockint.session.views import candidate_view

PACK = Pack(name="bench", title="Bench", rounds=(Round(id="r", title="R", questions=(Question(id="q", ask="Talk.", time=3600),)),))


async def host(changes: int, gap: float) -> list[float]:
    """Seconds from each change to its arrival at the candidate's process."""
    engine = SessionEngine.new(PACK, SessionOptions(pair=True), MonotonicClock())
    engine.apply(Start())
    engine.apply(BeginRound())
    joined = asyncio.Event()

    def on_event(event: HostEvent) -> None:
        if event.kind is HostEventKind.JOINED:
            joined.set()

    code = new_code(lan=False)
    served = CandidateHost(
        code, lambda: candidate_view(engine.record, engine.state, engine.offset()), lambda intent: None,
        clock=engine.clock, on_event=on_event,
    )  # fmt: skip
    address = await served.start()
    candidate = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--join", str(address.port), code, stdout=subprocess.PIPE
    )
    await asyncio.wait_for(joined.wait(), 30)
    began: dict[int, float] = {}
    for sequence in range(2, changes + 2):  # the first view went out on joining
        await asyncio.sleep(gap)
        began[sequence] = time.monotonic()
        engine.apply(Resume() if engine.paused else Pause())
        assert await served.push()
    await asyncio.sleep(0.2)
    await served.close()
    output, _ = await candidate.communicate()
    arrivals = dict(line.split() for line in output.decode().splitlines())
    return [float(arrivals[str(sequence)]) - start for sequence, start in began.items()]


async def join(port: int, code: str) -> None:
    def stamp(received: ReceivedView) -> None:
        print(received.sequence, time.monotonic(), flush=True)

    client = await CandidateClient.join("127.0.0.1", port, code, clock=MonotonicClock(), on_view=stamp)
    await client.wait_ended()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--changes", type=int, default=300)
    parser.add_argument("--gap", type=float, default=0.02, help="seconds between the host's changes")
    parser.add_argument("--join", nargs=2, metavar=("PORT", "CODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.join:
        asyncio.run(join(int(args.join[0]), args.join[1]))
        return
    delays = sorted(asyncio.run(host(args.changes, args.gap)))
    p95 = delays[int(0.95 * (len(delays) - 1))]
    print(f"host change -> candidate received over loopback, {len(delays)} changes, {args.gap * 1000:.0f} ms apart")
    print(f"median {statistics.median(delays) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms (goal: median < 50 ms)")
    print(f"clocks apart by at most {delays[-1] * 1000:.2f} ms (the worst delay; goal < 100 ms)")


if __name__ == "__main__":
    main()
