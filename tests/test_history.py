"""The saved sessions' history and export: reading records and journal headers, per person, deleting, exporting."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from mockint import cli
from mockint.core.paths import sessions_dir
from mockint.core.ratings import Rating
from mockint.session.commands import Quit
from mockint.session.record import QuestionAssessment, Role
from mockint.session.setup import SessionOptions
from mockint.storage.autosave import journal_path, record_path
from mockint.analysis.drill import NOTHING_TO_DRILL
from mockint.storage.history import Status, drill_candidates, find_session, read_history, SessionNotFound, wrap_cell
from support.history import (
    LONG_PACK_NAMES, finished_record, long_named_sessions, save_finished, save_record, save_unfinished,
)
from support.packs import mini_pack
from support.sessions import Run


@pytest.fixture
def folder(isolated_user_dirs: Path) -> Path:
    return sessions_dir(isolated_user_dirs)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- reading -----------------------------------------------------------------------


def test_history_lists_finished_records_and_unfinished_journals_newest_first(folder: Path) -> None:
    older = save_finished(folder, "Ana", days=0)
    newer = save_finished(folder, "Bo", days=2)
    unfinished = save_unfinished(folder)  # started 2026-01-15: the oldest
    history = read_history(folder)
    assert [e.id for e in history.entries] == [newer.id, older.id, unfinished.record.id]
    assert [e.status for e in history.entries] == [Status.FINISHED, Status.FINISHED, Status.UNFINISHED]
    assert history.entries[0].checklist_percent == 75
    assert history.entries[0].average_rating(Role.SELF) == 2.5  # good (3) and mixed (2)
    assert history.warnings == []


def test_a_finished_sessions_journal_is_never_read(folder: Path) -> None:
    record = save_finished(folder)
    journal_path(folder, record.id).write_bytes(b"not a journal at all\n")
    [entry] = read_history(folder).entries
    assert entry.status is Status.FINISHED
    assert read_history(folder).warnings == []


def test_a_damaged_record_is_left_out_with_a_warning(folder: Path) -> None:
    kept = save_finished(folder)
    damaged = save_finished(folder, days=1)
    record_path(folder, damaged.id).write_bytes(b'{"format": "mockint.session/1", "pack_na')
    history = read_history(folder)
    assert [e.id for e in history.entries] == [kept.id]
    [warning] = history.warnings
    assert damaged.id in warning and "left out" in warning


def test_history_is_per_person_after_a_role_swap(folder: Path) -> None:
    first, second = finished_record("Ana"), finished_record("Bo", days=1)
    first.pair = second.pair = True
    first.interviewer, second.interviewer = "Bo", "Ana"
    for question in first.questions():
        question.assessments[Role.INTERVIEWER] = QuestionAssessment(rating=Rating.EXCELLENT)
    save_record(folder, first)
    save_record(folder, second)
    history = read_history(folder)
    [ana] = history.for_candidate(" ana ").entries
    [bo] = history.for_candidate("Bo").entries
    assert (ana.id, bo.id) == (first.id, second.id)
    assert ana.average_rating(Role.INTERVIEWER) == 4.0
    assert bo.average_rating(Role.INTERVIEWER) is None


def test_the_candidates_named_are_each_listed_once_the_latest_first(folder: Path) -> None:
    for candidate, days in (("Ana", 0), ("", 1), (" bo ", 2), ("ANA", 3)):
        save_finished(folder, candidate, days)
    assert read_history(folder).candidates() == ["ANA", "bo"]


def test_a_session_is_found_by_its_ids_start_or_as_latest(folder: Path) -> None:
    older, newer = save_finished(folder), save_finished(folder, days=1)
    history = read_history(folder)
    assert find_session(history, "latest").id == newer.id
    assert find_session(history, older.id[:10]).id == older.id
    with pytest.raises(SessionNotFound, match="no saved interview 'zzz'"):
        find_session(history, "zzz")


def test_a_drill_asks_whose_only_of_more_than_one_persons_finished_interviews(folder: Path) -> None:
    save_finished(folder, "Ana", days=0)
    save_unfinished(folder)  # unnamed, but unfinished: a drill never reads it
    assert drill_candidates(read_history(folder)) == []
    save_finished(folder, "", days=1)
    assert drill_candidates(read_history(folder)) == ["Ana"]  # and everyone's, which has the unnamed one
    save_finished(folder, " bo ", days=2)
    assert drill_candidates(read_history(folder)) == ["bo", "Ana"]
    ended_at_once = Run(mini_pack(), SessionOptions(candidate="Ben"))
    assert ended_at_once.apply(Quit())  # at the first intro, right after a swap say: no question to drill
    save_record(folder, ended_at_once.engine.record)
    assert drill_candidates(read_history(folder)) == ["bo", "Ana"]


# -- mockint history -----------------------------------------------------------------


def test_history_json_has_the_documented_keys(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = save_finished(folder, "Ana")
    save_unfinished(folder)
    code, out, err = run(capsys, "history", "--json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["format"] == "mockint.history/1"
    finished, unfinished = document["sessions"]
    assert finished == {
        "id": record.id, "started": "2026-03-02T09:30:00+00:00", "pack": "mini", "pack_title": "Mini mock",
        "mode": "practice", "pair": False, "candidate": "Ana", "interviewer": "", "duration_seconds": 139.0,
        "status": "finished", "finished": True, "questions": 3, "checklist_percent": 75, "self_rating": 2.5,
        "interviewer_rating": None, "file": str(record_path(folder, record.id)),
    }  # fmt: skip
    assert (unfinished["status"], unfinished["finished"], unfinished["duration_seconds"]) == ("unfinished", False, None)


def test_history_table_fits_80_columns_and_names_each_session(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    ana = save_finished(folder, "Ana")
    code, out, _ = run(capsys, "history", "--candidate", "ana")
    assert code == 0
    assert all(len(line) <= 80 for line in out.splitlines())
    assert ana.id[:8] in out and "Ana" in out and "75%" in out and "self 2.5" in out and "finished" in out


def test_a_pair_run_s_ratings_say_whose_each_is_on_one_line(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    record = finished_record("Ana")
    record.pair, record.interviewer = True, "Ben"
    for question in record.questions():
        question.assessments[Role.INTERVIEWER] = QuestionAssessment(rating=Rating.GOOD)
    save_record(folder, record)
    code, out, _ = run(capsys, "history")
    assert code == 0 and all(len(line) <= 80 for line in out.splitlines())
    assert "self 2.5 · int 3.0" in out  # one line, each average labelled
    assert "(Rating: averages of 4; self: the candidate's own, int: the interviewer's)" in out


def test_history_of_another_candidate_says_none_are_theirs_and_how_many_are_saved(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_finished(folder, "Ana")
    save_finished(folder, "Ben", days=1)
    code, out, _ = run(capsys, "history", "--candidate", "Zed")
    assert code == 0
    assert out == "No saved interviews with Zed as the candidate (2 saved in all).\n"


def column_texts(table: str, heading: str) -> list[str]:
    """Each row's text in the column under `heading`, its lines joined again (after a hyphen, or with a space)."""
    lines = table.splitlines()
    start = lines[0].index(heading)
    end = start + len(heading) + len(re.match(r" *", lines[0][start + len(heading):]).group())
    texts: list[str] = []
    for line in lines[2:]:
        if line.startswith("("):  # the note under the table
            break
        cell = line[start:end].strip()
        if re.match(r"\d{4}-", line):
            texts.append(cell)
        elif cell:
            texts[-1] += cell if texts[-1].endswith("-") else f" {cell}"
    return texts


