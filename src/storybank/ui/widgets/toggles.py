"""Check boxes and radio buttons whose state reads without colour: a mark when on, a blank when
off (Textual's draw the same glyph both ways and tell them apart by colour alone)."""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import RadioButton, SelectionList
from textual.widgets._toggle_button import ToggleButton

ON, OFF = "✓", " "


class CheckList(SelectionList[str]):
    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        for i, segment in enumerate(segments):
            meta = segment.style.meta if segment.style else {}
            if segment.text == ToggleButton.BUTTON_INNER and "option" in meta:
                value = self.get_option_at_index(meta["option"]).value
                segments[i] = Segment(ON if value in self._selected else OFF, segment.style)
                return Strip(segments, strip.cell_length)
        return strip


class Radio(RadioButton):
    # Textual declares the glyph a class attribute and reads it as `self.BUTTON_INNER` when it
    # draws: a read-only property makes it follow the value (nothing ever assigns it).
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's name
        return "●" if self.value else " "
