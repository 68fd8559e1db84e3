"""Time rendering a 30-question transcript in every format.

    python bench/bench_export.py [--questions 30] [--runs 7]

Thirty questions is a long real interview (most have 5 to 30).

Builds the session by driving the real SessionEngine with a FakeClock (so the
record has answers, challenges, ratings and checklists like a real run): every
main answer is 112 words typed in 95 s and two of three challenges are posed and
answered with 56 words each, a fast typist's upper bound. It then
reports the median wall time of `render` per format against the 100 ms goal
(a wait after "export" a person would not notice),
and of all formats together as the export dialog's "all" does (one insights
pass for the three). Exits non-zero when a format misses the goal.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from typing import Callable

from mockint.core.clock import FakeClock
from mockint.core.ratings import SCALE
from mockint.session.commands import BeginRound, Continue, Done, Start, SubmitAssessment
from mockint.session.engine import SessionEngine
from mockint.exporters import FORMATS, render
from mockint.analysis.insights import session_insights
from mockint.core.model import Challenge, Pack, Question, Round
from mockint.session.record import SessionRecord
from mockint.session.setup import SessionOptions
from mockint.session.state import Phase

GOAL_MS = 100.0
QUESTIONS_PER_ROUND = 10
ANSWER = (  # 56 words, with fillers, keywords and characters that need escaping
    "Um, I would start with completion rate, like, how many people watch to the end, "
    "then engagement: comments, shares and saves. You know, basically the signals that "
    "tell the algorithm a video is worth showing. I'd compare cohorts week over week, "
    "sort of a funnel from reach to action, and <b>test</b> one change at a time. "
)


def build_pack(questions: int) -> Pack:
    rounds = []
    for r in range(0, questions, QUESTIONS_PER_ROUND):
        count = min(QUESTIONS_PER_ROUND, questions - r)
        rounds.append(Round(id=f"r{r // QUESTIONS_PER_ROUND:02d}", title=f"Round {r}", questions=tuple(
            _question(r + i) for i in range(count)
        ), checklist=("Kept to time",)))
    return Pack(name="bench", title="Benchmark", rounds=tuple(rounds), checklist=("Structured",))


def _question(number: int) -> Question:
    return Question(
        id=f"q{number}",
        ask=f"Question {number}: which metrics tell you a *video* worked?",
        time=120,
        guide=("Names completion rate", "Explains engagement", "Mentions cost per result"),
        keywords=("completion", "engagement", "shares", "cost per", "retention"),
        hint="Think funnel.",
        checklist=("Named a metric", "Explained why", "Gave a number"),
        challenges=(
            Challenge(ask="And if the budget is limited?", time=60),
            Challenge(ask="What about retention?", time=30, unless_mentioned=("retention", "cohorts")),
            Challenge(ask="Give me a number.", time=30),
        ),
    )


def build_record(questions: int) -> SessionRecord:
    clock = FakeClock()
    engine = SessionEngine.new(build_pack(questions), SessionOptions(candidate="Bench"), clock)
    engine.apply(Start())
    while engine.phase is not Phase.FINISHED:
        _step(engine, clock)
    return engine.record


def _step(engine: SessionEngine, clock: FakeClock) -> None:
    if engine.phase is Phase.ROUND_INTRO:
        engine.apply(BeginRound())
    elif engine.phase is Phase.REVIEW:
        engine.apply(Continue())
    elif engine.phase is Phase.ASSESSMENT:
        ids = [q.question_id for q in engine.record.rounds[engine.state.round].questions]
        engine.apply(SubmitAssessment(
            question_checks={qid: frozenset({"Named a metric"}) for qid in ids},
            ratings={qid: SCALE[i % len(SCALE)] for i, qid in enumerate(ids)},
        ))
    elif engine.phase is Phase.CHALLENGE:
        clock.advance(40)
        engine.apply(Done(ANSWER))
    else:
        clock.advance(95)
        engine.apply(Done(ANSWER * 2))


def median_ms(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds; CPU time shows what other load on the machine hides."""
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def render_all(record: SessionRecord) -> dict[str, str]:
    """Every format from one insights pass, as export_session does (without writing files)."""
    totals = session_insights(record)
    return {fmt: render(record, fmt, totals) for fmt in FORMATS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=30)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    record = build_record(args.questions)
    print(f"{len(record.questions())} questions, median of {args.runs} runs (goal < {GOAL_MS:.0f} ms)")
    missed = False
    for fmt in FORMATS:
        ms, cpu_ms = median_ms(lambda: render(record, fmt), args.runs)
        size = len(render(record, fmt).encode("utf-8"))
        verdict = "ok" if ms < GOAL_MS else "SLOW"
        missed = missed or ms >= GOAL_MS
        print(f"  {fmt:5} {ms:8.1f} ms wall {cpu_ms:8.1f} ms cpu {size / 1024:8.0f} KiB  {verdict}")
    ms, cpu_ms = median_ms(lambda: render_all(record), args.runs)
    print(f"  all   {ms:8.1f} ms wall {cpu_ms:8.1f} ms cpu  (the {len(FORMATS)} formats, insights worked out once)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
