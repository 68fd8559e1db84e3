"""The interview's keys, in one place so bindings, prompts and banners agree.

Chosen to survive real terminals: ctrl+h is backspace in many of them, ctrl+z
suspends the process on Unix, ctrl+enter rarely reaches the app, ctrl+s can
freeze output (XON/XOFF) and ctrl+p opens the command palette. Each action
also has a function key, for terminals or muscle memory that prefer them. The
answer box's own f6/f7 (select line/all) are left alone; ctrl+d (delete right)
and ctrl+k (delete to line end) are taken: delete and ctrl+shift+k still do those.
"""

from __future__ import annotations

DONE = "ctrl+d,f5"
SKIP = "ctrl+k,f8"
HINT = "ctrl+t,f2"
PAUSE = "f4,ctrl+o"
QUIT = "escape,ctrl+q"
BEGIN = "enter,space"
CONTINUE = f"enter,{DONE}"
"""Going on from a question's review: enter, or done as everywhere else (the review has nothing else to finish)."""
AFTER_REVEAL = "enter,space"
"""Going on from the reference answers: a page to read, like a round's intro, with no box to type in."""


def first_key(keys: str) -> str:
    """The key a prompt names: the first of a binding's comma-separated keys."""
    return keys.split(",")[0]


def key_names(keys: str) -> str:
    """Every key of a binding, for a prompt: `enter or space`."""
    return " or ".join(keys.split(","))


def listed_keys(keys: str) -> str:
    """Every key of a binding, for a key reference's column: `f1 / ?`."""
    return " / ".join("?" if key == "question_mark" else key for key in keys.split(","))
