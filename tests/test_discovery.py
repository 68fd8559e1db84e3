"""Finding packs: search order, shadowing, broken files and unreadable directories."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from mockint.packs import discovery

from mockint.core import paths
from mockint.packs.discovery import BrokenFile, Library, ShadowedPack, discover, load_pack, search_dirs

PACKS = Path(__file__).parent / "data" / "packs"
ROUND = "title: {title}\nquestions:\n  - ask: What is a mutex?\n    time: 1m\n"


@pytest.fixture
def no_bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty bundled dir, so these tests don't depend on the packs mockint ships."""
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    monkeypatch.setattr(paths, "bundled_rounds_dir", lambda: bundled)
    return bundled


def env_for(tmp_path: Path, rounds: list[Path] = ()) -> dict[str, str]:
    env = {"MOCKINT_DATA_DIR": str(tmp_path / "data")}
    if rounds:
        env["MOCKINT_ROUNDS"] = os.pathsep.join(str(r) for r in rounds)
    return env


def make_round(folder: Path, name: str, title: str = "T") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(ROUND.format(title=title), encoding="utf-8")
    return path


def test_search_order(tmp_path: Path) -> None:
    env = {"MOCKINT_DATA_DIR": str(tmp_path / "data"), "MOCKINT_ROUNDS": f"/a{os.pathsep}{os.pathsep}/b"}
    assert search_dirs([Path("/cli1"), Path("/cli2")], env) == [
        (Path("/cli1"), "--rounds"),
        (Path("/cli2"), "--rounds"),
        (Path("/a"), "MOCKINT_ROUNDS"),
        (Path("/b"), "MOCKINT_ROUNDS"),
        (tmp_path / "data" / "rounds", "user"),
        (paths.bundled_rounds_dir(), "bundled"),
    ]


def test_user_dir_comes_from_the_environment(tmp_path: Path) -> None:
    assert paths.user_rounds_dir({"MOCKINT_DATA_DIR": str(tmp_path)}) == tmp_path / "rounds"
    assert paths.bundled_rounds_dir().joinpath("__init__.py").is_file()
    assert paths.schema_path("round").name == "round.schema.json"
    with pytest.raises(ValueError, match="unknown schema"):
        paths.schema_path("pack")


def test_discovers_the_fixture_packs(tmp_path: Path, no_bundled: Path) -> None:
    library = discover([PACKS], env_for(tmp_path))
    assert library.names() == ["mini", "quick"]
    assert (library.broken, library.shadowed) == ((), ())
    mini = library.find("mini")
    assert mini is not None
    assert (mini.title, mini.role, mini.origin, mini.source) == ("Mini mock", "Backend engineer", "--rounds", PACKS / "mini")
    assert [r.id for r in mini.rounds] == ["01-warmup", "02-design"]
    quick = library.find("quick")
    assert quick is not None and (quick.title, len(quick.rounds)) == ("Quick one", 1)
    assert library.find("nope") is None


def test_earlier_directories_shadow_later_ones(tmp_path: Path, no_bundled: Path) -> None:
    env_dir, user_dir = tmp_path / "env", tmp_path / "data" / "rounds"
    make_round(env_dir / "mini", "01.yaml", "Mine")
    make_round(user_dir, "quick.yaml", "My quick")
    make_round(no_bundled / "quick", "01.yaml", "Bundled quick")
    make_round(no_bundled, "extra.yaml", "Extra")
    library = discover([], env_for(tmp_path, [env_dir, PACKS]))
    assert [(p.name, p.title, p.origin) for p in library.packs] == [
        ("mini", "mini", "MOCKINT_ROUNDS"),
        ("quick", "Quick one", "MOCKINT_ROUNDS"),
        ("extra", "Extra", "bundled"),
    ]
    assert library.shadowed == (
        ShadowedPack("mini", hidden=PACKS / "mini", by=env_dir / "mini"),
        ShadowedPack("quick", hidden=user_dir / "quick.yaml", by=PACKS / "quick.yaml"),
        ShadowedPack("quick", hidden=no_bundled / "quick", by=PACKS / "quick.yaml"),
    )


