"""Finding interview packs: the --rounds dirs, MOCKINT_ROUNDS, the user dir, the bundled packs.

A pack found earlier in that order shadows a later pack of the same name, so a
user can override a bundled pack by copying it. A pack with any broken file is
not offered: its broken files are listed instead. Nothing here raises for a
bad file or an unreadable directory; those become BrokenFile diagnostics. Any
name ending in .yaml may be a FIFO, a device or a link loop: only the loader
opens files, and it refuses all but regular ones (see regularfile), so listing
folders never blocks.

The loader (and with it YAML) is imported only when a file has to be read
afresh: files unchanged since the round cache last saw them need neither.

Pure module: no textual import.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from mockint.core import paths
from mockint.core.model import INTERVIEW_FILE, InterviewMeta, Pack, Round
from mockint.packs.roundcache import RoundCache
from mockint.core.userpaths import optional_folder

if TYPE_CHECKING:
    from mockint.core.diagnostics import Diagnostic

ROUNDS_VARIABLE = "MOCKINT_ROUNDS"
ROUND_SUFFIX = ".yaml"

Loaded = TypeVar("Loaded", Round, InterviewMeta)


@dataclass(frozen=True)
class BrokenFile:
    path: Path
    diagnostics: tuple[Diagnostic, ...]

    @property
    def first(self) -> Diagnostic:
        return self.diagnostics[0]


@dataclass(frozen=True)
class ShadowedPack:
    """Pack `name` at `hidden` is not offered because the one at `by` was found first."""

    name: str
    hidden: Path
    by: Path


@dataclass(frozen=True)
class Library:
    packs: tuple[Pack, ...]
    broken: tuple[BrokenFile, ...] = ()
    shadowed: tuple[ShadowedPack, ...] = ()

    def find(self, name: str) -> Pack | None:
        return next((pack for pack in self.packs if pack.name == name), None)

    def names(self) -> list[str]:
        return [pack.name for pack in self.packs]


def search_dirs(
    cli_dirs: Sequence[Path] = (), env: Mapping[str, str] | None = None
) -> list[tuple[Path, str]]:
    """The rounds directories to search, first to last, each with its origin label.

    Raises PathProblem for an entry of MOCKINT_ROUNDS (or MOCKINT_DATA_DIR)
    that cannot be a folder; one that does not exist is skipped quietly, like
    the user's own rounds folder before it is made.
    """
    environ = os.environ if env is None else env
    found = [(Path(d), "--rounds") for d in cli_dirs]
    found += [
        (optional_folder(entry, label=f"{ROUNDS_VARIABLE} entry"), ROUNDS_VARIABLE)
        for entry in environ.get(ROUNDS_VARIABLE, "").split(os.pathsep)
        if entry
    ]
    found.append((paths.user_rounds_dir(environ), "user"))
    found.append((paths.bundled_rounds_dir(), "bundled"))
    return found


def discover(cli_dirs: Sequence[Path] = (), env: Mapping[str, str] | None = None) -> Library:
    """Every pack in the search directories; see the module docstring for the rules."""
    packs: list[Pack] = []
    broken: list[BrokenFile] = []
    shadowed: list[ShadowedPack] = []
    claimed: dict[str, Path] = {}
    cache = RoundCache.open(paths.round_cache_file(env))
    for directory, origin in search_dirs(cli_dirs, env):
        for found in _pack_entries(directory):
            if isinstance(found, BrokenFile):
                broken.append(found)
                continue
            entry, name = found
            if name in claimed:
                shadowed.append(ShadowedPack(name, hidden=entry, by=claimed[name]))
                continue
            # A broken pack still claims its name: silently falling back to a
            # later pack of that name would hide the user's mistake.
            claimed[name] = entry
            pack, problems = load_pack(entry, origin, cache)
            broken += problems
            if pack is not None:
                packs.append(pack)
    cache.save()
    return Library(tuple(packs), tuple(broken), tuple(shadowed))


def load_pack(
    path: Path, origin: str, cache: RoundCache | None = None
) -> tuple[Pack | None, list[BrokenFile]]:
    """The pack in a folder or a lone round file, or None and the files that are broken."""
    cache = cache or RoundCache(None)
    if path.is_dir():
        return _load_folder(path, origin, cache)
    round_ = _load_round(path, cache)
    if isinstance(round_, BrokenFile):
        return None, [round_]
    return Pack(name=path.stem, title=round_.title, rounds=(round_,), source=path, origin=origin), []


def discovered_files(cli_dirs: Sequence[Path] = (), env: Mapping[str, str] | None = None) -> list[Path | BrokenFile]:
    """Every file discovery would read (lone round files, the *.yaml of pack
    folders) and, in their place, the problems found listing the folders, for
    `mockint validate` without paths."""
    found: list[Path | BrokenFile] = []
    for directory, _origin in search_dirs(cli_dirs, env):
        for entry in _pack_entries(directory):
            if isinstance(entry, BrokenFile):
                found.append(entry)
            elif entry[0].is_dir():
                files, problems = _pack_folder_files(entry[0])
                found += sorted([*files, *problems], key=_path_of)
            else:
                found.append(entry[0])
    return found


def round_files_under(folder: Path) -> list[Path | BrokenFile]:
    """Every *.yaml that is not a folder, at any depth below `folder`, and the
    folders that cannot be listed, in path order, for `mockint validate DIR`.

    Hidden entries are skipped, as discovery skips them. Links to folders are
    followed once every folder reachable without them has been listed, and no
    folder is listed twice: a link loop ends, and a file is reported under its
    own folder rather than under a link to it.
    """
    found: list[Path | BrokenFile] = []
    listed: set[tuple[int, int]] = set()
    pending, linked = [folder], []
    while pending or linked:
        current = pending.pop() if pending else linked.pop()
        try:
            info = current.stat()
            if (info.st_dev, info.st_ino) in listed:
                continue
            listed.add((info.st_dev, info.st_ino))
            children = [(child, child.is_dir()) for child in sorted(current.iterdir()) if not _hidden(child)]
            folders = [(child, child.is_symlink()) for child, is_folder in children if is_folder]
        except OSError as error:
            found.append(_problem(current, f"cannot read directory: {error.strerror or error}"))
            continue
        pending += [child for child, is_link in folders if not is_link]
        linked += [child for child, is_link in folders if is_link]
        found += [child for child, is_folder in children if not is_folder and child.suffix == ROUND_SUFFIX]
    return sorted(found, key=_path_of)


def load_round(path: Path) -> Round:
    """The round in a file, composed and checked (see loader.load_round).

    The loader is imported here, on the first file not in the cache, so a
    launch that finds every file cached never loads YAML.
    """
    from mockint.packs.loader import load_round as compose_round

    return compose_round(path)


def load_interview_meta(path: Path) -> InterviewMeta:
    """A pack's interview.yaml, composed and checked (see loader.load_interview_meta and load_round)."""
    from mockint.packs.loader import load_interview_meta as compose_meta

    return compose_meta(path)


