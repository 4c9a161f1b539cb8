"""Measures of a piece of text: words, sentences, numbers, names, pronouns, fillers.

Words are counted by `storybank.words`, the one counter every screen shares; only the sentence
splitting is the analysis's own.

Every measure is one linear pass (or a literal alternation) over the text, so a 4 MB story
costs milliseconds-per-megabyte, never a regex that backtracks.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, fields
from functools import lru_cache

from storybank.analysis.lexicon import normalise, scanner
from storybank.analysis.signals import spelled_numbers
from storybank.words import count_words

_NUMBER = re.compile(r"(?<![\w.])[$€£]?\d+(?:[.,:]\d+)*(?:\s?(?:%|x\b|k\b|m\b|ms\b|s\b|h\b|gb\b|mb\b))?", re.I)
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++(?=\s|$)|\n\s*\n")
SINGULAR = {"i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"}
PLURAL = {"we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "ourselves"}


@dataclass
class FoundPhrases:
    """The phrases of each measured word list of the lexicon found in a text, in order; one scan
    finds them all (`MEASURED_LISTS` names these fields)."""

    fillers: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    vague: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    mechanism: list[str] = field(default_factory=list)


MEASURED_LISTS = tuple(f.name for f in fields(FoundPhrases))
# A call told with an adverb between "I" and the verb ("I then ran a Bayesian dosing tool", "I also
# rewrote the order set") is still the speaker's call (round 21, DOGFOOD22): the decision verbs are
# read with the adverb left out.
_I_ADVERB = re.compile(r"\bi (?:then|also|first|quickly|immediately|personally|eventually|finally|later|next|"
                       r"instead|actually|just|simply) (?=[a-z])")


def _scan(names: tuple[str, ...], norm: str) -> dict[str, list[str]]:
    found = scanner(names).scan(norm)
    if "decisions" in names and _I_ADVERB.search(norm):
        found["decisions"] = scanner(("decisions",)).scan(_I_ADVERB.sub("i ", norm))["decisions"]
    return found


@dataclass
class TextStats(FoundPhrases):
    words: int = 0
    sentences: int = 0
    longest_sentence: int = 0
    numbers: list[str] = field(default_factory=list)
    singular: int = 0
    plural: int = 0
    team_mentions: int = 0
    technologies: list[str] = field(default_factory=list)
    norm: str = ""

    def per_100(self, count: int) -> float:
        return 100.0 * count / self.words if self.words else 0.0


_PIECES = re.compile(r"['’/-]")
_NAME = re.compile(r"[^\W_](?:[\w'’+#.\-/]*[\w+#])?")


@lru_cache(maxsize=8)
def _tech_index(names: tuple[str, ...]) -> tuple[frozenset[str], dict[str, list[tuple[str, ...]]]]:
    """Single-word names, and multi-word names by their first word."""
    single: set[str] = set()
    multi: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        parts = tuple(name.split())
        if len(parts) == 1:
            single.add(name)
        elif parts:
            multi.setdefault(parts[0], []).append(parts)
    return frozenset(single), multi


def find_technologies(text: str, names: tuple[str, ...], extra: tuple[str, ...] = ()) -> list[str]:
    """Named technologies in `text`, case-sensitive (so "Go" the language, not "go" the verb).

    `names` is a large, fixed list (cached index); `extra` a story's own few names.
    """
    single, multi = _tech_index(names)
    tokens = _NAME.findall(text)
    present = set(tokens)
    # "Kafka's", "Redis-backed", "Postgres/Redis": the name is a piece of the token.
    for token in [t for t in present if "-" in t or "'" in t or "’" in t or "/" in t]:
        present.update(_PIECES.split(token))
    found: dict[str, None] = {}
    for name in extra:
        if (name in present) if " " not in name else (name in text):
            found[name] = None
    joined = _ends_of_joined_names(text, single)
    for name in sorted(present & single, key=text.find):
        if name not in joined or not _only_inside_a_name(name, text, single):
            found[name] = None
    starts = present & multi.keys()
    if starts:
        for i, token in enumerate(tokens):
            if token in starts:
                for parts in multi[token]:
                    if tuple(tokens[i : i + len(parts)]) == parts:
                        found[" ".join(parts)] = None
    return list(found)


# The last word of a longer name joined by "and", "&" or "of" ("the Timed Up and Go test"): not
# the technology of that name (round 23: a physiotherapist asked "how you used Go", holdout22).
# A name before the joining word is a list of names ("Apache Kafka and Ruby on Rails"), not one name.
_JOINED = re.compile(r"\b([A-Z][\w-]*)\s+(?:and|&|of)\s+([A-Z][\w.+#-]*)")


def _ends_of_joined_names(text: str, names: frozenset[str]) -> set[str]:
    """The known names said at least once as the last word of a longer name (one scan)."""
    return {m.group(2) for m in _JOINED.finditer(text) if m.group(2) in names and m.group(1) not in names}


def _only_inside_a_name(name: str, text: str, names: frozenset[str]) -> bool:
    """Is every mention of `name` the last word of a longer name, never the name on its own?"""
    alone = sum(1 for _ in re.finditer(rf"(?<![\w.+#-]){re.escape(name)}(?![\w+#])", text))
    inside = sum(1 for m in _JOINED.finditer(text) if m.group(2) == name and m.group(1) not in names)
    return alone == inside


_LOWTOKEN = re.compile(r"[a-z0-9](?:[a-z0-9'./-]*[a-z0-9'])?")


def _counts(norm: str) -> Counter[str]:
    return Counter(_LOWTOKEN.findall(norm))


def measure(text: str, tech_names: tuple[str, ...] = (), extra_names: tuple[str, ...] = (),
            *, phrases: tuple[str, ...] = MEASURED_LISTS) -> TextStats:
    """Measure `text`. `phrases` picks which word lists to count (each is one scan)."""
    norm = normalise(text)
    count = count_words(text)
    stats = TextStats(words=count, norm=norm)
    if not count:
        return stats
    lengths = [count_words(chunk) for chunk in _SENTENCE_END.split(text)]
    stats.sentences = sum(1 for n in lengths if n)
    stats.longest_sentence = max(lengths, default=0)
    stats.numbers = _NUMBER.findall(text) + spelled_numbers(text)
    tokens = _counts(norm)
    stats.singular = sum(tokens[w] for w in SINGULAR)
    stats.plural = sum(tokens[w] for w in PLURAL)
    stats.team_mentions = norm.count("the team") + norm.count("my team") + norm.count("our team")
    if phrases:
        for name, found in _scan(phrases, norm).items():
            setattr(stats, name, found)
    if tech_names or extra_names:
        stats.technologies = find_technologies(text, tech_names, extra_names)
    return stats


def combine(parts: list[TextStats], text: str, tech_names: tuple[str, ...] = (),
            extra_names: tuple[str, ...] = ()) -> TextStats:
    """Stats of the parts joined: sums of the counted measures, and the word lists and
    technologies measured once on the whole text."""
    norm = "\n".join(p.norm for p in parts if p.words)
    stats = TextStats(norm=norm)
    for p in parts:
        stats.words += p.words
        stats.sentences += p.sentences
        stats.longest_sentence = max(stats.longest_sentence, p.longest_sentence)
        stats.numbers.extend(p.numbers)
        stats.singular += p.singular
        stats.plural += p.plural
        stats.team_mentions += p.team_mentions
    if stats.words:
        for name, found in _scan(MEASURED_LISTS, norm).items():
            setattr(stats, name, found)
        if tech_names or extra_names:
            stats.technologies = find_technologies(text, tech_names, extra_names)
    return stats
