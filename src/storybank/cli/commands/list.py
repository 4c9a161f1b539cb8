"""`storybank list`: the stories, one a line."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from storybank.cli.common import errors_json, open_bank, print_load_errors
from storybank.cli.output import Painter, print_json, safe, use_colour

if TYPE_CHECKING:
    from argparse import Namespace

    from storybank.cli import Context


def run(args: Namespace, ctx: Context) -> int:
    bank = open_bank(ctx)
    if ctx.json:
        print_json({
            "stories": [
                {"id": sf.id, "title": sf.story.title, "questions": list(sf.story.questions),
                 "path": str(sf.path)}
                for sf in bank.stories
            ],
            "errors": errors_json(bank.errors),
        })
    else:
        paint = Painter(use_colour())
        width = max((len(sf.id) for sf in bank.stories), default=0)
        for sf in bank.stories:
            questions = ", ".join(sf.story.questions) or "no question types"
            sys.stdout.write(f"{paint(sf.id.ljust(width), 'bold')}  {safe(sf.story.title) or '(untitled)'}  "
                             f"{paint('[' + safe(questions) + ']', 'dim')}\n")
        if not bank.stories and not bank.errors:
            sys.stdout.write(f"No stories in {bank.root} yet: `storybank new TITLE` starts one.\n")
    print_load_errors(bank.errors)  # stderr, in every format: JSON goes to stdout
    return 2 if bank.errors else 0
