"""Round 32 (issue 22), from holdout31's blind judges, each family with a firing case from the set
and a near miss.

1. A first sentence that already answers ("Um, honestly, delegating.") is no lead-in: the weakness
   that follows, told by a team leader, is not a self-introduction and is not asked what the speaker
   wants more of in their next role ("Career-direction question unrelated to the weakness answer").
   A lead-in ("Okay, so where do I start.") still leads into one (round 30). Both cases sit in
   test_followups_round30.py's table of lead-ins.
2. "The lesson was that ..." is the lesson already said: "What would you do differently?" is not
   asked again ("Answer already said what they changed afterwards"). An outcome since then ("Since
   then we've sent three cars to the dealer", holdout32) is no change told.
3. (Round 33, holdout32.) How things went ("I ran late for my next client") is no thing done to
   quote back ("'how late for your next client worked' is nonsensical").
"""

from __future__ import annotations

import pytest

from storybank.analysis.signals import said_the_change
from tests.helpers import spoken_prompts

WEAKNESS = (
    "Um, honestly, delegating. I'm a team leader in fund accounting now, and for my first year in the role "
    "I kept doing the tricky reconciliations myself, the ones with corporate actions or FX, because it was "
    "faster than explaining them. The result was I was working till eight most nights, and two of my "
    "analysts told me in their reviews that they weren't learning the complex stuff. So now each of them "
    "owns one of the complex breaks every month and I review it with them.")
LEAD_IN = (
    "Okay, so where do I start. I'm a team leader in fund accounting now, and before that I spent four "
    "years as an analyst on the same desk, doing reconciliations, corporate actions and FX. I studied "
    "economics at Leeds, and I moved into operations because I liked the detail more than the trading. "
    "Outside work I coach an under-twelves football team on Saturdays.")


def test_a_weakness_told_after_ones_role_is_not_asked_about_the_next_role():
    prompts = spoken_prompts(WEAKNESS, None)
    assert "next role" not in prompts["differently"]


MISTAKE = (
    "When I was two years qualified I fitted a combi boiler where the condensate pipe ran outside in 21.5 "
    "mil pipe with no lagging, though the instructions say to upsize to 32 and insulate. In January it "
    "froze and the customers had no heating. I went out that morning and thawed it, then redid the run "
    "properly in 32 mil, insulated. {ending}")


@pytest.mark.parametrize(("ending", "told"), [
    pytest.param("Since then we've had no callbacks on that estate.", False,
                 id="near miss: an outcome since then (holdout32)"),
    pytest.param("The lesson was that the shortcuts you take when you're busy are the ones that come back.",
                 True, id="the lesson was"),
    pytest.param("The customers were fine about it in the end.", False, id="near miss: nothing changed"),
])
def test_a_change_said_in_other_words_is_the_change_told(ending, told):
    text = MISTAKE.format(ending=ending)
    assert said_the_change(text) is told
    differently = spoken_prompts(text, "failure")["differently"]
    assert (differently != "What would you do differently?") is told


def test_running_late_is_not_quoted_back():
    told = ("I had a client in for a balayage and I spent nearly an hour longer than I'd booked, because I "
            "kept going back and refining the placement. And that meant I ran late for my next client, "
            "which I felt really bad about.")
    assert "late for" not in " ".join(spoken_prompts(told, "failure").values())


def test_a_pay_first_motivation_is_not_asked_about_a_journey_it_never_named():
    # Round 33, holdout30 and holdout32: "journey was never mentioned".
    pay_first = ("Honestly, the main thing is the pay. You're offering about three thousand more than my "
                 "current firm, and the bonus is better too. I've done this job for four years so I know it, "
                 "it's the same systems and the same kind of clients really.")
    differently = spoken_prompts(pay_first, "motivation")["differently"]
    assert "journey" not in differently and "the work itself" in differently
