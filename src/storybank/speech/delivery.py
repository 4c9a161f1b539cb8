"""How an answer was delivered: fillers per minute, hedges, "I" versus "we", and pace.

Word lists are data: fillers in `data/speech.toml`, hedges shared with the written analysis in
`data/lexicon.toml`. Matching reuses the analysis's phrase matcher, so "like," is a filler and
"I like Kafka" is not, in speech exactly as in writing.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from storybank.analysis.lexicon import PhraseSet

_I_FORMS = {"i", "i'm", "i've", "i'd", "i'll"}
_WE_FORMS = {"we", "we're", "we've", "we'd", "we'll"}
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")


@lru_cache(maxsize=1)
def speech_data() -> dict[str, Any]:
    return tomllib.loads(resources.files("storybank").joinpath("data/speech.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _fillers() -> PhraseSet:
    from storybank.analysis.lexicon import PhraseSet

    return PhraseSet(speech_data()["fillers"])


def prompt() -> str:
    """The short text the recogniser is primed with (it keeps fillers when its prompt has them)."""
    return str(speech_data()["prompt"])


@dataclass(frozen=True)
class Delivery:
    fillers: dict[str, int]       # filler -> times said
    hedges: list[str]
    i: int
    we: int

    @property
    def filler_count(self) -> int:
        return sum(self.fillers.values())

    def fillers_per_minute(self, speech_seconds: float) -> float:
        return self.filler_count * 60.0 / speech_seconds if speech_seconds > 0 else 0.0


def _label(match: str) -> str:
    return " ".join(match.strip(" ,?").split())


def delivery(transcript: str) -> Delivery:
    from storybank.analysis.lexicon import normalise, scanner

    norm = normalise(transcript)
    fillers = Counter(_label(m) for m in _fillers().findall(norm))
    hedges = scanner(("hedges",)).scan(norm)["hedges"]
    tokens = _TOKEN.findall(norm)
    return Delivery(
        fillers=dict(fillers.most_common()),
        hedges=hedges,
        i=sum(t in _I_FORMS for t in tokens),
        we=sum(t in _WE_FORMS for t in tokens),
    )


def filler_spans(transcript: str) -> list[tuple[int, int]]:
    """(start, end) of each filler in `transcript`, for marking them in the transcript shown."""
    from storybank.analysis.lexicon import normalise

    norm = normalise(transcript)
    if len(norm) != len(transcript):  # a rare letter whose lowercase is longer: mark nothing
        return []
    regex = getattr(_fillers(), "_regex", None)
    if regex is None:
        return []
    spans = []
    for match in regex.finditer(norm):
        start, end = match.span()
        while start < end and not norm[start].isalnum():  # ", like" marks "like", not the comma
            start += 1
        while end > start and not norm[end - 1].isalnum():
            end -= 1
        spans.append((start, end))
    return spans


def pace(wpm: float, window: tuple[float, float]) -> Literal["slow", "window", "fast"]:
    """"slow", "window" or "fast" against the words-per-minute window."""
    low, high = window
    if wpm < low:
        return "slow"
    if wpm > high:
        return "fast"
    return "window"
