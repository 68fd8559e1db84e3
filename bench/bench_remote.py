"""Host change → candidate's terminal received (or, with --screen, its screen redrawn), over loopback,
between two processes.

The host runs a session on the real clock and pauses or resumes it every few tens of
milliseconds (each a change of the candidate's view, pushed at once); a candidate in a
process of its own joins and stamps each view on arrival with the machine's monotonic clock,
which both processes share. The figures are arrival time minus the time the host's action
began. The candidate's countdown starts from the host's remaining time at arrival, so its
clock is behind the host's by exactly that delay: the worst one is the clocks' disagreement.

With --screen the candidate's process runs the app `mockint join` opens (built by `build_app`
from a `JoinRequest`, headless) and stamps each view once the joined screen has drawn it and the
next repaint has run: the delay a person would see, less the terminal's own painting.

    python bench/bench_remote.py              # 300 changes
    python bench/bench_remote.py --changes 1000
    python bench/bench_remote.py --screen --changes 100
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


async def host(changes: int, gap: float, screen: bool) -> list[float]:
    """Seconds from each change to its arrival at the candidate's process (or its screen drawing it)."""
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
        sys.executable, __file__, "--join", str(address.port), code, *(["--screen"] if screen else []),
        stdout=subprocess.PIPE,
    )  # fmt: skip
    await asyncio.wait_for(joined.wait(), 30)
    await asyncio.sleep(1.0)  # the candidate's app (with --screen) starts and draws its first view
    began: dict[int, float] = {}
    for sequence in range(2, changes + 2):  # the first view went out on joining
        await asyncio.sleep(gap)
        began[sequence] = time.monotonic()
        engine.apply(Resume() if engine.paused else Pause())
        assert await served.push()
    await asyncio.sleep(0.2)
    await served.close()
    output, _ = await candidate.communicate()
    seen = {int(sequence): float(at) for sequence, at in (line.split() for line in output.decode().splitlines())}
    print(f"{sum(1 for sequence in began if sequence not in seen)} views passed over for a newer one")
    # The joined screen passes over a view that arrives while it draws the one before, for the newest:
    # such a change reached the screen with the first later view drawn.
    return [min(at for shown, at in seen.items() if shown >= sequence) - start for sequence, start in began.items()]


async def join(port: int, code: str) -> None:
    def stamp(received: ReceivedView) -> None:
        print(received.sequence, time.monotonic(), flush=True)

    client = await CandidateClient.join("127.0.0.1", port, code, clock=MonotonicClock(), on_view=stamp)
    await client.wait_ended()


async def join_screen(port: int, code: str) -> None:
    """The joined app, headless, stamping each view after the repaint that follows drawing it."""
    from mockint.packs.discovery import Library
    from mockint.ui.app import JoinRequest, build_app
    from mockint.ui.screens.joined import JoinedScreen

    show_received = JoinedScreen.show_received

    async def stamped(screen: JoinedScreen) -> None:
        await show_received(screen)
        sequence = screen.client.received.sequence  # type: ignore[union-attr]
        screen.call_after_refresh(lambda: print(sequence, time.monotonic(), flush=True))

    JoinedScreen.show_received = stamped  # type: ignore[method-assign]
    clock = MonotonicClock()
    client = await CandidateClient.join("127.0.0.1", port, code, clock=clock)
    app = build_app(Library(packs=()), clock=clock, start=JoinRequest(client, f"127.0.0.1:{port}"), save=False)

    async def exit_when_ended() -> None:
        await client.wait_ended()
        app.exit()

    ending = asyncio.create_task(exit_when_ended())
    await app.run_async(headless=True, size=(100, 30))
    await ending


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--changes", type=int, default=300)
    parser.add_argument("--gap", type=float, help="seconds between the host's changes (0.02; 0.25 with --screen, an interviewer's pace)")
    parser.add_argument("--screen", action="store_true", help="time the candidate's screen redrawn, not the view received")
    parser.add_argument("--join", nargs=2, metavar=("PORT", "CODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.gap is None:
        args.gap = 0.25 if args.screen else 0.02
    if args.join:
        asyncio.run((join_screen if args.screen else join)(int(args.join[0]), args.join[1]))
        return
    delays = sorted(asyncio.run(host(args.changes, args.gap, args.screen)))
    p95 = delays[int(0.95 * (len(delays) - 1))]
    reached = "candidate's screen redrawn" if args.screen else "candidate received"
    print(f"host change -> {reached} over loopback, {len(delays)} changes, {args.gap * 1000:.0f} ms apart")
    print(f"median {statistics.median(delays) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms (goal: median < 50 ms)")
    if not args.screen:
        print(f"clocks apart by at most {delays[-1] * 1000:.2f} ms (the worst delay; goal < 100 ms)")


if __name__ == "__main__":
    main()
