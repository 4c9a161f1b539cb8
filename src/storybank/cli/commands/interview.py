"""`storybank interview`: the terminal UI, opened on a full mock interview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storybank.cli.commands import ui

if TYPE_CHECKING:
    from argparse import Namespace

    from storybank.cli import Context


def run(args: Namespace, ctx: Context) -> int:
    posting = getattr(args, "posting", None)
    if posting:
        # A posting that is not saved is one clear line before the screen takes over.
        from storybank.bank import Bank
        from storybank.postings import store

        store.load(Bank.open(ctx.bank_path(), load=False).root, posting)
    return ui.run(args, ctx, start="interview", posting=posting)
