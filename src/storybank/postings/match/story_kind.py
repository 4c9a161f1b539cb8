"""A requirement that one kind of story answers (`_promote_by_story_kind`; round 24 of issue 23).

A prepared bank has one story for each question type, and three of those types answer what some
requirements ask outright:

- **when the candidate can work** ("Ability to work nights and weekends", "be available for at
  least three days per week"): the schedule story says it ("My rink shifts are fixed: Tuesday and
  Thursday from 3 to 11 pm, Saturday opening …"). It is shown there when the story's sentences,
  where the candidate speaks and nothing is negated, name every time the requirement asks, each by
  a word of its group in `[story_kind.schedule] times` ("Saturday" says "weekends"); some of them
  make it possible. A time the story refuses anywhere ("I cannot work Mondays or Fridays") makes
  it neither (round 25).
- **what the candidate cares for** ("A strong interest in community news"): the motivation story
  says it. It is shown by a sentence of that story where the candidate speaks, with no negation,
  naming one of the things the requirement is interested in, not as what someone else did.
- **a quick or self-driven learner** ("A quick learner", "Self-motivated"): the learning story
  shows it by a sentence where the candidate learns (`[story_kind.learning] acts`, "I taught
  myself Square from its help pages"), unless the requirement also names a tool or programme.

The word matching reads none of them: a time is said in other words, a story about wanting the
work tells no deed, so it is never evidence elsewhere, and "quick learner" is no word a story says. These rules look only at the stories mapped
to that question type, and only when no story shows the requirement otherwise.
"""

from __future__ import annotations

import bisect
import itertools
import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from storybank.postings import lexicon
from storybank.postings.agency import clauses
from storybank.postings.match.index import _Sentence
from storybank.postings.match.thresholds import CONCEPT_SHARE, LABEL_FIELDS, POSSIBLY, TOLD_AS_DONE
from storybank.postings.sieve import _SPLIT
from storybank.postings.terms import TOKEN, Unit, key, tokens

if TYPE_CHECKING:
    from storybank.postings.match.index import Index
    from storybank.postings.match.need import Need

