"""The footer: the current screen's keys, on one line (two when they do not fit in one).

Textual's Footer mounts a widget per key and rebuilds them on every focus change; on the editor
that costs more than the keystroke itself. This one draws a single line from the screen's active
bindings (the same declarations the palette and the help use) and repaints when they change.
Keys are clickable, like Textual's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.events import Click
from textual.widget import Widget

if TYPE_CHECKING:  # pragma: no cover
    from textual.dom import DOMNode
    from textual.screen import Screen

# A key on the footer: (its display, its name, enabled, its action, the node it runs on).
Entry = tuple[str, str, bool, str, "DOMNode"]


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
        self._spans: list[tuple[int, int, int, str, DOMNode]] = []  # (row, start, end, action, namespace)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self._fit()
        self.refresh()

    def on_resize(self) -> None:
        self._fit()

    def _entries(self) -> list[Entry]:
        seen: set[str] = set()
        out: list[Entry] = []
        palette = self.app.COMMAND_PALETTE_BINDING
        for key, (node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if not binding.show or key == palette or binding.action in seen:
                continue
            seen.add(binding.action)
            out.append((self.app.get_key_display(binding), binding.description, enabled, binding.action, node))
        return out

    def _tail(self) -> Content | None:
        if not self.app.ENABLE_COMMAND_PALETTE:
            return None
        palette = self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, ""))
        return Content.assemble(("▏", "$foreground 20%"), (palette, "bold $footer-key-foreground"), " palette")

    def _layout(self) -> tuple[str, list[list[Entry]]]:
        """(gap, rows): every key, and the palette's at the end, in the fewest rows, at most two.

        One row if it fits; then one row without the space between each key and its name (as
        Textual's compact footer does); then two rows (the bank screen at 80 columns: `del` and
        `^p` are kept, not cut). Only if two rows cannot hold them are the keys just before the
        last two left out (help and quit stay): the help screen and the palette list every key."""
        entries = self._entries()
        width = self.size.width or self.app.size.width
        tail = self._tail()
        tail_width = tail.cell_length if tail is not None else 0

        def length(row: list[Entry], gap: str) -> int:
            return sum(len(d) + len(gap) + len(t) + 1 for d, t, *_ in row)

        for gap in (" ", ""):
            if length(entries, gap) + tail_width <= width:
                return gap, [entries]
        rows: list[list[Entry]] = [[]]
        for entry in entries:
            if rows[-1] and length([*rows[-1], entry], " ") > width:
                rows.append([])
            rows[-1].append(entry)
        if len(rows) <= 2 and length(rows[-1], " ") + tail_width <= width:
            return " ", rows
        while len(entries) > 3 and length(entries, "") > width:
            del entries[-3]
        return "", [entries]

    def _fit(self) -> None:
        rows = len(self._layout()[1])
        if self.styles.height is None or self.styles.height.value != rows:
            self.styles.height = rows

    def render(self) -> Content:
        gap, rows = self._layout()
        self._spans = []
        lines: list[Content] = []
        for y, row in enumerate(rows):
            parts: list[Content] = []
            x = 0
            for display, description, enabled, action, node in row:
                key_style = "bold $footer-key-foreground" if enabled else "$text-disabled"
                text_style = "$footer-description-foreground" if enabled else "$text-disabled"
                piece = Content.assemble((display, key_style), gap, (description, text_style), " ")
                self._spans.append((y, x, x + piece.cell_length - 1, action, node))
                x += piece.cell_length
                parts.append(piece)
            lines.append(Content("").join(parts))
        tail = self._tail()
        if tail is not None:
            room = self.size.width - tail.cell_length
            last = lines[-1]
            if last.cell_length <= room:
                lines[-1] = last.pad_right(room - last.cell_length) + tail
                self._spans.append((len(lines) - 1, room, self.size.width, "command_palette", self.app))
        return Content("\n").join(lines)

    async def on_click(self, event: Click) -> None:
        for y, start, end, action, node in self._spans:
            if y == event.y and start <= event.x < end:
                await self.app.run_action(action, node)
                return
