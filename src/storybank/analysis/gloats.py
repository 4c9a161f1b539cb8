"""The speaker's own rightness claimed in a disagreement (issue 22, round 18), read over the
lexicon's word classes (data/lexicon.toml, the "round 18" section): the disagreement told as won
("I was clearly right and eventually they had to admit it", "so I was right") or the other side's
call judged wrong by what the speaker knew ("I knew the direction was wrong"). The published
sources fault it as gloating and as casting the other side as wrong: the answer gives no room to
their view, which is what SB712 asks for.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from storybank.analysis.lexicon import alternation, gap, normalise, words

ACT_REACH = 3     # words between the judgement's link and the check: "so I immediately called"
BELIEF_REACH = 2  # words between a belief and the claim it holds: "I thought for a while I was right"
KNEW_REACH = 4    # words between "I knew" and its verdict: "I knew the new direction was wrong"


@lru_cache(maxsize=1)
def _claim() -> re.Pattern[str]:
    # "I was right there", "I was right in the middle of": a place or a time, no claim.
    return re.compile(rf"\b(?:{alternation('right_claims')})\b(?!(?<=right)\s+(?:{alternation('right_places')})\b)")


@lru_cache(maxsize=1)
def _knew_wrong() -> re.Pattern[str]:
    # "I knew" and the other side's call judged wrong; "I knew I was wrong" is the speaker's own.
    return re.compile(rf"\bi knew\s+(?P<known>(?!i\b|i'd\b|i'm\b|my\b|we\b|our\b)[\w'-]+{gap(KNEW_REACH - 1)})\s+"
                      rf"(?:{alternation('knew_wrong_ends')})\b")


def _a_fault_noticed(known: str) -> bool:
    """Is what the speaker knew to be wrong a fault noticed, not the other side's call judged:
    "something" ("I knew something was wrong with his breathing"), "exactly what"?"""
    said = known.split()
    return not set(said).isdisjoint(words("knew_unknowns")) or said[-1] in words("knew_questions")


@lru_cache(maxsize=1)
def _acted_on() -> re.Pattern[str]:
    # What the speaker then did to check or raise it, at the start of what follows the verdict:
    # ", so I called the prescriber", "and held the dose", ". I paged the registrar".
    return re.compile(rf"^\s*(?:[,;.]\s*)?(?:(?:{alternation('knew_links')})\s+)?(?:i\s+)?"
                      rf"(?:[\w'-]+\s+){{0,{ACT_REACH - 1}}}?(?:{alternation('knew_checks')})\b")


def _judgement_acted_on(after: str) -> bool:
    """Is the wrong the speaker knew acted on at once by checking or raising it ("I knew the dose
    was wrong, so I called the prescriber", "… and held it until pharmacy confirmed")? That is
    professional judgement told plainly, not a disagreement told as won: the other side is asked,
    not judged. "I knew the direction was wrong." and "… so I did it my way" act on nothing."""
    return _acted_on().search(after) is not None


# "had to admit it" with the speaker as its subject is their own admission: "I had to admit it:
# her design handled the edge cases better", "we both had to admit it".
_SPEAKER_ADMITS = re.compile(r"\b(?:i|we)\s+(?:[\w'-]+\s+)?$")


@lru_cache(maxsize=1)
def _belief() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation('right_beliefs')}){gap(BELIEF_REACH)}\s*$")


_SENTENCE_END = re.compile(r"[.!?;]")
# The speaker's own error owned in the same sentence: "I was right about our load and wrong that
# PostgreSQL would win outright" weighs both sides, and gloats over neither.
_OWN_WRONG = re.compile(r"\b(?:and|but)\s+(?:i\s+was\s+)?wrong\b|\bi\s+was\s+wrong\b")


def claims_right(text: str) -> str | None:
    """What the answer says to claim the speaker was right and the other side wrong: "i was
    clearly right", "i knew the direction was wrong"; None when the rightness is a belief the story
    tests ("I thought I was right, so I asked for her data") or the wrong is the speaker's own, in
    the same sentence ("I was right about our load and wrong that PostgreSQL would win"), and when
    nothing is claimed at all: "right" of place ("I was right there"), the speaker's own admission
    ("I had to admit it: her design was better"), a fault noticed ("I knew something was wrong"),
    a wrong the speaker knew and at once checked or raised ("I knew the dose was wrong, so I called
    the prescriber")."""
    low = normalise(text)
    # Sentence ends and the speaker's own wrongs, found once: a long text is read in linear time.
    ends = [m.start() for m in _SENTENCE_END.finditer(low)]
    owned = [m.start() for m in _OWN_WRONG.finditer(low)]
    for found in _claim().finditer(low):
        end_at = bisect.bisect_left(ends, found.end())
        end = ends[end_at] if end_at < len(ends) else len(low)
        own_at = bisect.bisect_left(owned, found.end())
        owns_wrong = own_at < len(owned) and owned[own_at] < end
        before = low[max(0, found.start() - 40):found.start()]
        if _belief().search(before) or owns_wrong \
                or (found.group(0).startswith("had to admit") and _SPEAKER_ADMITS.search(before)):
            continue
        return found.group(0)
    knew = next((m for m in _knew_wrong().finditer(low)
                 if not _a_fault_noticed(m.group("known")) and not _judgement_acted_on(low[m.end():])),
                None)
    return knew.group(0) if knew else None


def wrong_raised(text: str) -> str | None:
    """A wrong the speaker knew and at once checked or raised with someone ("I knew the dose was
    wrong, so I called the prescriber", "… I paged the registrar"): the escalation that settles a
    disagreement over an order, a filing or a reading, told as the speaker's own act (round 20,
    SB711). None for a verdict acted on by no one ("I knew the direction was wrong.")."""
    low = normalise(text)
    knew = next((m for m in _knew_wrong().finditer(low)
                 if not _a_fault_noticed(m.group("known")) and _judgement_acted_on(low[m.end():])),
                None)
    return knew.group(0) if knew else None
