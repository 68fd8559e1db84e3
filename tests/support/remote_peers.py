"""The two ends of the wire as processes of their own, for the test that runs them side by side.

    python -m support.remote_peers host CODE          # prints "listening PORT", then what it receives
    python -m support.remote_peers join PORT CODE     # prints what the candidate's screen would show

Run from the tests folder. The host serves a pair run of the marked pack, begins its first round
once the candidate joins, and ends the session when the candidate's notes arrive. Loopback only.
"""

from __future__ import annotations

import asyncio
import sys

from mockint.core.clock import MonotonicClock
from mockint.remote.client import CandidateClient
from mockint.remote.frames import Intent, Notes
from mockint.remote.host import CandidateHost, HostEvent, HostEventKind
from mockint.session.commands import BeginRound
from mockint.session.setup import SessionOptions
from mockint.session.views import candidate_view
from support.marked import marked_pack
from support.remote import WAIT
from support.sessions import Run


async def host(code: str) -> None:
    run = Run(marked_pack(), SessionOptions(pair=True))
    engine = run.engine
    notes: asyncio.Queue[Intent] = asyncio.Queue()
    joined = asyncio.Event()

    def on_event(event: HostEvent) -> None:
        if event.kind is HostEventKind.JOINED:
            joined.set()

    served = CandidateHost(
        code, lambda: candidate_view(engine.record, engine.state, engine.offset()), notes.put_nowait,
        clock=run.clock, on_event=on_event,
    )  # fmt: skip
    address = await served.start()
    print("listening", address.port, flush=True)
    await asyncio.wait_for(joined.wait(), WAIT)
    run.apply(BeginRound())
    await served.push()
    intent = await asyncio.wait_for(notes.get(), WAIT)
    assert isinstance(intent, Notes)
    print("candidate's notes:", intent.text, flush=True)
    await served.close()


async def join(port: int, code: str) -> None:
    clock = MonotonicClock()
    client = await CandidateClient.join("127.0.0.1", port, code, clock=clock)
    received = await client.next_view(after=0)
    while received is not None and received.view.position.question is None:
        received = await client.next_view(after=received.sequence)
    assert received is not None
    question = received.view.rounds[0].questions[0]
    print("question:", question.ask, flush=True)
    print("remaining:", round(received.remaining(clock.now()) or 0), flush=True)
    await client.send(Notes("metrics first, then the drop"))
    print("ended:", await asyncio.wait_for(client.wait_ended(), WAIT), flush=True)


def main(argv: list[str]) -> None:
    if argv[0] == "host":
        asyncio.run(host(argv[1]))
    else:
        asyncio.run(join(int(argv[1]), argv[2]))


if __name__ == "__main__":
    main(sys.argv[1:])
