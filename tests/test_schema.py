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
KIT = Path(__file__).parent / "data" / "kit"
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
    "hint-after-too-long.yaml": "comparing two fields",
}
WARNINGS_ONLY = {
    "kit-warnings.yaml": "a valid file: what it is warned of is no schema error",
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
    return sorted(PACKS.glob("**/*.yaml")) + sorted(KIT.glob("*.yaml")) + sorted(bundled)


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
    listed = set(SCHEMA_ACCEPTS) | set(NOT_DATA) | set(NEVER_LOAD) | set(WARNINGS_ONLY)
    assert listed <= {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.yaml")}


STRUCTURAL = sorted(
    p.relative_to(CORPUS).as_posix()
    for p in CORPUS.rglob("*.yaml")
    if p.relative_to(CORPUS).as_posix() not in {**SCHEMA_ACCEPTS, **NOT_DATA, **NEVER_LOAD, **WARNINGS_ONLY}
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


@pytest.mark.parametrize("name", sorted(WARNINGS_ONLY))
def test_schema_accepts_what_the_loader_only_warns_of(name: str) -> None:
    path = CORPUS / name
    diagnostics = check_file(path)
    assert diagnostics and not any(d.is_error for d in diagnostics)
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


LEVEL_TEXTS = {"poor": "P", "mixed": "M", "good": "G", "excellent": "E"}
KIT_FIELDS = [
    # (what the question adds, valid)
    ({"anchors": LEVEL_TEXTS}, True),
    ({"anchors": {**LEVEL_TEXTS, "great": "G+"}}, False),
    ({"anchors": {k: v for k, v in LEVEL_TEXTS.items() if k != "mixed"}}, False),
    ({"anchors": {}}, False),
    ({"anchors": ["poor", "good"]}, False),
    ({"anchors": {**LEVEL_TEXTS, "poor": ""}}, False),
    ({"anchors": {**LEVEL_TEXTS, "poor": 1}}, False),
    ({"reference": "Prose."}, True),
    ({"reference": " "}, False),
    ({"reference": ["a"]}, False),
    ({"facts": ["Budget: 50k"]}, True),
    ({"facts": []}, False),
    ({"facts": "Budget: 50k"}, False),
    ({"facts": ["ok", ""]}, False),
    ({"hint": "H", "hint_after": "20s"}, True),
    ({"hint": "H", "hint_after": 60}, True),
    ({"hint": "H", "hint_after": 0}, False),
    ({"hint": "H", "hint_after": "soon"}, False),
    ({"hint_after": "20s"}, True),  # only a warning: no hint to lock
    ({"keywords": ["a", ["same period", "year-over-year", "YoY"], ["完播率"]]}, True),
    ({"keywords": []}, True),
    ({"keywords": [[]]}, False),
    ({"keywords": [["a", ["b"]]]}, False),
    ({"keywords": [["a", 5]]}, False),
    ({"keywords": [{"a": "b"}]}, False),
    ({"keywords": ["a", "a"]}, True),  # only a warning: listed twice
    ({"challenges": [{"ask": "Why?", "time": 30, "guide": ["A reason"]}]}, True),
    ({"challenges": [{"ask": "Why?", "time": 30, "guide": []}]}, False),
    ({"challenges": [{"ask": "Why?", "time": 30, "guide": "A reason"}]}, False),
    ({"challenges": [{"ask": "Why?", "time": 30, "unless_mentioned": [["cost", "成本"], "roi"]}]}, True),
    ({"challenges": [{"ask": "Why?", "time": 30, "unless_mentioned": [[]]}]}, False),
    ({"challenges": [{"ask": "Why?", "time": 30, "unless_mentioned": [["cost", ""]]}]}, False),
    ({"challenges": [{"ask": "Why?", "time": 30, "unless_mentioned": []}]}, False),
]


@pytest.mark.parametrize(("fields", "valid"), KIT_FIELDS)
def test_loader_and_schema_agree_on_every_kit_field(fields: dict, valid: bool, tmp_path: Path) -> None:
    document = {"title": "T", "questions": [{"ask": "What would you measure?", "time": "1m", **fields}]}
    path = tmp_path / "kit.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    errors = [str(d) for d in check_file(path) if d.is_error]
    assert (errors == []) is valid, errors
    assert ROUND.is_valid(document) is valid
