"""A difficult person handled in the speaker's own steps (issue 22, round 13), read over the
lexicon's word classes (data/lexicon.toml, the "round 13" section). Asked about an upset patient
or customer, praised answers settle it by what the speaker did to the person, step by step ("I
remained calm ... empathized ... explained the legal requirements ... offered to set up
reminders"), not by a benchmark or a review; two different such steps are the resolution.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.analysis.lexicon import alternation as _alternation
from storybank.analysis.lexicon import normalise, words

STEP_REACH = 3   # words between the lead and the step: "I calmly explained", "and then reassured"
HANDLING_STEPS = 2  # different steps that make a way of handling the person, not one gesture


@lru_cache(maxsize=1)
def _step() -> re.Pattern[str]:
    leads, steps = _alternation("step_leads"), _alternation("handling_steps")
    return re.compile(rf"(?:\b(?:{leads})|,)\s+(?:[\w'-]+\s+){{0,{STEP_REACH}}}?(?P<step>{steps})")


def handling_steps(text: str) -> list[str]:
    """The different handling steps the speaker tells, in order of first mention (the stem
    matched: "explained" and "explains" are one step)."""
    low = normalise(text)
    seen: list[str] = []
    for match in _step().finditer(low):
        stem = _stem_of(match.group("step"))
        if stem not in seen:
            seen.append(stem)
    return seen


def handled_in_steps(text: str) -> bool:
    return len(handling_steps(text)) >= HANDLING_STEPS


def _stem_of(word: str) -> str:
    return next((s for s in _stems() if word.startswith(s)), word)


@lru_cache(maxsize=1)
def _stems() -> tuple[str, ...]:
    """The handling steps' stems, longest first: "reassur" is tried before a shorter stem it holds."""
    return tuple(sorted((w.rstrip("*") for w in words("handling_steps")), key=len, reverse=True))
