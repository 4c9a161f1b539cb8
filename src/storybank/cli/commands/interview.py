"""`storybank interview`: the terminal UI, opened on a full mock interview."""

from __future__ import annotations

from storybank.cli.commands import ui


def run(args, ctx) -> int:
    posting = getattr(args, "posting", None)
    if posting:
        # A posting that is not saved is one clear line before the screen takes over.
        from storybank.bank import Bank
        from storybank.postings import store

        store.load(Bank.open(ctx.bank_path(), load=False).root, posting)
    return ui.run(args, ctx, start="interview", posting=posting)
