"""Measures of a piece of text: words, sentences, numbers, names, pronouns, fillers.

Every measure is one linear pass (or a literal alternation) over the text, so a 4 MB story
costs milliseconds-per-megabyte, never a regex that backtracks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from storybank.analysis.lexicon import lexicon, normalise

_WORD = re.compile(r"[^\W_][\w'’+#.\-/]*")
_NUMBER = re.compile(r"(?<![\w.])[$€£]?\d+(?:[.,:]\d+)*(?:\s?(?:%|x\b|k\b|m\b|ms\b|s\b|h\b|gb\b|mb\b))?", re.I)
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n")
_SPELLED = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand",
            "million", "billion", "half", "dozen", "double", "doubled", "tripled", "halved"}
SINGULAR = {"i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"}
PLURAL = {"we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "ourselves"}


@dataclass
class TextStats:
    words: int = 0
    sentences: int = 0
    longest_sentence: int = 0
    numbers: list[str] = field(default_factory=list)
    spelled_numbers: int = 0
    singular: int = 0
    plural: int = 0
    team_mentions: int = 0
    fillers: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    vague: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    mechanism: list[str] = field(default_factory=list)
    technologies: list[str] = field(default_factory=list)
    norm: str = ""

    @property
    def mean_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else float(self.words)

    def per_100(self, count: int) -> float:
        return 100.0 * count / self.words if self.words else 0.0


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


@lru_cache(maxsize=8)
def _tech_index(names: tuple[str, ...]) -> tuple[dict[str, str], dict[str, list[tuple[str, ...]]]]:
    """Single-word names by token, and multi-word names by their first token."""
    single: dict[str, str] = {}
    multi: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        parts = tuple(name.split())
        if len(parts) == 1:
            single[name] = name
            single.setdefault(name.lower(), name) if len(name) > 3 and not name.isalpha() else None
        elif parts:
            multi.setdefault(parts[0], []).append(parts)
    return single, multi


def find_technologies(tokens: list[str], names: tuple[str, ...]) -> list[str]:
    """Named technologies in `tokens`, case-sensitive (so "Go" the language, not "go" the verb)."""
    single, multi = _tech_index(names)
    found: dict[str, None] = {}
    for i, raw in enumerate(tokens):
        token = raw.rstrip(".,;:!?)-/")
        if token in single:
            found[single[token]] = None
        for parts in multi.get(token, ()):
            if tuple(t.rstrip(".,;:!?)") for t in tokens[i : i + len(parts)]) == parts:
                found[" ".join(parts)] = None
    return list(found)


def measure(text: str, tech_names: tuple[str, ...] = ()) -> TextStats:
    lex = lexicon()
    norm = normalise(text)
    tokens = words(text)
    stats = TextStats(words=len(tokens), norm=norm)
    longest = current = 0
    last = 0
    sentences = 0
    for match in _SENTENCE_END.finditer(text):
        chunk = word_count(text[last : match.start()])
        if chunk:
            sentences += 1
            longest = max(longest, chunk)
        last = match.end()
    tail = word_count(text[last:])
    if tail:
        sentences += 1
        longest = max(longest, tail)
    del current
    stats.sentences = sentences
    stats.longest_sentence = longest
    stats.numbers = [m.group(0) for m in _NUMBER.finditer(text)]
    for token in tokens:
        low = token.lower().replace("’", "'").rstrip(".,;:!?")
        if low in SINGULAR:
            stats.singular += 1
        elif low in PLURAL:
            stats.plural += 1
        elif low in _SPELLED:
            stats.spelled_numbers += 1
    stats.team_mentions = norm.count("the team") + norm.count("my team") + norm.count("our team")
    stats.fillers = lex["fillers"].findall(norm)
    stats.hedges = lex["hedges"].findall(norm)
    stats.vague = lex["vague"].findall(norm)
    stats.decisions = lex["decisions"].findall(norm)
    stats.mechanism = lex["mechanism"].findall(norm)
    if tech_names:
        stats.technologies = find_technologies(tokens, tech_names)
    return stats
