"""Reading a stored report's JSON leniently: a value of the wrong kind reads as the empty or
default one, so a practice log written by another version still opens."""

from __future__ import annotations

import math
from typing import Any


def as_dict(data: object) -> dict[str, Any]:
    return data if isinstance(data, dict) else {}


def as_list(data: object) -> list[Any]:
    return data if isinstance(data, list) else []


def as_text(value: object, default: str = "") -> str:
    return value if isinstance(value, str) else default


def text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def as_number(value: object, default: float = 0.0) -> float:
    # NaN and infinity (Python's json reads them) are no count or score: the default.
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return default
    return float(value)


def as_int(value: object, default: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return default
    return int(value)


def as_texts(value: object) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()
