"""The wire between two terminals (mockint.remote): joining, one candidate at a time, heartbeats,
hostile frames, and a whole pair interview in which no frame carries anything private early.

Loopback only; time is a FakeClock, and heartbeats are checked by hand after moving it.
"""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from msgspec.structs import replace
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus
from websockets.typing import Origin

import support.remote

from mockint.core.clock import FakeClock
from mockint.core.ratings import Rating
from mockint.remote.client import HOST_GONE, HOST_SILENT, CandidateClient, JoinError, split_address
from mockint.remote.codes import WORD_LIST, CodeError, checked_code, new_code, normalised
from mockint.remote.frames import (
    MAX_FRAME_BYTES, PROTOCOL, Heartbeat, Hello, Notes, Ready, Refused, SelfAssessment, ViewFrame, Welcome, decode_frame,
    encode_frame, other_version_text,
)  # fmt: skip
from mockint.remote.host import ENDED, REPLACED, Address, HostEventKind
from mockint.remote.timing import Timing
from mockint.session.commands import Pause, SubmitAssessment
from mockint.session.record import Role, SessionRecord
from mockint.session.setup import SessionOptions
from mockint.session.state import State
from mockint.session.views import CandidateView, candidate_view
from support.marked import marked_pack, private_now
from support.remote import CODE, QUIET, BareCandidate, BareHost, HostedRun, hosting, until
from support.sessions import Run

TESTS_DIR = Path(__file__).parent


def pair_run() -> Run:
    return Run(marked_pack(), SessionOptions(pair=True))


async def join(address, clock: FakeClock, code: str = CODE, **options) -> CandidateClient:
    return await CandidateClient.join(address.host, address.port, code, clock=clock, timing=QUIET, **options)


async def test_the_right_code_joins_and_the_candidate_gets_the_view_and_sends_intents() -> None:
    async with hosting(pair_run()) as (hosted, address):
        client = await join(address, FakeClock(start=50.0), code=" 482 913 ")
        received = await client.next_view(after=0)
        assert received is not None and received.view.pack_title == "Marked"
        assert received.received_at == 50.0
        await until(lambda: hosted.host.connected)
        assert [event.kind for event in hosted.events] == [HostEventKind.JOINED]
        assert hosted.host.shown == received.view
        assessment = SubmitAssessment(ratings={"q1": Rating.GOOD})
        for intent in (Ready(), Notes("outline: metrics first"), SelfAssessment(assessment)):
            assert await client.send(intent)
        await until(lambda: len(hosted.intents) == 3)
        assert hosted.intents == [Ready(), Notes("outline: metrics first"), SelfAssessment(assessment)]
        await client.leave()
        await until(lambda: not hosted.host.connected)
        assert hosted.events[-1].kind is HostEventKind.LEFT


async def test_on_the_lan_any_free_port_is_one_port_the_candidate_can_join_on() -> None:
    # Listening on every address family bound IPv6 too, on a port of its own, and which of the two ports was
    # reported changed from run to run (a set's order): hosting several times would have caught it.
    for _ in range(8):
        hosted = HostedRun(pair_run())
        address = await hosted.host.start(port=0, lan=True)
        try:
            assert address.host == "0.0.0.0"
            client = await join(Address("127.0.0.1", address.port), FakeClock())  # every interface has loopback
            assert await client.next_view(after=0) is not None
            await client.leave()
        finally:
            await hosted.host.close()


async def test_a_wrong_code_is_refused_alike_and_nothing_is_sent() -> None:
    async with hosting(pair_run()) as (hosted, address):
        bare = await BareCandidate.connect(address)
        answer = await bare.join("482914")
        assert answer == Refused("wrong code")
        with pytest.raises(JoinError, match="the host refused: wrong code$"):
            await join(address, FakeClock(), code="000000")
        assert not hosted.host.connected and hosted.host.wrong_codes == 2
        assert not any("Marked" in message for message in bare.messages)
        await bare.close()


