"""Compression: landing the answer inside the window, without filler."""

from __future__ import annotations

from collections.abc import Iterator

from storybank.analysis.context import StoryContext
from storybank.analysis.rules.registry import Category, Hit, Severity, fmt_seconds, quote_list, rule
from storybank.zones import answer_seconds_shown

FILLER_WARN = 5.0  # per 100 words: the usual coaching threshold
FILLER_INFO = 2.5
HEDGE_WARN = 3.0


@rule(code="SB501", name="answer-over-limit", category=Category.COMPRESSION, severity=Severity.ERROR,
      field="action")
def answer_over_limit(ctx: StoryContext) -> Iterator[Hit]:
    """Spoken at your rate, the main answer runs past the hard limit (90 seconds unless the
    bank sets another). Past that point interviewers cut in and the follow-ups lose their time; move
    the detail into the prepared follow-ups."""
    limit = ctx.settings.answer_limit_seconds
    if ctx.answer_seconds > limit:
        yield Hit(f"Spoken, the answer takes about {answer_seconds_shown(ctx.answer_seconds, ctx.settings)} s, past the "
                  f"{fmt_seconds(limit)} limit. Cut the situation to two sentences and move detail "
                  "into the follow-ups.", round(ctx.answer_seconds, 1))


@rule(code="SB502", name="answer-over-window", category=Category.COMPRESSION, severity=Severity.WARNING,
      field="action")
def answer_over_window(ctx: StoryContext) -> Iterator[Hit]:
    """The main answer is longer than the target window (60 to 80 seconds unless the bank
    sets another) but still under the hard limit. A tighter answer leaves room for the probes, where
    most of the judgement happens."""
    high = ctx.settings.answer_seconds[1]
    if high < ctx.answer_seconds <= ctx.settings.answer_limit_seconds:
        yield Hit(f"About {answer_seconds_shown(ctx.answer_seconds, ctx.settings)} s spoken, over the {fmt_seconds(high)} "
                  "target; trim until it lands inside the window.", round(ctx.answer_seconds, 1))


@rule(code="SB503", name="answer-too-short", category=Category.COMPRESSION, severity=Severity.WARNING,
      field="action")
def answer_too_short(ctx: StoryContext) -> Iterator[Hit]:
    """The main answer is shorter than the target window. A very short answer usually leaves
    out the numbers or the decision that made the difference; one only slightly short is a hint."""
    low = ctx.settings.answer_seconds[0]
    seconds = ctx.answer_seconds
    if 0 < seconds < low:
        severity = None if seconds < 0.75 * low else Severity.INFO
        yield Hit(f"About {answer_seconds_shown(seconds, ctx.settings)} s spoken, under the {fmt_seconds(low)} window"
                  f"{_short_advice(ctx)}.", round(seconds, 1), severity=severity)


GENERAL_ADVICE = "add the numbers and the one decision that made the difference"


def _short_advice(ctx: StoryContext) -> str:
    """What a short answer should add, by what its question asks (round 18, issue 22): a reason
    for a motivation question, days and hours for a schedule; for a question that asks for a story
    (its evidence includes one time told, `an_example`), a spoken answer that is a bare claim and
    no example (in_part.a_bare_claim, as that evidence reads it) is told so first, whatever its
    field ("I introduced a triage system that cleared the backlog": one time it happened, what you
    did, what came of it). A story told, a story file, an answer to no known question, and a
    follow-up's answer (judged in the follow-up window) keep the general advice."""
    from storybank.analysis.in_part import a_bare_claim

    qtype = ctx.types[0] if ctx.types else None
    if qtype is None or not qtype.short_advice or ctx.followup_answer:
        return f": {GENERAL_ADVICE}"
    if "an_example" not in qtype.evidence:
        return f": {qtype.short_advice}"
    if ctx.from_answer and a_bare_claim(ctx.story.answer_text()):
        return f", and it tells no story yet. {qtype.short_advice[:1].upper()}{qtype.short_advice[1:]}"
    return f": {GENERAL_ADVICE}"


@rule(code="SB504", name="filler-heavy", category=Category.COMPRESSION, severity=Severity.WARNING,
      field="action")
