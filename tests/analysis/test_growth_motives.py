"""Round 13 of issue 22: the job wanted as practice (analysis.growth_motives), read as grammar
over the lexicon's word classes, with the near misses that must stay clean."""

from __future__ import annotations

import pytest

from storybank.analysis.evidence import self_serving_motive
from storybank.analysis.growth_motives import practice_wanted


@pytest.mark.parametrize("text", [
    "i'd like to enhance my english communication skills.",
    "i want to work in a call center to develop customer service skills.",
    "i'm looking to grow and learn.",
    "i am hoping to gain some experience.",
])
def test_practice_wanted_fires(text: str) -> None:
    assert practice_wanted(text)


@pytest.mark.parametrize("text", [
    "i want to build tools for small businesses.",           # nothing of the speaker's grows
    "i needed to enhance my skills, so i was let go.",        # a past need, not the motive
    "i want to learn how your billing works.",                # learning has an object: the work
    "we helped the team develop their skills.",               # no wish of the speaker's
])
def test_practice_wanted_near_misses(text: str) -> None:
    assert practice_wanted(text) == []


def test_words_inside_the_phrase_are_not_reasons_about_the_work() -> None:
    # "grow" and "learn" are work reasons on their own; inside the wish they are its object.
    assert self_serving_motive("the biggest thing for me is i'm looking to grow and learn.") is not None
    # A reason about the work said apart from the wish still outweighs it.
    assert self_serving_motive("i'm looking to grow and learn. i love helping "
                               "customers, and your mission is why i applied.") is None
