"""The command palette (ctrl+p), with page keys that wait for its list.

Textual's palette passes pgup and pgdn to its list of commands, which looks the highlighted
command's line up in a table that is filled only once the list has a size on screen. Pressed
before that (the palette just opened, or its list hidden while it has no match), the lookup
raised KeyError and ended the app (found by the monkey test, issue 21 item 0). Here a page key
does nothing until the list is laid out.
"""

from __future__ import annotations

from textual.command import CommandList, CommandPalette


class Palette(CommandPalette):
    def _action_command_list(self, action: str) -> None:
        if action.startswith("page_"):
            commands = self.query(CommandList)
            if not commands or not commands.first().scrollable_content_region:
                return  # not laid out yet: there is no page to move by
        super()._action_command_list(action)
