"""The command palette's commands: the keys of the current screen, by name.

They come from the same Binding declarations as the footer (`bindings.py`), filtered through the
screen's active bindings, so a palette entry exists exactly when its key works.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# A palette entry: (its name, its help line, what it runs, its key).
Command = tuple[str, str, Callable[[], Awaitable[bool]], str]


class ScreenCommands(Provider):
    def _commands(self) -> list[Command]:
        screen = self.screen
        seen: set[str] = set()
        out: list[Command] = []
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.id or not binding.description or not active.enabled:
                continue
            if binding.action in {"app.command_palette", "command_palette"}:
                continue
            # One entry per command: "Help" is both f1 and ?, "Done" both space and ctrl+f.
            if binding.description in seen:
                continue
            seen.add(binding.description)
            display = self.app.get_key_display(binding)
            help_text = f"{display}  ·  {binding.tooltip or binding.description}"
            callback = partial(self.app.run_action, binding.action, active.node)
            out.append((binding.description, help_text, callback, key))
        return out

    async def discover(self) -> Hits:
        for name, help_text, callback, _key in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback, _key in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
