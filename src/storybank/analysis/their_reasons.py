"""The other side's reason learned, in a spoken disagreement (issue 22, round 11), read over the
lexicon's word classes (data/lexicon.toml, the "round 11" section):

- the speaker learning it: one of `reason_learned_verbs`, "that" or nothing, and the other person
  ("I learned that he felt overwhelmed", "I discovered their main worry", "Knowing that his anger
  obviously stemmed from much more");
- the other person telling it: the other person, up to six words, and one of `disclosure_verbs`
  ("he was defensive at first but eventually confided in me", "She told me that she was a single
  mom").

Finding out why the other side acted as it did is how a disagreement between two people is
settled, as surely as data settles one about a design: an answer that tells it is not "ended
without a mechanism" (SB711).
"""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.analysis.lexicon import alternation as _alternation
from storybank.analysis.lexicon import normalise

DISCLOSURE_REACH = 6  # words between the other person and their telling: "he was defensive at first but eventually confided"
_OTHER = r"(?:he|she|they|his|her|their|him|them)"


@lru_cache(maxsize=1)
def _learned() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternation('reason_learned_verbs')})\s+(?:that\s+)?{_OTHER}\b")


@lru_cache(maxsize=1)
def _told() -> re.Pattern[str]:
    return re.compile(rf"\b{_OTHER}(?:\s+[\w'-]+){{0,{DISCLOSURE_REACH}}}?\s+(?:{_alternation('disclosure_verbs')})\b")


def their_reason_told(text: str) -> str | None:
    """The words, when the other person tells the speaker their side ("he eventually confided in
    me", "she told me that she was a single mom"): their side heard, which is fair to them.
    "I learned that they hadn't done the work" is the speaker's finding, and may be blame."""
    return _told_in(normalise(text))


def _told_in(norm: str) -> str | None:
    found = _told().search(norm)
    return found.group(0) if found else None


def their_reason_learned(text: str) -> str | None:
    """The words, when a spoken answer tells the other side's reason found out, by the speaker or
    told by them (see the module). "We talked it out and it was fine" finds out nothing, and "I
    realized that I was wrong" is the speaker's own."""
    norm = normalise(text)
    found = _learned().search(norm)
    return found.group(0) if found else _told_in(norm)
