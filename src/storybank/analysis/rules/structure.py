"""Structure: the parts a story needs before anything else can be judged."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence

from storybank.analysis.context import MAX_TYPES_PER_STORY, StoryContext
from storybank.analysis.rules.registry import (
    Category,
    Hit,
    Severity,
    and_list,
    ignore_codes,
    known_codes,
    number_word,
    rule,
)
from storybank.analysis.types import Finding
from storybank.model import METRIC_KEYS, PARTS, PROBES, STORY_KEYS, Cues

CUE_KEYS = set(Cues.model_fields)

KNOWN_KEYS = set(STORY_KEYS)


def _suggest(key: str, known: set[str]) -> str:
    close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean `{close[0]}`?)" if close else ""


@rule(code="SB101", name="missing-title", category=Category.STRUCTURE, severity=Severity.ERROR,
      field="title")
def missing_title(ctx: StoryContext) -> Iterator[Hit]:
    """The story has no title. The title is the handle you reach for in the list, the drill and
    the cheat sheet when a question lands; a short, specific one (the system and the result) finds the
    right story in seconds."""
    if not ctx.story.title.strip():
        yield Hit("Give the story a short, specific title so you can find it under pressure.")


@rule(code="SB102", name="no-question-types", category=Category.STRUCTURE, severity=Severity.ERROR,
      field="questions")
def no_question_types(ctx: StoryContext) -> Iterator[Hit]:
    """The story answers no question type: `questions` is empty. Coverage, the drill and the
    cheat sheet choose stories by the question they answer, so an unmapped story is never offered when
    you need it."""
    if not ctx.story.questions:
        ids = ", ".join(ctx.catalog.question_ids())
        yield Hit(f"Map the story to at least one question type in `questions` ({ids}).")


@rule(code="SB103", name="unknown-question-type", category=Category.STRUCTURE, severity=Severity.ERROR,
      field="questions")
def unknown_question_type(ctx: StoryContext) -> Iterator[Hit]:
    """`questions` names an id the catalog does not define, usually a typo. The story then
    counts for no type under that name, so a question you think you have prepared shows up as a gap;
    the message suggests the closest known id."""
    known = set(ctx.catalog.question_ids())
    for qid in ctx.story.questions:
        if qid not in known:
            yield Hit(f"`{qid}` is not a question type{_suggest(qid, known)}; "
                      f"use one of {', '.join(sorted(known))}.", qid)


@rule(code="SB104", name="empty-part", category=Category.STRUCTURE, severity=Severity.ERROR,
      field=PARTS[0])
def empty_part(ctx: StoryContext) -> Iterator[Hit]:
    """One part of the spoken answer (situation, action, outcome or reflection) is empty.
    Interviewers listen for that arc and notice a missing beat at once: no outcome sounds unfinished,
    and no reflection sounds like nothing was learned."""
    for part in PARTS:
        if not ctx.story.part(part).strip():
            yield Hit(f"`{part}` is empty: the answer needs all {number_word(len(PARTS))} parts, "
                      f"{and_list(PARTS)}.", field=part)


@rule(code="SB105", name="no-metrics", category=Category.STRUCTURE, severity=Severity.ERROR,
      field="metrics")
def no_metrics(ctx: StoryContext) -> Iterator[Hit]:
    """The story has no `[[metrics]]` entry. The figure you want the interviewer to remember
    (a latency, a count, money or hours saved) belongs in a metric, so the cheat sheet can print it and
    the coach can check that you actually say it."""
    if not ctx.story.metrics:
        yield Hit("Add at least one [[metrics]] entry with a real number (a value, or before and "
                  "after), the figure you want the interviewer to remember.")


@rule(code="SB106", name="unknown-key", category=Category.STRUCTURE, severity=Severity.WARNING,
      field="")
def unknown_key(ctx: StoryContext) -> Iterator[Hit]:
    """The file holds a key the story format does not know: at the top level, in a metric or
    under `[followups]` or `[cues]`. It is kept as written but nothing reads it, so a misspelt field quietly loses
    its text; the message suggests the key you probably meant."""
    for key in ctx.story.unknown_keys():
        yield Hit(f"`{key}` is not part of the story format{_suggest(key, KNOWN_KEYS)}; "
                  "it is kept as written but ignored.", key, field=key)
    for index, metric in enumerate(ctx.story.metrics):
        for key in metric.unknown_keys():
            where = f"metrics[{index}].{key}"
            yield Hit(f"`{where}` is not a metric field{_suggest(key, set(METRIC_KEYS))}; it is ignored.",
                      key, field=where)
    if ctx.story.followups is not None:
        for key in ctx.story.followups.unknown_keys():
            where = f"followups.{key}"
            yield Hit(f"`{where}` is not a probe{_suggest(key, set(PROBES))}; "
                      f"the probes are {', '.join(PROBES)}.", key, field=where)
    if ctx.story.cues is not None:
        for key in ctx.story.cues.unknown_keys():
            where = f"cues.{key}"
            yield Hit(f"`{where}` is not a part, a probe or `numbers`{_suggest(key, CUE_KEYS)}; "
                      "its cues are not used.", key, field=where)


@rule(code="SB109", name="too-many-question-types", category=Category.STRUCTURE, severity=Severity.WARNING,
      field="questions")
def too_many_types(ctx: StoryContext) -> Iterator[Hit]:
    """The story is mapped to more than three question types. A story stretched over many
    questions is told thinly for each and repeats across one interview; a bank is stronger with a
    story of its own for each question."""
    count = len(set(ctx.story.questions))
    if ctx.too_many_types:
        yield Hit(f"Mapped to {count} question types; a story told for more than {MAX_TYPES_PER_STORY} reads "
                  "as thin. Keep the types it answers best and write another story for the rest.", count)


# The two ignore rules need every code the story triggers, so they run in the last pass.

@rule(code="SB107", name="unknown-ignore-code", category=Category.STRUCTURE, severity=Severity.WARNING,
      field="ignore", after=2)
def unknown_ignore_code(ctx: StoryContext, findings: Sequence[Finding]) -> Iterator[Hit]:
    """An `ignore` list (the story's or the bank's) names a code that no rule has. It is
    usually a typo, which means the finding you meant to silence still shows while the entry hides
    nothing."""
    known = known_codes(ctx.catalog)
    for code in ignore_codes(ctx.story.ignore):
        if code not in known:
            yield Hit(f"`ignore` names {code}, which is not a finding code; remove it or fix the typo.", code)
    for code in ignore_codes(ctx.settings.ignore):
        if code not in known:
            yield Hit(f"the bank settings ignore {code}, which is not a finding code.", code, field="ignore")


@rule(code="SB108", name="unused-ignore", category=Category.STRUCTURE, severity=Severity.INFO,
      field="ignore", after=2)
def unused_ignore(ctx: StoryContext, findings: Sequence[Finding]) -> Iterator[Hit]:
    """The story's `ignore` silences a code the story no longer triggers. Such entries pile
    up after edits, and they would hide the finding if the problem came back; remove them once the
    story is fixed."""
    known = known_codes(ctx.catalog)
    fired = {f.code for f in findings}
    for code in ignore_codes(ctx.story.ignore):
        if code in known and code not in fired:
            yield Hit(f"`ignore` silences {code}, but this story no longer triggers it; remove it.", code)
