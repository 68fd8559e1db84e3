"""How the running app answers signals from outside.

Left to their defaults, SIGTERM and SIGHUP kill the process where it stands,
leaving the terminal in the app's alternate screen with mouse reporting on,
and SIGINT ends it with status 0. A SIGTSTP from outside stops it through
Textual's driver, which hands the terminal back but tells the app nothing
before the process stops, so an interview's clock would run on meanwhile.

Here each of those signals becomes a callback run by the event loop (asyncio's
`loop.add_signal_handler`), between two of the app's messages rather than in
the middle of one: the app then ends, or stops, through its ordinary paths.

Pure module: no textual import.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Callable

ENDING_SIGNALS = ("SIGTERM", "SIGHUP", "SIGINT")
"""Signals that end the app, by name: not every platform has them all."""

STOP_SIGNAL = "SIGTSTP"
CONTINUE_SIGNAL = "SIGCONT"


def exit_status(signum: int) -> int:
    """The shell's convention for a process ended by a signal: 128 + its number (SIGTERM 143, SIGHUP 129)."""
    return 128 + signum


def install(
    loop: asyncio.AbstractEventLoop,
    end: Callable[[int], object],
    job_control: tuple[Callable[[], object], Callable[[], object]] | None,
) -> list[int]:
    """Call `end(signum)` on an ending signal and, given `(stop, continued)`, those on SIGTSTP and SIGCONT.

    Returns the signals now handled. `stop` must resume the app itself once
    the process is continued: SIGCONT is taken from Textual's driver, which
    would otherwise start its application mode a second time on every SIGCONT
    that did not follow its own stop (two input and two output threads on one
    terminal). A signal the process was started with ignored (`nohup`, a
    background job's SIGINT) stays ignored, as a well-behaved program leaves
    it. Windows has none of these signals and no loop signal handlers.
    """
    if sys.platform == "win32":
        return []
    callbacks: dict[str, Callable[..., object]] = {}
    if job_control is not None:
        callbacks[STOP_SIGNAL], callbacks[CONTINUE_SIGNAL] = job_control
    handled: list[int] = []
    for name in (*ENDING_SIGNALS, *callbacks):
        signum = _signal_number(name)
        if signum is None:
            continue
        if name in callbacks:
            loop.add_signal_handler(signum, callbacks[name])
        else:
            loop.add_signal_handler(signum, end, signum)
        handled.append(signum)
    return handled


def uninstall(loop: asyncio.AbstractEventLoop, signals: list[int]) -> None:
    """Give `signals` back to their defaults (the app is gone: nothing is left to end cleanly)."""
    for signum in signals:
        loop.remove_signal_handler(signum)


def stop_this_process() -> None:
    """Stop until continued (`fg`, or SIGCONT), as Textual's own driver does on SIGTSTP."""
    os.kill(os.getpid(), signal.SIGSTOP)


def _signal_number(name: str) -> int | None:
    signum = getattr(signal, name, None)
    if signum is None or signal.getsignal(signum) is signal.SIG_IGN:
        return None
    return int(signum)
