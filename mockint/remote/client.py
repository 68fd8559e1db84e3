"""The candidate's side: join a host, receive the candidate's view, send intents.

`CandidateClient.join` proves the code without sending it (mockint.remote.frames) and checks
that the host holds it too. Views arrive as `ReceivedView`s stamped with this machine's own
monotonic time, so the screen counts the clock down locally between frames. The connection
ends with a reason worded for the candidate (`ended`): the host said goodbye, another terminal
took over, the host went silent or away. Frames that are malformed, too large or out of order
are dropped with a log line.
"""

from __future__ import annotations

import asyncio
import re
import secrets
from collections.abc import Awaitable, Callable

from msgspec import Struct
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from mockint.core.clock import Clock
from mockint.core.safetext import printable
from mockint.remote.codes import normalised
from mockint.remote.frames import (
    CANDIDATE, HOST, MAX_FRAME_BYTES, NONCE_BYTES, PROTOCOL, Bye, Challenge, Heartbeat, Hello, Intent, IntentFrame,
    Proof, Refused, ViewFrame, Welcome, join_mac, other_version_text, proof_holds,
)  # fmt: skip
from mockint.remote.timing import Timing
from mockint.remote.wire import LOG, decoded, expect, out_of_order, send
from mockint.session.views import CandidateView

HOST_SIDE = "host"
HOST_SILENT = "the interviewer's terminal stopped answering"
HOST_GONE = "lost the connection to the interviewer's terminal"
LEFT = "you left the session"
HOST_LOST = (HOST_SILENT, HOST_GONE)
"""Ends that may not be the end: the interviewer can resume the interview and host it again."""
REJOIN = "if the interviewer resumes the interview, join again with the new line and code they give you"
FIRST_PROTOCOL_REFUSAL = re.compile(r"this host speaks (mockint\.remote/1): update mockint")
"""How a host of the first protocol refused another, before `Refused` named the host's protocol."""


class JoinError(Exception):
    """Joining failed: the message is worded for the candidate."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ReceivedView(Struct, frozen=True):
    sequence: int
    view: CandidateView
    received_at: float
    """This machine's monotonic time when the view arrived."""

    def remaining(self, now: float) -> float | None:
        """The answer's remaining time at `now` on this machine's clock; None when no clock runs."""
        clock = self.view.position.clock
        if clock is None:
            return None
        return clock.remaining if clock.paused else clock.remaining - (now - self.received_at)


def split_address(text: str) -> tuple[str, int]:
    """`HOST:PORT` (an IPv6 host in brackets) as a host and a port, or ValueError saying what is wrong."""
    host, colon, port = text.strip().rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not colon or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"{text!r} is not HOST:PORT (for example 127.0.0.1:8765)")
    return host, int(port)


def _ignore(_: object) -> None:
    """The default for callbacks nobody needs."""


