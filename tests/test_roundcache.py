"""The cache of validated round files and pack descriptions behind discover()."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockint.packs import discovery, roundcache

from mockint.core import paths
from mockint.packs.discovery import discover
from mockint.core.model import Challenge, InterviewMeta, Interviewer, Question, Round, Term
from mockint.core.ratings import LEVELS
from mockint.packs.roundcache import RoundCache
from mockint.core.userpaths import PathProblem

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
        "import mockint.cli, mockint.cli.launch, mockint.ui.app\n"
        "from mockint.packs.discovery import discover\n"
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


# --- what is read back is checked: anything untrustworthy is a miss -----------------------


def rewrite_entries(cache_file: Path, change) -> None:
    """Apply `change` to the stored entries; write them back with a matching checksum, as a careful hand edit would."""
    stored = json.loads(cache_file.read_text(encoding="utf-8"))
    entries = stored["entries"]
    change(entries)
    raw = msgspec.Raw(json.dumps(entries, separators=(",", ":")).encode("utf-8"))
    stored["entries"], stored["checksum"] = "PLACEHOLDER", roundcache._checksum(raw)
    cache_file.write_bytes(json.dumps(stored).replace('"PLACEHOLDER"', bytes(raw).decode("utf-8")).encode("utf-8"))


def assert_reloaded_afresh(rounds: Path, env: dict[str, str], composed: list[Path], first) -> None:
    before = len(composed)
    library = discover([rounds], env)
    assert library == first
    assert library.find("quick").rounds[0].source == rounds / "quick.yaml"
    assert rounds / "quick.yaml" in composed[before:]


@pytest.mark.parametrize(
    "entry_change",
    [
        lambda entry: entry["round"].update(title=3),
        lambda entry: entry["round"]["questions"][0].update(time="2m"),
        lambda entry: entry["round"].update(questions=None),
        lambda entry: entry.update(identity=[1, 2]),
        lambda entry: entry.update(stray=True),
        lambda entry: entry["round"].update(source="/somewhere/else.yaml"),
    ],
    ids=["title-not-text", "time-not-number", "questions-missing", "identity-short", "unknown-field", "source-stored"],
)
def test_an_entry_with_wrong_types_is_a_miss(rounds, env, composed, entry_change):
    first = discover([rounds], env)
    rewrite_entries(paths.round_cache_file(env), lambda entries: entry_change(entries[str(rounds / "quick.yaml")]))
    assert_reloaded_afresh(rounds, env, composed, first)


def test_one_bad_entry_leaves_the_others_cached(rounds, env, composed):
    first = discover([rounds], env)
    quick = str(rounds / "quick.yaml")
    rewrite_entries(paths.round_cache_file(env), lambda entries: entries[quick]["round"].update(id=[]))
    before = len(composed)
    assert discover([rounds], env) == first
    assert composed[before:] == [rounds / "quick.yaml"]


def test_an_edit_that_keeps_the_types_is_caught_by_the_checksum(rounds, env, composed):
    first = discover([rounds], env)
    cache_file = paths.round_cache_file(env)
    title = first.find("quick").rounds[0].title
    text = cache_file.read_text(encoding="utf-8")
    assert text.count(json.dumps(title)) == 1
    cache_file.write_text(text.replace(json.dumps(title), json.dumps("Not the file's title")), encoding="utf-8")
    assert_reloaded_afresh(rounds, env, composed, first)


@pytest.mark.parametrize("cut", [1, 0.5, 0.9])
def test_a_truncated_cache_file_is_a_miss(rounds, env, composed, cut):
    first = discover([rounds], env)
    cache_file = paths.round_cache_file(env)
    data = cache_file.read_bytes()
    cache_file.write_bytes(data[: len(data) - cut] if isinstance(cut, int) else data[: int(len(data) * cut)])
    assert_reloaded_afresh(rounds, env, composed, first)


def test_corrupt_bytes_in_the_cache_file_are_a_miss(rounds, env, composed):
    first = discover([rounds], env)
    cache_file = paths.round_cache_file(env)
    data = bytearray(cache_file.read_bytes())
    data[len(data) // 2] = 0xFF
    cache_file.write_bytes(bytes(data))
    assert_reloaded_afresh(rounds, env, composed, first)


def test_an_oversized_cache_file_is_a_miss_and_is_rewritten_within_the_limit(rounds, env, composed, monkeypatch):
    first = discover([rounds], env)
    cache_file = paths.round_cache_file(env)
    size = cache_file.stat().st_size
    monkeypatch.setattr(roundcache, "MAX_CACHE_BYTES", size - 1)
    assert_reloaded_afresh(rounds, env, composed, first)
    assert cache_file.stat().st_size <= size - 1


def test_entries_past_the_size_limit_are_not_written(rounds, env, composed, monkeypatch):
    first = discover([rounds], env)
    cache_file = paths.round_cache_file(env)
    everything = json.loads(cache_file.read_text(encoding="utf-8"))["entries"]
    limit = cache_file.stat().st_size - 200
    monkeypatch.setattr(roundcache, "MAX_CACHE_BYTES", limit)
    cache_file.unlink()
    discover([rounds], env)
    assert cache_file.stat().st_size <= limit
    kept = json.loads(cache_file.read_text(encoding="utf-8"))["entries"]
    assert 0 < len(kept) < len(everything)
    before = len(composed)
    assert discover([rounds], env) == first
    left_out = sorted(Path(key) for key in everything if key not in kept and not key.endswith("interview.yaml"))
    assert sorted(composed[before:]) == left_out


def test_the_cache_is_keyed_on_the_loading_code(rounds, env, composed, monkeypatch):
    first = discover([rounds], env)
    monkeypatch.setattr(roundcache, "loading_code_digest", lambda: "different loading code")
    assert_reloaded_afresh(rounds, env, composed, first)
    assert json.loads(paths.round_cache_file(env).read_text(encoding="utf-8"))["code"] == "different loading code"


def test_the_loading_code_digest_follows_the_source_of_the_loading_modules(tmp_path, monkeypatch):
    digest = roundcache.loading_code_digest()
    assert len(digest) == 8 and digest == roundcache.loading_code_digest()
    package = Path(roundcache.__file__).parent.parent
    for name in roundcache.LOADING_MODULES:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copy(package / name, tmp_path / name)
    monkeypatch.setattr(roundcache, "__file__", str(tmp_path / "packs" / "roundcache.py"))
    assert roundcache.loading_code_digest() == digest
    with (tmp_path / "packs" / "nodecheck.py").open("a", encoding="utf-8") as source:
        source.write("# a changed rule\n")
    assert roundcache.loading_code_digest() not in ("", digest)
    (tmp_path / "core" / "model.py").unlink()
    assert roundcache.loading_code_digest() == ""


def test_without_loading_code_to_key_on_nothing_is_read_or_written(rounds, env, composed, monkeypatch):
    discover([rounds], env)
    cache_file = paths.round_cache_file(env)
    written = cache_file.read_bytes()
    monkeypatch.setattr(roundcache, "loading_code_digest", lambda: "")
    before = len(composed)
    discover([rounds], env)
    assert rounds / "quick.yaml" in composed[before:]
    assert cache_file.read_bytes() == written


def test_a_file_changed_in_place_with_the_same_size_is_a_miss(rounds, env, composed):
    first = discover([rounds], env)
    quick = rounds / "quick.yaml"
    text = quick.read_text(encoding="utf-8")
    swapped = text.replace("title: ", "title: X", 1)[:-1]  # same length, one more title character
    assert len(swapped.encode()) == len(text.encode())
    quick.write_text(swapped, encoding="utf-8")
    age(rounds, seconds=30)
    library = discover([rounds], env)
    assert composed.count(quick) == 2
    assert library.find("quick").title.startswith("X")
    assert library != first


def test_a_round_file_replaced_by_a_fifo_is_a_miss_and_reported(rounds, env, composed):
    discover([rounds], env)
    quick = rounds / "quick.yaml"
    quick.unlink()
    os.mkfifo(quick)
    age(rounds)
    library = discover([rounds], env)
    assert library.find("quick") is None
    assert [b.path for b in library.broken] == [quick]
    assert "FIFO" in str(library.broken[0].diagnostics[0])


def test_a_round_file_that_became_unreadable_is_a_miss(rounds, env, monkeypatch):
    """As root no mode bit stops reading, so the check the cache makes is what is made to say no."""
    discover([rounds], env)
    quick = rounds / "quick.yaml"
    real_access = os.access
    monkeypatch.setattr(roundcache.os, "access", lambda path, mode: Path(path) != quick and real_access(path, mode))
    cache = RoundCache.open(paths.round_cache_file(env))
    assert cache.get(quick) is None
    assert cache.get_meta(rounds / "mini" / "interview.yaml") is not None


def test_a_round_file_replaced_by_a_folder_or_a_broken_link_is_a_miss(rounds, env):
    discover([rounds], env)
    quick = rounds / "quick.yaml"
    cache = RoundCache.open(paths.round_cache_file(env))
    assert cache.get(quick) is not None
    quick.unlink()
    quick.symlink_to(rounds / "gone.yaml")
    assert cache.get(quick) is None
    quick.unlink()
    quick.mkdir()
    assert cache.get(quick) is None


names = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
term_values = st.builds(Term, st.lists(names, min_size=1, max_size=3).map(tuple))
challenges = st.builds(
    Challenge, ask=names, time=st.integers(1, 10**6), at=st.none() | st.integers(1, 10**6),
    unless_mentioned=st.lists(term_values, max_size=2).map(tuple), guide=st.lists(names, max_size=2).map(tuple),
)  # fmt: skip
questions = st.builds(
    Question, id=names, ask=names, time=st.integers(1, 10**6), guide=st.lists(names, max_size=3).map(tuple),
    keywords=st.lists(term_values, max_size=3).map(tuple), hint=st.none() | names,
    challenges=st.lists(challenges, max_size=3).map(tuple), checklist=st.lists(names, max_size=2).map(tuple),
    anchors=st.dictionaries(st.sampled_from(LEVELS), names), reference=st.none() | names,
    facts=st.lists(names, max_size=2).map(tuple), hint_after=st.none() | st.integers(1, 10**6),
)  # fmt: skip
round_values = st.builds(
    Round, id=names, title=names, questions=st.lists(questions, min_size=1, max_size=4).map(tuple),
    interviewer=st.builds(Interviewer, name=names, style=names), intro=names, time=st.none() | st.integers(1, 10**6),
    checklist=st.lists(names, max_size=2).map(tuple),
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(round_=round_values, meta=st.builds(InterviewMeta, title=st.none() | names, role=names, description=names))
def test_any_round_comes_back_from_the_cache_file_as_it_went_in(tmp_path, round_, meta):
    path, meta_path = tmp_path / "any.yaml", tmp_path / "interview.yaml"
    for file in (path, meta_path):
        file.write_text("written by the test", encoding="utf-8")
        os.utime(file, (time.time() - 60, time.time() - 60))
    cache_file = tmp_path / "cache" / "rounds.json"
    cache = RoundCache.open(cache_file)
    cache.put(path, round_)
    cache.put_meta(meta_path, meta)
    cache.save()
    reopened = RoundCache.open(cache_file)
    assert reopened.get(path) == msgspec.structs.replace(round_, source=path)
    assert reopened.get_meta(meta_path) == msgspec.structs.replace(meta, source=meta_path)
    assert reopened.get(meta_path) is None and reopened.get_meta(path) is None


def test_the_cache_is_keyed_on_every_module_the_loading_code_imports() -> None:
    """A module the loader uses but the key leaves out could change what a valid round is unnoticed."""
    package = Path(roundcache.__file__).parent.parent
    listed = set(roundcache.LOADING_MODULES)
    # The cache's own module is listed for its storage format; what it imports to find its folder is not loading.
    for name in sorted(listed - {"packs/roundcache.py"}):
        source = (package / name).read_text(encoding="utf-8")
        imported = re.findall(r"^\s*from mockint\.(\w+)\.(\w+) import", source, flags=re.M)
        missing = {f"{layer}/{module}.py" for layer, module in imported} - listed
        assert not missing, f"{name} imports {sorted(missing)}, which LOADING_MODULES leaves out"