def filler_heavy(ctx: StoryContext) -> Iterator[Hit]:
    """Filler words ("basically", "you know", "like") are frequent in the written answer.
    What you rehearse is what you say, so cutting them from the text cuts them from the delivery and
    gives their time back to facts."""
    rate = ctx.answer.per_100(len(ctx.answer.fillers))
    if rate >= FILLER_INFO and len(ctx.answer.fillers) >= 3:
        severity = None if rate >= FILLER_WARN else Severity.INFO
        yield Hit(f"{rate:.1f} filler words per 100 ({quote_list(ctx.answer.fillers)}); under "
                  f"{FILLER_INFO:g} reads as fluent. Cut them from the text so you stop rehearsing them.",
                  round(rate, 1), severity=severity)


@rule(code="SB505", name="hedging", category=Category.COMPRESSION, severity=Severity.WARNING,
      field="action")
def hedging(ctx: StoryContext) -> Iterator[Hit]:
    """Many hedges ("I think", "maybe", "kind of") soften the claims. A candid answer states
    what you know plainly and marks real uncertainty once, where it applies."""
    rate = ctx.answer.per_100(len(ctx.answer.hedges))
    if rate >= HEDGE_WARN and len(ctx.answer.hedges) >= 3:
        yield Hit(f"{rate:.1f} hedges per 100 words ({quote_list(ctx.answer.hedges)}); state what "
                  "you know plainly and say what you do not know once.", round(rate, 1))


@rule(code="SB506", name="long-sentences", category=Category.COMPRESSION, severity=Severity.INFO,
      field="action")
def long_sentences(ctx: StoryContext) -> Iterator[Hit]:
    """A sentence runs past 40 words. It cannot be said in one breath and the listener loses
    the thread; one fact per sentence is easier to say and to remember. The compression score uses the
    same limit."""
    longest = ctx.longest_sentence
    if ctx.long_sentence:
        yield Hit(f"The longest sentence runs {longest} words; split it so each sentence carries "
                  "one fact.", longest)


@rule(code="SB507", name="long-situation", category=Category.COMPRESSION, severity=Severity.WARNING,
      field="situation")
def long_situation(ctx: StoryContext) -> Iterator[Hit]:
    """The situation takes more than 40% of a full-length answer. Setting the scene is the part
    interviewers care least about; two or three sentences leave the time for what you did and what
    changed."""
    if ctx.long_situation:
        share = ctx.situation_share
        yield Hit(f"The situation is {share:.0%} of the answer; keep it to two or three sentences "
                  "and spend the time on what you did.", round(share, 2))


@rule(code="SB508", name="followup-too-long", category=Category.COMPRESSION, severity=Severity.WARNING,
      field="followups")
def followup_too_long(ctx: StoryContext) -> Iterator[Hit]:
    """A prepared follow-up runs past the follow-up window (60 seconds unless the bank sets
    another). A probe asks for one layer deeper, not for the story again, and a long reply takes time
    the next questions need."""
    high = ctx.settings.followup_seconds[1]
    for probe in ctx.followups_over_window:
        seconds = ctx.followup_seconds[probe]
        severity = None if seconds > 1.5 * high else Severity.INFO
        yield Hit(f"The `{probe}` follow-up takes about {fmt_seconds(seconds, 'up')}, over "
                  f"{fmt_seconds(high)}: go one layer deeper, do not retell the story.",
                  round(seconds, 1), field=f"followups.{probe}", severity=severity)


RESTARTS_WARN = 2  # restarts or stories jumped to before an answer loses its thread


@rule(code="SB509", name="restarts", category=Category.COMPRESSION, severity=Severity.WARNING,
      field="action")
def restarts(ctx: StoryContext) -> Iterator[Hit]:
    """The answer corrects itself, takes a detour before its point, or jumps to another story
    ("actually maybe 2020", "before I tell you about that", "oh and I should mention"). Each
    restart spends the window on something other than the one story, and the interviewer loses
    the thread; pick one story and open it with its point."""
    from storybank.analysis.lexicon import phrase_set
    from storybank.analysis.lexicon import words as lexicon_words

    found = phrase_set(lexicon_words("restart_markers")).findall(ctx.answer.norm)
    if len(found) >= RESTARTS_WARN:
        yield Hit(f"The answer restarts or changes story {len(found)} times ({quote_list(found)}). "
                  "Pick one story and open with its point; leave the history for a follow-up.",
                  len(found))
