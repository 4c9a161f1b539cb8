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

    from storybank.analysis.matching import Recognition
    from storybank.analysis.types import MatchCandidate, RankedStory
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
    found, alternatives, stories = lookup.recognition, lookup.alternatives, lookup.stories
    best = found.best
    if ctx.json:
        print_json({"question": question, "match": best.to_json(),
                    "alternatives": [a.to_json() for a in alternatives],
                    "stories": [s.to_json() for s in stories],
                    "verdict": found.verdict, "resembles": found.resembles,
                    "errors": errors_json(bank.errors)})
    else:
        _print_text(found, alternatives, stories, catalog, Painter(use_colour()))
    print_load_errors(bank.errors)  # stderr, in every format: JSON goes to stdout
    return 2 if bank.errors else 0


def _print_text(found: Recognition, alternatives: list[MatchCandidate], stories: list[RankedStory],
                catalog: Catalog, paint: Painter) -> None:
    from storybank.analysis.question_lookup import WORTH_LISTING, asked

    out = sys.stdout
    best = found.best
    if found.verdict == "none":
        closest = f"closest: {best.id} {best.score:.0f}%" if best.score >= WORTH_LISTING \
            else "nothing comes close"
        out.write(paint("No match", "bold") + ": this is none of the "
                  f"{len(catalog.questions)} question types or {len(catalog.probes)} probes "
                  f"({closest}).\n")
        if found.resembles:
            out.write(f"It reads as {found.resembles}.\n")
        out.write(paint(found.advice or "Answer it briefly; no story in the bank is mapped to it.",
                        "dim") + "\n")
        return
    if found.verdict == "unsure":
        _print_unsure(found, alternatives, catalog, paint)
        others: list[MatchCandidate] = []
    elif found.verdict == "close":
        out.write(paint("Two close candidates", "yellow") + ", prepare for either:\n")
        for c in found.shown:
            out.write(f"  {paint(c.kind, 'dim')} {paint(c.id, 'bold')} {c.score:.0f}%: "
                      f"{asked(catalog, c)}\n")
        others = [a for a in alternatives if a not in found.shown]
    else:
        out.write(f"{paint(best.kind, 'dim')} {paint(best.id, 'bold')} {best.score:.0f}%: "
                  f"{asked(catalog, best)}\n")
        others = alternatives
    if others:
        out.write(paint("  also possible: " + ", ".join(f"{a.id} {a.score:.0f}%" for a in others),
                        "dim") + "\n")
    if stories:
        out.write(f"\nBest stories for {best.id}:\n")
        for s in stories:
            out.write(f"  {s.score:5.1f}  {safe(s.title)} ({s.id})\n")
    else:
        out.write("\nNo stories in the bank yet.\n")


def _print_unsure(found: Recognition, alternatives: list[MatchCandidate], catalog: Catalog,
                  paint: Painter) -> None:
    """The nearest type or probe, named as a guess: true also of a wording that is none of them."""
    from storybank.analysis.question_lookup import WORTH_LISTING, unsure_advice

    best = found.best
    then = "".join(f", then {a.id} {a.score:.0f}%" for a in alternatives[:1] if a.score >= WORTH_LISTING)
    sys.stdout.write(paint("Not sure", "yellow") + f": the nearest is {paint(best.id, 'bold')} "
                     f"{best.score:.0f}%{then}. It may be none of the {len(catalog.questions)} question "
                     f"types or {len(catalog.probes)} probes.\n")
    if found.resembles:
        sys.stdout.write(f"It also reads as {found.resembles}: {found.advice}\n" if found.advice
                         else f"It also reads as {found.resembles}.\n")
    sys.stdout.write(paint(unsure_advice(best, best.id), "dim") + "\n")
