"""A posting against the bank: read it, find its requirements, match each one, apply the
user's confirmed and rejected links, check the motivation story.

The user's word beats the matcher's: a confirmed link (or a story tagged with a requirement) makes
the requirement shown by that story, quoted with the story's best sentence for it when there is
one; a rejected link removes that story from the requirement's evidence, whatever the matcher
thought. A saved link names its requirement by its text; when the posting's text was edited, a
link follows its requirement to the closest wording (see `store.same_requirement`), and a link
whose requirement is gone is reported as stale, never silently dropped from the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from storybank.errors import StorybankError
from storybank.postings import lexicon
from storybank.postings.extract import Extracted, extract
from storybank.postings.match import (
    MAX_EVIDENCE,
    Hit,
    Index,
    Need,
    asked,
    match,
    must_say,
    needed_keys,
    solo_keys,
    trade_keys,
)
from storybank.postings.reading import blocks
from storybank.postings.report import CredentialItem, Evidence, PostingReport, Requirement
from storybank.postings.sieve import sieve
from storybank.postings.store import Link, same_requirement

if TYPE_CHECKING:
    from storybank.analysis.session import BankReports
    from storybank.catalog import Catalog
    from storybank.model import Story
    from storybank.postings.terms import Unit
    from storybank.postings.word_index import WordIndex
    from storybank.settings import Settings


class NoRequirements(StorybankError):
    """The posting was read, but nothing in it reads as a requirement."""


def question_for(text: str) -> str | None:
    """The question type a requirement leans toward ("on-call" -> failure), if any."""
    low = text.lower()
    best, score = None, 0
    for qid, cues in lexicon.question_hints().items():
        n = len(cues.findall(low))
        if n > score:
            best, score = qid, n
    return best


def read(text: str, source: str = "") -> Extracted:
    return extract(blocks(text, source))


# "Shown in STORY" quotes the one story that shows it best; "possibly" offers a few to check.
MAX_SHOWN = 1


def _confirmed(links: Sequence[Link], known: set[str]) -> list[str]:
    return list(dict.fromkeys(lk.story for lk in links if lk.status == "confirmed" and lk.story in known))


def _rejected(links: Sequence[Link]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(lk.story for lk in links if lk.status == "rejected"))


def _as_confirmed(confirmed: list[str], hits: Sequence[Hit]) -> tuple[Evidence, ...]:
    """The user's links, each quoted with the story's best sentence for it when there is one."""
    by_story = {h.story: h for h in hits}
    out = []
    for sid in confirmed:
        h = by_story.get(sid)
        out.append(Evidence(sid, h.sentence if h else "", h.field if h else "", h.score if h else 0.0, True))
    return tuple(out)


def _verdict(hits: Sequence[Hit]) -> tuple[str, tuple[Evidence, ...]]:
    """The matcher's verdict from its hits, best first, and the evidence it quotes."""
    if not hits:
        return "missing", ()
    best = hits[0]
    limit = MAX_SHOWN if best.level == 2 else MAX_EVIDENCE
    top = [best] + [h for h in hits[1:] if h.level == best.level and h.score >= best.score][:limit - 1]
    return ("shown" if best.level == 2 else "possibly"), tuple(Evidence(h.story, h.sentence, h.field, h.score)
                                                                for h in top)


class _Linked(NamedTuple):
    """A requirement's verdict once the user's links are applied."""

    verdict: str                      # "shown", "possibly" or "missing"
    evidence: tuple[Evidence, ...]    # what it quotes
    rejected: tuple[str, ...]         # the stories the user said do not show it


def _apply_links(need: Need, index: Index, links: Sequence[Link], known: set[str]) -> _Linked:
    confirmed = _confirmed(links, known)
    rejected = _rejected(links)
    if confirmed:
        return _Linked("shown", _as_confirmed(confirmed, match(need, index, only=confirmed)), rejected)
    hits = match(need, index, limit=MAX_EVIDENCE + len(rejected))
    verdict, evidence = _verdict([h for h in hits if h.story not in rejected])
    return _Linked(verdict, evidence, rejected)


def _worth_a_look(units: Sequence[Unit]) -> set[str]:
    """The keys to look for in the bank: every full-weight unit's own keys, and the synonyms of
    one of them. A paraphrase shows a requirement only by saying every full-weight thing it
    asks (match/rank.py, _candidates), so it holds a word of the unit with the fewest synonyms: looking
    for that unit's synonyms alone finds it. A thing asked in a trade's words is looked for in
    all of them: the trade's telling of it (match/trade.py) need not say the others."""
    out = needed_keys(asked(units), synonyms=False)
    said = must_say(units)
    if said:
        out |= min(said, key=lambda u: len(u.synonyms)).synonyms
    trade = trade_keys()
    for u in asked(units):
        if not u.keys.isdisjoint(trade):
            out |= u.synonyms & trade
    return out


def check(
    text: str,
    stories: Sequence[tuple[str, Story]],
    *,
    source: str = "",
    name: str | None = None,
    links: Sequence[Link] = (),
    motivation: bool = True,
    extracted: Extracted | None = None,
    catalog: Catalog | None = None,
    settings: Settings | None = None,
    reports: BankReports | None = None,
    words: WordIndex | None = None,
) -> PostingReport:
    """The posting in `text` against `stories` (id, story). Raises NoRequirements when the
    posting holds nothing that reads as a requirement: never an empty all-clear. `reports`: the
    bank's reports through its cache, for the motivation check; `words`: the stories' word index
    (see word_index.py), built once for every posting checked against them."""
    ex = extracted or read(text, source)
    if not ex.items and not ex.credentials:
        raise NoRequirements(
            f"found no requirements in {source or 'the posting'}: no bullet or sentence reads as "
            "something the job asks for (is it the whole posting, with its requirements list?)")
    needed: set[str] = set()
    look_for: set[str] = set()
    solo: set[str] = set()
    needs = [Need.read(tuple(item.units), item.years, item.text) for item in ex.items]
    for item, need in zip(ex.items, needs, strict=True):
        needed |= needed_keys(item.units)
        look_for |= _worth_a_look(item.units)
        for concept in need.concepts:
            # Its acts and objects are recorded in the sentences found; a sentence holding an
            # act and an object is found apart from the posting's words (`Index.reach`).
            needed |= concept.story_keys
        solo |= solo_keys(item.units)
    index = Index(stories, needed, sieve(look_for, solo), words)
    known = {sid for sid, _story in stories}
    texts = [item.text for item in ex.items]
    assigned: dict[int, list[Link]] = {}
    stale: list[str] = []
    for link in links:
        where = same_requirement(link.requirement, texts)
        if where is None:
            stale.append(link.requirement)
        else:
            assigned.setdefault(where, []).append(link)
    requirements = []
    for number, item in enumerate(ex.items, start=1):
        linked = _apply_links(needs[number - 1], index, assigned.get(number - 1, []), known)
        requirements.append(Requirement(number, item.text, item.section, item.must, item.terms, linked.verdict,
                                        linked.evidence, linked.rejected, question_for(item.text)))
    credentials = tuple(CredentialItem(c.text, c.kind, c.section) for c in ex.credentials)
    report = PostingReport(name, ex.title, source or None, tuple(requirements), credentials,
                           None, ex.dropped, tuple(dict.fromkeys(stale)))
    if motivation:
        from dataclasses import replace

        from storybank.postings.motivation import check_motivation

        report = replace(report, motivation=check_motivation(report, ex, stories, catalog, settings, reports))
    return report
