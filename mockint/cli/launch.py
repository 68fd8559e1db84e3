"""The command-line handlers that open the app: plain `mockint`, `mockint run PACK`, `mockint host PACK`,
`mockint join HOST:PORT`, `mockint resume` and `mockint drill`.

Textual is imported only once the arguments are known to be good, so a usage
error is reported without loading it (and mockint.cli imports this module only
inside its handlers).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import math
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from mockint.cli.exits import EXIT_CONNECTION_LOST, EXIT_FAILURE, EXIT_NOT_JOINED, EXIT_OK, EXIT_USAGE, CliError
from mockint.packs.discovery import Library, discover, load_pack
from mockint.core.model import Pack
from mockint.core.safetext import printable
from mockint.core.userpaths import expand, look, reason, shown, working_folder

if TYPE_CHECKING:
    from mockint.remote.client import JoinError
    from mockint.ui.app import DrillRequest, HostRequest, ResumeRequest, StartRequest
    from mockint.session.setup import SessionOptions
    from mockint.storage.journal import HostedRun

EXIT_AFTER_PAINT_VARIABLE = "MOCKINT_EXIT_AFTER_PAINT"
"""Set to 1 to quit as soon as the first screen is drawn (the first-paint benchmark)."""

ROUND_SUFFIX = ".yaml"
MAX_PORT = 65535

TEXTUAL_DRIVER_VARIABLE = "TEXTUAL_DRIVER"
"""Textual's own choice of driver, as textual-serve sets it for its web driver: the app is then
drawn through that driver rather than the terminal, so the terminal checks stand aside."""


def driver_chosen(environ: Mapping[str, str] | None = None) -> bool:
    """Whether Textual was told which driver to use (see TEXTUAL_DRIVER_VARIABLE)."""
    return bool((os.environ if environ is None else environ).get(TEXTUAL_DRIVER_VARIABLE))


def require_terminal() -> None:
    """Refuse, with a one-line error and status 2, to run the app anywhere but a terminal.

    Textual reads keys from standard input and draws on standard error;
    standard output redirected means the user wants output in a file, which
    the app would never write. Checked on the original streams, which Textual uses.
    """
    if driver_chosen():
        return
    streams = (("input", sys.__stdin__), ("output", sys.__stdout__), ("error", sys.__stderr__))
    for name, stream in streams:
        if stream is None or stream.closed or not stream.isatty():
            raise CliError(
                f"the app needs a terminal, and standard {name} is not one"
                " (mockint list and mockint validate work without one)",
                EXIT_USAGE,
            )


def run_tui(args: argparse.Namespace) -> int:
    """Open the home screen over the packs discovery finds."""
    return _run_app(discover(args.rounds), start=None, export_dir=None, save=not args.no_save)


def run_interview(args: argparse.Namespace) -> int:
    """Start PACK straight away with the options given on the command line."""
    library, start = interview_request(args)
    return _run_app(library, start=start, export_dir=args.out, save=not args.no_save)


def host_interview(args: argparse.Namespace) -> int:
    """Start PACK as a pair run whose candidate joins from another terminal (`mockint host`)."""
    from mockint.remote.codes import CodeError, checked_code, new_code
    from mockint.ui.app import HostRequest

    port = _port(args.port)
    try:
        code = new_code(args.lan) if args.code is None else checked_code(args.code)
    except CodeError as error:
        raise CliError(f"--code: {error}", EXIT_USAGE) from None
    library, start = interview_request(args)
    check_can_listen(port, args.lan)
    host = HostRequest(code, port, args.lan)
    return _run_app(library, start=start, export_dir=args.out, save=not args.no_save, host=host)


def interview_request(args: argparse.Namespace) -> tuple[Library, StartRequest]:
    """The packs found and the run of PACK the options given ask for (`run` and `host`)."""
    if args.seed is not None and not args.shuffle:
        raise CliError("--seed only makes sense with --shuffle", EXIT_USAGE)
    library = discover(args.rounds)
    pack = resolve_pack(args.pack, library)
    options = session_options(args, pack)
    from mockint.ui.app import StartRequest

    return library, StartRequest(pack, options)


def _port(given: str) -> int:
    if not given.isdigit() or int(given) > MAX_PORT:
        raise CliError(f"--port takes a number from 0 (any free port) to {MAX_PORT}, not {given!r}", EXIT_USAGE)
    return int(given)


def check_can_listen(port: int, lan: bool) -> None:
    """Refuse, with a one-line error, a port the host could not listen on (in use, or not allowed).

    Checked before the terminal is taken over, with the options the host's server binds with.
    """
    from mockint.remote import host

    try:
        host.check_can_listen(port, lan)
    except OSError as error:
        choose = "choose another with --port N (0: any free one)"
        where = host.listening_on(lan)
        raise CliError(f"cannot listen on port {port} of {where}: {reason(error)}; {choose}", EXIT_USAGE) from None


def resume_interview(args: argparse.Namespace) -> int:
    """Continue the latest unfinished interview, or the one named, from its journal: no pack files needed."""
    from mockint.core.paths import data_dir, sessions_dir
    from mockint.storage.autosave import SessionNotFound, find_unfinished, open_journal
    from mockint.storage.journal import JournalError
    from mockint.ui.app import ResumeRequest

    if args.no_save:
        raise CliError("--no-save does not go with resume: a resumed interview goes on saving where it was saved", EXIT_USAGE)
    folder = sessions_dir(data_dir())
    try:
        path = find_unfinished(folder, args.session)
        journal = open_journal(path)
    except (SessionNotFound, JournalError) as error:
        raise CliError(str(error)) from None
    except OSError as error:
        raise CliError(f"cannot read {shown(error.filename or folder)}: {reason(error)}") from None
    host = hosting_for_resume(journal.header.hosted, args.port, args.lan)
    working_folder()
    return _run_app(discover(args.rounds), start=ResumeRequest(path, journal), export_dir=None, save=True, host=host)


def hosting_for_resume(hosted: HostedRun | None, port: str | None, lan: bool) -> HostRequest | None:
    """How a resumed run is hosted (mockint.ui.hosting.host_again says, and why not); None for a run that was not
    hosted, which `--port` and `--lan` do not go with."""
    if hosted is None:
        if port is not None or lan:
            raise CliError("--port and --lan are for resuming a hosted interview; this one ran on one terminal",
                           EXIT_USAGE)  # fmt: skip
        return None
    from mockint.ui.hosting import CannotHostAgain, host_again

    try:
        return host_again(hosted, None if port is None else _port(port), lan)
    except CannotHostAgain as error:
        raise CliError(str(error), EXIT_USAGE) from None


def drill(args: argparse.Namespace) -> int:
    """On a terminal, open the app on the drill: its questions, each with why, ready to start.
    Otherwise (or with nothing to drill) print them."""
    from datetime import datetime

    from mockint.analysis.drill import NOTHING_TO_DRILL
    from mockint.core.paths import data_dir, sessions_dir
    from mockint.storage.history import drill_from, read_history

    history = read_history(sessions_dir(data_dir())).for_candidate(args.name)
    library = None  # found only when needed: to check --pack, or to open the app
    if args.pack is not None:
        library = discover(args.rounds)
        _check_drill_pack(args.pack, library, {entry.record.pack_name for entry in history.entries})
    picks = drill_from(history, datetime.now().astimezone(), args.count, args.pack)
    if not picks:
        where = [f"in pack {shown(args.pack)}"] if args.pack is not None else []
        where += [f"of {printable(args.name.strip(), single_line=True)}'s interviews"] if args.name is not None else []
        said = " and ".join(where)
        print(f"{said[:1].upper()}{said[1:]}: {NOTHING_TO_DRILL}" if where else NOTHING_TO_DRILL)
        return EXIT_OK
    if sys.stdout.isatty() or driver_chosen():
        from mockint.ui.app import DrillRequest

        request = DrillRequest(args.count, args.pack, args.name)
        library = library if library is not None else discover(args.rounds)
        return _run_app(library, start=request, export_dir=None, save=not args.no_save)
    for number, pick in enumerate(picks, start=1):
        print(printable(f"{number}. {' '.join(pick.question.ask.split())}", single_line=True))
        print(printable(f"   {pick.history.key.pack} · {'; '.join(pick.reasons)}", single_line=True))
    return EXIT_OK


def _check_drill_pack(given: str, library: Library, saved_packs: set[str]) -> None:
    """A drill's pack is one with saved interviews, or at least one that exists: a typo is said, not drilled."""
    if given in saved_packs or library.find(given) is not None:
        return
    known = ", ".join(shown(name) for name in sorted(saved_packs | set(library.names()))) or "none"
    raise CliError(f"unknown pack {given!r}; packs you can drill or run: {known}", EXIT_USAGE)


