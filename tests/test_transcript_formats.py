"""Every transcript format mockint has written keeps its schema and an example it accepts.

The current schema is transcript.schema.json; earlier formats keep theirs as
transcript-N.schema.json so a file written by an older mockint can still be checked.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

SCHEMAS = Path(__file__).parent.parent / "mockint" / "schemas"
EXAMPLES = Path(__file__).parent / "data" / "transcripts"
GOLDEN = Path(__file__).parent / "data" / "golden" / "transcript.json"
CURRENT = 3
EARLIER = (1, 2)


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def schema_of(version: int) -> dict:
    return read(SCHEMAS / ("transcript.schema.json" if version == CURRENT else f"transcript-{version}.schema.json"))


def validator(version: int) -> jsonschema.Draft202012Validator:
    schema = schema_of(version)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def example(version: int) -> dict:
    return read(GOLDEN if version == CURRENT else EXAMPLES / f"transcript-{version}.json")


def errors(version: int, document: dict) -> list[str]:
    return [f"{list(e.path)}: {e.message}" for e in validator(version).iter_errors(document)]


@pytest.mark.parametrize("version", [*EARLIER, CURRENT])
def test_each_schema_names_its_format(version: int) -> None:
    assert schema_of(version)["properties"]["schema"] == {"const": f"mockint.transcript/{version}"}


@pytest.mark.parametrize("version", [*EARLIER, CURRENT])
def test_each_example_is_valid_against_its_own_schema(version: int) -> None:
    document = example(version)
    assert document["schema"] == f"mockint.transcript/{version}"
    assert errors(version, document) == []


@pytest.mark.parametrize("version", EARLIER)
def test_an_earlier_example_does_not_pass_the_current_schema(version: int) -> None:
    assert errors(CURRENT, example(version))


@pytest.mark.parametrize("version", EARLIER)
def test_the_current_golden_does_not_pass_an_earlier_schema(version: int) -> None:
    assert errors(version, example(CURRENT))


def test_every_schema_has_its_own_id() -> None:
    ids = [read(path)["$id"] for path in sorted(SCHEMAS.glob("transcript*.schema.json"))]
    assert len(ids) == len(set(ids)) == len(EARLIER) + 1
