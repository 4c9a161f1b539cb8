"""A question looked up against the bank: what the matcher makes of it, the other candidates
worth naming, and the stories that answer it best.

`storybank match` prints a lookup and the UI's "Which story?" screen shows one; both take it from
here, so the CLI and the screen never disagree about a question.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from storybank.analysis.matching import Recognition
    from storybank.analysis.types import MatchCandidate, RankedStory, StoryReport
    from storybank.bank import StoryFile
    from storybank.catalog import Catalog

# Candidates below this score are noise, not candidates: they are not named.
WORTH_LISTING = 5.0


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
    """The matcher's reading of `question` (spaces collapsed) and the bank's best stories for it."""
    from storybank.analysis.matching import rank_stories, recognise

    found = recognise(" ".join(question.split()), catalog)
    # An unsure reading always keeps its runner-up: the user is told the two nearest.
    alternatives = [a for i, a in enumerate(found.alternatives)
                    if a.score >= WORTH_LISTING or (i == 0 and found.verdict == "unsure")]
    ranked = [] if found.verdict == "none" else \
        rank_stories(found.best, stories, reports, found.question, limit=limit)
    return Lookup(found, alternatives, ranked)


def asked(catalog: Catalog, candidate: MatchCandidate) -> str:
    """The catalog's own wording of a candidate type or probe."""
    entry = catalog.question(candidate.id) if candidate.kind == "question" else catalog.probe(candidate.id)
    return entry.question if entry is not None else ""


def unsure_advice(best: MatchCandidate, name: str) -> str:
    """What to do with a question read as "unsure", whose nearest type or probe is `best` (called
    `name`): true also when it is none of them."""
    ask = f"If it asks for a story, tell your {name} story" if best.kind == "question" else \
        f"If it asks more about the story you just told, answer the {name} probe"
    return f"{ask}; if not, answer it briefly."
