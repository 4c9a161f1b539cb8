"""The footer: the current screen's keys on one line.

Textual's Footer mounts a widget per key and rebuilds them on every focus change; on the editor
that costs more than the keystroke itself. This one draws a single line from the screen's active
bindings (the same declarations the palette and the help use) and repaints when they change.
Keys are clickable, like Textual's.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.events import Click
from textual.widget import Widget


class KeysFooter(Widget, can_focus=False):
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, str, object]] = []  # (start, end, action, namespace)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        self.refresh()

    def _entries(self) -> list[tuple[str, str, bool, str, object]]:
        seen: set[str] = set()
        out = []
        palette = self.app.COMMAND_PALETTE_BINDING
        for key, (node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if not binding.show or key == palette or binding.action in seen:
                continue
            seen.add(binding.action)
            out.append((self.app.get_key_display(binding), binding.description, enabled, binding.action, node))
        return out

    def render(self) -> Content:
        entries = self._entries()
        # Too many keys for the width (the bank screen at 80 columns): drop the space between
        # each key and its name, as Textual's own compact footer does, so every key stays shown.
        gap = " "
        if sum(len(d) + len(t) + 2 for d, t, *_ in entries) > self.size.width:
            gap = ""
        parts: list = []
        self._spans = []
        x = 0
        for display, description, enabled, action, node in entries:
            key_style = "bold $footer-key-foreground" if enabled else "$text-disabled"
            text_style = "$footer-description-foreground" if enabled else "$text-disabled"
            piece = Content.assemble((display, key_style), gap, (description, text_style), " ")
            self._spans.append((x, x + piece.cell_length - 1, action, node))
            x += piece.cell_length
            parts.append(piece)
        line = Content("").join(parts)
        if self.app.ENABLE_COMMAND_PALETTE:
            palette = self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, ""))
            tail = Content.assemble(("▏", "$foreground 20%"), (palette, "bold $footer-key-foreground"), " palette")
            room = self.size.width - tail.cell_length
            if line.cell_length <= room:
                line = line.pad_right(room - line.cell_length) + tail
                self._spans.append((room, self.size.width, "command_palette", self.app))
        return line

    async def on_click(self, event: Click) -> None:
        for start, end, action, node in self._spans:
            if start <= event.x < end:
                await self.app.run_action(action, node)
                return
