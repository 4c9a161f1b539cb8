"""`storybank match "QUESTION"`: which question type or probe this is, and the best stories."""

from __future__ import annotations

import sys

from storybank.cli.common import analysed, errors_json, print_load_errors
from storybank.cli.output import Painter, print_json, safe, use_colour

UNSURE = 30.0


def run(args, ctx) -> int:
    from storybank.analysis.matching import match_question, rank_stories
    from storybank.errors import StorybankError

    question = " ".join(args.question.split())
    if not question:
        raise StorybankError("the question is empty: pass the interviewer's words in quotes")
    if args.limit < 1:
        raise StorybankError("--limit must be at least 1")
    bank, catalog, reports = analysed(ctx)
    best, alternatives = match_question(question, catalog)
    stories = rank_stories(best, bank.stories, reports, question, limit=args.limit)
    if ctx.json:
        print_json({"question": question, "match": best.to_json(),
                    "alternatives": [a.to_json() for a in alternatives],
                    "stories": [s.to_json() for s in stories],
                    "errors": errors_json(bank.errors)})
    else:
        paint = Painter(use_colour())
        out = sys.stdout
        entry = catalog.question(best.id) if best.kind == "question" else catalog.probe(best.id)
        sure = "" if best.score >= UNSURE else paint("  (low confidence)", "yellow")
        out.write(f"{paint(best.kind, 'dim')} {paint(best.id, 'bold')} "
                  f"{best.score:.0f}%{sure}: {entry.question}\n")
        if alternatives:
            out.write(paint("  also close: " + ", ".join(f"{a.id} {a.score:.0f}%" for a in alternatives), "dim") + "\n")
        if stories:
            out.write("\nBest stories:\n")
            for s in stories:
                out.write(f"  {s.score:5.1f}  {safe(s.title)} ({s.id})\n")
        else:
            out.write("\nNo stories in the bank yet.\n")
    print_load_errors(bank.errors)  # stderr, in every format: JSON goes to stdout
    return 2 if bank.errors else 0
