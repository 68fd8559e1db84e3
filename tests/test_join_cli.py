"""`mockint join` on the command line, as a process of its own: what cannot join says why in one line, with its
documented exit status, never a traceback. Loopback only."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from mockint.cli import main
from mockint.cli.exits import EXIT_NOT_JOINED, EXIT_USAGE
from mockint.cli.launch import join_error_text
from mockint.remote.client import JoinError
from mockint.remote.frames import PROTOCOL, Refused
from support.remote import CODE, BareHost

TESTS_DIR = Path(__file__).parent


def join(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mockint", "join", *args], stdin=subprocess.DEVNULL, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr


def closed_port() -> int:
    """A loopback port nothing listens on: bound for a moment to find it free, then closed."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_address_that_is_not_host_port_is_a_usage_error() -> None:
    result = join("localhost", "--code", CODE)
    assert result.returncode == EXIT_USAGE
    assert one_line(result) == "mockint: 'localhost' is not HOST:PORT (for example 127.0.0.1:8765)\n"


def test_a_closed_port_cannot_be_reached() -> None:
    port = closed_port()
    result = join(f"127.0.0.1:{port}", "--code", CODE)
    assert result.returncode == EXIT_NOT_JOINED
    assert one_line(result).startswith(f"mockint: could not reach 127.0.0.1:{port}: ")


def test_without_a_code_or_a_terminal_to_ask_for_it_on_it_says_to_give_code() -> None:
    result = join(f"127.0.0.1:{closed_port()}")
    assert result.returncode == EXIT_USAGE
    assert one_line(result) == "mockint: give the join code with --code: there is no terminal to ask for it on\n"


def test_a_wrong_code_is_refused_and_a_right_one_joins_before_the_terminal_is_asked_for() -> None:
    peer = [sys.executable, "-m", "support.remote_peers", "host", CODE]
    with subprocess.Popen(peer, cwd=TESTS_DIR, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as host:
        try:
            assert host.stdout is not None
            port = host.stdout.readline().split()[-1]
            wrong = join(f"127.0.0.1:{port}", "--code", "000000")
            right = join(f"127.0.0.1:{port}", "--code", CODE)
        finally:
            host.kill()
    assert wrong.returncode == EXIT_NOT_JOINED
    assert one_line(wrong) == "mockint: the host refused: wrong code\n"
    assert right.returncode == EXIT_USAGE  # joined, then no terminal to show the screen on
    assert one_line(right).startswith("mockint: the app needs a terminal")


def test_a_host_backing_off_says_how_long_to_wait() -> None:
    refused = JoinError("the host refused: too many wrong codes: wait and try again", retry_after=1.2)
    assert join_error_text(refused) == "the host refused: too many wrong codes: wait and try again (in 2 s)"
    assert join_error_text(JoinError("the host refused: wrong code")) == "the host refused: wrong code"


async def test_a_host_of_another_version_is_one_line_and_the_not_joined_status(
    capsys: pytest.CaptureFixture[str],
) -> None:
    host = BareHost(refusal=Refused("this host speaks mockint.remote/1: update mockint"))
    address = await host.start()
    try:
        status = await asyncio.to_thread(main, ["join", f"{address.host}:{address.port}", "--code", CODE])
    finally:
        await host.close()
    assert status == EXIT_NOT_JOINED
    assert capsys.readouterr().err == (
        f"mockint: host and join run different versions of mockint: the host speaks mockint.remote/1, the join"
        f" {PROTOCOL}; install the same version on both terminals\n"
    )
