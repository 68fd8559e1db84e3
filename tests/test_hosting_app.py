"""The app hosting a pair run (`mockint host`) with a candidate's terminal joined in-process over loopback:
the status line, views pushed after commands, the candidate's intents, blind scoring on two terminals, the
clock while the candidate is away, and goodbye on quit."""

from __future__ import annotations

import asyncio
import logging

import pytest

from textual.pilot import Pilot
from msgspec.structs import replace
from textual.widgets import Input, Static

from mockint.core import codec
from mockint.core.clock import FakeClock
from mockint.core.ratings import Rating
from mockint.remote.client import CandidateClient, ReceivedView
from mockint.remote.frames import Notes, Ready, SelfAssessment
from mockint.remote.host import ENDED
from mockint.remote.timing import Timing
from mockint.session.commands import BeginRound, Continue, Done, Pause, Resume, SubmitAssessment
from mockint.session.record import Role
from mockint.session.setup import SessionOptions
from mockint.session.state import Phase
from mockint.ui.app import MockintApp
from mockint.ui.hosting import screen_text
from mockint.ui.screens.confirm import ConfirmScreen
from mockint.ui.screens.home import HomeScreen
from mockint.ui.screens.pair import HandOffScreen, KeyReferenceScreen, PairScreen, RevealScreen
from mockint.ui.screens.summary import SummaryScreen
from mockint.ui.widgets.hosting_status import HostingStatus, packed
from mockint.ui.widgets.plain import plain
from mockint.ui.widgets.pair_console import candidate_notes_text
from mockint.ui.widgets.scorecard import ScorecardForm
from mockint.ui.widgets.assessment import RatingSet
from support.apps import SIZE, hosted_app
from support.behaviour import bundled_pack
from support.marked import marked_pack
from support.pilot import engine_of, record_notifications, widget_texts
from support.pilot import screen_text as pilot_screen_text
from support.remote import CODE, WAIT, until
from support.sessions import Run

QUIET = Timing(heartbeat_every=None)


def status(app: MockintApp) -> str:
    return str(app.screen_stack[1].query_one(HostingStatus).render())


async def listening(pilot: Pilot[None]) -> tuple[str, int]:
    app = pilot.app
    await until(lambda: app.hosting is not None and app.hosting.address is not None)
    address = app.hosting.address
    return address.host, address.port


async def joined(pilot: Pilot[None], seen: list[str] | None = None) -> CandidateClient:
    """A candidate's terminal joined; `seen` gets every view it receives, as JSON."""
    host, port = await listening(pilot)
    def keep(received: ReceivedView) -> None:
        if seen is not None:
            seen.append(codec.encode(received.view).decode())

    client = await CandidateClient.join(host, port, CODE, clock=FakeClock(), timing=QUIET, on_view=keep)
    await until(lambda: pilot.app.hosting.connected and pilot.app.hosting.host.shown is not None)
    console = pilot.app.screen_stack[1]
    assert isinstance(console, PairScreen)
    console.show_hosting()  # the console's tick redraws it; the tests' tick waits for them
    return client


async def view_where(client: CandidateClient, condition) -> ReceivedView:  # type: ignore[no-untyped-def]
    """The first view received that meets `condition` (waiting for the next as long as needed)."""
    await until(lambda: client.received is not None and condition(client.received.view))
    assert client.received is not None
    return client.received


async def to_assessment(pilot: Pilot[None]) -> None:
    """Through the first round of the marked pack by the console's keys: both questions, their challenges."""
    await pilot.press("enter")
    while engine_of(pilot.app).phase is not Phase.ASSESSMENT:
        await pilot.press("enter" if engine_of(pilot.app).phase is Phase.REVIEW else "ctrl+d")
    await pilot.pause()


