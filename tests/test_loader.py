"""Loading valid round files and interview.yaml into the model; diagnostics' shape."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from mockint.packs.loader import (
    Diagnostic,
    InterviewMeta,
    RoundFileError,
    check_file,
    load_interview_meta,
    load_round,
)
from mockint.core.diagnostics import WARNING
from mockint.core.model import Challenge, Interviewer
from mockint.core.ratings import LEVELS, Rating
from mockint.packs.yamlsource import SAFE_LOADER
from support.packs import terms

MINI = Path(__file__).parent / "data" / "packs" / "mini"


def write(tmp_path: Path, text: str, name: str = "round.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_uses_the_c_safe_loader_when_available() -> None:
    assert SAFE_LOADER is getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def test_mini_warmup_round_loads_every_field() -> None:
    round_ = load_round(MINI / "01-warmup.yaml")
    assert round_.id == "01-warmup"
    assert round_.title == "Warm-up"
    assert round_.interviewer == Interviewer(name="Sam", style="friendly, brisk")
    assert round_.intro == "Two quick questions to get going."
    assert round_.time == 180
    assert round_.checklist == ("Introduced yourself in under a minute",)
    assert round_.source == MINI / "01-warmup.yaml"
    first, second = round_.questions
    assert (first.id, first.time, first.keywords) == ("intro", 60, terms("role", "team", "proud"))
    assert first.guide == ("Current role and what you own", "One thing you are proud of")
    assert first.hint == "Present, past, future - in that order."
    assert first.checklist == ("Mentioned a concrete result",)
    assert first.challenges == (Challenge(ask="Why are you leaving?", time=30, at=45),)
    assert second.id == "q2"
    assert second.hint is None
    assert second.challenges == (
        Challenge(ask="And in the worst case?", time=30, unless_mentioned=terms("worst", "collision")),
    )


KIT = Path(__file__).parent / "data" / "kit"


def test_a_question_carries_the_whole_interviewers_kit() -> None:
    first, second = load_round(KIT / "full-kit.yaml").questions
    assert first.keywords == terms(
        "creators", ("same period", "year-over-year", "YoY"), ("完播率", "completion rate"), ("didn't work", "“KOL”")
    )
    assert [k.name for k in first.keywords] == ["creators", "same period", "完播率", "didn't work"]
    assert (first.hint_after, first.hint_unlocked_after) == (60, 60)
    assert list(first.anchors) == list(LEVELS)
    assert first.anchors[Rating.MIXED] == "A split, but no way to tell whether it worked."
    assert first.reference is not None and first.reference.startswith("I'd set one goal") and first.reference[-1] == "."
    assert first.facts == ("The brand sells skincare.", "Last year's campaign reached 200,000 views.")
    cut, measure = first.challenges
    assert cut.guide == ("Keeps the test, drops the scale-up", "Says what it costs")
    assert measure.unless_mentioned == terms(("conversion", "sales", "转化"), "ROI")
    assert measure.guide == ("A measure decided before the campaign",)
    # Without the kit: the defaults, and the hint unlocks a third of the way in.
    assert (second.anchors, second.reference, second.facts, second.hint_after) == ({}, None, (), None)
    assert second.hint_unlocked_after == 40


def test_block_scalars_lose_their_trailing_newline() -> None:
    question = load_round(MINI / "02-design.yaml").questions[0]
    assert question.ask == "Design a cache for a slow service that answers in two seconds."


def test_defaults_for_optional_keys(tmp_path: Path) -> None:
    round_ = load_round(write(tmp_path, "title: T\nquestions:\n  - ask: A\n    time: 30\n"))
    assert round_.interviewer == Interviewer()
    assert (round_.intro, round_.time, round_.checklist) == ("", None, ())
    assert round_.total_time == 30
    (question,) = round_.questions
    assert (question.id, question.guide, question.keywords, question.challenges) == ("q1", (), (), ())


@pytest.mark.parametrize(
    ("spelling", "seconds"),
    [("90", 90), ("'90'", 90), ("1m30s", 90), ("0x5a", 90), ("1:30", 90), ("1_0", 10), ("' 2m '", 120)],
)
def test_durations_in_any_yaml_integer_spelling(tmp_path: Path, spelling: str, seconds: int) -> None:
    path = write(tmp_path, f"title: T\nquestions:\n  - ask: A\n    time: {spelling}\n")
    assert load_round(path).questions[0].time == seconds


def test_explicit_core_tags_are_allowed(tmp_path: Path) -> None:
    path = write(tmp_path, "title: !!str 2024\nquestions: !!seq\n  - ask: A\n    time: !!int '45'\n")
    round_ = load_round(path)
    assert (round_.title, round_.questions[0].time) == ("2024", 45)


def test_a_python_tag_is_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "owned"
    path = write(
        tmp_path,
        f"title: !!python/object/apply:os.makedirs ['{marker}']\n"
        "questions:\n  - ask: A\n    time: 1m\n",
    )
    with pytest.raises(RoundFileError):
        load_round(path)
    assert not marker.exists()


def test_interview_meta(tmp_path: Path) -> None:
    meta = load_interview_meta(MINI / "interview.yaml")
    assert meta.title == "Mini mock"
    assert meta.role == "Backend engineer"
    assert meta.checklist == ("Kept every answer inside its time", "Asked at least one clarifying question")
    assert load_interview_meta(write(tmp_path, "role: Tester\n", "interview.yaml")) == InterviewMeta(
        role="Tester", source=tmp_path / "interview.yaml"
    )


def test_check_file_tells_interview_yaml_from_round_files(tmp_path: Path) -> None:
    text = "title: Only a title\n"
    assert check_file(write(tmp_path, text, "interview.yaml")) == []
    assert [d.message for d in check_file(write(tmp_path, text, "round.yaml"))] == [
        "missing required key 'questions'"
    ]


def test_diagnostic_formats() -> None:
    located = Diagnostic(Path("r.yaml"), 3, 7, "questions[2].challenges[0].at", "too late")
    bare = Diagnostic(Path("r.yaml"), 1, 1, "", "file is empty")
    assert str(located) == "r.yaml:3:7: questions[2].challenges[0].at: too late"
    assert str(bare) == "r.yaml:1:1: file is empty"
    assert located.to_json() == {
        "file": "r.yaml", "line": 3, "col": 7, "path": "questions[2].challenges[0].at",
        "severity": "error", "message": "too late",
    }


def test_a_warning_says_so_and_every_part_of_a_diagnostic_is_shown_printable() -> None:
    warning = Diagnostic(Path("r\x1b]0;x\x07.yaml"), 2, 3, "title\n", "odd \u202e", severity=WARNING)
    assert str(warning) == "r\\x1b]0;x\\x07.yaml:2:3: title\\x0a: warning: odd \\u202e"
    assert not warning.is_error
    assert warning.to_json()["severity"] == "warning"
    assert warning.to_json()["path"] == "title\n"


def test_every_error_is_reported_at_once_in_file_order(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "questions:\n"
        "  - ask: A\n"
        "    time: 1m\n"
        "    challenges:\n"
        "      - ask: B\n"
        "        time: 10s\n"
        "        at: 2m\n"
        "  - ask: [C]\n"
        "    time: 30s\n",
    )
    with pytest.raises(RoundFileError) as raised:
        load_round(path)
    assert [str(d) for d in raised.value.diagnostics] == [
        f"{path}:1:1: missing required key 'title'",
        f"{path}:7:13: questions[0].challenges[0].at: at 2m must be shorter than the question's time 1m",
        f"{path}:8:10: questions[1].ask: expected a string, got a list",
    ]
    assert str(raised.value).splitlines() == [str(d) for d in raised.value.diagnostics]


def test_unknown_key_without_a_close_match_lists_the_allowed_keys(tmp_path: Path) -> None:
    path = write(tmp_path, "title: T\nquestions:\n  - ask: A\n    time: 1m\n    zzz: 1\n")
    assert [d.message for d in check_file(path)] == [
        "unknown key 'zzz'; expected one of: id, ask, time, guide, keywords, hint, hint_after, challenges, checklist,"
        " anchors, reference, facts"
    ]


YAMLISH = st.text(alphabet="title questions ask time at: -[]{}\n'\"&*!#|>~0123456789mshé\t,", max_size=120)


@given(text=YAMLISH)
def test_any_text_gives_diagnostics_never_a_traceback(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "round.yaml"
    path.write_text(text, encoding="utf-8")
    diagnostics = check_file(path)
    assert all(d.line >= 1 and d.col >= 1 and d.message for d in diagnostics)


@given(data=st.binary(max_size=80))
def test_any_bytes_give_diagnostics_never_a_traceback(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "interview.yaml"
    path.write_bytes(data)
    assert all(d.line >= 1 and d.col >= 1 and d.message for d in check_file(path))


FULL_ROUND = """\
title: {title}
intro: {intro}
interviewer:
  name: {name}
  style: {style}
