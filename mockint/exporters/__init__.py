"""Transcript exporters: Markdown (the default), JSON and standalone HTML.

    render(record, "md") -> str
    export_session(record, Path("."), ["md", "html"]) -> [Path, Path]

Pure package: no textual import.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Sequence

from mockint.exporters.files import ExportError, base_name, write_new_files
from mockint.exporters.html import render_html
from mockint.exporters.jsonexport import SCHEMA_ID, render_json
from mockint.exporters.markdown import render_markdown
from mockint.analysis.insights import SessionInsights, session_insights
from mockint.session.record import SessionRecord

__all__ = ["FORMATS", "SCHEMA_ID", "ExportError", "export_session", "file_stem", "render"]

FORMATS = ("md", "json", "html")
"""Format names, which are also the file extensions. The first is the default."""

_RENDERERS: dict[str, Callable[[SessionRecord, SessionInsights | None], str]] = {
    "md": render_markdown,
    "json": render_json,
    "html": render_html,
}


def render(record: SessionRecord, fmt: str, totals: SessionInsights | None = None) -> str:
    """The transcript of `record` in format `fmt` (one of FORMATS).

    Pass `totals` (`session_insights(record)`) to reuse insights across formats.
    """
    return _RENDERERS[_check_format(fmt)](record, totals)


def file_stem(record: SessionRecord) -> str:
    """`mockint-<pack>-<YYYYMMDD-HHMM>`, from when the session started; a pair run's is under its candidate's name
    too (`mockint-<pack>-<candidate>-…`), so the two runs of a role swap are told apart."""
    return base_name(record.pack_name, record.started_wall, record.candidate if record.pair else "")


def export_session(record: SessionRecord, out_dir: str | os.PathLike[str], formats: Sequence[str]) -> list[Path]:
    """Write one file per format into `out_dir` and return their paths, in `formats` order.

    `out_dir` may be the folder exactly as the user typed it (`~` is expanded).

    Existing files are never overwritten (`-2`, `-3`... is added instead); each
    file appears whole or not at all, and if any fails none is left behind.
    Raises ExportError with a user-facing message.
    """
    if not formats:
        raise ExportError("choose at least one format: " + ", ".join(FORMATS))
    unique = list(dict.fromkeys(_check_format(fmt) for fmt in formats))
    # Every format reports the same insights: work them out once, not once per format.
    totals = session_insights(record)
    texts = {fmt: _RENDERERS[fmt](record, totals) for fmt in unique}
    return write_new_files(out_dir, file_stem(record), texts)


def _check_format(fmt: str) -> str:
    if fmt not in _RENDERERS:
        raise ExportError(f"unknown format {fmt!r}: choose one of " + ", ".join(FORMATS))
    return fmt
