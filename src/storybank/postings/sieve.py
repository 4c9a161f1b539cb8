"""Finding, fast, the story sentences worth matching against a posting.

Matching a sentence means splitting it into words and stemming each one; doing that for every
sentence of a 1,000-story bank takes longer than the rest of the command. So the words a posting
asks about are looked for first, as text:

- a stem is (nearly) a prefix of every word it stems from ("optim" of "optimising",
  "latenc" of "latency"), so one regex of the posting's stems, searched in the lowercased text,
  finds every place one of its words can start; a compound key ("on-call") is looked for by its
  longest part, an irregular stem by its past forms too ("lead" by "led");
- a short name that must match as written ("Go", "ED") is looked for as written;
- only the sentences around these places are split into words.

A sentence that holds only one of the posting's words, and one that cannot by itself reach a
"possibly" for any requirement, is skipped too: see `Sieve.solo`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from storybank.postings.stem import IRREGULAR, stem

# Between sentences: . ! ? (and closing quotes) then space, or a line break. The pattern starts
# with one character class holding its first characters, so Python's re skips ahead to them
# (an alternation of two branches is tried at every position, twice as slow over a bank).
_SPLIT = re.compile(r"([.!?\n](?:(?<=\n)\s*|(?<!\n)[\"'”)]*\s+))")
_ABBREVIATIONS = frozenset({"st", "dr", "mr", "mrs", "ms", "prof", "vs", "etc", "approx", "no", "fig",
                            "inc", "ltd", "co", "jr", "sr", "e.g", "i.e", "u.s", "u.k", "ca", "cf"})


@lru_cache(maxsize=1)
def _irregular_by_stem() -> dict[str, tuple[str, ...]]:
    """Stem -> the irregular past forms that have it ("lead" -> "led")."""
    out: dict[str, list[str]] = {}
    for past, present in IRREGULAR.items():
        out.setdefault(stem(present), []).append(past)
    return {k: tuple(v) for k, v in out.items()}


def _prefixes(k: str) -> list[str]:
    parts = [p for p in k.split("-") if p] or [k]
    part = max(parts, key=len)
    out = [part[:-1] if len(part) >= 5 else part]
    for p in parts:
        out.extend(_irregular_by_stem().get(p, ()))
    return [p for p in out if p]


@dataclass(frozen=True)
class Sieve:
    """Where in a text the words a posting asks about may start."""

    lower: re.Pattern[str] | None      # prefixes, searched in the lowercased text
    cased: re.Pattern[str] | None      # short names as written ("Go"), searched in the text
    solo: frozenset[str]               # prefixes (or names) a sentence may hold alone
    # The prefixes after the character before a word (not a letter or a digit): a pattern that
    # starts with a character class lets Python's re skip from one such character to the next,
    # a third faster over a bank than a look-behind tried at every position.
    starts: re.Pattern[str] | None = None
    # Every prefix and name is letters, digits and apostrophes, from a letter or digit: a hit is
    # at the start of a word, and `word_index.py` may find them word by word.
    words_only: bool = False
    # Every prefix is such a word and every name starts with a letter or a digit ("C++",
    # "CI/CD"): `word_index.py` finds the prefixes word by word and searches for the names.
    indexable: bool = False

    def hits(self, text: str, low: str) -> list[int]:
        """Every place a word of the posting may start in `text` (`low`: the same, lowercased),
        in order."""
        # " " + low: a word at the very start has a character before it too; m.start() is then
        # the position of the word in `low`.
        found = [m.start() for m in self.starts.finditer(" " + low)] if self.starts is not None else []
        if self.cased is not None:
            extra = [i for m in self.cased.finditer(text) if (i := m.start()) == 0 or not text[i - 1].isalnum()]
            if extra:
                found = sorted(found + extra)
        return found

    def prefix(self, text: str, low: str, position: int) -> str:
        """The prefix (or name) found at `position`."""
        if self.lower is not None:
            m = self.lower.match(low, position)
            if m is not None:
                return m.group()
        m = self.cased.match(text, position) if self.cased is not None else None
        return m.group() if m is not None else ""


def sieve(keys: Iterable[str], solo: Iterable[str] = ()) -> Sieve | None:
    """The sieve for `keys` (the posting's keys worth a look); `solo` are the keys a sentence
    may hold alone and still count (see `check.solo_keys`)."""
    prefixes: set[str] = set()
    exact: set[str] = set()
    for k in keys:
        if k.startswith("="):
            exact.add(k[1:])               # "Go", "ED": as written, a whole word
        else:
            prefixes.update(_prefixes(k))
    alone: set[str] = set()
    for k in solo:
        if k.startswith("="):
            alone.add(k[1:])
        else:
            alone.update(_prefixes(k))
    lower = starts = None
    if prefixes:
        from storybank.analysis.lexicon import _trie_pattern

        # Only where a word starts: not after a letter or a digit (`starts`).
        trie = _trie_pattern(sorted(prefixes))
        lower = re.compile(trie)
        starts = re.compile(r"[\W_]" + trie)
    # "Go\b" and a look at the character before: a leading \b in an alternation makes Python's
    # re try every position, five times slower.
    cased = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(exact)) + r")(?![A-Za-z0-9])") if exact else None
    if lower is None and cased is None:
        return None
    indexable = all(map(_a_word, prefixes)) and all(w[:1].isalnum() for w in exact)
    return Sieve(lower, cased, frozenset(alone), starts, indexable and all(map(_a_word, exact)), indexable)


def _a_word(w: str) -> bool:
    return w[:1].isalnum() and w.replace("'", "").isalnum()


def _abbreviated(piece: str) -> bool:
    """Does this piece end in "St", "e.g" or an initial ("J"; its full stop is in the separator
    after it), so the sentence goes on? A number is no initial: "… to my manager at 11 and at 3.
    One call was …" is two sentences."""
    last = piece[-8:].rsplit(None, 1)
    word = last[-1].lower() if last else ""
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _sentence_span(parts: list[str], k: int) -> tuple[int, int]:
    """The pieces (first, last) of the sentence holding piece `k`: a piece ending in "St" or
    "e.g" goes on into the next one."""
    first = last = k
    while first >= 2 and parts[first - 1][:1] == "." and "\n" not in parts[first - 1] \
            and _abbreviated(parts[first - 2]) and parts[first][:1].isalnum():
        first -= 2
    while last + 2 < len(parts) and parts[last + 1][:1] == "." and "\n" not in parts[last + 1] \
            and _abbreviated(parts[last]) and parts[last + 2][:1].isalnum():
        last += 2
    return first, last


def _bounds(parts: list[str], offsets: list[int], first: int, last: int) -> tuple[int, int]:
    """Where the sentence of pieces first..last starts and ends; it keeps its full stop."""
    start, end = offsets[first], offsets[last + 1]
    if last + 1 < len(parts):
        sep = parts[last + 1]
        end += len(sep) - len(sep.lstrip(".!?\"'”)"))
    return start, end


def sentences_at(text: str, hits: Sequence[int], sieve: Sieve | None = None, low: str = "") -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text` holding one of `hits` (sorted), in order. With
    `sieve`, a sentence with a single hit is kept only if what was found there may count alone
    (`Sieve.solo`).

    Sentences end after . ! ? and at line breaks, but not after "St." or "e.g.". The text is
    split once by the regex; only the sentences asked about are put together in Python."""
    parts = _SPLIT.split(text)              # sentence, separator, sentence, ..., sentence
    offsets = list(itertools.accumulate(map(len, parts), initial=0))
    out: list[tuple[int, int]] = []
    n = 0
    count = len(hits)
    while n < count:
        position = hits[n]
        k = bisect.bisect_right(offsets, position) - 1
        if k % 2 or k >= len(parts):
            n += 1
            continue                        # inside a separator
        start, end = _bounds(parts, offsets, *_sentence_span(parts, k))
        taken = n
        n = bisect.bisect_left(hits, end, n)
        if out and start < out[-1][1]:
            continue
        if sieve is not None and n - taken == 1 and sieve.prefix(text, low or text.lower(), position) not in sieve.solo:
            continue                        # one word of the posting, and not one that counts alone
        out.append((start, end))
    return out
