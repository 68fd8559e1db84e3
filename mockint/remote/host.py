"""The host: serves the candidate's view to one joined candidate and hands their intents on.

The interviewer's process owns the session; the host only ever sends what `view_of` returns
(the session's candidate view), so a modified candidate's terminal still cannot see the kit.
It listens on 127.0.0.1 unless asked for the LAN. A connection joins by proving it holds the
code (mockint.remote.frames); wrong codes are refused alike, and after a few in a row the host
checks no code for a while, doubling each time, and tells the interviewer. A new candidate
with the right code takes over from the one before (told and closed), so a dropped laptop can
rejoin. Frames that are malformed, too large or out of order are dropped with a log line.
"""

from __future__ import annotations

import asyncio
import secrets
import socket
from collections.abc import Awaitable, Callable
from enum import Enum
from typing import NamedTuple

from msgspec import Struct
from msgspec.structs import replace
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from mockint.core import codec
from mockint.core.clock import Clock
from mockint.core.safetext import printable
from mockint.remote.codes import normalised
from mockint.remote.frames import (
    CANDIDATE, HOST, MAX_FRAME_BYTES, MAX_JOINING_FRAME_BYTES, NONCE_BYTES, PROTOCOL, Bye, Challenge, Heartbeat,
    Hello, Intent, IntentFrame, Proof, Refused, SelfAssessment, ViewFrame, Welcome, join_mac, other_version_text,
    proof_holds,
)  # fmt: skip
from mockint.remote.timing import Timing
from mockint.remote.wire import LOG, decoded, expect, out_of_order, send
from mockint.session.record import Role
from mockint.session.views import CandidateView

CANDIDATE_SIDE = "candidate"
LOOPBACK = "127.0.0.1"
EVERY_INTERFACE = "0.0.0.0"
"""IPv4 only: one socket, so one port, the one the join line names with this machine's IPv4 address (listening
on every family would bind IPv6 too, on a port of its own when any free one is asked for)."""
WRONG_CODE = "wrong code"
ENDED = "the interviewer ended the session"
REPLACED = "another terminal joined with the code"
OTHER_VERSION_JOINING = "a terminal running another version of mockint tried to join: both need the same version"


class HostEventKind(str, Enum):
    JOINED = "joined"
    LEFT = "left"
    SILENT = "silent"
    REPLACED = "replaced"
    WRONG_CODES = "wrong_codes"
    OTHER_VERSION = "other_version"


class HostEvent(Struct, frozen=True):
    """Something the interviewer's console shows: `message` is worded for them."""

    kind: HostEventKind
    message: str


class Address(NamedTuple):
    host: str
    port: int


def _ignore(event: HostEvent) -> None:
    """The default `on_event`: a host run without a console."""


