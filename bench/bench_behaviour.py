"""How the bundled packs behave with the behaviour corpus (tests/data/behaviour).

Runs every corpus answer through the real engine (tests/support/behaviour.py) and
prints two figures, per pack and in total:
- conditional challenges a weak answer dodged (switched off although the answer had
  no substance), out of the conditional challenges weak answers met;
- the mean keyword evidence (keywords mentioned, out of the question's keywords) of
  the strong answers, which say the right things in other words than the sources.
Also the weak answers' keyword evidence, for comparison. Source-modelled answers that dodge a challenge the source shows being asked are
listed. Prints figures only; tests/test_behaviour_corpus.py holds the bar.

    python bench/bench_behaviour.py [--rounds DIR] [--corpus DIR]

--rounds measures another version of the bundled packs (a folder of pack folders, such
as an older commit's rounds/); answers to questions it lacks are counted as skipped.
--corpus reads answers from another folder of the same format.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from support.behaviour import CORPUS_DIR, answers_question, bundled_pack, corpus, run_answer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=Path, default=None)
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR)
    args = parser.parse_args()
    skipped = 0
    dodged: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    weak_evidence: list[int] = []
    weak_dodged_any = [0, 0]
    evidence: dict[str, list[tuple[int, int]]] = defaultdict(list)
    misses: list[str] = []
    packs = {}
    for answer in corpus(args.corpus):
        pack = packs.setdefault(answer.pack, bundled_pack(answer.pack, args.rounds))
        if not answers_question(pack, answer):
            skipped += 1
            continue
        outcome = run_answer(pack, answer)
        if answer.kind == "weak":
            weak_evidence.append(outcome.keywords)
            weak_dodged_any[0] += sum(not posed for posed in outcome.posed)
            weak_dodged_any[1] += len(outcome.posed)
            for posed, conditional in zip(outcome.posed, outcome.conditional):
                if conditional:
                    dodged[answer.pack][1] += 1
                    dodged[answer.pack][0] += not posed
        elif answer.kind == "strong":
            evidence[answer.pack].append((outcome.keywords, outcome.keyword_total))
        else:
            missing = [i for i in answer.draws or () if not outcome.posed[i]]
            if missing:
                misses.append(f"{answer.where}: source answer dodged challenge(s) {missing}")
    print(f"{'pack':32} {'weak dodged':>14} {'strong keyword evidence':>26}")
    for name in sorted(set(dodged) | set(evidence)):
        d, n = dodged[name]
        scores = evidence[name]
        mean = sum(k for k, _ in scores) / len(scores) if scores else 0.0
        zero = sum(1 for k, _ in scores if k == 0)
        print(f"{name:32} {d:>6} of {n:<5} {mean:>10.2f} per answer, {zero} at 0 of {len(scores)}")
    d = sum(v[0] for v in dodged.values())
    n = sum(v[1] for v in dodged.values())
    scores = [s for v in evidence.values() for s in v]
    mean = sum(k for k, _ in scores) / len(scores)
    share = sum(k / t for k, t in scores if t) / len(scores)
    zero = sum(1 for k, _ in scores if k == 0)
    print(f"{'total':32} {d:>6} of {n:<5} {mean:>10.2f} per answer ({share:.0%} of keywords), {zero} at 0 of {len(scores)}")
    print(f"weak answers: {weak_dodged_any[0]} of {weak_dodged_any[1]} challenges dodged (conditional or not); "
          f"keyword evidence {sum(weak_evidence) / len(weak_evidence):.2f} per answer")
    if skipped:
        print(f"skipped {skipped} answers to questions these packs do not have")
    for line in misses:
        print(line)


if __name__ == "__main__":
    main()
