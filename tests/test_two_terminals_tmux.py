"""Two terminals end to end: the installed `mockint host` and `mockint join` as two real processes, each in a
terminal (tmux) of its own, over loopback. Every step waits for what the screens show, never for time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.two_terminals import kill, two_terminals

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

NOTES = "DAU then retention"


def test_a_whole_pair_interview_on_two_terminals_with_export_and_the_candidates_copy(tmp_path: Path) -> None:
    with two_terminals(tmp_path, "--name", "Ann", "--interviewer", "Bo") as pair:
        host = pair.host
        host.wait_for("Candidate: not connected")
        candidate = pair.join("candidate")
        candidate.wait_for("One question, asked from another terminal.")
        host.wait_for("Candidate: connected, sees Round 1 intro")
        candidate.press("Enter")  # ready
        host.wait_for("Round 1 intro · ready")

        host.press("Enter")  # the interviewer begins the round
        screen = candidate.wait_for("Which metrics do you track?")
        assert "Question 1 of 1" in screen and "left" in screen  # the question and its clock
        assert "Names a north-star metric" not in screen and "Start from what the users do" not in screen
        candidate.press("n")  # into the notes box: typed only once it has the keys
        candidate.wait_for("esc Leave notes")
        candidate.type(NOTES)
        host.wait_for(NOTES)  # in the console, as the candidate's
        host.press("p")
        candidate.wait_for("And which one would you drop first?")
        host.wait_for("a challenge")

        host.press("C-d")  # the challenge answered
        host.wait_until(lambda: ", a challenge" not in host.screen(), "the challenge was not answered")
        host.press("C-d")  # the question too
        host.wait_for("Review")
        host.press("Enter")
        candidate.wait_for("rate yourself")

        candidate.press_until("4", "Stands out")  # rated excellent
        candidate.press("C-d")
        candidate.wait_for("Your assessment is in")
        host.wait_for("theirs in")

        host.press_until("Space", "▐●▌ Poor")  # the interviewer rates it poor
        host.press("C-d")  # no keep and change yet: the keep box takes the keyboard
        host.wait_for_cursor_on("Keep")
        host.type("Names the number")
        host.wait_for("Names the number")
        host.tab_to("Change")
        host.type("Say why it matters")
        host.wait_for("Say why it matters")
        host.press("C-d")
        reveal = candidate.wait_for("both assessments, side by side")
        assert "you rated excellent, your interviewer poor" in reveal
        reveal = host.wait_for("both assessments, side by side")
        assert "Ann rated excellent, you poor" in reveal  # the interviewer's own screen

        candidate.press("Enter")
        candidate.wait_for("The interview is over")
        candidate.press("s")
        copies = pair.folder / "candidate"

        def saved() -> str:
            """The copy's Markdown once written: its name is taken by an empty file first."""
            return "".join(path.read_text(encoding="utf-8") for path in copies.glob("*-candidate-copy.md"))

        candidate.wait_until(lambda: saved() != "", "no copy saved")
        assert len(list(copies.glob("*-candidate-copy.*"))) == 2
        copy = saved()
        assert "Your interviewer's rating:** Poor" in copy and "you rated excellent, your interviewer poor" in copy
        assert NOTES in copy and "Names a north-star metric" not in copy  # theirs, and nothing of the kit's

        host.press("Enter")  # the reveal closes on the summary
        host.wait_for("Swap roles")
        host.press("e")
        host.wait_for("Export the transcript")
        host.tab_to(pair.host_out.name)
        host.press("Enter")
        host.wait_for("Wrote")
        [transcript] = pair.host_out.glob("mockint-two-terminals-Ann-*.md")
        text = transcript.read_text(encoding="utf-8")
        assert f"**Candidate's notes**\n\n> {NOTES}" in text and "Say why it matters" in text

        # Home from the summary: the hosting ends there, while the interviewer's mockint goes on.
        host.press_until("Escape", "No longer hosting")
        candidate.wait_for("The interviewer ended the session")
        candidate.press("Enter")
        assert candidate.wait_for_exit() == 0  # the interview ended normally
        host.press("C-q")
        assert host.wait_for_exit() == 0


def test_a_dropped_candidate_rejoins_with_the_code_and_sees_the_current_question(tmp_path: Path) -> None:
    with two_terminals(tmp_path) as pair:
        host = pair.host
        first = pair.join("first")
        first.wait_for("Round 1 of 1")
        host.press("Enter")
        first.wait_for("Which metrics do you track?")
        first.press("n")
        first.wait_for("esc Leave notes")
        first.type(NOTES)
        host.wait_for(NOTES)
        host.press("p")
        first.wait_for("And which one would you drop first?")

        kill(first)  # the laptop drops off without a word
        host.wait_for("Candidate: not connected")
        second = pair.join("second")
        screen = second.wait_for("And which one would you drop first?")
        assert "Which metrics do you track?" in screen and "Question 1 of 1" in screen
        assert NOTES in second.wait_for(NOTES)  # their notes came back with the question
        host.wait_for("Candidate: connected, sees Question 1 of 1, a challenge")

        second.press("C-q")  # the candidate leaves: the host is told and goes on
        assert second.wait_for_exit() == 0
        host.wait_for("Candidate: not connected")
        host.press("C-q")
        host.wait_for("End the interview now?")
        host.press("y")
        host.wait_for("Swap roles")
        host.press("C-q")
        assert host.wait_for_exit() == 0