def join_session(args: argparse.Namespace) -> int:
    """Join the interview hosted at HOST:PORT and show the candidate's screen until it ends.

    The address and the code are checked, and the host joined, before the terminal is: what
    went wrong with the wire is said the same way from a script. Exit status: 0 after a normal
    end (the interviewer ended it, or the candidate left), EXIT_NOT_JOINED when joining failed,
    EXIT_CONNECTION_LOST when the connection was lost or another terminal took over.
    """
    from mockint.remote.client import split_address

    try:
        host, port = split_address(args.address)
    except ValueError as error:
        raise CliError(str(error), EXIT_USAGE) from None
    export_dir = args.out or working_folder()
    code = args.code if args.code is not None else _ask_code()
    if not code.strip():
        raise CliError("no join code given: your interviewer's screen shows it", EXIT_USAGE)
    return asyncio.run(_join_and_show(host, port, code, args.address.strip(), export_dir))


def _ask_code() -> str:
    """The join code, typed without echo (kept out of the shell's history)."""
    import getpass

    if sys.stdin is None or not sys.stdin.isatty():
        raise CliError("give the join code with --code: there is no terminal to ask for it on", EXIT_USAGE)
    try:
        return getpass.getpass("Join code (your interviewer's screen shows it): ")
    except EOFError:
        raise CliError("no join code given: your interviewer's screen shows it", EXIT_USAGE) from None


