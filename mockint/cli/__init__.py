"""mockint's command line.

`main` parses the arguments and hands them to one handler per subcommand
(see HANDLERS). Every error a user can cause ends as a one-line message on
stderr and an exit status, never a traceback: a path or environment value
that cannot be used (mockint.core.userpaths.PathProblem) is a usage error and any
other file-system failure a failure, both caught in `main`. Heavy imports
(rich, yaml, json, the loader) happen inside the handlers so `mockint --version`,
`--help` and the app start fast. This module never imports textual.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from mockint import __version__
from mockint.core.safetext import printable
from mockint.core.userpaths import PathProblem, existing_folder, look, reason, shown, working_folder

from mockint.cli.exits import EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, CliError

if TYPE_CHECKING:
    from mockint.core.diagnostics import Diagnostic
    from mockint.packs.discovery import BrokenFile

ROUND_SUFFIX = ".yaml"
INTERVIEW_FILE = "interview.yaml"
DEFAULT_PORT = 8765
"""Where `mockint host` listens unless told: the same every time, so an SSH forward can be set up once."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return the exit status (the console script's entry point)."""
    _escape_unencodable_output()
    try:
        try:
            return _dispatch(argv)
        finally:
            # Flush here so a closed pipe (`mockint list | head -1`) is caught
            # below instead of failing noisily at interpreter exit.
            sys.stdout.flush()
    except CliError as error:
        # Messages quote paths and names from outside: never let one steer the terminal.
        print(f"mockint: {printable(str(error))}", file=sys.stderr)
        return error.code
    except PathProblem as problem:
        print(f"mockint: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_FAILURE
    except OSError as error:
        print(f"mockint: {_os_error_message(error)}", file=sys.stderr)
        return EXIT_FAILURE


def _dispatch(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse stops for --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    args.rounds = [*args.rounds_before, *getattr(args, "rounds_after", [])]
    return HANDLERS[args.command or DEFAULT_COMMAND](args)


def _escape_unencodable_output() -> None:
    """Print what the terminal's encoding cannot show as escapes instead of failing.

    File names that are not valid UTF-8 reach Python as lone surrogates, which
    a strict UTF-8 (or any other) locale refuses to encode: `\\udcff` is shown.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _os_error_message(error: OSError) -> str:
    if not isinstance(error.filename, (str, bytes)):
        return reason(error)
    return f"{shown(os.fsdecode(error.filename))}: {reason(error)}"


def _discard_stdout() -> None:
    """Send further output to /dev/null: the reader has gone (see Python's note on SIGPIPE)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


# --- arguments ---------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse, with its usage errors (which quote the arguments given) shown printable."""

    def error(self, message: str) -> NoReturn:
        super().error(printable(message, single_line=True))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mockint",
        description=(
            "Live mock interviews in the terminal. Without a command, opens the app"
            " (or lists the packs when output is not a terminal)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"mockint {__version__}")
    _add_rounds_option(parser, dest="rounds_before", default=[])
    _add_no_save_option(parser, default=False)
    # After a subcommand `--rounds` lands in its own list (argparse would let the
    # subcommand's default overwrite the one given before it); _dispatch joins them.
    rounds_after = _Parser(add_help=False)
    _add_rounds_option(rounds_after, dest="rounds_after", default=argparse.SUPPRESS)

    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("list", parents=[rounds_after], help="list the interview packs mockint finds")

    validate = commands.add_parser(
        "validate",
        parents=[rounds_after],
        help="check round files and report every error",
        description="Check round files. Without PATH, checks every file in the rounds directories.",
    )
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="a round file or a folder")
    validate.add_argument("--json", action="store_true", help="print the report as JSON")
    validate.add_argument("--strict", action="store_true", help="fail on warnings too, not only on errors")

    schema = commands.add_parser("schema", help="print the JSON Schema of round files")
    schema.add_argument("--interview", action="store_true", help="the schema of interview.yaml instead")

    _add_run_parser(commands, rounds_after)

    resume = commands.add_parser(
        "resume",
        parents=[rounds_after],
        help="continue an interview that did not finish",
        description=(
            "Continue the latest unfinished interview (or the one named) where it stopped: the same question,"
            " the time it had left, the text typed, its mode and rules; a hosted one is hosted again, with a new"
            " code. Sessions are saved in the data folder's sessions/ (MOCKINT_DATA_DIR)."
        ),
    )
    resume.add_argument("session", nargs="?", metavar="SESSION", help="a session id, or its first characters")
    resume.add_argument(
        "--port", metavar="N",
        help="a hosted interview: the port to listen on (default: the one it had; 0: any free one)",
    )  # fmt: skip
    resume.add_argument(
        "--lan", action="store_true", help="a hosted interview: listen on every network interface from now on"
    )

    _add_session_parsers(commands, rounds_after)
    _add_join_parser(commands)

    new = commands.add_parser("new", help="write a commented template round file")
    new.add_argument("path", type=Path, metavar="PATH", help=f"the file to create (ends in {ROUND_SUFFIX})")
    return parser


def _add_run_parser(commands: argparse._SubParsersAction, rounds_after: argparse.ArgumentParser) -> None:
    run = commands.add_parser(
        "run",
        parents=[rounds_after],
        help="start an interview straight away",
        description="Start an interview with PACK, skipping the home and setup screens.",
    )
    _add_interview_options(run)
    run.add_argument(
        "--pair", action="store_true",
        help="pair mode: a partner interviews you from a private kit, takes notes and scores blind",
    )  # fmt: skip
    run.add_argument(
        "--interviewer", default="", metavar="NAME", help="the partner interviewing (with --pair), for the transcript"
    )

    host = commands.add_parser(
        "host",
        parents=[rounds_after],
        help="interview a candidate who joins from another terminal (pair mode, two terminals)",
        description=(
            "Open pair mode's interviewer console on PACK and serve the candidate's view to one candidate, who"
            " joins from another terminal with `mockint join HOST:PORT` and the code the console shows."
            " Listens on 127.0.0.1 unless --lan is given."
        ),
    )
    _add_interview_options(host)
    host.set_defaults(pair=True)
    host.add_argument("--interviewer", default="", metavar="NAME", help="your name, for the transcript")
    host.add_argument(
        "--port", default=str(DEFAULT_PORT), metavar="N",
        help=f"the port to listen on (default: {DEFAULT_PORT}; 0: any free one)",
    )  # fmt: skip
    host.add_argument(
        "--lan", action="store_true", help="listen on every network interface, so other machines can join"
    )
    host.add_argument(
        "--code", metavar="CODE", help="the join code (default: random, 6 digits; a few words with --lan)"
    )


def _add_interview_options(parser: argparse.ArgumentParser) -> None:
    """What `run` and `host` both take: the pack, its rounds, the mode, names, where exports go, saving."""
    parser.add_argument("pack", metavar="PACK", help="a pack's name (see mockint list), or a pack folder or round file")
    parser.add_argument(
        "--round", dest="round_ids", action="append", metavar="ID", help="run only this round (repeatable)"
    )
    parser.add_argument("--pressure", action="store_true", help="pressure mode: no hints, interruptions, cut-offs")
    parser.add_argument("--shuffle", action="store_true", help="shuffle the questions of each round")
    parser.add_argument("--seed", type=int, metavar="N", help="seed for --shuffle, to repeat an order")
    parser.add_argument("--name", default="", metavar="NAME", help="the candidate's name, for the transcript")
    parser.add_argument(
        "--out", type=_existing_dir, metavar="DIR", help="where exported transcripts go (default: current folder)"
    )
    _add_no_save_option(parser, default=argparse.SUPPRESS)


def _add_join_parser(commands: argparse._SubParsersAction) -> None:
    join = commands.add_parser(
        "join",
        help="join, as the candidate, an interview your interviewer hosts on another terminal",
        description=(
            "Join the interview hosted at HOST:PORT (the line the interviewer's screen shows) and see the candidate's"
            " view. Without --code, asks for the code without showing it, so it stays out of the shell's history."
            " Exit status 3 when joining fails, 4 when the connection is lost."
        ),
    )
    join.add_argument("address", metavar="HOST:PORT", help="where the interviewer's terminal listens")
    join.add_argument("--code", metavar="CODE", help="the join code (asked for when not given)")
    join.add_argument(
        "--out", type=_existing_dir, metavar="DIR", help="where your copy of the transcript goes (default: current folder)"
    )


def _add_session_parsers(commands: argparse._SubParsersAction, rounds_after: argparse.ArgumentParser) -> None:
    history = commands.add_parser(
        "history",
        help="list saved interviews, or delete them",
        description=(
            "List the saved interviews, newest first: date, pack, mode, candidate, duration, status, checklist"
            " and average ratings (poor 1 to excellent 4). Sessions are saved in the data folder's sessions/"
            " (MOCKINT_DATA_DIR)."
        ),
    )
    history.add_argument("--json", action="store_true", help="print the list as JSON (see the README)")
    history.add_argument("--candidate", metavar="NAME", help="only the interviews NAME was the candidate in")
    history.add_argument("--delete", metavar="SESSION", help="delete a saved interview (its id, or its first characters)")
    history.add_argument("--delete-all", action="store_true", help="delete every saved interview (of --candidate)")
    history.add_argument("--yes", action="store_true", help="delete without asking")

    drill = commands.add_parser(
        "drill",
        parents=[rounds_after],
        help="practise past questions that went badly, the weakest and those due again first",
        description=(
            "Pick past questions whose latest attempt was weak, due again 1, 3, 7 and 14 days after it (see the"
            " README), print each with why, and run them as a practice round (when output is a terminal)."
        ),
    )
    drill.add_argument("--count", type=_positive, default=5, metavar="N", help="how many questions (default: 5)")
    drill.add_argument("--pack", metavar="PACK", help="only questions of this pack (its name)")
    drill.add_argument(
        "--name", metavar="NAME",
        help="whose drill: only the interviews NAME was the candidate in, saved under NAME (default: everyone's,"
        " saved under the name of the candidate who last tried the first question picked)",
    )  # fmt: skip
    _add_no_save_option(drill, default=argparse.SUPPRESS)

    export = commands.add_parser(
        "export",
        help="write a saved interview's transcript",
        description="Write the transcript of a saved interview, never overwriting a file (-2, -3... is added).",
    )
    export.add_argument("session", metavar="SESSION", help="a session id, its first characters, or latest")
    export.add_argument("--format", choices=("md", "json", "html", "all"), default="md", help="default: md")
    export.add_argument("--out", type=_existing_dir, metavar="DIR", help="where to write (default: current folder)")


def _add_no_save_option(parser: argparse.ArgumentParser, default: object) -> None:
    # After `run`, SUPPRESS keeps the subcommand from overwriting a --no-save given before it.
    parser.add_argument(
        "--no-save",
        dest="no_save",
        action="store_true",
        default=default,
        help="save nothing on disk, not even on a crash (interviews are saved as they go by default)",
    )


def _add_rounds_option(parser: argparse.ArgumentParser, dest: str, default: object) -> None:
    parser.add_argument(
        "--rounds",
        dest=dest,
        action="append",
        type=_existing_dir,
        default=default,
        metavar="DIR",
        help="also look for packs in DIR, before the usual places (repeatable)",
    )


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return int(value)


def _existing_dir(value: str) -> Path:
    try:
        return existing_folder(value)
    except PathProblem as problem:
        raise argparse.ArgumentTypeError(str(problem)) from None


# --- handlers ----------------------------------------------------------------


def run_list(args: argparse.Namespace) -> int:
    from mockint.cli.render import make_console, print_library
    from mockint.packs.discovery import discover

    print_library(discover(args.rounds), make_console())
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    import json

    from mockint.packs.discovery import BrokenFile, discovered_files
    from mockint.packs.loader import check_file

    found = _given_files(args.paths) if args.paths else discovered_files(args.rounds)
    results = [
        (item.path, list(item.diagnostics)) if isinstance(item, BrokenFile) else (item, check_file(item))
        for item in _unique(found)
    ]
    all_ok = not any(_fails(diagnostics, args.strict) for _path, diagnostics in results)
    if args.json:
        report = {
            "files": [
                {
                    "file": str(path),
                    "ok": not _fails(diagnostics, args.strict),
                    "errors": [d.to_json() for d in diagnostics if d.is_error],
                    "warnings": [d.to_json() for d in diagnostics if not d.is_error],
                }
                for path, diagnostics in results
            ],
            "ok": all_ok,
            "strict": args.strict,
        }
        # JSON escapes C0 controls itself; ensure_ascii (the default) escapes C1 and bidi controls too.
        print(json.dumps(report, indent=2))
    else:
        _print_validation(results, args.strict)
    return EXIT_OK if all_ok else EXIT_FAILURE


def run_schema(args: argparse.Namespace) -> int:
    from mockint.core.paths import schema_path

    text = schema_path("interview" if args.interview else "round").read_text(encoding="utf-8")
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    from mockint.core.newfile import create_new_file
    from mockint.core.paths import schema_path
    from mockint.packs.templates import render_round_template

    path: Path = args.path
    _check_new_path(path)
    text = render_round_template(schema_path("round").resolve(), filename=shlex.quote(str(path)))
    try:
        create_new_file(path, text)
    except FileExistsError:
        raise CliError(f"{shown(path)} already exists; not overwriting it") from None
    except OSError as error:
        raise CliError(f"cannot create {shown(path)}: {reason(error)}") from None
    print(f"Wrote {shown(path)}. Edit it, then check it with: mockint validate {shlex.quote(shown(path))}")
    return EXIT_OK


def run_default(args: argparse.Namespace) -> int:
    """Plain `mockint`: the app, or the pack list when output goes to a pipe or a file.

    The app itself refuses to start without a terminal to read keys from.
    """
    from mockint.cli.launch import driver_chosen, run_tui

    if sys.stdout.isatty() or driver_chosen():
        return run_tui(args)
    return run_list(args)


def run_run(args: argparse.Namespace) -> int:
    from mockint.cli.launch import run_interview

    return run_interview(args)


def run_host(args: argparse.Namespace) -> int:
    from mockint.cli.launch import host_interview

    return host_interview(args)


def run_resume(args: argparse.Namespace) -> int:
    from mockint.cli.launch import resume_interview

    return resume_interview(args)


def run_history(args: argparse.Namespace) -> int:
    from mockint.cli.sessions import run_history as history

    return history(args)


def run_export(args: argparse.Namespace) -> int:
    from mockint.cli.sessions import run_export as export

    return export(args)


def run_join(args: argparse.Namespace) -> int:
    from mockint.cli.launch import join_session

    return join_session(args)


def run_drill(args: argparse.Namespace) -> int:
    from mockint.cli.launch import drill

    return drill(args)


Handler = Callable[[argparse.Namespace], int]

HANDLERS: dict[str, Handler] = {
    "list": run_list,
    "validate": run_validate,
    "schema": run_schema,
    "new": run_new,
    "run": run_run,
    "host": run_host,
    "resume": run_resume,
    "history": run_history,
    "export": run_export,
    "drill": run_drill,
    "join": run_join,
    "default": run_default,
}
DEFAULT_COMMAND = "default"
"""What plain `mockint` does."""


# --- helpers -----------------------------------------------------------------


def _check_new_path(path: Path) -> None:
    if path.suffix != ROUND_SUFFIX:
        raise CliError(f"round files must end in {ROUND_SUFFIX} (mockint reads no others): {shown(path)}", EXIT_USAGE)
    if path.name == INTERVIEW_FILE:
        raise CliError(f"{INTERVIEW_FILE} describes a pack, not a round; pick another name", EXIT_USAGE)
    if not path.is_absolute():
        working_folder()
    if look(path) is not None:
        raise CliError(f"{shown(path)} already exists; not overwriting it")
    if look(path.parent) is None:
        folder = shown(path.parent)
        raise CliError(f"cannot create {shown(path)}: folder {folder} does not exist (create it first)", EXIT_USAGE)


def _given_files(paths: Sequence[Path]) -> list[Path | BrokenFile]:
    """The files named on the command line, folders expanded to every .yaml below them
    (and folders below them that cannot be read, as problems)."""
    from mockint.packs.discovery import round_files_under

    found: list[Path | BrokenFile] = []
    for path in paths:
        if os.path.isdir(path):
            below = round_files_under(path)
            if not below:
                raise CliError(f"no {ROUND_SUFFIX} files in {shown(path)}", EXIT_USAGE)
            found += below
        elif os.path.lexists(path):
            found.append(path)  # whatever it is: check_file reads it or says why not
        else:
            look(path)  # raises PathProblem where the path cannot even be searched
            raise CliError(f"no such file or folder: {shown(path)}", EXIT_USAGE)
    return found


def _unique(found: Iterable[Path | BrokenFile]) -> list[Path | BrokenFile]:
    """Drop repeats (the same folder given twice, or a file inside a given folder)."""
    from mockint.packs.discovery import BrokenFile

    seen: set[str] = set()
    unique: list[Path | BrokenFile] = []
    for item in found:
        # realpath, unlike Path.resolve, does not raise on a symbolic link loop.
        key = os.path.realpath(item.path if isinstance(item, BrokenFile) else item)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique


def _fails(diagnostics: Sequence[Diagnostic], strict: bool) -> bool:
    """Whether the file fails the check: an error does; with --strict, so does a warning."""
    return any(d.is_error or strict for d in diagnostics)


def _print_validation(results: Sequence[tuple[Path, Sequence[Diagnostic]]], strict: bool) -> None:
    """Each diagnostic (shown printable, see Diagnostic), `OK` for each file that passes, then the counts."""
    for path, diagnostics in results:
        for diagnostic in diagnostics:
            print(diagnostic)
        if not _fails(diagnostics, strict):
            print(f"OK  {printable(str(path), single_line=True)}")
    invalid = sum(1 for _path, diagnostics in results if _fails(diagnostics, strict))
    warnings = sum(not d.is_error for _path, diagnostics in results for d in diagnostics)
    checked = len(results)
    counts = f"{checked} {'file' if checked == 1 else 'files'} checked: {checked - invalid} valid, {invalid} invalid"
    if warnings:
        counts += f"; {warnings} {'warning' if warnings == 1 else 'warnings'}"
        if strict:
            counts += " (--strict: a warning fails its file)"
    print(counts)
