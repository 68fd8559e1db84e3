"""The journal, pure: which steps it keeps and when, that it replays to the live session, that it grows
with what is typed, and what is recovered from a damaged one. Time is a FakeClock throughout."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockint.core import codec
from mockint.core.clock import FakeClock
from mockint.core.ratings import Rating
from mockint.session.commands import (
    BeginRound, ChooseInForm, Done, EditDraft, EditForm, Start, SubmitAssessment, Tick,
)
from mockint.session.engine import SessionEngine
from mockint.session.record import NOTE_LINE, FormChoices, Mode, Reflection, Role, SESSION_FORMAT
from mockint.session.setup import SessionOptions
from mockint.session.state import Answering, Phase
from mockint.storage.journal import (
    JOURNAL_FORMAT,
    SAVE_EVERY,
    JournalError,
    JournalKeeper,
    header_line,
    read_journal,
    replay,
)
from support.packs import make_pack, mini_pack
from support.sessions import Run, actions, modes


class Kept:
    """The lines a keeper gives for an engine's steps, as the autosave writes them."""

    def __init__(self, engine: SessionEngine) -> None:
        self.lines = [header_line(engine.record)]
        self.keeper = JournalKeeper(engine)
        engine.on_step = lambda step: self.lines.extend(self.keeper.lines_for(step))

    def data(self, closed: bool = True) -> bytes:
        """The journal's bytes: after a clean exit (everything held back written), or as a kill -9 leaves it."""
        lines = self.lines + (self.keeper.unsaved_lines() if closed else [])
        return b"".join(line + b"\n" for line in lines)


def kept_run(pack=None, options: SessionOptions | None = None) -> tuple[Run, Kept]:
    holder: list[Kept] = []
    run = Run(pack or mini_pack(), options or SessionOptions(), before_start=lambda engine: holder.append(Kept(engine)))
    return run, holder[0]


def typing_run() -> tuple[Run, Kept]:
    run, kept = kept_run()
    run.apply(BeginRound())
    return run, kept


def type_slowly(run: Run, text: str, every: float = 0.1, tick_every: int = 3) -> None:
    """Type `text` a character at a time, with the screen's ticks in between."""
    for index in range(len(text)):
        run.clock.advance(every)
        run.apply(EditDraft.between(run.engine.draft or "", text[: index + 1]))
        if index % tick_every == 0:
            run.apply(Tick())


# -- it replays to the live session ----------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(mode_and_pair=modes(), steps=actions, quit_at_end=...)
def test_the_journal_of_any_run_replays_to_the_live_state_and_record(mode_and_pair, steps, quit_at_end: bool) -> None:
    mode, pair = mode_and_pair
    holder: list[Kept] = []
    run = Run(make_pack(), SessionOptions(mode=mode, pair=pair), before_start=lambda e: holder.append(Kept(e)))
    run.drive(steps, quit_at_end)
    journal = read_journal(holder[0].data())
    assert journal.warnings == []
    restored = replay(journal, FakeClock())
    assert restored.state == run.engine.state
    assert restored.record == run.engine.record


def test_done_with_its_text_keeps_the_answer_without_writing_it_twice() -> None:
    run, kept = typing_run()
    answer = "A long answer about ownership. " * 20
    run.apply(EditDraft.between("", answer[:-10]))
    run.apply(Done(answer))
    data = kept.data()
    assert data.count(b"A long answer") == 20
    restored = replay(read_journal(data), FakeClock())
    assert restored.record.rounds[0].questions[0].answer == answer


def test_ticks_that_change_nothing_are_left_out_but_time_is_kept_every_second() -> None:
    run, kept = typing_run()
    for _ in range(40):
        run.clock.advance(0.25)
        run.apply(Tick())
    written_ticks = [line for line in kept.lines if b'"tick"' in line]
    assert 8 <= len(written_ticks) <= 11
    restored = replay(read_journal(kept.data(closed=False)), FakeClock())
    assert isinstance(restored.state, Answering)
    assert restored.state.clock.used_at(restored.offset()) >= 10.0 - SAVE_EVERY


# -- typing: saved within the second, linear in what is typed ----------------------------


def test_after_a_kill_only_the_last_second_of_typing_is_missing() -> None:
    run, kept = typing_run()
    text = "I would start by asking who the users are, then measure retention. "
    type_slowly(run, text)
    restored = replay(read_journal(kept.data(closed=False)), FakeClock())
    saved = restored.record.rounds[0].questions[0].answer
    typed_per_second = 10
    assert text.startswith(saved)
    assert len(saved) >= len(text) - 2 * typed_per_second


