"""`storybank` with no command: the terminal UI on the bank."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argparse import Namespace

    from storybank.cli import Context

def run(args: Namespace, ctx: Context, start: str = "bank", posting: str | None = None) -> int:
    from storybank.bank import Bank

    # A missing bank is a one-line error before the screen takes over; the stories themselves
    # are loaded by the UI in a worker, so a big bank never keeps the terminal blank.
    bank = Bank.open(ctx.bank_path(), load=False)
    from storybank.ui.app import run_app

    return run_app(bank.root, start=start, posting=posting)
