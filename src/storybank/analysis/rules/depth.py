"""Technical depth: named systems and how they work, for the technical question types."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from storybank.analysis.context import StoryContext
from storybank.analysis.rules.registry import Category, Hit, Severity, quote_list, rule

if TYPE_CHECKING:
    from storybank.analysis.signals import Signals

MECHANISM_MIN = 2
NAMED_ENOUGH = 3      # three named methods, tools or rules carry depth without a "because"
MECHANISM_ENOUGH = 3  # nor do three of the field's mechanism words


@rule(code="SB401", name="no-technologies", category=Category.TECHNICAL_DEPTH, severity=Severity.WARNING,
      field="technologies")
def no_technologies(ctx: StoryContext) -> Iterator[Hit]:
    """A story for a technical question names no method, tool or system, neither in
    `technologies` nor in the answer. Unnamed work sounds second-hand; naming the instrument,
    guideline, model or service you used shows you were close to it and invites the technical probe
    you prepared."""
    from storybank.professions import pack_for

    if ctx.technical and not ctx.story.technologies and not ctx.answer.technologies and ctx.answer.words:
        example = pack_for(ctx.story.profession or ctx.settings.profession).example("method")
        yield Hit(f"Name the systems, methods or tools you worked with ({example}) in "
                  "`technologies` and in the answer; unnamed work sounds like you were not close to it.")


@rule(code="SB402", name="technologies-not-mentioned", category=Category.TECHNICAL_DEPTH, severity=Severity.INFO,
      field="technologies")
def technologies_not_mentioned(ctx: StoryContext) -> Iterator[Hit]:
    """None of the technologies listed in the file comes up in the answer. The list helps you
    search the bank, but the interviewer hears only the answer; name the one that mattered at the point
    where it did the work."""
    from storybank.analysis.phrases import mentioned_names

    listed = [t for t in ctx.story.technologies if t.strip()]
    if not listed or not ctx.answer.words:
        return
    # Matched loosely: "Ansys" says "ANSYS Mechanical transient thermal", "KDE" a kernel density.
    if not mentioned_names(listed, ctx.story.answer_text()):
        yield Hit(f"None of {quote_list(listed)} is mentioned in the answer; name the one that "
                  "mattered where it did the work.")


@rule(code="SB403", name="shallow-mechanism", category=Category.TECHNICAL_DEPTH, severity=Severity.WARNING,
      field="action")
def shallow_mechanism(ctx: StoryContext) -> Iterator[Hit]:
    """A technical answer says what was done but not how it works: no sentence of cause and
    effect, few named methods, tools or rules in the action, and few of the field's mechanism
    words. Depth is what the technical probe tests first, and one line that says why it happened
    (or why your change worked) shows you understood the problem; names said only in the
    background, or a cause said only as "a mistake", are not that line. A question type that asks
    for reasons, such as a rubric answer saying why the rating rule applies, needs that line even
    though it is not technical. Answers too short to judge are left alone, and a spoken answer with
    no field chosen and no software in it gets this only as a note."""
    from storybank.analysis.signals import signals
    from storybank.professions import pack_for

    fashion = _fashion_only(ctx)
    if fashion:
        yield Hit(f"The choice is justified by what others do or a bare quality (\"{fashion}\"). Say "
                  "what your case needed, what you weighed it against, and why it won.", 0)
        return
    reasoned = any(q.reasoned for q in ctx.types)
    if not (ctx.technical or reasoned) or ctx.too_short_to_judge:
        return
    sig = _with_told_slip(ctx, signals(ctx))
    example = pack_for(ctx.story.profession or ctx.settings.profession).example("mechanism")
    if not ctx.technical:
        if not sig.causes and not _purpose_told(ctx):
            yield Hit("The answer says what you did but not why. Add one line that says why the "
                      f"rule applies, or why your choice was right ({example}).", 0)
        return
    if _plain_words_suffice(ctx, sig) or _deep_enough(sig):
        return
    # A spoken answer with no field chosen and no software in it: how the work worked is read from
    # every field's word lists, which cannot hold each field's way of saying it, in talk that has
    # no action part of its own. Over the spent sets this warned 29 praised answers and 3 criticised
    # ones, none for their reason (round 21), so there it is a note. A story file (its action read
    # apart), a software answer and a chosen profession's answer are still warned.
    unread = ctx.from_answer and not sig.software and not (ctx.story.profession or ctx.settings.profession)
    yield Hit("The action stays at the surface. Add one line of mechanism that says why it "
              f"happened or why your change worked ({example}).", len(set(sig.mechanism)),
              severity=Severity.INFO if unread else None)


def _purpose_told(ctx: StoryContext) -> bool:
    """A spoken answer to a question that asks for reasons (a rubric, a rule, what you would do)
    that says what each step is for ("I would gather information to ensure I fully understand the
    situation", `purpose_links`) has said why it acts, in any field: round 20 read this branch
    warning 8 praised answers over twenty spent sets and no criticised one. A story file keeps its
    reason in its own line of cause and effect."""
    from storybank.analysis.lexicon import phrase_set, words

    return ctx.from_answer and phrase_set(words("purpose_links")).search(ctx.answer.norm) is not None


def _fashion_only(ctx: StoryContext) -> str | None:
    """A spoken answer that names a tool and gives as its whole reason what others do or a bare
    quality (`fashion_reasons`: "industry standard", "everyone uses it", "because it's fast"),
    with nothing weighed against it (`weighed_markers`: "instead of", "compared", "trade-off"):
    "Kafka is industry standard for event streaming", "we used Redis because it's fast". Told
    however short: it is the answer a deep-dive probe rejects. "We chose Kafka over SQS because
    replay mattered, though it is the industry standard too" weighs it."""
    from storybank.analysis.lexicon import phrase_set, words

    norm = ctx.answer.norm
    if not ctx.from_answer or not ctx.answer.technologies:
        return None
    found = phrase_set(words("fashion_reasons")).search(norm)
    if found is None or phrase_set(words("weighed_markers")).search(norm) is not None:
        return None
    return found


def _with_told_slip(ctx: StoryContext, sig: Signals) -> Signals:
    """"I shipped the migration without locking the table; it timed out" is a line of cause and
    effect told as what the speaker did, with no "because" in it. (Only where the mechanism words
    are read, in software: "an error in my spreadsheet made it too high" names none.)"""
    from storybank.analysis.signals import self_caused

    if not sig.causes and sig.software and self_caused(ctx.story.answer_text()):
        return replace(sig, causes=["what the speaker did, and what it caused"])
    return _with_means(ctx, sig)


def _with_means(ctx: StoryContext, sig: Signals) -> Signals:
    """In a spoken answer, the means said as "by doing" ("reduced documentation gaps 32% by
    coaching peers on checklist completion", "managed five patients by monitoring cardiac
    rhythms") tells how the work worked in any field, as a "because" does. A story file states
    its mechanism in its action and its prepared technical probe."""
    from storybank.analysis.signals import method_steps

    if sig.causes or not ctx.from_answer:
        return sig
    means, _steps = method_steps(ctx.story.answer_text())
    return replace(sig, causes=["the means, said as what was done by doing what"]) if means else sig


def _plain_words_suffice(ctx: StoryContext, sig: Signals) -> bool:
    """A story outside software that names no tools is not asked for named methods, which would
    only reward jargon. A type whose depth is software's alone (a disagreement between people)
    is not asked for mechanism at all; a story of no known field shows its depth with one line
    of cause and effect in plain words ("so I asked for a shared meeting"). A profession's story
    is still asked for its field's methods and mechanism words."""
    from storybank.analysis.signals import self_caused

    if sig.software or any(t.strip() for t in ctx.story.technologies):
        return False
    if ctx.types and all(q.depth_in_software_only for q in ctx.types) and not ctx.answer.technologies:
        return True
    if ctx.story.profession or ctx.settings.profession:
        return False
    # A spoken answer's parts are the judge's guess: its cause counts wherever it is said.
    told = ctx.story.answer_text() if ctx.from_answer else ctx.story.part("action")
    return _told_cause(ctx) or self_caused(told) is not None or bool(sig.causes and ctx.from_answer)


def _deep_enough(sig: Signals) -> bool:
    """Depth in any field: a cause-and-effect sentence with named methods or the field's
    mechanism words, or the method told in the action with its named tools and rules. Names said
    only in the background or the result do not show how the work was done."""
    found = set(sig.mechanism)
    if sig.named_in_action >= NAMED_ENOUGH or len(found) >= MECHANISM_ENOUGH:
        return True
    return bool(sig.causes) and (len(sig.named) >= 2 or len(found) >= MECHANISM_MIN)


def _told_cause(ctx: StoryContext) -> bool:
    """A cause-and-effect link in the action, where the work is told: a "because" said only in
    the background, or a result that explains itself, does not show how the work was done."""
    from storybank.analysis.signals import cause_links

    return bool(cause_links(ctx.answer.norm if ctx.from_answer else ctx.parts["action"].norm))