async def test_the_status_line_gives_the_join_line_and_the_code_and_follows_the_candidates_screen() -> None:
    app, _ = hosted_app(pack=marked_pack())
    async with app.run_test(size=SIZE) as pilot:
        host, port = await listening(pilot)
        await pilot.pause()
        assert host == "127.0.0.1"
        text = status(app)
        assert f"mockint join 127.0.0.1:{port} · code {CODE}" in text
        assert "Candidate: not connected" in text and "clock runs while they are away (a)" in text
        client = await joined(pilot)
        assert "connected, sees Round 1 intro" in status(app)
        await pilot.press("enter")
        received = await view_where(client, lambda view: view.position.question == 0)
        assert received.view.rounds[0].questions[0].ask == "Which metrics do you track?"
        await until(lambda: "sees Question 1 of 2" in status(app))
        await client.send(Ready())
        await until(lambda: "Question 1 of 2 · ready" in status(app))
        await client.leave()
        await until(lambda: "Candidate: not connected" in status(app))


async def test_every_command_pushes_the_changed_view_and_nothing_private() -> None:
    app, clock = hosted_app(pack=marked_pack())
    async with app.run_test(size=SIZE) as pilot:
        seen: list[str] = []
        client = await joined(pilot, seen)
        await pilot.press("enter")
        before = await view_where(client, lambda view: view.position.question == 0)
        await pilot.press("m")  # a minute more: the candidate's clock shows it
        received = await view_where(client, lambda view: view.rounds[0].questions[0].extra_time == 60)
        assert received.sequence > before.sequence
        await pilot.press("p")  # a challenge posed
        received = await view_where(client, lambda view: view.position.phase is Phase.CHALLENGE)
        assert received.view.rounds[0].questions[0].challenges[0].ask == "CHALLENGE-MARK-1a"
        await pilot.press("n", *"said RETENTION", "enter")  # enter files the note and closes the line
        clock.advance(5)
        app.screen.tick()
        await pilot.pause()
        await pilot.press("m")  # the challenge's minute more: sent, the note before it not
        await view_where(client, lambda view: view.position.clock is not None and view.position.clock.limit == 90)
        assert len(seen) >= 4
        private = ("GUIDE-MARK", "ANCHOR-MARK", "FACT-MARK", "REFERENCE-MARK", "said RETENTION", "CHALLENGE-MARK-1b")
        assert not [marker for view in seen for marker in private if marker in view]


