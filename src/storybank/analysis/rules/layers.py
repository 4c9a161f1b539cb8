"""Depth layers: the prepared follow-ups that carry another 90 seconds under probing."""

from __future__ import annotations

from collections.abc import Iterator

from storybank.analysis.context import StoryContext
from storybank.analysis.rules.registry import (
    Category,
    Hit,
    Severity,
    fmt_seconds,
    number_word,
    rule,
)
from storybank.model import PROBES

DEPTH_SECONDS = 90
THIN_SHARE = 0.5  # of the follow-up window's lower bound


def prepared(ctx: StoryContext) -> list[str]:
    return [p for p in PROBES if ctx.followups[p].words > 0]


@rule(code="SB601", name="no-followups", category=Category.DEPTH_LAYERS, severity=Severity.WARNING,
      field="followups")
def no_followups(ctx: StoryContext) -> Iterator[Hit]:
    """None of the probes has a prepared answer. Every answer gets probed (what you would do
    differently, the alternatives, the technical detail, who else was involved), and the follow-ups
    are where preparation shows."""
    if not prepared(ctx):
        yield Hit("No follow-ups prepared. Every answer gets probed: write the next layer for each "
                  f"of the {number_word(len(PROBES))} probes ({', '.join(PROBES)}).",
                  0)


@rule(code="SB602", name="followups-missing", category=Category.DEPTH_LAYERS, severity=Severity.WARNING,
      field="followups")
def followups_missing(ctx: StoryContext) -> Iterator[Hit]:
    """Some probes have prepared answers and others do not. The unprepared ones are where a
    follow-up finds nothing beyond the main answer, which is exactly where interviewers push."""
    done = prepared(ctx)
    missing = [p for p in PROBES if p not in done]
    if done and missing:
        yield Hit(f"Unprepared probes: {', '.join(missing)}. Write a few sentences for each so the "
                  "follow-up finds more than the main answer.", len(missing))


@rule(code="SB603", name="followup-too-thin", category=Category.DEPTH_LAYERS, severity=Severity.WARNING,
      field="followups")
def followup_too_thin(ctx: StoryContext) -> Iterator[Hit]:
    """A prepared follow-up is too short to carry a real answer: under half of the follow-up
    window's lower bound. A probe rewards a detail the main answer left out, and that takes a few
    sentences."""
    floor = THIN_SHARE * ctx.settings.followup_seconds[0]
    for probe in prepared(ctx):
        seconds = ctx.followup_seconds[probe]
        if seconds < floor:
            yield Hit(f"The `{probe}` follow-up is about {fmt_seconds(seconds)} of speech; aim for "
                      f"{ctx.settings.followup_seconds[0]:g}–{ctx.settings.followup_seconds[1]:g} s "
                      "with a detail the main answer left out.", round(seconds, 1),
                      field=f"followups.{probe}")


@rule(code="SB604", name="shallow-depth", category=Category.DEPTH_LAYERS, severity=Severity.WARNING,
      field="followups")
def shallow_depth(ctx: StoryContext) -> Iterator[Hit]:
    """All prepared follow-ups together hold less than about 90 seconds of speech.
    Interviewers can dig into a good story for several minutes; too little prepared depth means
    improvising under questioning."""
    total = sum(ctx.followup_seconds.values())
    if prepared(ctx) and total < DEPTH_SECONDS:
        yield Hit(f"The follow-ups hold about {fmt_seconds(total)} of detail; have about "
                  f"{DEPTH_SECONDS} s more ready for when the interviewer digs in.", round(total, 1))
