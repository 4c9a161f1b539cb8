"""Technical depth: named systems and how they work, for the technical question types."""

from __future__ import annotations

from storybank.analysis.rules.registry import Hit, quote_list, rule

MECHANISM_MIN = 2


@rule("SB401", "no-technologies", "technical_depth", "warning", "technologies",
      "A technical story that names no technology.")
def no_technologies(ctx):
    if ctx.technical and not ctx.story.technologies and not ctx.answer.technologies and ctx.answer.words:
        yield Hit("Name the systems you worked with (languages, databases, services) in "
                  "`technologies` and in the answer; unnamed tech sounds like you were not close to it.")


@rule("SB402", "technologies-not-mentioned", "technical_depth", "info", "technologies",
      "The listed technologies never come up in the spoken answer.")
def technologies_not_mentioned(ctx):
    listed = [t for t in ctx.story.technologies if t.strip()]
    if not listed or not ctx.answer.words:
        return
    import re

    norm = ctx.answer.norm
    if not any(re.search(rf"(?<![\w]){re.escape(t.lower())}(?![\w])", norm) for t in listed):
        yield Hit(f"None of {quote_list(listed)} is mentioned in the answer; name the one that "
                  "mattered where it did the work.")


@rule("SB403", "shallow-mechanism", "technical_depth", "warning", "action",
      "The action says what was done but not how it works.")
def shallow_mechanism(ctx):
    if not ctx.technical or ctx.too_short_to_judge:
        return
    found = set(ctx.answer.mechanism)
    # Named systems carry depth of their own; only a story with neither is shallow.
    if len(found) < MECHANISM_MIN and len(ctx.answer.technologies) < 2:
        yield Hit("The action stays at the surface. Add one line of mechanism: what the bottleneck, "
                  "the failure mode or the design actually was (a lock, a query plan, a cache miss).",
                  len(found))
