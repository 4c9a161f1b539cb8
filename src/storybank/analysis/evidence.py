"""Evidence a story shows: named in the catalog, recognised by phrases or a built-in measure."""

from __future__ import annotations

import re

from storybank.analysis.context import StoryContext
from storybank.analysis.lexicon import phrase_set
from storybank.catalog import Evidence

_FROM_TO = re.compile(r"\bfrom\s+[$€£~]?\d[\d.,]*\s*\S{0,12}\s+(?:to|down to|up to|->|→)\s+[$€£~]?\d", re.I)
_CLOCK = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b"                    # 7pm, 9:30 am
    r"|\b\d{1,2}:\d{2}\b"                                   # 19:00
    r"|\b\d{1,2}(?::\d{2})?\s?[-–—]\s?\d{1,2}(?::\d{2})?\s?(?:am|pm)?\b",  # 9-6, 19:00–22:00
    re.I,
)
_HOURS = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:[-–]\s?\d+\s?)?(?:hours?|hrs?|h)\b", re.I)
_DAYS = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?s?\b|\bweekdays?\b|\bweekends?\b"
    r"|\bweeknights?\b|\bevenings?\b|\bmornings?\b|\bsaturdays?\b|\bsundays?\b|\bwednesdays?\b"
    r"|\bthursdays?\b",
    re.I,
)


def _check(name: str, ctx: StoryContext, text: str) -> bool:
    if name == "numbers":
        return bool(ctx.answer.numbers) or bool(ctx.story.metrics)
    if name == "before_after":
        return ctx.metric_change or bool(_FROM_TO.search(text))
    if name == "time_blocks":
        clocks = len(_CLOCK.findall(text))
        hours = len(_HOURS.findall(text))
        days = len(_DAYS.findall(text))
        return clocks >= 2 or (clocks >= 1 and (days >= 1 or hours >= 1)) or (hours >= 1 and days >= 2)
    if name == "technologies":
        return bool(ctx.answer.technologies)
    raise ValueError(f"unknown evidence check {name!r}")


def has_evidence(ctx: StoryContext, evidence: Evidence, text: str, norm: str) -> bool:
    if evidence.phrases and phrase_set(tuple(evidence.phrases)).search(norm):
        return True
    return bool(evidence.check) and _check(evidence.check, ctx, text)


KNOWN_CHECKS = ("numbers", "before_after", "time_blocks", "technologies")
