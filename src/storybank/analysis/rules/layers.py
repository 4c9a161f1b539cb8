"""Depth layers: the prepared follow-ups that carry another 90 seconds under probing."""

from __future__ import annotations

from storybank.analysis.rules.registry import Hit, fmt_seconds, number_word, rule
from storybank.model import PROBES

DEPTH_SECONDS = 90
THIN_SHARE = 0.5  # of the follow-up window's lower bound


def prepared(ctx) -> list[str]:
    return [p for p in PROBES if ctx.followups[p].words > 0]


@rule("SB601", "no-followups", "depth_layers", "warning", "followups",
      "No follow-up answers are prepared.")
def no_followups(ctx):
    if not prepared(ctx):
        yield Hit("No follow-ups prepared. Every answer gets probed: write the next layer for each "
                  f"of the {number_word(len(PROBES))} probes ({', '.join(PROBES)}).",
                  0)


@rule("SB602", "followups-missing", "depth_layers", "warning", "followups",
      "Some probes have no prepared answer.")
def followups_missing(ctx):
    done = prepared(ctx)
    missing = [p for p in PROBES if p not in done]
    if done and missing:
        yield Hit(f"Unprepared probes: {', '.join(missing)}. Write a few sentences for each so the "
                  "follow-up finds more than the main answer.", len(missing))


@rule("SB603", "followup-too-thin", "depth_layers", "warning", "followups",
      "A prepared follow-up is too short to carry a real answer.")
def followup_too_thin(ctx):
    floor = THIN_SHARE * ctx.settings.followup_seconds[0]
    for probe in prepared(ctx):
        seconds = ctx.followup_seconds[probe]
        if seconds < floor:
            yield Hit(f"The `{probe}` follow-up is about {fmt_seconds(seconds)} of speech; aim for "
                      f"{ctx.settings.followup_seconds[0]:g}–{ctx.settings.followup_seconds[1]:g} s "
                      "with a detail the main answer left out.", round(seconds, 1),
                      field=f"followups.{probe}")


@rule("SB604", "shallow-depth", "depth_layers", "warning", "followups",
      "All prepared follow-ups together carry less than about 90 seconds.")
def shallow_depth(ctx):
    total = sum(ctx.followup_seconds.values())
    if prepared(ctx) and total < DEPTH_SECONDS:
        yield Hit(f"The follow-ups hold about {fmt_seconds(total)} of detail; have about "
                  f"{DEPTH_SECONDS} s more ready for when the interviewer digs in.", round(total, 1))
