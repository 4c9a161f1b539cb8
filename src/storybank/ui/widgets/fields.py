"""Input and TextArea as the editor uses them: no select-all on focus (typing must never
replace a whole field by surprise), soft-wrapped prose, and the app's cursor-blink setting
(off in tests, so snapshots are stable)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.widgets import Input, TextArea

if TYPE_CHECKING:  # pragma: no cover
    from storybank.ui.app import StorybankApp


def _blink(widget: Field | Prose) -> None:
    widget.cursor_blink = widget.app.cursor_blink


class Field(Input):
    app: StorybankApp

    def __init__(self, value: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        kwargs.setdefault("validate_on", [])  # checked by the editor; no -valid class churn
        super().__init__(value, **kwargs)

    def on_mount(self) -> None:
        _blink(self)


class Prose(TextArea):
    """Soft-wrapped prose; repaints after a resize (a re-wrap alone can leave stale lines)."""

    app: StorybankApp

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("tab_behavior", "focus")
        kwargs.setdefault("show_line_numbers", False)
        kwargs.setdefault("highlight_cursor_line", False)
        super().__init__(text, **kwargs)

    def on_mount(self) -> None:
        _blink(self)

    def on_resize(self) -> None:
        self.call_after_refresh(self.refresh)


class TitleField(Prose):
    """A one-line value that wraps to show all of itself: a long title shows its start as well
    as its end, where the cursor is. Enter moves on instead of breaking the line, and pasted
    line breaks become spaces. `value` and `cursor_position` read like an Input's."""

    @property
    def value(self) -> str:
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        self.text = " ".join(text.splitlines())

    @property
    def cursor_position(self) -> int:
        return self.cursor_location[1]

    @cursor_position.setter
    def cursor_position(self, column: int) -> None:
        self.cursor_location = (0, column)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.screen.focus_next()
            return
        await super()._on_key(event)

    async def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        self.insert(" ".join(event.text.splitlines()))