async def test_a_join_of_another_version_is_refused_saying_so_and_the_interviewer_is_told() -> None:
    async with hosting(pair_run()) as (hosted, address):
        bare = await BareCandidate.connect(address)
        await bare.send(Hello(protocol="mockint.remote/1"))
        answer = await bare.frame()
        assert answer == Refused(other_version_text(PROTOCOL, "mockint.remote/1"), protocol=PROTOCOL)
        assert answer.reason.startswith("host and join run different versions of mockint: the host speaks")
        again = await BareCandidate.connect(address)
        await again.send(Hello(protocol="mockint.remote/1"))
        assert isinstance(await again.frame(), Refused)
        assert [event.kind for event in hosted.events] == [HostEventKind.OTHER_VERSION]  # told once
        assert not hosted.host.connected
        await bare.close()
        await again.close()


@pytest.mark.parametrize(
    ("refusal", "host_protocol"),
    [
        (Refused("this host speaks mockint.remote/1: update mockint"), "mockint.remote/1"),  # as the first hosts said
        (Refused("whatever a later host says", protocol="mockint.remote/9"), "mockint.remote/9"),
    ],
)
async def test_a_host_of_another_version_is_said_plainly(refusal: Refused, host_protocol: str) -> None:
    host = BareHost(refusal=refusal)
    address = await host.start()
    try:
        with pytest.raises(JoinError) as refused:
            await join(address, FakeClock())
    finally:
        await host.close()
    assert str(refused.value) == (
        f"host and join run different versions of mockint: the host speaks {host_protocol}, the join {PROTOCOL};"
        " install the same version on both terminals"
    )


async def test_a_refusal_naming_the_joins_own_protocol_is_an_ordinary_refusal() -> None:
    host = BareHost(refusal=Refused("wrong code", protocol=PROTOCOL))
    address = await host.start()
    try:
        with pytest.raises(JoinError, match="^the host refused: wrong code$"):
            await join(address, FakeClock())
    finally:
        await host.close()

async def test_a_web_page_cannot_connect() -> None:
    async with hosting(pair_run()) as (hosted, address):
        with pytest.raises(InvalidStatus, match="403"):
            await connect(f"ws://{address.host}:{address.port}", origin=Origin("http://example.org"), proxy=None)
        assert not hosted.host.connected


async def test_wrong_codes_make_the_host_back_off_and_then_tell_the_interviewer() -> None:
    timing = Timing(heartbeat_every=None, free_attempts=2, first_backoff=1.0, longest_backoff=4.0, tell_host_every=5)
    async with hosting(pair_run(), timing=timing) as (hosted, address):
        clock = hosted.clock

        async def attempt(code: str) -> object:
            bare = await BareCandidate.connect(address)
            try:
                return await bare.join(code)
            finally:
                await bare.close()

        assert await attempt("1") == Refused("wrong code")
        assert await attempt("2") == Refused("wrong code")
        assert await attempt("3") == Refused("wrong code")  # the first past the free ones: 1 s without checking
        assert await attempt(CODE) == Refused("too many wrong codes: wait and try again", 1.0)  # not even checked
        clock.advance(1.0)
        assert await attempt("4") == Refused("wrong code")  # now 2 s
        clock.advance(1.5)
        assert await attempt(CODE) == Refused("too many wrong codes: wait and try again", 0.5)
        assert not any(event.kind is HostEventKind.WRONG_CODES for event in hosted.events)
        clock.advance(0.5)
        assert await attempt("5") == Refused("wrong code")
        assert [event.message for event in hosted.events] == ["5 wrong join codes in a row: someone may be guessing"]
        clock.advance(4.0)  # the longest wait, not 8 s
        assert isinstance(await attempt(CODE), Welcome)
        assert hosted.host.wrong_codes == 0


async def test_a_new_candidate_with_the_code_takes_over_and_the_old_one_is_told() -> None:
    async with hosting(pair_run()) as (hosted, address):
        first = await join(address, FakeClock())
        assert await first.next_view(after=0) is not None
        second = await join(address, FakeClock())
        assert await first.wait_ended() == REPLACED
        received = await second.next_view(after=0)
        assert received is not None and received.sequence == 1  # the whole view again, for the new screen
        assert hosted.host.connected
        kinds = [event.kind for event in hosted.events]
        assert kinds == [HostEventKind.JOINED, HostEventKind.REPLACED, HostEventKind.JOINED]
        assert not await first.send(Ready())
        assert await second.send(Ready())
        await until(lambda: hosted.intents == [Ready()])
        await second.leave()


