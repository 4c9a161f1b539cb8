"""The speaker's own rightness claimed in a disagreement (issue 22, round 18), read over the
lexicon's word classes (data/lexicon.toml, the "round 18" section): the disagreement told as won
("I was clearly right and eventually they had to admit it", "so I was right") or the other side's
call judged wrong by what the speaker knew ("I knew the direction was wrong"). The published
sources fault it as gloating and as casting the other side as wrong: the answer gives no room to
their view, which is what SB712 asks for.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.analysis.lexicon import alternation, gap, normalise

BELIEF_REACH = 2  # words between a belief and the claim it holds: "I thought for a while I was right"
KNEW_REACH = 4    # words between "I knew" and its verdict: "I knew the new direction was wrong"


@lru_cache(maxsize=1)
def _claim() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation('right_claims')})\b")


@lru_cache(maxsize=1)
def _knew_wrong() -> re.Pattern[str]:
    # "I knew" and the other side's call judged wrong; "I knew I was wrong" is the speaker's own.
    return re.compile(rf"\bi knew\s+(?!i\b|i'd\b|i'm\b|my\b|we\b|our\b)[\w'-]+{gap(KNEW_REACH - 1)}\s+"
                      rf"(?:{alternation('knew_wrong_ends')})\b")


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
    the same sentence ("I was right about our load and wrong that PostgreSQL would win")."""
    low = normalise(text)
    for found in _claim().finditer(low):
        rest = _SENTENCE_END.split(low[found.end():], maxsplit=1)[0]
        if _belief().search(low[max(0, found.start() - 40):found.start()]) or _OWN_WRONG.search(rest):
            continue
        return found.group(0)
    knew = _knew_wrong().search(low)
    return knew.group(0) if knew else None
