"""The cue lists of `data/answers.toml`, read once and compiled into phrase matchers."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from storybank.analysis.lexicon import PhraseSet, phrase_set
from storybank.model import PARTS

# The four parts in the order they are told, as the story format has them.
PART_NAMES: tuple[str, ...] = PARTS


@lru_cache(maxsize=1)
def answer_data() -> dict[str, Any]:
    text = resources.files("storybank").joinpath("data/answers.toml").read_text("utf-8")
    return tomllib.loads(text)


def weight(name: str) -> float:
    """A named weight or prior from the `[weights]` table."""
    return float(answer_data()["weights"][name])


@lru_cache(maxsize=16)
def part_cues(part: str) -> tuple[PhraseSet, PhraseSet]:
    """(strong cues, cues) of one part."""
    table = answer_data()["parts"][part]
    return phrase_set(tuple(table["strong"])), phrase_set(tuple(table["cues"]))


@lru_cache(maxsize=8)
def covered_cues(name: str) -> PhraseSet:
    """The phrases that show an answer covered `name` (lesson, alternatives, people)."""
    return phrase_set(tuple(answer_data()["covered"][name]))
