"""Killed at any moment, resumed where it stopped: the installed `mockint` in tmux, for real.

An interview is started, typed into and killed with SIGKILL at several points
(mid-answer, mid-challenge, on a review, with a rating chosen in an assessment not
handed in); each time `mockint resume` brings back the question, and the text (and
the choices) that were on disk. Before each kill the test
waits until what was typed shows in the journal on disk (it never times the
save). SIGTERM and SIGHUP save on the way out, so even what was typed just
before them comes back.
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from mockint.core.codec import CodecError
from mockint.core.ratings import Rating
from mockint.session.engine import SessionEngine
from mockint.session.state import Phase
from mockint.storage.journal import JournalError
from support.packs import PACKS_DIR
from support.saved import final_record, restored
from support.tmux import Tmux, mockint_in_tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

FIRST = "I lead a team of four."
MORE = " We ship the payments service."
CHALLENGE = "Growth, and a bigger scope."
SECOND = "Constant time on average."


class Runs:
    """One interview's successive launches (run, then resume after resume), all on one data dir."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.data_dir = tmp_path / "data"
        self.launches = 0

    @contextmanager
    def launch(self, *args: str) -> Iterator[Tmux]:
        self.launches += 1
        folder = self.tmp_path / f"launch-{self.launches}"
        folder.mkdir()
        with mockint_in_tmux(folder, *args, "--rounds", str(PACKS_DIR), data_dir=self.data_dir) as tmux:
            yield tmux

    def wait_saved(self, tmux: Tmux, saved: Callable[[SessionEngine], bool], what: str) -> None:
        """Until the journal on disk, replayed, shows `what` (the save is waited for, never timed)."""

        def on_disk() -> bool:
            try:
                return saved(restored(self.data_dir))
            except (ValueError, JournalError, CodecError, OSError):
                return False  # not written yet

        tmux.wait_until(on_disk, f"{what} was not saved")


def kill(tmux: Tmux, signum: int) -> None:
    os.kill(tmux.mockint_pid(), signum)


def type_first_answer(tmux: Tmux) -> None:
    tmux.wait_for("Warm-up")
    tmux.press("Enter")
    tmux.wait_for("Tell me about yourself.")
    tmux.type(FIRST)


def draft_is(text: str) -> Callable[[SessionEngine], bool]:
    return lambda engine: engine.draft == text


def test_killed_at_any_point_it_resumes_with_every_answer(tmp_path: Path) -> None:
    runs = Runs(tmp_path)
    with runs.launch("run", "mini") as tmux:  # killed mid-answer
        type_first_answer(tmux)
        runs.wait_saved(tmux, draft_is(FIRST), "the first answer")
        kill(tmux, signal.SIGKILL)
        assert tmux.wait_for_exit() == 128 + signal.SIGKILL

    with runs.launch("resume") as tmux:  # killed mid-challenge
        tmux.wait_for(FIRST, "Tell me about yourself.", "Resumed")  # together: the answer may show a frame earlier
        tmux.type(MORE)
        tmux.wait_for("payments service.")
        tmux.press("C-d")
        tmux.wait_for("Why are you leaving?")
        tmux.type(CHALLENGE)
        runs.wait_saved(tmux, draft_is(CHALLENGE), "the challenge's answer")
        kill(tmux, signal.SIGKILL)

    with runs.launch("resume") as tmux:  # killed on the review, just after a transition
        tmux.wait_for(CHALLENGE)
        tmux.press("C-d")
        tmux.wait_for("Review")
        runs.wait_saved(tmux, lambda engine: engine.phase is Phase.REVIEW, "the end of the question")
        kill(tmux, signal.SIGKILL)

    with runs.launch("resume") as tmux:  # finished: the final record holds everything
        tmux.wait_for("Review")
        tmux.press("Enter")
        tmux.wait_for("What does a hash map cost to look up a key?")
        tmux.type(SECOND)
        tmux.wait_for(SECOND)
        tmux.press("C-q")
        tmux.wait_for("End the interview now?")
        tmux.press("y")
        tmux.wait_for("Saved in")
        tmux.wait_until(lambda: list((runs.data_dir / "sessions").glob("*.json")) != [], "no final record")

    first, second = final_record(runs.data_dir).rounds[0].questions
    assert first.answer == FIRST + MORE
    assert first.challenges[0].answer == CHALLENGE
    assert second.answer == SECOND


def test_a_rating_chosen_and_not_handed_in_survives_a_kill(tmp_path: Path) -> None:
    """The rating is chosen more than 2 s before the kill; the journal is not looked at before it."""
    runs = Runs(tmp_path)
    with runs.launch("run", "quick") as tmux:
        tmux.wait_for("Quick one")
        tmux.press("Enter")
        tmux.wait_for("process and a thread")
        tmux.press("C-d")
        tmux.wait_for("Review")
        tmux.press("Enter")
        tmux.wait_for("Submit assessment")
        tmux.press_until("2", "▐●▌ Mixed")  # mixed, not handed in
        chosen_at = time.monotonic()
        tmux.wait_until(lambda: time.monotonic() - chosen_at > 2.5, "time did not pass")
        kill(tmux, signal.SIGKILL)
        assert tmux.wait_for_exit() == 128 + signal.SIGKILL
    [choices] = restored(runs.data_dir).record.form_choices.values()
    assert list(choices.ratings.values()) == [Rating.MIXED]

    with runs.launch("resume") as tmux:
        screen = tmux.wait_for("Submit assessment")
        assert "▐●▌ Mixed" in screen and "Resumed" in screen


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_an_ending_signal_saves_even_the_last_keystrokes(tmp_path: Path, signum: int, status: int) -> None:
    runs = Runs(tmp_path)
    with runs.launch("run", "mini") as tmux:
        type_first_answer(tmux)
        tmux.wait_for(FIRST)  # on screen: not waited for on disk, the signal saves it
        kill(tmux, signum)
        assert tmux.wait_for_exit() == status
    assert restored(runs.data_dir).draft == FIRST

    with runs.launch("resume") as tmux:
        tmux.wait_for(FIRST, "Tell me about yourself.")


def test_no_save_leaves_nothing_on_disk_even_when_killed(tmp_path: Path) -> None:
    runs = Runs(tmp_path)
    with runs.launch("run", "mini", "--no-save") as tmux:
        type_first_answer(tmux)
        tmux.wait_for(FIRST)
        kill(tmux, signal.SIGTERM)
        assert tmux.wait_for_exit() == 143
    # Only the round cache (the packs' parsed files, nothing of the interview) may be there.
    left = [path.relative_to(runs.data_dir) for path in runs.data_dir.rglob("*") if path.is_file()]
    assert [path for path in left if path.parts[0] != "cache"] == []
