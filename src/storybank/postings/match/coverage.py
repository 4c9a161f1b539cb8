"""Which of a requirement's units one sentence meets, and how: in the posting's words, through a
synonym, only in the story's title, role or tools, or as the category of an example met; and the
share they cover (`_measure`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from storybank.analysis.lexicon import words as lexicon_words
from storybank.postings import lexicon
from storybank.postings.match.index import word_keys
from storybank.postings.match.need import _ALTERNATIVES, _name_words
from storybank.postings.match.thresholds import CONTEXT_FACTOR
from storybank.postings.terms import SYNONYM_FACTOR, TOKEN, Unit, key, synonyms

if TYPE_CHECKING:
    from storybank.postings.match.index import _Sentence
    from storybank.postings.match.need import Need


@dataclass(frozen=True)
class _Covered:
    unit: Unit
    how: str                 # "direct", "synonym" or "context"
    key: str = ""            # the key found in the sentence (none for context)

    @property
    def weight(self) -> float:
        return self.unit.weight * FACTORS[self.how]


# What a unit met each way counts for: in the sentence in the posting's words, through a synonym,
# only in the story's title, role or tools, or as the category of an example met.
FACTORS = {"direct": 1.0, "synonym": SYNONYM_FACTOR, "context": CONTEXT_FACTOR, "example": 1.0}


def _cover(need: Need, s: _Sentence, context: set[str]) -> list[_Covered]:
    """The units of `need` the sentence covers, and how."""
    out = _cover_units(need, s, context)
    example = next((c for c in out if c.unit.part == "example" and (c.how == "direct" or _whole_synonym(c))), None)
    if example is not None and _specific(example, s.keys, need.category_keys) \
            and not _one_part_of_many(need, example, s.keys):
        # An example met shows the category it is an example of.
        met = {id(c.unit) for c in out}
        out += [_Covered(u, "example", example.key) for u in need.units
                if u.part == "category" and id(u) not in met and not _opening_act(need, u)]
    return out


def _whole_synonym(c: _Covered) -> bool:
    """Is an example met through a synonym met as a whole? Only when the synonym is one of a
    one-word example's ("duplicate" for "idempotency"): a synonym of one word of a longer one
    ("ran" for "on-call rotations", "coach" for "onboarding freelance linguists") is not that
    example, and does not stand for its category."""
    if c.how != "synonym":
        return False
    groups = c.unit.groups or (c.unit.keys,)
    return any(len(g) == 1 and c.key in synonyms().get(next(iter(g)), ()) for g in groups)


def _one_part_of_many(need: Need, example: _Covered, keys: set[str]) -> bool:
    """Does the sentence meet only one of three or more parts a requirement lists as all asked
    ("including lithology, alteration and structure")? One part does not stand for the whole."""
    if not need.parts:
        return False
    listed = _part_keys(example.unit.label)
    return len(listed) >= MIN_PARTS and sum(1 for p in listed if not p.isdisjoint(keys)) < 2


@lru_cache(maxsize=4096)
def _part_keys(label: str) -> tuple[frozenset[str], ...]:
    """The keys of each part a label lists ("lithology, alteration and structure"): the same for
    every sentence the requirement is read against, so worked out once."""
    return tuple(frozenset(key(w) for w in TOKEN.findall(p)) for p in _ALTERNATIVES.split(label) if p and p.strip())


MIN_PARTS = 3   # parts listed from which one met is only a part


def _opening_act(need: Need, unit: Unit) -> bool:
    """Is `unit` the doing a requirement opens with ("Running therapeutic groups, e.g. anxiety
    groups")? Its examples are of what is done, not of the doing: the sentence must say that."""
    return unit is need.units[0] and _GERUND.fullmatch(unit.label.strip()) is not None


_GERUND = re.compile(r"[A-Za-z]{3,}ing")


def _specific(example: _Covered, keys: set[str], category: frozenset[str]) -> bool:
    """Is an example met enough to stand for its category? An example of one word, or a name of
    it, is; one of several words ("authenticated scanning with Tenable and prioritizing
    remediation by risk") is met by one of its words or synonyms that not every field says:
    not by "risk" alone, nor by "found" or "result" for "image analysis", nor by a word its
    category says too."""
    unit = example.unit
    if len(unit.keys) <= 1 or example.key.startswith("="):
        return True
    return not ((unit.keys | unit.synonyms) & keys - category) <= _general()


@lru_cache(maxsize=1)
def _general() -> frozenset[str]:
    """The keys of the words too common to meet an example alone: the weak and the general."""
    return frozenset(key(w) for w in lexicon.words("terms", "weak") | lexicon.words("terms", "general"))


def _cover_units(need: Need, s: _Sentence, context: set[str]) -> list[_Covered]:
    out: list[_Covered] = []
    keys = s.keys
    said_by_category = need.category_keys
    for u in need.units:
        both = u.keys & keys
        if both:
            both = _direct(u, both, keys, said_by_category)
        if both and u.name and _only_as_a_verb(u, both, s.text):
            both = frozenset()      # "I argued for a wallet card" does not name Argus
        if both:
            out.append(_Covered(u, "direct", min(both)))
            continue
        both = u.synonyms & keys
        if both and _an_act(u) and _only_as_a_noun(both, s.text):
            both = frozenset()            # "I reported to the head of the platform" runs nothing
        if both and not _names_inside(u.label):
            out.append(_Covered(u, "synonym", min(both)))
        elif u.name and not u.keys.isdisjoint(context) and _name_words(u.label) <= context \
                and not _a_mark_letter(u, u.keys & context):
            out.append(_Covered(u, "context"))      # a name of several words, all of them there
    return _one_thing_a_word(out)


def _one_thing_a_word(out: list[_Covered]) -> list[_Covered]:
    """A thing of several words ("non-technical managers or elected officials") is not met by
    a synonym that meets another thing asked in the same word ("presented" is the explaining,
    not the audience)."""
    if sum(1 for c in out if c.how == "synonym") < 2:
        return out
    return [c for c in out if not (c.how == "synonym" and " " in c.unit.label.strip()
                                   and any(o is not c and o.key == c.key for o in out))]


def _direct(u: Unit, both: frozenset[str], keys: set[str], said_by_category: frozenset[str]) -> frozenset[str]:
    """Of `both`, the unit's keys among a sentence's `keys`, those that meet it in the posting's
    own words."""
    if u.part == "example":
        both -= said_by_category    # "instructing component auditors" is not met by "audit"
    if both and u.groups and not any(g <= keys for g in u.groups):
        return frozenset()          # "transaction cost analysis": one word of a side is not the side
    if both and _a_mark_letter(u, both):
        return frozenset()          # "Class B or C": the letter "C" alone (the language) is no class
    if both and u.name and " " in u.label:
        words = _name_words(u.label)
        if words and both <= words and not words <= keys:
            return frozenset()      # "Wilson Reading": "read" alone is no name
    return both


@lru_cache(maxsize=1)
def _determiners() -> frozenset[str]:
    """The words that open a noun phrase (data/lexicon.toml `determiners`, shared with cues/phrases.py)."""
    return frozenset(lexicon_words("determiners"))


def _an_act(u: Unit) -> bool:
    """Is the unit a doing, written in -ing ("running", "leading", "managing")?"""
    return not u.name and " " not in u.label.strip() and _GERUND.fullmatch(u.label.strip()) is not None


def _only_as_a_noun(met: Iterable[str], text: str) -> bool:
    """Is every word of `text` that has one of the keys `met` a noun after a determiner ("the
    head of the platform", "our lead", "a run of tests")? A person or a thing, not the doing a
    synonym stands for."""
    met = set(met)
    words = TOKEN.findall(text)
    found = [i for i, w in enumerate(words) if not met.isdisjoint(word_keys(w))]
    return bool(found) and all(i and words[i - 1].lower() in _determiners() for i in found)


_VERB_ENDINGS = ("ed", "ing")


def _only_as_a_verb(u: Unit, met: frozenset[str], text: str) -> bool:
    """Is a name ("Argus", "Excel") met only by words that are a verb's forms the name is not
    ("argued", "excelled"), which the stemmer gives its key? A name is never written so; one
    written with a capital inside ("PubMed") is a name, whatever its ending."""
    names = {w.lower() for w in TOKEN.findall(u.label)}
    found = [w for w in TOKEN.findall(text) if not met.isdisjoint(word_keys(w))]
    return bool(found) and all(w.islower() and w not in names and w.endswith(_VERB_ENDINGS)
                               and not any(n.endswith(_VERB_ENDINGS) for n in names) for w in found)


# A key of one letter as written ("=C"), and a word marked by letters given as alternatives
# ("Class B / C", "Grade A / B"): not "Python / R", where the letter is a name of its own.
_LETTER_KEY = re.compile(r"=[A-Za-z]")
_MARKED = re.compile(r"\b[A-Za-z]{3,} [A-Z] ?/ ?[A-Z]\b")


def _a_mark_letter(u: Unit, met: Iterable[str]) -> bool:
    """Are the keys `met` of unit `u` only letters that mark the word they stand with ("Class
    B / C"), met alone?"""
    return all(_LETTER_KEY.fullmatch(k) for k in met) and _MARKED.search(u.label) is not None


@lru_cache(maxsize=4096)
def _names_inside(label: str) -> bool:
    """Does a term name something in it ("delivering Elklan / Talk Boost training")? A word
    written with a capital after the first, in a term not written in title case. A synonym of
    its other words ("coached" for "training") is not that named thing."""
    words = TOKEN.findall(label)
    return any(w[:1].islower() for w in words) and any(w[:1].isupper() for w in words[1:])


class _Measured(NamedTuple):
    """How much of a requirement the units a sentence covers make (`_measure`)."""

    share: float      # of the requirement's weight, covered
    direct: float     # weight covered in the posting's own words
    strong: bool      # whether a full-weight unit is among those covered (not only in the context)


def _measure(need: Need, covered: Sequence[_Covered]) -> _Measured:
    """The share of the requirement the units `covered` make, the weight covered directly, and
    whether a full-weight unit is among them."""
    share = sum(c.weight for c in covered) / need.total
    direct = sum(c.weight for c in covered if c.how == "direct")
    # A requirement made only of light words ("client communication") has nothing heavier to meet.
    strong = any(c.how != "context" and (c.unit.weight >= 1.0 or not need.full) for c in covered)
    return _Measured(share, direct, strong)