async def test_the_candidates_notes_are_kept_as_theirs_and_what_does_not_fit_is_dropped(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app, _ = hosted_app(pack=marked_pack())
    async with app.run_test(size=SIZE) as pilot:
        client = await joined(pilot)
        with caplog.at_level(logging.INFO, logger="mockint.ui.hosting"):
            await client.send(Notes("too early: the intro"))
            await until(lambda: "CandidateNotes" in caplog.text)
        assert not any(q.candidate_notes for q in engine_of(app).record.questions())
        await pilot.press("enter")
        await client.send(Notes("1. completion\n2. engagement"))
        question = engine_of(app).record.rounds[0].questions[0]
        await until(lambda: question.candidate_notes == "1. completion\n2. engagement")
        assert question.answer == ""  # the interviewer's notes are the answer, untouched
        received = await view_where(client, lambda view: view.rounds[0].questions[0].candidate_notes != "")
        assert received.view.rounds[0].questions[0].candidate_notes.startswith("1. completion")
        with caplog.at_level(logging.INFO, logger="mockint.ui.hosting"):
            await client.send(SelfAssessment(SubmitAssessment(ratings={"q1": Rating.GOOD})))
            await until(lambda: "self-assessment" in caplog.text)
        assert Role.SELF not in engine_of(app).record.rounds[0].assessments


async def test_blind_scoring_on_two_terminals_the_candidates_assessment_reveals_with_the_scorecard() -> None:
    app, _ = hosted_app(pack=marked_pack())
    async with app.run_test(size=SIZE) as pilot:
        client = await joined(pilot)
        await to_assessment(pilot)
        assert not any(isinstance(screen, HandOffScreen) for screen in app.screen_stack)  # nobody hands a keyboard over
        form = app.screen.query_one(ScorecardForm)
        await until(lambda: "Assessments: theirs awaited, your scorecard to fill" in status(app))
        await view_where(client, lambda view: view.position.phase is Phase.ASSESSMENT)
        assert "self-assessment" in status(app)
        for rating_set in form.query(RatingSet):
            rating_set.choose(Rating.MIXED)
        form.query_one("#score-keep", Input).value = "Opens with the metric"
        form.query_one("#score-change", Input).value = "Give one number"
        await pilot.press("ctrl+d")  # the scorecard first: not revealed yet
        round_ = engine_of(app).record.rounds[0]
        assert Role.INTERVIEWER in round_.assessments and not round_.revealed
        await until(lambda: "Assessments: theirs awaited, your scorecard in" in status(app))
        assert client.received.view.rounds[0].interviewer_assessment is None
        theirs = SubmitAssessment(ratings={"q1": Rating.EXCELLENT, "q2": Rating.GOOD})
        await client.send(SelfAssessment(theirs))
        await until(lambda: round_.revealed and isinstance(app.screen, RevealScreen))
        assert round_.questions[0].assessment(Role.SELF).rating is Rating.EXCELLENT
        await until(lambda: "both assessments, side by side" in widget_texts(app))  # drawn, not only pushed
        shown = widget_texts(app)  # the interviewer's screen: "you" is the interviewer
        assert "Ann: Excellent" in shown and "You: Mixed" in shown and "Interviewer:" not in shown
        assert "Ann rated excellent, you mixed" in shown and "your interviewer" not in shown
        received = await view_where(client, lambda view: view.rounds[0].revealed)
        revealed = received.view.rounds[0].questions[0]
        assert revealed.interviewer_assessment.rating is Rating.MIXED
        assert revealed.self_assessment.rating is Rating.EXCELLENT


async def test_the_clock_pauses_while_the_candidate_is_away_only_if_the_interviewer_chose_so() -> None:
    app, clock = hosted_app(pack=marked_pack())
    async with app.run_test(size=SIZE) as pilot:
        await listening(pilot)
        await pilot.press("enter")
        console = app.screen
        assert isinstance(console, PairScreen)
        console.tick()
        assert not engine_of(app).paused  # by default it runs on without a candidate
        await pilot.press("a")
        await pilot.pause()
        assert engine_of(app).paused and "clock pauses while they are away (a)" in status(app)
        client = await joined(pilot)
        console.tick()
        assert not engine_of(app).paused
        await client.leave()
        await until(lambda: not app.hosting.connected)
        console.tick()
        assert engine_of(app).paused
        await pilot.press("a")  # back to running on
        assert not engine_of(app).paused and "clock runs while they are away" in status(app)


async def test_roles_are_not_swapped_on_the_hosting_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    app, _ = hosted_app(pack=marked_pack())
    told: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: told.append(str(message)))
    async with app.run_test(size=SIZE) as pilot:
        await listening(pilot)
        record = engine_of(app).record
        app.swap_roles(record)
        await pilot.pause()
        assert engine_of(app).record is record  # no new run: the next interviewer hosts from the other terminal
        assert any("swap by hosting from the other one" in message for message in told)