def _load_round(path: Path, cache: RoundCache) -> Round | BrokenFile:
    return cache.get(path) or _load_afresh(path, load_round, cache.put)


def _load_meta(path: Path, cache: RoundCache) -> InterviewMeta | BrokenFile:
    return cache.get_meta(path) or _load_afresh(path, load_interview_meta, cache.put_meta)


def _load_afresh(
    path: Path, load: Callable[[Path], Loaded], remember: Callable[[Path, Loaded], None]
) -> Loaded | BrokenFile:
    """`load(path)`, remembered in the cache if valid; a broken file becomes its diagnostics."""
    from mockint.core.diagnostics import RoundFileError

    try:
        loaded = load(path)
    except RoundFileError as error:
        return BrokenFile(path, error.diagnostics)
    remember(path, loaded)
    return loaded


def _load_folder(folder: Path, origin: str, cache: RoundCache) -> tuple[Pack | None, list[BrokenFile]]:
    files, broken = _pack_folder_files(folder)
    rounds: list[Round] = []
    for round_file in (f for f in files if f.name != INTERVIEW_FILE):
        round_ = _load_round(round_file, cache)
        if isinstance(round_, BrokenFile):
            broken.append(round_)
        else:
            rounds.append(round_)
    meta_file = folder / INTERVIEW_FILE
    meta = _load_meta(meta_file, cache) if meta_file in files else None
    if isinstance(meta, BrokenFile):
        broken.append(meta)
        meta = None
    if not rounds and not broken:
        broken.append(_problem(folder, "no round files (*.yaml) in this pack folder"))
    broken += duplicate_question_ids(rounds)
    if broken:
        return None, broken
    return Pack(
        name=folder.name,
        title=(meta.title if meta else None) or folder.name,
        rounds=tuple(rounds),
        role=meta.role if meta else "",
        description=meta.description if meta else "",
        checklist=meta.checklist if meta else (),
        source=folder,
        origin=origin,
    ), []


