"""The JSON Schemas accept every valid round file and agree with the loader on the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from mockint.packs.loader import check_file
from mockint.core.paths import schema_path
from mockint.packs.yamlsource import SAFE_LOADER

REPO = Path(__file__).parent.parent
CORPUS = Path(__file__).parent / "data" / "malformed"
PACKS = Path(__file__).parent / "data" / "packs"
SCHEMA_LINE = "# yaml-language-server: $schema="

# Problems JSON Schema cannot express, each with the reason. These files are
# checked below to be accepted by the schema (or unreadable as data at all),
# so the list cannot silently hide a schema gap.
SCHEMA_ACCEPTS = {
    "alias.yaml": "aliases are expanded before a schema sees the data",
    "duplicate-id.yaml": "uniqueness of a field across array items",
    "duplicate-default-id.yaml": "ids given by position",
    "at-not-shorter.yaml": "comparing two fields",
    "duplicate-key.yaml": "YAML loaders keep the last of duplicate keys",
    "duration-too-long.yaml": "the range of a duration written as text",
}
NOT_DATA = {
    "syntax-unclosed-quote.yaml": "YAML syntax",
    "syntax-bad-indent.yaml": "YAML syntax",
    "syntax-tab.yaml": "YAML syntax",
    "two-documents.yaml": "more than one YAML document",
    "not-utf8.yaml": "encoding",
    "control-char.yaml": "characters YAML forbids",
    "python-tag.yaml": "a tag a safe loader refuses to build",
    "custom-tag.yaml": "a tag a safe loader refuses to build",
}
NEVER_LOAD = {
    "billion-laughs.yaml": "expanding it is the attack",
}


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_path(name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


ROUND = validator("round")
INTERVIEW = validator("interview")


def schema_for(path: Path) -> jsonschema.Draft202012Validator:
    return INTERVIEW if path.name == "interview.yaml" else ROUND


def as_data(path: Path) -> object:
    with path.open("rb") as stream:
        return yaml.load(stream, Loader=SAFE_LOADER)  # a safe loader: SafeLoader or CSafeLoader


def valid_files() -> list[Path]:
    bundled = [p for p in (REPO / "rounds").glob("**/*.yaml") if p.stem != "__init__"]
    return sorted(PACKS.glob("**/*.yaml")) + sorted(bundled)


def test_there_are_valid_fixtures_to_check() -> None:
    names = {p.relative_to(PACKS).as_posix() for p in PACKS.glob("**/*.yaml")}
    assert {"mini/interview.yaml", "mini/01-warmup.yaml", "mini/02-design.yaml"} <= names


@pytest.mark.parametrize("path", valid_files(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_valid_file_passes_schema_and_loader(path: Path) -> None:
    errors = [e.message for e in schema_for(path).iter_errors(as_data(path))]
    assert errors == []
    # Warnings leave a file valid (the bundled packs have some); the schema has no warnings to agree on.
    assert [d for d in check_file(path) if d.is_error] == []


@pytest.mark.parametrize("path", valid_files(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_valid_file_names_its_schema_for_editors(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith(SCHEMA_LINE)
    target = (path.parent / first_line.removeprefix(SCHEMA_LINE).strip()).resolve()
    assert target == schema_path("interview" if path.name == "interview.yaml" else "round")


def test_exception_lists_name_corpus_files() -> None:
    listed = set(SCHEMA_ACCEPTS) | set(NOT_DATA) | set(NEVER_LOAD)
    assert listed <= {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.yaml")}


STRUCTURAL = sorted(
    p.relative_to(CORPUS).as_posix()
    for p in CORPUS.rglob("*.yaml")
    if p.relative_to(CORPUS).as_posix() not in {**SCHEMA_ACCEPTS, **NOT_DATA, **NEVER_LOAD}
)


@pytest.mark.parametrize("name", STRUCTURAL)
def test_schema_rejects_what_the_loader_rejects(name: str) -> None:
    path = CORPUS / name
    assert check_file(path) != []
    assert not schema_for(path).is_valid(as_data(path))


@pytest.mark.parametrize("name", sorted(SCHEMA_ACCEPTS))
def test_schema_cannot_see_these_problems(name: str) -> None:
    path = CORPUS / name
    assert check_file(path) != []
    assert schema_for(path).is_valid(as_data(path))


@pytest.mark.parametrize("name", sorted(NOT_DATA))
def test_these_files_are_not_even_yaml_data(name: str) -> None:
    path = CORPUS / name
    assert check_file(path) != []
    with pytest.raises(yaml.YAMLError):
        as_data(path)


@pytest.mark.parametrize(
    ("document", "valid"),
    [
        ({"title": "T", "questions": [{"ask": "A", "time": 45}]}, True),
        ({"title": "T", "questions": [{"ask": "A", "time": "1m30s"}]}, True),
        ({"title": "T", "questions": [{"ask": "A", "time": " 2h "}]}, True),
        ({"title": "T", "questions": [{"ask": "A", "time": 10800}]}, True),
        ({"title": "T", "questions": [{"ask": "A", "time": 10801}]}, False),
        ({"title": "T", "questions": [{"ask": "A", "time": 0}]}, False),
        ({"title": "T", "questions": [{"ask": "A", "time": "1m30"}]}, False),
        ({"title": "T", "questions": [{"ask": "A", "time": ""}]}, False),
        ({"title": "T", "questions": [{"ask": "A", "time": "-5"}]}, False),
        ({"title": "T", "questions": [{"ask": "A", "time": True}]}, False),
    ],
)
def test_schema_durations(document: dict, valid: bool) -> None:
    assert ROUND.is_valid(document) is valid


@pytest.mark.parametrize(
    ("title", "valid"),
    [
        ("tab\tand\nnewline", True),
        ("bidi \u202e is only warned of", True),
        ("ESC \x1b[2J", False),
        ("BEL \x07", False),
        ("NUL \x00", False),
        ("DEL \x7f", False),
        ("C1 \x9b31m", False),
        ("CR \r", False),
    ],
)
def test_schema_text_refuses_control_characters_but_newline_and_tab(title: str, valid: bool) -> None:
    assert ROUND.is_valid({"title": title, "questions": [{"ask": "A", "time": 45}]}) is valid
    assert INTERVIEW.is_valid({"role": title}) is valid
