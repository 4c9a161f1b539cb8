"""Terminal-style text width: how many columns a string takes in a monospaced plain-text file.

Wide East Asian characters and most emoji take two columns, combining marks none. Used to keep
the plain-text cheat sheet within its 100 columns exactly.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\u200e\u200f\ufe0f":
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


def display_width(text: str) -> int:
    if text.isascii():   # no wide, combining or zero-width character is ASCII
        return len(text)
    return sum(char_width(ch) for ch in text)


def _cut(word: str, width: int) -> tuple[str, str]:
    """The longest head of `word` that fits in `width` columns (at least one character)."""
    used = 0
    for index, ch in enumerate(word):
        w = char_width(ch)
        if used + w > width and index > 0:
            return word[:index], word[index:]
        used += w
    return word, ""


def wrap(text: str, width: int = 100, indent: str = "", first: str | None = None) -> list[str]:
    """Greedy word wrap of `text` (whitespace collapsed) into lines of at most `width` columns.

    `first` is the first line's prefix (default `indent`), `indent` the following lines'. Words
    longer than a line are broken, so no line is ever wider than `width`.
    """
    first = indent if first is None else first
    lines: list[str] = []
    prefix = first
    line = ""
    for word in text.split():
        while word:
            room = width - display_width(prefix)
            room = max(room, 1)
            candidate = f"{line} {word}" if line else word
            if display_width(candidate) <= room:
                line, word = candidate, ""
            elif line:
                lines.append(prefix + line)
                prefix, line = indent, ""
            else:
                head, word = _cut(word, room)
                lines.append(prefix + head)
                prefix = indent
    if line or not lines:
        lines.append(prefix + line)
    return [ln.rstrip() for ln in lines]


def hard_wrap(text: str, width: int) -> str:
    """Break every line longer than `width` columns; shorter lines are left exactly as they are."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.rstrip()
        if display_width(line) <= width:
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        if display_width(indent) > width // 2:
            indent = ""
        out.extend(wrap(line.strip(), width, indent=indent, first=indent))
    return "\n".join(out)
