"""`storybank` with no command: the terminal UI on the bank."""

from __future__ import annotations


def run(args, ctx, start: str = "bank") -> int:
    from storybank.cli.common import open_bank

    bank = open_bank(ctx)  # a missing bank is a one-line error before the screen takes over
    from storybank.ui.app import run_app

    return run_app(bank.root, start=start)
