"""Where mockint keeps and finds things: the user data dir, bundled rounds, schemas.

Pure module: no textual import. Every function takes the environment as an
argument (defaulting to os.environ) so tests can isolate the user directory.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from mockint.core.userpaths import optional_folder

DATA_DIR_VARIABLE = "MOCKINT_DATA_DIR"
SCHEMA_NAMES = ("round", "interview")
BUNDLED_ROUNDS_PACKAGE = "mockint.rounds"
PRIVATE_DIR_MODE = 0o700
SESSIONS_FOLDER = "sessions"


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


def sessions_dir(data_dir: Path) -> Path:
    """Where every session is saved as it happens (see mockint.storage.autosave)."""
    return data_dir / SESSIONS_FOLDER


def make_private_dir(path: Path) -> None:
    """Create `path` and its missing parents for the user alone (0700), whatever the umask.

    Folders that already exist are left as they are: they are the user's (a
    MOCKINT_DATA_DIR may be shared on purpose), and mockint cannot tell one it
    made from one the user made. Raises OSError when a folder cannot be made.
    """
    missing: list[Path] = []
    folder = path
    while not folder.is_dir() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            if folder.is_dir():
                continue  # made meanwhile by another mockint: not this one's to change
            raise
        # mkdir's mode passes through the umask, which can take even the owner's bits away.
        folder.chmod(PRIVATE_DIR_MODE)


def bundled_rounds_dir() -> Path:
    """The packs shipped with mockint: the folder of the `mockint.rounds` data package.

    Found from the package's spec, which runs nothing. importlib.resources would
    load its readers, and zipfile with them, on every launch, to find a folder
    that is always on disk: mockint is installed as files, never run from a zip.
    """
    spec = importlib.util.find_spec(BUNDLED_ROUNDS_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"no module named {BUNDLED_ROUNDS_PACKAGE!r}", name=BUNDLED_ROUNDS_PACKAGE)
    return Path(spec.origin).parent


def schema_path(name: str) -> Path:
    """The JSON Schema for round files (`"round"`) or interview.yaml (`"interview"`)."""
    if name not in SCHEMA_NAMES:
        raise ValueError(f"unknown schema {name!r}; expected one of {', '.join(SCHEMA_NAMES)}")
    return Path(__file__).resolve().parent.parent / "schemas" / f"{name}.schema.json"
