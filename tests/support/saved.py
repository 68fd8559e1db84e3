"""Reading back what the autosave left in a data folder's `sessions/`."""

from __future__ import annotations

from pathlib import Path

from mockint.core.clock import FakeClock
from mockint.core.paths import sessions_dir
from mockint.session.engine import SessionEngine
from mockint.session.record import SessionRecord, decode_record
from mockint.storage.autosave import open_journal
from mockint.storage.journal import replay


def only_journal(data_dir: Path) -> Path:
    [journal] = sessions_dir(data_dir).glob("*.journal")
    return journal


def restored(data_dir: Path) -> SessionEngine:
    """The one session saved in `data_dir`, replayed from its journal as `mockint resume` would."""
    return replay(open_journal(only_journal(data_dir)), FakeClock())


def final_record(data_dir: Path) -> SessionRecord:
    [record] = sessions_dir(data_dir).glob("*.json")
    return decode_record(record.read_bytes())