def test_the_journal_grows_with_what_is_typed_not_with_its_square() -> None:
    run, kept = typing_run()
    text = "word " * 1000
    type_slowly(run, text, every=0.05)
    size = len(kept.data())
    assert size < 3 * len(text) + 120 * len(kept.lines)
    assert len(kept.lines) < len(text) / 5


def type_into_form(run: Run, role: Role, field: str, text: str, every: float = 0.1, tick_every: int = 3) -> None:
    """Type `text` into a form's field a character at a time, with the screen's ticks in between."""
    for index in range(len(text)):
        run.clock.advance(every)
        old = run.engine.record.form_drafts.get(role, {}).get(field, "")
        run.apply(EditForm.between(role, field, old, text[: index + 1]))
        if index % tick_every == 0:
            run.apply(Tick())


def assessing_run(pair: bool = False) -> tuple[Run, Kept]:
    run, kept = kept_run(options=SessionOptions(pair=pair))
    while run.engine.phase is not Phase.ASSESSMENT:
        run.act("next", None)
    return run, kept


def test_after_a_kill_a_half_written_reflection_misses_only_its_last_second() -> None:
    run, kept = assessing_run()
    text = "Keep opening with the metric that matters, then the trade-off. "
    type_into_form(run, Role.SELF, "keep", text)
    restored = replay(read_journal(kept.data(closed=False)), FakeClock())
    saved = restored.record.form_drafts[Role.SELF]["keep"]
    assert restored.phase is Phase.ASSESSMENT
    assert text.startswith(saved) and len(saved) >= len(text) - 2 * 10  # ten characters a second
    resumed = replay(read_journal(kept.data(closed=True)), FakeClock())
    assert resumed.record.form_drafts[Role.SELF]["keep"] == text  # a clean exit writes what was held back


def test_after_a_kill_the_partners_note_line_and_scorecard_lines_are_kept() -> None:
    run, kept = kept_run(options=SessionOptions(pair=True))
    run.apply(BeginRound())
    type_into_form(run, Role.INTERVIEWER, NOTE_LINE, "asks who the users are")
    run.clock.advance(1.5)
    run.apply(Tick())
    restored = replay(read_journal(kept.data(closed=False)), FakeClock())
    assert restored.record.form_drafts == {Role.INTERVIEWER: {NOTE_LINE: "asks who the users are"}}
    while run.engine.phase is not Phase.ASSESSMENT:
        run.act("next", None)
    run.apply(SubmitAssessment(reflection=Reflection(keep="numbers")))
    type_into_form(run, Role.INTERVIEWER, "change", "name the trade-off first")
    run.clock.advance(1.5)
    run.apply(Tick())
    restored = replay(read_journal(kept.data(closed=False)), FakeClock())
    assert restored.record.form_drafts[Role.INTERVIEWER]["change"] == "name the trade-off first"
    assert restored.record == run.engine.record


def test_ratings_and_ticks_chosen_and_not_handed_in_are_in_the_journal_at_once() -> None:
    """Each role's choices replay from a journal cut at the kill (no second has to pass), and go once handed in."""
    run, kept = assessing_run(pair=True)
    [first, second] = [q.question_id for q in run.engine.interviewer_view().round.questions]
    own = FormChoices(ratings={first: Rating.GOOD}, question_checks={first: frozenset({"Mentioned a concrete result"})},
                      round_checks=frozenset({"Introduced yourself in under a minute"}))  # fmt: skip
    scorecard = FormChoices(ratings={first: Rating.POOR, second: Rating.NO_EVIDENCE})
    run.apply(ChooseInForm(Role.SELF, own))
    run.apply(ChooseInForm(Role.INTERVIEWER, scorecard))
    restored = replay(read_journal(kept.data(closed=False)), FakeClock())
    assert restored.record.form_choices == {Role.SELF: own, Role.INTERVIEWER: scorecard}
    assert restored.record == run.engine.record
    run.apply(SubmitAssessment(ratings={first: Rating.GOOD}))
    restored = replay(read_journal(kept.data(closed=False)), FakeClock())
    assert restored.record.form_choices == {Role.INTERVIEWER: scorecard}


