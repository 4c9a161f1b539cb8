"""A requirement shown by a concept it names (concepts.py): a sentence where the candidate does one
of the concept's acts to one of its objects (`_promote_by_concept`)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from storybank.postings.concepts import Concept
from storybank.postings.match.thresholds import CONCEPT_SHARE, LABEL_FIELDS, POSSIBLY
from storybank.postings.match.years import _long_enough
from storybank.postings.terms import TOKEN, Unit

if TYPE_CHECKING:
    from storybank.postings.match.index import Index, _Sentence
    from storybank.postings.match.need import Need


_STAND_INS = frozenset({"him", "her", "them"})   # objects that name whom the story named before


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
