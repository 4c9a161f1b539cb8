"""Round 36 (issue 22), from the spent sets' blind judges (holdout18-35), each family with a firing
case and a near miss.

1. A strength told as the failure in the catalog's own words, with the occasion it showed on ("I get
   too invested in my deals ... I did close it in the end"), is a fake failure whatever it tells: it
   is asked for one time something really went wrong, not "what had gone wrong" or "the change you
   made afterwards" ("Humblebrag 'failure'; nothing really went wrong to put right").
2. A tool named only in what someone else did ("the scripts were written by our postdoc, Priya,
   she'd done Python before") is not the speaker's to be asked about ("Candidate never used Python;
   Priya wrote the scripts").
3. A quote drops a number before the thing ("the one line of business"), and a bare habit is no
   thing done to quote back: cases in test_followups_round35.py's table of quotes.
"""

from __future__ import annotations

from storybank.analysis.followups import someone_elses
from tests.helpers import spoken_prompts

INVESTED = (
    "Um, honestly, I'd say my biggest failure is that I get too invested in my deals. Last year I was "
    "working a mid-market opportunity, and I put so much into it: custom decks, calls late at night with "
    "their team in another time zone, a full business case, way more than anyone asked for. My manager "
    "actually said I was overdelivering. I did close it in the end, so it worked out, but I learned that I "
    "need to balance my time. I still struggle with that, because I'm such a perfectionist.")
REAL = (
    "Last year I sent a renewal quote to a mid-market customer with the old price list, because I copied "
    "last year's deck instead of pulling the current one. They signed at eleven percent under our floor, "
    "and my manager had to get finance to sign off the gap. I called the customer myself, explained, and we "
    "honoured it for one year. Since then I build every quote from the pricing tool, never from a deck.")
REAL_PROMPT = "Can you think of one time something you did actually went wrong, and walk me through it, step by step?"


def test_a_strength_told_as_the_failure_with_its_occasion_is_asked_for_a_real_one():
    prompts = spoken_prompts(INVESTED, "failure")
    assert prompts["technical"] == REAL_PROMPT
    assert "the change you made afterwards" not in prompts["collaborators"]
    assert prompts["collaborators"] == ("Think of one time something you did went wrong: who else was "
                                        "affected, and what did they say?")


def test_a_real_failure_told_is_asked_about_itself():
    # Near miss: a quote sent with the wrong price list went wrong, and the change is real.
    prompts = spoken_prompts(REAL, "failure")
    assert REAL_PROMPT not in prompts.values()


LIQUID_HANDLER = (
    "So in our protein chemistry lab we were running ELISAs for about three hundred samples a week, and "
    "plate setup took most of a day. I introduced automation with our liquid handler, an Opentrons, and "
    "that cut setup to about two hours. To be fair, the actual protocol scripts were written by our "
    "postdoc, Priya, she'd done Python before, and she did the validation runs as well. But I pushed for "
    "us to use the robot in the first place.")


def test_a_tool_named_only_in_someone_elses_doing_is_not_the_speakers():
    assert someone_elses(LIQUID_HANDLER, ["Python", "Opentrons"]) == {"python"}
    assert "Python" not in " ".join(spoken_prompts(LIQUID_HANDLER, "performance").values())


def test_a_tool_the_speaker_also_used_is_theirs():
    # Near miss: the speaker says it in a sentence of their own.
    said = LIQUID_HANDLER + " Later I rewrote two of her scripts in Python myself."
    assert someone_elses(said, ["Python"]) == set()
