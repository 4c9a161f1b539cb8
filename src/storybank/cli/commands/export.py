"""`storybank export [--format md|html|txt|pdf] [-o PATH] [--force] [--template FILE] [--paper letter|a4]`.

Markdown to stdout by default. An existing file at -o PATH is replaced only with --force (an
export of an emptied bank once replaced a full sheet); a PDF is refused only when stdout is a
terminal, not when it is redirected to a file. With -o the format comes from the file's suffix unless --format
says otherwise; with --template from the template's name ("mine.html.j2") when nothing else does.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from storybank.cli.common import open_bank, print_load_errors
from storybank.cli.output import error

if TYPE_CHECKING:
    from argparse import Namespace

    from storybank.cli import Context


def _format(args: Namespace, ctx: Context) -> str | None:
    """The export format, or None after printing why it cannot be chosen."""
    from storybank.export.api import format_for_path, format_for_template
    from storybank.export.formats import DEFAULT, FORMATS, SUFFIXES

    if ctx.fmt not in (None, "text"):
        return ctx.fmt
    output = args.output if args.output not in (None, "-") else None
    if output:
        fmt = format_for_path(output)
        if fmt:
            return fmt
    if args.template:
        fmt = format_for_template(args.template)
        if fmt:
            return fmt
    if output:
        known = ", ".join(sorted(SUFFIXES))
        error(f"cannot tell the format from {output!r}: name it with one of {known}, "
              f"or pass --format {'|'.join(FORMATS)}")
        return None
    return DEFAULT


def run(args: Namespace, ctx: Context) -> int:
    from storybank.catalog import catalog_for
    from storybank.export.api import render_cheatsheet, write_output
    from storybank.export.formats import FORMATS

    fmt = _format(args, ctx)
    if fmt is None:
        return 2
    to_stdout = args.output in (None, "-")
    chosen = FORMATS[fmt]
    if chosen.binary and to_stdout and sys.stdout.isatty():  # `> sheet.pdf` is a file: fine
        error(f"a {chosen.label} cannot go to the terminal: write it to a file with -o sheet{chosen.suffixes[0]}")
        return 2
    if not to_stdout and not args.force and Path(args.output).expanduser().is_file():
        error(f"{args.output} exists: pass --force to replace it, or name another file with -o")
        return 2
    bank = open_bank(ctx)
    catalog = catalog_for(bank.settings, bank.field())
    paper = args.paper or bank.settings.paper
    assignment = statuses = focus = None
    if getattr(args, "posting", None):
        from storybank.postings.api import sheet_for

        assignment, statuses, focus = sheet_for(bank, catalog, args.posting)
    fitted = render_cheatsheet(bank, catalog, fmt, paper, args.template, assignment=assignment,
                               statuses=statuses, focus=focus)
    print_load_errors(bank.errors)
    if not fitted.fits:
        pages = f"{fitted.pages} pages" if fitted.pages else "more than one page"
        error(f"warning: your template's sheet takes {pages} even at the most compact level; "
              "it was written anyway")
    if to_stdout:
        sys.stdout.flush()
        sys.stdout.buffer.write(fitted.data)
        sys.stdout.buffer.flush()
    else:
        path = write_output(Path(args.output), fitted.data)
        sys.stdout.write(f"Wrote cheat sheet ({fmt}, {fitted.sheet.paper_name}) to {path}\n")
    return 2 if bank.errors else 0
