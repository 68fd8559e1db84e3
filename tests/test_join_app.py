"""The candidate's screen joined from another terminal (`mockint join`), against a host in the same process on
loopback: what it shows as the host's engine moves, what it sends back, and how it ends."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
from textual.widgets import Button

from mockint.cli.exits import EXIT_CONNECTION_LOST, EXIT_OK
from mockint.cli.launch import joined_exit_status
from mockint.core.ratings import Rating
from mockint.remote.client import HOST_SILENT, REJOIN
from mockint.remote.frames import Notes, Ready, SelfAssessment
from mockint.remote.host import REPLACED
from mockint.session.commands import AddMinute, BeginRound, Continue, Note, Pause, PoseChallenge, Quit, Resume
from mockint.session.setup import SessionOptions
from mockint.session.state import Phase
from mockint.ui.screens.confirm import ConfirmScreen
from mockint.ui.screens import joined as joined_screen
from mockint.ui.screens.pair import RevealScreen
from mockint.ui.widgets.assessment import AssessmentForm, RatingSet
from support.behaviour import bundled_pack
from support.joined import Joined, join, joined_app
from support.marked import private_now
from support.pilot import screen_text, widget_texts
from support.remote import QUIET, until
from support.sessions import Run, command_for


async def test_the_question_and_its_clock_show_and_count_down_on_the_candidates_own_clock() -> None:
    async with joined_app() as joined:
        assert "Round 1 of 2" in screen_text(joined.pilot.app)
        await joined.apply(BeginRound())
        text = screen_text(joined.pilot.app)
        assert "Which metrics do you track?" in text and "1:00 left" in text and "Question 1 of 2" in text
        joined.run.clock.advance(10)  # no view is sent: the candidate's terminal counts down by itself
        joined.screen.draw()
        assert "0:50 left" in screen_text(joined.pilot.app)
        await joined.apply(Pause())
        assert "0:50 left (paused)" in screen_text(joined.pilot.app)
        joined.run.clock.advance(30)
        joined.screen.draw()
        assert "0:50 left (paused)" in screen_text(joined.pilot.app)
        await joined.apply(Resume(), AddMinute())
        assert "1:50 left" in screen_text(joined.pilot.app)


async def test_a_challenge_posed_on_the_host_appears_on_the_candidates_screen() -> None:
    async with joined_app() as joined:
        await joined.apply(BeginRound())
        assert "CHALLENGE-MARK-1a" not in screen_text(joined.pilot.app)
        await joined.apply(PoseChallenge(0))
        text = screen_text(joined.pilot.app)
        assert "Lee pushes back:" in text and "CHALLENGE-MARK-1a" in text and "0:30 left" in text


async def test_ready_at_a_round_intro_and_between_questions_reaches_the_host() -> None:
    async with joined_app() as joined:
        await joined.pilot.press("enter")
        await until(lambda: joined.hosted.intents == [Ready()])
        await joined.apply(BeginRound())
        await joined.answer_to_the_end()
        assert "when you are ready for the next question" in screen_text(joined.pilot.app)
        await joined.pilot.press("space")
        await until(lambda: joined.hosted.intents == [Ready(), Ready()])


async def test_notes_typed_reach_the_host_whole_on_leaving_the_box_and_on_leaving_the_question() -> None:
    async with joined_app() as joined:
        await joined.apply(BeginRound())
        await joined.pilot.press("n", *"metrics", "enter", *"retention")
        await joined.pilot.press("escape")
        await until(lambda: joined.hosted.intents[-1:] == [Notes("metrics\nretention")])  # maybe after a part sent on a pause
        await joined.pilot.press("n", *" first")
        await joined.answer_to_the_end()  # the question ends before the pause in typing: its notes go at once
        await until(lambda: joined.hosted.intents[-1:] == [Notes("metrics\nretention first")])
        assert not joined.screen.notes_box.display


async def test_the_self_assessment_is_submitted_to_the_host_and_the_reveal_shows_both_sides() -> None:
    async with joined_app() as joined:
        await joined.apply(BeginRound())
        await joined.answer_to_the_end()
        await joined.apply(Continue())
        await joined.answer_to_the_end()
        await joined.apply(Continue())
        app = joined.pilot.app
        form = app.screen.query_one(AssessmentForm)
        assert "How did “Ops” go?" in screen_text(app) and "ANCHOR-MARK" not in widget_texts(app)
        for rating_set in form.query(RatingSet):
            rating_set.choose(Rating.GOOD)
        await joined.pilot.press("ctrl+d")  # as on one terminal; the form's button does the same
        await until(lambda: len(joined.hosted.intents) == 1)
        [intent] = joined.hosted.intents
        assert isinstance(intent, SelfAssessment)
        assert intent.assessment.ratings == {"q1": Rating.GOOD, "q2": Rating.GOOD}
        await joined.apply(intent.assessment)
        assert "Waiting for your interviewer's scorecard" in screen_text(app)
        await joined.apply(command_for(joined.run.engine, "assess interviewer", Rating.POOR))
        assert isinstance(app.screen, RevealScreen)
        text = screen_text(app)
        assert "Round 1: both assessments, side by side" in text
        assert "You: Good" in text and "Interviewer: Poor" in text and "REFERENCE-MARK-1" in text


async def test_the_interviewer_ending_the_session_is_said_and_a_key_closes_the_app_with_status_0() -> None:
    async with joined_app() as joined:
        await joined.apply(BeginRound())
        await joined.pilot.press("n", *"half a thought")
        await joined.hosted.host.close()
        await until(lambda: "The interviewer ended the session" in screen_text(joined.pilot.app))
        assert joined.pilot.app.focused is None  # the keys are the screen's again, not the notes box's
        assert {"save_copy", "close_joined"} <= joined_bindings(joined)
        joined.run.clock.advance(10)
        joined.screen.draw()
        assert "1:00 left" in screen_text(joined.pilot.app)  # the clock stopped with the connection
        await joined.pilot.press("enter")
        await until(lambda: joined.pilot.app.return_code == 0)
    assert joined_exit_status(joined.client.ended) == EXIT_OK


async def test_a_host_gone_silent_is_said_and_ends_with_the_lost_connection_status(
    capsys: pytest.CaptureFixture[str],
) -> None:
    async with joined_app() as joined:
        joined.run.clock.advance(QUIET.silent_after + 1)
        await joined.client.check_heartbeat()
        await until(lambda: "stopped answering" in screen_text(joined.pilot.app))
        shown = " ".join(screen_text(joined.pilot.app).split())  # the line wraps
        assert f"{HOST_SILENT.capitalize()}. {REJOIN.capitalize()}. s: save your copy · enter: close" in shown
    assert joined_exit_status(joined.client.ended) == EXIT_CONNECTION_LOST
    assert capsys.readouterr().err == f"mockint: {HOST_SILENT}\nmockint: {REJOIN}\n"


async def test_on_a_narrow_terminal_the_lost_connection_line_wraps_rather_than_losing_its_keys() -> None:
    async with joined_app(size=(70, 24)) as joined:  # the line is 173 characters
        joined.run.clock.advance(QUIET.silent_after + 1)
        await joined.client.check_heartbeat()
        await until(lambda: "stopped answering" in screen_text(joined.pilot.app))
        await joined.pilot.pause()
        line = joined.screen.query_one("#connection")
        assert line.region.height == 3 and "enter: close" in screen_text(joined.pilot.app)


async def test_the_candidate_saves_their_own_copy_at_the_end_never_overwriting(tmp_path: Path) -> None:
    async with joined_app(export_dir=tmp_path) as joined:
        assert "save_copy" not in joined_bindings(joined)
        await joined.apply(BeginRound(), Quit())
        assert "The interview is over" in screen_text(joined.pilot.app)
        await joined.pilot.press("s", "s")
        await until(lambda: len(list(tmp_path.iterdir())) == 4)
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names[0].endswith("-candidate-copy-2.json") and names[2].endswith("-candidate-copy.json"), names
    markdown = next(tmp_path.glob("*-candidate-copy.md")).read_text(encoding="utf-8")
    assert "(the candidate's copy)" in markdown and "Which metrics do you track?" in markdown


async def test_after_the_last_reveal_the_interviewer_ending_the_session_leaves_the_copy_to_save(tmp_path: Path) -> None:
    async with joined_app(export_dir=tmp_path) as joined:
        await joined.to_self_assessment()
        await joined.apply(command_for(joined.run.engine, "assess", Rating.GOOD))  # the candidate's, as sent
        await joined.apply(command_for(joined.run.engine, "assess interviewer", Rating.POOR), Quit())
        app = joined.pilot.app
        assert isinstance(app.screen, RevealScreen)
        await joined.hosted.host.close()  # the interviewer left the summary: the hosting ends
        await until(lambda: joined.client.ended is not None)
        await joined.pilot.press("enter")  # the reveal closes on the end
        await until(lambda: "The interviewer ended the session. s: save your copy" in screen_text(app))
        await joined.pilot.press("s")
        await until(lambda: len(list(tmp_path.glob("*-candidate-copy.*"))) == 2)
    markdown = next(tmp_path.glob("*-candidate-copy.md")).read_text(encoding="utf-8")
    assert "Your interviewer's rating:** Poor" in markdown

def joined_bindings(joined: Joined) -> set[str]:
    return {active.binding.action for active in joined.pilot.app.screen.active_bindings.values() if active.enabled}


async def test_nothing_private_shows_on_the_candidates_screen_through_a_whole_pair_interview() -> None:
    async with joined_app() as joined:
        app, engine = joined.pilot.app, joined.run.engine
        checked_phases: set[Phase] = set()

        def nothing_private_shown() -> None:
            shown = widget_texts(app)
            leaked = sorted(marker for marker in private_now(engine.record, engine.state) if marker in shown)
            assert not leaked, (engine.phase, leaked)
            checked_phases.add(engine.phase)

        while engine.phase is not Phase.FINISHED:
            nothing_private_shown()
            if engine.phase in (Phase.ANSWERING, Phase.CHALLENGE):
                round_id = engine.interviewer_view().round.round_id  # type: ignore[union-attr]
                await joined.apply(Note(f"says so NOTE-LINE-MARK {round_id}"), command_for(engine, "heard", 0))
                nothing_private_shown()
            if engine.phase is Phase.ASSESSMENT:
                await assess_both(joined)
                nothing_private_shown()  # the reveal, on top
                await joined.pilot.press("escape")
                continue
            await joined.apply(command_for(engine, "next", None))  # type: ignore[arg-type]
        nothing_private_shown()
        assert checked_phases == set(Phase) - {Phase.NOT_STARTED}


async def assess_both(joined: Joined) -> None:
    """The candidate's own form, sent from their screen, then the interviewer's scorecard on the host."""
    form = joined.pilot.app.screen.query_one(AssessmentForm)
    for rating_set in form.query(RatingSet):
        rating_set.choose(Rating.MIXED)  # every question rated: nothing to confirm
    form.query_one("#submit-assessment", Button).press()
    await until(lambda: any(isinstance(intent, SelfAssessment) for intent in joined.hosted.intents))
    intent = joined.hosted.intents.pop()
    assert isinstance(intent, SelfAssessment)
    await joined.apply(intent.assessment, command_for(joined.run.engine, "assess interviewer", Rating.MIXED))
    assert isinstance(joined.pilot.app.screen, RevealScreen)


async def test_another_terminal_taking_over_is_said_and_counts_as_a_lost_connection() -> None:
    async with joined_app() as joined:
        address = joined.screen.address.rsplit(":", 1)
        other = await join(joined.hosted, address[0], int(address[1]))
        try:
            await until(lambda: "Another terminal joined with the code" in screen_text(joined.pilot.app))
        finally:
            await other.leave()
    assert joined.client.ended == REPLACED
    assert joined_exit_status(REPLACED) == EXIT_CONNECTION_LOST


async def test_notes_go_to_the_host_after_a_pause_in_typing_without_leaving_the_box(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(joined_screen, "NOTES_DEBOUNCE", 0.01)  # the pause: no test waits a whole second
    async with joined_app() as joined:
        await joined.apply(BeginRound())
        await joined.pilot.press("n", *"cohorts")
        await until(lambda: joined.hosted.intents[-1:] == [Notes("cohorts")])
        assert joined.pilot.app.focused is joined.screen.notes_box


async def test_enter_says_what_it_does_at_a_round_intro_and_once_pressed_that_the_interviewer_knows() -> None:
    async with joined_app() as joined:
        text = screen_text(joined.pilot.app)
        assert "when you are ready: your interviewer begins the round" in text
        assert "to begin." not in text  # the one-terminal prompt: here the interviewer begins
        await joined.pilot.press("enter")
        await until(lambda: "Your interviewer knows you are ready." in screen_text(joined.pilot.app))
        await joined.apply(BeginRound())
        assert "knows you are ready" not in screen_text(joined.pilot.app)
        await joined.answer_to_the_end()
        assert "when you are ready for the next question" in screen_text(joined.pilot.app)
        await joined.pilot.press("enter")
        await until(lambda: "Your interviewer knows you are ready." in screen_text(joined.pilot.app))
        await joined.apply(Continue())
        await joined.answer_to_the_end()  # the round's last question: next comes the self-assessment
        assert "when you are ready to rate yourself on the round" in screen_text(joined.pilot.app)


async def test_at_80_by_24_no_empty_line_takes_the_notes_box_rows() -> None:
    async with joined_app() as joined:
        await joined.pilot.resize_terminal(80, 24)
        await joined.apply(BeginRound(), PoseChallenge(0))
        screen = joined.screen
        assert not screen.query_one("#between").display and not screen.query_one("#ready-line").display
        assert screen.notes_box.region.height >= 8
        assert len(str(screen.notes_box.border_title)) <= screen.notes_box.outer_size.width - 6  # whole, not cut


async def test_notes_typed_just_before_leaving_reach_the_host_before_the_goodbye(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(joined_screen, "NOTES_DEBOUNCE", 60.0)  # no pause in typing sends them: leaving must
    async with joined_app() as joined:
        await joined.apply(BeginRound())
        await joined.pilot.press("n", *"last words", "ctrl+q")
        await until(lambda: joined.hosted.intents[-1:] == [Notes("last words")])


async def test_notes_not_sent_yet_reach_the_host_when_the_app_closes_any_other_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(joined_screen, "NOTES_DEBOUNCE", 60.0)
    async with joined_app() as joined:
        await joined.apply(BeginRound())
        await joined.pilot.press("n", *"cut off")
        joined.pilot.app.exit_on_signal(signal.SIGHUP)  # the terminal window closed
    assert joined.hosted.intents[-1:] == [Notes("cut off")]  # sent as the app closed, before the goodbye


async def test_the_notes_box_takes_the_keys_only_after_n_and_the_footer_says_so() -> None:
    async with joined_app() as joined:
        await joined.apply(BeginRound())
        app = joined.pilot.app
        assert app.focused is None and "n Notes" in screen_text(app)
        await joined.pilot.press("n", *"nine")
        assert app.focused is joined.screen.notes_box and joined.screen.notes_box.text == "nine"
        assert "esc Leave notes" in screen_text(app)
        await joined.pilot.press("escape")
        assert app.focused is None and "n Notes" in screen_text(app)


async def test_ready_is_said_on_the_candidates_screen_until_the_view_moves_on() -> None:
    async with joined_app() as joined:
        app = joined.pilot.app
        assert "when you are ready: your interviewer begins the round" in screen_text(app)
        await joined.pilot.press("enter")
        await until(lambda: joined.hosted.intents == [Ready()])
        assert joined_screen.READY_SENT in screen_text(app)
        await joined.apply(BeginRound())
        assert joined_screen.READY_SENT not in screen_text(app)
        await joined.answer_to_the_end()
        await joined.pilot.press("space")
        await until(lambda: joined.hosted.intents == [Ready(), Ready()])
        assert joined_screen.READY_SENT in screen_text(app)
        await joined.apply(Continue())
        assert joined_screen.READY_SENT not in screen_text(app)


async def test_a_self_assessment_with_unrated_questions_says_how_many_and_is_sent_only_once_confirmed() -> None:
    async with joined_app() as joined:
        await joined.to_self_assessment()
        app = joined.pilot.app
        await joined.pilot.press("ctrl+d")
        assert isinstance(app.screen, ConfirmScreen) and app.screen.question.startswith("2 of 2 questions are not")
        await joined.pilot.press("n")  # no: back to the form, nothing sent
        assert isinstance(app.screen, joined_screen.JoinedScreen) and joined.hosted.intents == []
        app.screen.query(RatingSet).first().choose(Rating.GOOD)
        await joined.pilot.press("ctrl+d")
        assert isinstance(app.screen, ConfirmScreen) and app.screen.question.startswith("1 of 2 questions is not")
        await joined.pilot.press("y")
        await until(lambda: len(joined.hosted.intents) == 1)
        [intent] = joined.hosted.intents
        assert isinstance(intent, SelfAssessment) and intent.assessment.ratings == {"q1": Rating.GOOD}


async def test_tab_moves_through_the_self_assessment_form_from_question_to_question() -> None:
    async with joined_app() as joined:
        await joined.to_self_assessment()
        app = joined.pilot.app
        first, second = app.screen.query(RatingSet)

        async def tab_to(rating_set: RatingSet) -> None:
            for _part in range(len(app.screen.focus_chain)):
                if app.focused is rating_set:
                    return
                await joined.pilot.press("tab")
            raise AssertionError(f"tab never reached {rating_set}; focus stayed on {app.focused}")

        await tab_to(first)
        await joined.pilot.press("3")
        await tab_to(second)
        await joined.pilot.press("1", "shift+tab")
        assert app.focused is not second
        form = app.screen.query_one(AssessmentForm)
        assert form.build_assessment().ratings == {"q1": Rating.GOOD, "q2": Rating.POOR}


async def test_a_long_round_intro_fits_80_by_24_with_the_ready_line_in_sight() -> None:
    run = Run(bundled_pack("tiktok-social-media-manager"), SessionOptions(pair=True, candidate="Ana"))
    async with joined_app(run, size=(80, 24)) as joined:
        text = " ".join(screen_text(joined.pilot.app).split())
        assert "including when a video flops.”" in text and "Budget" in text
        assert "Press enter or space when you are ready: your interviewer begins the round." in text
