"""Writing TOML values by hand, so saved stories read well and round-trip exactly.

Long texts become multi-line strings; everything else uses the plainest valid form.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time
from typing import Any

_BASIC_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
MULTILINE_AFTER = 72


def _control(ch: str) -> bool:
    code = ord(ch)
    return code < 0x20 or code == 0x7F


def basic_string(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch in _BASIC_ESCAPES:
            out.append(_BASIC_ESCAPES[ch])
        elif _control(ch):
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def multiline_string(text: str) -> str:
    out = ['"""\n']
    quotes = 0
    for ch in text:
        if ch == '"':
            quotes += 1
            if quotes == 3:  # never let three quotes in a row close the string early
                out.append('\\"')
                quotes = 0
                continue
            out.append(ch)
            continue
        quotes = 0
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\n" or ch == "\t":
            out.append(ch)
        elif ch == "\r":
            out.append("\\r")
        elif _control(ch):
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    # Quotes just before the closing delimiter would merge with it: escape them.
    tail = 0
    while tail < len(out) and out[len(out) - 1 - tail] == '"':
        tail += 1
    if tail:
        del out[len(out) - tail :]
        out.extend(['\\"'] * tail)
    out.append('"""')
    return "".join(out)


def string(text: str) -> str:
    if "\n" in text or len(text) > MULTILINE_AFTER:
        return multiline_string(text)
    return basic_string(text)


def value(obj: Any) -> str | None:
    """TOML source for a plain value, or None if only a table can hold it."""
    if isinstance(obj, bool):
        return "true" if obj else "false"
    if isinstance(obj, int):
        return str(obj)
    if isinstance(obj, float):
        if math.isnan(obj):
            return "nan"
        if math.isinf(obj):
            return "inf" if obj > 0 else "-inf"
        return repr(obj)
    if isinstance(obj, str):
        return string(obj)
    if isinstance(obj, datetime | date | time):
        return obj.isoformat()
    if isinstance(obj, list):
        if any(isinstance(x, dict) for x in obj):
            return None
        parts = [basic_string(x) if isinstance(x, str) else value(x) for x in obj]
        if any(p is None for p in parts):
            return None
        return "[" + ", ".join(parts) + "]"  # type: ignore[arg-type]
    if isinstance(obj, dict):
        return None
    raise TypeError(f"cannot write {type(obj).__name__} as TOML")
