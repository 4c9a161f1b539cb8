"""A rule the speaker was given and changed on their own (issue 22, round 10), read as grammar
over the lexicon's word classes (data/lexicon.toml, "round 10"): a rule named (`rule_nouns`:
"curriculum", "rubric", "procedure"), and after it the speaker changing it (`rule_changes`:
"supplemented", "replaced", "modified") with "it" or "them" as what was changed: "my district gave
me the Making Meaning curriculum, but I have found that it is too advanced for my students, so I
have supplemented it with ...". Changing one's own work ("I modified my lesson plan") or a rule
changed through its owner ("the committee replaced it") is not the speaker overriding a rule."""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.analysis.lexicon import alternation, normalise, phrase_set
from storybank.analysis.lexicon import words as _words


@lru_cache(maxsize=1)
def _changed_it() -> re.Pattern[str]:
    return re.compile(rf"\bi\s+(?:have\s+|had\s+|just\s+|simply\s+|always\s+)?(?:{alternation('rule_changes')})"
                      r"\s+(?:it|them)\b")


@lru_cache(maxsize=1)
def _bypassed_it() -> re.Pattern[str]:
    return re.compile(rf"\bi\s+(?:just\s+|simply\s+)?(?:{alternation('rule_bypasses')})\b")


def rule_changed(text: str) -> str | None:
    """The speaker changing a rule named before it, or quietly not doing what it asks (round 30:
    "the test plan said ... so I just marked it as a pass"): see the module's docstring."""
    low = normalise(text)
    rules = phrase_set(_words("rule_nouns")).spans(low)
    if not rules:
        return None
    first_rule_ends = rules[0][1]  # spans come in order: the first rule named ends first
    after = [m for pattern in (_changed_it(), _bypassed_it()) for m in pattern.finditer(low, first_rule_ends)]
    return min(after, key=lambda m: m.start()).group(0) if after else None
