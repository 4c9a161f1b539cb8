"""`storybank` with no command: the terminal UI on the bank."""

from __future__ import annotations


def run(args, ctx, start: str = "bank", posting: str | None = None) -> int:
    from storybank.bank import Bank

    # A missing bank is a one-line error before the screen takes over; the stories themselves
    # are loaded by the UI in a worker, so a big bank never keeps the terminal blank.
    bank = Bank.open(ctx.bank_path(), load=False)
    from storybank.ui.app import run_app

    return run_app(bank.root, start=start, posting=posting)
