"""`storybank drill`: the terminal UI, opened on the timed drill."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storybank.cli.commands import ui

if TYPE_CHECKING:
    from argparse import Namespace

    from storybank.cli import Context


def run(args: Namespace, ctx: Context) -> int:
    return ui.run(args, ctx, start="drill")
