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


ADDED_WITHIN_3 = {
    "summary": ("figures_from", "average_rating"),
    "challenge": ("posed_at", "posed_by_interviewer"),
}
"""Fields /3 gained after it was first written: optional, so that its earlier files stay valid."""


def challenges_of(document: dict) -> list[dict]:
    return [c for r in document["rounds"] for q in r["questions"] for c in q["challenges"]]


def test_a_3_file_written_before_its_optional_fields_still_validates() -> None:
    document = example(CURRENT)
    challenges = challenges_of(document)
    assert challenges
    for owner, fields in (([document["summary"]], ADDED_WITHIN_3["summary"]), (challenges, ADDED_WITHIN_3["challenge"])):
        for item in owner:
            for field in fields:
                del item[field]
    assert errors(CURRENT, document) == []


def test_the_fields_added_within_3_are_documented_and_checked() -> None:
    schema = schema_of(CURRENT)
    for owner, properties in (("summary", schema["properties"]["summary"]), ("challenge", schema["$defs"]["challenge"])):
        for field in ADDED_WITHIN_3[owner]:
            assert field not in properties["required"]
            assert "Optional" in properties["properties"][field]["description"]
    document = example(CURRENT)
    document["summary"]["average_rating"]["self"]["points"] = 5  # above excellent
    challenges_of(document)[0]["posed_by_interviewer"] = "yes"
    assert len(errors(CURRENT, document)) == 2
