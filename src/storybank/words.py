"""The one word counter, and the one conversion from words to speaking time.

Every place that shows or judges how long something takes to say (the analysis, the editor's live
panel, the bank list, the drill, the cheat sheet, spoken practice) counts words here, so the same
text never shows two different times on two screens.

A word is a run that starts with a letter or digit and may carry the joiners that stay inside a
spoken word: apostrophes ("don't"), hyphens ("Redis-backed"), and the dots, colons, slashes, plus
and hash signs inside numbers and names ("4.2", "9:30", "TCP/IP", "C++", "C#"). A lone dash,
bullet or symbol is not a word. Importing this module costs one regex compile and nothing else.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_][\w'’+#.:\-/]*")


def words(text: str) -> list[str]:
    """The words of `text`, in order."""
    return _WORD.findall(text)


def plural(noun: str) -> str:
    """"programme" -> "programmes", "company" -> "companies"."""
    return f"{noun[:-1]}ies" if noun.endswith("y") else f"{noun}s"


def count_words(text: str) -> int:
    """How many words `text` has."""
    return sum(1 for _ in _WORD.finditer(text))


def spoken_seconds(words_or_text: float | str, rate_wpm: float) -> float:
    """How long a text (or a number of words) takes to say at `rate_wpm` words per minute."""
    count = count_words(words_or_text) if isinstance(words_or_text, str) else words_or_text
    return count * 60.0 / rate_wpm
