"""Every file in tests/data/malformed yields exactly the diagnostics recorded in expected.json."""

from __future__ import annotations

import json
import os
import time
import tracemalloc
from pathlib import Path

import pytest

from mockint.packs.loader import RoundFileError, check_file, load_round
from mockint.packs.yamlsource import MAX_FILE_BYTES

CORPUS = Path(__file__).parent / "data" / "malformed"
EXPECTED: dict[str, list[str]] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))

VALID_ROUND = "title: Fine\nquestions:\n  - ask: What is a mutex?\n    time: 1m\n"


def located(diagnostics: list) -> list[str]:
    """Diagnostics as expected.json writes them: without the file name."""
    return [str(d).removeprefix(f"{d.file}:") for d in diagnostics]


def test_the_corpus_is_complete_and_every_file_is_listed() -> None:
    on_disk = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.yaml")}
    assert on_disk == set(EXPECTED)
    assert len(on_disk) >= 28


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_file_yields_exactly_the_expected_diagnostics(name: str) -> None:
    path = CORPUS / name
    diagnostics = check_file(path)
    assert located(diagnostics) == EXPECTED[name]
    assert all(d.file == path for d in diagnostics)
    assert all(str(d).startswith(f"{path}:{d.line}:{d.col}: ") for d in diagnostics)


def errors_only(expected: list[str]) -> list[str]:
    """Warnings leave a file usable: the error a loader raises lists only the errors."""
    return [line for line in expected if ": warning: " not in line]


ROUND_FILES = sorted(n for n in EXPECTED if not n.endswith("interview.yaml"))
WARNINGS_ONLY = [name for name in ROUND_FILES if not errors_only(EXPECTED[name])]
"""Files that are valid: their mistakes are only warned of."""


@pytest.mark.parametrize("name", [name for name in ROUND_FILES if name not in WARNINGS_ONLY])
def test_load_round_raises_with_every_error(name: str) -> None:
    with pytest.raises(RoundFileError) as raised:
        load_round(CORPUS / name)
    assert located(list(raised.value.diagnostics)) == errors_only(EXPECTED[name])
    assert str(raised.value).count("\n") == len(errors_only(EXPECTED[name])) - 1


@pytest.mark.parametrize("name", WARNINGS_ONLY)
def test_a_file_with_only_warnings_loads(name: str) -> None:
    assert EXPECTED[name] and load_round(CORPUS / name).questions


def test_the_corpus_has_warnings_next_to_errors() -> None:
    warned = [name for name, lines in EXPECTED.items() if errors_only(lines) != lines]
    assert {"control-escapes.yaml", "interview-control/interview.yaml", "kit-warnings.yaml"} <= set(warned)
    assert WARNINGS_ONLY == ["kit-warnings.yaml"]


def test_billion_laughs_is_refused_fast_and_small() -> None:
    tracemalloc.start()
    started = time.perf_counter()
    diagnostics = check_file(CORPUS / "billion-laughs.yaml")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [d.message.split(" (")[0] for d in diagnostics] == ["YAML aliases are not allowed"]
    assert elapsed < 1.0
    assert peak < 4 * 1024 * 1024


def test_a_deeper_bomb_written_as_a_valid_round_is_refused_fast(tmp_path: Path) -> None:
    # 20 levels of 10 aliases each: 10**20 strings if anything expanded it.
    levels = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, 21)]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(levels) + "\ntitle: Bomb\nquestions: *l20\n", encoding="utf-8")
    tracemalloc.start()
    started = time.perf_counter()
    diagnostics = check_file(bomb)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert located(diagnostics) == ["2:10: YAML aliases are not allowed (found *l0); write the value out in full"]
    assert elapsed < 1.0
    assert peak < 4 * 1024 * 1024


def test_a_file_over_one_mib_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    # Starts with a syntax error: had the file been parsed, that would be reported instead.
    big.write_bytes(b"title: [unclosed\n" + b"#" * MAX_FILE_BYTES)
    assert located(check_file(big)) == ["1:1: file is too large (1.0 MiB); the limit is 1 MiB"]


def test_a_file_of_exactly_one_mib_is_read(tmp_path: Path) -> None:
    edge = tmp_path / "edge.yaml"
    padding = MAX_FILE_BYTES - len(VALID_ROUND) - 1
    edge.write_text(VALID_ROUND + "#" * padding + "\n", encoding="utf-8")
    assert edge.stat().st_size == MAX_FILE_BYTES
    assert check_file(edge) == []


def test_non_utf8_byte_is_located_in_characters(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(VALID_ROUND.encode() + "  # naïve café \xe9".encode("utf-8") + b" \xff\n")
    # Line 5: "  # naïve café é " is 17 characters (20 bytes), so 0xff is character 18.
    assert located(check_file(path)) == ["5:18: not valid UTF-8 (byte 0xff); save the file as UTF-8"]


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID_ROUND.encode())
    assert load_round(path).title == "Fine"


def test_a_directory_named_like_a_round_is_a_diagnostic(tmp_path: Path) -> None:
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    assert located(check_file(folder)) == ["1:1: is a folder, not a regular file"]


def test_an_unreadable_file_is_a_diagnostic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.yaml"
    path.write_text(VALID_ROUND, encoding="utf-8")

    real_open = os.open

    # Running as root defeats chmod, so make opening the file fail instead.
    def refuse(file: object, *args: object, **kwargs: object) -> int:
        if file == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    assert located(check_file(path)) == ["1:1: cannot read file: Permission denied"]


def test_a_missing_file_is_a_diagnostic(tmp_path: Path) -> None:
    assert located(check_file(tmp_path / "gone.yaml")) == ["1:1: cannot read file: No such file or directory"]
