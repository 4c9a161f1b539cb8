"""`storybank drill`: the terminal UI, opened on the timed drill."""

from __future__ import annotations

from storybank.cli.commands import ui


def run(args, ctx) -> int:
    return ui.run(args, ctx, start="drill")
