"""Driving the wire in tests: a host over a scripted run, and a bare candidate that records every frame.

`BareCandidate` is what a modified candidate's terminal could be: it speaks the protocol by
hand (mockint.remote.frames) and keeps every message exactly as it crossed the wire, so
tests search the text itself. Loopback only.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from websockets.asyncio.client import ClientConnection, connect
from websockets.asyncio.server import Server, ServerConnection, serve

from mockint.core.clock import FakeClock
from mockint.remote.frames import (
    CANDIDATE, HOST, Challenge, Frame, Hello, Intent, IntentFrame, Proof, Refused, Welcome, decode_frame,
    encode_frame, join_mac,
)  # fmt: skip
from mockint.remote.host import LOOPBACK, Address, CandidateHost, HostEvent
from mockint.remote.timing import Timing
from mockint.session.views import candidate_view
from support.sessions import Run

CODE = "482913"
WAIT = 5.0
"""Seconds a test waits for a frame that should come at once: only a broken wire takes that long."""
QUIET = Timing(heartbeat_every=None)
"""No heartbeat loops: tests call check_heartbeat after moving a fake clock."""


class HostedRun:
    """A host serving the candidate's view of `run`, recording the intents and events it passes on."""

    def __init__(
        self, run: Run, code: str = CODE, timing: Timing = QUIET, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    ) -> None:
        self.run = run
        self.intents: list[Intent] = []
        self.events: list[HostEvent] = []
        engine = run.engine
        self.host = CandidateHost(
            code, lambda: candidate_view(engine.record, engine.state, engine.offset()), self.intents.append,
            clock=run.clock, on_event=self.events.append, timing=timing, sleep=sleep,
        )  # fmt: skip

    @property
    def clock(self) -> FakeClock:
        return self.run.clock


@asynccontextmanager
async def hosting(run: Run, code: str = CODE, timing: Timing = QUIET) -> AsyncIterator[tuple[HostedRun, Address]]:
    hosted = HostedRun(run, code, timing)
    address = await hosted.host.start()
    try:
        yield hosted, address
    finally:
        await hosted.host.close()


class BareCandidate:
    """A hand-driven candidate's end of the wire; `messages` holds every message received, as text."""

    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection
        self.messages: list[str] = []

    @classmethod
    async def connect(cls, address: Address) -> BareCandidate:
        connection = await connect(f"ws://{address.host}:{address.port}", compression=None, proxy=None, ping_interval=None)
        return cls(connection)

    async def join(self, code: str = CODE) -> Frame:
        """Say hello and prove `code`; the host's answer (welcome or refused)."""
        await self.send(Hello())
        challenge = await self.frame()
        assert isinstance(challenge, Challenge), challenge
        nonce = secrets.token_hex(32)
        await self.send(Proof(nonce, join_mac(code, CANDIDATE, challenge.nonce, nonce)))
        return await self.frame()

    async def send(self, frame: Frame) -> None:
        await self.connection.send(encode_frame(frame), text=True)

    async def send_intent(self, intent: Intent) -> None:
        await self.send(IntentFrame(intent))

    async def frame(self) -> Frame:
        message = await asyncio.wait_for(self.connection.recv(), WAIT)
        assert isinstance(message, str), "frames are text"
        self.messages.append(message)
        return decode_frame(message)

    async def close(self) -> None:
        await self.connection.close()


async def until(condition: Callable[[], bool]) -> None:
    """Let the loop run until `condition` holds (what the other end does arrives in its own time)."""
    async with asyncio.timeout(WAIT):
        while not condition():
            await asyncio.sleep(0.002)


class BareHost:
    """A hand-driven host: it lets a candidate join with `code`, then tests write to the connection directly;
    or, given `refusal`, answers every hello with it (as a host of another version would)."""

    def __init__(self, code: str = CODE, refusal: Refused | None = None) -> None:
        self.code = code
        self.refusal = refusal
        self.joined: asyncio.Future[ServerConnection] = asyncio.get_running_loop().create_future()
        self.server: Server | None = None

    async def start(self) -> Address:
        self.server = await serve(self._serve, LOOPBACK, 0, compression=None, ping_interval=None)
        host, port = next(iter(self.server.sockets)).getsockname()[:2]
        return Address(host, port)

    async def _serve(self, connection: ServerConnection) -> None:
        assert isinstance(decode_frame(await connection.recv()), Hello)
        if self.refusal is not None:
            await connection.send(encode_frame(self.refusal), text=True)
            return
        host_nonce = secrets.token_hex(32)
        await connection.send(encode_frame(Challenge(host_nonce)), text=True)
        proof = decode_frame(await connection.recv())
        assert isinstance(proof, Proof)
        await connection.send(encode_frame(Welcome(join_mac(self.code, HOST, host_nonce, proof.nonce))), text=True)
        self.joined.set_result(connection)
        await connection.wait_closed()

    async def candidate(self) -> ServerConnection:
        return await asyncio.wait_for(self.joined, WAIT)

    async def close(self) -> None:
        assert self.server is not None
        self.server.close()
        await self.server.wait_closed()