async def _join_and_show(host: str, port: int, code: str, address: str, export_dir: Path) -> int:
    from mockint.core.clock import MonotonicClock
    from mockint.remote.client import CandidateClient, JoinError

    clock = MonotonicClock()
    try:
        client = await CandidateClient.join(host, port, code, clock=clock)
    except JoinError as error:
        raise CliError(join_error_text(error), EXIT_NOT_JOINED) from None
    try:
        require_terminal()
        from mockint.ui.app import JoinRequest, build_app

        app = build_app(Library(packs=()), clock=clock, export_dir=export_dir, start=JoinRequest(client, address),
                        save=False)  # fmt: skip
        await app.run_async()
    finally:
        ended = client.ended
        await client.leave()
    if app.return_code:
        return app.return_code  # an unexpected error (1) or a signal's status
    return joined_exit_status(ended)


def join_error_text(error: JoinError) -> str:
    """Why joining failed, and how long to wait first when the host is backing off."""
    if error.retry_after is None:
        return str(error)
    return f"{error} (in {math.ceil(error.retry_after)} s)"


def joined_exit_status(ended: str | None) -> int:
    """0 when the session ended as it should; otherwise say why on stderr and return EXIT_CONNECTION_LOST."""
    from mockint.remote.client import HOST_LOST, LEFT, REJOIN
    from mockint.remote.host import ENDED

    if ended in (None, LEFT, ENDED):
        return EXIT_OK
    lines = [f"mockint: {printable(ended, single_line=True)}"]
    if ended in HOST_LOST:
        lines.append(f"mockint: {REJOIN}")
    _tell(lines)
    return EXIT_CONNECTION_LOST


