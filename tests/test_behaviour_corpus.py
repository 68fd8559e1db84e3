"""The bundled packs push back like the real interviewers: the behaviour corpus through the real engine.

A weak answer (the question's everyday words, no substance) draws every challenge; an
answer modelled on a source account's own draws the follow-ups the source shows; a strong
answer in other words than the sources' earns keyword evidence.
"""

from __future__ import annotations

import pytest

from mockint.core.paths import bundled_rounds_dir
from support.behaviour import Answer, bundled_pack, corpus, run_answer

ANSWERS = corpus()
PACK_NAMES = sorted(p.name for p in bundled_rounds_dir().iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def _params(kind: str) -> list[object]:
    answers = [a for a in ANSWERS if a.kind == kind]
    return [pytest.param(a, id=f"{a.where}#{i}") for i, a in enumerate(answers)]


@pytest.mark.parametrize("answer", _params("weak"))
def test_weak_answer_draws_every_challenge(answer: Answer) -> None:
    outcome = run_answer(bundled_pack(answer.pack), answer)
    assert outcome.posed, "a weak answer belongs to a question with challenges"
    dodged = [i for i, posed in enumerate(outcome.posed) if not posed]
    assert dodged == []


@pytest.mark.parametrize("answer", _params("source"))
def test_source_answer_draws_the_follow_ups_the_source_shows(answer: Answer) -> None:
    outcome = run_answer(bundled_pack(answer.pack), answer)
    assert answer.draws
    assert [i for i in answer.draws if not outcome.posed[i]] == []


@pytest.mark.parametrize("answer", _params("strong"))
def test_strong_answer_in_other_words_earns_keyword_evidence(answer: Answer) -> None:
    outcome = run_answer(bundled_pack(answer.pack), answer)
    assert outcome.keywords > 0, f"none of the {outcome.keyword_total} keywords"


@pytest.mark.parametrize("name", PACK_NAMES)
def test_every_conditional_challenge_meets_a_weak_and_a_strong_answer(name: str) -> None:
    covered = {(a.round_id, a.question_id, a.kind) for a in ANSWERS if a.pack == name}
    for rnd in bundled_pack(name).rounds:
        for question in rnd.questions:
            if any(c.unless_mentioned for c in question.challenges):
                for kind in ("weak", "strong"):
                    assert (rnd.id, question.id, kind) in covered, (rnd.id, question.id, kind)
