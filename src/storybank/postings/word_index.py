"""Where each written word of the bank stands, sentence by sentence, remembered between runs.

The sieve (`sieve.py`) searches every story's text for the places a posting's words may start,
then splits the text into sentences around them: over 1,000 stories that is most of the check,
and it gives the same answer for the same text each time. So the bank's texts are split once
into sentences and words, and kept in the user's cache folder as an index:

    a word as written ("Kafka", "led")  ->  the sentences that hold it, once per time it is said

A posting then asks only its own words: a word of the bank holds a hit where the sieve's regex
of prefixes matches its start (lowercased), or its regex of names matches it as written; a
sentence is kept as `sentences_at` keeps it (two hits, or one that may count alone). This is
exact when the sieve's prefixes are letters, digits and apostrophes, starting with a letter or
digit (a word, as the index splits text, is a run of them), and a story's lowercase text lines
up letter for letter with the text. A name with a symbol in it ("C++") is searched for in the
texts as the sieve does, and its places counted with the words; one that starts with a symbol
(".NET"), or a prefix with one, sends the posting through the sieve as before, and a story whose
lowercase does not line up goes through it too.

The index is the bank's `words` cache file (see `cachefile.py`), read at the first posting that
asks it something: it is rebuilt when a story's text changes, and dropped when this code, the
sieve's code or Python changes (Python's Unicode tables decide what a letter is). A cache that
cannot be read or written, or holds what this code never writes, is simply not used.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from storybank.cachefile import cache_file

if TYPE_CHECKING:  # pragma: no cover
    from storybank.model import Story
from storybank.postings import sieve as sieve_module
from storybank.postings.sieve import _SPLIT, Sieve, _bounds, _sentence_span

FORMAT = 2
# A word, as the sieve sees one: from a letter or digit after something else, the letters,
# digits and apostrophes there ("o'neil"; "neil" in it starts a word too, see `_words`).
# (Runs of a character class, not an alternation per character: five times faster.)
_RUN = re.compile(r"[^\W_]+(?:'+[^\W_]*)*")

def _stamp() -> str | None:
    """The code the index depends on, as a digest; None when its source cannot be read (then
    nothing is kept: an index could outlive the code that made it)."""
    h = hashlib.blake2b(digest_size=12)
    h.update(f"words {FORMAT}|{sys.version}|".encode())
    try:
        for module in (sieve_module.__file__, __file__):
            h.update(Path(module or "").read_bytes())
    except OSError:
        return None
    return h.hexdigest()


def _bank_key(texts: list[str]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for text in texts:
        h.update(text.encode("utf-8", "surrogatepass"))
        h.update(b"\0\1")
    return h.hexdigest()


def _lines_up(text: str) -> bool:
    """Does the lowercase text have, letter for letter, the words of the text lowercased?"""
    if text.isascii():
        return True
    for c in set(text):
        if not c.isascii():
            low = c.lower()
            if len(low) != 1 or low.isalnum() != c.isalnum() or low == "'":
                return False
    return True


def _words(sentence: str) -> list[str]:
    """Every word of the sentence, once per place it starts."""
    out = _RUN.findall(sentence)
    if "'" not in sentence:
        return out
    for w in [w for w in out if "'" in w]:
        out += [w[j:] for j in range(1, len(w)) if w[j - 1] == "'" and w[j].isalnum()]
    return out


def _story_words(text: str) -> tuple[list[tuple[int, int]], list[list[str]]] | None:
    """Every sentence of `text` (start, end), as `sentences_at` puts it together, and its words;
    None when the lowercase text does not line up with the text."""
    if not _lines_up(text):
        return None
    parts = _SPLIT.split(text)
    offsets = list(itertools.accumulate(map(len, parts), initial=0))
    sentences: list[tuple[int, int]] = []
    words: list[list[str]] = []
    k = 0
    while k < len(parts):
        first, last = _sentence_span(parts, k)
        start, end = _bounds(parts, offsets, first, last)
        found = _words(text[start:end])
        if found:
            sentences.append((start, end))
            words.append(found)
        k = last + 2
    return sentences, words


def _valid(data: Any) -> TypeGuard[dict[str, Any]]:
    """Has a cache file the shape `WordIndex._write` gives it (its numbers are checked as they
    are read: `_Corrupt`)?"""
    return (isinstance(data, dict) and isinstance(data.get("words"), dict)
            and isinstance(data.get("bounds"), list) and isinstance(data.get("fallback"), list)
            and all(isinstance(b, str) for b in data["bounds"])
            and all(isinstance(n, int) for n in data["fallback"])
            and all(isinstance(v, str) for v in data["words"].values()))


class _Corrupt(Exception):
    """A number in a validly stamped index that points nowhere: the index is built again."""


class WordIndex:
    """The bank's words and sentences, story by story (in the order of the stories given), read
    or built at the first question."""

    def __init__(self, texts: list[str], bank_root: Path | None) -> None:
        self.texts = texts
        self.bounds: list[list[int]] = []       # per story: start, end, start, end, ...
        self.firsts: list[int] = []             # per story: the number of its first sentence
        self.total = 0                          # how many sentences the index numbers
        self.fallback: set[int] = set()         # stories the sieve reads as before
        self.words: dict[str, str] = {}         # word -> its sentences' numbers, space-separated
        self.ready = False
        # The stories these texts were made of, with each one's fields and text (match/index.py
        # makes them once for the index and the matcher both).
        self.made: tuple[list[Story], list[tuple[list[tuple[str, str]], str]]] | None = None
        self._sorted: list[tuple[str, str]] | None = None   # (lowercased, as written), for `holding`
        code = _stamp()
        # The stamp: the code, and the texts (a story changed, the index is built again).
        self.stamp = None if code is None else f"{code}|{_bank_key(texts)}"
        self.file = cache_file(bank_root, "words") if bank_root is not None else None

    def _ready(self) -> None:
        if not self.ready:
            self.ready = True
            if not self._read():
                self._build()
                self._write()

    def _read(self) -> bool:
        if self.file is None or self.stamp is None:
            return False
        data = self.file.load(self.stamp)
        if not _valid(data):
            return False
        try:
            self.bounds = [[int(x) for x in b.split()] for b in data["bounds"]]
        except ValueError:
            self.bounds = []
            return False
        if len(self.bounds) != len(self.texts):
            self.bounds = []
            return False
        self.fallback = set(data["fallback"])
        self.words = data["words"]
        self._sorted = None
        self._number()
        return True

    def _number(self) -> None:
        self.firsts = []
        total = 0
        for b in self.bounds:
            self.firsts.append(total)
            total += len(b) // 2
        self.total = total

    def _build(self) -> None:
        self.bounds, self.fallback = [], set()
        gathered: dict[str, list[str]] = {}
        total = 0
        for n, text in enumerate(self.texts):
            split = _story_words(text)
            if split is None:
                self.fallback.add(n)
                self.bounds.append([])
                continue
            sentences, words = split
            self.bounds.append([x for pair in sentences for x in pair])
            for number, found in enumerate(words, start=total):
                tag = str(number)
                for word in found:
                    gathered.setdefault(word, []).append(tag)
            total += len(sentences)
        self.words = {w: " ".join(numbers) for w, numbers in gathered.items()}
        self._sorted = None
        self._number()

    def _write(self) -> None:
        if self.file is None or self.stamp is None:
            return
        self.file.save(self.stamp, {"fallback": sorted(self.fallback),
                                    "bounds": [" ".join(map(str, b)) for b in self.bounds],
                                    "words": self.words})

    def sentences(self, sieve: Sieve) -> list[list[tuple[int, int]] | None] | None:
        """Per story, the sentences `sentences_at` keeps for `sieve` (None for a story the sieve
        must read itself); None when the sieve looks for more than words and names."""
        if not sieve.indexable:
            return None
        self._ready()
        try:
            return self._sentences(sieve)
        except (_Corrupt, IndexError):      # IndexError: an odd count of bounds
            self._build()
            self._write()
            return self._sentences(sieve)

    def _sentences(self, sieve: Sieve) -> list[list[tuple[int, int]] | None]:
        count: dict[int, int] = {}
        alone: dict[int, str] = {}
        for word, numbers in self.words.items():
            weight, prefix = _weigh(sieve, word, names=sieve.words_only)
            if not weight:
                continue
            try:
                found = list(map(int, numbers.split()))
            except ValueError:
                raise _Corrupt(word) from None
            for number in found:
                count[number] = count.get(number, 0) + weight
                alone[number] = prefix
        out: list[list[tuple[int, int]] | None] = [[] for _ in self.texts]
        lost = set(self.fallback)
        if not sieve.words_only:
            lost |= self._names(sieve, count, alone)
        total = self.total
        for number in sorted(count):
            if not 0 <= number < total:
                raise _Corrupt(number)
            if count[number] == 1 and alone[number] not in sieve.solo:
                continue                    # one word of the posting, and not one that counts alone
            n, span = self._place(number)
            kept = out[n]
            if kept is not None:
                kept.append(span)
        for n in lost:
            if not 0 <= n < len(out):
                raise _Corrupt(n)
            out[n] = None
        return out

    def holding(self, starts: tuple[str, ...], keyed: Callable[[str], Iterable[str]],
                wanted: set[str]) -> dict[str, set[str]]:
        """Each key of `wanted` -> the numbers (as written) of the sentences holding a word of
        that key: the words starting with one of `starts` (lowercased), keyed by `keyed` (a few
        hundred of the bank's words, found by halving the sorted list of them, not read all)."""
        self._ready()
        if self._sorted is None:
            self._sorted = sorted((w.lower(), w) for w in self.words)
        ordered = self._sorted
        out: dict[str, set[str]] = {}
        seen: set[str] = set()
        for start in starts:
            i = bisect.bisect_left(ordered, (start,))
            while i < len(ordered) and ordered[i][0].startswith(start):
                word = ordered[i][1]
                i += 1
                if word in seen:
                    continue
                seen.add(word)
                for k in keyed(word):
                    if k in wanted:
                        out.setdefault(k, set()).update(self.words[word].split())
        return out

    def spans(self, numbers: Iterable[str]) -> dict[int, list[tuple[int, int]]]:
        """Story (by position) -> where its sentences among `numbers` are; a number that points
        nowhere is left out. Stories the index does not split are not among them: see
        `fallback`."""
        out: dict[int, list[tuple[int, int]]] = {}
        total = self.total
        for number in sorted(int(x) for x in numbers if x.isdigit()):
            if number < total:
                try:
                    n, span = self._place(number)
                except IndexError:          # an odd count of bounds: a damaged index, no sentence
                    continue
                out.setdefault(n, []).append(span)
        return out

    def _place(self, number: int) -> tuple[int, tuple[int, int]]:
        """The story of sentence `number` (by position), and where the sentence is in its text."""
        # A story with no sentence has the first number of the next: bisect_right passes it.
        n = bisect.bisect_right(self.firsts, number) - 1
        at = 2 * (number - self.firsts[n])
        return n, (self.bounds[n][at], self.bounds[n][at + 1])

    def _names(self, sieve: Sieve, count: dict[int, int], alone: dict[int, str]) -> set[int]:
        """Add the hits of the sieve's names ("C++"), searched for in each text as the sieve
        does; returns the stories where one fell outside the sentences known (none should)."""
        lost: set[int] = set()
        if sieve.cased is None:
            return lost
        for n, text in enumerate(self.texts):
            if n in self.fallback:
                continue
            bounds = self.bounds[n]
            starts = bounds[0::2]
            for m in sieve.cased.finditer(text):
                i = m.start()
                if i and text[i - 1].isalnum():
                    continue
                j = bisect.bisect_right(starts, i) - 1
                if j < 0 or i >= bounds[2 * j + 1]:
                    lost.add(n)
                    break
                number = self.firsts[n] + j
                count[number] = count.get(number, 0) + 1
                alone[number] = m.group()
        return lost


def _weigh(sieve: Sieve, word: str, names: bool = True) -> tuple[int, str]:
    """How many of the sieve's hits a word holds at its start (its prefix, and with `names` a
    name as written: one each), and what was found there first (see `Sieve.prefix`)."""
    weight, prefix = 0, ""
    if names and sieve.cased is not None:
        m = sieve.cased.match(word)
        if m is not None:
            weight, prefix = 1, m.group()
    if sieve.lower is not None:
        m = sieve.lower.match(word.lower())
        if m is not None:
            weight, prefix = weight + 1, m.group()
    return weight, prefix
