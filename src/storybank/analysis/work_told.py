"""The work itself told as what is done for the people it serves (issue 22, round 18), read over
the lexicon's word classes (data/lexicon.toml, the "round 18" section).

A motivation answer is specific to the work it is about when it says what that work does, in the
field's own acts, for the people it serves: "I love recommending books to people", "provide
immediate care to patients", "help customers find solutions to their problems". That is what a bookseller's, a paramedic's or
a support agent's reason is made of, and what the published sources praise in it; a reason for an
annotation platform grounds itself in a specialty track instead (`evidence._specific_fit`).
"I want to help people", "I love working with patients" and "I want to care for others" name no
act of the work, and stay generic in every field.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.analysis.lexicon import alternation

SERVED_REACH = 3  # words between an act and its people: "recommending books to people"
HELPED_REACH = 2  # words between a help and its people: "help their students develop"


def _gap(reach: int) -> str:
    """Up to `reach` words, none of which links another clause (`clause_links`): the act and the
    people it is for are said in one clause. Punctuation ends the gap."""
    return rf"(?:\s+(?!(?:{alternation('clause_links')})\b)[\w'-]+){{0,{reach}}}?"


@lru_cache(maxsize=1)
def _told() -> re.Pattern[str]:
    # "My" before the people makes them the speaker's own ("coach my kids"), not "my students".
    served = rf"(?!(?<=my )(?:{alternation('own_served_people')})\b)(?:{alternation('served_people')})\b"
    act = (rf"\b(?!(?:{alternation('service_idioms')})\b)(?:{alternation('service_acts')})\b"
           rf"{_gap(SERVED_REACH)}\s+{served}")
    helped = (rf"\bhelp(?:s|ed|ing)?\b{_gap(HELPED_REACH)}\s+{served}\s+(?:to\s+)?"
              rf"(?!(?:{alternation('help_stops')})\b)[a-z]{{3,}}\b")
    return re.compile(rf"{act}|{helped}")


def work_told(low: str) -> str | None:
    """What the speaker says the work does for the people it serves, in `low` (lower case, plain
    quotes): "recommending books to people", "help customers find"; None when nothing is told
    but a help or a liking ("I want to help people", "I love working with patients")."""
    found = _told().search(low)
    return found.group(0) if found else None
