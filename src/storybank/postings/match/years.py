"""Years: how many a requirement asks ("3+ years", "Two (2) years") and whether a sentence says as
long ("for four years", "18 months", "since 2019")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storybank.postings import lexicon

if TYPE_CHECKING:
    from storybank.postings.match.need import Need


_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
            "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "thirty-six": 36}
# A count of years, a half included ("four and a half years", round 19: "I have spent six and a
# half years in contaminated land consultancy" is more than three).
_YEARS = re.compile(r"\b(\d{1,2}|" + "|".join(_NUMBERS) + r")\b(?:\s+and\s+a\s+half)?(?:\s*\+|\s+or\s+more)?\s+"
                    r"(?:full[- ]time\s+)?years?\b", re.I)
# A count of months ("For fourteen months I ran the team of seven", "18 months"): a twelfth of a
# year each.
_MONTHS = re.compile(r"\b(\d{1,2}|" + "|".join(_NUMBERS) + r")\s+months\b", re.I)
MONTHS_A_YEAR = 12
# How long a sentence says something was done: a count of years as `_YEARS` reads it ("for four
# years", "3 or more years"), of months, "since 2019", "a decade".
_DURATION = re.compile(_YEARS.pattern + "|" + _MONTHS.pattern + r"|\bsince\s+(?:19|20)\d\d\b|\bdecades?\b", re.I)


_LEADING_NUMBER = re.compile(r"\d+|[a-z]+", re.I)


def years_asked(text: str) -> int:
    """The fewest years a requirement asks ("Three or more years of teaching" -> 3, "3-5 years"
    -> 3, "Two (2) years" -> 2), 0 when it names none. Read with the pattern that made the item a
    years item (postings.toml `credentials.years`), each match starting at its lower bound."""
    found = []
    for m in lexicon.years().finditer(text):
        lead = _LEADING_NUMBER.match(m.group(0))
        if lead is not None and (lead.group(0).isdigit() or lead.group(0).lower() in _NUMBERS):
            found.append(_number(lead.group(0)))
    return min(found) if found else 0


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _long_enough(need: Need, sentence: str) -> bool:
    """Does a sentence say the time a years-requirement asks? A duration, and, when it gives a
    number of years, not fewer than asked ("For two years we taught…" is not three or more)."""
    if not need.years:
        return True
    if _DURATION.search(sentence) is None:
        return False
    said = [float(_number(m.group(1))) for m in _YEARS.finditer(sentence)] \
        + [_number(m.group(1)) / MONTHS_A_YEAR for m in _MONTHS.finditer(sentence)]
    return not said or not need.min_years or max(said) >= need.min_years
