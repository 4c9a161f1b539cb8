"""The four scores, 0-100, each with the reasons that moved it.

A score starts from a base and moves with measured evidence; every move is a reason such as
"+30: 6 numbers in the answer", so a user can see why a story scored 54 and what would raise it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from storybank.analysis.context import LONG_SENTENCE_WORDS, StoryContext
from storybank.analysis.types import Finding, Score, Severity
from storybank.zones import answer_seconds_shown

if TYPE_CHECKING:  # pragma: no cover
    from storybank.analysis.rules.registry import Rule

PITFALL_PENALTY = 25
TOO_SHORT_CAP = 30  # the most a score can be when the answer is too short to judge it


def _count(n: int, one: str, many: str) -> str:
    """`1 vague phrase`, `3 vague phrases`: a reason reads as a sentence."""
    return f"{n} {one if n == 1 else many}"


class _Tally:
    def __init__(self, name: str, base: int, why: str) -> None:
        self.name = name
        self.total = float(base)
        self.reasons: list[str] = [f"{base}: {why}"] if base else []

    def add(self, points: float, why: str) -> None:
        points = round(points)
        if points:
            self.total += points
            self.reasons.append(f"{points:+d}: {why}")

    def cap(self, ceiling: int, why: str) -> None:
        if self.total > ceiling:
            self.reasons.append(f"capped at {ceiling}: {why}")
            self.total = ceiling

    def score(self) -> Score:
        # Say so when the scale's ends clip the sum, so the reasons always add up to the score.
        self.cap(100, "the top of the scale")
        if self.total < 0:
            self.reasons.append("floored at 0: the bottom of the scale")
            self.total = 0
        return Score(self.name, int(round(self.total)), tuple(self.reasons))


def _penalties(tally: _Tally, findings: Sequence[Finding], rules: Mapping[str, Rule]) -> None:
    """A catalog pitfall that names a score dimension costs that score points when it fires."""
    for f in findings:
        rule = rules.get(f.code)
        if rule is not None and rule.dimension == tally.name and f.severity != Severity.INFO:
            tally.add(-PITFALL_PENALTY, f"pitfall {f.code} {f.name}")


def _close(t: _Tally, ctx: StoryContext, findings: Sequence[Finding], rules: Mapping[str, Rule],
           too_short: str = "") -> Score:
    """The score after the pitfall penalties, capped when the answer is too short to judge."""
    _penalties(t, findings, rules)
    if too_short and ctx.too_short_to_judge:
        t.cap(TOO_SHORT_CAP, f"the answer is too short {too_short}")
    return t.score()


# How many particulars, named things or decisions an answer should carry: the floor, up to an
# answer of floor x per words (or sentences, for decisions); beyond that, the floor grows with the
# square root of the length. A score measures the dimension, not the length: a 25-word answer
# with four particulars is as specific as a 100-word one with five, and a long answer has to
# carry more than a short one to score the same, though not in proportion.
WORDS_PER_PARTICULAR = 15
PARTICULARS_FLOOR = 3
WORDS_PER_MECHANISM = 25
MECHANISM_FLOOR = 2
SENTENCES_PER_DECISION = 3
DECISIONS_FLOOR = 2
BLAME_POINTS = 12
# How much of the "I" credit a spoken answer loses for each "I" that states, not acts (round 12).
STATE_WEIGHT = 0.5
TEAM_ONLY_POINTS = 10
NO_PART_POINTS = 25  # as much as a pitfall of the dimension costs
# The findings (by rule name) that say no one of the speaker's acts: the work told as the team's,
# or in the passive with no one doing it.
TEAM_ONLY_RULE = "we-instead-of-i"
NO_PART_RULES = frozenset({TEAM_ONLY_RULE, "no-one-acts"})


def _share(found: int, words: int, per: int, floor: int) -> float:
    """How much of what an answer of `words` words should carry it does carry, 0-1, rising
    steeply at first and flattening out: carrying what is expected gives 0.63, twice as much 0.86."""
    expected = max(floor, floor * math.sqrt(words / (per * floor)))
    return 1.0 - math.exp(-found / expected) if found else 0.0


def specificity(ctx: StoryContext, findings: Sequence[Finding], rules: Mapping[str, Rule]) -> Score:
    from storybank.analysis.signals import own_history_acts, particulars

    t = _Tally("specificity", 15, "base")
    found = len(particulars(ctx))
    # A thing the speaker says they did ("I did a practicum placement", "I joined the military")
    # is an event told, as particular as a date: a claim ("I'm passionate") is not.
    # Only in an answer long enough to judge: "I took a course" alone is a claim, not a story.
    acts = 0 if ctx.too_short_to_judge else len(own_history_acts(ctx.story.answer_text()))
    words = ctx.answer.words
    told = f" and {_count(acts, 'act', 'acts')} told" if acts else ""
    t.add(45 * _share(found + acts, words, WORDS_PER_PARTICULAR, PARTICULARS_FLOOR),
          f"{_count(found, 'particular', 'particulars')} (numbers, names, places, dates){told} "
          f"in {words} words")
    if ctx.story.metrics:
        t.add(10, "metrics recorded")
    if ctx.metric_change:
        t.add(10, "a before/after metric")
    if ctx.parts["outcome"].numbers:
        t.add(15, "the outcome is measured")
    vague = len(ctx.answer.vague)
    if vague:
        t.add(-min(30, 8 * vague), _count(vague, "vague phrase", "vague phrases"))
    if ctx.from_answer and any(f.name == TEAM_ONLY_RULE for f in findings):
        # Work told only as the team's names none of the speaker's own acts, the particulars an
        # interviewer asks for first ("we got so much done").
        t.add(-TEAM_ONLY_POINTS, "the work is told only as the team's")
    return _close(t, ctx, findings, rules, too_short="to be specific")


def ownership(ctx: StoryContext, findings: Sequence[Finding], rules: Mapping[str, Rule]) -> Score:
    t = _Tally("ownership", 30, "base")
    singular = ctx.parts["action"].singular + ctx.parts["outcome"].singular
    plural = (ctx.parts["action"].plural + ctx.parts["action"].team_mentions
              + ctx.parts["outcome"].plural)
    if singular + plural:
        share = singular / (singular + plural)
        credit = 40 * share - 10
        acting = _acting(ctx) if credit > 0 else 1.0
        said = f"\"I\" in {share:.0%} of first-person mentions in action and outcome"
        if acting < 1:
            said += f", {acting:.0%} of them doing something rather than feeling or wanting it"
        t.add(credit * (1 - STATE_WEIGHT * (1 - acting)), said)
    decisions = len(dict.fromkeys(ctx.answer.decisions))
    if decisions:
        t.add(20 * _share(decisions, ctx.answer.sentences, SENTENCES_PER_DECISION, DECISIONS_FLOOR),
              _count(decisions, "decision", "decisions") + " told in the first person"
              f" in {_count(ctx.answer.sentences, 'sentence', 'sentences')}")
    blamed = _blamed(ctx)
    if blamed:
        t.add(-BLAME_POINTS * blamed, f"the answer puts it on others {_count(blamed, 'time', 'times')}")
    if ctx.from_answer and any(f.name in NO_PART_RULES for f in findings):
        # A spoken answer in which no one of the speaker's acts (told as the team's, or in the
        # passive) shows no ownership whatever its "I" count in the parts the judge guessed. A
        # story file is judged on its action part by the we-instead-of-i rule, and keeps its score.
        t.add(-NO_PART_POINTS, "no part of the speaker's is told")
    if ctx.story.ownership.strip():
        t.add(15, "an ownership line")
    if ctx.followups["collaborators"].words:
        t.add(5, "the collaborators probe is prepared")
    return _close(t, ctx, findings, rules, too_short="to show ownership")


def asks_for_motive(ctx: StoryContext) -> bool:
    """The question asks why the speaker wants the work: there, a want or a feeling ("I'm
    attracted by", "because I believe I share your values") is the answer asked for, and the
    round 12 discounts on states and motives do not apply."""
    return any(q.id == "motivation" for q in ctx.types)


_SUBJECT = re.compile(r"\bi(?:'m|'ve|'d|'ll)?\b")


def _acting(ctx: StoryContext) -> float:
    """The share of the speaker's "I" in action and outcome that does something (round 12): a
    spoken "I" that states a feeling, a want or a condition ("I am looking for a new challenge",
    "I've always wanted to be a writer") owns no work. A story file keeps its whole credit."""
    if not ctx.from_answer:
        return 1.0
    norm = f"{ctx.parts['action'].norm}\n{ctx.parts['outcome'].norm}"
    subjects = len(_SUBJECT.findall(norm))
    return 1.0 - min(subjects, first_person_states(norm)) / subjects if subjects else 1.0


@lru_cache(maxsize=1)
def _state() -> re.Pattern[str]:
    from storybank.analysis.lexicon import alternation

    fillers, verbs = alternation("state_fillers"), alternation("speaker_states")
    return re.compile(rf"\bi(?:'m|'ve|'d)?(?:\s+(?:{fillers}))*\s+(?:{verbs})\b|\bi'm\b|\bi\s+am\b")


def first_person_states(norm: str) -> int:
    """How many times the speaker says a state of theirs, not an act: "I am looking for a new
    challenge", "I've always wanted", "I feel I can". "I traced the leak" is an act."""
    return len(_state().findall(norm))


def _blamed(ctx: StoryContext) -> int:
    """How many times (up to three) the answer puts it on someone else or hands them the call:
    "my manager never listened", "it was not my fault", "they are the one responsible"."""
    from storybank.analysis.signals import blame, deflection

    text = ctx.story.answer_text()
    _said, strength = blame(text, strict=True)
    return min(3, strength + (1 if deflection(text) else 0))


def technical_depth(ctx: StoryContext, findings: Sequence[Finding], rules: Mapping[str, Rule]) -> Score:
    from storybank.analysis.signals import mechanism_causes, method_steps, signals

    t = _Tally("technical_depth", 10, "base")
    sig = signals(ctx)
    # Round 12: a spoken reason that is the speaker's own motive ("because I need the money") is
    # no mechanism; the findings still read every cause link (sig.causes).
    spoken = ctx.from_answer and not asks_for_motive(ctx)
    causes = len(mechanism_causes(ctx.answer.norm)) if spoken else len(sig.causes)
    named, mechanism = len(sig.named), len(sig.mechanism)
    methods, steps = method_steps(ctx.story.answer_text())
    found = named + mechanism + causes + methods + min(3, steps)
    said = [_count(named, "named method, tool or rule", "named methods, tools or rules"),
            _count(causes, "cause-and-effect link", "cause-and-effect links")]
    if mechanism:
        said.append(_count(mechanism, "mechanism term", "mechanism terms"))
    if methods or steps:
        said.append(_count(methods + min(3, steps), "step or means", "steps or means"))
    t.add(60 * _share(found, ctx.answer.words, WORDS_PER_MECHANISM, MECHANISM_FLOOR),
          ", ".join(said) + f" in {ctx.answer.words} words")
    technical = ctx.followups["technical"].words
    if technical:
        t.add(min(20, technical / 4), "the technical probe is prepared")
    if ctx.followups["alternatives"].words:
        t.add(min(10, ctx.followups["alternatives"].words / 8), "alternatives are prepared")
    if ctx.metric_change:
        t.add(5, "a measured change")
    reasons = _purposes(ctx)
    if reasons:
        t.add(PURPOSE_POINTS * _share(reasons, ctx.answer.words, WORDS_PER_MECHANISM, MECHANISM_FLOOR),
              _count(reasons, "purpose or piece of evidence", "purposes or pieces of evidence")
              + " given for what was done")
    return _close(t, ctx, findings, rules, too_short="to show depth")


PURPOSE_POINTS = 20


def _purposes(ctx: StoryContext) -> int:
    """How the work was meant to work, in any field: what each act was for ("in order to
    explain how we work", "to ensure better time estimation") and the evidence brought to a
    question ("I presented market research data"), in a spoken answer long enough to judge. A
    story file shows its depth in its fields and its prepared technical probe, scored above; a
    purpose clause there ("to ensure compliance") would lift a weak twin as much as a strong one."""
    from storybank.analysis.evidence import brought_evidence
    from storybank.analysis.lexicon import phrase_set
    from storybank.analysis.lexicon import words as _words

    if ctx.too_short_to_judge or not ctx.from_answer:
        return 0
    found = len(phrase_set(_words("purpose_links")).findall(ctx.answer.norm))
    return found + (1 if brought_evidence(ctx.story.answer_text()) else 0)


def compression(ctx: StoryContext, findings: Sequence[Finding], rules: Mapping[str, Rule]) -> Score:
    t = _Tally("compression", 100, "full marks, less what makes it long or wordy")
    if not ctx.answer.words:
        return Score("compression", 0, ("0: nothing to say yet",))
    low, high = ctx.settings.answer_seconds
    limit = ctx.settings.answer_limit_seconds
    seconds = ctx.answer_seconds
    shown = answer_seconds_shown(seconds, ctx.settings)
    if seconds > high:
        t.add(-min(60, 1.5 * (seconds - high)), f"{shown} s spoken, over the {high:g} s target")
    if seconds > limit:
        t.add(-15, f"past the {limit:g} s limit")
    if seconds < low:
        t.add(-min(40, (low - seconds)), f"{shown} s spoken, under the {low:g} s window")
    fillers = ctx.answer.per_100(len(ctx.answer.fillers))
    if fillers > 1:
        t.add(-min(40, 6 * (fillers - 1)), f"{fillers:.1f} fillers per 100 words")
    hedges = ctx.answer.per_100(len(ctx.answer.hedges))
    if hedges > 1:
        t.add(-min(20, 4 * (hedges - 1)), f"{hedges:.1f} hedges per 100 words")
    if ctx.long_sentence:
        longest = ctx.longest_sentence
        t.add(-min(15, longest - LONG_SENTENCE_WORDS), f"a {longest}-word sentence")
    if ctx.long_situation:
        t.add(-10, "a long situation")
    fhigh = ctx.settings.followup_seconds[1]
    over = ctx.followups_over_window
    if over:
        t.add(-5 * len(over), f"{len(over)} follow-ups over {fhigh:g} s")
    return _close(t, ctx, findings, rules)


def compute_scores(ctx: StoryContext, findings: Sequence[Finding],
                   rules: Mapping[str, Rule]) -> dict[str, Score]:
    """The four scores; `rules` (by code) says which findings cost which score."""
    return {s.name: s for s in (specificity(ctx, findings, rules), ownership(ctx, findings, rules),
                                technical_depth(ctx, findings, rules), compression(ctx, findings, rules))}