def test_a_broken_file_withholds_its_pack_and_still_claims_the_name(tmp_path: Path, no_bundled: Path) -> None:
    mine = tmp_path / "mine"
    shutil.copytree(PACKS / "mini", mine / "mini")
    (mine / "mini" / "02-design.yaml").write_text("title: [\n", encoding="utf-8")
    library = discover([mine, PACKS], env_for(tmp_path))
    assert library.names() == ["quick"]
    (broken,) = library.broken
    assert broken.path == mine / "mini" / "02-design.yaml"
    assert broken.first.line == 2 and broken.first.message.startswith("YAML syntax error")
    assert library.shadowed == (ShadowedPack("mini", hidden=PACKS / "mini", by=mine / "mini"),)


def test_missing_directories_are_skipped(tmp_path: Path, no_bundled: Path) -> None:
    library = discover([tmp_path / "missing"], env_for(tmp_path, [tmp_path / "also-missing"]))
    assert library == Library(packs=(), broken=(), shadowed=())


def test_odd_entries_become_diagnostics(tmp_path: Path, no_bundled: Path) -> None:
    rounds = tmp_path / "rounds"
    make_round(rounds, "interview.yaml")
    make_round(rounds, "typo.yml")
    make_round(rounds / "pack", "01.yml")
    make_round(rounds / ".hidden", "01.yaml")
    make_round(rounds / "_private", "01.yaml")
    (rounds / "empty").mkdir()
    (rounds / "notes.txt").write_text("not a round", encoding="utf-8")
    library = discover([rounds], env_for(tmp_path))
    assert library.packs == ()
    assert [(b.path.relative_to(rounds).as_posix(), b.first.message) for b in library.broken] == [
        ("empty", "no round files (*.yaml) in this pack folder"),
        ("interview.yaml", "interview.yaml belongs inside a pack folder, next to its round files"),
        ("pack/01.yml", "round files must end in .yaml: rename it to 01.yaml"),
        ("typo.yml", "round files must end in .yaml: rename it to typo.yaml"),
    ]
    assert all((b.first.line, b.first.col) == (1, 1) for b in library.broken)


def test_an_unreadable_directory_is_a_diagnostic(
    tmp_path: Path, no_bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Running as root defeats chmod, so make listing the directories fail instead.
    locked_root, locked_pack = tmp_path / "locked", tmp_path / "rounds" / "pack"
    locked_root.mkdir()
    make_round(locked_pack, "01.yaml")
    real_iterdir = Path.iterdir

    def iterdir(self: Path):
        if self in (locked_root, locked_pack):
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    library = discover([locked_root, tmp_path / "rounds"], env_for(tmp_path))
    assert library.packs == ()
    assert [(b.path, str(b.first)) for b in library.broken] == [
        (locked_root, f"{locked_root}:1:1: cannot read directory: Permission denied"),
        (locked_pack, f"{locked_pack}:1:1: cannot read directory: Permission denied"),
    ]


def test_load_pack_from_a_lone_file_and_a_folder_without_interview_yaml(tmp_path: Path) -> None:
    lone, problems = load_pack(PACKS / "quick.yaml", "user")
    assert problems == [] and lone is not None
    assert (lone.name, lone.title, lone.origin, lone.source) == ("quick", "Quick one", "user", PACKS / "quick.yaml")
    make_round(tmp_path / "bare", "b.yaml", "Second")
    make_round(tmp_path / "bare", "a.yaml", "First")
    folder, problems = load_pack(tmp_path / "bare", "--rounds")
    assert problems == [] and folder is not None
    assert (folder.title, [r.title for r in folder.rounds]) == ("bare", ["First", "Second"])


def test_load_pack_lists_every_broken_file(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    make_round(pack, "01.yaml")
    (pack / "02.yaml").write_text("", encoding="utf-8")
    (pack / "interview.yaml").write_text("titel: X\n", encoding="utf-8")
    found, problems = load_pack(pack, "user")
    assert found is None
    assert [(b.path.name, b.first.message) for b in problems] == [
        ("02.yaml", "file is empty: a round needs at least 'title' and 'questions'"),
        ("interview.yaml", "unknown key 'titel'; did you mean 'title'?"),
    ]
    assert all(isinstance(b, BrokenFile) for b in problems)


def test_discovery_reads_the_real_environment_by_default(tmp_path: Path, no_bundled: Path) -> None:
    # conftest points MOCKINT_DATA_DIR at a temp dir; put a user pack there.
    make_round(paths.user_rounds_dir(), "mine.yaml", "Mine")
    library = discovery.discover()
    assert [(p.name, p.origin) for p in library.packs] == [("mine", "user")]
