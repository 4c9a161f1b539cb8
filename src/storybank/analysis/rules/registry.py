"""The rule registry: every finding code is a small function registered here with its metadata.

Built-in rules live in the modules of this package, one module per category. Pitfall rules come
from the catalog (see pitfalls.py) and are registered per catalog, so a new question set brings
its own codes without a code change.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from storybank.analysis.context import StoryContext


@dataclass(frozen=True)
class Hit:
    message: str
    value: float | int | str | None = None
    field: str | None = None
    severity: str | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    severity: str
    field: str
    summary: str
    check: Callable[[StoryContext], Iterable[Hit]]


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, category: str, severity: str, field: str, summary: str):
    """Register a built-in rule. The function yields a Hit for each problem it finds."""

    def register(func: Callable[[StoryContext], Iterable[Hit]]):
        if code in RULES:
            raise ValueError(f"finding code {code} registered twice")
        RULES[code] = Rule(code, name, category, severity, field, summary, func)
        return func

    return register


def builtin_rules() -> dict[str, Rule]:
    # Importing the modules registers their rules.
    from storybank.analysis.rules import (  # noqa: F401
        compression,
        depth,
        layers,
        ownership,
        pitfalls,
        specificity,
        structure,
    )

    return RULES


def fmt_seconds(seconds: float, rounding: str = "nearest") -> str:
    """Whole seconds. Round "up" for a time past a limit and "down" for one short of it, so
    90.4 s never reads as "90 s, past the 90 s limit"."""
    if rounding == "up":
        return f"{math.ceil(seconds - 1e-9)} s"
    if rounding == "down":
        return f"{math.floor(seconds + 1e-9)} s"
    return f"{seconds:.0f} s"


def quote_list(items: Iterable[str], limit: int = 3) -> str:
    items = list(dict.fromkeys(items))
    shown = ", ".join(f'"{i}"' for i in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number_word(n: int) -> str:
    """3 -> "three": small counts read better spelled out in a message."""
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def and_list(items: Iterable[str]) -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    items = list(items)
    return f"{', '.join(items[:-1])} and {items[-1]}" if len(items) > 1 else "".join(items)
