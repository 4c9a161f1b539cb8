"""`storybank interview`: the terminal UI, opened on a full mock interview."""

from __future__ import annotations

from storybank.cli.commands import ui


def run(args, ctx) -> int:
    return ui.run(args, ctx, start="interview")