@pytest.mark.parametrize("columns", [80, 100])
def test_history_table_breaks_pack_names_only_at_their_hyphens(
    isolated_user_dirs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """Every part of a long pack name and of a person's name shows whole; the ids and ratings always show."""
    monkeypatch.setenv("COLUMNS", str(columns))
    records = long_named_sessions(isolated_user_dirs)
    code, out, _ = run(capsys, "history")
    assert code == 0
    assert all(len(line) <= columns for line in out.splitlines())
    newest_first = records[::-1]
    assert column_texts(out, "Pack") == [record.pack_name for record in newest_first]
    assert column_texts(out, "Name") == [record.candidate for record in newest_first]
    assert all(record.id[:8] in out for record in records) and out.count("self 2.5") == 3


def test_a_narrow_history_leaves_out_the_length_then_the_mode_and_says_so(
    isolated_user_dirs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    long_named_sessions(isolated_user_dirs)
    widths = {}
    for columns in (80, 110):
        monkeypatch.setenv("COLUMNS", str(columns))
        _, widths[columns], _ = run(capsys, "history")
    headings = {columns: out.splitlines()[0].split() for columns, out in widths.items()}
    assert headings[80] == ["Date", "Pack", "Name", "Status", "Ticked", "Rating", "Id"]
    assert widths[80].splitlines()[-1] == "(Mode and Length left out to fit; --json has every column)"
    assert "Length" in headings[110] and "Mode" in headings[110] and "left out" not in widths[110]


def test_a_word_longer_than_its_column_is_shortened_not_carried_over() -> None:
    assert wrap_cell("Name", "Maximilianus Bo", 8) == ["Maximil…", "Bo"]
    assert wrap_cell("Pack", "supercalifragilistic-pack", 12) == ["supercalifr…", "pack"]
    assert wrap_cell("Name", "", 8) == [""]


def test_history_of_nothing_says_where_it_looked(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "history")
    assert code == 0
    assert out.startswith("No saved interviews in")


def test_a_candidates_name_reaches_the_terminal_escaped(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    save_finished(folder, "\x1b[31mEve")
    code, out, _ = run(capsys, "history")
    assert code == 0
    assert "\x1b" not in out and "\\x1b[31mEve" in out


def test_delete_with_yes_removes_the_record_and_journal(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gone, kept = save_finished(folder), save_finished(folder, days=1)
    journal_path(folder, gone.id).write_bytes(b"")
    code, out, _ = run(capsys, "history", "--delete", gone.id[:8], "--yes")
    assert (code, out) == (0, "Deleted 1 saved interview.\n")
    assert sorted(os.listdir(folder)) == [f"{kept.id}.json"]


def test_delete_without_a_terminal_asks_for_yes(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = save_finished(folder)
    code, _, err = run(capsys, "history", "--delete-all")
    assert code == 2
    assert "add --yes" in err
    assert record_path(folder, record.id).exists()


@pytest.mark.parametrize(("answer", "code", "left"), [("y\n", 0, 0), ("\n", 1, 2)])
def test_delete_all_asks_first_on_a_terminal(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, answer: str, code: int, left: int
) -> None:
    save_finished(folder)
    save_unfinished(folder)
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda question: asked.append(question) or answer.strip())
    assert run(capsys, "history", "--delete-all")[0] == code
    assert asked == ["Delete all 2 saved interviews? It cannot be undone. [y/N] "]
    assert len(os.listdir(folder)) == left


def test_delete_of_an_unknown_session_fails(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_finished(folder)
    code, _, err = run(capsys, "history", "--delete", "nope", "--yes")
    assert code == 1
    assert err == "mockint: no saved interview 'nope' (mockint history lists them)\n"


# -- naming a session: resume, export and delete alike --------------------------------

SHARED_START = "ab"
"""The start of two saved sessions' ids: too little to name either."""


def two_unfinished_sharing_a_start(folder: Path) -> list[str]:
    ids = [SHARED_START + digit * 30 for digit in "12"]
    for session_id in ids:
        save_unfinished(folder, session_id=session_id)
    return ids


KIND = {"resume": "unfinished", "export": "saved", "delete": "saved"}
"""Which sessions each verb names one of."""


def naming(verb: str, given: str, out: Path) -> tuple[str, ...]:
    """The command line that hands `given` to `verb` as the session it acts on."""
    return {
        "resume": ("resume", given),
        "export": ("export", given, "--out", str(out)),
        "delete": ("history", "--delete", given, "--yes"),
    }[verb]


@pytest.mark.parametrize("verb", KIND)
def test_the_start_of_several_ids_is_refused_alike_everywhere(
    verb: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    two_unfinished_sharing_a_start(folder)
    code, out, err = run(capsys, *naming(verb, SHARED_START.upper(), tmp_path))
    assert (code, out) == (1, "")
    assert err == f"mockint: 'AB' matches 2 {KIND[verb]} interviews; give more of its id\n"
    assert len(list(folder.iterdir())) == 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("verb", KIND)
def test_an_id_no_session_has_is_refused_alike_everywhere(
    verb: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    two_unfinished_sharing_a_start(folder)
    code, out, err = run(capsys, *naming(verb, "abz", tmp_path))
    assert (code, out) == (1, "")
    assert err == f"mockint: no {KIND[verb]} interview 'abz' (mockint history lists them)\n"
    assert len(list(folder.iterdir())) == 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("verb", KIND)
def test_an_id_given_when_there_are_no_sessions_is_named_in_the_refusal(
    verb: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *naming(verb, "zzz", tmp_path))
    assert (code, out) == (1, "")
    assert err == f"mockint: no {KIND[verb]} interview 'zzz': there are no {KIND[verb]} interviews\n"


def test_enough_of_an_id_names_one_session_to_delete(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = two_unfinished_sharing_a_start(folder)
    assert run(capsys, *naming("delete", second[:3], tmp_path)) == (0, "Deleted 1 saved interview.\n", "")
    assert [path.stem for path in folder.iterdir()] == [first]


def test_resume_names_only_unfinished_sessions(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    finished = finished_record()
    finished.id = SHARED_START + "3" * 30
    save_record(folder, finished)
    code, out, err = run(capsys, *naming("resume", finished.id[:3], tmp_path))
    assert (code, out) == (1, "")
    assert err == "mockint: interview 'ab3' has finished; there is nothing to resume\n"


# -- mockint export --------------------------------------------------------------------


def test_export_latest_writes_without_overwriting(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_finished(folder, days=0)
    save_finished(folder, "Newest", days=3)
    for _ in range(2):
        assert run(capsys, "export", "latest", "--out", str(tmp_path))[0] == 0
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == ["mockint-mini-20260305-0930-2.md", "mockint-mini-20260305-0930.md"]
    assert "Newest" in (tmp_path / written[1]).read_text(encoding="utf-8")


def test_export_all_formats_of_a_session_named_by_its_id(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = save_finished(folder)
    code, out, _ = run(capsys, "export", record.id[:6], "--format", "all", "--out", str(tmp_path))
    assert code == 0
    assert sorted(path.suffix for path in tmp_path.iterdir()) == [".html", ".json", ".md"]
    assert out.count("Wrote ") == 3


def test_export_of_an_unfinished_session_has_what_was_typed(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_unfinished(folder, typed="a half-typed answer")
    assert run(capsys, "export", "latest", "--format", "json", "--out", str(tmp_path))[0] == 0
    [written] = tmp_path.iterdir()
    assert "a half-typed answer" in written.read_text(encoding="utf-8")


def test_export_of_nothing_saved_fails(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "export", "latest", "--out", str(tmp_path))
    assert (code, out, err) == (1, "", "mockint: no saved interviews\n")


# -- mockint drill -----------------------------------------------------------------------


def test_drill_prints_each_pick_with_why_when_output_is_not_a_terminal(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_finished(folder, "Ana")
    code, out, err = run(capsys, "drill", "--count", "1")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "1. Design a cache for a slow service that answers in two seconds."
    assert lines[1].startswith("   mini · skipped; due: last tried ")  # the saved run is months old
    assert len(lines) == 2


def test_drill_with_nothing_weak_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "drill", "--pack", "why-tiktok")  # a pack that exists, never interviewed
    assert code == 0
    assert out.startswith("In pack why-tiktok: Nothing to drill: no question's latest attempt was weak")


def test_drill_of_a_pack_nobody_has_says_it_is_unknown(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_finished(folder)  # of pack "mini", which is no longer among the packs found
    assert run(capsys, "drill", "--pack", "mini")[0] == 0  # its saved copy is drilled
    code, out, err = run(capsys, "drill", "--pack", "why-tiktk")
    assert (code, out) == (2, "")
    assert err.startswith("mockint: unknown pack 'why-tiktk'; packs you can drill or run: ")
    assert "mini" in err and "why-tiktok" in err


def test_drill_count_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "drill", "--count", "0")
    assert code == 2
    assert "expected a whole number of at least 1, not '0'" in err


def test_drill_on_a_terminal_opens_the_app_on_the_drill(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from mockint.cli import launch
    from mockint.ui.app import DrillRequest

    save_finished(folder)
    started: list[object] = []
    monkeypatch.setattr(launch, "_run_app", lambda library, start, export_dir, save: started.append(start) or 0)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    assert run(capsys, "drill", "--count", "2", "--pack", "mini") == (0, "", "")
    assert started == [DrillRequest(count=2, pack="mini")]


def test_drill_with_a_name_drills_only_their_interviews_and_saves_under_it(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from mockint.cli import launch
    from mockint.ui.app import DrillRequest

    save_finished(folder, "Ana")
    save_finished(folder, "Ben", days=1)
    assert run(capsys, "drill", "--name", "Zed") == (0, "Of Zed's interviews: " + NOTHING_TO_DRILL + "\n", "")
    started: list[object] = []
    monkeypatch.setattr(launch, "_run_app", lambda library, start, export_dir, save: started.append(start) or 0)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    assert run(capsys, "drill", "--name", "Ana") == (0, "", "")
    assert started == [DrillRequest(count=5, pack=None, candidate="Ana")]
