"""The test packs: on disk under tests/data/packs, and one built in code for the engine tests."""

from __future__ import annotations

from pathlib import Path

from mockint.core.model import Challenge, Interviewer, Pack, Question, Round, Term
from mockint.packs.discovery import BrokenFile, Library, load_pack

TESTS_DIR = Path(__file__).parent.parent
PACKS_DIR = TESTS_DIR / "data" / "packs"
MINI = PACKS_DIR / "mini"
BROKEN_PACK_DIR = TESTS_DIR / "data" / "app-shell" / "broken"
KIT_PACK = TESTS_DIR / "data" / "kit" / "full-kit.yaml"
"""One round of two questions; the first carries every field of the interviewer's kit, a reference answer too."""


def terms(*items: str | tuple[str, ...]) -> tuple[Term, ...]:
    """Keywords or `unless_mentioned` items as a round file writes them: a string, or a tuple of alternatives."""
    return tuple(Term((item,)) if isinstance(item, str) else Term(item) for item in items)


def load_test_pack(path: Path) -> Pack:
    pack, broken = load_pack(path, origin="--rounds")
    assert pack is not None and not broken, broken
    return pack


def mini_pack() -> Pack:
    return load_test_pack(MINI)


def kit_pack() -> Pack:
    return load_test_pack(KIT_PACK)


def broken_files(folder: Path = BROKEN_PACK_DIR) -> tuple[BrokenFile, ...]:
    pack, broken = load_pack(folder, origin="--rounds")
    assert pack is None and broken
    return tuple(broken)


def sample_library(with_broken: bool = False) -> Library:
    packs = (load_test_pack(PACKS_DIR / "mini"), load_test_pack(PACKS_DIR / "quick.yaml"))
    return Library(packs, broken_files() if with_broken else ())


def make_pack() -> Pack:
    """Two rounds: a timed challenge, an `unless_mentioned` one, an interruption at 45 s."""
    q1 = Question(
        id="metrics",
        ask="Which metrics do you track?",
        time=60,
        guide=("completion rate", "engagement"),
        keywords=terms("completion", "engagement"),
        hint="Think funnel.",
        checklist=("Named a metric", "Explained why"),
        challenges=(
            Challenge(ask="And if the budget is limited?", time=30),
            Challenge(ask="What about retention?", time=20, unless_mentioned=terms("retention",)),
        ),
    )
    q2 = Question(
        id="drop",
        ask="Views dropped 40% overnight. What do you do?",
        time=120,
        challenges=(Challenge(ask="Stop: is it the algorithm or you?", time=30, at=45),),
    )
    q3 = Question(id="why", ask="Why us?", time=60)
    return Pack(
        name="demo",
        title="Demo",
        checklist=("Structured answers",),
        rounds=(
            Round(id="01-ops", title="Ops", questions=(q1, q2), interviewer=Interviewer("Lee", "pragmatic")),
            Round(id="02-hr", title="HR", questions=(q3,), checklist=("Smiled",)),
        ),
    )
