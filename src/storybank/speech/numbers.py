"""Numbers heard in a transcript, spoken forms normalised to digits.

Whisper writes most numbers as digits ("6.8", "40 million"); some come out as words ("six point
eight", "two hundred and fifty"). Both end up as the same plain text here: "6.8", "40000000",
"250". Decimal arithmetic, so "six point eight" is exactly 6.8, never 6.799999.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_UNITS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
_TENS = {w: 10 * i for i, w in enumerate(
    ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]) if w != "_"}
_SCALES = {"thousand": 10 ** 3, "million": 10 ** 6, "billion": 10 ** 9, "trillion": 10 ** 12}
_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[a-z]+", re.I)
_TIME = re.compile(r"\d+:\d+")


def _digit(tok: str) -> Decimal | None:
    if tok[0].isdigit():
        try:
            return Decimal(tok.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the token regex only lets numbers through
            return None
    return None


def _kind(tok: str) -> str | None:
    if tok[0].isdigit():
        return "digit"
    if tok in _UNITS:
        return "unit" if 1 <= _UNITS[tok] <= 9 else "teen"
    if tok in _TENS:
        return "tens"
    if tok == "hundred":
        return "hundred"
    if tok in _SCALES:
        return "scale"
    return None


def _read(tokens: list[str], start: int) -> tuple[Decimal | None, int]:
    """The number starting at tokens[start], and the index after it (None if there is none)."""
    total, current, last, i, n = Decimal(0), Decimal(0), None, start, len(tokens)
    while i < n:
        tok = tokens[i]
        kind = _kind(tok)
        nxt = _kind(tokens[i + 1]) if i + 1 < n else None
        if kind == "digit" and last is None:
            value = _digit(tok)
            if value is None:  # pragma: no cover - the token regex only lets numbers through
                break
            current = value
        elif kind == "unit" and last in (None, "tens", "hundred", "scale", "and"):
            current += _UNITS[tok]
        elif kind in ("teen", "tens") and last in (None, "hundred", "scale", "and"):
            current += _UNITS.get(tok, _TENS.get(tok, 0))
        elif kind == "hundred" and last in ("unit", "teen", "tens", "digit", "a"):
            current = (current or Decimal(1)) * 100
        elif kind == "scale" and last in ("unit", "teen", "tens", "hundred", "digit", "a", "point"):
            total += (current or 1) * _SCALES[tok]
            current = Decimal(0)
        elif tok == "and" and last in ("hundred", "scale") and nxt in ("unit", "teen", "tens"):
            kind = "and"
        elif tok == "a" and last is None and nxt in ("hundred", "scale"):
            kind, current = "a", Decimal(1)
        elif tok == "point" and last in ("unit", "teen", "tens", "digit") and nxt in ("unit", "teen"):
            digits = []
            j = i + 1
            while j < n and tokens[j] in _UNITS and _UNITS[tokens[j]] <= 9:
                digits.append(str(_UNITS[tokens[j]]))
                j += 1
            if not digits:
                break
            current += Decimal("0." + "".join(digits))
            i, last = j, "point"
            continue
        else:
            break
        last = kind
        i += 1
    if last is None or last in ("and", "a"):
        return None, start + 1
    return total + current, i


def _text(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def spoken_numbers(text: str) -> list[str]:
    """Every number said in `text`, in order, as plain digits: "forty million" -> "40000000"."""
    text = _TIME.sub(" ", text)  # "06:00" is a time of day, not two numbers
    tokens = [t.lower() for t in _TOKEN.findall(text.replace("-", " "))]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if _kind(tokens[i]) or tokens[i] == "a":
            begin = i
            value, i = _read(tokens, i)
            # A lone "one" is a word ("one of its tasks"), not a number anyone means to say.
            if value is not None and tokens[begin:i] != ["one"]:
                out.append(_text(value))
            continue
        i += 1
    return out


def with_digits(text: str) -> str:
    """`text` with every spoken number replaced by its digits, for word-for-word comparisons:
    "five hours forty minutes" and "5 hours 40 minutes" become the same words."""
    tokens = _TOKEN.findall(_TIME.sub(" ", text).replace("-", " "))
    lowered = [t.lower() for t in tokens]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if _kind(lowered[i]) or lowered[i] == "a":
            value, j = _read(lowered, i)
            if value is not None:
                out.append(_text(value))
                i = j
                continue
        out.append(lowered[i])
        i += 1
    return " ".join(out)
