"""Which story shows each requirement, sentence by sentence.

A requirement is shown by a story when **one sentence** of it covers most of the requirement's
units (see `terms.py`), told as something the candidate did (see `agency.py`):

- **coverage**: the weight of the units the sentence holds, over the requirement's whole weight.
  A unit met only through a synonym counts for SYNONYM_FACTOR of its weight; a name met only in
  the story's title, role or `technologies` list (not in the sentence) for CONTEXT_FACTOR.
- **agency**: the clause that holds the terms has the candidate acting in it, with no negation
  or wish. A clause where only someone else acts is a mention, and counts for nothing; so does
  a negated one. A clause with no one in it can at most make a link *possible*.

| verdict | when |
|---|---|
| shown | the candidate acts, coverage ≥ SHOWN, and the units covered directly weigh at least 2 (or the whole requirement, if it weighs less) |
| possibly | coverage ≥ POSSIBLY with a full-weight unit among those covered directly, and no one else acting |
| missing | no sentence of any story does either |

Speed: only the sentences the sieve finds (`sieve.py`) are split into words, and sentences are
judged best-covered first, stopping once the evidence to quote is found.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from storybank.postings.agency import Clause, clauses
from storybank.postings.sieve import Sieve, sentences_at
from storybank.postings.terms import SYNONYM_FACTOR, TOKEN, Unit, key

if TYPE_CHECKING:
    from storybank.model import Story

SHOWN = 0.6          # share of the requirement's weight one sentence must cover to show it
POSSIBLY = 0.45      # share for "possibly: check"
CONTEXT_FACTOR = 0.5 # a name found only in the story's title, role or technologies
MAX_EVIDENCE = 3     # stories quoted per requirement
EPS = 1e-9

_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class Hit:
    """The best sentence of one story for one requirement."""

    story: str
    sentence: str
    field: str
    score: float
    level: int          # 2 shown, 1 possibly


@dataclass
class _Sentence:
    story: int
    field: str
    text: str
    keys: set[str]                      # the posting's keys this sentence holds
    per_word: list[tuple[str, ...]]     # every word's keys, in order
    clauses: list[Clause] | None = None # worked out only for a sentence that could count


@dataclass
class _Story:
    id: str
    context: set[str] = field(default_factory=set)     # keys of title, role, technologies


def story_fields(story: Story) -> list[tuple[str, str]]:
    """The story's text, field by field, in the order a reader meets it."""
    out = [("title", story.title or ""), ("role", story.role or ""), ("ownership", story.ownership or "")]
    out += [(part, story.part(part)) for part in ("situation", "action", "outcome", "reflection")]
    if story.followups is not None:
        for probe in ("differently", "alternatives", "technical", "collaborators"):
            out.append((f"followups.{probe}", story.followup(probe)))
    return [(name, text) for name, text in out if text and text.strip()]


@lru_cache(maxsize=65536)
def word_keys(token: str) -> tuple[str, ...]:
    """The keys one written word stands for: its stem, its hyphenated parts, and its written
    form ("=Go") when it could be a short name that must match as written."""
    word = _POSSESSIVE.sub("", token).rstrip(".")
    keys = [key(word)]
    if "-" in word or "/" in word:
        keys += [key(p) for p in re.split(r"[-/]", word) if p]
    if len(word) <= 3 or word[:1].isupper():
        keys.append("=" + word)
    return tuple(keys)


class Index:
    """The bank's sentences that hold words a posting asks about."""

    def __init__(self, stories: Sequence[tuple[str, Story]], needed: set[str], sieve: Sieve | None) -> None:
        """`needed`: every key the posting's units can be covered by; `sieve`: where to look."""
        self.stories: list[_Story] = []
        self.sentences: list[_Sentence] = []
        self.by_key: dict[str, list[int]] = {}
        self.position = {story_id: n for n, (story_id, _story) in enumerate(stories)}
        firsts = {k.split("-")[0] for k in needed if "-" in k}
        chain = itertools.chain.from_iterable
        for n, (story_id, story) in enumerate(stories):
            record = _Story(story_id)
            self.stories.append(record)
            context_text = " ".join([story.title or "", story.role or "", " ".join(story.technologies)])
            record.context.update(chain(word_keys(w) for w in TOKEN.findall(context_text)))
            if sieve is None:
                continue
            # All fields as one text, one line each (a sentence never runs across a line break):
            # one scan per story, not one per field.
            fields = story_fields(story)
            text = "\n".join(t.replace("\n", " ") for _name, t in fields)
            low = text.lower()
            hits = sieve.hits(text, low)
            if not hits:
                continue
            starts = list(itertools.accumulate((len(t) + 1 for _name, t in fields[:-1]), initial=0))
            for start, end in sentences_at(text, hits, sieve, low):
                sentence = text[start:end]
                per_word = [word_keys(w) for w in TOKEN.findall(sentence)]
                found = needed.intersection(chain(per_word))
                if firsts and not firsts.isdisjoint([ks[0] for ks in per_word]):
                    heads = [ks[0] for ks in per_word]
                    for i in range(len(heads) - 1):
                        if heads[i] in firsts:
                            for gram in (heads[i] + "-" + heads[i + 1],
                                         "-".join(heads[i:i + 3]) if i + 2 < len(heads) else ""):
                                if gram in needed:
                                    found.add(gram)
                if not found:
                    continue
                field_name = fields[bisect.bisect_right(starts, start) - 1][0]
                index = len(self.sentences)
                self.sentences.append(_Sentence(n, field_name, sentence.strip(), found, per_word))
                for k in found:
                    self.by_key.setdefault(k, []).append(index)

    def agency(self, s: _Sentence, keys: Iterable[str]) -> list[Clause]:
        """The clauses of the sentence that hold `keys`."""
        if s.clauses is None:
            s.clauses = clauses(s.text, s.field)
        found = s.clauses
        bounds = list(itertools.accumulate(c.words for c in found))
        per_word = s.per_word
        out = []
        for k in keys:
            for i, ks in enumerate(per_word):
                # A word's own keys, or a two- or three-word key that starts at it.
                if k in ks or (i + 1 < len(per_word) and k.startswith(ks[0] + "-")
                               and k in (ks[0] + "-" + per_word[i + 1][0],
                                         "-".join([ks[0], per_word[i + 1][0], per_word[i + 2][0]])
                                         if i + 2 < len(per_word) else "")):
                    out.append(found[min(bisect.bisect_right(bounds, i), len(found) - 1)])
                    break
        return out


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
    out: set[str] = set()
    for u in units:
        if u.weight < 1.0:
            continue
        rest = sum(v.weight * max(SYNONYM_FACTOR if v.synonyms else 0.0, CONTEXT_FACTOR if v.name else 0.0)
                   for v in units if v is not u and v.weight >= 1.0)
        if (u.weight + light + rest) / total >= POSSIBLY - EPS:
            out |= u.keys
    return out


