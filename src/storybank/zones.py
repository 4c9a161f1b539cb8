"""Where a timed answer stands against its window: the answer-zone enum and its one wording table.

A zone is `short` (before the window), `window` (inside it), `over` (past it) or `limit` (past
the hard limit, main answers only). Every screen, command and report words a zone from `WORDS`
and colours it from its `tone`. No Textual, no I/O.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storybank.settings import Settings


class Zone(StrEnum):
    SHORT = "short"
    WINDOW = "window"
    OVER = "over"
    LIMIT = "limit"


@dataclass(frozen=True)
class ZoneWords:
    running: str      # while the clock runs: "building up"
    verdict: str      # on a finished answer: "short of the window"
    column: str       # in a column of times: "in window"
    note: str         # beside a time, a word or a mark: "long"
    symbol: str       # one character: "✗"
    tone: str         # "quiet", "good", "warn" or "bad": each front end's colour for it


WORDS: dict[Zone, ZoneWords] = {
    Zone.SHORT: ZoneWords("building up", "short of the window", "short", "short", "…", "quiet"),
    Zone.WINDOW: ZoneWords("in the window", "in the window", "in window", "✓", "✓", "good"),
    Zone.OVER: ZoneWords("past the window: land it", "past the window: land it", "over window", "long", "!", "warn"),
    Zone.LIMIT: ZoneWords("past the hard limit: stop", "past the hard limit: stop", "past limit", "over limit", "✗",
                          "bad"),
}
# Past a window with no hard limit after it (a follow-up): nothing left to land, so stop.
OVER_NO_LIMIT = "past the window: stop"


def zone(elapsed: float, window: tuple[float, float], limit: float | None = None) -> Zone:
    """Where a running answer stands: before the window, inside it, past it, past the hard limit."""
    low, high = window
    if limit is not None and elapsed > limit:
        return Zone.LIMIT
    if elapsed > high:
        return Zone.OVER
    if elapsed >= low:
        return Zone.WINDOW
    return Zone.SHORT


def shown_seconds(seconds: float, window: tuple[float, float], limit: float | None = None) -> int:
    """An answer's time in whole seconds, the same in every view (the lint line, its findings and
    score reasons, the story list, the editor, `answer`): the nearest second, except that it never
    reads as the other side of a boundary. 59.6 s, short of a 60 s window, reads 59 s, never
    "60 s, short of the 60 s window"; 80.3 s past an 80 s window reads 81 s (dogfood22)."""
    seconds = max(0.0, seconds)
    whole = round(seconds)
    low, high = window
    if seconds < low <= whole:
        return math.floor(seconds)
    if limit is not None and seconds > limit >= whole:
        return math.ceil(seconds)
    if seconds > high >= whole:
        return math.ceil(seconds)
    return int(whole)


def answer_seconds_shown(seconds: float, settings: Settings) -> int:
    """A main answer's time as shown beside the bank's answer window and hard limit."""
    return shown_seconds(seconds, settings.answer_seconds, settings.answer_limit_seconds)


def zone_for(seconds: float, settings: Settings, followup: bool) -> Zone:
    """A finished answer's zone: a follow-up against its window, a main answer against the
    answer window and the hard limit (the bank's settings)."""
    if followup:
        return zone(seconds, settings.followup_seconds)
    return zone(seconds, settings.answer_seconds, settings.answer_limit_seconds)


def running_text(kind: Zone, limit: float | None = None) -> str:
    """What the clock says while it runs; past a window with no hard limit, stop."""
    if kind == Zone.OVER and limit is None:
        return OVER_NO_LIMIT
    return WORDS[kind].running


def verdict_text(kind: Zone, limit: float | None = None) -> str:
    """The verdict on a finished answer: "short of the window", "in the window", ..."""
    if kind == Zone.OVER and limit is None:
        return OVER_NO_LIMIT
    return WORDS[kind].verdict


def zone_of(value: object) -> Zone:
    """A zone read from JSON (a practice log line, a saved report); anything else is short."""
    try:
        return Zone(value) if isinstance(value, str) else Zone.SHORT
    except ValueError:
        return Zone.SHORT
