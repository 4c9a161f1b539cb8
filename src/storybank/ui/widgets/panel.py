"""A box of text that may not fit its space: a Tab stop that scrolls with the arrow, page and
home/end keys, and shows focus by its accent edge (see app.tcss)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from storybank.ui.widgets import unchanged


class TextPanel(VerticalScroll, can_focus=True):
    def compose(self) -> ComposeResult:
        yield Static(classes="panel-body")

    def update(self, content: Content | str) -> None:
        unchanged.show(self.query_one(".panel-body", Static), content)