def _cover(units: Sequence[Unit], s: _Sentence, context: set[str]) -> tuple[float, float, list[str], bool]:
    """(share covered, weight covered directly, the keys that covered, whether a unit of full
    weight is among those covered directly)."""
    total = sum(u.weight for u in units) or 1.0
    covered = direct = 0.0
    strong = False
    hits: list[str] = []
    keys = s.keys
    for u in units:
        both = u.keys & keys
        if both:
            covered += u.weight
            direct += u.weight
            strong = strong or u.weight >= 1.0
            hits.append(min(both))
            continue
        both = u.synonyms & keys
        if both:
            covered += u.weight * SYNONYM_FACTOR
            hits.append(min(both))
        elif u.name and not u.keys.isdisjoint(context):
            covered += u.weight * CONTEXT_FACTOR
    return covered / total, direct, hits, strong


def _level(units: Sequence[Unit], s: _Sentence, index: Index, share: float, direct: float,
           hits: list[str]) -> int:
    """2 shown, 1 possibly, 0 neither (see the module's table), for a sentence already known to
    cover at least POSSIBLY of the requirement with a full-weight unit."""
    found = index.agency(s, hits)
    acts = any(c.me and not c.negated for c in found)
    if not acts and any(c.negated or c.other for c in found):
        return 0                              # "I had never used Kafka", "the patient went to the ICU"
    total = sum(u.weight for u in units)
    if acts and share >= SHOWN - EPS and direct >= min(2.0, total) - EPS and direct >= 1.0 - EPS:
        return 2
    return 1 if direct >= min(1.0, total) - EPS else 0


def match(units: Sequence[Unit], index: Index, limit: int | None = None,
          only: Iterable[str] | None = None) -> list[Hit]:
    """The stories that show (level 2) or may show (level 1) a requirement: each story's best
    sentence, best first. With `limit`, only the first `limit` stories at the best level are
    sure to be found (sentences are judged best-covered first, and the judging stops there);
    with `only`, only these stories are looked at."""
    if not units:
        return []
    # A sentence counts only with a full-weight unit in it: look only where those are.
    candidates: set[int] = set()
    for k in needed_keys((u for u in units if u.weight >= 1.0), synonyms=False):
        candidates.update(index.by_key.get(k, ()))
    if only is not None:
        wanted = {index.position[sid] for sid in only if sid in index.position}
        candidates = {i for i in candidates if index.sentences[i].story in wanted}
    scored = []
    for i in candidates:
        s = index.sentences[i]
        share, direct, hits, strong = _cover(units, s, index.stories[s.story].context)
        if hits and strong and share >= POSSIBLY - EPS:
            scored.append((-share, index.stories[s.story].id, i, direct, hits))
    scored.sort(key=lambda row: row[:3])
    best: dict[int, tuple[int, float, _Sentence]] = {}
    shown = possible = 0
    for neg_share, _sid, i, direct, hits in scored:
        share = -neg_share
        if limit is not None and (shown >= limit or (possible >= limit and not shown and share < SHOWN - EPS)):
            break
        s = index.sentences[i]
        current = best.get(s.story)
        if current is not None and current[0] == 2:
            continue                          # this story's best sentence is already in
        level = _level(units, s, index, share, direct, hits)
        if level == 0 or (current is not None and level <= current[0]):
            continue
        if level == 2:
            shown += 1
            possible -= current is not None
        else:
            possible += 1
        best[s.story] = (level, share, s)
    out = [Hit(index.stories[n].id, s.text, s.field, round(share, 2), level)
           for n, (level, share, s) in best.items()]
    out.sort(key=lambda h: (-h.level, -h.score, h.story))
    return out
