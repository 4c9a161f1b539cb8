"""Structure: the parts a story needs before anything else can be judged."""

from __future__ import annotations

import difflib

from storybank.analysis.context import MAX_TYPES_PER_STORY
from storybank.analysis.rules.registry import Hit, and_list, number_word, rule
from storybank.model import METRIC_KEYS, PARTS, PROBES, STORY_KEYS

KNOWN_KEYS = set(STORY_KEYS)


def _suggest(key: str, known: set[str]) -> str:
    close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean `{close[0]}`?)" if close else ""


@rule("SB101", "missing-title", "structure", "error", "title", "The story has no title.")
def missing_title(ctx):
    if not ctx.story.title.strip():
        yield Hit("Give the story a short, specific title so you can find it under pressure.")


@rule("SB102", "no-question-types", "structure", "error", "questions",
      "The story is not mapped to any question type.")
def no_question_types(ctx):
    if not ctx.story.questions:
        ids = ", ".join(ctx.catalog.question_ids())
        yield Hit(f"Map the story to at least one question type in `questions` ({ids}).")


@rule("SB103", "unknown-question-type", "structure", "error", "questions",
      "A question id the catalog does not know.")
def unknown_question_type(ctx):
    known = set(ctx.catalog.question_ids())
    for qid in ctx.story.questions:
        if qid not in known:
            yield Hit(f"`{qid}` is not a question type{_suggest(qid, known)}; "
                      f"use one of {', '.join(sorted(known))}.", qid)


@rule("SB104", "empty-part", "structure", "error", PARTS[0],
      f"One of {', '.join(PARTS)} is empty.")
def empty_part(ctx):
    for part in PARTS:
        if not ctx.story.part(part).strip():
            yield Hit(f"`{part}` is empty: the answer needs all {number_word(len(PARTS))} parts, "
                      f"{and_list(PARTS)}.", field=part)


@rule("SB105", "no-metrics", "structure", "error", "metrics", "The story has no [[metrics]].")
def no_metrics(ctx):
    if not ctx.story.metrics:
        yield Hit("Add at least one [[metrics]] entry with a real number (a value, or before and "
                  "after), the figure you want the interviewer to remember.")


@rule("SB106", "unknown-key", "structure", "warning", "",
      "A key the story format does not know (kept as written).")
def unknown_key(ctx):
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


@rule("SB109", "too-many-question-types", "structure", "warning", "questions",
      f"One story mapped to more than {number_word(MAX_TYPES_PER_STORY)} question types.")
def too_many_types(ctx):
    count = len(set(ctx.story.questions))
    if ctx.too_many_types:
        yield Hit(f"Mapped to {count} question types; a story told for more than {MAX_TYPES_PER_STORY} reads "
                  "as thin. Keep the types it answers best and write another story for the rest.", count)


# The two ignore rules need every finding of the story first; the engine raises them.
@rule("SB107", "unknown-ignore-code", "structure", "warning", "ignore",
      "`ignore` names a finding code that does not exist.")
def unknown_ignore_code(ctx):
    return ()


@rule("SB108", "unused-ignore", "structure", "info", "ignore",
      "`ignore` silences a code this story no longer triggers.")
def unused_ignore(ctx):
    return ()
