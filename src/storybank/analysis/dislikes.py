"""A dislike of a workplace or its people said by the speaker (issue 22, round 14), read over the
lexicon's word classes (data/lexicon.toml, the "round 14" section): "I", a negated liking, a
softener or none, then a workplace, its people or a place of work within a couple of words ("I
don't really like working there anymore", "I do not like this person", "I did not get along with
my supervisor"). Interviewers hear how the speaker will one day talk about them, as
`signals.runs_down` hears contempt; "he did not like me" is said of the speaker, not by them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.analysis.lexicon import alternation as _alternation
from storybank.analysis.lexicon import normalise

TARGET_REACH = 2  # words between the liking and who or what is disliked: "get along with my supervisor"


@lru_cache(maxsize=1)
def _dislike() -> re.Pattern[str]:
    nots, soft, verbs = (_alternation(n) for n in
                         ("dislike_negations", "dislike_softeners", "dislike_verbs"))
    targets = "|".join(filter(None, (_alternation("workplace_people"),
                                     _alternation("disliked_places"))))
    return re.compile(rf"\bi\s+(?:just\s+)?(?:{nots})\s+(?:(?:{soft})\s+)?(?:{verbs})"
                      rf"(?:\s+[\w'-]+){{0,{TARGET_REACH}}}?\s+(?:{targets})\b")


def dislike_said(text: str) -> str | None:
    """The words, when the speaker says they dislike a workplace or its people."""
    found = _dislike().search(normalise(text))
    return found.group(0) if found else None
