"""Question identity across sessions, attempts, and the spaced drill's picks on fabricated histories."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from msgspec import structs
from msgspec.structs import replace

from mockint.analysis.attempts import question_histories, question_key
from mockint.analysis.drill import drill_pack, drill_picks
from mockint.core.ratings import Rating
from mockint.packs.discovery import load_pack
from mockint.session.record import QuestionAssessment, Role, SessionRecord
from support.history import DAY_ONE, finished_record
from support.packs import mini_pack

HASH_MAP = "What does a hash map cost to look up a key?"


def question(record: SessionRecord, ask_start: str):
    return next(q for q in record.questions() if q.ask.startswith(ask_start))


def rate(record: SessionRecord, ask_start: str, rating: Rating, role: Role = Role.SELF) -> None:
    found = question(record, ask_start)
    found.assessments[role] = QuestionAssessment(rating=rating, checked=found.assessment(role).checked)


def test_a_question_keeps_its_identity_when_moved_and_goes_by_text_without_an_id() -> None:
    first, second = finished_record(days=0), finished_record(days=1)
    moved = second.rounds[0].questions.pop(0)  # "intro" moves to the other round, first in it
    second.rounds[1].questions.insert(0, moved)
    histories = {h.key: h for h in question_histories([second, first])}
    intro = question_key("mini", question(first, "Tell me"))
    hash_map = question_key("mini", question(first, HASH_MAP))
    assert intro.question == "intro"
    assert hash_map.question.startswith("text:")  # its file gives it no id
    assert [a.session_id for a in histories[intro].attempts] == [first.id, second.id]
    assert len(histories[hash_map].attempts) == 2


def test_a_renamed_pack_or_reworded_question_without_an_id_starts_a_new_history() -> None:
    first, second = finished_record(days=0), finished_record(days=1)
    second.pack_name = "mini-renamed"
    assert len(question_histories([first, second])) == 6
    q = question(first, HASH_MAP)
    assert question_key("mini", q) != question_key("mini", structs.replace(q, ask=q.ask + " Roughly?"))
    assert question_key("mini", q) == question_key("mini", structs.replace(q, ask=" what does a HASH map  cost to look up a key?"))


def test_attempts_carry_the_figures_compared_side_by_side() -> None:
    record = finished_record()
    rate(record, "Tell me", Rating.EXCELLENT, Role.INTERVIEWER)
    [intro] = [h for h in question_histories([record]) if h.key.question == "intro"]
    attempt = intro.latest
    assert attempt.insights.words == 7  # "My role: I lead a team." and the challenge's "Growth."
    assert attempt.checklist_score == 1.0
    assert (attempt.rating_of(Role.SELF), attempt.rating_of(Role.INTERVIEWER)) == (Rating.GOOD, Rating.EXCELLENT)
    assert attempt.reflection.keep == "structure"
    assert not attempt.weak


def test_drill_picks_weak_questions_due_first_and_says_why() -> None:
    histories = question_histories([finished_record(days=0)])
    picks = drill_picks(histories, now=DAY_ONE + timedelta(hours=12))
    assert [p.question.ask.split()[0] for p in picks] == ["Design", "What"]  # skipped before rated mixed
    assert picks[0].reasons == ("skipped", "not due until 2026-03-03 (last tried less than a day ago): fills the drill")
    assert not any(p.due for p in picks)
    later = drill_picks(histories, now=DAY_ONE + timedelta(days=1, hours=1))
    assert all(p.due for p in later)
    assert later[1].reasons == ("rated mixed", "due: last tried 1 day ago, due 1 day after a weak attempt")


@pytest.mark.parametrize(("days_after", "due"), [(2.9, False), (3.0, True)])
def test_a_question_weak_twice_in_a_row_is_due_after_three_days(days_after: float, due: bool) -> None:
    histories = question_histories([finished_record(days=0), finished_record(days=1)])
    picks = drill_picks(histories, now=DAY_ONE + timedelta(days=1 + days_after))
    skipped = next(p for p in picks if p.question.ask.startswith("Design"))
    assert skipped.weak_in_a_row == 2
    assert skipped.due is due
    assert "weak 2 times in a row" in skipped.reasons


def test_intervals_grow_to_fourteen_days_and_stop_once_answered_well() -> None:
    records = [finished_record(days=day) for day in (0, 1, 4, 11, 25)]
    histories = question_histories(records)
    [skipped] = [p for p in drill_picks(histories, now=DAY_ONE + timedelta(days=38)) if p.question.ask.startswith("Design")]
    assert (skipped.weak_in_a_row, skipped.due) == (5, False)  # due 14 days after day 25
    better = finished_record(days=26)
    rate(better, HASH_MAP, Rating.GOOD)
    picks = drill_picks(question_histories([*records, better]), now=DAY_ONE + timedelta(days=60))
    assert [p.question.ask for p in picks if p.question.ask == HASH_MAP] == []


def test_a_poor_rating_from_the_interviewer_makes_a_question_weak() -> None:
    record = finished_record()
    rate(record, "Tell me", Rating.POOR, Role.INTERVIEWER)
    picks = drill_picks(question_histories([record]), now=DAY_ONE + timedelta(days=2), count=10)
    intro = next(p for p in picks if p.history.key.question == "intro")
    assert intro.reasons[0] == "rated poor"


def test_count_and_pack_limit_the_drill() -> None:
    histories = question_histories([finished_record()])
    assert len(drill_picks(histories, now=DAY_ONE, count=1)) == 1
    assert drill_picks(histories, now=DAY_ONE, pack="other") == []


def test_a_drill_asks_the_packs_current_version_or_the_saved_copy(tmp_path: Path) -> None:
    record = finished_record()
    rate(record, "Tell me", Rating.POOR)
    picks = drill_picks(question_histories([record]), now=DAY_ONE + timedelta(days=2), count=10)
    current = mini_pack()
    warmup = current.rounds[0]
    reworded = replace(warmup.questions[0], ask="Tell me about yourself, in a minute.")
    current = replace(current, rounds=(replace(warmup, questions=(reworded,)),))  # the others are gone
    pack = drill_pack(picks, current, "Mini mock")
    asked = [q.ask.strip() for q in pack.rounds[0].questions]
    assert asked[0] == "Design a cache for a slow service that answers in two seconds."  # the saved copy
    assert "Tell me about yourself, in a minute." in asked  # the pack's current version
    assert pack.name == "mini"
    assert len({q.id for q in pack.rounds[0].questions}) == len(asked)


def test_ids_repeated_across_a_packs_files_are_refused_where_repeated(tmp_path: Path) -> None:
    pack_dir = tmp_path / "p"
    pack_dir.mkdir()
    (pack_dir / "01-a.yaml").write_text("title: A\nquestions:\n  - id: same\n    ask: One?\n    time: 1m\n")
    (pack_dir / "02-b.yaml").write_text(
        "title: B\nquestions:\n  - ask: Other?\n    time: 1m\n  - id: same\n    ask: Two?\n    time: 1m\n"
    )
    pack, broken = load_pack(pack_dir, origin="--rounds")
    assert pack is None
    [problem] = broken
    assert str(problem.first) == (
        f"{pack_dir / '02-b.yaml'}:5:9: questions[1].id: question id 'same' is already used in 01-a.yaml at line 3;"
        " ids are unique within a pack"
    )


def test_ids_by_position_may_repeat_across_files() -> None:
    pack = mini_pack()  # both files have a question without an id, q2 in the first and... q1 in the second
    assert pack.rounds[1].questions[0].explicit_id
    assert not pack.rounds[0].questions[1].explicit_id


def test_a_pair_attempt_with_nothing_noted_is_weak_for_no_notes_not_for_no_answer() -> None:
    solo, pair = finished_record(), finished_record()
    pair.pair = True  # the text is the interviewer's notes
    for record in (solo, pair):
        question(record, "Tell me").answer = ""  # done with nothing typed (or noted)

    def reasons(record: SessionRecord) -> list[str]:
        return [reason for history in question_histories([record]) for a in history.attempts for reason in a.weaknesses()]

    assert "no answer typed" in reasons(solo) and "no notes taken" not in reasons(solo)
    assert "no notes taken" in reasons(pair) and "no answer typed" not in reasons(pair)