def session_options(args: argparse.Namespace, pack: Pack) -> SessionOptions:
    from mockint.session.record import Mode
    from mockint.session.setup import SessionOptions

    round_ids = tuple(dict.fromkeys(args.round_ids or ()))
    unknown = [round_id for round_id in round_ids if pack.round_by_id(round_id) is None]
    if unknown:
        known = ", ".join(shown(r.id) for r in pack.rounds)
        message = f"pack {shown(pack.name)} has no round {unknown[0]!r}; its rounds are: {known}"
        raise CliError(message, EXIT_USAGE)
    if args.interviewer.strip() and not args.pair:
        raise CliError("--interviewer names the partner of a pair run: add --pair", EXIT_USAGE)
    return SessionOptions(
        mode=Mode.PRESSURE if args.pressure else Mode.PRACTICE,
        round_ids=round_ids,
        shuffle=args.shuffle,
        seed=args.seed,
        candidate=args.name.strip(),
        interviewer=args.interviewer.strip(),
        pair=args.pair,
    )


def resolve_pack(given: str, library: Library) -> Pack:
    """PACK as a pack name, else as a path to a pack folder or a round file."""
    pack = library.find(given)
    if pack is not None:
        return pack
    path = expand(given)
    # Whatever is named *.yaml (a FIFO, a broken link...) goes to the loader, which says why it can't be read.
    if os.path.isdir(path) or (path.suffix == ROUND_SUFFIX and os.path.lexists(path)):
        return _load_pack_at(path)
    if look(path) is None:
        raise CliError(_unknown_pack_message(given, library), EXIT_USAGE)
    raise CliError(f"{shown(given)} is not a pack folder or a {ROUND_SUFFIX} round file", EXIT_USAGE)


def _load_pack_at(path: Path) -> Pack:
    pack, broken = load_pack(path, origin="path")
    if pack is None or broken:
        details = "\n".join(str(diagnostic) for item in broken for diagnostic in item.diagnostics)
        raise CliError(f"cannot run {shown(path)}: it has broken files\n{details}".rstrip(), EXIT_FAILURE)
    return pack


def _unknown_pack_message(given: str, library: Library) -> str:
    broken_here = [item for item in library.broken if given in (item.path.stem, item.path.parent.name)]
    if broken_here:
        return f"pack {given!r} has a broken file and is not offered: {broken_here[0].first}"
    available = ", ".join(shown(name) for name in library.names()) or "none (see mockint new)"
    return f"unknown pack {given!r}; available packs: {available}"


def _run_app(
    library: Library,
    start: StartRequest | ResumeRequest | DrillRequest | None,
    export_dir: Path | None,
    save: bool,
    host: HostRequest | None = None,
) -> int:
    # What the user gave (or the folder they are in) is checked before the terminal: fix that first.
    export_dir = export_dir or working_folder()
    require_terminal()
    from mockint.ui.app import build_app

    app = build_app(
        library,
        export_dir=export_dir,
        start=start,
        exit_after_first_paint=os.environ.get(EXIT_AFTER_PAINT_VARIABLE) == "1",
        save=save,
        host=host,
    )
    # What is loaded by now (modules, Textual's classes, the library) lives as long as the app. Frozen,
    # it is not walked by the full collection that comes around the first paint (~20 ms, before it
    # as often as not); unfrozen once the app is over, so nothing stays frozen for whoever runs next.
    gc.freeze()
    try:
        app.run()
    finally:
        gc.unfreeze()
    # The terminal is restored by now: say where a failed run was saved (see mockint.storage.recovery).
    _tell(app.recovery.report_lines() if app.recovery is not None else [])
    # Textual's status for a failure is 1 (EXIT_FAILURE); a signal's is 128 + its number (see process_signals).
    return app.return_code or EXIT_OK


def _tell(lines: list[str]) -> None:
    """Print `lines` on stderr, unless the terminal has gone (closed, SIGHUP): the files are saved regardless."""
    try:
        for line in lines:
            print(line, file=sys.stderr)
        sys.stderr.flush()
    except OSError:
        # Nowhere left to say it; replace stderr so that Python's own flush at exit does not fail too.
        sys.stderr = open(os.devnull, "w", encoding="utf-8")
