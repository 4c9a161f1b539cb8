"""Specificity: real numbers and names instead of adjectives."""

from __future__ import annotations

from collections.abc import Iterator

from storybank.analysis.context import StoryContext
from storybank.analysis.rules.registry import Category, Hit, Severity, quote_list, rule

VAGUE_WARN = 2


def _numbers_expected(ctx: StoryContext) -> bool:
    """A missing number is a warning in a technical story, and only a hint otherwise. A spoken
    answer outside software (a nurse's dosing slip, a teacher's wrong method) is judged by what
    was done and changed, which its sources praise without a figure."""
    from storybank.analysis.signals import software_context

    return ctx.technical and (not ctx.from_answer or software_context(ctx))


def _numbers(ctx: StoryContext) -> str:
    """The numbers this field counts (data/professions.toml): a translator is not told to say a
    latency or requests per second."""
    from storybank.professions import pack_for

    return pack_for(ctx.story.profession or ctx.settings.profession).example("numbers")


@rule(code="SB201", name="outcome-without-numbers", category=Category.SPECIFICITY, severity=Severity.WARNING,
      field="outcome")
def outcome_without_numbers(ctx: StoryContext) -> Iterator[Hit]:
    """The outcome contains no number. Interviewers judge impact by what changed and by how
    much, and a measured result is the part of an answer they remember and probe. For question types
    that are not technical this is only a hint."""
    outcome = ctx.parts["outcome"]
    if outcome.words and not outcome.numbers:
        severity = None if _numbers_expected(ctx) else Severity.INFO
        yield Hit(f"The outcome has no number. Say what changed, measured: {_numbers(ctx)}.", 0,
                  severity=severity)


@rule(code="SB202", name="no-numbers", category=Category.SPECIFICITY, severity=Severity.WARNING,
      field="situation")
def no_numbers(ctx: StoryContext) -> Iterator[Hit]:
    """Nothing in the spoken answer is a number. Scale and results said out loud (users,
    requests per second, hours, money) make a story concrete and believable; numbers kept only in the
    metrics are never heard."""
    if ctx.answer.words >= 20 and not ctx.answer.numbers and ctx.parts["outcome"].words:
        severity = None if _numbers_expected(ctx) else Severity.INFO
        # SB201 already says it for the outcome; this one is about the whole answer.
        yield Hit("Nothing in the answer is a number. Put the scale and the result in the words you "
                  f"will say: {_numbers(ctx)}.", 0, severity=severity)


@rule(code="SB203", name="vague-language", category=Category.SPECIFICITY, severity=Severity.WARNING,
      field="action")
def vague_language(ctx: StoryContext) -> Iterator[Hit]:
    """The answer uses phrases that stand in for facts, such as "significantly faster" or "a
    lot of users". Each one invites the question "how much, exactly?"; replace it with the number or
    the name it hides."""
    # One phrase inside another is said once: "a lot of" also holds "a lot", and "I learned a lot
    # of it" is one vague phrase, not two (round 9: praised answers warned for that alone).
    found = [p for p in ctx.answer.vague
             if not any(p != q and f" {p} " in f" {q} " for q in ctx.answer.vague)]
    if not found:
        yield from _unbacked_claim(ctx)
        return
    severity = None if len(found) >= VAGUE_WARN else Severity.INFO
    yield Hit(f"Vague phrases ({quote_list(found)}): replace each with the number or the name it "
              "stands for.", len(found), severity=severity)


CLAIM_WORDS = 20  # a spoken answer this long or longer is judged by its parts, not as one claim


def _unbacked_claim(ctx: StoryContext) -> Iterator[Hit]:
    """Round 13 (issue 22): a short spoken answer to a question of no known type that only
    describes the speaker ("I'm a great collaborator", "I always get my work done on time") stands
    where an example should be, as a vague phrase does where a number should."""
    if not ctx.from_answer or ctx.types or ctx.answer.words >= CLAIM_WORDS:
        return
    from storybank.analysis.self_claims import unbacked_claim

    claim = unbacked_claim(ctx.story.answer_text())
    if claim:
        yield Hit(f"The answer describes you (\"{claim}\") but gives no time it was true. Back it "
                  "with one example: when it was, what you did, and what came of it.", claim)


@rule(code="SB204", name="metrics-not-spoken", category=Category.SPECIFICITY, severity=Severity.INFO,
      field="metrics")
def metrics_not_spoken(ctx: StoryContext) -> Iterator[Hit]:
    """None of the numbers recorded in `[[metrics]]` appears in the answer text. A metric is
    the figure you want the interviewer to leave with, so it has to be said, not only written down."""
    if not ctx.story.metrics or not ctx.answer.words:
        return
    import re

    text = ctx.story.answer_text().replace(",", "")
    spoken = set(re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?![\d]|\.\d)", text))
    for metric in ctx.story.metrics:
        for number in (metric.value, metric.before, metric.after):
            if number is None:
                continue
            plain = f"{number:g}" if isinstance(number, float) else str(number)
            if plain in spoken:
                return
            if isinstance(number, int | float) and abs(number) >= 1000:
                return  # "3M", "1.2k" and friends: too many spoken forms to check
    yield Hit("The metrics never come up in the answer itself; say the key number out loud in "
              "the outcome.")
