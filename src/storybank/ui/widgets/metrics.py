"""One metric in the editor: name, value or before → after, unit; checked as you type."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from storybank.ui import forms
from storybank.ui.widgets import unchanged
from storybank.ui.widgets.fields import Field

FIELDS = ("name", "value", "before", "after", "unit")


class MetricRow(Widget):
    """A metric row. `original` is the metric table it was loaded from (unknown keys included)."""

    class Removed(Message):
        def __init__(self, row: MetricRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, original: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.original = original
        data = original or {}
        self.initial = {
            "name": str(data.get("name", "")),
            "value": forms.number_text(data.get("value")),
            "before": forms.number_text(data.get("before")),
            "after": forms.number_text(data.get("after")),
            "unit": str(data.get("unit", "") or ""),
        }
        self.problem: str | None = None
        # The row's five boxes by name, made here and kept: the form reads every row at each key
        # typed, and a query per box walked the row's widgets each time. Before the row is
        # mounted they hold what it was given.
        values = self.initial
        self._boxes: dict[str, Input] = {
            "name": Field(values["name"], placeholder="what was measured", classes="m-name metric-name",
                          compact=True),
            "value": Field(values["value"], placeholder="value", compact=True, classes="m-value"),
            "before": Field(values["before"], placeholder="before", compact=True, classes="m-before"),
            "after": Field(values["after"], placeholder="after", compact=True, classes="m-after"),
            "unit": Field(values["unit"], placeholder="unit", classes="m-unit metric-unit", compact=True),
        }
        self._message = Static("", classes="metric-message")

    def compose(self) -> ComposeResult:
        box = self._boxes
        yield box["name"]
        with Horizontal(classes="metric-line"):
            yield box["value"]
            yield Static("or", classes="metric-or")
            yield box["before"]
            yield Static("→", classes="arrow")
            yield box["after"]
            yield box["unit"]
            yield Button("✕", classes="remove", tooltip="Remove this metric", compact=True)
        yield self._message

    def on_mount(self) -> None:
        self.validate_row()

    def values(self) -> dict[str, str]:
        return {name: self._boxes[name].value for name in FIELDS}

    @property
    def changed(self) -> bool:
        return self.values() != self.initial

    def data(self) -> tuple[dict[str, Any] | None, str | None]:
        """The metric to save: the original table untouched if nothing changed."""
        if self.original is not None and not self.changed:
            return dict(self.original), None
        v = self.values()
        return forms.metric_data(v["name"], v["value"], v["before"], v["after"], v["unit"],
                                 extra=self.original)

    def validate_row(self) -> str | None:
        data, problem = self.data()
        self.problem = problem
        self.set_class(problem is not None, "-invalid")
        message = self._message
        unchanged.show(message, f"✗ {problem}" if problem else "")   # checked at every key typed
        message.display = problem is not None
        for name in ("value", "before", "after"):
            box = self._boxes[name]
            _, bad = forms.parse_number(box.value)
            box.set_class(bad is not None, "-bad")
        return problem

    @on(Input.Changed)
    def _changed(self) -> None:
        self.validate_row()

    @on(Button.Pressed, ".remove")
    def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Removed(self))
