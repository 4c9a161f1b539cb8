"""Which story shows each requirement, sentence by sentence.

A requirement is shown by a story when **one sentence** of it covers most of the requirement's
units (see `terms.py`), told as something the candidate did (see `agency.py`):

- **coverage**: the weight of the units the sentence holds, over the requirement's whole weight.
  A unit met only through a synonym counts for SYNONYM_FACTOR of its weight; a name met only in
  the story's title, role or `technologies` list (not in the sentence) for CONTEXT_FACTOR. An
  example met ("Grafana" for "observability tooling such as Grafana") meets its category.
- **agency**: the clause that holds the terms has the candidate acting in it, with no negation
  or wish. A clause where only someone else acts is a mention, and counts for nothing; so does
  a negated one. A clause with no one in it can at most make a link *possible*.

| verdict | when |
|---|---|
| shown | the candidate acts, in a sentence of the told answer (not the title or the tool list), leaving out at most MAX_UNCOVERED full-weight units (none when it relies on an example), and either in the posting's words (a full unit met directly, coverage ≥ SHOWN, at least 2 of weight or the whole requirement) or in other words for every full-weight unit (two units said at least, SHOWN of the full-weight units' weight) |
| possibly | coverage ≥ POSSIBLY with a full-weight unit among those covered in the sentence, and no one else acting |
| missing | no sentence of any story does either |

"Shown" quotes the one story that shows it best; "possibly" offers up to MAX_EVIDENCE to check.

When no story shows a requirement this way, a concept it names (`concepts.py`: "communication
with families", "mentoring junior engineers") may: a sentence where the candidate does one of the
concept's acts to one of its objects ("I sat with his daughter"), saying half of what is asked,
shows it; one saying less makes it possible (`_concept_shows`). Nor may a requirement that names
a profession's duties (`trades.py`: "venepuncture", "trade unions"): a sentence where the
candidate says every one of them, in the posting's words or the trade's, by two of those words at
least, shows it (`_trade_level`).

Speed: only the sentences the sieve finds (`sieve.py`) are split into words, and sentences are
judged best-covered first, stopping once the evidence to quote is found.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from storybank.model import PARTS, PROBES
from storybank.postings import lexicon
from storybank.postings.agency import Clause, clauses
from storybank.postings.concepts import Concept, concepts_for
from storybank.postings.own_act import tells_own_act
from storybank.postings.sieve import Sieve, sentences_at
from storybank.postings.sieve import _prefixes as sieve_prefixes
from storybank.postings.sieve import sieve as sieve_of
from storybank.postings.terms import SYNONYM_FACTOR, TOKEN, Unit, key, phrase_key, synonyms
from storybank.postings.trades import duties

if TYPE_CHECKING:
    from pathlib import Path

    from storybank.model import Story
    from storybank.postings.word_index import WordIndex

SHOWN = 0.6          # share of the requirement's weight one sentence must cover to show it
POSSIBLY = 0.45      # share for "possibly: check"
CONTEXT_FACTOR = 0.5 # a name found only in the story's title, role or technologies
MAX_EVIDENCE = 3     # stories offered per "possibly" requirement
# Which sentence to quote among equals: what the candidate did, before the title or a tool list.
FIELD_RANK = {"action": 0, "outcome": 1, "situation": 2, "ownership": 3, "reflection": 5, "title": 6,
              "role": 7, "technologies": 8}
EPS = 1e-9
# A story's title, role and tool list name things; they tell nothing done: at most "possibly".
LABEL_FIELDS = frozenset({"title", "technologies"})
ELSEWHERE = ("context",)   # ways a unit is met outside the sentence
# The fields that tell what happened, not what could have been or was learnt.
# (The parts of the answer but the reflection, what the candidate owned, and the follow-ups that
# tell who did what and how it worked.)
TOLD_AS_DONE = frozenset({"ownership", *(p for p in PARTS if p != "reflection"),
                          *(f"followups.{probe}" for probe in ("collaborators", "technical"))})
MAX_UNCOVERED = 1    # full-weight units a sentence may leave out and still show the requirement
# A long requirement ("Skill in writing SIEM searches and correlation rules (Splunk SPL, …)"): for
# every LONG_ASK full-weight things it asks, one more may be left out by a sentence where the
# candidate says "I" or "we", in a story of what they did (round 17).
LONG_ASK = 4
_SAYS_I = re.compile(r"\b(?:I|we|We)\b")

_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class Hit:
    """The best sentence of one story for one requirement."""

    story: str
    sentence: str
    field: str
    score: float
    level: int          # 2 shown, 1 possibly


@dataclass(slots=True)
class _Sentence:
    story: int
    field: str
    text: str
    keys: set[str]                      # the posting's keys this sentence holds
    per_word: list[tuple[str, ...]] | None = None   # every word's keys, in order: worked out,
    clauses: list[Clause] | None = None # like its clauses, only for a sentence that could count
    bounds: list[int] | None = None     # where each clause ends, in words (with `clauses`)
    reached: bool = False               # found only by a concept's act and object (Index.reach)
    start: int = -1                     # where it starts and ends in its story's text (`_story_text`)
    end: int = -1


_STAND_INS = frozenset({"him", "her", "them"})   # objects that name whom the story named before
MOTIVATION = "motivation"   # the question type that tells why the work is wanted, not what was done


@dataclass
class _Story:
    id: str
    context_text: str = ""  # title, role, technologies
    wanting: bool = False   # mapped only to the motivation question: it says what is wanted

    @cached_property
    def context(self) -> set[str]:
        """The keys of its title, role and technologies: worked out for the few stories with a
        sentence worth judging, not for every story of the bank."""
        return set(itertools.chain.from_iterable(map(_KEYS.__getitem__, TOKEN.findall(self.context_text))))


def story_fields(story: Story) -> list[tuple[str, str]]:
    """The story's text, field by field, in the order a reader meets it."""
    out = [("title", story.title or ""), ("role", story.role or ""), ("ownership", story.ownership or "")]
    out += [(part, story.part(part)) for part in PARTS]
    if story.followups is not None:
        for probe in PROBES:
            out.append((f"followups.{probe}", story.followup(probe)))
    return [(name, text) for name, text in out if text and text.strip()]


class _KeyMemo(dict[str, tuple[str, ...]]):
    """`word_keys`, remembered: `_KEYS[w]` works a new word out once (`__missing__`), and each
    later look-up of it is one dictionary access with no Python call, which is what splitting
    thousands of sentences into words costs most."""

    def __missing__(self, token: str) -> tuple[str, ...]:
        word = _POSSESSIVE.sub("", token).rstrip(".")
        keys = [key(word)]
        if "-" in word or "/" in word:
            keys += [key(p) for p in re.split(r"[-/]", word) if p]
        if len(word) <= 3 or word[:1].isupper():
            keys.append("=" + word)
        out = self[token] = tuple(keys)
        return out


