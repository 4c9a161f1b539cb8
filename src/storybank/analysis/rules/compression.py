"""Compression: landing the answer inside the window, without filler."""

from __future__ import annotations

from storybank.analysis.rules.registry import Hit, fmt_seconds, quote_list, rule

FILLER_WARN = 5.0  # per 100 words: the usual coaching threshold
FILLER_INFO = 2.5
HEDGE_WARN = 3.0


@rule("SB501", "answer-over-limit", "compression", "error", "action",
      "The main answer runs past the hard limit.")
def answer_over_limit(ctx):
    limit = ctx.settings.answer_limit_seconds
    if ctx.answer_seconds > limit:
        yield Hit(f"Spoken, the answer takes about {fmt_seconds(ctx.answer_seconds, 'up')}, past the "
                  f"{fmt_seconds(limit)} limit. Cut the situation to two sentences and move detail "
                  "into the follow-ups.", round(ctx.answer_seconds, 1))


@rule("SB502", "answer-over-window", "compression", "warning", "action",
      "The main answer is longer than the answer window.")
def answer_over_window(ctx):
    high = ctx.settings.answer_seconds[1]
    if high < ctx.answer_seconds <= ctx.settings.answer_limit_seconds:
        yield Hit(f"About {fmt_seconds(ctx.answer_seconds, 'up')} spoken, over the {fmt_seconds(high)} "
                  "target; trim until it lands inside the window.", round(ctx.answer_seconds, 1))


@rule("SB503", "answer-too-short", "compression", "warning", "action",
      "The main answer is shorter than the answer window.")
def answer_too_short(ctx):
    low = ctx.settings.answer_seconds[0]
    seconds = ctx.answer_seconds
    if 0 < seconds < low:
        severity = None if seconds < 0.75 * low else "info"
        yield Hit(f"About {fmt_seconds(seconds, 'down')} spoken, under the {fmt_seconds(low)} window: add the "
                  "numbers and the one decision that made the difference.", round(seconds, 1),
                  severity=severity)


@rule("SB504", "filler-heavy", "compression", "warning", "action",
      "Filler words eat the answer's time.")
def filler_heavy(ctx):
    rate = ctx.answer.per_100(len(ctx.answer.fillers))
    if rate >= FILLER_INFO and len(ctx.answer.fillers) >= 3:
        severity = None if rate >= FILLER_WARN else "info"
        yield Hit(f"{rate:.1f} filler words per 100 ({quote_list(ctx.answer.fillers)}); under "
                  f"{FILLER_INFO:g} reads as fluent. Cut them from the text so you stop rehearsing them.",
                  round(rate, 1), severity=severity)


@rule("SB505", "hedging", "compression", "warning", "action", "Hedges soften every claim.")
def hedging(ctx):
    rate = ctx.answer.per_100(len(ctx.answer.hedges))
    if rate >= HEDGE_WARN and len(ctx.answer.hedges) >= 3:
        yield Hit(f"{rate:.1f} hedges per 100 words ({quote_list(ctx.answer.hedges)}); state what "
                  "you know plainly and say what you do not know once.", round(rate, 1))


@rule("SB506", "long-sentences", "compression", "info", "action",
      "A sentence too long to say in one breath.")
def long_sentences(ctx):
    longest = ctx.longest_sentence
    if ctx.long_sentence:
        yield Hit(f"The longest sentence runs {longest} words; split it so each sentence carries "
                  "one fact.", longest)


@rule("SB507", "long-situation", "compression", "warning", "situation",
      "The situation takes the time the action needs.")
def long_situation(ctx):
    if ctx.long_situation:
        share = ctx.situation_share
        yield Hit(f"The situation is {share:.0%} of the answer; keep it to two or three sentences "
                  "and spend the time on what you did.", round(share, 2))


@rule("SB508", "followup-too-long", "compression", "warning", "followups",
      "A prepared follow-up answer runs past the follow-up window.")
def followup_too_long(ctx):
    high = ctx.settings.followup_seconds[1]
    for probe in ctx.followups_over_window:
        seconds = ctx.followup_seconds[probe]
        severity = None if seconds > 1.5 * high else "info"
        yield Hit(f"The `{probe}` follow-up takes about {fmt_seconds(seconds, 'up')}, over "
                  f"{fmt_seconds(high)}: go one layer deeper, do not retell the story.",
                  round(seconds, 1), field=f"followups.{probe}", severity=severity)
