"""A requirement of several things told over several sentences of one story (`_told_across`),
including a sentence on "It" that goes on with what the candidate made just before."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from storybank.postings import lexicon
from storybank.postings.match.coverage import _cover
from storybank.postings.match.index import _clauses_of
from storybank.postings.match.sentence import (
    _acting,
    _leaves_out_a_name,
    _leaves_out_the_kind,
    _left_as_theirs,
    _says_what_was_done,
    _uncovered,
    _used,
)
from storybank.postings.match.thresholds import EPS, LABEL_FIELDS, MAX_UNCOVERED, SHOWN
from storybank.postings.terms import key

if TYPE_CHECKING:
    from storybank.postings.match.coverage import _Covered
    from storybank.postings.match.index import Index, _Sentence
    from storybank.postings.match.need import Need


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
    together = list({id(c.unit): c for row in told for c in row.kept}.values())
    share = sum(c.weight for c in together) / need.total
    if not _shown_together(need, together, share) or _left_as_theirs(need, index, sentences, together):
        return None
    best = max(told, key=lambda row: (row.mine, row.share))   # quote the candidate acting
    return max(share, best.share), best.sentence


class _Told(NamedTuple):
    """One sentence of a story telling part of a requirement (`_acting_sentences`)."""

    share: float               # of the requirement's weight, in the posting's own words
    sentence: _Sentence
    kept: list[_Covered]       # the units that count
    mine: bool                 # whether the candidate is named acting in it


def _acting_sentences(need: Need, index: Index, sentences: Sequence[int]) -> Iterable[_Told]:
    """Of one story's `sentences` (indexes, in the story's order), the told ones where the
    candidate acts on units of `need`, met in the posting's own words. A sentence
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
            yield _Told(sum(c.weight for c in kept) / need.total, s, kept, acts)
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


def _shown_together(need: Need, together: Sequence[_Covered], share: float) -> bool:
    return (_uncovered(need, together) <= MAX_UNCOVERED and not _leaves_out_the_kind(need, together)
            and not _leaves_out_a_name(need, together)
            and _says_what_was_done(need, together) and share >= SHOWN - EPS
            and share * need.total >= 2.0 - EPS)
