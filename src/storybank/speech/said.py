"""Which of the story's cues the speaker said, and which they missed.

The cues are the drill cue card's (storybank.cues): the story's key numbers and the most telling
words of each part (or of the follow-up answer for a probe), technologies ranked first. A number
cue counts as said when all of its numbers were heard (before and after, for a change); a word cue when each of its words was heard,
allowing the small spelling slips of a recogniser ("Tessillate" for "Tessellate").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storybank.model import PARTS
from storybank.speech.numbers import spoken_numbers

_WORD = re.compile(r"[a-z0-9]+")
FUZZY = 80  # rapidfuzz ratio for one word to count as the same word


@dataclass(frozen=True)
class CueCheck:
    said: list[str]
    missed: list[str]

    @property
    def share(self) -> float:
        total = len(self.said) + len(self.missed)
        return len(self.said) / total if total else 1.0


def story_cues(story, probe: str | None = None) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """(word cues, number cues as (text, its numbers)) for the answer, or for one probe."""
    from storybank.cues import cue_words, metric_text

    known = list(story.technologies)
    if probe:
        return cue_words(story.followup(probe), 5, known), []
    words: list[str] = []
    for part in PARTS:
        words.extend(cue_words(story.part(part), 6, known))
    numbers: list[tuple[str, list[str]]] = []
    for metric in story.metrics:
        values = [v for v in (metric.value, metric.before, metric.after) if v is not None]
        text = metric_text(metric)
        if text:
            numbers.append((text, [_plain(v) for v in values]))
    return list(dict.fromkeys(words)), numbers


def _plain(value: float | int) -> str:
    return spoken_numbers(repr(float(value)))[0] if value == value else str(value)


def _heard(word: str, heard: set[str]) -> bool:
    if word in heard:
        return True
    if len(word) < 4 or word.isdigit():
        return False
    from rapidfuzz import fuzz, process

    return process.extractOne(word, heard, scorer=fuzz.ratio, score_cutoff=FUZZY) is not None


def check_cues(story, transcript: str, probe: str | None = None) -> CueCheck:
    words, numbers = story_cues(story, probe)
    heard_words = set(_WORD.findall(transcript.lower()))
    heard_numbers = set(spoken_numbers(transcript))
    said: list[str] = []
    missed: list[str] = []
    for text, values in numbers:
        (said if all(v in heard_numbers for v in values) else missed).append(text)
    for cue in words:
        parts = [w for w in _WORD.findall(cue.lower())]
        digits = [w for w in parts if w.isdigit()]
        ok = all(_heard(w, heard_words) for w in parts if not w.isdigit()) and \
            all(d in heard_numbers or d in heard_words for d in digits)
        (said if ok and parts else missed).append(cue)
    return CueCheck(said, missed)
