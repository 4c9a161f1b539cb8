"""Pieces every command shares: opening the bank, reporting load errors."""

from __future__ import annotations

import sys

from storybank.cli import Context
from storybank.cli.output import Painter, safe, use_colour


def open_bank(ctx: Context):
    from storybank.bank import Bank

    return Bank.open(ctx.bank_path())


def errors_json(errors) -> list[dict]:
    return [e.to_json() for e in errors]


def print_load_errors(errors) -> None:
    """One line per file that could not be loaded, on stderr, so stdout stays clean."""
    if not errors:
        return
    paint = Painter(use_colour(sys.stderr))
    for err in errors:
        sys.stderr.write(f"{paint(err.location(), 'bold')}: {paint('load error', 'red')}: {safe(err.message)}\n")
    noun = "file" if len(errors) == 1 else "files"
    sys.stderr.write(f"{len(errors)} {noun} could not be loaded; the other stories were.\n")
