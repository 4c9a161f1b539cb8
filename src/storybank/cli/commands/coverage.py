"""`storybank coverage`: the question types, the stories mapped to each, and the assignment."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from storybank.cli.common import analysed, errors_json, print_load_errors
from storybank.cli.output import Painter, print_json, safe, use_colour

if TYPE_CHECKING:
    from argparse import Namespace
    from typing import TextIO

    from storybank.analysis.types import Coverage, TypeCoverage
    from storybank.catalog import Catalog
    from storybank.cli import Context

STATUS = {"strong": ("✓", "green"), "weak": ("!", "yellow"), "missing": ("✗", "red")}


def _told_for(cov: Coverage, story_id: str) -> str:
    """The label of the type a shared story is assigned to ("another type" if none)."""
    return next((t.label for t in cov.question_types if t.assigned == story_id), "another type")


def run(args: Namespace, ctx: Context) -> int:
    from storybank.analysis.coverage import compute_coverage

    bank, catalog, reports = analysed(ctx)
    cov = compute_coverage(bank.stories, reports, catalog)
    if ctx.json:
        print_json({
            "question_types": [t.to_json() for t in cov.question_types],
            "complete": cov.complete,
            "overused": cov.overused,
            "near_duplicates": [{"stories": [a, b], "score": s} for a, b, s in cov.near_duplicates],
            "errors": errors_json(bank.errors),
        })
    else:
        _print_text(sys.stdout, Painter(use_colour()), cov, {sf.id: sf.story.title for sf in bank.stories},
                    catalog)
    print_load_errors(bank.errors)  # stderr, in every format: JSON goes to stdout
    if bank.errors:
        return 2
    return 0 if cov.complete else 1


def _print_text(out: TextIO, paint: Painter, cov: Coverage, titles: dict[str, str], catalog: Catalog) -> None:
    from storybank.analysis.context import MAX_TYPES_PER_STORY
    from storybank.analysis.rules.registry import number_word

    width = max(len(t.label) for t in cov.question_types)
    for t in cov.question_types:
        mark, colour = STATUS[t.status]
        out.write(f"{paint(mark, colour)} {paint(t.label.ljust(width), 'bold')}  "
                  f"{paint(t.status.ljust(7), colour)}  {_told(paint, cov, t, titles, catalog)}\n")
    for sid in cov.overused:
        out.write(f"{paint('!', 'yellow')} {sid} is mapped to more than "
                  f"{number_word(MAX_TYPES_PER_STORY)} question types; "
                  "it will read as thin for some of them.\n")
    for a, b, score in cov.near_duplicates:
        out.write(f"{paint('!', 'yellow')} {a} and {b} look like the same story ({score:.0f}% alike).\n")
    covered = sum(1 for t in cov.question_types if t.status != "missing")
    strong = sum(1 for t in cov.question_types if t.status == "strong")
    out.write(f"\n{covered} of {len(cov.question_types)} question types covered, {strong} strong.\n")


def _told(paint: Painter, cov: Coverage, t: TypeCoverage, titles: dict[str, str], catalog: Catalog) -> str:
    """The story to tell for a type (and whether it is shared or has others), or what to prepare."""
    if not t.answer:
        qtype = catalog.question(t.id)
        return paint(f"no story: {qtype.gap_hint if qtype else t.question}", "dim")
    text = f"{safe(titles[t.answer])} ({t.answer})"
    others = [s for s in t.stories if s != t.answer]
    if not t.assigned:
        return text + paint(f"  also the answer for {_told_for(cov, t.answer)}", "dim")
    return text + (paint(f"  +{len(others)} more", "dim") if others else "")
