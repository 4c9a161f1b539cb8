"""A question looked up against the bank: what the matcher makes of it, the other candidates
worth naming, and the stories that answer it best.

`storybank match` prints a lookup and the UI's "Which story?" screen shows one; both take it from
here, so the CLI and the screen never disagree about a question.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from storybank.analysis.matching import Recognition
    from storybank.analysis.types import MatchCandidate, RankedStory, StoryReport
    from storybank.bank import StoryFile
    from storybank.catalog import Catalog

# Candidates below this score are noise, not candidates: they are not named.
WORTH_LISTING = 5.0
# A question is a sentence or two; a paste longer than this is read by its start only (the matcher's
# time grows with the text: a 60,000-character paste took 2.3 s).
LONGEST = 1000


@dataclass(frozen=True)
class Lookup:
    """What a question is and which stories answer it. `stories` is empty when the verdict is
    "none": no story is ranked for a type the question is not."""

    recognition: Recognition
    alternatives: list[MatchCandidate]
    stories: list[RankedStory]

    @property
    def question(self) -> str:
        return self.recognition.question


def look_up(question: str, catalog: Catalog, stories: Iterable[StoryFile],
            reports: Mapping[str, StoryReport], limit: int = 5) -> Lookup:
    """The matcher's reading of `question` (spaces collapsed, its first LONGEST characters) and
    the bank's best stories for it."""
    from storybank.analysis.matching import rank_stories, recognise

    found = recognise(" ".join(question.split())[:LONGEST], catalog)
    alternatives = [a for a in found.alternatives if a.score >= WORTH_LISTING]
    ranked = [] if found.verdict == "none" else \
        rank_stories(found.best, stories, reports, found.question, limit=limit)
    return Lookup(found, alternatives, ranked)


@dataclass(frozen=True)
class Words:
    """What to tell the user about a lookup, in the words `storybank match` and the "Which
    story?" screen both use. `lead` is the word to set apart ("No match", "Not sure", "Two close
    candidates"; empty for a match), `rest` the headline after it, `notes` the lines under it, and
    `advice` what to do (empty for a match or close candidates, which list their stories)."""

    lead: str
    rest: str
    notes: tuple[str, ...] = ()
    advice: str = ""


def words(lookup: Lookup, catalog: Catalog, name: Callable[[MatchCandidate], str]) -> Words:
    """The lookup told in words, each candidate called by `name` (the CLI's id, the screen's
    label)."""
    r = lookup.recognition
    eight = f"{len(catalog.questions)} question types or {len(catalog.probes)} probes"
    if r.verdict == "none":
        closest = f"closest: {name(r.best)} {r.best.score:.0f}%" if r.best.score >= WORTH_LISTING \
            else "nothing comes close"
        notes = (f"It reads as {r.resembles}.",) if r.resembles else ()
        return Words("No match", f": this is none of the {eight} ({closest}).", notes,
                     r.advice or "Answer it briefly: it asks for no story from your bank.")
    if r.verdict == "unsure":
        then = "".join(f", then {name(a)} {a.score:.0f}%" for a in lookup.alternatives[:1])
        notes = (f"It also reads as {r.resembles}.",) if r.resembles else ()
        return Words("Not sure", f": the nearest is {name(r.best)} {r.best.score:.0f}%{then}. "
                     f"It may be none of the {eight}.", notes, unsure_advice(r.best, name(r.best), r.advice))
    if r.verdict == "close":
        return Words("Two close candidates", ", prepare for either:")
    return Words("", "")


def also_possible(lookup: Lookup, name: Callable[[MatchCandidate], str]) -> str:
    """The other candidates worth naming, beyond those the headline names; empty when none."""
    r = lookup.recognition
    named = r.shown if r.verdict == "close" else [r.best]
    others = [a for a in lookup.alternatives if a not in named]
    if r.verdict == "unsure":
        others = others[1:]     # the runner-up is in the headline
    return "also possible: " + ", ".join(f"{name(a)} {a.score:.0f}%" for a in others) if others else ""


def asked(catalog: Catalog, candidate: MatchCandidate) -> str:
    """The catalog's own wording of a candidate type or probe (as the bank's field is asked it)."""
    entry = catalog.question(candidate.id) if candidate.kind == "question" else catalog.probe(candidate.id)
    return entry.as_asked if entry is not None else ""


def unsure_advice(best: MatchCandidate, name: str, otherwise: str = "") -> str:
    """What to do with a question read as "unsure", whose nearest type or probe is `best` (called
    `name`): true also when it is none of them. `otherwise` is the advice for the common question
    it also reads as, if any: what to do when it asks for no story."""
    ask = f"If it asks for a story, tell your {name} story" if best.kind == "question" else \
        f"If it asks more about the story you just told, answer the {name} probe"
    if otherwise:
        return f"{ask}; if not: {otherwise}"
    return f"{ask}; if not, answer it briefly."
