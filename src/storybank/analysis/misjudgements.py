"""The speaker's own misjudgement told as the cause of a failure (issue 22, round 11), read over
the lexicon's word classes (data/lexicon.toml, the "round 11" section):

- a misjudgement with no one else as its subject: one of `misjudgement_words` not preceded,
  within two words, by another person ("we'd miss our deadline due to an underestimated
  integration", "I had underestimated the time"); "the client underestimated the scope" is
  theirs;
- the speaker's own judgement named as what was wrong: "my", up to one word, and one of
  `judgement_nouns` ("the dependencies were not clear from my first read of the brief", "provided
  my estimate").

Either names the speaker's part in the cause, as "I forgot the backup" does.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.analysis.lexicon import alternation as _alternation
from storybank.analysis.lexicon import normalise

_OTHERS = re.compile(r"\b(?:he|she|they|the client|the customer|the manager|my manager|my boss|"
                     r"management|the team lead|the vendor)(?:\s+[\w'-]+){0,2}\s*$")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a misjudgement word, "my" and a judgement noun), made once from the lexicon."""
    misjudged = re.compile(rf"\b(?:{_alternation('misjudgement_words')})\b")
    mine = re.compile(rf"\bmy\s+(?:[\w'-]+\s+)?(?:{_alternation('judgement_nouns')})\b")
    return misjudged, mine


def own_misjudgement(text: str) -> str | None:
    """The words, when the answer tells a misjudgement of the speaker's as the cause (see the
    module); None when every misjudgement in it is someone else's and no judgement is "my"."""
    low = normalise(text)
    misjudged, my_judgement = _patterns()
    for found in misjudged.finditer(low):
        if not _OTHERS.search(low, max(0, found.start() - 40), found.start()):
            return found.group(0)
    mine = my_judgement.search(low)
    return mine.group(0) if mine else None
