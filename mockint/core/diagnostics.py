"""Diagnostics: one problem in a round file, located at a line and column.

Pure module: no textual import.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from yaml import Node
from yaml.error import Mark

from mockint.core.safetext import printable

ERROR = "error"
WARNING = "warning"
"""Severities: an error makes the file unusable; a warning is shown, and the file is still used."""


@dataclass(frozen=True)
class Diagnostic:
    """A problem at a 1-based line and column of `file`, under the key path `path`."""

    file: Path
    line: int
    col: int
    path: str
    message: str
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        """`FILE:LINE:COL: path: message`, one line; `warning: ` before the message of a warning.

        File names and key paths come from outside (a key can hold any
        character): they are shown through `printable`, as is the message.
        """
        parts = [f"{self.file}:{self.line}:{self.col}"]
        if self.path:
            parts.append(self.path)
        if not self.is_error:
            parts.append(self.severity)
        parts.append(self.message)
        return printable(": ".join(parts), single_line=True)

    def to_json(self) -> dict[str, object]:
        return {
            "file": str(self.file),
            "line": self.line,
            "col": self.col,
            "path": self.path,
            "severity": self.severity,
            "message": self.message,
        }


class RoundFileError(Exception):
    """A file that cannot be used; `.diagnostics` holds every error found in it."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


class Report:
    """Collects the diagnostics of one file while it is read and validated."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.diagnostics: list[Diagnostic] = []

    def at(self, line: int, col: int, path: str, message: str, severity: str = ERROR) -> None:
        """Record a problem at a 1-based position."""
        self.diagnostics.append(Diagnostic(self.file, line, col, path, message, severity))

    def at_mark(self, mark: Mark | None, path: str, message: str, severity: str = ERROR) -> None:
        """Record a problem at a YAML mark (0-based), or at the file's start without one."""
        if mark is None:
            self.at(1, 1, path, message, severity)
        else:
            self.at(mark.line + 1, mark.column + 1, path, message, severity)

    def at_node(self, node: Node, path: str, message: str, severity: str = ERROR) -> None:
        self.at_mark(node.start_mark, path, message, severity)

    def in_file_order(self) -> list[Diagnostic]:
        return sorted(self.diagnostics, key=lambda d: (d.line, d.col))

    def errors_in_file_order(self) -> list[Diagnostic]:
        return [d for d in self.in_file_order() if d.is_error]

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)
