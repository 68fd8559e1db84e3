"""The one way the UI shows text that came from outside mockint.

`plain` never parses markup (a stray `[/]` in a pack title cannot crash a
screen, and `[@click=...]` cannot run an action) and passes the text through
`mockint.core.safetext.printable`, so no control character reaches the terminal.
Use it for every pack string, file name, path and typed text given to a
widget, a border title, a notification or an option.
"""

from __future__ import annotations

from textual.content import Content

from mockint.core.safetext import printable


def plain(text: object, *, single_line: bool = False) -> Content:
    """`text` as Content: no markup, controls shown as visible escapes."""
    return Content(printable(str(text), single_line=single_line))
