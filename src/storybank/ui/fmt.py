"""How values read on screen: symbols that never rely on colour alone, times, dates, labels."""

from __future__ import annotations

import time
from functools import cache
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size

from storybank.zones import answer_seconds_shown

if TYPE_CHECKING:
    from storybank.settings import Settings

# readiness -> (symbol, style name); None while the analysis is still running
READINESS: dict[str | None, tuple[str, str]] = {
    "clean": ("✓", "clean"),
    "warnings": ("!", "warnings"),
    "errors": ("✗", "errors"),
    None: ("…", "pending"),
}
READINESS_WORD = {"clean": "ready", "warnings": "warnings", "errors": "errors", None: "analysing"}

SEVERITY: dict[str, tuple[str, str]] = {
    "error": ("✗", "errors"),
    "warning": ("!", "warnings"),
    "info": ("i", "pending"),
}

STATUS: dict[str, tuple[str, str]] = {
    "strong": ("✓", "clean"),
    "weak": ("!", "warnings"),
    "missing": ("✗", "errors"),
}

def clip(text: str, width: int) -> str:
    """`text` in at most `width` terminal cells, its cut shown with "…" (a wide character such as
    an emoji or a CJK letter takes two cells)."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + "…"


_VOWELS = set("aeiouy")


_PLURALS = {"story": "stories", "technology": "technologies", "type": "types"}


def plural(n: int, word: str) -> str:
    """`1 story`, `2 stories`, `0 warnings`."""
    if n == 1:
        return f"{n} {word}"
    return f"{n} {_PLURALS.get(word, word + 's')}"


def whole_seconds(value: float) -> int:
    """The one rounding of a duration to whole seconds, for every place that shows one (the
    same rule as the CLI's `{:.0f}`), so a timer, a card and a list never disagree."""
    return round(max(0.0, value))


def seconds(value: float | None) -> str:
    if value is None:
        return "…"
    if value <= 0:
        return "—"
    return f"{whole_seconds(value)}s"


def answer_seconds(value: float | None, settings: Settings) -> str:
    """A main answer's time beside the bank's window: as `seconds`, but never on the other side of
    a boundary ("59s", not "60s … short of the window"; zones.answer_seconds_shown)."""
    if value is None or value <= 0:
        return seconds(value)
    return f"{answer_seconds_shown(value, settings)}s"


def clock(value: float) -> str:
    """A running timer: 0:07, 1:12."""
    value = whole_seconds(value)
    return f"{value // 60}:{value % 60:02d}"


def ago(ts: float | None, now: float) -> str:
    """When a story was last practised, relative to `now` (independent of the time zone)."""
    if ts is None:
        return "—"
    days = int(max(0.0, now - ts) // 86400)
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days}d ago"
    if days < 60:
        return f"{days // 7}w ago"
    return time.strftime("%b %Y", time.gmtime(ts))


@cache  # the cached rows ask for it once per tag in the list, before the catalog is read
def short_label(question_id: str) -> str:
    """A compact tag for a question id: its first syllables (project -> proj, schedule -> sched)."""
    word = question_id.lower()
    if len(word) <= 5:
        return word
    out = ""
    i = 0
    while i < len(word):
        # consonants, then vowels, then the consonants that close the syllable
        while i < len(word) and word[i] not in _VOWELS:
            out += word[i]
            i += 1
        while i < len(word) and word[i] in _VOWELS:
            out += word[i]
            i += 1
        while i < len(word) and word[i] not in _VOWELS and word[i].isalpha():
            out += word[i]
            i += 1
        if len(out) >= 4:
            break
    return out[:5]


def score_bar(value: int, width: int = 10) -> str:
    filled = round(max(0, min(100, value)) * width / 100)
    return "█" * filled + "░" * (width - filled)
