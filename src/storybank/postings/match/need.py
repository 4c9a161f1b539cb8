"""What one requirement asks, as the matcher reads it (`Need`): its units less the posting's
bookkeeping (item codes, table marks), two things joined by "and", parts listed with "including",
the units a story must say (`asked`, `must_say`), the keys to look for (`needed_keys`, `solo_keys`)
and those a profession's duties name (`trade_keys`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from storybank.postings.concepts import Concept, concepts_for
from storybank.postings.match.story_kind import interest_asked, learner_asked, times_asked
from storybank.postings.match.thresholds import CONTEXT_FACTOR, EPS, POSSIBLY
from storybank.postings.match.years import years_asked
from storybank.postings.terms import SYNONYM_FACTOR, TOKEN, Unit, key, phrase_key
from storybank.postings.trades import duties


def needed_keys(units: Iterable[Unit], synonyms: bool = True) -> set[str]:
    out: set[str] = set()
    for u in units:
        out |= u.keys
        if synonyms:
            out |= u.synonyms
    return out


def solo_keys(units: Sequence[Unit]) -> set[str]:
    """The keys of the units that can, alone in a sentence, bring it to POSSIBLY: with every
    other unit met at its best short of a direct match (a synonym, or a name in the context),
    and every light unit met, the share still reaches POSSIBLY. A sentence holding only one of
    the posting's words is looked at only when that word is one of these (sieve.py)."""
    total = sum(u.weight for u in units) or 1.0
    light = sum(u.weight for u in units if u.weight < 1.0)
    full = sum(1 for u in units if u.weight >= 1.0)
    out: set[str] = set()
    if not full:
        # Light words only ("client communication"): any of them may start a showing.
        return needed_keys(units)
    for u in units:
        if u.weight < 1.0:
            continue
        # An example met meets its category whole (`_cover`): "sorting" alone may show
        # "laboratory procedures such as cleaning, sorting, cataloging".
        rest = sum(v.weight * (1.0 if u.part == "example" and v.part == "category" else
                               max(SYNONYM_FACTOR if v.synonyms else 0.0, CONTEXT_FACTOR if v.name else 0.0))
                   for v in units if v is not u and v.weight >= 1.0)
        if (u.weight + light + rest) / total >= POSSIBLY - EPS:
            out |= u.keys
        if full == 1:
            out |= u.synonyms         # one thing asked, said in other words, may show it alone
    return out


@dataclass(frozen=True)
class Need:
    """What one requirement asks, as the matcher reads it."""

    units: tuple[Unit, ...]
    years: bool = False        # "3+ years of ...": shown only where a sentence says how long
    concepts: tuple[Concept, ...] = ()   # the concepts its text names (concepts.py)
    parts: bool = False        # its examples are parts all asked ("including PCR, restriction digests
                               # and Gibson assembly"), not ways to show it ("such as", "(DNS, TCP)")
    min_years: int = 0         # the fewest years it asks ("3+ years")
    sides: tuple[frozenset[int], ...] = ()   # "Bibliometrics and research impact reports": the
                                             # units (by position) of each of two things joined
    times: frozenset[int] = frozenset()      # the times it asks the candidate to work (story_kind.py)
    interests: tuple[frozenset[str], ...] = ()   # what it asks them to care for, as keys (story_kind.py)
    learner: bool = False      # it asks for a quick or self-driven learner, and no tool or
                               # programme by name (story_kind.py)

    @classmethod
    def read(cls, units: tuple[Unit, ...], years: bool, text: str) -> Need:
        """What the requirement `text`, read into `units`, asks."""
        units = tuple(u for u in units if not _bookkeeping(u, text))
        times = times_asked(text)
        return cls(units, years, concepts_for(text), lists_parts(text), years_asked(text) if years else 0,
                   two_sides(units, text), times, () if times else interest_asked(units, text),
                   learner_asked(text) and not any(u.name for u in units))

    @cached_property
    def category_keys(self) -> frozenset[str]:
        """The keys of the category its examples are of: none of them meets an example."""
        return frozenset().union(*(u.keys for u in self.units if u.part == "category"))

    @cached_property
    def examples(self) -> bool:
        return any(u.part == "example" for u in self.units)

    @cached_property
    def total(self) -> float:
        return sum(u.weight for u in self.units) or 1.0

    @cached_property
    def full(self) -> int:
        """How many full-weight units it has."""
        return sum(1 for u in self.units if u.weight >= 1.0)

    @cached_property
    def full_total(self) -> float:
        return sum(u.weight for u in self.units if u.weight >= 1.0) or 1.0

    @cached_property
    def said_by(self) -> frozenset[str]:
        """Every key a sentence's coverage of it can turn on (`_cover`): its units' keys,
        synonyms, sides and name words. Two sentences holding the same of these cover it alike."""
        out: set[str] = set()
        for u in self.units:
            out |= u.keys | u.synonyms | _name_words(u.label)
            out.update(*u.groups)
        return frozenset(out)

    @cached_property
    def name_keys(self) -> frozenset[str]:
        """The keys of its names, the only units a story's title, role or tools can meet."""
        return frozenset().union(*(u.keys | _name_words(u.label) for u in self.units if u.name))

    @cached_property
    def asked(self) -> tuple[Unit, ...]:
        """The units that carry it (`asked`), read once per requirement."""
        return tuple(asked(self.units))

    @cached_property
    def trade(self) -> tuple[Unit, ...]:
        """The things asked, in the posting's own words, that a profession's duty names
        (trades.py): "venepuncture", "trade unions", "radiographs"."""
        keys = trade_keys()
        return tuple(u for u in self.asked if not u.keys.isdisjoint(keys))

    @cached_property
    def has_content(self) -> bool:
        """Does it ask for something besides names ("Epic documentation", not just "Epic")?"""
        return any(not u.name and u.weight >= 1.0 for u in self.units)


