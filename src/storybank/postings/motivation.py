"""The motivation story held against the posting.

The interview's motivation answer scores when the reason is tied to the track: the field the
candidate knows and what this work asks of it. Against a posting that means: does the motivation
story name what the posting is for (its title's words, its most named skills), and is its reason
more than one that would fit any platform (the generic-motivation finding, SB741, run on it)?

| verdict | when |
|---|---|
| tied | it names the posting's field and SB741 does not fire |
| generic | SB741 fires: the reason would fit any job |
| unrelated | its reason is specific, but to something else: none of the posting's field is named |
| unnamed | its reason is specific, and the posting names no job or skill to hold it against |
| missing | no story is mapped to the motivation question |
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from storybank.postings.extract import Extracted
from storybank.postings.match import MOTIVATION, story_fields, word_keys
from storybank.postings.report import Motivation, PostingReport
from storybank.postings.sieve import Sieve, sentences_at, sieve
from storybank.postings.terms import TOKEN, Unit, analyse

if TYPE_CHECKING:
    from storybank.analysis.session import BankReports
    from storybank.catalog import Catalog
    from storybank.model import Story
    from storybank.settings import Settings

QUESTION = MOTIVATION
GENERIC_CODE = "SB741"
# Words of a job title that say how the job is held, not what it is about.
_TITLE_NOISE = frozenset({
    "senior", "sr", "junior", "jr", "staff", "principal", "lead", "head", "chief", "remote",
    "hybrid", "onsite", "on-site", "freelance", "contract", "contractor", "part-time", "full-time",
    "temporary", "permanent", "night", "day", "shift", "shifts", "i", "ii", "iii", "iv", "level",
    "associate", "intern", "internship", "entry", "mid", "experienced", "new", "grad", "graduate",
    "job", "role", "opening", "position", "hiring", "wanted", "us", "uk", "eu", "emea", "apac",
    # job nouns every field uses: the field is in the words around them
    "developer", "engineer", "specialist", "manager", "analyst", "consultant", "officer",
    "coordinator", "expert", "professional", "assistant", "worker",
})
FIELD_TERMS = 8
# A pay grade in brackets after a title, which names no field (round 21, DOGFOOD22: "Clinical
# Pharmacist – Acute Medicine (Band 7)" was read as "Acute Medicine / Band"): "(Band 7)", "(Grade C)",
# "(Band 8a)", "(Step 3)", "(Level 2)".
_GRADE = re.compile(r"\(\s*(?:band|grade|step|level|scale)\s+[\w.-]{1,3}\s*\)", re.I)


def posting_field(report: PostingReport, ex: Extracted) -> list[Unit]:
    """What the posting is for: its title's words, then the names its requirements ask most
    (those are marked `name`; a title's words are not, whatever their capitals)."""
    out: dict[frozenset[str], Unit] = {}
    if report.title:
        _terms, units = analyse(_GRADE.sub(" ", report.title))
        for u in units:
            if u.label.lower() not in _TITLE_NOISE and not u.label[:1].isdigit():
                out.setdefault(u.keys, Unit(u.label, u.keys, u.weight, False, u.synonyms))
    counts: Counter[frozenset[str]] = Counter()
    by_keys: dict[frozenset[str], Unit] = {}
    for item in ex.items:
        for u in item.units:
            if u.name:
                counts[u.keys] += 1
                by_keys.setdefault(u.keys, u)
    for keys, _n in counts.most_common():
        if len(out) >= FIELD_TERMS:
            break
        out.setdefault(keys, by_keys[keys])
    return list(out.values())


def _story_keys(story: Story, look: Sieve | None) -> set[str]:
    """The keys of the story's words, in the sentences where the posting's field may be named."""
    keys: set[str] = set()
    if look is None:
        return keys
    text = "\n".join(t.replace("\n", " ") for _field, t in story_fields(story))
    low = text.lower()
    for start, end in sentences_at(text, look.hits(text, low)):
        per_word = [word_keys(w) for w in TOKEN.findall(text[start:end])]
        heads = [ks[0] for ks in per_word]
        keys.update(k for ks in per_word for k in ks)
        keys.update(a + "-" + b for a, b in zip(heads, heads[1:], strict=False))
    return keys


def _named(labels: tuple[str, ...]) -> str:
    return f" ({', '.join(labels[:3])})" if labels else ""


class _Best(NamedTuple):
    """The motivation story that names most of the posting's field."""

    id: str
    story: Story
    named: tuple[str, ...]   # the field's words it names
    tied: bool               # whether they tie it to the field


def _best_motivation(field: Sequence[Unit], candidates: list[tuple[str, Story]]) -> _Best:
    """The motivation story that names most of the posting's field."""
    best: tuple[bool, int, str, Story, tuple[str, ...]] | None = None
    look = sieve({k for u in field for k in u.keys})
    for sid, story in candidates:
        keys = _story_keys(story, look)
        found = [u for u in field if not u.keys.isdisjoint(keys)]
        # One word of the title alone ("Rates") may mean something else ("at a rate near my
        # pay"); a skill the posting names, or two of the title's words, name its field.
        tied = any(u.name for u in found) or len(found) >= 2
        if best is None or (tied, len(found)) > best[:2]:
            best = (tied, len(found), sid, story, tuple(u.label for u in found))
    assert best is not None
    tied, _n, sid, story, named = best
    return _Best(sid, story, named, tied)


def check_motivation(report: PostingReport, ex: Extracted, stories: Sequence[tuple[str, Story]],
                     catalog: Catalog | None = None, settings: Settings | None = None,
                     reports: BankReports | None = None) -> Motivation:
    """The motivation story against the posting; `reports`: the bank's reports, through its
    report cache (SB741 is read from the story's report)."""
    field = posting_field(report, ex)
    labels = tuple(u.label for u in field)
    what = report.title or "this posting"
    candidates = [(sid, story) for sid, story in stories if QUESTION in story.questions]
    if not candidates:
        return Motivation("missing", None, (), labels,
                          f"No story answers the motivation question. Write one that ties your "
                          f"expertise to {what}{_named(labels)}.")
    best = _best_motivation(field, candidates)
    sid, story, named, tied = best.id, best.story, best.named, best.tied
    if _generic(sid, story, catalog, settings, reports):
        return Motivation("generic", sid, named, labels,
                          f"`{sid}` gives a reason that would fit any job. Tie it to {what}: "
                          "the field you know and why this work fits it.")
    if not labels:
        # Nothing to hold it against: the posting names no job and no skill by name (a farm's
        # posting with no title, round 21). Saying the story "does not name" it would be false.
        return Motivation("unnamed", sid, named, labels,
                          f"`{sid}` gives a reason of its own; this posting names no job or skill to hold it "
                          "against, so check by reading it that your reason fits this work.")
    if not tied:
        return Motivation("unrelated", sid, named, labels,
                          f"`{sid}` does not name what {what} is for{_named(labels)}: say why this work "
                          "fits your expertise.")
    return Motivation("tied", sid, named, labels, f"`{sid}` names {', '.join(named)}.")


def _generic(story_id: str, story: Story, catalog: Catalog | None, settings: Settings | None,
             reports: BankReports | None = None) -> bool:
    """Does the generic-motivation finding fire on this story? The analysis decides, as `lint`."""
    if reports is not None:
        report = reports.report(story_id, story)
    else:
        from storybank.analysis.engine import analyze
        from storybank.catalog import builtin_catalog
        from storybank.settings import DEFAULT

        report = analyze(story, catalog or builtin_catalog(), settings or DEFAULT, story_id)
    return any(f.code == GENERIC_CODE for f in report.findings)