_KEYS = _KeyMemo()


def word_keys(token: str) -> tuple[str, ...]:
    """The keys one written word stands for: its stem, its hyphenated parts, and its written
    form ("=Go") when it could be a short name that must match as written."""
    return _KEYS[token]


class Index:
    """The bank's sentences that hold words a posting asks about."""

    def __init__(self, stories: Sequence[tuple[str, Story]], needed: set[str], sieve: Sieve | None,
                 words: WordIndex | None = None) -> None:
        """`needed`: every key the posting's units can be covered by; `sieve`: where to look;
        `words`: the stories' word index (word_index.py), when there is one."""
        self.stories: list[_Story] = []
        self.sentences: list[_Sentence] = []
        self.by_key: dict[str, list[int]] = {}
        self.position = {story_id: n for n, (story_id, _story) in enumerate(stories)}
        self._needed = needed
        self._firsts = {k.split("-")[0] for k in needed if "-" in k}
        texts = _texts_of(stories, words)
        self._texts = texts
        self._words = words if words is not None and words.texts == [text for _fields, text in texts] else None
        spans = _indexed(sieve, self._words)
        self._spans: set[tuple[int, int]] = set()      # (story, start) of the sentences in
        self._reached: set[str] = set()                # concepts whose sentences are in (`reach`)
        self.by_act: dict[str, list[int]] = {}         # as by_key, for the sentences only a concept reached
        for n, (story_id, story) in enumerate(stories):
            self.stories.append(_Story(story_id, " ".join([story.title or "", story.role or "", " ".join(story.technologies)]),
                                       wanting=bool(story.questions) and set(story.questions) <= {MOTIVATION}))
            found = _sieved(texts[n][1], sieve, spans[n] if spans is not None else None)
            if found:
                self._add_story(n, texts[n], found)

    def _add_story(self, n: int, fields_text: tuple[list[tuple[str, str]], str], spans: list[tuple[int, int]],
                   by: dict[str, list[int]] | None = None) -> None:
        """The sentences `spans` of story `n`, those holding a key the posting asks about
        (indexed in `by`, `by_key` unless told)."""
        fields, text = fields_text
        starts = list(itertools.accumulate((len(t) + 1 for _name, t in fields[:-1]), initial=0))
        needed = self._needed
        firsts = self._firsts
        chain = itertools.chain.from_iterable
        findall = TOKEN.findall
        keys_of = _KEYS.__getitem__
        first_key = operator.itemgetter(0)
        for start, end in spans:
            sentence = text[start:end]
            per_word = list(map(keys_of, findall(sentence)))
            found = needed.intersection(chain(per_word))
            if firsts and not firsts.isdisjoint(map(first_key, per_word)):
                found |= _grams([ks[0] for ks in per_word], needed, firsts)
            if found:
                field_name = fields[bisect.bisect_right(starts, start) - 1][0]
                self._add_sentence(_Sentence(n, field_name, sentence.strip(), found, per_word, reached=by is not None,
                                             start=start, end=end), by)
                self._spans.add((n, start))

    def _add_sentence(self, sentence: _Sentence, by: dict[str, list[int]] | None = None) -> None:
        index = len(self.sentences)
        self.sentences.append(sentence)
        by = self.by_key if by is None else by
        for k in sentence.keys:
            by.setdefault(k, []).append(index)

    def reach(self, concept: Concept) -> None:
        """Bring in the sentences where a story may show `concept` whatever the posting's words
        (one of its acts and one of its objects in them, concepts.Reach), once, on the first
        requirement that needs it. They are kept apart (`by_act`): only the concept's judging
        reads them, so the answer for one requirement never depends on another's."""
        if concept.name in self._reached:
            return
        self._reached.add(concept.name)
        for n, spans in enumerate(_reached(self._texts, concept, self._words)):
            fresh = [span for span in spans or () if (n, span[0]) not in self._spans]
            if fresh:
                self._add_story(n, self._texts[n], fresh, self.by_act)

    def between(self, story: int, start: int, end: int) -> str:
        """The text of story `story` from `start` to `end` (offsets of its sentences)."""
        return self._texts[story][1][start:end]

    def agency(self, s: _Sentence, keys: Iterable[str]) -> list[tuple[Clause, bool]]:
        """For each of `keys`: the clause of the sentence that holds it, and whether it is a word
        naming someone else there ("our charge nurse")."""
        out = []
        for k in keys:
            placed: tuple[Clause, bool] | None = None
            for here in self.places(s, k):
                if placed is None:
                    placed = here
                elif (here[0].other and not here[0].me) or here[0].negated:
                    # Said again where someone else acts ("…down to the podium slab; the
                    # podium itself was another firm's scope"): theirs, not the candidate's;
                    # or as not done ("I booked the Elklan course but have not delivered any
                    # Elklan training").
                    placed = here
                    break
            out.append(placed or (Clause(False, False, False, 0), False))   # not placed: no one acts for it
        return out

    def places(self, s: _Sentence, k: str) -> Iterable[tuple[Clause, bool]]:
        """Each place key `k` is said in the sentence: its clause, and whether the word names
        someone else there."""
        found, bounds = _clauses_of(s)
        if s.per_word is None:
            s.per_word = list(map(_KEYS.__getitem__, TOKEN.findall(s.text)))
        per_word = s.per_word
        for i, ks in enumerate(per_word):
            # A word's own keys, or a two- or three-word key that starts at it.
            if k in ks or (i + 1 < len(per_word) and k.startswith(ks[0] + "-")
                           and k in (ks[0] + "-" + per_word[i + 1][0],
                                     "-".join([ks[0], per_word[i + 1][0], per_word[i + 2][0]])
                                     if i + 2 < len(per_word) else "")):
                c = min(bisect.bisect_right(bounds, i), len(found) - 1)
                start = bounds[c - 1] if c else 0
                yield found[c], i - start in found[c].people


def _clauses_of(s: _Sentence) -> tuple[list[Clause], list[int]]:
    """The sentence's clauses (agency.py) and where each ends, in words: read once, when first
    needed, and kept on the sentence."""
    if s.clauses is None or s.bounds is None:
        s.clauses = clauses(s.text, s.field)
        s.bounds = list(itertools.accumulate(c.words for c in s.clauses))
    return s.clauses, s.bounds


def _story_text(story: Story) -> tuple[list[tuple[str, str]], str]:
    """The story's fields, and all of them as one text, one line each (a sentence never runs
    across a line break): one scan per story, not one per field."""
    fields = story_fields(story)
    if story.technologies:
        # The story's named tools, as a line of their own: a link through them alone is at
        # most possible (no one acts in a list).
        fields.append(("technologies", ", ".join(story.technologies) + "."))
    return fields, "\n".join(t.replace("\n", " ") for _name, t in fields)


