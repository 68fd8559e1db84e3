"""The command line's exit statuses and its one user-error type.

A module of their own so the launcher (mockint.cli.launch) can use them without
importing the command line that imports it.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_NOT_JOINED = 3
"""`mockint join`: the host could not be reached, runs another version of mockint, or refused (a wrong code, or
backing off after wrong codes)."""
EXIT_CONNECTION_LOST = 4
"""`mockint join`: the connection to the host was lost (or another terminal took over) before the session ended."""
EXIT_INTERRUPTED = 130


class CliError(Exception):
    """A user error: printed as `mockint: MESSAGE`; `code` becomes the exit status."""

    def __init__(self, message: str, code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.code = code