class CandidateClient:
    def __init__(
        self,
        connection: ClientConnection,
        *,
        clock: Clock,
        on_view: Callable[[ReceivedView], None],
        on_end: Callable[[str], None],
        timing: Timing,
        sleep: Callable[[float], Awaitable[None]],
    ) -> None:
        """Made by `join` once the host welcomed this terminal."""
        self._connection = connection
        self._clock = clock
        self._on_view = on_view
        self._on_end = on_end
        self._timing = timing
        self._sleep = sleep
        self._last_heard = clock.now()
        self._changed = asyncio.Event()
        self.received: ReceivedView | None = None
        """The last view received; the screen draws it."""
        self.ended: str | None = None
        """Why the connection ended, worded for the candidate; None while it lasts."""
        self._tasks = [asyncio.create_task(self._listen())]
        if timing.heartbeat_every is not None:
            self._tasks.append(asyncio.create_task(self._beat(timing.heartbeat_every)))

    @classmethod
    async def join(
        cls,
        host: str,
        port: int,
        code: str,
        *,
        clock: Clock,
        on_view: Callable[[ReceivedView], None] = _ignore,
        on_end: Callable[[str], None] = _ignore,
        timing: Timing = Timing(),
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> CandidateClient:
        """Join the host at `host`:`port` with `code`; JoinError says why not."""
        try:
            connection = await connect(
                f"ws://{_bracketed(host)}:{port}", compression=None, proxy=None, ping_interval=None,
                max_size=2 * MAX_FRAME_BYTES, open_timeout=timing.joining_within, user_agent_header=None,
            )  # fmt: skip
        except (OSError, InvalidHandshake, InvalidURI, TimeoutError) as error:
            raise JoinError(f"could not reach {host}:{port}: {error}") from error
        try:
            async with asyncio.timeout(timing.joining_within):
                await _prove(connection, normalised(code))
        except (JoinError, ConnectionClosed, TimeoutError) as error:
            await connection.close()
            if isinstance(error, JoinError):
                raise
            raise JoinError(f"the host at {host}:{port} did not let this terminal join") from error
        return cls(connection, clock=clock, on_view=on_view, on_end=on_end, timing=timing, sleep=sleep)

    async def send(self, intent: Intent) -> bool:
        """Send `intent` to the host; False once the connection has ended."""
        return self.ended is None and await send(self._connection, IntentFrame(intent))

    async def next_view(self, after: int) -> ReceivedView | None:
        """The first view received with a sequence above `after`; None if the connection ends first."""
        while self.ended is None and (self.received is None or self.received.sequence <= after):
            changed = self._changed
            await changed.wait()
        return self.received if self.received and self.received.sequence > after else None

    async def wait_ended(self) -> str:
        while self.ended is None:
            await self._changed.wait()
        return self.ended

    async def check_heartbeat(self) -> None:
        """End on a host silent for too long; otherwise send a heartbeat."""
        if self.ended is not None:
            return
        if self._clock.now() - self._last_heard > self._timing.silent_after:
            self._end(HOST_SILENT)
            await self._connection.close(reason="silent")
            return
        await send(self._connection, Heartbeat())  # if the connection closed meanwhile, the listener ends

    async def leave(self) -> None:
        """Say goodbye to the host and close."""
        if self.ended is None:
            self._end(LEFT)
            await send(self._connection, Bye(LEFT))
        await self._connection.close()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _beat(self, every: float) -> None:
        while self.ended is None:
            await self._sleep(every)
            await self.check_heartbeat()

    async def _listen(self) -> None:
        try:
            async for message in self._connection:
                self._last_heard = self._clock.now()
                if self._receive(message):
                    return
        except ConnectionClosed as closed:
            LOG.info("the host's connection closed: %s", closed)
        self._end(HOST_GONE)

    def _receive(self, message: str | bytes) -> bool:
        """Take in one message; whether the host said goodbye."""
        frame = decoded(message, HOST_SIDE)
        if isinstance(frame, ViewFrame):
            self._take_view(frame)
        elif isinstance(frame, Bye):
            self._end(frame.reason)
            return True
        elif frame is not None and not isinstance(frame, Heartbeat):
            out_of_order(frame, HOST_SIDE)
        return False

    def _take_view(self, frame: ViewFrame) -> None:
        if self.received is not None and frame.sequence <= self.received.sequence:
            LOG.warning("dropped view %s from the host: out of order (after %s)", frame.sequence, self.received.sequence)
            return
        self.received = ReceivedView(frame.sequence, frame.view, self._clock.now())
        self._notify()
        self._on_view(self.received)

    def _end(self, reason: str) -> None:
        if self.ended is None:
            self.ended = reason
            self._notify()
            self._on_end(reason)

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()


async def _prove(connection: ClientConnection, code: str) -> None:
    """Complete the join on `connection`, or JoinError."""
    candidate_nonce = secrets.token_hex(NONCE_BYTES)
    await send(connection, Hello())
    challenge = await expect(connection, (Challenge, Refused), HOST_SIDE)
    if isinstance(challenge, Refused):
        raise _refusal(challenge)
    mac = join_mac(code, CANDIDATE, challenge.nonce, candidate_nonce)
    await send(connection, Proof(candidate_nonce, mac))
    answer = await expect(connection, (Welcome, Refused), HOST_SIDE)
    if isinstance(answer, Refused):
        raise _refusal(answer)
    if not proof_holds(join_mac(code, HOST, challenge.nonce, candidate_nonce), answer.mac):
        raise JoinError("the host does not hold this code: it is not the interviewer's terminal")


def _refusal(refused: Refused) -> JoinError:
    """Why the host refused, worded for the candidate: plainly so when it speaks another protocol."""
    host_protocol = refused.protocol
    if host_protocol is None and (first := FIRST_PROTOCOL_REFUSAL.fullmatch(refused.reason)) is not None:
        host_protocol = first.group(1)
    if host_protocol is not None and host_protocol != PROTOCOL:
        return JoinError(other_version_text(printable(host_protocol, single_line=True), PROTOCOL))
    return JoinError(f"the host refused: {refused.reason}", refused.retry_after)


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host
