"""Technical depth: named systems and how they work, for the technical question types."""

from __future__ import annotations

from collections.abc import Iterator

from storybank.analysis.context import StoryContext
from storybank.analysis.rules.registry import Category, Hit, Severity, quote_list, rule

MECHANISM_MIN = 2


@rule(code="SB401", name="no-technologies", category=Category.TECHNICAL_DEPTH, severity=Severity.WARNING,
      field="technologies")
def no_technologies(ctx: StoryContext) -> Iterator[Hit]:
    """A story for a technical question names no technology, neither in `technologies` nor
    in the answer. Unnamed systems sound second-hand; naming the database, language or service shows
    you were close to the work and invites the technical probe you prepared."""
    if ctx.technical and not ctx.story.technologies and not ctx.answer.technologies and ctx.answer.words:
        yield Hit("Name the systems you worked with (languages, databases, services) in "
                  "`technologies` and in the answer; unnamed tech sounds like you were not close to it.")


@rule(code="SB402", name="technologies-not-mentioned", category=Category.TECHNICAL_DEPTH, severity=Severity.INFO,
      field="technologies")
def technologies_not_mentioned(ctx: StoryContext) -> Iterator[Hit]:
    """None of the technologies listed in the file comes up in the answer. The list helps you
    search the bank, but the interviewer hears only the answer; name the one that mattered at the point
    where it did the work."""
    listed = [t for t in ctx.story.technologies if t.strip()]
    if not listed or not ctx.answer.words:
        return
    import re

    norm = ctx.answer.norm
    if not any(re.search(rf"(?<![\w]){re.escape(t.lower())}(?![\w])", norm) for t in listed):
        yield Hit(f"None of {quote_list(listed)} is mentioned in the answer; name the one that "
                  "mattered where it did the work.")


@rule(code="SB403", name="shallow-mechanism", category=Category.TECHNICAL_DEPTH, severity=Severity.WARNING,
      field="action")
def shallow_mechanism(ctx: StoryContext) -> Iterator[Hit]:
    """A technical answer says what was done but not how it works: few mechanism terms (a
    lock, a query plan, a cache miss) and few named systems. Depth is what the technical probe tests
    first, and one line of mechanism shows you understood the problem. Answers too short to judge are
    left alone."""
    if not ctx.technical or ctx.too_short_to_judge:
        return
    found = set(ctx.answer.mechanism)
    # Named systems carry depth of their own; only a story with neither is shallow.
    if len(found) < MECHANISM_MIN and len(ctx.answer.technologies) < 2:
        yield Hit("The action stays at the surface. Add one line of mechanism: what the bottleneck, "
                  "the failure mode or the design actually was (a lock, a query plan, a cache miss).",
                  len(found))
