"""A hosted pair run resumed: hosted again, on the port it had, with a new code a candidate joins with; a
journal from before hosting was kept resumes on one terminal; a port that cannot be had is said in one line
(the command line) or a notification (the home screen's offer); a role swap after a resume finds the pack by
name, or says where it was."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import msgspec
import pytest

from mockint.core.clock import FakeClock
from mockint.core.codec import CodecError, encode
from mockint.core.paths import sessions_dir
from mockint.packs.discovery import Library
from mockint.remote.client import CandidateClient
from mockint.remote.timing import Timing
from mockint.session.record import SessionRecord
from mockint.session.setup import SessionOptions
from mockint.storage.autosave import open_journal, read_header
from mockint.storage.journal import HostedRun, JournalError, read_journal
from mockint.ui.app import StartRequest
from mockint.ui.screens.confirm import ChoiceScreen
from mockint.ui.screens.home import HomeScreen
from mockint.ui.screens.pair import PairScreen
from mockint.ui.widgets.hosting_status import HostingStatus
from support.apps import SIZE, hosted_app, make_app
from support.packs import MINI, PACKS_DIR, mini_pack
from support.pilot import engine_of, wait_for_screen
from support.remote import until
from support.saved import only_journal, restored, saved_commands
from support.tmux import Tmux, mockint_in_tmux

QUIET = Timing(heartbeat_every=None)
PAIR = SessionOptions(pair=True, candidate="Ann", interviewer="Bo")
CODE_SHOWN = re.compile(r"mockint join 127\.0\.0\.1:(\d+) · code (\d{6})")


def status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(HostingStatus).render())


@contextmanager
def port_taken() -> Iterator[int]:
    """A loopback port something else listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield taken.getsockname()[1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def take_the_offer(pilot) -> None:  # type: ignore[no-untyped-def]
    """The home screen's offer to resume the unfinished interview, taken (`r`)."""
    await wait_for_screen(pilot, ChoiceScreen)
    await pilot.press("r")
    await pilot.pause()


def without_new_fields(journal: Path) -> None:
    """Rewrite the journal's header as a mockint that did not keep hosting (nor the pack's source) wrote it."""
    header, rest = journal.read_bytes().split(b"\n", 1)
    fields = json.loads(header)
    del fields["hosted"], fields["pack_source"]
    journal.write_bytes(json.dumps(fields).encode() + b"\n" + rest)


# -- the journal --------------------------------------------------------------------


def test_an_older_journal_without_hosting_reads_as_not_hosted(tmp_path: Path) -> None:
    saved_commands(tmp_path, PAIR, "answering", hosted=HostedRun(port=8765), pack_source=str(MINI))
    journal = next(tmp_path.glob("*.journal"))
    assert read_header(journal).hosted == HostedRun(port=8765, lan=False)
    without_new_fields(journal)
    header = read_journal(journal.read_bytes()).header
    assert header.hosted is None and header.pack_source is None
    assert header.record.pair


# -- resumed from the home screen --------------------------------------------------


async def test_a_hosted_run_left_unfinished_resumes_hosted_with_a_new_code(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    app, _ = hosted_app(data_dir=data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: app.hosting is not None and app.hosting.address is not None)
        old_code = app.hosting.code
        await pilot.press("enter")  # the first question
        await pilot.pause()
    assert read_header(only_journal(data_dir)).hosted == HostedRun(port=0, lan=False)

    app = make_app(data_dir, library=Library(packs=(mini_pack(),)))
    told: list[str] = []
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.notify = lambda message, **_: told.append(str(message))  # type: ignore[method-assign]
        await take_the_offer(pilot)
        await until(lambda: app.hosting is not None and app.hosting.address is not None)
        await pilot.pause()
        assert isinstance(app.screen, PairScreen) and app.screen.hosting is app.hosting
        new_code = app.hosting.code
        assert new_code != old_code and re.fullmatch(r"\d{6}", new_code)
        assert f"· code {new_code}" in status(app)
        assert any("hosted again, with a new code" in message for message in told)
        address = app.hosting.address
        client = await CandidateClient.join(address.host, address.port, new_code, clock=FakeClock(), timing=QUIET)
        await until(lambda: app.hosting.connected and client.received is not None)
        assert client.received is not None and client.received.view.position.question == 0
        await client.leave()


async def test_a_resumed_hosted_run_keeps_the_choice_to_pause_the_clock_while_the_candidate_is_away(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    app, _ = hosted_app(data_dir=data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: app.hosting is not None and app.hosting.address is not None)
        await pilot.press("a")  # the clock pauses while no candidate is connected
        await pilot.press("enter")  # the first question
        await pilot.pause()
        assert "clock pauses while they are away" in status(app)

    app = make_app(data_dir, library=Library(packs=(mini_pack(),)))
    async with app.run_test(size=SIZE) as pilot:
        await take_the_offer(pilot)
        await until(lambda: app.hosting is not None and app.hosting.address is not None)
        await pilot.pause()
        assert engine_of(app).record.clock_pauses_while_away and "clock pauses while they are away" in status(app)
        assert engine_of(app).paused  # nobody has joined the resumed run yet: its clock waits


async def test_an_older_journal_resumes_on_one_terminal(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    saved_commands(sessions_dir(data_dir), PAIR, "answering", hosted=HostedRun(port=0))
    without_new_fields(only_journal(data_dir))
    app = make_app(data_dir, library=Library(packs=(mini_pack(),)))
    async with app.run_test(size=SIZE) as pilot:
        await take_the_offer(pilot)
        await pilot.pause()
        assert isinstance(app.screen, PairScreen)
        assert app.hosting is None and app.screen.hosting is None and not app.screen.query(HostingStatus)


async def test_a_hosted_run_whose_port_is_taken_is_not_resumed_and_the_app_says_how(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    told: list[str] = []
    with port_taken() as port:
        saved_commands(sessions_dir(data_dir), PAIR, "answering", hosted=HostedRun(port=port))
        app = make_app(data_dir, library=Library(packs=(mini_pack(),)))
        async with app.run_test(size=SIZE) as pilot:
            app.notify = lambda message, **_: told.append(str(message))  # type: ignore[method-assign]
            await take_the_offer(pilot)
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen) and app.hosting is None and app.engine is None
    [message] = told
    assert message.startswith(f"Cannot listen on port {port} of 127.0.0.1 to host the interview again: ")
    assert message.endswith("; choose another with mockint resume --port N (0: any free one).")


# -- swapping roles after a resume -----------------------------------------------------


async def swap_now(pilot) -> tuple[SessionRecord, SessionRecord]:  # type: ignore[no-untyped-def]
    """The run on the screen, and the run after `s` on its summary would have swapped the roles (or the same)."""
    await pilot.pause()
    before = engine_of(pilot.app).record
    pilot.app.swap_roles(before)
    await pilot.pause()
    return before, engine_of(pilot.app).record


async def test_a_swap_after_a_resume_finds_the_pack_by_name(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    saved_commands(sessions_dir(data_dir), PAIR, "answering", pack_source=str(MINI))
    app = make_app(data_dir, library=Library(packs=(mini_pack(),)))
    async with app.run_test(size=SIZE) as pilot:
        await take_the_offer(pilot)
        resumed, swapped = await swap_now(pilot)
        assert swapped is not resumed and (swapped.candidate, swapped.interviewer) == ("Bo", "Ann")


async def test_a_swap_runs_the_pack_the_run_was_started_from_even_when_not_in_the_library(tmp_path: Path) -> None:
    """As `mockint run PATH --pair` starts it: the pack is read from its path, not found by its name."""
    app = make_app(tmp_path / "data", library=Library(packs=()), start=StartRequest(mini_pack(), PAIR))
    async with app.run_test(size=SIZE) as pilot:
        first, swapped = await swap_now(pilot)
        assert swapped is not first and (swapped.candidate, swapped.interviewer) == ("Bo", "Ann")


async def test_a_swap_after_a_resume_without_the_pack_says_where_it_was(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    saved_commands(sessions_dir(data_dir), PAIR, "answering", pack_source=str(MINI))
    app = make_app(data_dir, library=Library(packs=()))
    told: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await take_the_offer(pilot)
        app.notify = lambda message, **_: told.append(str(message))  # type: ignore[method-assign]
        resumed, after = await swap_now(pilot)
        assert after is resumed
    [message] = told
    assert f"it was read from {MINI}" in message
    assert f"mockint run {MINI} --pair" in message and f"a resume given --rounds {PACKS_DIR}" in message


# -- the command line -------------------------------------------------------------------


def resume(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`mockint resume` with stdin closed: everything it checks comes before the terminal."""
    return subprocess.run(
        [sys.executable, "-m", "mockint", "resume", *args], text=True, capture_output=True,
        stdin=subprocess.DEVNULL, timeout=60, env={"MOCKINT_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mockint: "), result.stderr
    return lines[0]


def test_port_and_lan_are_refused_for_a_run_that_was_not_hosted(tmp_path: Path) -> None:
    saved_commands(sessions_dir(tmp_path), PAIR, "answering")
    line = one_line_error(resume(tmp_path, "--port", "0"))
    assert line == "mockint: --port and --lan are for resuming a hosted interview; this one ran on one terminal"
    assert one_line_error(resume(tmp_path, "--lan")) == line


def test_a_hosted_run_whose_port_is_taken_is_refused_in_one_line(tmp_path: Path) -> None:
    with port_taken() as port:
        saved_commands(sessions_dir(tmp_path), PAIR, "answering", hosted=HostedRun(port=port))
        line = one_line_error(resume(tmp_path))
        assert line.startswith(f"mockint: cannot listen on port {port} of 127.0.0.1 to host the interview again: ")
        assert line.endswith("; choose another with mockint resume --port N (0: any free one)")  # as in the app
        # Another port, given, is free: it gets as far as the terminal.
        assert "needs a terminal" in one_line_error(resume(tmp_path, "--port", "0"))


def test_a_bad_port_given_to_resume_is_refused(tmp_path: Path) -> None:
    saved_commands(sessions_dir(tmp_path), PAIR, "answering", hosted=HostedRun(port=0))
    line = one_line_error(resume(tmp_path, "--port", "70000"))
    assert line == "mockint: --port takes a number from 0 (any free port) to 65535, not '70000'"


# -- for real: hosted, killed, resumed, joined ------------------------------------------


def shown_code(tmux: Tmux) -> tuple[int, str]:
    tmux.wait_until(lambda: CODE_SHOWN.search(tmux.screen()) is not None, "no join line")
    found = CODE_SHOWN.search(tmux.screen())
    assert found is not None
    return int(found.group(1)), found.group(2)


async def join_and_see(port: int, code: str) -> int | None:
    client = await CandidateClient.join("127.0.0.1", port, code, clock=FakeClock(), timing=QUIET)
    try:
        await until(lambda: client.received is not None)
        assert client.received is not None
        return client.received.view.position.question
    finally:
        await client.leave()


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_a_hosted_run_killed_resumes_hosted_on_its_port_with_a_new_code(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    port = free_port()
    (tmp_path / "host").mkdir()
    with mockint_in_tmux(tmp_path / "host", "host", "mini", "--port", str(port), "--rounds", str(PACKS_DIR),
                         data_dir=data_dir) as tmux:  # fmt: skip
        assert shown_code(tmux)[0] == port
        old_code = shown_code(tmux)[1]
        tmux.press("Enter")
        tmux.wait_for("Tell me about yourself.")
        tmux.wait_until(lambda: saved_question(data_dir) == 0, "the first question was not saved")
        os.kill(tmux.mockint_pid(), signal.SIGKILL)
        assert tmux.wait_for_exit() == 128 + signal.SIGKILL

    (tmp_path / "resume").mkdir()
    with mockint_in_tmux(tmp_path / "resume", "resume", data_dir=data_dir) as tmux:
        screen = tmux.wait_for("Resumed")
        assert "hosted again" in screen
        same_port, new_code = shown_code(tmux)
        assert same_port == port and new_code != old_code
        assert "Tell me about yourself." in tmux.screen()
        assert asyncio.run(join_and_see(port, new_code)) == 0
    header = open_journal(only_journal(data_dir)).header
    assert header.hosted == HostedRun(port=port, lan=False)
    assert b"code" not in encode(header.hosted)  # a code is never kept


def saved_question(data_dir: Path) -> int | None:
    """The question the journal on disk is at; None before it is written."""
    try:
        return restored(data_dir).interviewer_view().position.question
    except (ValueError, JournalError, CodecError, OSError):
        return None


async def test_the_journal_keeps_where_the_pack_was_read_from_as_a_path_from_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(PACKS_DIR)
    pack = msgspec.structs.replace(mini_pack(), source=Path("mini"))  # as found through `--rounds .`
    data_dir = tmp_path / "data"
    app = make_app(data_dir, library=Library(packs=(pack,)), start=StartRequest(pack, PAIR))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert read_header(only_journal(data_dir)).pack_source == str(MINI)
