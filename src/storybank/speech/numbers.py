"""Numbers heard in a transcript, spoken forms normalised to digits.

Whisper writes most numbers as digits ("6.8", "40 million"); some come out as words ("six point
eight", "two hundred and fifty"). Both end up as the same plain text here: "6.8", "40000000",
"250". Decimal arithmetic, so "six point eight" is exactly 6.8, never 6.799999.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_UNITS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
_TENS = {w: 10 * i for i, w in enumerate(
    ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]) if w != "_"}
_SCALES = {"thousand": 10 ** 3, "million": 10 ** 6, "billion": 10 ** 9, "trillion": 10 ** 12}
_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[a-z]+", re.I)
_TIME = re.compile(r"\d+:\d+")

# The grammar of a spoken number, as data. A number word of each kind may follow only these kinds
# (None: it starts the number): "two hundred" and "forty two" read on, "two forty" does not.
_MAY_FOLLOW: dict[str, frozenset[str | None]] = {
    "digit": frozenset({None}),
    "unit": frozenset({None, "tens", "hundred", "scale", "and"}),
    "teen": frozenset({None, "hundred", "scale", "and"}),
    "tens": frozenset({None, "hundred", "scale", "and"}),
    "hundred": frozenset({"unit", "teen", "tens", "digit", "a"}),
    "scale": frozenset({"unit", "teen", "tens", "hundred", "digit", "a", "point"}),
}


@dataclass(frozen=True)
class _Link:
    """A word that belongs to a number only between the right neighbours: "hundred and five",
    "a thousand", "six point eight"."""

    after: frozenset[str | None]
    before: frozenset[str | None]


_LINKS = {
    "and": _Link(frozenset({"hundred", "scale"}), frozenset({"unit", "teen", "tens"})),
    "a": _Link(frozenset({None}), frozenset({"hundred", "scale"})),
    "point": _Link(frozenset({"unit", "teen", "tens", "digit"}), frozenset({"unit", "teen"})),
}


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


def _role(tokens: list[str], i: int, last: str | None) -> str | None:
    """What tokens[i] is in a number whose previous word was of kind `last` (a number word's kind,
    or the link word itself), or None when the number ends before it."""
    tok = tokens[i]
    kind = _kind(tok)
    if kind is not None:
        return kind if last in _MAY_FOLLOW[kind] else None
    link = _LINKS.get(tok)
    following = _kind(tokens[i + 1]) if i + 1 < len(tokens) else None
    if link is not None and last in link.after and following in link.before:
        return tok
    return None


def _decimals(tokens: list[str], start: int) -> str:
    """The digits said one by one from tokens[start], as digits: "eight one" in "six point eight
    one" is "81"; empty when no single digit comes ("six point twelve")."""
    digits = []
    for tok in tokens[start:]:
        if tok not in _UNITS or _UNITS[tok] > 9:
            break
        digits.append(str(_UNITS[tok]))
    return "".join(digits)


def _add(role: str, tok: str, total: Decimal, group: Decimal) -> tuple[Decimal, Decimal]:
    """The running total and group after one more word. A group is what a scale word multiplies:
    "two hundred and fifty" in "two hundred and fifty thousand"."""
    if role == "digit":
        return total, Decimal(tok.replace(",", ""))  # the token pattern only lets numbers through
    if role in ("unit", "teen", "tens"):
        return total, group + _UNITS.get(tok, _TENS.get(tok, 0))
    if role == "hundred":
        return total, (group or Decimal(1)) * 100
    if role == "scale":
        return total + (group or 1) * _SCALES[tok], Decimal(0)
    if role == "a":
        return total, Decimal(1)
    return total, group  # "and" only links


def _read(tokens: list[str], start: int) -> tuple[Decimal | None, int]:
    """The number starting at tokens[start], and the index after it (None if there is none)."""
    total, group, last, i = Decimal(0), Decimal(0), None, start
    while i < len(tokens):
        role = _role(tokens, i, last)
        if role is None:
            break
        if role == "point":
            decimals = _decimals(tokens, i + 1)
            if not decimals:
                break
            group += Decimal("0." + decimals)
            i += 1 + len(decimals)
        else:
            total, group = _add(role, tokens[i], total, group)
            i += 1
        last = role
    if last is None or last in ("and", "a"):
        return None, start + 1
    return total + group, i


def _text(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def numbers_said_in(text: str) -> list[str]:
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
