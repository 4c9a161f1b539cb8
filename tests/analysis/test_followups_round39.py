"""Round 39 (issue 22), from the spent sets' blind judges (holdout18-38), with a firing case and a
near miss.

1. A motivation answer is no longer asked who the speaker has talked to about the work, which
   presumed conversations the answer never mentioned (holdout21-37: 10 of 13 awkward or no with both
   judges, "Assumes conversations the candidate never mentioned"): it is asked what someone who has
   worked with them would say of the fit. An answer that says whom the speaker asked keeps its own
   question about what they took from it.
2. A quote is no amount, and drops which cases it was for and whose system it sat in: cases in
   test_followups_round35.py's table of quotes.
"""

from __future__ import annotations

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