def _sieved(text: str, sieve: Sieve | None, spans: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """The sentences of one story's text the sieve keeps: `spans` when the word index knew
    them, else found by the sieve in the text."""
    if sieve is None:
        return []
    if spans is not None:
        return spans
    low = text.lower()
    hits = sieve.hits(text, low)
    return sentences_at(text, hits, sieve, low) if hits else []


def _reached(texts: list[tuple[list[tuple[str, str]], str]], concept: Concept,
             words: WordIndex | None) -> list[list[tuple[int, int]]]:
    """Per story, the sentences where it may show `concept` whatever the posting's words: one
    of its acts and one of its objects in them. From the word index (of these very texts), by
    the words of each phrase (`_looked_up`), when there is one; else each text's sentences holding a word the acts and
    the objects start with. More than the concept's judging keeps: it looks again."""
    acts, on = concept.acts, concept.on
    if not acts or not on:
        return [[] for _ in texts]
    known = _reached_in(words, acts, on) if words is not None else None
    scan = None
    out: list[list[tuple[int, int]]] = []
    for n, (_fields, text) in enumerate(texts):
        if known is not None and n not in words.fallback:   # type: ignore[union-attr]
            out.append(known.get(n, []))
            continue
        scan = scan or (sieve_of(acts), sieve_of(on))
        low = text.lower()
        hits = [found.hits(text, low) if found is not None else [] for found in scan]
        out.append(sorted(set(sentences_at(text, hits[0])) & set(sentences_at(text, hits[1]))) if all(hits) else [])
    return out


_GLUE = frozenset({"with", "the", "a", "an", "up", "down", "to", "of", "on", "in", "at", "by", "for", "each"})


def _looked_up(phrase: str) -> list[str]:
    """The words of a phrase the word index is asked for: all but glue ("sat with" by "sat");
    none when it is only glue ("one-to-ones", whose stems are "on-to-on"): such a phrase is not
    looked for in the index."""
    return [p for p in phrase.split("-") if p and p not in _GLUE]


def _reached_in(words: WordIndex, acts: frozenset[str], on: frozenset[str]) -> dict[int, list[tuple[int, int]]]:
    """`_reached` from the word index: sentences holding every word looked up of an act and of
    an object, two different words ("reviewed their" is no act on "reviewers")."""
    wanted = {p for k in acts | on for p in _looked_up(k)}
    where = words.holding(tuple(p for k in wanted for p in sieve_prefixes(k)), word_keys, wanted)

    def holding(phrase: str) -> set[str]:
        sets = sorted((where.get(p, set()) for p in _looked_up(phrase)), key=len)
        return sets[0].intersection(*sets[1:]) if sets else set()

    by_act = {k: holding(k) for k in acts}
    every = set().union(*by_act.values())
    found: set[str] = set()
    for k in on:
        words_of = set(_looked_up(k))
        # An object that is an act's own word ("reviewers", "reviewed their") goes with the other acts.
        doing = every if not any(words_of <= set(_looked_up(a)) for a in acts) else \
            set().union(*(v for a, v in by_act.items() if not words_of <= set(_looked_up(a))))
        found |= holding(k) & doing
    return words.spans(found)


def _indexed(sieve: Sieve | None, words: WordIndex | None) -> list[list[tuple[int, int]] | None] | None:
    """Per story, the sentences the sieve keeps, read from the word index of these very texts
    (None: the sieve reads every story)."""
    if sieve is None or words is None or not sieve.indexable:
        return None
    return words.sentences(sieve)


def word_index(stories: Sequence[tuple[str, Story]], bank_root: Path) -> WordIndex | None:
    """The word index of `stories`, the bank at `bank_root`'s, kept in its cache file: build it
    once for every posting checked against them. None when caching is off."""
    from storybank.paths import cache_dir

    if cache_dir() is None:
        return None
    from storybank.postings.word_index import WordIndex

    texts = [_story_text(story) for _story_id, story in stories]
    found = WordIndex([text for _fields, text in texts], bank_root)
    # The story texts just made, with the stories they were made of: the Index built next
    # over the same stories takes them instead of making them again (a fiftieth of a second
    # on 1,000 stories).
    found.made = ([story for _story_id, story in stories], texts)
    return found if found.file is not None else None


def _texts_of(stories: Sequence[tuple[str, Story]],
              words: WordIndex | None) -> list[tuple[list[tuple[str, str]], str]]:
    made = words.made if words is not None else None
    if made is not None and len(made[0]) == len(stories) \
            and all(a is b for a, (_story_id, b) in zip(made[0], stories, strict=True)):
        return made[1]
    return [_story_text(story) for _story_id, story in stories]


def _grams(heads: list[str], needed: set[str], firsts: set[str]) -> set[str]:
    """The two- and three-word keys of `needed` that words side by side make ("on-call")."""
    last = len(heads) - 1
    grams = [gram for i in [i for i, h in enumerate(heads) if h in firsts and i < last]
             for gram in (heads[i] + "-" + heads[i + 1], "-".join(heads[i:i + 3]))]
    return needed.intersection(grams)


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

    @classmethod
    def read(cls, units: tuple[Unit, ...], years: bool, text: str) -> Need:
        """What the requirement `text`, read into `units`, asks."""
        units = tuple(u for u in units if not _bookkeeping(u, text))
        return cls(units, years, concepts_for(text), lists_parts(text), years_asked(text) if years else 0,
                   two_sides(units, text))

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


_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
            "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "thirty-six": 36}
# A count of years, a half included ("four and a half years", round 19: "I have spent six and a
# half years in contaminated land consultancy" is more than three).
_YEARS = re.compile(r"\b(\d{1,2}|" + "|".join(_NUMBERS) + r")\b(?:\s+and\s+a\s+half)?(?:\s*\+|\s+or\s+more)?\s+"
                    r"(?:full[- ]time\s+)?years?\b", re.I)
# A count of months ("For fourteen months I ran the team of seven", "18 months"): a twelfth of a
# year each.
_MONTHS = re.compile(r"\b(\d{1,2}|" + "|".join(_NUMBERS) + r")\s+months\b", re.I)
MONTHS_A_YEAR = 12
# How long a sentence says something was done: a count of years as `_YEARS` reads it ("for four
# years", "3 or more years"), of months, "since 2019", "a decade".
_DURATION = re.compile(_YEARS.pattern + "|" + _MONTHS.pattern + r"|\bsince\s+(?:19|20)\d\d\b|\bdecades?\b", re.I)


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


_LEADING_NUMBER = re.compile(r"\d+|[a-z]+", re.I)


def years_asked(text: str) -> int:
    """The fewest years a requirement asks ("Three or more years of teaching" -> 3, "3-5 years"
    -> 3, "Two (2) years" -> 2), 0 when it names none. Read with the pattern that made the item a
    years item (postings.toml `credentials.years`), each match starting at its lower bound."""
    found = []
    for m in lexicon.years().finditer(text):
        lead = _LEADING_NUMBER.match(m.group(0))
        if lead is not None and (lead.group(0).isdigit() or lead.group(0).lower() in _NUMBERS):
            found.append(_number(lead.group(0)))
    return min(found) if found else 0


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _long_enough(need: Need, sentence: str) -> bool:
    """Does a sentence say the time a years-requirement asks? A duration, and, when it gives a
    number of years, not fewer than asked ("For two years we taught…" is not three or more)."""
    if not need.years:
        return True
    if _DURATION.search(sentence) is None:
        return False
    said = [float(_number(m.group(1))) for m in _YEARS.finditer(sentence)] \
        + [_number(m.group(1)) / MONTHS_A_YEAR for m in _MONTHS.finditer(sentence)]
    return not said or not need.min_years or max(said) >= need.min_years


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


_PARTS = re.compile(r"\binclud(?:ing|es?)\b|\bincl\.", re.I)


def lists_parts(text: str) -> bool:
    """Does a requirement list the parts it asks ("including …"), not examples of it?"""
    return _PARTS.search(text) is not None


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


_DETERMINERS = frozenset({"the", "a", "an", "our", "my", "his", "her", "their", "its", "this", "that", "each",
                          "every", "your"})


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
    return bool(found) and all(i and words[i - 1].lower() in _DETERMINERS for i in found)


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


_ALTERNATIVES = re.compile(r"[,/&]|\b(?:or|and)\b", re.I)


@lru_cache(maxsize=4096)
def _name_words(label: str) -> frozenset[str]:
    """The keys of the words of a name of two or three words, one by one ("Wilson Reading" ->
    wilson, read); none for a list of names ("Zendesk or Intercom": either is met alone)."""
    words = TOKEN.findall(label)
    if not 2 <= len(words) <= 3 or _ALTERNATIVES.search(label):
        return frozenset()
    return frozenset(key(w) for w in words)


def _measure(need: Need, covered: Sequence[_Covered]) -> tuple[float, float, bool]:
    """(share of the requirement covered, weight covered directly, whether a full-weight unit
    is among those covered directly)."""
    share = sum(c.weight for c in covered) / need.total
    direct = sum(c.weight for c in covered if c.how == "direct")
    # A requirement made only of light words ("client communication") has nothing heavier to meet.
    strong = any(c.how != "context" and (c.unit.weight >= 1.0 or not need.full) for c in covered)
    return share, direct, strong


def _names_enough(kept: Sequence[_Covered]) -> bool:
    """Two named things met in the sentence itself ("in Python with pandas") say enough of what
    was done; one name alone does not ("Epic documentation" is more than Epic)."""
    return sum(1 for c in kept if c.unit.name and c.how == "direct") >= 2


def _acting(s: _Sentence, index: Index, covered: list[_Covered]) -> tuple[list[_Covered], bool, list[_Covered]]:
    """The covered units that count (the candidate, or no one, acting on them, not negated or
    wished for), whether the candidate acts, and the units dropped."""
    in_text = [c for c in covered if c.how != "context"]
    clauses = index.agency(s, [c.key for c in in_text])
    kept: list[_Covered] = []
    dropped: list[_Covered] = []
    acts = False
    for c, (clause, someone_else) in zip(in_text, clauses, strict=False):
        if clause.negated or (clause.other and not clause.me) or (someone_else and c.unit.self_role):
            dropped.append(c)
            continue
        kept.append(c)
        acts = acts or clause.me
    return kept, acts, dropped


def _uncovered(need: Need, kept: Sequence[_Covered]) -> int:
    """The full-weight things asked that `kept` leaves out. With one example met, the others
    listed with it are other ways to show the same ("networking fundamentals (DNS, TCP, load
    balancers)"), not things left out."""
    if not need.examples or need.parts:
        return need.full - sum(1 for c in kept if c.unit.weight >= 1.0)
    met = {id(c.unit) for c in kept if c.unit.weight >= 1.0}
    by_example = any(c.unit.part == "example" and c.how in ("direct", "synonym") for c in kept)
    return sum(1 for u in need.units if u.weight >= 1.0 and id(u) not in met and not (by_example and u.part == "example"))


def _says_what_was_done(need: Need, kept: Sequence[_Covered]) -> bool:
    """A requirement that asks more than names is shown by a word of its own met in the
    sentence, or by two names met there."""
    return not need.has_content or _names_enough(kept) \
        or any(not c.unit.name and c.unit.weight >= 1.0 and c.how != "context" for c in kept)


def _full_share(need: Need, kept: Sequence[_Covered]) -> float:
    if not need.full:
        return sum(c.weight for c in kept) / need.total
    return sum(c.weight for c in kept if c.unit.weight >= 1.0) / need.full_total


def _reach(need: Need, covered: Sequence[_Covered], share: float) -> float:
    """How much of the requirement a sentence says: its share, or, when it says every
    full-weight thing asked, the share of those."""
    return max(share, _full_share(need, covered)) if _uncovered(need, covered) == 0 else share


def _leaves_out_the_kind(need: Need, kept: Sequence[_Covered]) -> bool:
    """In a short requirement, the first word names the kind asked for ("Motor insurance
    pricing", "Oncology clinical trial experience"): a sentence without it shows another kind."""
    first = need.units[0] if need.units else None
    return first is not None and first.kind and need.full <= 3 and all(c.unit is not first for c in kept)


def _leaves_out_a_name(need: Need, kept: Sequence[_Covered]) -> bool:
    """Is a product or programme asked for by a name of several words ("CCH Axcess Tax",
    "delivering Elklan or Talk Boost training") left out? The rest of the requirement said
    around it is another tool's work, or none: possibly, for the user to check. (A name of one
    word, "German" in "English native speaker with German at C2", is one thing among others.)"""
    met = {id(c.unit) for c in kept}
    return any(u.weight >= 1.0 and id(u) not in met and ((u.name and " " in u.label.strip()) or _names_inside(u.label))
               for u in need.units)


def _shows(need: Need, s: _Sentence, kept: list[_Covered], share: float, direct: float, told: bool = False) -> bool:
    """Does the sentence, where the candidate acts, show the requirement done? `told`: the
    candidate says "I" or "we" in it, in a story of what they did (not why they want the job)."""
    # Through an example, the category is met, and everything else asked must be too.
    allowed = 0 if any(c.how == "example" for c in kept) or _leaves_out_the_kind(need, kept) \
        else MAX_UNCOVERED + (need.full // LONG_ASK if told and not _a_side_left_out(need, kept) else 0)
    uncovered = _uncovered(need, kept)
    # In the requirement's own words: a full unit of them, and most of its weight.
    own_words = direct >= 1.0 - EPS and share >= SHOWN - EPS \
        and share * need.total >= min(2.0, SHOWN * need.total) - EPS
    # Or in other words for every full-weight thing it asks, two things at least (one synonym
    # alone is a hint, not a showing); then what counts is the share of those things, since
    # light words are rarely said twice.
    said = sum(1 for c in kept if c.how not in ELSEWHERE)
    other_words = uncovered == 0 and said >= 2 and _full_share(need, kept) >= SHOWN - EPS
    checks = (s.field not in LABEL_FIELDS and s.field != "role", uncovered <= allowed, own_words or other_words, not _leaves_out_a_name(need, kept),
              _says_what_was_done(need, kept), _long_enough(need, s.text))
    return all(checks)


def _a_side_left_out(need: Need, kept: Sequence[_Covered]) -> bool:
    """Of two things joined by "and" ("building statistical demand forecasts and measuring
    forecast accuracy"), is one of two things asked or more left out whole? Then the sentence
    shows the other thing, not the requirement, however long it is."""
    met = {id(c.unit) for c in kept}
    for side in need.sides:
        full = [need.units[n] for n in side if need.units[n].weight >= 1.0]
        if len(full) >= 2 and all(id(u) not in met for u in full):
            return True
    return False


def _level(need: Need, s: _Sentence, index: Index, covered: list[_Covered]) -> tuple[int, float]:
    """(2 shown, 1 possibly or 0 neither, the share it covers), for a sentence already known to
    cover at least POSSIBLY of the requirement with a full-weight unit. A unit found where
    someone else acts, or where it is negated or wished for, does not count."""
    kept, acts, dropped = _acting(s, index, covered)
    if not kept:
        return 0, 0.0
    kept += [c for c in covered if c.how == "context"]
    share, direct, strong = _measure(need, kept)
    if not strong or _reach(need, kept, share) < POSSIBLY - EPS or (dropped and not acts):
        return 0, share
    # A thing asked that the sentence says someone else did, or was not done ("I never
    # instructed them myself"), is not the candidate's: the rest can make it possible, no more.
    theirs = any(c.unit.weight >= 1.0 and _theirs(need, s, index, c.unit) for c in dropped)
    told = _SAYS_I.search(s.text) is not None and not index.stories[s.story].wanting
    shows = acts and not theirs and len(_used(s, index, kept)) == len(kept) \
        and _shows(need, s, kept, share, direct, told)
    return (2 if shows else 1), share


def _used(s: _Sentence, index: Index, kept: list[_Covered]) -> list[_Covered]:
    """`kept` less a product or programme asked by name that the sentence says only in a clause
    where the candidate does not act ("The Lido rollout was planned for 2025 and then postponed,
    …, and I still plan every flight in our own system"): mentioned there, not used. With it, the
    sentence makes the requirement possible, no more."""
    named = [c for c in kept if c.unit.name and c.how != "context"]
    if not named:
        return kept
    mentioned = {id(c) for c, (clause, _someone_else) in zip(named, index.agency(s, [c.key for c in named]), strict=True)
                 if not clause.me}
    return [c for c in kept if id(c) not in mentioned]


def _theirs(need: Need, s: _Sentence, index: Index, unit: Unit) -> bool:
    """Does the sentence say that `unit` was done by someone else or not done? Each time its
    words are said there, it is in a negated clause or one where only someone else acts, and once at least
    is what they did, not the name of who did it ("a design agency in Chicago" names one,
    acting in nothing)."""
    keys = sorted(unit.keys & s.keys - (need.category_keys if unit.part == "example" else frozenset()))
    places = [place for k in keys for place in index.places(s, k)]
    if not all(c.negated or (c.other and not c.me) for c, _person in places):
        return False
    return any(c.negated or not person for c, person in places)


def _told_under_title(need: Need, index: Index, title: _Sentence) -> tuple[int, _Sentence]:
    """A story whose title says most of the requirement ("Running 46 clients through busy
    season") is about it; it shows it when a sentence of its told answer has the candidate
    doing one of the things asked, in the posting's words, not negated and with no one else
    acting (that sentence is quoted). Otherwise the title makes it possible, no more."""
    for k in sorted(needed_keys(must_say(need.units), synonyms=False)):
        for i in index.by_key.get(k, ()):
            s = index.sentences[i]
            if s.story != title.story or s.field in LABEL_FIELDS or s.field == "role":
                continue
            (clause, someone_else), = index.agency(s, [k])
            if clause.me and not clause.other and not clause.negated and not someone_else:
                return (1, title) if _story_leaves_as_theirs(need, index, title, _cover(need, title, set())) else (2, s)
    return 1, title


MIN_TOLD_ACROSS = 2   # sentences of one story that together show a requirement no one of them shows


def _told_across(need: Need, index: Index, sentences: Sequence[int]) -> tuple[float, _Sentence] | None:
    """A requirement of several things is often told over several sentences of one story ("I did
    the molecular cloning myself." … "I amplified each variant by PCR, cut the backbone with two
    restriction enzymes and joined the pieces by Gibson assembly."). The story shows it when its
    told sentences where the candidate acts (no one else, not negated or wished) together meet,
    in the posting's own words, what one sentence must meet to show it: at most MAX_UNCOVERED
    full-weight things left out, SHOWN of its weight, two of weight at least. (share, the
    sentence that says most of it) or None. A requirement of years keeps to one sentence.
    `sentences`: the indexes of the story's sentences that hold the posting's words."""
    if not sentences or need.years or need.full < 2 or index.stories[index.sentences[sentences[0]].story].wanting:
        return None   # a story of why the work is wanted names what it lacks beside what it did
    told = list(_acting_sentences(need, index, sentences))
    if len(told) < MIN_TOLD_ACROSS:
        return None
    together = list({id(c.unit): c for _share, _s, kept, _mine in told for c in kept}.values())
    share = sum(c.weight for c in together) / need.total
    if not _shown_together(need, together, share) or _left_as_theirs(need, index, sentences, together):
        return None
    best_share, best, _kept, _mine = max(told, key=lambda row: (row[3], row[0]))   # quote the candidate acting
    return max(share, best_share), best


def _acting_sentences(need: Need, index: Index, sentences: Sequence[int]) -> Iterable[tuple[float, _Sentence, list[_Covered], bool]]:
    """Of one story's `sentences` (indexes, in the story's order), the told ones where the
    candidate acts on units of `need`, met in the posting's own words: (their share, the
    sentence, the units that count, whether the candidate is named acting in it). A sentence
    where no one acts ("It used Power Query to pull the demand…") right after one of them ("I
    built an Excel model…") goes on telling the candidate's work, as a clause does."""
    previous: _Sentence | None = None     # the last sentence where the candidate acts
    for i in sentences:
        s = index.sentences[i]
        if s.field in LABEL_FIELDS or s.field == "role":
            continue
        direct = [c for c in _cover(need, s, set()) if c.how == "direct"]
        kept, acts, _dropped = _acting(s, index, direct)
        carried = not acts and previous is not None and _next_to(index, previous, s) and _goes_on_with_it(s)
        if carried:
            kept = direct                 # what the candidate made, doing its work
        elif acts:
            kept = _used(s, index, kept)
        if kept and (acts or carried):
            yield sum(c.weight for c in kept) / need.total, s, kept, acts
        previous = s if kept and acts and _makes(s) else None


def _next_to(index: Index, before: _Sentence, after: _Sentence) -> bool:
    """Does `after` follow `before` in the same field of the same story, with nothing between?"""
    if before.story != after.story or before.field != after.field or before.end < 0 or after.start < before.end:
        return False
    return not index.between(before.story, before.end, after.start).strip(" \t\"'”’)")


def _makes(s: _Sentence) -> bool:
    """Does the candidate make something in the sentence ("I built an Excel model", "I wrote a
    script")? Its words hold one of agency.made (postings.toml)."""
    return s.per_word is not None and not _made_keys().isdisjoint(ks[0] for ks in s.per_word)


@lru_cache(maxsize=1)
def _made_keys() -> frozenset[str]:
    return frozenset(key(w) for w in lexicon.data()["agency"]["made"])


def _goes_on_with_it(s: _Sentence) -> bool:
    """Does the sentence open on "It", the thing the sentence before made, doing its work, with
    no one else named and nothing negated or wished for ("It used Power Query to pull the
    demand…")? "It" is read elsewhere as someone else acting (a system, a firm)."""
    found, _bounds = _clauses_of(s)
    first, *rest = found
    return s.text[:3].lower() == "it " and first.people <= {0} and not first.me \
        and not any(c.negated for c in found) and not any(c.other or c.me for c in rest)


def _story_leaves_as_theirs(need: Need, index: Index, s: _Sentence, said: Sequence[_Covered]) -> bool:
    """`_left_as_theirs` over the told sentences of `s`'s story that hold the posting's words,
    for a sentence that leaves a full-weight thing out (looked up only then)."""
    if _uncovered(need, said) == 0:
        return False
    told = sorted({j for k in needed_keys(need.units, synonyms=False) for j in index.by_key.get(k, ())
                   if index.sentences[j].story == s.story})
    return _left_as_theirs(need, index, told, said)


def _left_as_theirs(need: Need, index: Index, sentences: Iterable[int], said: Sequence[_Covered]) -> bool:
    """Does a full-weight thing asked that a story leaves out of what the candidate did
    (`said`) appear in one of its told `sentences` as someone else's, or as not done ("our
    manager instructed them, and I never did")? A story may show a requirement leaving one
    thing out, but not one it says was not the candidate's."""
    met = {id(c.unit) for c in said}
    left = [u for u in need.units if u.weight >= 1.0 and id(u) not in met]
    for i in sentences if left else ():
        s = index.sentences[i]
        if s.field not in TOLD_AS_DONE:
            continue   # what could have been done ("I could have rated the pair as equal") tells nothing
        if any(u.keys & s.keys and _theirs(need, s, index, u) for u in left):
            return True
    return False


def _shown_together(need: Need, together: Sequence[_Covered], share: float) -> bool:
    return (_uncovered(need, together) <= MAX_UNCOVERED and not _leaves_out_the_kind(need, together)
            and not _leaves_out_a_name(need, together)
            and _says_what_was_done(need, together) and share >= SHOWN - EPS
            and share * need.total >= 2.0 - EPS)


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


def _candidates(need: Need, index: Index, only: Iterable[str] | None) -> set[int]:
    """The sentences worth judging: one with a full-weight unit in the requirement's words, or
    one that says every full-weight thing it asks in other words (a paraphrase)."""
    full = need.asked
    candidates: set[int] = set()
    for k in needed_keys(full, synonyms=False):
        candidates.update(index.by_key.get(k, ()))
    others: set[int] = set()
    for k in {k for u in full for k in u.synonyms}:
        others.update(index.by_key.get(k, ()))
    sentences = index.sentences
    said = must_say(need.units)
    candidates.update(i for i in others - candidates
                      if all(not (u.keys | u.synonyms).isdisjoint(sentences[i].keys) for u in said))
    if only is not None:
        wanted = {index.position[sid] for sid in only if sid in index.position}
        candidates = {i for i in candidates if sentences[i].story in wanted}
    return candidates


_Scored = tuple[float, _Sentence, int, list[_Covered]]
_NOTHING: frozenset[str] = frozenset()


def _scored(need: Need, index: Index, candidates: set[int]) -> tuple[list[_Scored], dict[int, int]]:
    """The candidates covering at least POSSIBLY, best covered first; among equals, the one
    holding more of the requirement's own words, then the story that speaks of it most (its count of such sentences, also returned), then a sentence of the
    spoken answer before a title, a role or a list of tools."""
    scored: list[_Scored] = []
    support: dict[int, int] = {}
    # Sentences holding the same of the requirement's keys (and stories whose title, role and
    # tools hold the same of its names) cover it alike: each such case is judged once.
    said_by, names = need.said_by, need.name_keys
    judged: dict[tuple[frozenset[str], frozenset[str]], tuple[list[_Covered], float, bool]] = {}
    for i in candidates:
        s = index.sentences[i]
        context = index.stories[s.story].context & names if names else _NOTHING
        case = (frozenset(s.keys & said_by), frozenset(context))
        found = judged.get(case)
        if found is None:
            covered = _cover(need, s, set(context))
            share, _direct, strong = _measure(need, covered)
            found = judged[case] = (covered, share, strong and (share >= POSSIBLY - EPS
                                                                or _reach(need, covered, share) >= POSSIBLY - EPS))
        covered, share, worth = found
        if worth:
            scored.append((share, s, i, list(covered)))
            support[s.story] = support.get(s.story, 0) + (s.field != "technologies")
    asked = needed_keys(need.units, synonyms=False)
    scored.sort(key=lambda row: (-row[0], -len(row[1].keys & asked), -support[row[1].story],
                                 FIELD_RANK.get(row[1].field, 4), index.stories[row[1].story].id, row[2]))
    return scored, support


def _enough(limit: int | None, shown: int, possible: int, share: float) -> bool:
    """Have the first `limit` stories at the best level been found?"""
    return limit is not None and (shown >= limit or (possible >= limit and not shown and share < SHOWN - EPS))


def _promote_told_across(need: Need, index: Index, best: dict[int, tuple[int, float, _Sentence]],
                         asked: set[str]) -> None:
    """Each story only possible for `need` that shows it over several sentences (`_told_across`)
    is shown; its sentences holding the posting's words are looked up once for all of them."""
    possible_only = {n for n, (level, _got, _s) in best.items() if level == 1}
    by_story: dict[int, set[int]] = {}
    for k in asked if possible_only else ():
        for i in index.by_key.get(k, ()):
            if index.sentences[i].story in possible_only:
                by_story.setdefault(index.sentences[i].story, set()).add(i)
    for n in possible_only:
        whole = _told_across(need, index, sorted(by_story.get(n, ())))
        if whole is not None:
            best[n] = (2, max(best[n][1], whole[0]), whole[1])


CONCEPT_SHARE = SHOWN   # the share a link through a concept's act is ranked by: below a direct showing


ACT_REACH = 6   # words after an act its object may be: "I met the route planners", "sat with his daughter"


def _positions(per_word: list[tuple[str, ...]], k: str) -> list[int]:
    """Where key `k` starts among a sentence's words (a joined key, "sat-with", over its words)."""
    n = k.count("-") + 1
    return [i for i, ks in enumerate(per_word)
            if k in ks or (n > 1 and "-".join(w[0] for w in per_word[i:i + n]) == k)]


def _acted_on(index: Index, s: _Sentence, act: str, on: Iterable[str], gerund: bool = False) -> list[str]:
    """What the candidate's `act` in `s` is done to: those of the concept's objects `on` that
    follow it within ACT_REACH words, none said in a negated clause. Empty when the act is
    someone else's, negated or wished for. An act said in -ing is a topic, not a deed ("taught
    me more about reading a statute"), unless the concept writes it so (`gerund`)."""
    per_word = s.per_word or []
    written = TOKEN.findall(s.text)
    starts = [i for i in _positions(per_word, act) if gerund or not written[i].lower().endswith("ing")]
    near = [k for k in on if any(0 < j - i <= ACT_REACH + act.count("-") for i in starts for j in _positions(per_word, k))]
    if not near:
        return []     # looked at before the clauses: most sentences a concept reaches stop here
    (clause, someone_else), = index.agency(s, [act])
    if not clause.me or clause.negated or someone_else or clause.other:
        return []
    return [k for k, (c, _other) in zip(near, index.agency(s, near), strict=True) if not c.negated]




@dataclass(frozen=True)
class _ConceptCover:
    """How one sentence, through a concept, meets a requirement's full-weight things."""

    full: tuple[Unit, ...]         # the things asked
    in_sentence: frozenset[int]    # (by position in `full`) said in the sentence, in its words or a synonym
    named: frozenset[int]          # named by the concept's wordings
    aimed: frozenset[int]          # naming the concept's objects: whom or what the act must be done to

    @property
    def said(self) -> frozenset[int]:
        return self.in_sentence | self.named

    @property
    def extra(self) -> int:
        """A requirement that names the concept only in words every posting uses
        ("communication with anxious patients") asks it as one thing more, said by the act."""
        return 0 if self.named else 1

    @property
    def left(self) -> list[Unit]:
        return [u for n, u in enumerate(self.full) if n not in self.said]


def _concept_ask(need: Need, concept: Concept) -> _ConceptCover:
    """What the requirement asks of the concept, the same for every sentence: its things, those
    the concept names and those it must be done to (`in_sentence` is left empty)."""
    full = need.asked
    asked_keys = concept.asked_keys
    named = frozenset(n for n, u in enumerate(full) if not u.keys.isdisjoint(asked_keys))
    aimed = frozenset(n for n, u in enumerate(full) if not (u.keys | u.synonyms).isdisjoint(concept.on))
    return _ConceptCover(full, frozenset(), named, aimed)


def _concept_cover(ask: _ConceptCover, concept: Concept, s: _Sentence) -> _ConceptCover:
    """`ask` with the things the sentence itself says. A synonym that is one of the concept's
    acts says the act, not the thing ("presented" is no non-technical audience)."""
    in_sentence = frozenset(n for n, u in enumerate(ask.full)
                            if not (u.keys | (u.synonyms - concept.acts)).isdisjoint(s.keys))
    return replace(ask, in_sentence=in_sentence)


def _concept_shows(need: Need, cover: _ConceptCover, objects: Iterable[str]) -> bool:
    """Half at least of the things asked named by the concept or said in the sentence, one of
    them said there, two in all or one that is both; neither the kind asked for nor a name left
    out (a concept never stands for a named tool or programme); and whom the requirement names
    among the concept's objects acted on ("explain findings to non-technical managers"), or
    "them" standing in for them."""
    got, total = len(cover.said) + cover.extra, len(cover.full) + cover.extra
    left = cover.left
    if not cover.in_sentence or 2 * got < total or (got < 2 and not cover.in_sentence & cover.named):
        return False
    if any(u.name for u in left) or (bool(need.units) and need.units[0].kind and need.units[0] in left):
        return False
    if _a_side_unsaid(need, cover):
        return False
    return not cover.aimed or bool(cover.aimed & cover.in_sentence) or not _STAND_INS.isdisjoint(objects)


def _a_side_unsaid(need: Need, cover: _ConceptCover) -> bool:
    """Of two things joined by "and", is one neither named by the concept nor said in the
    sentence? A concept shows what it is ("research"), not the other thing asked with it
    ("Bibliometrics"): possibly, no more."""
    asked = {id(u) for u in cover.full}
    said = {id(u) for n, u in enumerate(cover.full) if n in cover.said}
    for side in need.sides:
        units = {id(need.units[n]) for n in side} & asked
        if units and units.isdisjoint(said):
            return True
    return False


def _concept_level(need: Need, concept: Concept, ask: _ConceptCover, s: _Sentence,
                   objects: Iterable[str] = ()) -> tuple[int, float]:
    """(2 shown or 1 possibly, the share it is ranked by): shown when the requirement is the
    concept, besides what the sentence itself says (`_concept_shows`). A thing said in the
    sentence ranks it above one the concept only names."""
    cover = _concept_cover(ask, concept, s)
    total = len(cover.full) + cover.extra
    share = (len(cover.said) + cover.extra + len(cover.in_sentence)) / (2 * total) if total else 0.0
    shows = _concept_shows(need, cover, objects) and _long_enough(need, s.text)
    return (2, CONCEPT_SHARE * share) if shows else (1, POSSIBLY * share)


def _concept_sentences(need: Need, index: Index, concept: Concept, wanted: set[int] | None) -> Iterable[tuple[int, float, _Sentence]]:
    """The told sentences, of stories not about wanting the work, where the candidate does one of
    the concept's acts to one of its objects: (level, share, sentence). A sentence only the
    concept reached (none of the posting's words found it) counts only when it shows it: a
    hint of so little is no lead worth checking."""
    seen: set[int] = set()
    index.reach(concept)
    ask = _concept_ask(need, concept)
    for act in sorted(concept.acts):
        for i in itertools.chain(index.by_key.get(act, ()), index.by_act.get(act, ())):
            s = index.sentences[i]
            if i in seen or s.field in LABEL_FIELDS or s.field == "role" or (wanted is not None and s.story not in wanted) \
                    or index.stories[s.story].wanting:
                continue
            on = sorted(concept.on & s.keys - {act})
            objects = _acted_on(index, s, act, on, act in concept.gerunds) if on else []
            if objects:
                level = _concept_level(need, concept, ask, s, objects)
                if level[0] == 2 or not s.reached:
                    seen.add(i)
                    yield *level, s


def _promote_by_concept(need: Need, index: Index, best: dict[int, tuple[int, float, _Sentence]],
                        only: Iterable[str] | None) -> None:
    """A requirement no story shows in its words may be shown by what a story did: a concept the
    requirement names (concepts.py), told by one of its acts, on one of its objects, where the
    candidate acts. Shown when the concept is what is asked (`_concept_level`), else possibly."""
    wanted = None if only is None else {index.position[sid] for sid in only if sid in index.position}
    for concept in need.concepts:
        for level, share, s in _concept_sentences(need, index, concept, wanted):
            current = best.get(s.story)
            if current is None or (level, share) > current[:2]:
                best[s.story] = (level, share, s)


@lru_cache(maxsize=1)
def trade_keys() -> frozenset[str]:
    """Every phrase of every profession's duties (trades.py), as a key."""
    return frozenset(phrase_key(p) for group in duties() for p in group)


MIN_TRADE_WORDS = 2   # a profession's words for what is asked a sentence must hold: one is a mention
TRADE_LEFT = 2        # things asked a trade's words may leave out beyond one for each duty they say


def _trade_words(unit: Unit, keys: set[str]) -> set[str]:
    """The words of `keys` that say `unit` in the posting's words or its trade's, not through a
    synonym every field has ("checked" is no "cross-check")."""
    return keys & (unit.keys | (unit.synonyms & trade_keys()))


def _trade_level(need: Need, s: _Sentence, index: Index) -> int:
    """2 when the sentence shows the requirement through its trade's words (trades.py), 1 when
    it may (one step removed), else 0. Every thing asked that a duty names is said there, in the
    posting's words or the trade's, where the candidate acts on it, and nothing asked is told as
    someone else's or not done; then it is shown by two of those words at least (one is a
    mention: "a chest X-ray"), with no named tool or programme left out and no more other things
    than one for each duty said, and two more ("I met the convenor and the two shop stewards" for
    "worked in partnership with recognised trade unions"; not "I called a trauma activation" for
    "lead resuscitations of critically ill and injured patients, including trauma activations").
    Short of that, it is possible: for the user to check."""
    if s.field in LABEL_FIELDS or s.field == "role" or index.stories[s.story].wanting or not _long_enough(need, s.text):
        return 0
    said = [_trade_words(u, s.keys) for u in need.trade]
    if not all(said):
        return 0
    kept, acts, dropped = _acting(s, index, [c for c in _cover(need, s, set()) if c.how != "context"])
    met = {id(c.unit) for c in kept}
    if not acts or dropped or not all(id(u) in met for u in need.trade):
        return 0
    left = [u for u in need.asked if id(u) not in met]
    shows = len(set().union(*said)) >= MIN_TRADE_WORDS and not any(u.name for u in left) \
        and len(left) <= len(need.trade) + TRADE_LEFT
    return 2 if shows else 1


def _promote_by_trade(need: Need, index: Index, best: dict[int, tuple[int, float, _Sentence]],
                      only: Iterable[str] | None) -> None:
    """A requirement no story shows otherwise may be shown in its trade's words: the first
    sentence of each story that does (`_trade_level`), ranked as a concept's act is; a story with
    nothing better may show it possibly."""
    wanted = None if only is None else {index.position[sid] for sid in only if sid in index.position}
    keys = sorted({k for u in need.trade for k in u.keys | u.synonyms})
    for i in sorted({i for k in keys for i in index.by_key.get(k, ())}):
        s = index.sentences[i]
        current = best.get(s.story)
        if (current is not None and current[0] == 2) or (wanted is not None and s.story not in wanted):
            continue
        level = _trade_level(need, s, index)
        if level == 2 or (level == 1 and current is None):
            best[s.story] = (level, CONCEPT_SHARE if level == 2 else POSSIBLY * SYNONYM_FACTOR, s)


def _promote_in_other_words(need: Need, index: Index, best: dict[int, tuple[int, float, _Sentence]],
                            only: Iterable[str] | None) -> None:
    """When no story shows the requirement in its words, a concept it names may, then a
    profession's duties it names."""
    if need.concepts and not any(level == 2 for level, _got, _s in best.values()):
        _promote_by_concept(need, index, best, only)
    if need.trade and not any(level == 2 for level, _got, _s in best.values()):
        _promote_by_trade(need, index, best, only)


def _judged(need: Need, s: _Sentence, index: Index, covered: list[_Covered]) -> tuple[int, float, _Sentence]:
    """(level, share, the sentence to quote) for one sentence: `_level`, a title's story read
    for a told sentence, and no "shown" where the candidate is no main clause's subject."""
    level, got = _level(need, s, index, covered)
    if level == 1 and s.field == "title" and got >= SHOWN - EPS:
        level, s = _told_under_title(need, index, s)
    if level == 2 and not tells_own_act(s.text, s.field):
        level = 1
    return level, got, s


def _hold_back_others_acts(best: dict[int, tuple[int, float, _Sentence]]) -> None:
    """A story shown by a sentence whose main clauses have someone or something else as their
    subject ("Our chief pilot approved the new fuel plan") is only possible: the user sees the
    sentence and checks it (own_act.py). Whichever rule found the link, this is the last word."""
    for n, (level, share, s) in list(best.items()):
        if level == 2 and not tells_own_act(s.text, s.field):
            best[n] = (1, share, s)


def match(need: Need, index: Index, limit: int | None = None,
          only: Iterable[str] | None = None) -> list[Hit]:
    """The stories that show (level 2) or may show (level 1) a requirement: each story's best
    sentence, best first. With `limit`, only the first `limit` stories at the best level are
    sure to be found (sentences are judged best-covered first, and the judging stops there);
    with `only`, only these stories are looked at."""
    if not need.units:
        return []
    scored, support = _scored(need, index, _candidates(need, index, only))
    best: dict[int, tuple[int, float, _Sentence]] = {}
    shown = possible = 0
    for share, s, _i, covered in scored:
        if _enough(limit, shown, possible, share):
            break
        current = best.get(s.story)
        if current is not None and current[0] == 2:
            continue                          # this story's best sentence is already in
        level, got, s = _judged(need, s, index, covered)
        if level == 0 or (current is not None and level <= current[0]):
            continue
        shown += level == 2
        possible += (level == 1) - (level == 2 and current is not None)
        best[s.story] = (level, got, s)
    asked = needed_keys(need.units, synonyms=False)
    _promote_told_across(need, index, best, asked)
    _promote_in_other_words(need, index, best, only)
    _hold_back_others_acts(best)
    support.update((n, support.get(n, 0)) for n in best)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], -item[1][1], -len(item[1][2].keys & asked),
                                                     -support[item[0]],
                                                     FIELD_RANK.get(item[1][2].field, 4),
                                                     index.stories[item[0]].id))
    return [Hit(index.stories[n].id, s.text, s.field, round(share, 2), level) for n, (level, share, s) in ranked]
