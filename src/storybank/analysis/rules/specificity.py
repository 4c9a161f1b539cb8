"""Specificity: real numbers and names instead of adjectives."""

from __future__ import annotations

from storybank.analysis.rules.registry import Hit, quote_list, rule

VAGUE_WARN = 2


@rule("SB201", "outcome-without-numbers", "specificity", "warning", "outcome",
      "The outcome has no number.")
def outcome_without_numbers(ctx):
    outcome = ctx.parts["outcome"]
    if outcome.words and not outcome.numbers:
        severity = None if ctx.technical else "info"
        yield Hit("The outcome has no number. Say what changed, measured: a latency, a count, a "
                  "percentage, money or time saved.", 0, severity=severity)


@rule("SB202", "no-numbers", "specificity", "warning", "situation",
      "The spoken answer contains no numbers at all.")
def no_numbers(ctx):
    if ctx.answer.words >= 20 and not ctx.answer.numbers and ctx.parts["outcome"].words:
        severity = None if ctx.technical else "info"
        # SB201 already says it for the outcome; this one is about the whole answer.
        yield Hit("Nothing in the answer is a number. Put the scale and the result in the words you "
                  "will say: users, requests per second, hours, before and after.", 0,
                  severity=severity)


@rule("SB203", "vague-language", "specificity", "warning", "action",
      "Phrases that stand in for numbers or names.")
def vague_language(ctx):
    found = ctx.answer.vague
    if not found:
        return
    severity = None if len(found) >= VAGUE_WARN else "info"
    yield Hit(f"Vague phrases ({quote_list(found)}): replace each with the number or the name it "
              "stands for.", len(found), severity=severity)


@rule("SB204", "metrics-not-spoken", "specificity", "info", "metrics",
      "None of the metrics' numbers appear in the spoken answer.")
def metrics_not_spoken(ctx):
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
