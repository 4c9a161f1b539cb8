"""`storybank new TITLE [--question ID]...`: create a story skeleton and print its path."""

from __future__ import annotations

import sys

from storybank.cli.common import open_bank
from storybank.cli.output import print_json


def run(args, ctx) -> int:
    from storybank.catalog import load_catalog
    from storybank.errors import StorybankError

    title = args.title.strip()
    if not title:
        raise StorybankError("the title is empty: say in a few words what the story is about")
    bank = open_bank(ctx)
    catalog = load_catalog(bank.settings.catalog_path())
    known = catalog.question_ids()
    unknown = [q for q in args.question if q not in known]
    if unknown:
        raise StorybankError(f"unknown question type {', '.join(map(repr, unknown))}: choose from {', '.join(known)}")
    questions = list(dict.fromkeys(args.question))
    sf = bank.create(title, questions)
    if ctx.json:
        print_json({"id": sf.id, "path": str(sf.path), "title": sf.story.title, "questions": questions})
    else:
        sys.stdout.write(f"{sf.path}\n")
    return 0
