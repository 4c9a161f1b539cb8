"""The timed drill, without a screen: which question comes next, which story and probe to use,
how a timer reading compares with the interview's windows, and whether a typed answer is so close
to the stored text that it would sound recited.

Pure functions over plain data; rapidfuzz is imported only when a typed answer is checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from storybank.practice import PracticeRecord, question_counts, question_last

# The one word counter; the drill screen reads both through this module.
from storybank.words import count_words, spoken_seconds  # noqa: F401

Zone = Literal["short", "window", "over", "limit"]

# A typed answer sharing this much with the stored story reads as memorised (0..1).
MEMORISED_THRESHOLD = 0.7
# Below this many typed words the comparison says nothing useful.
MIN_WORDS_TO_COMPARE = 12
SHINGLE = 4

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


# --- which question next ------------------------------------------------------------------------

def order_questions(
    question_ids: Sequence[str],
    statuses: Mapping[str, str],
    records: Iterable[PracticeRecord] = (),
) -> list[str]:
    """Uncovered question types first, then the least practised; ties go to the one practised
    longest ago (never practised first), then to catalog order."""
    records = list(records)
    counts = question_counts(records)
    last = question_last(records)
    index = {qid: i for i, qid in enumerate(question_ids)}

    def key(qid: str) -> tuple:
        uncovered = statuses.get(qid, "missing") == "missing"
        return (0 if uncovered else 1, counts.get(qid, 0), last.get(qid, float("-inf")), index[qid])

    return sorted(question_ids, key=key)


def default_story(question_id: str, assigned: Mapping[str, str | None],
                  mapped: Mapping[str, Sequence[str]]) -> str | None:
    """The story to tell by default: the assigned one, else the first story mapped to the type."""
    story = assigned.get(question_id)
    if story:
        return story
    stories = mapped.get(question_id) or ()
    return stories[0] if stories else None


def pick_probe(probes: Sequence[str], records: Iterable[PracticeRecord], story: str | None) -> str | None:
    """The follow-up probe this story has been asked least often (catalog order breaks ties)."""
    if not probes:
        return None
    asked: dict[str, int] = {}
    for record in records:
        if record.probe and (story is None or record.story == story):
            asked[record.probe] = asked.get(record.probe, 0) + 1
    return min(probes, key=lambda p: (asked.get(p, 0), probes.index(p)))


# --- timing ---------------------------------------------------------------------------------------

def zone(elapsed: float, window: tuple[float, float], limit: float | None = None) -> Zone:
    """Where a running answer stands: before the window, inside it, past it, past the hard limit."""
    low, high = window
    if limit is not None and elapsed > limit:
        return "limit"
    if elapsed > high:
        return "over"
    if elapsed >= low:
        return "window"
    return "short"


ZONE_TEXT = {
    "short": "building up",
    "window": "in the window",
    "over": "past the window: land it",
    "limit": "past the hard limit: stop",
}


def zone_text(kind: Zone, limit: float | None = None) -> str:
    if kind == "over" and limit is None:
        return "past the window: stop"
    return ZONE_TEXT[kind]


# --- does it sound memorised? -----------------------------------------------------------------------

@dataclass(frozen=True)
class MemorisationCheck:
    similarity: float      # 0..1: how much of the typed answer is the stored text, word for word
    memorised: bool
    compared: bool         # False when the typed answer was too short to judge

    def message(self) -> str:
        if not self.compared:
            return ""
        percent = round(self.similarity * 100)
        if self.memorised:
            return (f"{percent}% of this matches your stored story word for word: it would sound "
                    "recited. Keep the numbers and the order; say the rest in fresh words.")
        return f"{percent}% word-for-word overlap with your stored story: sounds like you, not a script."


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def similarity(typed: str, stored: str) -> float:
    """How much of `typed` repeats `stored` verbatim: the larger of the share of its 4-word runs
    found in the stored text and rapidfuzz's character ratio of the two (normalised) texts."""
    typed_tokens, stored_tokens = _tokens(typed), _tokens(stored)
    if not typed_tokens or not stored_tokens:
        return 0.0
    from rapidfuzz import fuzz

    ratio = fuzz.ratio(" ".join(typed_tokens), " ".join(stored_tokens)) / 100.0
    n = SHINGLE if len(typed_tokens) >= SHINGLE else len(typed_tokens)
    typed_runs = [tuple(typed_tokens[i:i + n]) for i in range(len(typed_tokens) - n + 1)]
    stored_runs = {tuple(stored_tokens[i:i + n]) for i in range(len(stored_tokens) - n + 1)}
    overlap = sum(run in stored_runs for run in typed_runs) / len(typed_runs) if typed_runs else 0.0
    return max(ratio, overlap)


def check_memorised(typed: str, stored: str, threshold: float = MEMORISED_THRESHOLD) -> MemorisationCheck:
    if count_words(typed) < MIN_WORDS_TO_COMPARE:
        return MemorisationCheck(0.0, False, False)
    score = similarity(typed, stored)
    return MemorisationCheck(score, score >= threshold, True)
