"""The Textual application: the home screen, setup, and the hand-over to an interview.

`build_app` is the one way to make the app, in `mockint` and in every test.
The engine and the interview and summary screens are imported only when an
interview starts, so the first paint of the home screen does not pay for them.

Every run is saved as it happens (mockint.storage.autosave), unless saving is
off. When the app ends on an error it did not expect, or a signal ends it, what
was typed last is saved too and the run can be resumed; the traceback is logged
by mockint.storage.recovery (which also writes the run as transcripts when its
journal could not be written). Textual
has no public hook for an unhandled exception (App._handle_exception is
private), so this is built from public parts: `return_code` is 1 after such an
error; `on_unmount` runs as the app closes, even after an error, and before
Textual prints the traceback on the app's `error_console` once the terminal is
restored; so it saves the run and points `error_console` at the recovery log.
The command line says where both went after `App.run` returns.
"""

from __future__ import annotations

import asyncio
import shlex
import signal
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from rich.console import Console, RenderableType
from textual import events
from textual.app import App, SuspendNotSupported, SystemCommand
from textual.screen import Screen

from mockint.ui import process_signals, user_commands
from mockint.core.clock import Clock, MonotonicClock
from mockint.core.paths import sessions_dir
from mockint.packs.discovery import Library
from mockint.remote.timing import Timing
from mockint.core.model import Pack
from mockint.storage.recovery import RecoveryWriter
from mockint.core.safetext import printable
from mockint.ui.screens.home import HomeScreen
from mockint.ui.screens.too_small import SizeGuard
from mockint.core.userpaths import reason, shown, working_folder

if TYPE_CHECKING:
    from mockint.remote.client import CandidateClient
    from mockint.session.engine import SessionEngine
    from mockint.storage.autosave import Autosave
    from mockint.storage.journal import HostedRun, Journal
    from mockint.remote.frames import Intent
    from mockint.remote.host import HostEvent
    from mockint.ui.hosting import Hosting
    from mockint.ui.screens.pair import PairScreen
    from mockint.ui.screens.home import ResumeRequested
    from mockint.ui.screens.setup import StartRequested
    from mockint.session.record import SessionRecord
    from mockint.session.setup import SessionOptions


@runtime_checkable
class QuitGuard(Protocol):
    """A screen with work that quitting would lose (a run, an unexported summary)."""

    def confirm_quit(self) -> bool:
        """Ask before quitting, or keep asking; False when there is nothing to lose."""
        ...


@dataclass(frozen=True)
class StartRequest:
    """An interview to start as soon as the app runs (`mockint run`)."""

    pack: Pack
    options: SessionOptions


@dataclass(frozen=True)
class ResumeRequest:
    """A saved interview to continue as soon as the app runs (`mockint resume`)."""

    journal_path: Path
    journal: Journal
    """Read already (the command line reports what is wrong with it); replayed when the app shows it."""


@dataclass(frozen=True)
class HostRequest:
    """Serve the pair run the app starts to the candidate's own terminal (`mockint host`; see mockint.ui.hosting)."""

    code: str
    """Checked and normalised already (mockint.remote.codes)."""
    port: int
    """0: any free port."""
    lan: bool = False
    """Listen on every interface, not only 127.0.0.1."""
    timing: Timing = Timing()


@dataclass(frozen=True)
class DrillRequest:
    """The drill to show as soon as the app runs (`mockint drill`): its picks, each with why, to start from there."""

    count: int
    pack: str | None
    candidate: str | None = None
    """Whose drill (`--name`): picked from their interviews only and saved under their name."""


@dataclass(frozen=True)
class JoinRequest:
    """The candidate's screen of a session hosted on another terminal (`mockint join`): nothing else is shown."""

    client: CandidateClient
    """Joined already, on the loop the app runs on; the command line leaves and closes it once the app ends."""
    address: str
    """`HOST:PORT` as the candidate gave it, for the connection line."""