async def test_the_host_drops_a_silent_candidate_who_may_rejoin() -> None:
    async with hosting(pair_run()) as (hosted, address):
        bare = await BareCandidate.connect(address)
        assert isinstance(await bare.join(), Welcome)
        assert isinstance(await bare.frame(), ViewFrame)
        hosted.clock.advance(7.0)
        await hosted.host.check_heartbeat()
        assert await bare.frame() == Heartbeat()  # not silent yet: the host only says it is alive
        await bare.send(Heartbeat())
        await bare.send_intent(Ready())  # frames are taken in order: once this is in, so is the heartbeat
        await until(lambda: hosted.intents == [Ready()])
        hosted.clock.advance(7.5)
        await hosted.host.check_heartbeat()  # 14.5 s since joining, 7.5 s since the heartbeat
        assert hosted.host.connected and await bare.frame() == Heartbeat()
        hosted.clock.advance(1.0)
        await hosted.host.check_heartbeat()  # heard from 8.5 s ago: silent
        assert not hosted.host.connected
        assert hosted.events[-1].kind is HostEventKind.SILENT
        client = await join(address, FakeClock())
        assert await client.next_view(after=0) is not None
        await client.leave()


async def test_the_heartbeat_loops_run_on_the_injected_sleep() -> None:
    """Each side's loop beats and checks every `heartbeat_every` of its sleep; here a sleep ends when the test says."""
    timing = Timing(heartbeat_every=2.0, silent_after=5.0)
    run = pair_run()
    host_sleeps: asyncio.Queue[None] = asyncio.Queue()

    async def host_sleep(seconds: float) -> None:
        await host_sleeps.get()
        run.clock.advance(seconds)

    hosted = HostedRun(run, timing=timing, sleep=host_sleep)
    address = await hosted.host.start()
    bare = await BareCandidate.connect(address)
    assert isinstance(await bare.join(), Welcome)
    assert isinstance(await bare.frame(), ViewFrame)
    for _ in range(2):
        host_sleeps.put_nowait(None)
        assert await bare.frame() == Heartbeat()  # 2 s, then 4 s: not yet silent
    host_sleeps.put_nowait(None)  # 6 s without a word from the candidate
    await until(lambda: not hosted.host.connected)
    assert hosted.events[-1].kind is HostEventKind.SILENT
    await hosted.host.close()


async def test_the_candidates_heartbeat_loop_beats_then_notices_a_silent_host() -> None:
    clock = FakeClock()
    sleeps: asyncio.Queue[None] = asyncio.Queue()

    async def sleep(seconds: float) -> None:
        await sleeps.get()
        clock.advance(seconds)

    bare_host = BareHost()
    address = await bare_host.start()
    client = await CandidateClient.join(
        address.host, address.port, CODE, clock=clock, timing=Timing(heartbeat_every=2.0, silent_after=5.0), sleep=sleep
    )
    connection = await bare_host.candidate()
    for _ in range(2):
        sleeps.put_nowait(None)
        assert decode_frame(await asyncio.wait_for(connection.recv(), 5)) == Heartbeat()
    sleeps.put_nowait(None)  # 6 s without a word from the host
    assert await client.wait_ended() == HOST_SILENT
    await bare_host.close()


async def test_the_candidate_notices_a_silent_host() -> None:
    async with hosting(pair_run()) as (hosted, address):
        clock = FakeClock()
        client = await join(address, clock)
        await client.next_view(after=0)
        clock.advance(8.5)
        await client.check_heartbeat()
        assert client.ended == HOST_SILENT
        await until(lambda: not hosted.host.connected)


async def test_the_candidate_is_told_when_the_host_ends_or_goes_away() -> None:
    ended: list[str] = []
    async with hosting(pair_run()) as (hosted, address):
        client = await join(address, FakeClock(), on_end=ended.append)
        await client.next_view(after=0)
    assert await client.wait_ended() == ENDED
    assert ended == [ENDED]
    bare_host = BareHost()
    address = await bare_host.start()
    client = await join(address, FakeClock())
    (await bare_host.candidate()).transport.abort()  # the network drops: no goodbye
    assert await client.wait_ended() == HOST_GONE
    await bare_host.close()


