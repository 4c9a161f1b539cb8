"""Self-serving motives and insults in plain words (issue 22, round 11), each read over the
lexicon's word classes (data/lexicon.toml, the "round 11" section), not fixed sentences:

- the least work wanted: a word of ease, within two words something the work costs, then the
  job or "possible" ("the least amount of time possible", "a less stressful job"), or the work
  left out ("without having to actually do anything");
- a perk wanted: a verb of wanting and, a word away at most, a perk ("I just wanted travel
  benefits", "just for the benefits");
- an insult said of someone: a form of "to be", a softener or none, and an insult noun ("my
  manager is a jerk", "all managers are jerks"), read by signals.blame with the person it is said
  of; and the fault owned by exception ("it was nobody's fault but mine"), which blames no one;
- a virtue owned as the fault: "I" and "am", up to two softeners, "too" and a virtue ("I'm too
  honest for my own good", "I think I'm too good at my job"): a strength told as the weakness.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.analysis.lexicon import Span, gap, normalise, spans
from storybank.analysis.lexicon import alternation as _alternation

EASE_REACH = 2    # words between the word of ease and what the work costs: "least amount of time"
PERK_REACH = 1    # words between wanting and the perk: "just for the benefits"
IDLE_REACH = 1    # words between "without having to" and the work left out: "actually do anything"


@lru_cache(maxsize=1)
def _least_work() -> re.Pattern[str]:
    ease, costs, ends = (_alternation(n) for n in ("ease_words", "work_costs", "easy_job_ends"))
    idle_lead, idle = _alternation("idle_leads"), _alternation("idle_objects")
    # "in the least time possible" is how fast a thing was done, not the work wanted.
    return re.compile(rf"\b(?:(?<!\bin the )(?<!\bin )(?:{ease}){gap(EASE_REACH)}\s+(?:{costs})\s+(?:{ends})|"
                      rf"(?:{idle_lead}){gap(IDLE_REACH)}\s+(?:{idle}))\b")


@lru_cache(maxsize=1)
def _perk_wanted() -> re.Pattern[str]:
    wants, perks = _alternation("want_words"), _alternation("perk_nouns")
    return re.compile(rf"\b(?:{wants}){gap(PERK_REACH)}\s+(?:{perks})\b")


@lru_cache(maxsize=1)
def _pay_as_reason() -> re.Pattern[str]:
    """Round 13: the pay given as the reason, "because of the wages", with no verb of wanting."""
    leads, pay = _alternation("reason_leads"), _alternation("pay_nouns")
    return re.compile(rf"\b(?:{leads})\s+(?:the\s+|my\s+)?(?:{pay})\b")



@lru_cache(maxsize=1)
def _main_reason() -> re.Pattern[str]:
    markers, gains = _alternation("main_reason_markers"), _alternation("main_reason_gains")
    return re.compile(rf"\b(?:{markers})\b[\s,]+(?:(?:for me|to be honest|honestly|really|it's|it is|is|was|"
                      rf"would be)[\s,]+)*(?:the\s+|my\s+)?(?:{gains})\b")


def main_motive(low: str) -> str | None:
    """What the job gives the speaker, said as the main reason: "mainly it's the location", "the
    main thing is the pay" (round 30). "Mainly the patients I'd be working with" is about the
    work, and "the pay is fine, but mainly it's the ward" names no gain."""
    found = _main_reason().search(low)
    return found.group(0) if found else None


def least_work_or_perks(low: str, besides: list[Span] | None = None) -> list[Span]:
    """Spans of `low` (normalised) that want the least work or a perk of the job: "the least
    amount of time possible", "a less stressful job", "without having to actually do anything",
    "I just wanted travel benefits". "It took less time than the old process" wants no job, and
    "the benefits of adopting a different solution" are wanted by no one. A span overlapping one
    of `besides` (found already by another list) is left out, so nothing is counted twice."""
    found = [*_least_work().finditer(low), *_perk_wanted().finditer(low), *_pay_as_reason().finditer(low)]
    return spans(found, besides or ())


@lru_cache(maxsize=1)
def _insult() -> re.Pattern[str]:
    softeners, insults = _alternation("insult_softeners"), _alternation("insult_nouns")
    return re.compile(rf"\b(?:is|was|are|were|'s)\s+(?:(?:{softeners})\s+)?(?:{insults})\b")


def insults(norm: str) -> list[Span]:
    """Spans of `norm` that call someone a name ("is a jerk", "are jerks", "was a total idiot").
    Who it is said of is for the caller: "I was a jerk about it" owns it."""
    return spans(_insult().finditer(norm))


OWNED_REACH = 2  # words between a fault and the speaker named as its one exception: "fault but mine"


@lru_cache(maxsize=1)
def _owned() -> re.Pattern[str]:
    return re.compile(rf"{gap(OWNED_REACH)}\s+(?:{_alternation('own_exceptions')})\b")


def owned_after(norm: str, end: int) -> bool:
    """Does the speaker name themselves as the one exception right after a fault said at `end`
    ("nobody's fault but mine", "no one to blame except myself")? "Their fault, but my manager
    disagreed" names someone else."""
    return _owned().match(norm, end) is not None


TOO_REACH = 2  # softeners between "I'm" and "too": "I'm perhaps too committed", "I'm just too"


@lru_cache(maxsize=1)
def _too_virtuous() -> re.Pattern[str]:
    return re.compile(rf"\bi(?:'m|\s+am){gap(TOO_REACH)}\s+too\s+(?:{_alternation('too_virtues')})\b")


def too_virtuous(text: str) -> str | None:
    """The words, when the speaker calls themselves too much of a virtue ("I'm too honest for my
    own good"). "I was too dogmatic and inflexible" owns a real fault, and "the team was too
    honest" is not the speaker."""
    found = _too_virtuous().search(normalise(text))
    return found.group(0) if found else None