async def test_swapping_on_the_hosted_summary_says_why_not_before_asking_anything(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app, _ = hosted_app(pack=marked_pack())
    told = record_notifications(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await listening(pilot)
        await pilot.press("escape", "y")  # end the interview at the round's intro: its summary, not exported
        await until(lambda: isinstance(app.screen, SummaryScreen))
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)  # no "leave without exporting?" for a swap that cannot be
        assert any("swap by hosting from the other one" in message for message in told)


async def test_quitting_tells_the_candidate() -> None:
    app, _ = hosted_app(pack=marked_pack())
    async with app.run_test(size=SIZE) as pilot:
        client = await joined(pilot)
        await app.action_quit()  # asks first: the run would be lost
        await pilot.press("y")
    assert await client.wait_ended() == ENDED


async def test_leaving_the_hosted_runs_summary_ends_the_hosting_the_candidate_is_told_and_the_port_closes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app, _ = hosted_app(pack=marked_pack())
    async with app.run_test(size=SIZE) as pilot:
        told = record_notifications(app, monkeypatch)
        client = await joined(pilot)
        host, port = await listening(pilot)
        await app.action_quit()
        await pilot.press("y")  # the interview ends early: its summary
        await until(lambda: isinstance(app.screen, SummaryScreen))
        await pilot.pause()
        assert client.ended is None and app.hosting.connected  # the summary still holds the hosted run
        await pilot.press("escape", "l")  # home, leaving the transcript unexported
        assert await asyncio.wait_for(client.wait_ended(), WAIT) == ENDED
        assert client.received.view.position.phase is Phase.FINISHED  # the last view came before the goodbye
        with pytest.raises(OSError):
            await asyncio.open_connection(host, port)
        assert isinstance(app.screen, HomeScreen) and app.hosting.ended
        assert any("told the interview ended" in message for message in told)


async def test_after_the_hosting_ended_a_new_pair_run_is_on_this_terminal_and_swaps_roles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app, _ = hosted_app(pack=marked_pack())
    async with app.run_test(size=SIZE) as pilot:
        told = record_notifications(app, monkeypatch)
        await listening(pilot)
        hosted = engine_of(app).record
        await app.action_quit()
        await pilot.press("y", "escape", "l")
        await until(lambda: app.hosting.ended)
        assert any(message.startswith("Nobody can join it.") for message in told)  # no candidate had joined
        app.start_interview(marked_pack(), SessionOptions(pair=True, candidate="Ann", interviewer="Bo"), save=False)
        await pilot.pause()
        console = app.screen
        assert isinstance(console, PairScreen) and console.hosting is None
        app.swap_roles(hosted)  # the hosted run's swap is still the other terminal's to host
        assert engine_of(app).record.candidate == "Ann"
        app.swap_roles(engine_of(app).record)
        await pilot.pause()
        assert (engine_of(app).record.candidate, engine_of(app).record.interviewer) == ("Bo", "Ann")

def test_what_the_candidates_screen_shows_in_a_few_words() -> None:
    run = Run(marked_pack(), SessionOptions(pair=True))
    said = [screen_text(None)]

    def say() -> None:
        said.append(screen_text(run.engine.candidate_view()))

    say()
    for command in (BeginRound(), Pause(), Resume(), Done(), Done(), Done(), Continue()):
        assert run.apply(command), command
        say()
    while run.engine.phase is not Phase.ASSESSMENT:
        assert run.apply(Continue() if run.engine.phase is Phase.REVIEW else Done())
    say()
    assert run.apply(SubmitAssessment(ratings={"q1": Rating.GOOD}))
    say()
    assert run.apply(SubmitAssessment(role=Role.INTERVIEWER, ratings={"q1": Rating.GOOD}))
    say()
    assert said == [
        "nothing yet", "Round 1 intro", "Question 1 of 2", "Question 1 of 2 (paused)", "Question 1 of 2",
        "Question 1 of 2, a challenge", "Question 1 of 2, a challenge", "between questions", "Question 2 of 2",
        "self-assessment", "self-assessment, sent", "Round 1 reveal, then Round 2 intro",
    ]  # fmt: skip


async def test_the_console_shows_the_candidates_own_notes_labelled_as_theirs_once_there_are_any() -> None:
    app, _ = hosted_app(pack=marked_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        client = await joined(pilot)
        await pilot.press("enter")
        theirs = app.screen.query_one("#candidate-notes", Static)
        kit_width = app.screen.query_one("#kit").size.width
        assert not theirs.display  # nothing typed yet: no empty box
        await client.send(Notes("1. completion\n2. engagement"))
        await until(lambda: theirs.display and "2. engagement" in str(theirs.render()))
        assert (theirs.border_title, theirs.border_subtitle) == ("Candidate's notes", "read-only")
        await pilot.pause()
        assert len(theirs.border_title) <= theirs.outer_size.width - 6  # whole in its border, corners and dashes
        assert not theirs.can_focus and app.screen.query_one("#kit").size.width == kit_width
        assert "1. completion" in pilot_screen_text(app)  # in sight at 80x24, not below the fold


async def test_the_candidates_notes_stay_in_sight_under_a_posed_challenge_at_80_by_24() -> None:
    app, _ = hosted_app(pack=marked_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        client = await joined(pilot)
        await pilot.press("enter", "p")
        await client.send(Notes("\n".join(f"point {n}" for n in range(1, 8))))
        theirs = app.screen.query_one("#candidate-notes", Static)
        await until(lambda: "point 7" in str(theirs.render()))
        await pilot.pause()
        shown = pilot_screen_text(app)
        assert "point 2" in shown and "point 7" in shown and "Lee pushes" in shown and "back:" in shown


def test_the_console_shows_the_last_lines_of_long_candidate_notes() -> None:
    question = Run(marked_pack(), SessionOptions(pair=True)).engine.record.rounds[0].questions[0]
    outline = "\n".join(f"point {n}" for n in range(1, 10))
    text = str(candidate_notes_text(replace(question, candidate_notes=outline)))
    assert text.splitlines() == ["… 3 earlier lines", *(f"point {n}" for n in range(4, 10))]
    assert str(candidate_notes_text(replace(question, candidate_notes="  \n"))) == ""


async def test_the_status_breaks_its_lines_between_parts_at_80_columns_never_inside_one() -> None:
    app, _ = hosted_app(pack=marked_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await joined(pilot)
        await to_assessment(pilot)
        await until(lambda: "Assessments: theirs awaited, your scorecard to fill" in status(app))
        lines = status(app).splitlines()
        assert lines[1:] == [
            "Candidate: connected, sees self-assessment",
            "clock runs while they are away (a)",
            "Assessments: theirs awaited, your scorecard to fill",
        ]  # 80 columns less the padding: no two of them fit one line
        assert all(len(line) <= 78 for line in lines)


def test_status_parts_are_packed_into_as_few_lines_as_fit() -> None:
    parts = [plain("a" * 30), plain("b" * 30), plain("c" * 50)]
    assert [str(line) for line in packed(parts, 70)] == ["a" * 30 + " · " + "b" * 30, "c" * 50]
    assert len(packed(parts, 0)) == 1  # no width yet: one line


async def test_the_host_is_not_told_each_ready_by_a_notice_and_its_notices_are_sentences(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app, _ = hosted_app(pack=marked_pack())
    async with app.run_test(size=SIZE) as pilot:
        told = record_notifications(app, monkeypatch)
        client = await joined(pilot)
        await until(lambda: told == ["The candidate joined."])
        await client.send(Ready())
        await until(lambda: "Round 1 intro · ready" in status(app))  # the status line says it
        await client.leave()
        await until(lambda: told == ["The candidate joined.", "The candidate left."])


async def test_the_hosting_consoles_keys_and_quit_question_speak_of_the_candidates_terminal() -> None:
    app, _ = hosted_app(pack=marked_pack())
    async with app.run_test(size=SIZE) as pilot:
        await listening(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, KeyReferenceScreen)
        assert "Clock when away" in widget_texts(app)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "End the interview now? The candidate's terminal is told the interview ended."


async def test_the_reveal_says_which_key_closes_it_even_at_80_by_24() -> None:
    app, _ = hosted_app(pack=marked_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        client = await joined(pilot)
        await to_assessment(pilot)
        await client.send(SelfAssessment(SubmitAssessment(ratings={"q1": Rating.GOOD})))
        form = app.screen.query_one(ScorecardForm)
        form.query_one("#score-keep", Input).value = "Opens with the metric"
        form.query_one("#score-change", Input).value = "Give one number"
        for rating_set in form.query(RatingSet):
            rating_set.choose(Rating.MIXED)
        await until(lambda: Role.SELF in engine_of(app).record.rounds[0].assessments)
        await pilot.press("ctrl+d")
        await until(lambda: isinstance(app.screen, RevealScreen))
        await pilot.pause()
        assert "escape / enter: close" in pilot_screen_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, RevealScreen)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_hosts_round_intro_shows_its_budget_and_prompt_under_the_status(size: tuple[int, int]) -> None:
    app, _ = hosted_app(pack=bundled_pack("tiktok-social-media-manager"))
    async with app.run_test(size=size) as pilot:
        await joined(pilot)
        await pilot.pause()
        text = " ".join(pilot_screen_text(app).split())
        assert "Give the candidate:" in text and "including when a video flops.”" in text
        assert "Budget 35m · 6 questions" in text and "Press enter or space to begin." in text
