"""One sentence's verdict for one requirement (`_level`): the units said where the candidate acts,
what it leaves out, what it says was someone else's or not done, and a story whose title says the
requirement (`_told_under_title`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from storybank.postings.agency import numerals
from storybank.postings.match.coverage import _cover, _measure, _names_inside
from storybank.postings.match.need import must_say, needed_keys
from storybank.postings.match.thresholds import (
    ELSEWHERE,
    EPS,
    LABEL_FIELDS,
    LONG_ASK,
    MAX_UNCOVERED,
    POSSIBLY,
    SHOWN,
    TOLD_AS_DONE,
)
from storybank.postings.match.years import _long_enough
from storybank.postings.terms import Unit

if TYPE_CHECKING:
    from storybank.postings.match.coverage import _Covered
    from storybank.postings.match.index import Index, _Sentence
    from storybank.postings.match.need import Need


_SAYS_I = re.compile(r"\b(?:I|we|We)\b")


def _names_enough(kept: Sequence[_Covered]) -> bool:
    """Two named things met in the sentence itself ("in Python with pandas") say enough of what
    was done; one name alone does not ("Epic documentation" is more than Epic)."""
    return sum(1 for c in kept if c.unit.name and c.how == "direct") >= 2


class _Acting(NamedTuple):
    """Who acts on the units a sentence covers (`_acting`)."""

    kept: list[_Covered]      # those that count: the candidate, or no one, acting, not negated or wished
    acts: bool                # whether the candidate acts
    dropped: list[_Covered]   # those someone else does, or negated or wished for


def _acting(s: _Sentence, index: Index, covered: list[_Covered]) -> _Acting:
    """The covered units that count, whether the candidate acts, and the units dropped."""
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
    return _Acting(kept, acts, dropped)


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
    told = _SAYS_I.search(numerals(s.text)) is not None and not index.stories[s.story].wanting
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