_JOINED = re.compile(r"^([^,;:()]+?)\s+(?:and|&)\s+([^,;:()]+)$")


def two_sides(units: Sequence[Unit], text: str) -> tuple[frozenset[int], ...]:
    """A requirement of two things joined by "and" and nothing else ("Bibliometrics and research
    impact reports", "Legal research and drafting"): the units (by position) on each side, when
    both sides hold some. Any other shape: none."""
    joined = _JOINED.match(text.strip().rstrip("."))
    if joined is None:
        return ()
    left, right = ({key(w) for w in TOKEN.findall(side)} for side in joined.groups())
    sides = (_on_side(units, left, right), _on_side(units, right, left))
    return sides if all(sides) else ()


def _on_side(units: Sequence[Unit], this: set[str], other: set[str]) -> frozenset[int]:
    """The units whose words are all on `this` side and none on the `other`."""
    return frozenset(n for n, u in enumerate(units) if u.keys and u.keys <= this and u.keys.isdisjoint(other))


_ITEM_CODE = re.compile(r"[A-Z]{1,3}-\d{1,3}")


def _bookkeeping(unit: Unit, text: str) -> bool:
    """Is a unit the posting's bookkeeping, not a thing asked: the item's code at the start of
    its text ("C-06 Communication buses"), a tag in brackets ("[M]" for must-have), or the
    essential / desirable letter a table's last column ends it with?"""
    label = unit.label.strip()
    if not unit.name:
        return False
    return (_ITEM_CODE.fullmatch(label) is not None and text.lstrip().startswith(label)) or f"[{label}]" in text \
        or (label in _COLUMN_MARKS and text.rstrip().endswith(" " + label)) or _row_mark(text) == label


def _row_mark(text: str) -> str:
    """The letter a table row's last cell holds alone, if it does."""
    found = _LAST_CELL.search(text)
    return found.group(1) if found else ""


# The letters a person specification's last column marks each row with: essential or desirable
# ("Rabbit and small-mammal medicine and surgery   D").
_COLUMN_MARKS = frozenset({"E", "D"})
# A table row read cell by cell ("FW-05 | RTOS experience (FreeRTOS, Zephyr or similar) | R"):
# a last cell of one capital letter is the row's mark (required, preferred, essential...),
# whatever letters the posting chose.
_LAST_CELL = re.compile(r"\|\s*([A-Z])\s*$")


_PARTS = re.compile(r"\binclud(?:ing|es?)\b|\bincl\.", re.I)


def lists_parts(text: str) -> bool:
    """Does a requirement list the parts it asks ("including …"), not examples of it?"""
    return _PARTS.search(text) is not None


_ALTERNATIVES = re.compile(r"[,/&]|\b(?:or|and)\b", re.I)


@lru_cache(maxsize=4096)
def _name_words(label: str) -> frozenset[str]:
    """The keys of the words of a name of two or three words, one by one ("Wilson Reading" ->
    wilson, read); none for a list of names ("Zendesk or Intercom": either is met alone)."""
    words = TOKEN.findall(label)
    if not 2 <= len(words) <= 3 or _ALTERNATIVES.search(label):
        return frozenset()
    return frozenset(key(w) for w in words)


def asked(units: Sequence[Unit]) -> list[Unit]:
    """The units that carry the requirement: its full-weight ones, or all of them when every
    word is light ("client communication")."""
    return [u for u in units if u.weight >= 1.0] or list(units)


def must_say(units: Sequence[Unit]) -> list[Unit]:
    """The full-weight units a paraphrase must say: all, but a category is said by its example."""
    full = asked(units)
    if any(u.part == "example" for u in full):
        return [u for u in full if u.part != "category"]
    return full


@lru_cache(maxsize=1)
def trade_keys() -> frozenset[str]:
    """Every phrase of every profession's duties (trades.py), as a key."""
    return frozenset(phrase_key(p) for group in duties() for p in group)
