"""Phrase sets from `data/lexicon.toml` (and the catalog), compiled once into fast matchers.

A phrase matches on word boundaries, case-insensitively; a trailing `*` matches any word that
starts with the text before it. Matchers are plain alternations of literals: linear in the text,
no backtracking blow-up even on a 4 MB story.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    return text.translate(_APOSTROPHES).lower()


class PhraseSet:
    """Finds occurrences of any of a list of phrases in normalised text."""

    def __init__(self, phrases: list[str] | tuple[str, ...]) -> None:
        self.phrases = tuple(dict.fromkeys(p.strip().lower() for p in phrases if p.strip()))
        parts = []
        for phrase in sorted(self.phrases, key=len, reverse=True):
            stem = phrase.endswith("*")
            body = re.escape(phrase.rstrip("*")).replace(r"\ ", r"\s+")
            if stem:
                body += r"[\w'-]*"
            # Word boundaries only where the phrase itself starts/ends with a word character.
            left = r"(?<![\w])" if re.match(r"\w", phrase) else ""
            right = r"(?![\w])" if re.search(r"[\w*]$", phrase) else ""
            parts.append(left + body + right)
        self._regex = re.compile("|".join(parts)) if parts else None

    def __bool__(self) -> bool:
        return self._regex is not None

    def findall(self, norm_text: str) -> list[str]:
        if self._regex is None:
            return []
        return [m.group(0) for m in self._regex.finditer(norm_text)]

    def count(self, norm_text: str) -> int:
        if self._regex is None:
            return 0
        return sum(1 for _ in self._regex.finditer(norm_text))

    def search(self, norm_text: str) -> str | None:
        if self._regex is None:
            return None
        match = self._regex.search(norm_text)
        return match.group(0) if match else None


@lru_cache(maxsize=1)
def lexicon() -> dict[str, PhraseSet]:
    data = tomllib.loads(resources.files("storybank").joinpath("data/lexicon.toml").read_text("utf-8"))
    return {name: PhraseSet(words) for name, words in data.items()}


@lru_cache(maxsize=256)
def phrase_set(phrases: tuple[str, ...]) -> PhraseSet:
    return PhraseSet(phrases)