class MockintApp(App[None]):
    TITLE = "mockint"
    # The home screen is the default screen, whose CSS_PATH Textual does not
    # read (it does for pushed screens), so the app loads its styles.
    CSS_PATH = ["app.tcss", "screens/home.tcss"]
    BINDINGS = user_commands.bindings(user_commands.QUIT)

    def __init__(
        self,
        library: Library,
        clock: Clock,
        data_dir: Path,
        export_dir: Path,
        start: StartRequest | ResumeRequest | DrillRequest | JoinRequest | None,
        tick_interval: float,
        exit_after_first_paint: bool,
        stop_process: Callable[[], object],
        recovery: RecoveryWriter | None,
        sessions: Path | None,
        host: HostRequest | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.clock = clock
        self.data_dir = data_dir
        self.export_dir = export_dir
        self.tick_interval = tick_interval
        self.engine: SessionEngine | None = None
        """The engine of the latest interview started, for tests and the summary."""
        self.recovery = recovery
        """Where a run goes if the app fails (None: nothing is written, Textual prints the traceback)."""
        self.sessions = sessions
        """The folder every run is saved in as it happens; None when nothing is saved (--no-save)."""
        self.autosave: Autosave | None = None
        """Saving the latest run started, if it is saved."""
        self._save_problems_told = 0
        self._run_at_risk = False
        """A run is on the screen stack (interview or summary): what a crash would lose."""
        self._start = start
        self._exit_after_first_paint = exit_after_first_paint
        self._stop_process = stop_process
        self._handled_signals: list[int] = []
        self._size_guard = SizeGuard(self)
        self._host = host
        self.hosting: Hosting | None = None
        """Serving the pair run started to the candidate's terminal, when asked to host (the first pair run only)."""
        self._run_packs: dict[str, Pack] = {}
        """The pack each run started here was started from, by session id: what a swap runs next."""
        self._pack_sources: dict[str, str] = {}
        """Where the pack of each run resumed was read from, by session id, as its journal says."""

    def get_default_screen(self) -> Screen:
        if isinstance(self._start, JoinRequest):
            from mockint.ui.screens.joined import JoinedScreen

            return JoinedScreen(self._start.client, self._start.address)
        # Offered only on a plain launch: not over an interview started from the command line.
        offer = self.sessions if self._start is None else None
        saved_in = sessions_dir(self.data_dir)
        return HomeScreen(self.library, user_rounds=self.data_dir / "rounds", saved_in=saved_in, unfinished_in=offer)

    def on_mount(self) -> None:
        if not self.is_headless:
            # After the driver has started: it installs its own SIGTSTP and SIGCONT handlers, which these replace.
            job_control = None if self.is_web else (self.action_suspend, self.refresh_after_continue)
            self._handled_signals = process_signals.install(
                asyncio.get_running_loop(), end=self.exit_on_signal, job_control=job_control
            )
        self.screen_change_signal.subscribe(self, self._size_guard.on_screen_change)
        self.screen_change_signal.subscribe(self, self._note_run_at_risk)
        self.screen_change_signal.subscribe(self, self._end_hosting_once_left)
        self._size_guard.check(self.size)
        if isinstance(self._start, StartRequest):
            self.start_interview(self._start.pack, self._start.options)
        elif isinstance(self._start, ResumeRequest):
            self.resume_interview(self._start.journal_path, self._start.journal)
        elif isinstance(self._start, DrillRequest):
            from mockint.ui.screens.drill import DrillScreen

            drill = self._start
            self.push_screen(DrillScreen(sessions_dir(self.data_dir), self.library, drill.count, drill.pack, drill.candidate))
        if self.sessions is not None:
            self.set_interval(1.0, self._tell_save_problems)
        if self._exit_after_first_paint:
            # The first screen composes after this handler; a callback queued on
            # it now runs once it has been painted (see bench/bench_first_paint.py).
            self.screen.call_after_refresh(self.exit)

    def on_resize(self, event: events.Resize) -> None:
        self._size_guard.check(event.size)

    def panic(self, *renderables: RenderableType) -> None:
        """Textual's way out of an error outside any handler (its input thread's, for one): a failure like any other.

        Marked as one (return code 1) so that on_unmount keeps the run and
        logs the details, as after an error in a handler.
        """
        self.exit(return_code=1)
        super().panic(*renderables)

    def _note_run_at_risk(self, _screen: Screen) -> None:
        # The screens holding a run are the ones that ask before quitting.
        self._run_at_risk = any(isinstance(screen, QuitGuard) for screen in self.screen_stack)

    async def on_unmount(self) -> None:
        """The app is closing: after an unexpected error (return code 1), keep what it would lose.

        The run is saved, and the traceback Textual prints next goes to the recovery log, not the screen.
        A candidate's terminal is told the session ended.
        """
        process_signals.uninstall(asyncio.get_running_loop(), self._handled_signals)
        self._handled_signals = []
        if self.return_code == 1:
            self._keep_run()
        self._close_autosave()
        if self.return_code == 1 and self.recovery is not None:
            self.error_console = Console(file=self.recovery, markup=False, highlight=False, color_system=None)
        if self.hosting is not None:
            await self.hosting.close()

    def on_start_requested(self, message: StartRequested) -> None:
        self.start_interview(message.pack, message.options, save=message.save)

    def on_resume_requested(self, message: ResumeRequested) -> None:
        """The home screen's offer was taken: restore the run from its journal and continue it."""
        from mockint.storage.autosave import open_journal
        from mockint.storage.journal import JournalError

        try:
            journal = open_journal(message.journal_path)
        except (JournalError, OSError) as error:
            text = str(error) if isinstance(error, JournalError) else f"{shown(message.journal_path)}: {reason(error)}"
            self.notify(printable(text, single_line=True), title="Cannot resume", severity="error", markup=False)
            return
        if journal.header.hosted is not None and not self._host_again(journal.header.hosted):
            return
        self.resume_interview(message.journal_path, journal)

    def _host_again(self, hosted: HostedRun) -> bool:
        """Host the run about to be resumed as it was hosted, with a new code; False (and say why) when its port
        cannot be had. A run resumed while this app hosts another goes on on this terminal, and is said to."""
        from mockint.ui.hosting import CannotHostAgain, host_again

        if self._host is not None:
            self.notify("It was hosted, but this mockint hosts one interview only: it goes on on this terminal."
                        " To host it, quit and run mockint resume.",
                        title="Not hosted", severity="warning")  # fmt: skip
            return True
        try:
            self._host = host_again(hosted)
        except CannotHostAgain as error:
            text = f"{str(error)[:1].upper()}{str(error)[1:]}."
            self.notify(printable(text, single_line=True), title="Cannot resume", severity="error", markup=False,
                        timeout=30)  # fmt: skip
            return False
        return True

    def start_interview(self, pack: Pack, options: SessionOptions, save: bool = True) -> None:
        """Start a run of `pack` and show it, saved unless `save` is off (or saving is off); an impossible setup
        becomes a notification."""
        from mockint.session.commands import Start
        from mockint.session.engine import SessionEngine
        from mockint.session.setup import EngineError
        from mockint.storage.autosave import Autosave
        from mockint.storage.journal import HostedRun

        try:
            engine = SessionEngine.new(pack, options, self.clock)
        except EngineError as error:
            self.notify(
                printable(str(error), single_line=True), title="Cannot start", severity="error", markup=False
            )
            return
        self._close_autosave()
        if save and self.sessions is not None:
            # Before the first command: it is journaled. What resuming needs to host it again goes in the header.
            hosted = HostedRun(port=self._host.port, lan=self._host.lan) if self._will_host(engine) else None
            self.autosave = Autosave.start(self.sessions, engine, hosted=hosted, pack_source=pack_source(pack))
        engine.apply(Start())
        self._run_packs[engine.record.id] = pack
        self._show_run(engine)

    def refuses_swap(self, record: SessionRecord) -> bool:
        """Whether `record`'s roles cannot be swapped here, said as a notification: asked before anything else,
        so nobody answers a question about leaving for a swap that will not happen."""
        if self.hosting is not None and record.id == self.hosting.engine.record.id:
            # The hosted run's next interviewer is the one at the other terminal; a later run here swaps as ever.
            self.notify("With two terminals, swap by hosting from the other one: mockint host PACK there.",
                        title="Cannot swap here", severity="warning")  # fmt: skip
            return True
        return False

    def swap_roles(self, record: SessionRecord) -> None:
        """Start the next pair interview of `record`'s pack with the names swapped (see setup.swapped_options)."""
        from mockint.session.setup import swapped_options

        if self.refuses_swap(record):
            return
        # A resumed run has no pack of its own here: the one of its name, if found.
        pack = self._run_packs.get(record.id) or self.library.find(record.pack_name)
        if pack is None:
            self.notify(printable(pack_not_found_text(record.pack_name, self._pack_sources.get(record.id)),
                                  single_line=True), title="Cannot swap", severity="error", markup=False)  # fmt: skip
            return
        options, notice = swapped_options(record, tuple(r.id for r in pack.rounds))
        self.start_interview(pack, options, save=self.sessions is not None)
        self.notify(printable(notice, single_line=True), title="Roles swapped", markup=False)

    def resume_interview(self, journal_path: Path, journal: Journal) -> None:
        """Continue the run `journal` holds, saving on into it, where and as it stopped.

        Replayed now, so the time the app took to start does not count against the clock.
        """
        from mockint.storage.autosave import Autosave
        from mockint.storage.journal import replay

        engine = replay(journal, self.clock)
        self._close_autosave()
        if self.sessions is not None:
            self.autosave = Autosave.resume(journal_path.parent, engine, journal)
        if journal.header.pack_source is not None:
            self._pack_sources[engine.record.id] = journal.header.pack_source
        for warning in journal.warnings:
            self.notify(printable(warning, single_line=True), title="Resumed with a loss", severity="warning",
                        markup=False, timeout=20)
        hosted_again = self._will_host(engine)
        self._show_run(engine)
        again = " · hosted again, with a new code: give the candidate the join line above" if hosted_again else ""
        self.notify(printable(resumed_text(engine) + again, single_line=True), title="Resumed", markup=False)

    def _show_run(self, engine: SessionEngine) -> None:
        from mockint.ui.screens.interview import InterviewScreen
        from mockint.ui.screens.pair import PairScreen

        self.engine = engine
        if engine.record.pair:
            screen: InterviewScreen = PairScreen(engine, self.autosave, hosting=self._start_hosting(engine))
        else:
            screen = InterviewScreen(engine, self.autosave)
        # Replace the setup screen, so leaving the summary lands on the home screen.
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def _will_host(self, engine: SessionEngine) -> bool:
        """Whether showing `engine`'s run will serve it to the candidate's terminal (see _start_hosting)."""
        return self._host is not None and self.hosting is None and engine.record.pair

    def _start_hosting(self, engine: SessionEngine) -> Hosting | None:
        """Serve `engine`'s run to the candidate's terminal if asked to host and not hosting yet; None otherwise."""
        if self._host is None or self.hosting is not None:
            return None
        from mockint.ui.hosting import Hosting

        self.hosting = Hosting(
            self._host, engine, on_event=self._hosting_event, on_intent=self._hosting_intent,
            on_pushed=self._hosting_changed,
        )  # fmt: skip
        self.run_worker(self._listen(self.hosting), name="hosting")
        return self.hosting

    async def _listen(self, hosting: Hosting) -> None:
        try:
            await hosting.start()
        except OSError as error:
            self.notify(printable(f"Not hosting: cannot listen on port {hosting.request.port}: {reason(error)}",
                                  single_line=True), title="Hosting", severity="error", markup=False, timeout=30)  # fmt: skip
        self._hosting_changed()

    def _end_hosting_once_left(self, _screen: Screen) -> None:
        """Once the hosted run is over and neither its console nor its summary is on the screen stack, end the
        hosting as quitting does: the candidate's terminal is told, the port closes. The app goes on unhosted."""
        from mockint.session.state import Phase

        hosting = self.hosting
        if hosting is None or hosting.ended or hosting.engine.phase is not Phase.FINISHED:
            return
        if self._shows_hosted_run(hosting):
            return
        told = hosting.connected
        self.run_worker(hosting.close(), name="end hosting")
        self.notify(("The candidate's terminal was told the interview ended." if told else "Nobody can join it.")
                    + " To host another, run mockint host PACK.", title="No longer hosting")  # fmt: skip

    def _shows_hosted_run(self, hosting: Hosting) -> bool:
        """Whether the run `hosting` serves has its console or its summary on the screen stack."""
        from mockint.ui.screens.summary import SummaryScreen

        hosted = hosting.engine.record.id
        return self._hosting_console() is not None or any(
            isinstance(screen, SummaryScreen) and screen.record.id == hosted for screen in self.screen_stack
        )

    def _hosting_event(self, event: HostEvent) -> None:
        from mockint.remote.host import HostEventKind

        warning = event.kind in (HostEventKind.WRONG_CODES, HostEventKind.SILENT, HostEventKind.OTHER_VERSION)
        notice = f"{event.message[:1].upper()}{event.message[1:]}."  # "The candidate left.", as the console's own
        self.notify(printable(notice, single_line=True), title="Candidate",
                    severity="warning" if warning else "information", markup=False)  # fmt: skip
        self._hosting_changed()

    def _hosting_intent(self, intent: Intent) -> None:
        from mockint.ui.hosting import LOG

        console = self._hosting_console()
        if console is None:
            LOG.info("dropped the candidate's %s: the interview is over", type(intent).__name__)
            return
        console.take_intent(intent)

    def _hosting_changed(self) -> None:
        console = self._hosting_console()
        if console is not None:
            console.show_hosting()

    def _hosting_console(self) -> PairScreen | None:
        """The console of the hosted run, while it is on the screen stack."""
        from mockint.ui.screens.pair import PairScreen

        return next((s for s in self.screen_stack if isinstance(s, PairScreen) and s.hosting is self.hosting), None)

    async def action_quit(self) -> None:
        """Quit, unless a screen holds work that would be lost: then it asks first.

        ctrl+q, the palette's Quit and the home screen's q all come here.
        """
        for screen in reversed(self.screen_stack):
            if isinstance(screen, QuitGuard) and screen.confirm_quit():
                return
        self.exit()

    def _keep_run(self, cause: str | None = None) -> None:
        """The app is ending unasked: save the run with what was typed last, to be resumed.

        When its journal cannot take it (or saving is off), the recovery writer
        keeps it as transcripts, ending it where it stands; with saving off, nothing is written.
        """
        if not self._run_at_risk or self.engine is None:
            return
        from mockint.storage.recovery import UNEXPECTED_ERROR

        cause = cause or UNEXPECTED_ERROR
        if self.autosave is not None:
            self._hand_over_draft()
            if self.autosave.save_now():
                if self.recovery is not None:
                    self.recovery.note_saved(saved_text(self.autosave, self.engine), cause)
                return
        if self.recovery is not None:
            self.recovery.save_run(self.engine.record, finish=self._end_run_where_it_stands, cause=cause)

    def _close_autosave(self) -> None:
        if self.autosave is not None:
            self.autosave.close()

    def _tell_save_problems(self) -> None:
        """Say once per problem that the run could not be saved (the writer's thread only keeps them)."""
        autosave = self.autosave
        if autosave is None or len(autosave.problems) <= self._save_problems_told:
            return
        for problem in autosave.problems[self._save_problems_told :]:
            self.notify(printable(f"Not saved: {problem}", single_line=True), title="Autosave",
                        severity="error", markup=False, timeout=20)
        self._save_problems_told = len(autosave.problems)

    def _hand_over_draft(self) -> None:
        from mockint.ui.screens.interview import InterviewScreen

        for screen in self.screen_stack:
            if isinstance(screen, InterviewScreen):
                screen.flush_draft()

    def _end_run_where_it_stands(self) -> None:
        """Hand the engine the text on screen, then end the run (unless it has ended), keeping everything typed."""
        from mockint.session.commands import Quit
        from mockint.session.state import Phase

        self._hand_over_draft()
        if self.engine is not None and self.engine.phase is not Phase.FINISHED:
            self.engine.apply(Quit())

    def exit_on_signal(self, signum: int) -> None:
        """End now, with the shell's status for `signum`: no question asked, as no one may be there to answer.

        An interview in progress is saved first, with what was typed last, to
        be resumed (see _keep_run), and the command line says so. Textual
        restores the terminal on the way out.
        """
        self._keep_run(cause=f"ended by {signal.Signals(signum).name}")
        self.exit(return_code=process_signals.exit_status(signum))

    def action_suspend(self) -> None:
        """Stop the process with the terminal handed back (SIGTSTP, or the palette's Suspend).

        Textual publishes app_suspend_signal before and app_resume_signal
        after, so an interview holds its clock while the process is stopped.
        """
        try:
            with self.suspend():
                self._stop_process()
        except SuspendNotSupported:
            self.notify("mockint cannot be suspended here.", title="Suspend", severity="warning")

    def refresh_after_continue(self) -> None:
        """Draw the whole screen again on SIGCONT.

        After a stop the app could not see coming (SIGSTOP), the shell may have written over it.
        """
        self.refresh(layout=True)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The screen's commands enabled now (those of its footer), then the built-in ones they do not replace.

        A built-in command with the title of one of the screen's (Quit) gives
        way to the screen's, which knows what quitting would throw away.
        """
        entries = list(self._screen_commands(screen))
        if not self.is_web:
            # Textual's own saves to the Downloads folder and, when it cannot, does not say why.
            # A web app keeps it: the browser downloads the picture.
            entries.append(user_commands.SCREENSHOT.palette_entry(self))
        titles = {entry.title for entry in entries}
        yield from (entry for entry in super().get_system_commands(screen) if entry.title not in titles)
        if sys.platform != "win32" and not self.is_web:
            yield user_commands.SUSPEND.palette_entry(self)
        yield from entries

    def _screen_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """A palette entry per shown and enabled command of the screen, naming the first of its keys."""
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            command = user_commands.declared(active.binding)
            if command is None or not (command.shown and active.enabled) or command.id in seen:
                continue
            seen.add(command.id)
            yield command.palette_entry(self, self.get_key_display(active.binding), active.node)

    def action_take_screenshot(self) -> None:
        """Save the screen as SVG in the export folder once the palette has gone from it."""
        self.call_after_refresh(self.save_screenshot_in_export_folder)

    def save_screenshot_in_export_folder(self) -> None:
        """Write the screen as a new SVG file in the export folder, and say where, or why not."""
        from mockint.exporters.files import ExportError, write_new_files

        stem = f"mockint-screenshot-{self.clock.wall():%Y%m%d-%H%M%S}"
        try:
            [path] = write_new_files(self.export_dir, stem, {"svg": self.export_screenshot()})
        except ExportError as error:
            self.notify(
                printable(f"Not saved: {error}", single_line=True), title="Screenshot", severity="error", markup=False
            )
            return
        self.notify(
            printable(f"Saved {path.name} in {shown(path.parent)}", single_line=True), title="Screenshot", markup=False
        )


def resumed_text(engine: SessionEngine) -> str:
    """Where a resumed run stands: `Pack · round 1 of 2 · question 2 of 3 · 1:10 left when resumed`, its time as the
    clock said it then (the notice stays a few seconds while the clock goes on)."""
    from mockint.core.durations import format_time_left

    view = engine.interviewer_view()
    position = view.position
    parts = [engine.record.pack_title]
    if view.round is not None and position.round is not None:
        parts.append(f"round {position.round + 1} of {len(engine.record.rounds)}")
        if position.question is not None:
            parts.append(f"question {position.question + 1} of {len(view.round.questions)}")
    if position.clock is not None:
        parts.append(f"{format_time_left(position.clock.remaining)} when resumed")
    return " · ".join(parts)


def pack_not_found_text(pack_name: str, source: str | None) -> str:
    """Why a swap cannot start (the packs found have none of that name now), and how to give the pack."""
    if source is None:
        return (f"The pack {pack_name} is not among the packs found. To swap, run mockint run {pack_name} --pair"
                " --rounds FOLDER (the folder it is in); a resume given --rounds FOLDER swaps from the summary.")
    path = Path(source)
    folder = shlex.quote(shown(path.parent))
    return (f"The pack {pack_name} is not among the packs found (it was read from {shown(path)}). To swap, run"
            f" mockint run {shlex.quote(shown(path))} --pair; a resume given --rounds {folder} swaps from the summary.")


def pack_source(pack: Pack) -> str | None:
    """Where `pack` was read from, as a path that holds from any folder (a swap after a resume names it)."""
    if pack.source is None:
        return None
    try:
        return str(pack.source.absolute())
    except FileNotFoundError:  # the current folder has gone: the path as found is all there is
        return str(pack.source)


def saved_text(autosave: Autosave, engine: SessionEngine) -> str:
    """What the command line says of a run saved as the app ended."""
    from mockint.session.state import Phase

    if engine.phase is Phase.FINISHED:
        return f"your interview is saved in {shown(autosave.record)}"
    return "your interview is saved; continue it with: mockint resume"


def build_app(
    library: Library,
    *,
    clock: Clock | None = None,
    data_dir: Path | None = None,
    export_dir: Path | None = None,
    start: StartRequest | ResumeRequest | DrillRequest | JoinRequest | None = None,
    tick_interval: float = 0.25,
    exit_after_first_paint: bool = False,
    stop_process: Callable[[], object] = process_signals.stop_this_process,
    save: bool = True,
    host: HostRequest | None = None,
) -> MockintApp:
    """The mockint app over `library`; tests pass a FakeClock, temp dirs and a stand-in for stopping the process.

    Runs are saved in the data folder's `sessions/` as they happen (mockint.storage.autosave);
    `save=False` writes nothing at all, not even when the app fails or a signal ends it.
    `host` serves the pair run `start` begins to the candidate's own terminal (`mockint host`).
    Raises PathProblem when no export folder is given and the current one is gone.
    """
    from mockint.core import paths

    clock = clock or MonotonicClock()
    data_dir = data_dir or paths.data_dir()
    return MockintApp(
        library,
        clock=clock,
        data_dir=data_dir,
        export_dir=export_dir or working_folder(),
        start=start,
        tick_interval=tick_interval,
        exit_after_first_paint=exit_after_first_paint,
        stop_process=stop_process,
        recovery=RecoveryWriter(data_dir, wall=clock.wall) if save else None,
        sessions=paths.sessions_dir(data_dir) if save else None,
        host=host,
    )