def duplicate_question_ids(rounds: Sequence[Round]) -> list[BrokenFile]:
    """A question's id names its history (the pack and the id), so the ids a pack's files give are unique in the
    pack: each file that repeats one given in an earlier file, located at the repeat.

    Ids by position (q1, q2...) are left out: such a question's history goes by its text.
    """
    first_use: dict[str, tuple[Round, int]] = {}
    repeats: dict[Path, list[tuple[int, int, str, str]]] = {}
    for round_ in rounds:
        for index, question in enumerate(round_.questions):
            if question.id_at is None or round_.source is None:
                continue
            earlier, earlier_line = first_use.setdefault(question.id, (round_, question.id_at[0]))
            if earlier is round_:
                continue  # a repeat within one file is the loader's to report
            where = earlier.source.name if earlier.source else earlier.id
            message = f"question id {question.id!r} is already used in {where} at line {earlier_line}; ids are unique within a pack"
            repeats.setdefault(round_.source, []).append((*question.id_at, f"questions[{index}].id", message))
    if not repeats:
        return []
    from mockint.core.diagnostics import Diagnostic  # imports yaml: only when there is something to report

    return [
        BrokenFile(path, tuple(Diagnostic(path, line, col, key, message) for line, col, key, message in found))
        for path, found in repeats.items()
    ]


def _pack_folder_files(folder: Path) -> tuple[list[Path], list[BrokenFile]]:
    """The *.yaml files of a pack folder (interview.yaml included) in name order,
    and the problems seen listing it: `.yml` typos, or the folder itself when it
    cannot be listed.

    Anything named *.yaml that is not a folder counts as a file here, whatever
    it is (a FIFO, a device, a broken link): the loader refuses it with its
    reason. Folders inside a pack are not part of it, whatever their name, and
    neither are hidden files (an editor's lock file `.#01.yaml` is a broken link).
    """
    try:
        children = sorted(child for child in folder.iterdir() if not _hidden(child) and not child.is_dir())
    except OSError as error:
        return [], [_problem(folder, f"cannot read directory: {error.strerror or error}")]
    files = [child for child in children if child.suffix == ROUND_SUFFIX]
    return files, [_problem(child, _wrong_suffix(child)) for child in children if child.suffix == ".yml"]


def _pack_entries(directory: Path) -> list[tuple[Path, str] | BrokenFile]:
    """Pack folders and lone round files (with their pack names) in name order,
    and, in their place, entries that cannot be packs.

    A folder is a pack folder whatever its name (even `x.yaml`); anything else
    named *.yaml is a lone round file, left to the loader to read or refuse.
    A directory that does not exist yields nothing: the CLI reports missing
    --rounds dirs itself, and the other sources are optional.
    """
    found: list[tuple[Path, str] | BrokenFile] = []
    try:
        for child in sorted(directory.iterdir()):
            if _hidden(child) or child.name.startswith("_"):
                continue  # hidden files, __init__.py, __pycache__
            if child.is_dir():
                found.append((child, child.name))
            elif child.name == INTERVIEW_FILE:
                message = "interview.yaml belongs inside a pack folder, next to its round files"
                found.append(_problem(child, message))
            elif child.suffix == ROUND_SUFFIX:
                found.append((child, child.stem))
            elif child.suffix == ".yml":
                found.append(_problem(child, _wrong_suffix(child)))
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as error:
        return [_problem(directory, f"cannot read directory: {error.strerror or error}")]
    return found


def _path_of(found: Path | BrokenFile) -> Path:
    return found.path if isinstance(found, BrokenFile) else found


def _hidden(path: Path) -> bool:
    return path.name.startswith(".")


def _wrong_suffix(path: Path) -> str:
    return f"round files must end in .yaml: rename it to {path.stem}.yaml"


def _problem(path: Path, message: str) -> BrokenFile:
    from mockint.core.diagnostics import Diagnostic

    return BrokenFile(path, (Diagnostic(path, 1, 1, "", message),))
