"""How long a keypress takes in the answer box as the answer grows, in the real app, headless.

Starts a one-question pack through `build_app(..., start=...)` (as `mockint run`
does), loads the answer box with prose of each size (on one line, then a case
spread over lines of 80 characters), less the keys to be typed, puts the
cursor at the end and types letters there with Pilot until the answer has the
case's size. Each keypress is timed from the key being sent until
the screen has been repainted with it (Pilot's `press`, then `pause`, which
runs the pending screen update), in CPU time of the process: Pilot waits for
the app to go idle in steps of 20 ms of sleep, which the wall clock would
count and a real terminal would not. The figure is the median over the
presses, after a few untimed ones (the first keypress fills caches).

    python bench/bench_typing.py                  # 100x30, 21 presses per case
    python bench/bench_typing.py --presses 41 --size 60x18

Goal: each keypress under 50 ms up to 20,000 characters on one line.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

GOAL_MS = 50.0
GOAL_UP_TO = 20_000
ONE_LINE_SIZES = (1_000, 5_000, 20_000, 100_000)
SPREAD_SIZE = 100_000
LINE_LENGTH = 80
WARM_UP_PRESSES = 3
PROSE = "We would measure the queue first, then change one thing at a time and watch the numbers. "


@dataclass(frozen=True)
class Case:
    label: str
    characters: int
    one_line: bool

    def text(self, room: int) -> str:
        """The case's text less `room` characters, left for the keys typed."""
        length = self.characters - room
        prose = (PROSE * (length // len(PROSE) + 1))[:length]
        if self.one_line:
            return prose
        return "\n".join(prose[start : start + LINE_LENGTH] for start in range(0, len(prose), LINE_LENGTH))


CASES = [Case(f"{size:,} on one line", size, True) for size in ONE_LINE_SIZES]
CASES.append(Case(f"{SPREAD_SIZE:,} over lines of {LINE_LENGTH}", SPREAD_SIZE, False))


def one_question_pack():  # type: ignore[no-untyped-def]
    from mockint.core.model import Pack, Question, Round

    question = Question(id="system", ask="Walk me through a system you built and what you would change.", time=3600)
    return Pack(name="bench", title="Typing bench", rounds=(Round(id="r", title="Case", questions=(question,)),))


async def time_keypresses(cases: list[Case], presses: int, size: tuple[int, int]) -> dict[str, float]:
    """The median CPU milliseconds per keypress, repaint included, of each case."""
    from mockint.ui.app import StartRequest, build_app
    from mockint.core.clock import FakeClock
    from mockint.packs.discovery import Library
    from mockint.session.setup import SessionOptions
    from mockint.ui.widgets.capped_text import CappedTextArea

    pack = one_question_pack()
    medians: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="mockint-bench-") as tmp:
        app = build_app(
            Library(packs=(pack,)), clock=FakeClock(), data_dir=Path(tmp), export_dir=Path(tmp),
            start=StartRequest(pack, SessionOptions()), tick_interval=3600.0,
        )  # fmt: skip
        async with app.run_test(size=size) as pilot:
            await pilot.press("enter")  # begin the round: the answer box has focus
            await pilot.pause()
            box = app.focused
            assert isinstance(box, CappedTextArea), box
            typed = WARM_UP_PRESSES + presses
            for case in cases:
                # Typing ends at the case's size: a box full at 100,000 would refuse the keys.
                box.load_text(case.text(room=typed))
                box.move_cursor(box.document.end)
                await pilot.pause()
                timings = []
                for press in range(typed):
                    started = time.process_time()
                    await pilot.press("x")
                    await pilot.pause()
                    if press >= WARM_UP_PRESSES:
                        timings.append(time.process_time() - started)
                assert len(box.text) == case.characters, (case, len(box.text))
                medians[case.label] = statistics.median(timings) * 1000
    return medians


def report(medians: dict[str, float], presses: int, size: tuple[int, int]) -> bool:
    """Print the figures; True when the goal is met."""
    print(f"answer box at {size[0]}x{size[1]}, median of {presses} keypresses per case (CPU time, repaint included)")
    met = True
    for case in CASES:
        ms = medians[case.label]
        in_goal = case.one_line and case.characters <= GOAL_UP_TO
        mark = ("within" if ms < GOAL_MS else "OVER") + f" the {GOAL_MS:.0f} ms goal" if in_goal else "no goal"
        print(f"  {case.label:>28}: {ms:7.1f} ms per keypress ({mark})")
        met = met and (ms < GOAL_MS or not in_goal)
    return met


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--presses", type=int, default=21, help="timed keypresses per case (default: 21)")
    parser.add_argument("--size", type=parse_size, default=(100, 30), help="terminal size, WxH (default: 100x30)")
    args = parser.parse_args()
    medians = asyncio.run(time_keypresses(CASES, args.presses, args.size))
    return 0 if report(medians, args.presses, args.size) else 1


if __name__ == "__main__":
    raise SystemExit(main())
