"""The interviewer's end of two terminals while the app runs (`mockint host`).

`Hosting` serves one pair run's candidate view through `remote.host.CandidateHost`
and keeps what the console's status line says: the line to give the candidate,
whether they are connected, what their screen shows, whether they said they are
ready, and whether the clock pauses while they are away (the interviewer's
choice; it keeps running by default). Views are pushed by one task, so a burst
of commands sends the latest view once and frames go out in order; the host
itself sends nothing unchanged. Intents are handed to the console, which turns
them into engine commands. One `mockint host` hosts one run: once it is over and
its summary left, the app ends the hosting (`close`, as on quitting), so the
candidate's terminal is told and the port closes.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING

from mockint.core.userpaths import reason
from mockint.remote.codes import new_code
from mockint.remote.frames import Intent, Ready
from mockint.remote.host import (
    LOOPBACK, Address, CandidateHost, HostEvent, HostEventKind, check_can_listen, listening_on,
)  # fmt: skip
from mockint.session.engine import SessionEngine
from mockint.session.record import Role
from mockint.session.state import Phase
from mockint.session.views import CandidateView

if TYPE_CHECKING:
    from mockint.storage.journal import HostedRun
    from mockint.ui.app import HostRequest

LOG = logging.getLogger("mockint.ui.hosting")
CLOSE_WITHIN = 2.0
"""Seconds quitting waits to tell the candidate goodbye: a vanished terminal must not hold the app open."""
NO_ROUTE_ADDRESS = "192.0.2.1"
"""A documentation-only address (RFC 5737): 'connecting' a UDP socket to it picks the LAN interface and sends
nothing."""


def lan_address() -> str:
    """This machine's address on its local network, as other machines reach it (loopback if it has none)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect((NO_ROUTE_ADDRESS, 9))
            return str(probe.getsockname()[0])
        except OSError:
            return LOOPBACK


class CannotHostAgain(Exception):
    """A resumed run cannot be hosted again: the message (a sentence without its capital) says why and what to do."""


def host_again(hosted: HostedRun, port: int | None = None, lan: bool = False) -> HostRequest:
    """How a resumed run is hosted: as it was (on the port and interfaces it had, unless `port` or `lan` say
    otherwise), with a new code, since the old one is never kept. CannotHostAgain when that port cannot be had:
    `mockint resume` and the home screen's offer say the same."""
    from mockint.ui.app import HostRequest

    listen_port = hosted.port if port is None else port
    listen_lan = hosted.lan or lan
    try:
        check_can_listen(listen_port, listen_lan)
    except OSError as error:
        where = f"port {listen_port} of {listening_on(listen_lan)}"
        raise CannotHostAgain(
            f"cannot listen on {where} to host the interview again: {reason(error)};"
            " choose another with mockint resume --port N (0: any free one)"
        ) from None
    return HostRequest(new_code(listen_lan), listen_port, listen_lan)


def screen_text(view: CandidateView | None) -> str:
    """What the candidate's screen shows, in a few words: `Question 2 of 5`, `Round 1 intro`."""
    if view is None:
        return "nothing yet"
    position = view.position
    round_ = view.rounds[position.round] if position.round is not None and position.round < len(view.rounds) else None
    paused = " (paused)" if position.paused else ""
    if position.phase is Phase.NOT_STARTED or round_ is None:
        return "waiting to start"
    if position.phase is Phase.ROUND_INTRO:
        before = view.rounds[round_.number - 2] if round_.number > 1 else None
        reveal = f"Round {before.number} reveal, then " if before is not None and before.revealed else ""
        return f"{reveal}Round {round_.number} intro"
    if position.phase in (Phase.ANSWERING, Phase.CHALLENGE):
        challenge = ", a challenge" if position.phase is Phase.CHALLENGE else ""
        return f"Question {(position.question or 0) + 1} of {round_.question_count}{challenge}{paused}"
    if position.phase is Phase.REVIEW:
        return "between questions"
    if position.phase is Phase.ASSESSMENT:
        return "self-assessment, sent" if round_.self_assessment is not None else "self-assessment"
    last = view.rounds[-1]
    return f"Round {last.number} reveal, the end" if last.revealed else "the end"


