"""Turning what the user typed into story data, and back. No Textual here.

Numbers are checked as they are typed; a field the user did not touch keeps its original value
exactly, so opening and saving a story without edits writes nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

_INT = re.compile(r"^[+-]?\d+$")
_FLOAT = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_UNIT_TAIL = re.compile(r"^([+-]?[\d.,_]+)\s*(\S.*)$")


# What the form holds, field by field: "title", "situation", "questions", "metrics",
# "followups.<probe>" ... -> the field's value as typed (the editor takes one at open and at save).
FormValues = dict[str, Any]


def followup_key(probe: str) -> str:
    return f"followups.{probe}"


def changed_fields(baseline: Mapping[str, Any], now: Mapping[str, Any]) -> set[str]:
    """The names of the fields whose value differs from the baseline (a new field counts as changed)."""
    return {name for name, value in now.items() if name not in baseline or baseline[name] != value}


def number_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return repr(value)  # keep "4.0" a float when saved back
    return str(value)


def parse_number(text: str) -> tuple[int | float | None, str | None]:
    """(number, None), (None, None) for an empty field, or (None, what is wrong)."""
    raw = text.strip()
    if not raw:
        return None, None
    cleaned = raw.replace("_", "")
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", cleaned):
        cleaned = cleaned.replace(",", "")  # 3,000,000
    if _INT.match(cleaned):
        return int(cleaned), None
    if _FLOAT.match(cleaned):
        value = float(cleaned)
        if not math.isfinite(value):
            return None, f"“{raw}” is too large"
        return value, None
    tail = _UNIT_TAIL.match(raw)
    if tail:
        return None, f"“{raw}” is not a number: write {tail.group(1)} here and put “{tail.group(2)}” in Unit"
    return None, f"“{raw}” is not a number"


def split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def metric_data(name: str, value: str, before: str, after: str, unit: str,
                extra: dict[str, Any] | None = None) -> tuple[dict[str, Any] | None, str | None]:
    """A metric table from the row's fields: (data, None), (None, None) for a blank row,
    or (None, the problem)."""
    if not any(x.strip() for x in (name, value, before, after, unit)):
        return None, None
    data: dict[str, Any] = dict(extra or {})
    for key in ("value", "before", "after", "unit"):
        data.pop(key, None)
    data["name"] = name.strip()
    problems = []
    numbers = {}
    for key, text in (("value", value), ("before", before), ("after", after)):
        number, problem = parse_number(text)
        if problem:
            problems.append(f"{key}: {problem}")
        elif number is not None:
            numbers[key] = number
    if problems:
        return None, "; ".join(problems)
    if not data["name"]:
        return None, "give the metric a name (what was measured)"
    has_pair = "before" in numbers and "after" in numbers
    if "value" not in numbers and not has_pair:
        if "before" in numbers:
            return None, "add the after number (or use value alone)"
        if "after" in numbers:
            return None, "add the before number (or use value alone)"
        return None, "add a number: value, or before and after"
    data.update(numbers)
    if unit.strip():
        data["unit"] = unit.strip()
    return data, None
