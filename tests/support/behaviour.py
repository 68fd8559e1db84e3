"""The behaviour corpus: answers to the bundled packs' questions, run through the real engine.

Each file of tests/data/behaviour is one bundled pack: per question, `weak` answers (the
question's everyday words without substance) that must draw every challenge, `strong`
answers in other words than the sources' that must earn keyword evidence, and `source`
answers modelled on a source account's own, with the challenges (by index) that the source
shows the interviewer asking next.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from mockint.analysis.insights import answer_insights
from mockint.core.clock import FakeClock
from mockint.core.model import Pack
from mockint.core.paths import bundled_rounds_dir
from mockint.packs.discovery import load_pack
from mockint.session.commands import BeginRound, Done, EditDraft, Skip, Start, Tick
from mockint.session.engine import SessionEngine
from mockint.session.record import Mode, QuestionRecord
from mockint.session.setup import SessionOptions
from mockint.session.state import Phase

CORPUS_DIR = Path(__file__).parent.parent / "data" / "behaviour"
TICK_SECONDS = 5


@dataclass(frozen=True)
class Answer:
    pack: str
    round_id: str
    question_id: str
    kind: str
    """weak, strong or source."""
    text: str
    draws: tuple[int, ...] | None
    """The challenges it must draw, by index; None for every one of them."""

    @property
    def where(self) -> str:
        return f"{self.pack}/{self.round_id}:{self.question_id}"


@dataclass(frozen=True)
class Outcome:
    posed: tuple[bool, ...]
    """Per challenge: was it put to the candidate."""
    conditional: tuple[bool, ...]
    keywords: int
    """How many of the question's keywords the answer mentioned."""
    keyword_total: int


def corpus(folder: Path = CORPUS_DIR) -> list[Answer]:
    answers: list[Answer] = []
    for path in sorted(folder.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
            for kind in ("weak", "strong", "source"):
                for item in entry.get(kind, ()):
                    text, draws = (item["answer"], tuple(item["draws"])) if isinstance(item, dict) else (item, None)
                    answers.append(Answer(path.stem, entry["round"], entry["question"], kind, text.strip(), draws))
    return answers


def bundled_pack(name: str, rounds_dir: Path | None = None) -> Pack:
    """The bundled pack `name`, or the pack of that name in `rounds_dir` (another version of the bundled packs)."""
    pack, broken = load_pack((rounds_dir or bundled_rounds_dir()) / name, "bundled")
    assert pack is not None and not broken, broken
    return pack


def run_answer(pack: Pack, answer: Answer) -> Outcome:
    """Type the whole answer at once, let the question's clock run, reply to each challenge with nothing.

    Typing it all at once is the kindest timing for a weak answer: an interrupting
    challenge sees the whole answer, not the part typed by then.
    """
    clock = FakeClock()
    engine = SessionEngine.new(pack, SessionOptions(mode=Mode.PRESSURE, round_ids=(answer.round_id,)), clock)
    engine.apply(Start())
    engine.apply(BeginRound())
    index = _skip_to(engine, answer.question_id)
    engine.apply(EditDraft.between("", answer.text))
    while _on_question(engine, index):
        if engine.phase is Phase.CHALLENGE:
            engine.apply(Done(""))
        else:
            clock.advance(TICK_SECONDS)
            engine.apply(Tick())
    record = engine.record.rounds[0].questions[index]
    return _outcome(record)


def answers_question(pack: Pack, answer: Answer) -> bool:
    """Whether `pack` has the answer's question (an older version of a pack may not)."""
    rnd = pack.round_by_id(answer.round_id)
    return rnd is not None and any(q.id == answer.question_id for q in rnd.questions)


def _skip_to(engine: SessionEngine, question_id: str) -> int:
    ids = [q.question_id for q in engine.record.rounds[0].questions]
    assert question_id in ids, (question_id, ids)
    for _ in range(ids.index(question_id)):
        engine.apply(Skip())
    return ids.index(question_id)


def _on_question(engine: SessionEngine, index: int) -> bool:
    position = engine.interviewer_view().position
    return engine.phase in (Phase.ANSWERING, Phase.CHALLENGE) and position.question == index


def _outcome(record: QuestionRecord) -> Outcome:
    return Outcome(
        posed=tuple(c.posed for c in record.challenges),
        conditional=tuple(bool(c.unless_mentioned) for c in record.challenges),
        keywords=len(answer_insights(record).covered),
        keyword_total=len(record.keywords),
    )
