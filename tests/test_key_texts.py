"""The keys that headings, prompts and hints name come from their commands' declarations (mockint.ui.user_commands),
so that binding a command to another key changes what the screens say too.

Two checks: a scan of the UI's source for a declared key spelled out by hand in a text, and texts drawn with
commands rebound, which must name the new keys.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from mockint.core.clock import FakeClock
from mockint.session.commands import BeginRound, Start
from mockint.session.engine import SessionEngine
from mockint.session.record import QuestionRecord
from mockint.session.setup import SessionOptions
from mockint.session.views import InterviewerView
from mockint.ui import user_commands
from mockint.ui.screens.pair import console_keys
from mockint.ui.screens.summary import pair_text
from mockint.ui.widgets.pair_console import elapsed_text, kit_text, notes_text
from support.marked import marked_pack

PACKAGE = Path(__file__).parent.parent / "mockint" / "ui"
DECLARING = {"user_commands.py", "keys.py"}
"""Where keys are declared: the only files that may spell them."""
NOT_DECLARED = {"enter", "escape", "space", "tab", "shift+tab"}
"""Keys of Textual's own widgets (an Input files its line with enter, a radio set picks with space, the app moves
the focus with tab) that some commands are bound to as well: a text may name them for the widget's sake."""
WORDS = {"a"}
"""Declared keys that are also words: `a question` is no key."""
DIGITS = r"\b\d ?[-–…] ?\d\b"
"""The numbered keys (ticks, ratings) are named as a range, `1-9`: a lone digit is a number in prose."""
VERBS = "starts|poses|skips|files|exports|swaps|opens|closes|leaves|pauses|resumes|goes|picks|ticks|counts|shows|ends"


def declared_keys() -> set[str]:
    keys = {key for command in user_commands.ALL for key in command.keys.split(",") if key}
    return {key for key in keys - NOT_DECLARED - WORDS if not key.isdigit()}


def key_spelling(keys: set[str]) -> re.Pattern[str]:
    """Where a text names a key: `Hint (h)`, `(p poses`, `, x skips`, `n: note`, `press e`, `e exports`, `1-9`."""
    key = "(?:" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) + ")"
    shapes = (
        rf"\({key}[) ]",
        rf"(?:^|, ){key} [a-z]",
        rf"(?:^|[\s(·]){key}: ",
        rf"[Pp]ress {key}\b",
        rf"(?:^|\s){key} (?:{VERBS})\b",
        DIGITS,
    )
    return re.compile("|".join(f"(?:{shape})" for shape in shapes))


def hand_spelled(source: str, pattern: re.Pattern[str]) -> list[tuple[int, str]]:
    """The string literals (and literal parts of f-strings) of `source` that name a key, docstrings left out."""
    tree = ast.parse(source)
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        and "DEFAULT_CSS" not in source.splitlines()[node.lineno - 1]
        and pattern.search(node.value)
    ]  # fmt: skip


def test_the_scan_finds_the_shapes_a_hand_spelled_key_takes() -> None:
    pattern = key_spelling(declared_keys())
    spelled = [
        "Hint (h)", "Challenges (p poses the next", "Counts (f filler, r rambling)", "n: note what they say",
        "ctrl+s: start", "Saved · e exports a transcript",
        "s swaps the roles", "Drill · ctrl+s starts a round", "Listen for (1-9 ticks)", "press 1–5 anywhere",
    ]  # fmt: skip
    assert [text for text in spelled if not pattern.search(text)] == []
    prose = ["Which metrics do you track?", "(a question left out)", "Round 1: the basics", "Rating over time"]
    assert [text for text in prose if pattern.search(text)] == []


def test_no_text_of_the_ui_spells_a_declared_key_by_hand() -> None:
    pattern = key_spelling(declared_keys())
    found = [
        f"{path.relative_to(PACKAGE)}:{line}: {text!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name not in DECLARING
        for line, text in hand_spelled(path.read_text(encoding="utf-8"), pattern)
    ]
    assert found == [], "take these keys from their commands (first_key, key_names, listed_keys):\n" + "\n".join(found)


# -- texts drawn with commands rebound ---------------------------------------------------------


@pytest.fixture
def console() -> InterviewerView:
    """A pair run's console on its first question, which has a hint and challenges."""
    engine = SessionEngine.new(marked_pack(), SessionOptions(pair=True), FakeClock())
    engine.apply(Start())
    engine.apply(BeginRound())
    return engine.interviewer_view()


def rebind(monkeypatch: pytest.MonkeyPatch, name: str, keys: str) -> None:
    command = getattr(user_commands, name)
    if isinstance(command, tuple):  # the numbered keys: each moved on by `keys`'s first
        shifted = tuple(replace(c, keys=str(int(c.keys) - 1 + int(keys))) for c in command)
        monkeypatch.setattr(user_commands, name, shifted)
    else:
        monkeypatch.setattr(user_commands, name, replace(command, keys=keys))


def question_of(view: InterviewerView) -> QuestionRecord:
    assert view.question is not None
    return view.question


REBOUND: list[tuple[dict[str, str], Callable[[InterviewerView], object], str]] = [
    ({"GIVE_HINT": "g,h"}, kit_text, "Hint (g)"),
    ({"POSE": "o", "SKIP_CHALLENGE": "z"}, kit_text, "Challenges (o poses the next, z skips a conditional one)"),
    ({"FILLER": "u", "RAMBLING": "w"}, kit_text, "Counts (u filler, w rambling)"),
    ({"HEARD": "0"}, kit_text, "Listen for (0-8 ticks)"),
    ({"NOTE": "j"}, lambda view: notes_text(question_of(view)), "No notes yet: j starts a line"),
    ({"PAUSE": "f9", "ADD_MINUTE": "plus"}, lambda view: elapsed_text(view, question_of(view)), "f9 pause, plus +1 min"),
    ({"CLOSE_NOTE": "ctrl+l"}, lambda view: console_keys(False), "ctrl+l leaves it"),
    ({"HEARD": "0"}, lambda view: console_keys(False), "('0 … 8', "),
    ({"SWAP_ROLES": "w"}, lambda view: pair_text(view.record), "w swaps the roles"),
]


@pytest.mark.parametrize(("keys", "drawn", "expected"), REBOUND)
def test_a_text_names_the_key_its_command_is_bound_to(
    keys: dict[str, str], drawn: Callable[[InterviewerView], object], expected: str, console: InterviewerView,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = str(drawn(console))
    for name, new in keys.items():
        rebind(monkeypatch, name, new)
    after = str(drawn(console))
    assert expected in after and expected not in before
