"""Input and TextArea as the editor uses them: no select-all on focus (typing must never
replace a whole field by surprise), soft-wrapped prose, and the app's cursor-blink setting
(off in tests, so snapshots are stable)."""

from __future__ import annotations

from textual.widgets import Input, TextArea


def _blink(widget) -> None:
    widget.cursor_blink = getattr(widget.app, "cursor_blink", True)


class Field(Input):
    def __init__(self, value: str = "", **kwargs) -> None:
        kwargs.setdefault("select_on_focus", False)
        kwargs.setdefault("validate_on", [])  # checked by the editor; no -valid class churn
        super().__init__(value, **kwargs)

    def on_mount(self) -> None:
        _blink(self)


class Prose(TextArea):
    """Soft-wrapped prose; repaints after a resize (a re-wrap alone can leave stale lines)."""

    def __init__(self, text: str = "", **kwargs) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("tab_behavior", "focus")
        kwargs.setdefault("show_line_numbers", False)
        kwargs.setdefault("highlight_cursor_line", False)
        super().__init__(text, **kwargs)

    def on_mount(self) -> None:
        _blink(self)

    def on_resize(self) -> None:
        self.call_after_refresh(self.refresh)
