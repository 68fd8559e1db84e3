"""The command-line handlers over saved sessions: `mockint history` (list, delete) and `mockint export`.

Exit statuses: 0 when done (an empty history too); 1 when a named session is
not found, one cannot be read or written, or a deletion is declined; 2 for a
usage error (`--delete` without `--yes` when there is no terminal to ask on).
Never imports textual.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mockint.cli.exits import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliError
from mockint.core.paths import data_dir, sessions_dir
from mockint.core.safetext import printable
from mockint.core.userpaths import reason, shown
from mockint.storage.history import (
    SHORT_ID, History, SessionEntry, SessionNotFound, delete_session, find_session, full_record, history_json,
    read_history,
)

HISTORY_FORMAT = "mockint.history/1"
"""The name and version of `mockint history --json`'s document."""


def saved_history() -> History:
    return read_history(sessions_dir(data_dir()))


def run_history(args: argparse.Namespace) -> int:
    if args.delete is not None or args.delete_all:
        return _delete(args)
    everyone = saved_history()
    history = everyone.for_candidate(args.candidate)
    for warning in history.warnings:
        print(f"mockint: warning: {printable(warning, single_line=True)}", file=sys.stderr)
    if args.json:
        document = {"format": HISTORY_FORMAT, "sessions": [history_json(e) for e in history.entries]}
        print(json.dumps(document, indent=2))  # ensure_ascii: no control or bidi character reaches the terminal raw
        return EXIT_OK
    if args.candidate is not None and everyone.entries and not history.entries:
        name = printable(args.candidate.strip(), single_line=True)
        total = len(everyone.entries)
        print(f"No saved interviews with {name} as the candidate ({total} saved in all).")
        return EXIT_OK
    from mockint.cli.render import make_console, print_history

    print_history(history.entries, make_console(), sessions_dir(data_dir()))
    return EXIT_OK


def _delete(args: argparse.Namespace) -> int:
    if args.delete is not None and args.delete_all:
        raise CliError("give --delete SESSION or --delete-all, not both", EXIT_USAGE)
    history = saved_history().for_candidate(args.candidate)
    if args.delete_all:
        doomed = history.entries
        what = f"all {len(doomed)} saved interviews" + (f" of {args.candidate}" if args.candidate else "")
    else:
        doomed = [_found(history, args.delete)]
        what = f"the interview {_described(doomed[0])}"
    if not doomed:
        print("No saved interviews to delete.")
        return EXIT_OK
    if not args.yes and not _confirmed(f"Delete {what}? It cannot be undone. [y/N] "):
        print("Nothing deleted.")
        return EXIT_FAILURE
    for entry in doomed:
        try:
            delete_session(entry)
        except OSError as error:
            raise CliError(f"cannot delete {shown(entry.path)}: {reason(error)}") from None
    print(f"Deleted {len(doomed)} saved interview{'s' if len(doomed) != 1 else ''}.")
    return EXIT_OK


def _confirmed(question: str) -> bool:
    """Ask on the terminal; without one, refuse: deleting takes --yes then."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CliError("deleting asks first, and there is no terminal to ask on: add --yes", EXIT_USAGE)
    try:
        return input(printable(question, single_line=True)).strip().lower() in ("y", "yes")
    except EOFError:
        return False


def run_export(args: argparse.Namespace) -> int:
    from mockint.exporters import FORMATS, ExportError, export_session
    from mockint.storage.journal import JournalError

    entry = _found(saved_history(), args.session)
    try:
        record = full_record(entry)
    except JournalError as error:
        raise CliError(str(error)) from None
    except OSError as error:
        raise CliError(f"cannot read {shown(entry.path)}: {reason(error)}") from None
    formats = FORMATS if args.format == "all" else (args.format,)
    out: Path = args.out or Path.cwd()
    try:
        written = export_session(record, out, formats)
    except ExportError as error:
        raise CliError(str(error)) from None
    for path in written:
        print(f"Wrote {shown(path)}")
    return EXIT_OK


def _found(history: History, given: str) -> SessionEntry:
    try:
        return find_session(history, given)
    except SessionNotFound as error:
        raise CliError(str(error)) from None


def _described(entry: SessionEntry) -> str:
    record = entry.record
    who = f", {record.candidate}" if record.candidate else ""
    return f"{entry.id[:SHORT_ID]} ({record.pack_name}{who}, {entry.started.astimezone():%Y-%m-%d %H:%M})"
