"""Where mockint keeps and finds things: the user data dir, bundled rounds, schemas.

Pure module: no textual import. Every function takes the environment as an
argument (defaulting to os.environ) so tests can isolate the user directory.
"""

from __future__ import annotations

import importlib.resources
import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from mockint.userpaths import optional_folder

DATA_DIR_VARIABLE = "MOCKINT_DATA_DIR"
SCHEMA_NAMES = ("round", "interview")


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """`$MOCKINT_DATA_DIR` if set (and not empty), else the platform's user data dir.

    Raises PathProblem when the variable names something that cannot be a
    folder (`~nosuchuser`, a name too long, a path through a file...); a folder
    that does not exist yet is fine, it is made when something is saved.
    """
    environ = os.environ if env is None else env
    override = environ.get(DATA_DIR_VARIABLE, "")
    if override:
        return optional_folder(override, label=DATA_DIR_VARIABLE)
    return platformdirs.user_data_path("mockint")


def user_rounds_dir(env: Mapping[str, str] | None = None) -> Path:
    """The folder where a user keeps their own packs."""
    return data_dir(env) / "rounds"


def round_cache_file(env: Mapping[str, str] | None = None) -> Path:
    """Where validated round files are cached (see roundcache)."""
    return data_dir(env) / "cache" / "rounds.json"


def bundled_rounds_dir() -> Path:
    """The packs shipped with mockint (the `mockint.rounds` data package)."""
    return Path(str(importlib.resources.files("mockint.rounds")))


def schema_path(name: str) -> Path:
    """The JSON Schema for round files (`"round"`) or interview.yaml (`"interview"`)."""
    if name not in SCHEMA_NAMES:
        raise ValueError(f"unknown schema {name!r}; expected one of {', '.join(SCHEMA_NAMES)}")
    return Path(__file__).resolve().parent / "schemas" / f"{name}.schema.json"
