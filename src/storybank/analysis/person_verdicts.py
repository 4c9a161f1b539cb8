"""Verdicts on people and their shortfalls in plain words (issue 22, round 12), read over the
lexicon's word classes (data/lexicon.toml, the "round 12" section), not fixed sentences:

- a verdict: a form of "to be", up to two degree words and a verdict word ("was the worst",
  "was disorganized and difficult to work with"), or "made", an article and a bad choice ("made
  a terrible decision");
- a shortfall: a past negation, a verb and, within two words, "enough" or "their weight"
  ("didn't pull their weight", "didn't give us enough leads").

Who it is said of is for the caller (signals.blame pairs each span with a person, or a function
such as "marketing", in its clause; "I didn't give it enough time" is the speaker's own).
"""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.analysis.lexicon import Span, gap, spans
from storybank.analysis.lexicon import alternation as _alternation

DEGREE_REACH = 2     # degree words between "was" and the verdict: "was just the worst"
SHORTFALL_REACH = 2  # words between the verb and its end: "give us enough", "pull their weight"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """The verdict, the bad choice and the shortfall, as one alternation over the word classes."""
    w = {name: _alternation(name) for name in ("verdict_degrees", "verdict_words", "bad_choice_words",
                                               "choice_nouns", "shortfall_negations", "shortfall_ends")}
    verdict = rf"(?:is|was|are|were)(?:\s+(?:{w['verdict_degrees']})){{0,{DEGREE_REACH}}}\s+(?:{w['verdict_words']})"
    choice = rf"made\s+(?:a|an|the|some)\s+(?:really\s+|very\s+)?(?:{w['bad_choice_words']})\s+(?:{w['choice_nouns']})"
    shortfall = (rf"(?:{w['shortfall_negations']})\s+[a-z]+{gap(SHORTFALL_REACH)}"
                 rf"\s+(?:{w['shortfall_ends']})")
    return re.compile(rf"\b(?:{verdict}|{choice}|{shortfall})\b")


def verdicts(norm: str) -> list[Span]:
    """Spans of `norm` (normalised) that pass a verdict on someone or name a shortfall of theirs:
    "was the worst", "was disorganized", "made a terrible decision", "didn't pull their weight".
    "It was such a privilege" is no verdict, and "made the right call" no bad choice."""
    return spans(_pattern().finditer(norm))
