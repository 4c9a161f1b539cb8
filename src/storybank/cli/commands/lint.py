"""`storybank lint [ID...]`: findings and scores, like a linter."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from storybank.analysis.types import DIMENSION_WORDS
from storybank.cli.common import (
    READINESS_MARK,
    SEVERITY_STYLE,
    analysed,
    errors_json,
    find_story,
    print_load_errors,
)
from storybank.cli.output import Painter, print_json, safe, use_colour
from storybank.zones import answer_seconds_shown

if TYPE_CHECKING:
    from argparse import Namespace

    from storybank.analysis.types import StoryReport
    from storybank.bank import StoryFile
    from storybank.cli import Context

SHORT = {name: short for name, (_label, short) in DIMENSION_WORDS.items()}


def _field_loc(field: str) -> tuple[str | int, ...]:
    import re

    loc: list[str | int] = []
    for part in field.split("."):
        match = re.fullmatch(r"(\w+)\[(\d+)\]", part)
        if match:
            loc.extend([match.group(1), int(match.group(2))])
        elif part:
            loc.append(part)
    return tuple(loc)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def story_json(sf: StoryFile, report: StoryReport) -> dict[str, Any]:
    return {
        "id": sf.id,
        "path": str(sf.path),
        "title": sf.story.title,
        "questions": list(sf.story.questions),
        "readiness": report.readiness,
        "scores": report.score_values(),
        "score_reasons": {name: list(s.reasons) for name, s in report.scores.items()},
        "speaking_seconds": {"answer": report.answer_seconds,
                             "parts": dict(report.part_seconds),
                             "followups": dict(report.followup_seconds)},
        "findings": [f.to_json() for f in report.findings],
    }


def run(args: Namespace, ctx: Context) -> int:
    from storybank.storyfile import locate

    bank, catalog, reports = analysed(ctx, worded=False)   # lint shows no question
    chosen = [find_story(bank, i) for i in dict.fromkeys(args.ids)] if args.ids else bank.stories
    errors = bank.errors if not args.ids else [e for e in bank.errors if e.path.stem in args.ids]
    has_error = any(f.severity == "error" for sf in chosen for f in reports[sf.id].findings)
    if ctx.json:
        print_json({"stories": [story_json(sf, reports[sf.id]) for sf in chosen],
                    "errors": errors_json(errors)})
    else:
        paint = Painter(use_colour())
        out = sys.stdout
        totals = {"error": 0, "warning": 0, "info": 0}
        ready = {"clean": 0, "warnings": 0, "errors": 0}
        for sf in chosen:
            report = reports[sf.id]
            ready[report.readiness] += 1
            mark = READINESS_MARK[report.readiness]
            style = {"clean": ("green",), "warnings": ("yellow",), "errors": ("red",)}[report.readiness]
            scores = "  ".join(f"{SHORT[k]} {v}" for k, v in report.score_values().items())
            out.write(f"{paint(mark, *style)} {paint(str(sf.path), 'bold')}  {safe(sf.story.title)}\n")
            out.write(paint(f"    {answer_seconds_shown(report.answer_seconds, bank.settings)} s spoken · {scores}", "dim") + "\n")
            for f in report.findings:
                totals[f.severity] += 1
                line = locate(sf.text, _field_loc(f.field)) if f.field else None
                where = f"{sf.path}:{line}" if line else str(sf.path)
                out.write(f"    {where}: {paint(f.code, *SEVERITY_STYLE[f.severity])} "
                          f"{paint(f.severity, *SEVERITY_STYLE[f.severity])} [{f.name}] {safe(f.message)}\n")
        n = len(chosen)
        out.write(f"\n{n} {'story' if n == 1 else 'stories'}: {ready['clean']} clean, "
                  f"{ready['warnings']} with warnings, {ready['errors']} with errors; "
                  f"{_count(totals['error'], 'error')}, {_count(totals['warning'], 'warning')}, "
                  f"{_count(totals['info'], 'note')}.\n")
    print_load_errors(errors)  # stderr, in every format: JSON goes to stdout
    if errors:
        return 2
    return 1 if has_error else 0
