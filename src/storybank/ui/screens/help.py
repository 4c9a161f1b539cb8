"""Every key of every screen, from the same declarations as the footer and the palette."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from storybank.ui import bindings
from storybank.ui.mounting import ClosesOnce, while_shown
from storybank.ui.widgets import report_view as rv
from storybank.ui.widgets.keys import KeysFooter

if TYPE_CHECKING:  # pragma: no cover
    from textual.binding import Binding

    from storybank.ui.app import StorybankApp

NAMES = {"question_mark": "?", "slash": "/", "escape": "esc", "space": "space", "enter": "enter"}


def key_text(key: str) -> str:
    """Keys spelled out for reading: `enter / space`, `ctrl+s`, `?`."""
    keys = [k.strip() for k in key.split(",") if k.strip()]
    return " / ".join(dict.fromkeys(NAMES.get(k, k) for k in keys))


class HelpScreen(ClosesOnce[None]):
    app: StorybankApp
    BINDINGS = [*bindings.HELP]
    HELP = "Every key of every screen."

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help-body"):
            yield Static(id="help-text")
        yield KeysFooter()

    @while_shown
    def on_mount(self) -> None:
        self.title = "Keys"
        self.query_one("#help-body").focus()

    @while_shown
    def on_resize(self) -> None:
        self.call_after_refresh(self._render_text)

    @while_shown
    def _render_text(self) -> None:
        width = self.query_one("#help-text").size.width
        if width:
            self.query_one("#help-text", Static).update(self._text(width))

    def _text(self, width: int) -> Content:
        lines: list[Content] = []
        for section, declared in bindings.SECTIONS:
            lines.append(rv.heading(section))
            # One line per key: the drill's enter/space starts, finishes or moves on by phase.
            by_key: dict[str, list[Binding]] = {}
            for binding in declared:
                if binding.description:
                    by_key.setdefault(key_text(binding.key), []).append(binding)
            for keys, same in by_key.items():
                names = list(dict.fromkeys(b.description for b in same))
                sentences = [b.tooltip for b in same if b.tooltip]
                sentence = sentences[0] if len(names) == 1 and sentences else ""
                text = Content.assemble(" · ".join(names), (f" · {sentence}" if sentence else "", rv.MUTED))
                lines.extend(rv.item(Content.assemble("  ", (f"{keys:<24}", "bold")), text, width))
            for keys, description in bindings.EXTRA_HELP.get(section, []):
                lines.extend(rv.item(Content.assemble("  ", (f"{keys:<24}", "bold")), description, width))
            lines.append(Content(""))
        state = self.app.state
        catalog = state.catalog
        if catalog is not None:
            lines.append(rv.heading("Question types"))
            lines.append(Content.styled("  in the list   name                    in story files", rv.MUTED))
            for q in catalog.questions:
                lines.append(Content.assemble("  ", (f"{state.tag(q.id):<14}", "bold"), f"{q.label:<24}",
                                              (f"questions = [\"{q.id}\"]", rv.MUTED)))
            lines.append(Content(""))
        lines.append(Content.styled("The footer shows the keys of the screen you are on; ctrl+p finds any of "
                                    "them by name.", rv.MUTED))
        return Content("\n").join(lines)

    def action_close(self) -> None:
        self.dismiss()
