"""Quality bar for the interview packs that ship with mockint.

Every bundled file is loaded through the real loader and discovery, then held to
the content rules a candidate relies on: each question can be timed, judged and
followed up; case questions push back; round budgets match their questions.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from mockint.core.clock import FakeClock
from mockint.session.commands import BeginRound, EditDraft, Start, SubmitAssessment, Tick
from mockint.packs.discovery import discover, load_pack
from mockint.session.engine import SessionEngine
from mockint.packs.loader import check_file
from mockint.core.model import Pack, Question, Round
from mockint.core.paths import bundled_rounds_dir
from mockint.session.record import ChallengeStatus, Mode
from mockint.session.setup import SessionOptions
from mockint.session.state import Phase

BUNDLED_DIR = bundled_rounds_dir()
PACK_DIRS = sorted(p for p in BUNDLED_DIR.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
YAML_FILES = sorted(BUNDLED_DIR.glob("*/*.yaml"))

EXPECTED_PACKS = {
    "tiktok-content-ops",
    "why-tiktok",
    "tiktok-social-media-manager",
    "influencer-marketing-case",
    "video-resume-drill",
    "behavioural-star",
}
MIN_TOTAL_QUESTIONS = 45
ROUND_SCHEMA_LINE = "# yaml-language-server: $schema=../../mockint/schemas/round.schema.json"
INTERVIEW_SCHEMA_LINE = "# yaml-language-server: $schema=../../mockint/schemas/interview.schema.json"

# What a person could plausibly answer in: shorter is a trick question, longer is a presentation.
QUESTION_SECONDS = (15, 10 * 60)
CHALLENGE_SECONDS = (20, 4 * 60)
# A round's soft budget may leave room for small talk but should not be far off its questions.
ROUND_BUDGET_RATIO = (0.8, 1.6)
# Keywords are matched as whole words against typed answers: plain lower-case terms only.
KEYWORD_PATTERN = re.compile(r"^[a-z0-9][a-z0-9 '%/-]*[a-z0-9%]$")
MAX_KEYWORD_WORDS = 3
MAX_HINT_CHARS = 120


def _load(pack_dir: Path) -> Pack:
    pack, broken = load_pack(pack_dir, "bundled")
    assert not broken, "\n".join(str(b.first) for b in broken)
    assert pack is not None
    return pack


def _rounds() -> list[tuple[str, Round]]:
    return [(f"{d.name}/{r.id}", r) for d in PACK_DIRS for r in _load(d).rounds]


def _questions() -> list[tuple[str, Question]]:
    return [(f"{rid}:{q.id}", q) for rid, r in _rounds() for q in r.questions]


def _params(items: list[tuple[str, object]]) -> list[object]:
    return [pytest.param(item, id=where) for where, item in items]


def _normalised(text: str) -> str:
    return " ".join(text.lower().split())


def test_expected_packs_are_bundled() -> None:
    assert EXPECTED_PACKS <= {d.name for d in PACK_DIRS}


def test_discovery_offers_every_bundled_pack_unbroken() -> None:
    library = discover()
    assert not library.broken, [str(b.first) for b in library.broken]
    for name in EXPECTED_PACKS:
        pack = library.find(name)
        assert pack is not None, name
        assert pack.origin == "bundled"


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_file_checks_clean_and_declares_schema(path: Path) -> None:
    # Clean as `mockint validate --strict` wants it: no errors and no warnings (a keyword or
    # condition the question itself says, an alternative listed twice).
    assert [str(d) for d in check_file(path)] == []
    expected = INTERVIEW_SCHEMA_LINE if path.name == "interview.yaml" else ROUND_SCHEMA_LINE
    assert path.read_text(encoding="utf-8").splitlines()[0] == expected


@pytest.mark.parametrize("pack_dir", PACK_DIRS, ids=lambda p: p.name)
def test_pack_is_described_and_ordered(pack_dir: Path) -> None:
    pack = _load(pack_dir)
    assert (pack_dir / "interview.yaml").is_file()
    assert pack.title != pack_dir.name
    assert pack.role and pack.description
    assert len(pack.checklist) >= 3
    stems = [p.stem for p in sorted(pack_dir.glob("*.yaml")) if p.name != "interview.yaml"]
    assert stems and all(re.match(r"^\d\d-[a-z0-9-]+$", s) for s in stems), stems
    assert [r.id for r in pack.rounds] == stems


@pytest.mark.parametrize("pack_dir", PACK_DIRS, ids=lambda p: p.name)
def test_no_repeated_questions_in_a_pack(pack_dir: Path) -> None:
    asks = [_normalised(q.ask) for r in _load(pack_dir).rounds for q in r.questions]
    repeated = {a for a in asks if asks.count(a) > 1}
    assert not repeated


def test_enough_questions_in_total() -> None:
    assert len(_questions()) >= MIN_TOTAL_QUESTIONS


@pytest.mark.parametrize("rnd", _params(_rounds()))
def test_round_has_interviewer_intro_budget_and_checklist(rnd: Round) -> None:
    assert rnd.interviewer.name.strip() and rnd.interviewer.name != "Interviewer"
    assert rnd.interviewer.style.strip()
    assert rnd.intro.strip()
    assert len(rnd.checklist) >= 2
    assert rnd.time is not None
    scripted = sum(q.time + sum(c.time for c in q.challenges) for q in rnd.questions)
    low, high = ROUND_BUDGET_RATIO
    assert low * scripted <= rnd.time <= high * scripted, (rnd.time, scripted)


@pytest.mark.parametrize("question", _params(_questions()))
def test_question_can_be_timed_judged_and_reviewed(question: Question) -> None:
    low, high = QUESTION_SECONDS
    assert low <= question.time <= high
    assert len(question.guide) >= 2
    assert len(question.checklist) >= 2
    assert len(question.keywords) >= 3
    for keyword in (term.name for term in question.keywords):
        assert KEYWORD_PATTERN.match(keyword), keyword
        assert len(keyword.split()) <= MAX_KEYWORD_WORDS, keyword
    assert len({term.name for term in question.keywords}) == len(question.keywords)
    if question.hint is not None:
        assert "\n" not in question.hint.strip()
        assert len(question.hint) <= MAX_HINT_CHARS


@pytest.mark.parametrize("question", _params(_questions()))
def test_challenges_are_realistic(question: Question) -> None:
    if question.id.startswith("case-"):
        assert len(question.challenges) >= 2
    low, high = CHALLENGE_SECONDS
    for challenge in question.challenges:
        assert low <= challenge.time <= high
        if challenge.at is not None:
            assert 0 < challenge.at < question.time
        for name in (term.name for term in challenge.unless_mentioned):
            assert name == name.strip().lower() and name, name


@pytest.mark.parametrize("path", [p for p in YAML_FILES if p.name != "interview.yaml"], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_question_has_an_explicit_id_unique_in_its_pack(path: Path) -> None:
    # Saved sessions refer to questions by id: a default id (q1, q2...) would change meaning
    # when a question is added or moved.
    questions = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    assert [q["ask"] for q in questions if "id" not in q] == []
    in_pack = [q.id for r in _load(path.parent).rounds for q in r.questions]
    assert sorted({i for i in in_pack if in_pack.count(i) > 1}) == []


@pytest.mark.parametrize("question", _params([(w, q) for w, q in _questions() if len(q.challenges) >= 2]))
def test_case_question_carries_a_partners_kit(question: Question) -> None:
    assert len(question.anchors) == 4
    if question.id.startswith("case-"):  # a scenario: the partner answers the candidate's questions about it
        assert question.facts
    assert all(challenge.guide for challenge in question.challenges)


def test_case_questions_exist_in_the_case_packs() -> None:
    case_ids = {where.split("/")[0] for where, q in _questions() if q.id.startswith("case-")}
    assert {"tiktok-content-ops", "tiktok-social-media-manager", "influencer-marketing-case"} <= case_ids


@pytest.mark.parametrize("pack_dir", PACK_DIRS, ids=lambda p: p.name)
def test_pack_runs_end_to_end_under_pressure(pack_dir: Path) -> None:
    """A candidate who says nothing useful sits through every question and hears every challenge."""
    pack = _load(pack_dir)
    clock = FakeClock()
    engine = SessionEngine.new(pack, SessionOptions(mode=Mode.PRESSURE), clock)
    engine.apply(Start())
    for _ in range(20_000):  # bounded: a stuck engine fails instead of hanging
        if engine.phase is Phase.FINISHED:
            break
        if engine.phase is Phase.ROUND_INTRO:
            engine.apply(BeginRound())
        elif engine.phase is Phase.ASSESSMENT:
            engine.apply(SubmitAssessment())
        else:
            engine.apply(EditDraft.between(engine.draft or "", "I would just try harder."))
            clock.advance(5)
            engine.apply(Tick())
    assert engine.phase is Phase.FINISHED
    statuses = [c.status for r in engine.record.rounds for q in r.questions for c in q.challenges]
    expected = sum(len(q.challenges) for r in pack.rounds for q in r.questions)
    assert statuses == [ChallengeStatus.ANSWERED] * expected