class CandidateHost:
    def __init__(
        self,
        code: str,
        view_of: Callable[[], CandidateView],
        on_intent: Callable[[Intent], None],
        *,
        clock: Clock,
        on_event: Callable[[HostEvent], None] = _ignore,
        timing: Timing = Timing(),
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        """`view_of` gives the candidate's view now; `clock` must be the session engine's own,
        since unchanged views are recognised by their clock's deadline on it."""
        self._code = normalised(code)
        self._view_of = view_of
        self._on_intent = on_intent
        self._on_event = on_event
        self._clock = clock
        self._timing = timing
        self._sleep = sleep
        self._server: Server | None = None
        self._heartbeats: asyncio.Task[None] | None = None
        self._candidate: ServerConnection | None = None
        self._last_heard = 0.0
        self._sequence = 0
        self._sent_key: bytes | None = None
        self._failures = 0
        self._checks_codes_from = float("-inf")
        self._told_other_version = False
        self.shown: CandidateView | None = None
        """The view the candidate's screen shows now (the last one sent); None while nobody is joined."""

    @property
    def connected(self) -> bool:
        return self._candidate is not None

    @property
    def wrong_codes(self) -> int:
        """Wrong codes in a row since the last right one."""
        return self._failures

    async def start(self, port: int = 0, lan: bool = False) -> Address:
        """Listen on `port` (0: any free one), on loopback unless `lan`; the address bound."""
        # origins=[None]: no web page open in a browser on this machine may connect (browsers send an Origin).
        self._server = await serve(
            self._serve, EVERY_INTERFACE if lan else LOOPBACK, port, origins=[None],
            compression=None, ping_interval=None, max_size=2 * MAX_FRAME_BYTES,
            server_header=None, logger=LOG,
        )  # fmt: skip
        if self._timing.heartbeat_every is not None:
            self._heartbeats = asyncio.create_task(self._beat(self._timing.heartbeat_every))
        bound = next(iter(self._server.sockets)).getsockname()
        return Address(bound[0], bound[1])

    async def close(self, reason: str = ENDED) -> None:
        """Tell the candidate `reason`, then stop listening."""
        if self._heartbeats is not None:
            self._heartbeats.cancel()
        candidate, self._candidate = self._candidate, None
        if candidate is not None:
            await _say_bye(candidate, reason)
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    async def push(self) -> bool:
        """Send the candidate's view if it changed since the last one sent; whether it was sent."""
        candidate = self._candidate
        if candidate is None:
            return False
        view = self._view_of()
        key = _change_key(view, self._clock.now())
        if key == self._sent_key:
            return False
        self._sent_key = key
        self._sequence += 1
        sent = await send(candidate, ViewFrame(self._sequence, view))
        if sent:
            self.shown = view
        return sent

    async def check_heartbeat(self) -> None:
        """Close a candidate silent for too long (they may rejoin); otherwise send a heartbeat."""
        candidate = self._candidate
        if candidate is None:
            return
        if self._clock.now() - self._last_heard > self._timing.silent_after:
            self._forget(candidate, HostEvent(HostEventKind.SILENT, "the candidate's terminal stopped answering"))
            await candidate.close(reason="silent")
            return
        await send(candidate, Heartbeat())

    async def _beat(self, every: float) -> None:
        while True:
            await self._sleep(every)
            await self.check_heartbeat()

    async def _serve(self, connection: ServerConnection) -> None:
        try:
            if await self._join(connection):
                await self._take_over(connection)
                await self._listen(connection)
        except ConnectionClosed as closed:
            LOG.info("a candidate's connection closed: %s", closed)
        except TimeoutError:
            LOG.info("a connection did not join within %s s", self._timing.joining_within)
        finally:
            if self._candidate is connection:
                self._forget(connection, HostEvent(HostEventKind.LEFT, "the candidate left"))
            await connection.close()

    async def _join(self, connection: ServerConnection) -> bool:
        """Whether `connection` proved it holds the code (refused and told why if not)."""
        async with asyncio.timeout(self._timing.joining_within):
            hello = await expect(connection, (Hello,), CANDIDATE_SIDE, MAX_JOINING_FRAME_BYTES)
            if hello.protocol != PROTOCOL:
                self._tell_other_version()
                reason = other_version_text(PROTOCOL, printable(hello.protocol, single_line=True))
                return await _refuse(connection, Refused(reason, protocol=PROTOCOL))
            host_nonce = secrets.token_hex(NONCE_BYTES)
            await send(connection, Challenge(host_nonce))
            proof = await expect(connection, (Proof,), CANDIDATE_SIDE, MAX_JOINING_FRAME_BYTES)
        wait = self._checks_codes_from - self._clock.now()
        if wait > 0:
            return await _refuse(connection, Refused("too many wrong codes: wait and try again", round(wait, 1)))
        if not proof_holds(join_mac(self._code, CANDIDATE, host_nonce, proof.nonce), proof.mac):
            self._count_wrong_code()
            return await _refuse(connection, Refused(WRONG_CODE))
        self._failures = 0
        await send(connection, Welcome(join_mac(self._code, HOST, host_nonce, proof.nonce)))
        return True

    def _tell_other_version(self) -> None:
        """Tell the interviewer, once: a terminal that goes on trying must not fill their screen."""
        if not self._told_other_version:
            self._told_other_version = True
            self._on_event(HostEvent(HostEventKind.OTHER_VERSION, OTHER_VERSION_JOINING))

    def _count_wrong_code(self) -> None:
        self._failures += 1
        self._checks_codes_from = self._clock.now() + self._timing.backoff(self._failures)
        if self._failures % self._timing.tell_host_every == 0:
            message = f"{self._failures} wrong join codes in a row: someone may be guessing"
            self._on_event(HostEvent(HostEventKind.WRONG_CODES, message))

    async def _take_over(self, connection: ServerConnection) -> None:
        previous, self._candidate = self._candidate, connection
        self._last_heard = self._clock.now()
        self._sequence, self._sent_key, self.shown = 0, None, None
        if previous is not None:
            self._on_event(HostEvent(HostEventKind.REPLACED, "the candidate joined again from another terminal"))
            await _say_bye(previous, REPLACED)
        self._on_event(HostEvent(HostEventKind.JOINED, "the candidate joined"))
        await self.push()

    async def _listen(self, connection: ServerConnection) -> None:
        async for message in connection:
            if self._candidate is not connection:
                return
            self._last_heard = self._clock.now()
            frame = decoded(message, CANDIDATE_SIDE)
            if isinstance(frame, IntentFrame):
                self._hand_on(frame.intent)
            elif isinstance(frame, Bye):
                return
            elif frame is not None and not isinstance(frame, Heartbeat):
                out_of_order(frame, CANDIDATE_SIDE)

    def _hand_on(self, intent: Intent) -> None:
        if isinstance(intent, SelfAssessment) and intent.assessment.role is not Role.SELF:
            LOG.warning("dropped a self-assessment from the candidate in the %s's name", intent.assessment.role.value)
            return
        self._on_intent(intent)

    def _forget(self, connection: ServerConnection, event: HostEvent) -> None:
        if self._candidate is connection:
            self._candidate, self.shown = None, None
            self._on_event(event)


def _change_key(view: CandidateView, now: float) -> bytes:
    """The view with a running clock's remaining time as its deadline: the same while nothing but time changed."""
    clock = view.position.clock
    if clock is not None and not clock.paused:
        deadline = replace(clock, remaining=round(clock.remaining + now, 3))
        view = replace(view, position=replace(view.position, clock=deadline))
    return codec.encode(view)


async def _refuse(connection: ServerConnection, refused: Refused) -> bool:
    await send(connection, refused)
    await connection.close(reason="refused")
    return False


async def _say_bye(connection: ServerConnection, reason: str) -> None:
    await send(connection, Bye(reason))
    await connection.close(reason="bye")


def check_can_listen(port: int, lan: bool) -> None:
    """Bind `port` and let it go again, as `CandidateHost.start` would listen; OSError when it cannot be had
    (in use, or not allowed). Lets a caller refuse before it takes over the terminal."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((EVERY_INTERFACE if lan else LOOPBACK, port))


def listening_on(lan: bool) -> str:
    """Where a host listens, in words: `127.0.0.1`, or every interface with `lan`."""
    return "every interface" if lan else LOOPBACK
