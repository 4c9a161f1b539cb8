"""Phrase sets from `data/lexicon.toml` (and the catalog), compiled once into fast matchers.

A phrase matches on word boundaries, case-insensitively; a trailing `*` matches any word that
starts with the text before it. Matchers are plain alternations of literals: linear in the text,
no backtracking blow-up even on a 4 MB story.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

_CURLY = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'))


def normalise(text: str) -> str:
    # str.replace is a fast scan; str.translate with a mapping is slow on megabytes of text.
    for curly, plain in _CURLY:
        if curly in text:
            text = text.replace(curly, plain)
    return text.lower()


def _trie_pattern(phrases: list[str]) -> str:
    """One regex for many phrases, factored by common prefix so a position that cannot start
    any phrase fails on its first character (Python's `re` would otherwise try every phrase)."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for ch in phrase.rstrip("*"):
            node = node.setdefault(ch, {})
        node["*" if phrase.endswith("*") else ""] = {}

    def emit(node: dict[str, Any]) -> str:
        alternatives = []
        for ch in sorted(k for k in node if k not in ("", "*")):
            piece = r"\s+" if ch == " " else re.escape(ch)
            alternatives.append(piece + emit(node[ch]))
        if "*" in node:
            alternatives.append(r"[\w'-]*")
        if not alternatives:
            return ""
        body = "(?:" + "|".join(alternatives) + ")" if len(alternatives) > 1 else alternatives[0]
        if "" in node:
            body = f"(?:{body})?"
        return body

    return emit(trie)


class PhraseSet:
    """Finds occurrences of any of a list of phrases in normalised text."""

    def __init__(self, phrases: list[str] | tuple[str, ...]) -> None:
        self.phrases = tuple(dict.fromkeys(p.strip().lower() for p in phrases if p.strip()))
        groups: dict[tuple[bool, bool], list[str]] = {}
        for phrase in self.phrases:
            # Word boundaries only where the phrase itself starts/ends with a word character.
            left = bool(re.match(r"\w", phrase))
            right = bool(re.search(r"[\w*]$", phrase))
            groups.setdefault((left, right), []).append(phrase)
        parts = []
        for (left, right), members in sorted(groups.items()):
            parts.append((r"(?<![\w-])" if left else "") + _trie_pattern(members)
                         + (r"(?![\w]|-\w)" if right else ""))
        self._regex = re.compile("|".join(parts)) if parts else None

    def __bool__(self) -> bool:
        return self._regex is not None

    def findall(self, norm_text: str) -> list[str]:
        if self._regex is None:
            return []
        return [m.group(0) for m in self._regex.finditer(norm_text)]

    def spans(self, norm_text: str) -> list[tuple[int, int, str]]:
        """Every match as (start, end, text), in order."""
        if self._regex is None:
            return []
        return [(m.start(), m.end(), m.group(0)) for m in self._regex.finditer(norm_text)]

    def count(self, norm_text: str) -> int:
        if self._regex is None:
            return 0
        return sum(1 for _ in self._regex.finditer(norm_text))

    def search(self, norm_text: str) -> str | None:
        if self._regex is None:
            return None
        match = self._regex.search(norm_text)
        return match.group(0) if match else None


class MultiScan:
    """Several named word lists found in one pass over the text.

    Each match is credited to every list holding the matched phrase (or the stem it matched).
    """

    def __init__(self, lists: dict[str, list[str]]) -> None:
        self.names = tuple(lists)
        self.exact: dict[str, list[str]] = {}
        self.stems: list[tuple[str, list[str]]] = []
        for name, phrases in lists.items():
            for phrase in dict.fromkeys(p.strip().lower() for p in phrases if p.strip()):
                if phrase.endswith("*"):
                    stem = phrase[:-1]
                    for existing, owners in self.stems:
                        if existing == stem:
                            owners.append(name)
                            break
                    else:
                        self.stems.append((stem, [name]))
                else:
                    self.exact.setdefault(" ".join(phrase.split()), []).append(name)
        self.stems.sort(key=lambda item: -len(item[0]))
        everything = [*self.exact, *(stem + "*" for stem, _ in self.stems)]
        self._set = PhraseSet(everything)

    def scan(self, norm: str) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {name: [] for name in self.names}
        for match in self._set.findall(norm):
            key = " ".join(match.split())
            owners = self.exact.get(key)
            if owners is None:
                owners = next((o for stem, o in self.stems if key.startswith(stem)), [])
            for owner in owners:
                found[owner].append(key)
        return found


@lru_cache(maxsize=16)
def scanner(names: tuple[str, ...]) -> MultiScan:
    data = _lexicon_data()
    return MultiScan({name: data[name] for name in names})


@lru_cache(maxsize=1)
def _lexicon_data() -> dict[str, list[str]]:
    return tomllib.loads(resources.files("storybank").joinpath("data/lexicon.toml").read_text("utf-8"))


def words(name: str) -> tuple[str, ...]:
    """The lexicon's word list `name` (data/lexicon.toml), as a tuple `phrase_set` can cache on."""
    return tuple(_lexicon_data()[name])


def alternation(name: str) -> str:
    """The word list `name` as a regex alternation, longest first (so "told me that" is tried
    before "told"); a trailing "*" is a stem, as in a phrase set."""
    forms = sorted(words(name), key=len, reverse=True)
    return "|".join(re.escape(w.rstrip("*")) + (r"[\w'-]*" if w.endswith("*") else "") for w in forms)


def gap(reach: int) -> str:
    """Up to `reach` words, as few as will do, between two parts of a pattern ("want | to work in
    a call center | to develop")."""
    return rf"(?:\s+[\w'-]+){{0,{reach}}}?"


Span = tuple[int, int, str]   # where a pattern matched in a text, and what it matched


def spans(found: Iterable[re.Match[str]], besides: Iterable[Span] = ()) -> list[Span]:
    """The matches as spans, in order, leaving out any that overlaps one of `besides` (found
    already by another list), so nothing is counted twice."""
    taken = list(besides)
    return sorted((m.start(), m.end(), m.group(0)) for m in found
                  if not any(start < m.end() and m.start() < end for start, end, _said in taken))


@lru_cache(maxsize=128)
def word_set(name: str) -> frozenset[str]:
    """The word list `name` as a set, made once: for membership tests on the analysis path."""
    return frozenset(words(name))


@lru_cache(maxsize=256)
def phrase_set(phrases: tuple[str, ...]) -> PhraseSet:
    return PhraseSet(phrases)
