"""Two terminals for real: `mockint host` in one tmux session and `mockint join` in others, over loopback.

Each terminal is the installed mockint in a private tmux server of its own (support.tmux), with a
data directory and an export folder of its own. The host listens on a free port (`--port 0`),
read from the join line its status shows. A candidate's terminal may be killed and another one
joined with the code, as a dropped laptop rejoins.
"""

from __future__ import annotations

import os
import re
import signal
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from support.tmux import Tmux, mockint_in_tmux

CODE = "482913"
JOIN_LINE = re.compile(r"mockint join 127\.0\.0\.1:(\d+)")
PACK = """\
title: Two terminals
interviewer:
  name: Lee
intro: One question, asked from another terminal.
questions:
  - id: metrics
    ask: Which metrics do you track?
    time: 10m
    guide:
      - Names a north-star metric
    hint: Start from what the users do.
    checklist:
      - Named one number
    challenges:
      - ask: And which one would you drop first?
        time: 5m
"""
"""One round of one question, its challenge posed only by the interviewer's key (no `at`): the real clock
moves nothing on by itself in the time a test takes."""


def write_pack(folder: Path) -> Path:
    """The two-terminal test pack, `two-terminals`, as a lone round file in `folder` (a --rounds directory)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "two-terminals.yaml").write_text(PACK, encoding="utf-8")
    return folder


@dataclass
class TwoTerminals:
    """The interviewer's terminal hosting, and the candidates' terminals joined to it."""

    host: Tmux
    port: int
    folder: Path
    terminals: ExitStack

    def join(self, name: str) -> Tmux:
        """`mockint join 127.0.0.1:PORT --code CODE` in a terminal of its own, its copy saved in `folder/name`;
        killed with the host's at the end."""
        home = self.folder / name
        home.mkdir()
        address = f"127.0.0.1:{self.port}"
        return self.terminals.enter_context(
            mockint_in_tmux(home, "join", address, "--code", CODE, "--out", str(home))
        )

    @property
    def host_out(self) -> Path:
        """Where the host's exports go."""
        return self.folder / "host"


def join_port(host: Tmux) -> int:
    """The port in the join line the hosting status shows."""
    found = JOIN_LINE.search(host.wait_for("mockint join 127.0.0.1:"))
    assert found is not None, "the status shows the join line"
    return int(found.group(1))


def kill(terminal: Tmux) -> None:
    """Kill mockint in `terminal` at once, as a laptop that drops off (no goodbye to the host)."""
    os.kill(terminal.mockint_pid(), signal.SIGKILL)
    terminal.wait_for_exit()


@contextmanager
def two_terminals(tmp_path: Path, *host_args: str) -> Iterator[TwoTerminals]:
    """`mockint host two-terminals --port 0 --code CODE HOST_ARGS` hosting, in `tmp_path/host`; all killed after."""
    rounds = write_pack(tmp_path / "rounds")
    host_home = tmp_path / "host"
    host_home.mkdir()
    args = ("host", "two-terminals", "--rounds", str(rounds), "--port", "0", "--code", CODE, "--out", str(host_home))
    with ExitStack() as terminals:
        host = terminals.enter_context(mockint_in_tmux(host_home, *args, *host_args))
        yield TwoTerminals(host, join_port(host), tmp_path, terminals)
