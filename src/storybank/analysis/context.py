"""Everything the rules look at, measured once per story."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from storybank.analysis.text import TextStats, combine, measure
from storybank.catalog import Catalog, QuestionType
from storybank.model import PARTS, PROBES, Story
from storybank.settings import Settings
from storybank.words import count_words


@dataclass
class StoryContext:
    story: Story
    story_id: str
    catalog: Catalog
    settings: Settings
    parts: dict[str, TextStats] = field(default_factory=dict)
    answer: TextStats = field(default_factory=TextStats)
    followups: dict[str, TextStats] = field(default_factory=dict)

    @classmethod
    def build(cls, story: Story, story_id: str, catalog: Catalog, settings: Settings) -> StoryContext:
        known = tuple(catalog.technologies.known)
        own = tuple(t.strip() for t in story.technologies if t.strip())
        ctx = cls(story, story_id, catalog, settings)
        # The whole answer gets every measure; parts and follow-ups only what the rules read.
        ctx.parts = {p: measure(story.part(p), phrases=("decisions",) if p == "action" else ())
                     for p in PARTS}
        ctx.answer = combine(list(ctx.parts.values()), story.answer_text(), known, own)
        ctx.followups = {p: TextStats(words=count_words(story.followup(p))) for p in PROBES}
        return ctx

    # --- derived ------------------------------------------------------------------------------

    @cached_property
    def types(self) -> list[QuestionType]:
        return [q for q in (self.catalog.question(i) for i in self.story.questions) if q is not None]

    @cached_property
    def technical(self) -> bool:
        """Technical depth applies when any mapped type is technical (or none is known yet)."""
        return any(q.technical for q in self.types) if self.types else True

    def seconds(self, words: int) -> float:
        return self.settings.seconds(words)

    @cached_property
    def answer_seconds(self) -> float:
        return self.seconds(sum(s.words for s in self.parts.values()))

    @cached_property
    def followup_seconds(self) -> dict[str, float]:
        return {p: self.seconds(s.words) for p, s in self.followups.items()}

    @cached_property
    def metric_change(self) -> bool:
        return any(m.is_change() for m in self.story.metrics)

    def field_norm(self, names: tuple[str, ...]) -> str:
        """The normalised text of these fields joined, computed once per set of fields."""
        cache = self.__dict__.setdefault("_norms", {})
        norm = cache.get(names)
        if norm is None:
            from storybank.analysis.lexicon import normalise

            chunks = []
            for name in names:
                if name in self.parts:
                    chunks.append(self.parts[name].norm)
                elif name.startswith("followups."):
                    chunks.append(normalise(self.story.followup(name[10:])))
                elif name in {"title", "ownership"}:
                    chunks.append(normalise(self.story.part(name)))
            norm = cache[names] = "\n".join(chunks)
        return norm


