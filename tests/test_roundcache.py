"""The cache of validated round files and pack descriptions behind discover()."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mockint import discovery, paths
from mockint.discovery import discover
from mockint.roundcache import RoundCache
from mockint.userpaths import PathProblem

PACKS = Path(__file__).parent / "data" / "packs"


@pytest.fixture
def rounds(tmp_path: Path) -> Path:
    """A copy of the fixture packs, dated a minute back like files edited a while ago."""
    root = tmp_path / "rounds"
    shutil.copytree(PACKS, root)
    age(root)
    return root


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"MOCKINT_DATA_DIR": str(tmp_path / "data")}


@pytest.fixture
def composed(monkeypatch) -> list[Path]:
    """The round files actually composed and validated (not read from the cache)."""
    seen: list[Path] = []
    real = discovery.load_round

    def counting(path: Path):
        seen.append(path)
        return real(path)

    monkeypatch.setattr(discovery, "load_round", counting)
    return seen


def age(root: Path, seconds: float = 60) -> None:
    past = time.time() - seconds
    for path in root.rglob("*.yaml"):
        os.utime(path, (past, past))


def test_second_discovery_reads_unchanged_files_from_the_cache(rounds, env, composed):
    first = discover([rounds], env)
    count = len(composed)
    assert count > 0
    assert paths.round_cache_file(env).is_file()
    second = discover([rounds], env)
    assert second == first
    assert len(composed) == count


def test_a_changed_file_is_validated_again(rounds, env, composed):
    discover([rounds], env)
    quick = rounds / "quick.yaml"
    quick.write_text(quick.read_text(encoding="utf-8").replace("title:", "title: Changed\nintro:", 1), encoding="utf-8")
    age(rounds)
    library = discover([rounds], env)
    assert composed.count(quick) == 2
    assert library.find("quick").title.startswith("Changed")


def test_a_file_broken_after_caching_reports_its_error(rounds, env):
    discover([rounds], env)
    quick = rounds / "quick.yaml"
    quick.write_text("title: [unclosed\n", encoding="utf-8")
    age(rounds)
    library = discover([rounds], env)
    assert library.find("quick") is None
    assert [b.path for b in library.broken] == [quick]


def test_recently_modified_files_are_never_cached(rounds, env, composed):
    age(rounds, seconds=0)
    discover([rounds], env)
    discover([rounds], env)
    ours = [path for path in composed if rounds in path.parents]
    assert ours and all(ours.count(path) == 2 for path in ours)


@pytest.mark.parametrize("content", ["not json", '{"format": "other", "entries": {}}', '{"format": 1}'])
def test_an_unusable_cache_file_is_ignored_and_rewritten(rounds, env, content):
    cache_file = paths.round_cache_file(env)
    cache_file.parent.mkdir(parents=True)
    cache_file.write_text(content, encoding="utf-8")
    library = discover([rounds], env)
    assert library.find("mini") is not None
    assert json.loads(cache_file.read_text(encoding="utf-8"))["entries"]


def test_an_entry_of_the_wrong_shape_is_a_miss(rounds, env, composed):
    discover([rounds], env)
    cache_file = paths.round_cache_file(env)
    stored = json.loads(cache_file.read_text(encoding="utf-8"))
    for entry in stored["entries"].values():
        entry["round"] = {"id": 3}
    cache_file.write_text(json.dumps(stored), encoding="utf-8")
    before = len(composed)
    assert discover([rounds], env).find("mini") is not None
    assert len(composed) == 2 * before


def test_an_unwritable_cache_only_costs_speed(rounds, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "cache").write_text("a file where the cache folder should be", encoding="utf-8")
    library = discover([rounds], {"MOCKINT_DATA_DIR": str(data)})
    assert library.find("mini") is not None
    assert (data / "cache").read_text(encoding="utf-8").startswith("a file")


def test_a_data_dir_that_cannot_be_a_folder_is_named(rounds, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data dir should be", encoding="utf-8")
    with pytest.raises(PathProblem, match=f"^MOCKINT_DATA_DIR {blocker}: it is a file, not a folder$"):
        discover([rounds], {"MOCKINT_DATA_DIR": str(blocker)})


def test_a_cache_without_a_file_serves_only_this_process(rounds):
    cache = RoundCache(None)
    round_file = rounds / "quick.yaml"
    library_round = discover([rounds], {"MOCKINT_DATA_DIR": str(rounds / "x")}).find("quick").rounds[0]
    cache.put(round_file, library_round)
    cache.save()
    assert cache.get(round_file) == library_round


@pytest.fixture
def metas_read(monkeypatch: pytest.MonkeyPatch, rounds: Path) -> list[Path]:
    """This test's interview.yaml files actually composed (not read from the cache)."""
    seen: list[Path] = []
    real = discovery.load_interview_meta

    def counting(path: Path):
        if rounds in path.parents:
            seen.append(path)
        return real(path)

    monkeypatch.setattr(discovery, "load_interview_meta", counting)
    return seen


def test_an_unchanged_interview_yaml_is_read_from_the_cache(rounds, env, metas_read):
    first = discover([rounds], env)
    assert metas_read == [rounds / "mini" / "interview.yaml"]
    second = discover([rounds], env)
    assert second == first
    assert second.find("mini").title == "Mini mock"
    assert second.find("mini").role == "Backend engineer"
    assert len(metas_read) == 1


def test_a_changed_interview_yaml_is_read_again(rounds, env, metas_read):
    discover([rounds], env)
    meta = rounds / "mini" / "interview.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("Mini mock", "Renamed mock"), encoding="utf-8")
    age(rounds)
    assert discover([rounds], env).find("mini").title == "Renamed mock"
    assert len(metas_read) == 2


def test_an_interview_yaml_broken_after_caching_hides_its_pack(rounds, env):
    discover([rounds], env)
    meta = rounds / "mini" / "interview.yaml"
    meta.write_text("title: [unclosed\n", encoding="utf-8")
    age(rounds)
    library = discover([rounds], env)
    assert library.find("mini") is None
    assert [item.path for item in library.broken] == [meta]


def test_a_warm_launch_does_not_import_yaml(rounds, env):
    """What plain `mockint` imports before its first paint, run twice: the second needs no YAML."""
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "import mockint.cli, mockint.launch, mockint.app\n"
        "from mockint.discovery import discover\n"
        f"library = discover([Path({str(rounds)!r})])\n"
        "assert library.find('mini') is not None and library.find('quick') is not None\n"
        "print('yaml' in sys.modules)\n"
    )
    child_env = {**os.environ, **env}
    child_env.pop("MOCKINT_ROUNDS", None)
    runs = [
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=child_env, timeout=60)
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[-1].stderr
    assert [run.stdout.strip() for run in runs] == ["True", "False"]
