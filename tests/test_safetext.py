"""printable: the one rule for showing text that came from outside."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mockint.core.safetext import bidi_controls, control_characters, has_unsafe_characters, printable


def test_escape_sequences_become_visible() -> None:
    assert printable("a\x1b[2Jb\x1b]52;c;ZXZpbA==\x07") == "a\\x1b[2Jb\\x1b]52;c;ZXZpbA==\\x07"


def test_c1_controls_and_delete_become_visible() -> None:
    assert printable("\x9b31m\x7f\x85") == "\\x9b31m\\x7f\\x85"


def test_bidi_overrides_become_visible() -> None:
    assert printable("abc\u202edcb\u2066") == "abc\\u202edcb\\u2066"


def test_newline_and_tab_kept_unless_single_line() -> None:
    assert printable("a\tb\nc") == "a\tb\nc"
    assert printable("a\tb\nc", single_line=True) == "a\\x09b\\x0ac"


def test_ordinary_text_is_unchanged() -> None:
    text = "Qu’est-ce que « KOL » ? 你好 — [b]not markup[/b] 🙂"
    assert printable(text) == text


def test_finders_name_what_they_found() -> None:
    assert control_characters("ok\x1bno\x00\n\t") == ["\\x1b", "\\x00"]
    assert bidi_controls("a\u202bb\u2069") == ["\\u202b", "\\u2069"]


@given(st.text())
def test_result_never_holds_a_control_character(text: str) -> None:
    shown = printable(text, single_line=True)
    assert not control_characters(shown)
    assert not bidi_controls(shown)
    assert "\n" not in shown


@given(st.text())
def test_has_unsafe_characters_says_whether_printable_changes_the_text(text: str) -> None:
    assert has_unsafe_characters(text) == (printable(text) != text)
    assert has_unsafe_characters(text) == bool(control_characters(text) or bidi_controls(text))