class Hosting:
    """One pair run served to a candidate's terminal (see the module's docstring)."""

    def __init__(
        self,
        request: HostRequest,
        engine: SessionEngine,
        on_event: Callable[[HostEvent], None],
        on_intent: Callable[[Intent], None],
        on_pushed: Callable[[], None],
    ) -> None:
        """`on_event` and `on_intent` are called on the app's loop, after the status has taken them in;
        `on_pushed` after each view sent (what the candidate's screen shows changed)."""
        self.request = request
        self.engine = engine
        self._on_event = on_event
        self._on_intent = on_intent
        self._on_pushed = on_pushed
        self.host = CandidateHost(
            request.code, engine.candidate_view, self._take_intent,
            clock=engine.clock, on_event=self._take_event, timing=request.timing,
        )  # fmt: skip
        self.address: Address | None = None
        """Where the candidate joins; None until listening."""
        self.ready_at: tuple[object, ...] | None = None
        """Where the run stood when the candidate last said they were ready; the status says so until it moves."""
        self._changed = asyncio.Event()
        self._pusher: asyncio.Task[None] | None = None
        self._closing: asyncio.Future[None] | None = None

    @property
    def code(self) -> str:
        return self.request.code

    @property
    def connected(self) -> bool:
        return self.host.connected

    @property
    def holds_clock(self) -> bool:
        """Whether the clock should be held now: the interviewer chose so and the candidate is away."""
        return self.engine.record.clock_pauses_while_away and not self.host.connected

    async def start(self) -> Address:
        """Listen (OSError when the port cannot be had), then push views as the run changes."""
        bound = await self.host.start(self.request.port, self.request.lan)
        self.address = Address(lan_address(), bound.port) if self.request.lan else bound
        self._pusher = asyncio.create_task(self._push_changes())
        return self.address

    def changed(self) -> None:
        """The run may have changed: the candidate gets the new view soon, if it differs."""
        self._changed.set()

    async def _push_changes(self) -> None:
        while True:
            await self._changed.wait()
            self._changed.clear()
            if await self.host.push():
                self._on_pushed()

    @property
    def ended(self) -> bool:
        """Whether the hosting has ended (or is ending): nobody can join any more."""
        return self._closing is not None

    async def close(self) -> None:
        """Send the candidate the last view, tell them the session ended and stop listening; done once, however
        often asked (the hosted run's summary left, then the app quitting)."""
        if self._closing is None:
            self._closing = asyncio.ensure_future(self._close())
        await asyncio.shield(self._closing)

    async def _close(self) -> None:
        if self._pusher is not None:
            self._pusher.cancel()
        try:
            async with asyncio.timeout(CLOSE_WITHIN):
                await self.host.push()  # what the last command changed, if the pusher had not sent it yet
                await self.host.close()
        except TimeoutError:
            LOG.warning("the candidate's terminal was not told goodbye within %s s", CLOSE_WITHIN)

    @property
    def join_line(self) -> str:
        """The command the candidate runs: `mockint join 127.0.0.1:8765`."""
        if self.address is None:
            return "not listening"
        return f"mockint join {self.address.host}:{self.address.port}"  # IPv4: the host listens on no other

    def where(self) -> tuple[object, ...]:
        position = self.engine.interviewer_view().position
        return (position.phase, position.round, position.question)

    def candidate_text(self) -> str:
        """Whether the candidate is connected, what their screen shows, and whether they said they are ready."""
        if not self.host.connected:
            return "not connected"
        ready = " · ready" if self.ready_at == self.where() else ""
        return f"connected, sees {screen_text(self.host.shown)}{ready}"

    def assessment_text(self) -> str:
        """During a round's assessment: whose is in (the interviewer never sees the candidate's before the reveal)."""
        view = self.engine.interviewer_view()
        if view.position.phase is not Phase.ASSESSMENT or view.round is None:
            return ""
        theirs = "in" if Role.SELF in view.round.assessments else "awaited"
        yours = "in" if Role.INTERVIEWER in view.round.assessments else "to fill"
        return f"Assessments: theirs {theirs}, your scorecard {yours}"

    def clock_text(self) -> str:
        pauses = self.engine.record.clock_pauses_while_away
        return "clock pauses while they are away" if pauses else "clock runs while they are away"

    def _take_event(self, event: HostEvent) -> None:
        if event.kind in (HostEventKind.LEFT, HostEventKind.SILENT):
            self.ready_at = None
        self._on_event(event)

    def _take_intent(self, intent: Intent) -> None:
        if isinstance(intent, Ready):
            self.ready_at = self.where()
        self._on_intent(intent)
