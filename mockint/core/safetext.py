"""Text from outside (packs, file names, paths, typed text) made safe to show.

Everything mockint displays or exports that it did not write itself passes
through `printable`: control characters would otherwise reach the terminal
(ESC starts sequences that clear the screen, retitle the window or write the
clipboard) and bidirectional overrides would reorder what a reader sees. They
are shown as visible escapes instead (`\\x1b`, `\\u202e`), so nothing is lost
silently and the reader can see what the file holds.

Markup is the UI's half of the same rule: the Textual layer wraps this in
`mockint.ui.widgets.plain.plain`, which never parses markup.

Pure module: no textual import.
"""

from __future__ import annotations

import re

# Controls other than newline and tab: C0, DEL and C1.
CONTROL_CODES = tuple(code for code in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)) if code not in (0x09, 0x0A))
# Embeddings, overrides and isolates: they reorder the text around them.
BIDI_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_MULTI_LINE = str.maketrans({code: _escape(code) for code in (*CONTROL_CODES, *BIDI_CONTROLS)})
_SINGLE_LINE = str.maketrans({code: _escape(code) for code in (*CONTROL_CODES, 0x09, 0x0A, *BIDI_CONTROLS)})


def printable(text: str, *, single_line: bool = False) -> str:
    """`text` with control characters and bidi controls shown as visible escapes.

    Newlines and tabs are kept unless `single_line` (file names, paths and
    one-line messages, where a newline could forge a second line).
    """
    return text.translate(_SINGLE_LINE if single_line else _MULTI_LINE)


def one_line(text: object) -> str:
    """A name, path or error from outside as one printable line, for messages."""
    return printable(str(text), single_line=True)


def quoted(text: str) -> str:
    """`text` quoted as Python writes it, on one printable line: a name the user gave, in a message."""
    return printable(repr(text), single_line=True)


def has_unsafe_characters(text: str) -> bool:
    """Whether `text` holds a control character other than newline and tab, or a bidi control."""
    return _UNSAFE.search(text) is not None


def control_characters(text: str) -> list[str]:
    """The control characters in `text` other than newline and tab, as visible escapes."""
    return [_escape(ord(char)) for char in text if ord(char) in _CONTROL_SET]


def bidi_controls(text: str) -> list[str]:
    """The bidirectional embedding, override and isolate characters in `text`, as escapes."""
    return [_escape(ord(char)) for char in text if ord(char) in _BIDI_SET]


_UNSAFE = re.compile("[" + "".join(f"\\u{code:04x}" for code in (*CONTROL_CODES, *BIDI_CONTROLS)) + "]")
_CONTROL_SET = frozenset(CONTROL_CODES)
_BIDI_SET = frozenset(BIDI_CONTROLS)
