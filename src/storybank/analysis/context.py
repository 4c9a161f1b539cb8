"""Everything the rules look at, measured once per story, and the limits they judge it by.

Each limit is named once here and read through a predicate on the context (`too_short_to_judge`,
`long_sentence`, `long_situation`, `too_many_types`, `followups_over_window`), so a rule and the
score that moves with it can never disagree about where the line is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from storybank.analysis.text import TextStats, combine, measure
from storybank.catalog import Catalog, QuestionType
from storybank.model import PARTS, PROBES, TEXT_FIELDS, Story
from storybank.settings import Settings
from storybank.words import count_words

# Below this many words the answer is too short to judge its specificity, ownership or depth.
TOO_SHORT_TO_JUDGE_WORDS = 40
# A sentence longer than this cannot be said in one breath (SB506, and the compression score).
LONG_SENTENCE_WORDS = 40
# The situation should not take more than this share of an answer of at least SITUATION_MIN_WORDS.
SITUATION_SHARE = 0.4
SITUATION_MIN_WORDS = 100
# A story told for more types than this reads as thin (SB109, and coverage's "overused").
MAX_TYPES_PER_STORY = 3


def too_many_types(questions: list[str]) -> bool:
    """Whether a story mapped to these question ids is spread over too many types."""
    return len(set(questions)) > MAX_TYPES_PER_STORY


@dataclass
class StoryContext:
    story: Story
    story_id: str
    catalog: Catalog
    settings: Settings
    parts: dict[str, TextStats] = field(default_factory=dict)
    answer: TextStats = field(default_factory=TextStats)
    followups: dict[str, TextStats] = field(default_factory=dict)
    # The answer to a follow-up probe (the answer judge sets it; its window is the follow-up's),
    # not a first answer to the question.
    followup_answer: bool = False

    @classmethod
    def build(cls, story: Story, story_id: str, catalog: Catalog, settings: Settings,
              followup_answer: bool = False) -> StoryContext:
        known = tuple(catalog.technologies.known)
        own = tuple(t.strip() for t in story.technologies if t.strip())
        ctx = cls(story, story_id, catalog, settings, followup_answer=followup_answer)
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
        """Technical depth applies when any mapped type is technical, or when none is known yet in
        a story file (it is still being written). A spoken answer to a question that is none of
        the types ("Tell me about yourself") is not asked for technical depth."""
        if not self.types:
            return not self.from_answer
        return any(q.technical for q in self.types)

    @cached_property
    def from_answer(self) -> bool:
        """The story is running text the answer judge shared out into parts (it has no title),
        not a story file whose author chose each field: a part boundary there is a guess. The
        answer may have been spoken or typed."""
        return not self.story.title.strip()

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

    # --- the shared limits ------------------------------------------------------------------------

    @cached_property
    def too_short_to_judge(self) -> bool:
        """Too few words in the answer to judge specificity, ownership or technical depth."""
        return self.answer.words < TOO_SHORT_TO_JUDGE_WORDS

    @cached_property
    def longest_sentence(self) -> int:
        """Words in the longest sentence of any part."""
        return max((s.longest_sentence for s in self.parts.values()), default=0)

    @cached_property
    def long_sentence(self) -> bool:
        return self.longest_sentence > LONG_SENTENCE_WORDS

    @cached_property
    def situation_share(self) -> float:
        total = sum(s.words for s in self.parts.values())
        return self.parts["situation"].words / total if total else 0.0

    @cached_property
    def long_situation(self) -> bool:
        """The situation takes more than its share of an answer long enough to judge."""
        total = sum(s.words for s in self.parts.values())
        return total >= SITUATION_MIN_WORDS and self.parts["situation"].words > SITUATION_SHARE * total

    @cached_property
    def too_many_types(self) -> bool:
        return too_many_types(self.story.questions)

    @cached_property
    def followups_over_window(self) -> list[str]:
        """The prepared follow-ups that run past the follow-up window, in probe order."""
        high = self.settings.followup_seconds[1]
        return [p for p, s in self.followup_seconds.items() if s > high]

    def field_norm(self, names: tuple[str, ...]) -> str:
        """The normalised text of these fields joined, computed once per set of fields."""
        cache: dict[tuple[str, ...], str] = self.__dict__.setdefault("_norms", {})
        norm = cache.get(names)
        if norm is None:
            from storybank.analysis.lexicon import normalise

            chunks = []
            for name in names:
                if name in self.parts:
                    chunks.append(self.parts[name].norm)
                elif name.startswith("followups."):
                    chunks.append(normalise(self.story.followup(name[10:])))
                elif name in TEXT_FIELDS:
                    chunks.append(normalise(self.story.part(name)))
            norm = cache[names] = "\n".join(chunks)
        return norm


