"""Checkboxes, radio buttons and selection lists whose state reads without colour.

Textual draws the same glyph for on and off (`▐X▌`, `▐●▌`) and shows the
state only by colour, which is lost on monochrome terminals, to colour-blind
eyes and in plain-text screenshots. These draw a different glyph for each state.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import SelectionType

from mockint.ui.widgets.plain import plain

CHECKBOX_ON, CHECKBOX_OFF = "X", " "
RADIO_ON, RADIO_OFF = "●", "○"


class _StateGlyph:
    """Mixin for a ToggleButton: the button's inner glyph follows `value`.

    ToggleButton._button reads `self.BUTTON_INNER`; a property here answers that
    read per state, so the rest of Textual's drawing (sides, styles) is reused.
    """

    GLYPH_ON: ClassVar[str]
    GLYPH_OFF: ClassVar[str]
    value: bool

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 - the name ToggleButton reads
        return self.GLYPH_ON if self.value else self.GLYPH_OFF


class TickBox(_StateGlyph, Checkbox):
    """A Checkbox showing `X` when ticked and an empty box when not."""

    GLYPH_ON, GLYPH_OFF = CHECKBOX_ON, CHECKBOX_OFF


class ChoiceButton(_StateGlyph, RadioButton):
    """A RadioButton showing `●` when chosen and `○` when not."""

    GLYPH_ON, GLYPH_OFF = RADIO_ON, RADIO_OFF


class WrappingTickBox(TickBox):
    """A TickBox whose label wraps, continuation lines hanging under the label's text.

    The label is plain text (never markup): checklist items come from round files.
    Give it `width: 1fr; height: auto` in CSS.
    """

    def __init__(self, label: str, value: bool = False, *, compact: bool = False) -> None:
        super().__init__(plain(label), value, compact=compact)

    def _make_label(self, label: object) -> Content:
        # ToggleButton keeps only the first line of a label; keep it all, as one paragraph.
        text = label.plain if isinstance(label, Content) else str(label)
        return plain(" ".join(text.split()))

    def _lines(self, width: int) -> list[Content]:
        button = self._button
        indent = button.cell_length
        label_style = self.get_visual_style("toggle--label")
        # One cell of padding each side of the label, as ToggleButton draws it.
        wrapped = self._label.wrap(max(1, width - indent - 2)) or [Content("")]
        lines = []
        for number, line in enumerate(wrapped):
            lead = button if number == 0 else Content(" " * indent)
            lines.append(Content.assemble(lead, line.pad(1, 1).stylize_before(label_style)))
        return lines

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.content_size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))


class TickSelectionList(SelectionList[SelectionType]):
    """A SelectionList whose boxes show `X` when selected and stay empty when not.

    SelectionList.render_line draws each box as [side, `X`, side, space, prompt...]
    for every option; this swaps the middle glyph for one that says the state.
    """

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        segments = list(line)
        glyph = CHECKBOX_ON if selection.value in self.selected else CHECKBOX_OFF
        box = segments[1]
        segments[1] = Segment(glyph, box.style, box.control)
        return Strip(segments, line.cell_length)