async def test_malformed_oversized_and_out_of_order_frames_are_dropped_with_a_log_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="mockint.remote")
    async with hosting(pair_run()) as (hosted, address):
        bare = await BareCandidate.connect(address)
        await bare.connection.send('{"kind": "proof"')  # before hello, and not JSON
        assert isinstance(await bare.join(), Welcome)
        await bare.connection.send("not json at all")
        await bare.connection.send(b"\x00binary")
        await bare.connection.send('{"kind": "intent", "intent": {"intent": "ready"}, "x": ' + "1" * MAX_FRAME_BYTES + "}")
        await bare.send(Welcome("forged"))  # a host's frame, from the candidate
        await bare.send_intent(SelfAssessment(SubmitAssessment(role=Role.INTERVIEWER)))  # not theirs to give
        await bare.send_intent(Notes("still here"))
        await until(lambda: hosted.intents == [Notes("still here")])
        dropped = [record.getMessage() for record in caplog.records if "dropped" in record.getMessage()]
        assert len(dropped) == 6, dropped
        assert "not JSON" in dropped[1] and "binary" in dropped[2] and "bytes (at most" in dropped[3]
        assert "Welcome frame from the candidate: out of order" in dropped[4]
        assert "in the interviewer's name" in dropped[5]
        # Beyond twice the limit the library itself closes the connection; the host goes on.
        await bare.connection.send("x" * (2 * MAX_FRAME_BYTES + 1))
        await until(lambda: not hosted.host.connected)
        client = await join(address, FakeClock())
        assert await client.next_view(after=0) is not None
        await client.leave()


async def test_the_candidate_drops_bad_frames_from_the_host_and_out_of_order_views(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="mockint.remote")
    bare_host = BareHost()
    address = await bare_host.start()
    client = await join(address, FakeClock())
    connection = await bare_host.candidate()
    engine = pair_run().engine
    view = candidate_view(engine.record, engine.state, engine.offset())
    await connection.send("{]")
    await connection.send('{"kind": "view", "sequence": 9}')  # no view in it
    await connection.send(encode_frame(ViewFrame(3, view)), text=True)
    await connection.send(encode_frame(ViewFrame(2, view)), text=True)  # older than the last: out of order
    await connection.send(encode_frame(ViewFrame(5, view)), text=True)
    received = await client.next_view(after=3)
    assert received is not None and received.sequence == 5 and client.ended is None
    dropped = [record.getMessage() for record in caplog.records if "dropped" in record.getMessage()]
    assert len(dropped) == 3, dropped
    assert "not JSON" in dropped[0] and "not a valid" in dropped[1]
    assert "view 2 from the host: out of order (after 3)" in dropped[2]
    await client.leave()
    await bare_host.close()


async def test_only_changes_are_sent_and_the_candidate_counts_down_on_its_own_clock() -> None:
    run = pair_run()
    async with hosting(run) as (hosted, address):
        clock = FakeClock(start=300.0)
        client = await join(address, clock)
        await client.next_view(after=0)
        run.act("begin", None)  # the first question: its clock runs
        assert await hosted.host.push()
        received = await client.next_view(after=1)
        assert received is not None and received.remaining(clock.now()) == 60.0
        run.clock.advance(10.0)
        assert not await hosted.host.push()  # only time passed: the candidate counts down alone
        clock.advance(10.0)
        assert received.remaining(clock.now()) == 50.0
        run.apply(Pause())
        assert await hosted.host.push()
        paused = await client.next_view(after=received.sequence)
        assert paused is not None and paused.remaining(clock.now() + 30) == 50.0
        await client.leave()


def steps_of_a_whole_interview() -> list[tuple[str, object]]:
    """Answers that do not mention the trigger terms (so the conditional challenges are posed), a hint, both
    assessments in either order, then the end."""
    turn = [("type", "I track completion and engagement."), ("advance", 25), ("hint", None), ("advance", 40)]
    assess = [("assess", Rating.GOOD), ("assess interviewer", Rating.MIXED)]
    steps = [("next", None)]
    for _ in range(8):
        steps += [*turn, ("next", None)]
    return steps + assess + [("next", None)] * 6 + list(reversed(assess)) + [("next", None)] * 4


