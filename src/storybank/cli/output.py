"""Printing for the command line: JSON to stdout, text with optional colour, errors to stderr."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TextIO

# The colour of each tone of `storybank.zones.WORDS` (and anything else worded by tone).
TONE_COLOUR = {"quiet": "yellow", "good": "green", "warn": "yellow", "bad": "red"}
_CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "blue": "34",
          "magenta": "35", "cyan": "36"}


def use_colour(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


class Painter:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, *styles: str) -> str:
        if not self.enabled or not styles:
            return text
        codes = ";".join(_CODES[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"


def grouped(number: str) -> str:
    """A number as digits, with thousands separators for reading: "40000000" -> "40,000,000",
    "1234.5" -> "1,234.5"; anything else as it is. (JSON keeps the plain digits.)"""
    sign, digits = ("-", number[1:]) if number.startswith("-") else ("", number)
    whole, dot, fraction = digits.partition(".")
    if not whole.isdigit() or (fraction and not fraction.isdigit()):
        return number
    return f"{sign}{int(whole):,}{dot}{fraction}"


def print_json(data: object) -> None:
    """JSON on stdout: indented for a person at a terminal, compact for a pipe or a file."""
    import json  # here, not at the top: `storybank --help` never needs it

    indent = 2 if sys.stdout.isatty() else None
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    try:
        text.encode(sys.stdout.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        # A path that is not UTF-8 (a lone surrogate) or a console that cannot show every
        # character: \u escapes keep the output valid JSON that means the same.
        text = json.dumps(data, indent=indent, ensure_ascii=True)
    sys.stdout.write(text + "\n")


def tolerant_stdout() -> None:
    """Make printing never fail: file and folder names that are not UTF-8 arrive as lone
    surrogates, and a console in another encoding cannot show every character of a story.

    On UTF-8 the original bytes are written back (the name as the file system spells it);
    elsewhere what cannot be shown becomes `?`. stderr already escapes what it cannot show.
    """
    stream = sys.stdout
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    import contextlib

    with contextlib.suppress(ValueError, OSError):  # a stream that cannot change: leave it
        reconfigure(errors="surrogateescape" if encoding == "utf8" else "replace")


def error(message: str) -> None:
    """One line on stderr, whatever the message holds: a path or argument with a newline or an
    escape sequence in it is shown escaped (`\\n`), not acted on by the terminal."""
    sys.stderr.write(f"storybank: {one_line(message)}\n")


def one_line(text: str) -> str:
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def shell_word(text: str) -> str:
    """`text` quoted so a POSIX shell reads it back as one word, on one line; names with control
    characters use bash's $'...' form."""
    import shlex

    if all(ch.isprintable() for ch in text):
        return shlex.quote(text)
    escaped = {"\\": "\\\\", "'": "\\'"}
    return "$'" + "".join(escaped.get(ch) or one_line(ch) for ch in text) + "'"


def safe(text: str) -> str:
    """Text from a story made safe for one terminal line: no control characters or escapes."""
    return "".join(ch if ch.isprintable() else " " for ch in text)