SCHEDULE = "schedule"
MOTIVATION = "motivation"
LEARNING = "learning"
# The candidate speaking in a sentence of the motivation story.
_I = frozenset({"I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "I'll", "I’ll", "my", "My", "me"})
# A plain negation there: "I'm not interested in management". (A wish is what that story is made
# of, so agency.py's negations, which count wishes, are not used.)
_NOT = re.compile(r"\b(?:not|never|no|nor|cannot)\b|n[’']t\b", re.I)
# A time refused: the candidate cannot, will not or is not available to work it ("I cannot work
# Mondays or Fridays"), not any negation ("I never missed a Saturday shift").
_REFUSE = re.compile(r"\b(?:cannot|can[’']t|can not|won[’']t|will not|unable|unavailable|not available|"
                     r"not able|could not|couldn[’']t|no longer)\b", re.I)


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(key(w) for w in tokens(text))


@dataclass(frozen=True)
class _Table:
    schedule_asks: tuple[tuple[str, ...], ...]
    times: tuple[tuple[tuple[str, ...], ...], ...]   # per group, its phrases, word key by word key
    interest_asks: tuple[tuple[str, ...], ...]
    not_interest: tuple[tuple[str, ...], ...]
    learner_asks: tuple[tuple[str, ...], ...]
    learning_acts: tuple[tuple[str, ...], ...]

    @property
    def interest_keys(self) -> frozenset[str]:
        return frozenset(itertools.chain.from_iterable(self.interest_asks))


@lru_cache(maxsize=1)
def _table() -> _Table:
    data = lexicon.data()["story_kind"]
    return _Table(tuple(_phrase(p) for p in data[SCHEDULE]["asks"]),
                  tuple(tuple(_phrase(p) for p in group) for group in data[SCHEDULE]["times"]),
                  tuple(_phrase(p) for p in data[MOTIVATION]["asks"]),
                  tuple(_phrase(p) for p in data[MOTIVATION]["not_asked"]),
                  tuple(_phrase(p) for p in data[LEARNING]["asks"]),
                  tuple(_phrase(p) for p in data[LEARNING]["acts"]))


def _at(words: list[str], phrase: tuple[str, ...]) -> list[int]:
    """Where `phrase` starts among `words` (keys), its words next to each other."""
    n = len(phrase)
    return [i for i in range(len(words) - n + 1) if tuple(words[i:i + n]) == phrase]


def _groups(words: list[str]) -> dict[int, list[int]]:
    """The time groups `words` say, each with where."""
    out: dict[int, list[int]] = {}
    for g, group in enumerate(_table().times):
        places = sorted({i for phrase in group for i in _at(words, phrase)})
        if places:
            out[g] = places
    return out


def times_asked(text: str) -> frozenset[int]:
    """The time groups a requirement asks the candidate to be available for: those it names,
    when it also asks to be available, to work or to commit ("Ability to work nights and
    weekends"; not "stand for over 8 hours per night")."""
    words = [key(w) for w in tokens(text)]
    if not any(_at(words, phrase) for phrase in _table().schedule_asks):
        return frozenset()
    return frozenset(_groups(words))


def interest_asked(units: Iterable[Unit], text: str) -> tuple[frozenset[str], ...]:
    """The things a requirement asks the candidate to care for ("community", "news" of "A strong
    interest in community news"), each as the keys that say it; none when it asks no interest."""
    words = [key(w) for w in tokens(text)]
    table = _table()
    if not any(_at(words, phrase) for phrase in table.interest_asks) \
            or any(_at(words, phrase) for phrase in table.not_interest):
        return ()
    asks = table.interest_keys
    return tuple(u.keys for u in units if u.weight >= 1.0 and u.keys.isdisjoint(asks))


def learner_asked(text: str) -> bool:
    """Does a requirement ask for a quick or self-driven learner ("A quick learner who pays
    attention to detail", "Self-motivated and able to work independently")?"""
    words = [key(w) for w in tokens(text)]
    return any(_at(words, phrase) for phrase in _table().learner_asks)


def asked_of_a_story(text: str) -> bool:
    """Does a requirement ask what one kind of story answers, whatever else it names: the times
    the candidate can work, or a quick or self-driven learner?"""
    return bool(times_asked(text)) or learner_asked(text)


@dataclass(frozen=True)
class _Told:
    """One sentence of a story's told answer, its words' keys, and who acts in each word's clause."""

    field: str
    text: str
    words: list[str]
    mine: list[bool]        # per word: its clause has the candidate acting, no one else, nothing negated


# `_sentences` of each story, kept for as long as its index (a bank checked against one posting).
_KEPT: weakref.WeakKeyDictionary[Index, dict[tuple[int, bool], list[_Told]]] = weakref.WeakKeyDictionary()


def _told(index: Index, n: int, loose: bool = False) -> list[_Told]:
    """`_sentences`, worked out once per story and index."""
    kept = _KEPT.setdefault(index, {})
    found = kept.get((n, loose))
    if found is None:
        found = kept[(n, loose)] = list(_sentences(index, n, loose))
    return found


def _sentences(index: Index, n: int, loose: bool) -> Iterable[_Told]:
    """The sentences of story `n` told as done (`TOLD_AS_DONE`: not the options weighed, "I
    rejected early mornings because on-call pages cluster overnight", nor the reflection), in
    order. With `loose`, every field but its title, role and tool list, and a word counts as the
    candidate's wherever the sentence has them speaking and no negation (a wish is what a
    motivation story is made of)."""
    fields, _text = index.texts[n]
    for name, text in fields:
        if name in LABEL_FIELDS or name == "role" or not (loose or name in TOLD_AS_DONE):
            continue
        for sentence in _SPLIT.split(text.replace("\n", " "))[::2]:
            written = TOKEN.findall(sentence)
            if not written:
                continue
            words = [key(w) for w in written]
            speaks = not loose or (not _I.isdisjoint(written) and not _NOT.search(sentence))
            found = clauses(sentence, name) if speaks else []
            bounds = list(itertools.accumulate(c.words for c in found))
            mine = []
            for i in range(len(words)):
                c = found[min(bisect.bisect_right(bounds, i), len(found) - 1)] if found else None
                if c is None:
                    mine.append(False)
                elif loose:
                    mine.append(not (c.other and not c.me))     # not said of what someone else did
                else:
                    mine.append(c.me and not c.negated and not c.other)
            yield _Told(name, sentence.strip(), words, mine)


def _schedule_level(asked: frozenset[int], index: Index, n: int) -> tuple[int, _Told | None]:
    """(2, the sentence to quote) when story `n`'s sentences where the candidate speaks name
    every time asked; (1, …) when they name some; (0, None) when none."""
    if _refused(index, n) & asked:
        return 0, None
    said: set[int] = set()
    best: tuple[int, _Told] | None = None
    for s in _told(index, n):
        mine = {g for g, places in _groups(s.words).items() if g in asked and any(s.mine[i] for i in places)}
        said |= mine
        if mine and (best is None or len(mine) > best[0]):
            best = (len(mine), s)
    if best is None:
        return 0, None
    return (2 if said >= asked else 1), best[1]


def _refused(index: Index, n: int) -> set[int]:
    """The time groups story `n` refuses, in any field but its title, role and tool list: said in a
    sentence where the candidate speaks and says they cannot or will not ("I say plainly that I
    cannot work Mondays or Fridays", round 25; not "I never missed a Saturday shift")."""
    refused: set[int] = set()
    fields, _text = index.texts[n]
    for name, text in fields:
        if name in LABEL_FIELDS or name == "role":
            continue
        for sentence in _SPLIT.split(text.replace("\n", " "))[::2]:
            written = TOKEN.findall(sentence)
            if written and not _I.isdisjoint(written) and _REFUSE.search(sentence):
                refused |= set(_groups([key(w) for w in written]))
    return refused


def _interest_level(things: tuple[frozenset[str], ...], index: Index, n: int) -> tuple[int, _Told | None]:
    """(2, the sentence) for the first sentence of story `n` where the candidate speaks of one of
    the things asked, not as what someone else did; (0, None) when none does."""
    for s in _told(index, n, loose=True):
        if any(k in keys and mine for k, mine in zip(s.words, s.mine, strict=True) for keys in things):
            return 2, s
    return 0, None


def _learning_level(index: Index, n: int) -> tuple[int, _Told | None]:
    """(2, the sentence) for the first sentence of story `n` where the candidate learns (one of
    `[story_kind.learning] acts`, in their own clause); (0, None) when none does."""
    for s in _told(index, n):
        for phrase in _table().learning_acts:
            if any(s.mine[i] for i in _at(s.words, phrase)):
                return 2, s
    return 0, None


def _promote_by_story_kind(need: Need, index: Index, best: dict[int, tuple[int, float, _Sentence]],
                           only: Iterable[str] | None) -> None:
    """When no story shows the requirement, the schedule story may show when the candidate can
    work, the motivation story what they care for, and the learning story a quick learner (see
    the module's docstring)."""
    if any(level == 2 for level, _share, _s in best.values()):
        return
    times, things, learner = need.times, need.interests, need.learner
    if not times and not things and not learner:
        return
    kind = SCHEDULE if times else MOTIVATION if things else LEARNING
    wanted = None if only is None else {index.position[sid] for sid in only if sid in index.position}
    for n, story in enumerate(index.stories):
        if kind not in story.questions or (wanted is not None and n not in wanted):
            continue
        level, s = _schedule_level(times, index, n) if times else \
            _interest_level(things, index, n) if things else _learning_level(index, n)
        current = best.get(n)
        if s is None or (current is not None and current[0] >= level):
            continue
        sentence = _Sentence(n, s.field, s.text, set(s.words))
        best[n] = (level, CONCEPT_SHARE if level == 2 else POSSIBLY, sentence)
