"""Round 39 (issue 22), from the spent sets' blind judges (holdout18-38), with a firing case and a
near miss.

1. A motivation answer is no longer asked who the speaker has talked to about the work, which
   presumed conversations the answer never mentioned (holdout21-37: 10 of 13 awkward or no with both
   judges, "Assumes conversations the candidate never mentioned"): it is asked what someone who has
   worked with them would say of the fit. An answer that says whom the speaker asked keeps its own
   question about what they took from it.
2. A quote is no amount, and drops which cases it was for and whose system it sat in.
"""

from __future__ import annotations

import pytest

from storybank.analysis.phrases import _trim
from tests.helpers import spoken_prompts

WHY_HERE = (
    "I've been doing rating work for two years on a smaller platform, mostly search relevance, and what "
    "drew me here is that your evaluation tasks are long-form: you ask raters to write out a justification, "
    "not just pick a score. That's the part of the job I'm best at. I also like that your guidelines are "
    "public, because I read them before applying and the way you handle ambiguous queries is how I'd do it.")
ASKED_A_FRIEND = (
    "A friend of mine has rated for you for a year, and I spoke to her about it before applying. She "
    "said the guidelines are strict but the feedback on your ratings is fast, and that's what I want: I've "
    "done rating work for two years and I want to get better at it, not just do more of it.")


def test_a_motivation_is_asked_what_someone_who_knows_their_work_would_say():
    collaborators = spoken_prompts(WHY_HERE, "motivation")["collaborators"]
    assert "Who have you talked to" not in collaborators
    assert collaborators.startswith("If I asked someone who has worked with you why you would suit this")


def test_a_motivation_that_says_whom_they_asked_is_asked_what_they_took_from_it():
    # Near miss: the conversation is told.
    collaborators = spoken_prompts(ASKED_A_FRIEND, "motivation")["collaborators"]
    assert collaborators == "Of what they told you, what mattered most to you, and why?"


# 2. A quote is no amount ("the 50 milligram tablets": "Tablets don't 'work' step by step"), and
#    drops which cases it was for ("matching rules for those three cases") and whose system it sat
#    in ("the routing table in your TMS"): "Clumsy quote" to holdout38's judges.
@pytest.mark.parametrize(("raw", "kept"), [
    ("the 50 milligram tablets", None),
    ("matching rules for those three cases", "matching rules"),
    ("the routing table in our TMS", "the routing table"),
    # Near misses: a count of things, a compound with a figure, and a place that is a name.
    ("the three tastings", "the three tastings"),
    ("the 2-week discovery phase", "the 2-week discovery phase"),
    ("a search in SystmOne for patients", "a search in SystmOne"),
])
def test_a_quote_is_no_amount_and_drops_whose_system_it_sat_in(raw, kept):
    assert _trim(raw) == kept
