"""A bordered panel of text that caps its height (in CSS) and scrolls what does not fit.

The question and the challenge are shown in one, so that at the smallest
terminal a long question never pushes the answer box off the screen.
"""

from __future__ import annotations

from textual.containers import VerticalScroll


class ScrollingPanel(VerticalScroll):
    """Focus stays in the answer box when the panel is clicked (the mouse wheel scrolls it anyway);
    tab reaches the panel only while part of its text is hidden, so the keyboard can scroll it too."""

    FOCUS_ON_CLICK = False

    def allow_focus(self) -> bool:
        return self.allow_vertical_scroll
