"""`storybank followups ID`: the follow-up prompts generated for one story."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from storybank.cli.common import errors_json, find_story, open_bank, open_catalog, print_load_errors
from storybank.cli.output import Painter, print_json, safe, use_colour

if TYPE_CHECKING:
    from argparse import Namespace

    from storybank.cli import Context


def run(args: Namespace, ctx: Context) -> int:
    from storybank.analysis.followups import followup_prompts

    bank = open_bank(ctx)
    catalog = open_catalog(bank)
    sf = find_story(bank, args.id)
    prompts = followup_prompts(sf.story, catalog, bank.settings)
    if ctx.json:
        print_json({"story": sf.id, "followups": [p.to_json() for p in prompts],
                    "errors": errors_json(bank.errors)})
    else:
        paint = Painter(use_colour())
        out = sys.stdout
        out.write(f"{paint(safe(sf.story.title), 'bold')} ({sf.id})\n")
        low, high = bank.settings.followup_seconds
        for p in prompts:
            if p.prepared:
                mark = paint("✓", "green")
                timing = f" {paint(f'[{p.seconds:.0f} s]', 'dim')}" if p.seconds is not None else ""
            else:
                mark, timing = paint("✗", "red"), paint(" [not prepared]", "red")
            label = p.probe.removeprefix("type:")
            out.write(f"{mark} {paint(label.ljust(13), 'dim')} {safe(p.prompt)}{timing}\n")
        out.write(paint(f"\nAim for {low:g}–{high:g} s per follow-up: one layer deeper, not the story again.\n",
                        "dim"))
    print_load_errors(bank.errors)  # stderr, in every format: JSON goes to stdout
    return 2 if bank.errors else 0
