"""Pieces every command shares: opening the bank, reporting load errors."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from storybank.cli import Context
from storybank.cli.output import Painter, one_line, safe, use_colour

if TYPE_CHECKING:
    from storybank.analysis.types import StoryReport
    from storybank.bank import Bank, StoryFile
    from storybank.catalog import Catalog
    from storybank.errors import LoadError


def open_bank(ctx: Context, *, remember: bool = False) -> Bank:
    """The bank the command names. `remember`: parse its files through the memo of parsed files
    (tomlmemo.py), for a command that reads every story and is timed against a budget."""
    from storybank.bank import Bank

    return Bank.open(ctx.bank_path(), remember=remember)


def errors_json(errors: Sequence[LoadError]) -> list[dict[str, Any]]:
    return [e.to_json() for e in errors]


def print_load_errors(errors: Sequence[LoadError]) -> None:
    """One line per file that could not be loaded, on stderr, so stdout stays clean."""
    if not errors:
        return
    paint = Painter(use_colour(sys.stderr))
    for err in errors:
        # A file name can hold a newline or an escape sequence too (a hostile clone): escape it.
        sys.stderr.write(f"{paint(one_line(err.location()), 'bold')}: {paint('load error', 'red')}: "
                         f"{safe(err.message)}\n")
    noun = "file" if len(errors) == 1 else "files"
    sys.stderr.write(f"{len(errors)} {noun} could not be loaded; the other stories were.\n")


def open_catalog(bank: Bank, *, worded: bool = True) -> Catalog:
    """The bank's catalog; `worded`: its questions asked in the bank's field (`Bank.field`, read
    off the stories when no `profession` is set). A command that shows no question skips that."""
    from storybank.catalog import catalog_for

    return catalog_for(bank.settings, bank.field() if worded else "")


def analysed(ctx: Context, *, worded: bool = True) -> tuple[Bank, Catalog, dict[str, StoryReport]]:
    """The bank, its catalog and a report per story (`worded`: see `open_catalog`)."""
    from storybank.analysis.session import analyze_bank

    bank = open_bank(ctx)
    catalog = open_catalog(bank, worded=worded)
    return bank, catalog, analyze_bank(bank, catalog, persistent=True)


def find_story(bank: Bank, story_id: str) -> StoryFile:
    from storybank.errors import StorybankError

    # A file named exactly as asked wins over a case-insensitive match: `followups Twin` must
    # say that Twin.toml is broken, not quietly answer for twin.toml.
    exact = next((s for s in bank.stories if s.id == story_id), None)
    broken = [e for e in bank.errors if e.path.stem == story_id]
    sf = exact or (None if broken else bank.get(story_id))
    if sf is None:
        if broken:
            raise StorybankError(f"story `{story_id}` could not be loaded: {broken[0]}")
        hint = ""
        ids = [s.id for s in bank.stories]
        import difflib

        close = difflib.get_close_matches(story_id, ids, n=1)
        if close:
            hint = f" (did you mean `{close[0]}`?)"
        raise StorybankError(f"no story `{story_id}` in {bank.root}{hint}; `storybank list` shows the ids")
    return sf


SEVERITY_STYLE = {"error": ("red", "bold"), "warning": ("yellow",), "info": ("cyan",)}
READINESS_MARK = {"clean": "✓", "warnings": "!", "errors": "✗"}
