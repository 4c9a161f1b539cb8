"""A claim about the speaker with nothing to back it (issue 22, round 13), read over the lexicon's
word classes (data/lexicon.toml, the "round 13" section): the answer opens on the speaker ("I'm a
great collaborator", "I always get my work done on time", "I just follow the rules") or on what
others make of them ("My colleagues seem to like me"), and tells no act, no occasion and no name
that would make it an example. Interviewers hear an adjective where they asked for evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.analysis.lexicon import alternation as _alternation

# A capitalised word inside a sentence is a name ("talking about Sally", "close to Bloomingdales"):
# something particular was said. An answer typed in title case ("I Don't Have Any Weaknesses")
# names nothing by it, so a name counts only where most words are lower case.
_INNER_CAPITAL = re.compile(r"(?<=[a-z,;:]\s)[A-Z][a-z]+")
TITLE_CASE_SHARE = 0.5


@lru_cache(maxsize=1)
def _opens_on_speaker() -> re.Pattern[str]:
    fillers, others = _alternation("claim_interjections"), _alternation("claim_by_others")
    return re.compile(rf"^\s*(?:(?:{fillers})[,.!?]*\s+)?(?:i\b|i'm\b|my\s+(?:[\w'-]+\s+)?(?:{others})\b)")


def _names_something(text: str) -> bool:
    words = text.split()
    capitals = sum(1 for w in words if w[:1].isupper())
    return capitals <= TITLE_CASE_SHARE * len(words) and bool(_INNER_CAPITAL.search(text))


def unbacked_claim(text: str) -> str | None:
    """The answer's first sentence when the whole answer is a claim about the speaker with no
    example behind it; None when it tells something they did ("So I joined Toastmasters"), opens
    an occasion, names someone or something, or opens on anything but the speaker."""
    from storybank.analysis.signals import acted, opens_an_occasion

    plain = text.replace("\u2019", "'").strip()
    if not _opens_on_speaker().search(plain.lower()) or _names_something(plain):
        return None
    if acted(plain) or opens_an_occasion(plain):
        return None
    return re.split(r"(?<=[.!?])\s", plain, maxsplit=1)[0].rstrip(".!?")