async def frames_of_a_whole_interview(run: Run) -> list[str]:
    """Every message a bare candidate receives over a whole pair interview, each checked against the
    markers private at the moment it was sent."""
    async with hosting(run) as (hosted, address):
        bare = await BareCandidate.connect(address)
        assert isinstance(await bare.join(), Welcome)

        async def check_next_frame() -> None:
            await bare.frame()
            leaked = sorted(m for m in private_now(run.engine.record, run.engine.state) if m in bare.messages[-1])
            assert not leaked, f"a frame at {run.engine.state} carries {leaked}"

        await check_next_frame()
        for name, value in steps_of_a_whole_interview():
            run.act(name, value)
            if await hosted.host.push():
                await check_next_frame()
        await bare.close()
        return bare.messages


async def test_no_frame_of_a_whole_pair_interview_carries_a_private_marker_before_its_reveal() -> None:
    run = pair_run()
    messages = await frames_of_a_whole_interview(run)
    assert all(round_.revealed_at is not None for round_ in run.engine.record.rounds)
    views = [message for message in messages if '"kind":"view"' in message]
    # A frame per change the candidate can see: questions, challenges, hand-offs, reveals (not the partner's notes).
    assert len(views) > 10
    # What the reveals hand over does cross the wire once its time comes.
    assert "REFERENCE-MARK-1" in views[-1] and "NOTE-MARK q1" in views[-1] and "HINT-MARK-1" in views[-1]
    assert not any("GUIDE-MARK" in message or "ANCHOR-MARK" in message for message in messages)


async def test_the_frame_check_catches_a_view_that_leaks(monkeypatch: pytest.MonkeyPatch) -> None:
    def leaky_view(record: SessionRecord, state: State, at: float) -> CandidateView:
        view = candidate_view(record, state, at)
        return replace(view, pack_title=record.rounds[0].questions[0].reference or "")

    monkeypatch.setattr(support.remote, "candidate_view", leaky_view)
    with pytest.raises(AssertionError, match="REFERENCE-MARK-1"):
        await frames_of_a_whole_interview(pair_run())


def test_codes_are_six_digits_on_loopback_and_words_on_a_lan() -> None:
    assert all(len(code) == 6 and code.isdigit() for code in (new_code(lan=False) for _ in range(50)))
    words = new_code(lan=True).split("-")
    assert len(words) == 4 and all(word in WORD_LIST for word in words)
    assert len(set(WORD_LIST)) == 256
    assert normalised("  Oak  FOX-pine ") == "oak-fox-pine" == normalised("oak fox pine")
    assert checked_code("Correct Horse") == "correct-horse"
    with pytest.raises(CodeError, match="at least 6"):
        checked_code("ab-cd")


@pytest.mark.parametrize(
    ("text", "expected"), [("127.0.0.1:8765", ("127.0.0.1", 8765)), ("[::1]:80", ("::1", 80)), ("host.lan:1", ("host.lan", 1))]
)
def test_addresses_are_host_and_port(text: str, expected: tuple[str, int]) -> None:
    assert split_address(text) == expected


@pytest.mark.parametrize("text", ["127.0.0.1", ":80", "host:0", "host:99999", "host:http"])
def test_an_address_without_a_usable_port_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is not HOST:PORT"):
        split_address(text)


def test_two_processes_join_over_loopback_and_the_candidate_sees_the_question_and_the_end() -> None:
    peer = [sys.executable, "-m", "support.remote_peers"]
    with subprocess.Popen([*peer, "host", CODE], cwd=TESTS_DIR, stdout=subprocess.PIPE, text=True) as host:
        assert host.stdout is not None
        port = host.stdout.readline().split()[-1]
        joined = subprocess.run([*peer, "join", port, CODE], cwd=TESTS_DIR, capture_output=True, text=True, timeout=60)
        hosted, _ = host.communicate(timeout=60)
    assert joined.returncode == 0, joined.stderr
    assert joined.stdout.splitlines() == [
        "question: Which metrics do you track?", "remaining: 60", f"ended: {ENDED}"
    ]  # fmt: skip
    assert host.returncode == 0
    assert hosted == "candidate's notes: metrics first, then the drop\n"
