"""Practice wanted from the job as the motive (issue 22, round 13), read over the lexicon's word
classes (data/lexicon.toml, the "round 13" section): a present wish of the speaker's, a few words,
then a verb of growing a skill with the skill named ("I'd like to enhance my English
communication skills", "to develop customer service skills"), or growing with no object at all
("I'm looking to grow and learn"). Hiring managers hear the employer used for practice: what the
job does for the speaker, as `evidence.self_serving_motive` counts it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.analysis.lexicon import Span, gap, spans
from storybank.analysis.lexicon import alternation as _alternation

GROWTH_REACH = 6  # words between the wish and the growing: "I want to work in a call center to develop"
SKILL_REACH = 2   # words between the growing and the skill: "enhance my English communication skills"


@lru_cache(maxsize=1)
def _practice_wanted() -> re.Pattern[str]:
    wants, grow, skills, bare = (_alternation(n) for n in
                                 ("growth_wants", "skill_growth", "skill_nouns", "bare_growth"))
    skill = rf"(?:{grow}){gap(SKILL_REACH)}\s+(?:{skills})\b"
    # A bare "grow" or "learn" ends its clause: "to learn how our billing works" has an object.
    alone = rf"(?:{bare})(?=\s*(?:[.,;!?]|$))"
    return re.compile(rf"\b(?:{wants})\s+to{gap(GROWTH_REACH)}\s+(?:{skill}|{alone})")


def practice_wanted(low: str, besides: list[Span] | None = None) -> list[Span]:
    """Spans of `low` (lower case) where the speaker wants the job for practice; a span overlapping
    one of `besides` (found already by another list) is left out, so nothing is counted twice."""
    return spans(_practice_wanted().finditer(low), besides or ())
