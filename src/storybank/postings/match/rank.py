"""`match`: the sentences worth judging for a requirement, judged best covered first, promoted by a
story told across sentences, a concept or a trade, held back where another party acts, and each
story's best ranked."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storybank.postings.match.across import _told_across
from storybank.postings.match.concept import _promote_by_concept
from storybank.postings.match.coverage import _cover, _Covered, _measure
from storybank.postings.match.index import _Sentence
from storybank.postings.match.need import must_say, needed_keys
from storybank.postings.match.sentence import _level, _reach, _told_under_title
from storybank.postings.match.story_kind import _promote_by_story_kind
from storybank.postings.match.thresholds import EPS, FIELD_RANK, POSSIBLY, SHOWN
from storybank.postings.match.trade import _promote_by_trade
from storybank.postings.own_act import tells_own_act

if TYPE_CHECKING:
    from storybank.postings.match.index import Index
    from storybank.postings.match.need import Need


@dataclass(frozen=True)
class Hit:
    """The best sentence of one story for one requirement."""

    story: str
    sentence: str
    field: str
    score: float
    level: int          # 2 shown, 1 possibly


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
    # A requirement with no units (in words every posting uses) is kept only when one kind of story
    # answers it (story_kind.py): no sentence holds its words, so only that rule below can show it.
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
    _promote_by_story_kind(need, index, best, only)
    support.update((n, support.get(n, 0)) for n in best)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], -item[1][1], -len(item[1][2].keys & asked),
                                                     -support[item[0]],
                                                     FIELD_RANK.get(item[1][2].field, 4),
                                                     index.stories[item[0]].id))
    return [Hit(index.stories[n].id, s.text, s.field, round(share, 2), level) for n, (level, share, s) in ranked]
