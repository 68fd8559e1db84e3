"""Runs saved by the autosave, and reading back what it left in a data folder's `sessions/`."""

from __future__ import annotations

from pathlib import Path

from mockint.core.clock import FakeClock
from mockint.core.paths import sessions_dir
from mockint.session.commands import BeginRound, Command, EditDraft, Quit, Start, Tick
from mockint.session.engine import SessionEngine
from mockint.session.setup import SessionOptions
from mockint.session.record import SessionRecord, decode_record
from mockint.storage.autosave import Autosave, open_journal
from mockint.storage.journal import HostedRun, replay
from support.packs import mini_pack
from support.sessions import command_for


def only_journal(data_dir: Path) -> Path:
    [journal] = sessions_dir(data_dir).glob("*.journal")
    return journal


def restored(data_dir: Path) -> SessionEngine:
    """The one session saved in `data_dir`, replayed from its journal as `mockint resume` would."""
    return replay(open_journal(only_journal(data_dir)), FakeClock())


def final_record(data_dir: Path) -> SessionRecord:
    [record] = sessions_dir(data_dir).glob("*.json")
    return decode_record(record.read_bytes())


def saved_run(folder: Path, typed: str = "halfway there", end: bool = False) -> SessionEngine:
    """A run of the mini pack saved in `folder`, typed into, left unfinished (or quit)."""
    engine = SessionEngine.new(mini_pack(), SessionOptions(), FakeClock())
    autosave = Autosave.start(folder, engine)
    engine.apply(Start())
    engine.apply(BeginRound())
    engine.apply(EditDraft.between("", typed))
    if end:
        engine.apply(Quit())
    autosave.close()
    assert autosave.problems == []
    return engine


def saved_commands(
    folder: Path, options: SessionOptions, *commands: Command | str | float, hosted: HostedRun | None = None,
    pack_source: str | None = None,
) -> SessionEngine:
    """A run of the mini pack saved in `folder` and left unfinished: each command applied in turn, or for a
    name (support.sessions.command_for's), what it stands for then ("next" until `phase.value` is its name),
    or for a number, that many seconds passing (then a tick). `hosted` and `pack_source` go in its header."""
    clock = FakeClock()
    engine = SessionEngine.new(mini_pack(), options, clock)
    autosave = Autosave.start(folder, engine, hosted=hosted, pack_source=pack_source)
    engine.apply(Start())
    for command in commands:
        if isinstance(command, float | int):
            clock.advance(command)
            engine.apply(Tick())
        elif isinstance(command, str):
            while engine.phase.value != command:
                engine.apply(command_for(engine, "next", None))
        else:
            engine.apply(command)
    autosave.close()
    assert autosave.problems == []
    return engine
