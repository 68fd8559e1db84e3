"""Shared by the tests of files that are not regular files (FIFOs, devices, link loops...).

Calls that would block on such a file run under `finishes`, a hang guard: it
turns a hang into a failure and is not a timing assertion.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

HANG_GUARD_SECONDS = 30
ROUND = "title: {title}\nquestions:\n  - ask: What is a mutex?\n    time: 1m\n"

FIFO = "is a FIFO (named pipe), not a regular file"
DEVICE = "is a character device, not a regular file"
LOOP = "is a symbolic link loop: following its links never reaches a file"
DENIED = "cannot read file: Permission denied"

Result = TypeVar("Result")


def write_round(path: Path, title: str = "T") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ROUND.format(title=title), encoding="utf-8")
    return path


def finishes(call: Callable[[], Result]) -> Result:
    """call(), in a daemon thread, failing instead of hanging the suite if it blocks."""
    outcome: list[Result] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:  # re-raised in the test's thread below
            errors.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HANG_GUARD_SECONDS)
    assert not thread.is_alive(), f"still blocked after {HANG_GUARD_SECONDS}s"
    if errors:
        raise errors[0]
    return outcome[0]


def is_regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def refuse_to_open(monkeypatch: pytest.MonkeyPatch, locked: Path) -> None:
    """Opening `locked` fails as for a file without read permission.

    Running as root defeats chmod, so the tests make the open fail instead.
    """
    real_open = os.open

    def refusing(file: str | Path, flags: int, *args: int) -> int:
        if Path(file) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, flags, *args)

    monkeypatch.setattr(os, "open", refusing)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every path passed to os.open while the test runs."""
    seen: list[str] = []
    real_open = os.open

    def recording(path: str | Path, flags: int, *args: int) -> int:
        seen.append(os.fspath(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", recording)
    return seen