checklist: [{round_item}]
questions:
  - ask: {ask}
    time: 1m
    guide: [{guide}]
    keywords: [{keyword}]
    hint: {hint}
    checklist: [{question_item}]
    challenges:
      - ask: {challenge}
        time: 30s
        unless_mentioned: [{term}]
"""
ROUND_FIELDS = {
    "title": "title",
    "intro": "intro",
    "name": "interviewer.name",
    "style": "interviewer.style",
    "round_item": "checklist[0]",
    "ask": "questions[0].ask",
    "guide": "questions[0].guide[0]",
    "keyword": "questions[0].keywords[0]",
    "hint": "questions[0].hint",
    "question_item": "questions[0].checklist[0]",
    "challenge": "questions[0].challenges[0].ask",
    "term": "questions[0].challenges[0].unless_mentioned[0]",
}
FULL_INTERVIEW = "title: {title}\nrole: {role}\ndescription: {description}\nchecklist: [{item}]\n"
INTERVIEW_FIELDS = {"title": "title", "role": "role", "description": "description", "item": "checklist[0]"}


def full_file(template: str, fields: dict[str, str], hostile: str, value: str) -> str:
    """`template` with every field plain text except `hostile`, which gets `value` (a YAML scalar)."""
    return template.format(**{key: value if key == hostile else f"plain {key}" for key in fields})


@pytest.mark.parametrize("field", sorted(ROUND_FIELDS))
def test_a_control_character_in_any_round_field_is_a_located_error(tmp_path: Path, field: str) -> None:
    path = write(tmp_path, full_file(FULL_ROUND, ROUND_FIELDS, field, '"see \\e]52;c;ZXZpbA==\\a"'))
    diagnostics = check_file(path)
    assert [(d.path, d.severity) for d in diagnostics] == [(ROUND_FIELDS[field], "error")]
    assert "(found \\x1b, \\x07)" in diagnostics[0].message
    assert (diagnostics[0].line, diagnostics[0].col) == position_of(path, '"see')
    with pytest.raises(RoundFileError):
        load_round(path)


@pytest.mark.parametrize("field", sorted(INTERVIEW_FIELDS))
def test_a_control_character_in_any_interview_field_is_a_located_error(tmp_path: Path, field: str) -> None:
    path = write(tmp_path, full_file(FULL_INTERVIEW, INTERVIEW_FIELDS, field, '"C1 \\x9b2J"'), "interview.yaml")
    diagnostics = check_file(path)
    assert [(d.path, d.message) for d in diagnostics] == [
        (INTERVIEW_FIELDS[field], "control characters are not allowed (found \\x9b): a terminal would act on them")
    ]
    with pytest.raises(RoundFileError):
        load_interview_meta(path)


@pytest.mark.parametrize("field", sorted(ROUND_FIELDS))
def test_a_bidi_control_in_any_round_field_is_a_warning_and_the_round_loads(tmp_path: Path, field: str) -> None:
    path = write(tmp_path, full_file(FULL_ROUND, ROUND_FIELDS, field, '"evil \\u202egnp.exe"'))
    assert [(d.path, d.severity, d.message) for d in check_file(path)] == [
        (ROUND_FIELDS[field], WARNING,
         "bidirectional controls can make text read in another order than it is written (found \\u202e)")
    ]
    assert load_round(path).title.startswith(("plain", "evil"))


def test_newline_and_tab_are_text_and_keys_are_checked_too(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'title: "two\\tcolumns\\nand lines"\n"questions\\e": []\nquestions:\n  - ask: A\n    time: 1m\n',
    )
    assert [(d.line, d.col, d.path, d.message.split(";")[0]) for d in check_file(path)] == [
        (2, 1, "questions\x1b", "unknown key 'questions\\x1b'"),
        (2, 1, "questions\x1b", "control characters are not allowed (found \\x1b): a terminal would act on them"),
    ]


def test_raw_bidi_characters_are_warned_of_like_escaped_ones(tmp_path: Path) -> None:
    path = write(tmp_path, "title: Ab\u2067cd\nquestions:\n  - ask: A\n    time: 1m\n")
    assert [str(d).removeprefix(f"{path}:") for d in check_file(path)] == [
        "1:8: title: warning: bidirectional controls can make text read in another order than it is written"
        " (found \\u2067)"
    ]


def position_of(path: Path, text: str) -> tuple[int, int]:
    """1-based line and column of the first `text` in the file."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number, line.index(text) + 1
    raise AssertionError(f"{text!r} not in {path}")