def test_a_long_reflection_grows_the_journal_with_what_is_typed_not_with_its_square() -> None:
    run, kept = assessing_run()
    text = "word " * 400
    type_into_form(run, Role.SELF, "start", text, every=0.05)
    run.apply(SubmitAssessment(reflection=Reflection(start=text)))
    data = kept.data()
    steps = len(data) - len(kept.lines[0])  # the steps, after the header's copy of the record
    assert steps < 3 * len(text) + 150 * len(kept.lines)  # the text once typed, once submitted, and each line's frame
    assert len(kept.lines) < len(text) / 5
    restored = replay(read_journal(data), FakeClock())
    assert restored.record == run.engine.record and restored.record.form_drafts == {}


def test_an_exit_writes_the_typing_held_back() -> None:
    run, kept = typing_run()
    run.apply(EditDraft.between("", "just typed"))
    assert not any(b"just typed" in line for line in kept.lines)
    restored = replay(read_journal(kept.data(closed=True)), FakeClock())
    assert restored.record.rounds[0].questions[0].answer == "just typed"


def test_a_resumed_run_keeps_the_remaining_time_it_had() -> None:
    run, kept = typing_run()
    run.clock.advance(30)
    run.apply(EditDraft.between("", "halfway"))
    run.apply(Tick())
    before = run.engine.interviewer_view().position.clock
    clock = FakeClock(start=50_000.0)
    restored = replay(read_journal(kept.data()), clock)
    clock.advance(0)  # hours later, on another clock: the time away does not count
    after = restored.interviewer_view().position.clock
    assert before is not None and after is not None
    assert after.remaining == pytest.approx(before.remaining)


# -- damage ----------------------------------------------------------------------------


def finished_journal() -> bytes:
    run, kept = typing_run()
    type_slowly(run, "one two three four five six", every=0.3)
    run.apply(Done())
    return kept.data()


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(min_value=0, max_value=10_000))
def test_a_journal_cut_off_anywhere_after_its_header_recovers_what_came_before(cut: int) -> None:
    data = finished_journal()
    header_end = data.index(b"\n") + 1
    cut = header_end + cut % (len(data) - header_end)
    journal = read_journal(data[:cut])
    whole_lines = data[:cut].count(b"\n") - 1
    assert len(journal.steps) == whole_lines
    assert bool(journal.warnings) == (not data[:cut].endswith(b"\n"))
    assert all("cut off" in warning for warning in journal.warnings)
    replay(journal, FakeClock())


def test_a_damaged_line_ends_the_journal_there_with_a_warning() -> None:
    lines = finished_journal().split(b"\n")
    lines[3] = lines[3][:5] + b"\x00garbage" + lines[3][5:]
    journal = read_journal(b"\n".join(lines), name="j.journal")
    assert len(journal.steps) == 2
    assert journal.warnings == [journal.warnings[0]]
    assert journal.warnings[0].startswith("j.journal: line 4 is damaged")
    assert journal.warnings[0].endswith("kept up to line 3")
    assert len(journal.good_lines) == 3


def test_a_step_that_does_not_replay_ends_the_journal_before_it() -> None:
    lines = finished_journal().split(b"\n")
    bad = codec.encode(codec.decode(lines[2], object) | {"command": {"kind": "continue"}})
    lines.insert(3, bad)
    journal = read_journal(b"\n".join(lines))
    engine = replay(journal, FakeClock())
    assert len(journal.steps) == 2 and len(journal.good_lines) == 3
    assert "step 3 of the journal does not replay" in journal.warnings[0]
    assert engine.phase.value == "answering"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b'{"format": "mockint.jour', "damaged first line"),
        (b'{"format": "something else/1"}\n', "not a mockint journal"),
        (b'{"format": "mockint.journal/2", "future": true}\n', "saved by a newer mockint (mockint.journal/2)"),
    ],
)
def test_a_journal_that_cannot_be_resumed_says_why(data: bytes, message: str) -> None:
    with pytest.raises(JournalError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_journal(data)


def test_a_record_of_a_newer_format_inside_the_journal_is_refused() -> None:
    engine = SessionEngine.new(mini_pack(), SessionOptions(mode=Mode.PRESSURE), FakeClock())
    header = header_line(engine.record).replace(SESSION_FORMAT.encode(), b"mockint.session/9")
    with pytest.raises(JournalError, match="newer mockint"):
        read_journal(header + b"\n")


def test_the_header_names_the_session_and_the_format() -> None:
    engine = SessionEngine.new(mini_pack(), SessionOptions(), FakeClock())
    engine.apply(Start())
    header = read_journal(header_line(engine.record) + b"\n").header
    assert header.format == JOURNAL_FORMAT
    assert header.session == engine.record.id
    assert [r.round_id for r in header.record.rounds] == [r.round_id for r in engine.record.rounds]
