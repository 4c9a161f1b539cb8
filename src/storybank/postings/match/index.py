"""The bank's sentences that hold words a posting asks about (`Index`), each written word's keys
(`word_keys`), and the word index kept for a bank (`word_index`, word_index.py)."""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from storybank.model import PARTS, PROBES
from storybank.postings.agency import Clause, clauses
from storybank.postings.concepts import Concept
from storybank.postings.sieve import Sieve, sentences_at
from storybank.postings.sieve import _prefixes as sieve_prefixes
from storybank.postings.sieve import sieve as sieve_of
from storybank.postings.terms import TOKEN, key

if TYPE_CHECKING:
    from pathlib import Path

    from storybank.model import Story
    from storybank.postings.word_index import WordIndex


_POSSESSIVE = re.compile(r"['’]s$")


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


MOTIVATION = "motivation"   # the question type that tells why the work is wanted, not what was done


@dataclass
class _Story:
    id: str
    context_text: str = ""  # title, role, technologies
    wanting: bool = False   # mapped only to the motivation question: it says what is wanted
    questions: frozenset[str] = frozenset()   # the question types it is mapped to

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
        self.texts = texts     # per story, its fields and its whole text (`_story_text`)
        self._words = words if words is not None and words.texts == [text for _fields, text in texts] else None
        spans = _indexed(sieve, self._words)
        self._spans: set[tuple[int, int]] = set()      # (story, start) of the sentences in
        self._reached: set[str] = set()                # concepts whose sentences are in (`reach`)
        self.by_act: dict[str, list[int]] = {}         # as by_key, for the sentences only a concept reached
        for n, (story_id, story) in enumerate(stories):
            self.stories.append(_Story(story_id, " ".join([story.title or "", story.role or "", " ".join(story.technologies)]),
                                       wanting=bool(story.questions) and set(story.questions) <= {MOTIVATION},
                                       questions=frozenset(story.questions)))
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
        for n, spans in enumerate(_reached(self.texts, concept, self._words)):
            fresh = [span for span in spans or () if (n, span[0]) not in self._spans]
            if fresh:
                self._add_story(n, self.texts[n], fresh, self.by_act)

    def between(self, story: int, start: int, end: int) -> str:
        """The text of story `story` from `start` to `end` (offsets of its sentences)."""
        return self.texts[story][1][start:end]

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
