"""`storybank match "QUESTION"`: which question type or probe this is, and the best stories.

The matcher says one of four things (see analysis/matching.py): a match, with its confidence;
two close candidates, both shown so the user can prepare for either; unsure, when no candidate
holds the line but the best is near it (the nearest is named, never claimed, with its stories,
since a behavioural question missed is worse advice than a story offered for a question that
wanted none); or no match, when the wording is none of the catalog's types and probes (it then
names the common question it reads as, if any, and ranks no stories for a type it is not).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from storybank.cli.common import analysed, errors_json, print_load_errors
from storybank.cli.output import Painter, print_json, safe, use_colour

if TYPE_CHECKING:
    from argparse import Namespace

    from storybank.analysis.question_lookup import Lookup
    from storybank.catalog import Catalog
    from storybank.cli import Context


def run(args: Namespace, ctx: Context) -> int:
    from storybank.analysis.question_lookup import look_up
    from storybank.errors import StorybankError

    question = " ".join(args.question.split())
    if not question:
        raise StorybankError("the question is empty: pass the interviewer's words in quotes")
    if args.limit < 1:
        raise StorybankError("--limit must be at least 1")
    bank, catalog, reports = analysed(ctx)
    lookup = look_up(question, catalog, bank.stories, reports, limit=args.limit)
    found = lookup.recognition
    if ctx.json:
        print_json({"question": question, "match": found.best.to_json(),
                    "alternatives": [a.to_json() for a in lookup.alternatives],
                    "stories": [s.to_json() for s in lookup.stories],
                    "verdict": found.verdict, "resembles": found.resembles,
                    "errors": errors_json(bank.errors)})
    else:
        _print_text(lookup, catalog, Painter(use_colour()))
    print_load_errors(bank.errors)  # stderr, in every format: JSON goes to stdout
    return 2 if bank.errors else 0


def _print_text(lookup: Lookup, catalog: Catalog, paint: Painter) -> None:
    from storybank.analysis.question_lookup import also_possible, asked, words

    out = sys.stdout
    found, stories = lookup.recognition, lookup.stories
    best = found.best
    said = words(lookup, catalog, lambda c: c.id)
    if said.lead:
        colour = "bold" if found.verdict == "none" else "yellow"
        out.write(paint(said.lead, colour) + said.rest + "\n")
    for note in said.notes:
        out.write(note + "\n")
    if said.advice:
        out.write(paint(said.advice, "dim") + "\n")
    if found.verdict == "none":
        return
    for c in found.shown if found.verdict in ("close", "match") else []:
        lead = "  " if found.verdict == "close" else ""
        out.write(f"{lead}{paint(c.kind, 'dim')} {paint(c.id, 'bold')} {c.score:.0f}%: {asked(catalog, c)}\n")
    others = also_possible(lookup, lambda c: c.id)
    if others:
        out.write(paint("  " + others, "dim") + "\n")
    if stories:
        out.write(f"\nBest stories for {best.id}:\n")
        for s in stories:
            out.write(f"  {s.score:5.1f}  {safe(s.title)} ({s.id})\n")
    else:
        out.write("\nNo stories in the bank yet.\n")
