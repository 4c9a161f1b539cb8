"""Round 35 (issue 22), from the spent sets' blind judges (holdout18-34), each family with a firing
case and a near miss.

1. A reason for wanting the work that would fit any employer (SB741, generic-motivation) is asked what
   draws the speaker to this one in particular, not what they expect to find hardest ("Misses the
   obvious: why this unit specifically", "Doesn't challenge the generic, values-only answer").
2. A technology the speaker says they learned ({learned}) is asked about learning it.
3. A habit of learning is asked about the last thing learned that way.
4. A quote keeps the thing done, without a quantity before it or a manner, an owner or a clause
   after it; an adjective left with no noun is no quote. The table holds rounds 36 to 39's cases
   too, each under its round.
Learning's alternatives probe for something learned and told goes back to how the speaker learns
best (test_followups_round34.py).
"""

from __future__ import annotations

import pytest

from storybank.analysis.phrases import _trim
from tests.helpers import spoken_prompts

IN_PARTICULAR = "What is it about this job in particular, rather than any other, that draws you?"

GENERIC = (
    "I've always wanted to help people, ever since I was little. Nursing is my passion and I just love "
    "caring for patients and making a difference in their lives. I think your hospital has a great "
    "reputation and I'd love to be part of a team that really cares. I'm a hard worker and I'd give it a "
    "hundred and ten percent every shift.")
GROUNDED = (
    "I've done two placements on acute stroke wards, and your unit is the one in the region that runs "
    "thrombectomy around the clock, so I'd see patients in the first hours, which is the part of stroke "
    "care I want to get good at. Your preceptorship gives new nurses twelve weeks with one named mentor, "
    "and when I visited in March the ward manager showed me how you run the swallow screens, which is "
    "exactly where I want to build my skills. I'd give it everything every shift.")


def test_a_reason_that_fits_anywhere_is_asked_what_draws_them_to_this_one():
    assert spoken_prompts(GENERIC, "motivation")["differently"] == IN_PARTICULAR


def test_a_reason_grounded_in_this_place_is_not_asked_it():
    # Near miss: what draws the speaker is this unit's own work, named.
    assert spoken_prompts(GROUNDED, "motivation")["differently"] != IN_PARTICULAR


# 2. A technology the speaker says they learned is asked about learning it, not using it ("Would you
#    use Rust the same way if you started over?": "misframes a question about how they learned it").
RUST = (
    "So, the most recent one is Rust. I tutor Python and JavaScript on an AI training platform, and they "
    "opened a Rust track last spring, so I had a real reason. I taught myself Rust over about six weeks of "
    "evenings with the Rust Book and the Rustlings exercises, and then I rewrote one of my own command-line "
    "tools in it. The borrow checker was the wall for the first fortnight. By June I was grading Rust tasks, "
    "and my acceptance rate on them is about the same as on Python now.")
ADOPTED = (
    "At a logistics company, I led a platform team of 10. We were on a monolithic Java stack and "
    "deployments took 45 minutes. I established a lightweight evaluation framework: business fit, team "
    "readiness, operational cost, and risk. For Kubernetes, we ran a 6-week pilot migrating one "
    "non-critical service. We adopted Kubernetes for new services and phased out the monolith over 18 months.")


def test_a_technology_learned_is_asked_about_learning_it():
    prompts = spoken_prompts(RUST, "learning", "software")
    assert prompts["differently"] == "If you were learning Rust again from scratch, what would you do differently?"
    assert prompts["technical"] == "What was the hardest thing to get right in Rust, and how did you work it out?"


def test_a_technology_adopted_is_not_asked_as_learned():
    # Near miss: Kubernetes was chosen and rolled out; no sentence naming it says it was learned.
    prompts = spoken_prompts(ADOPTED, "learning", "software")
    assert "learning Kubernetes again" not in prompts["differently"]
    assert "hardest thing to get right in Kubernetes" not in prompts["technical"]


# 3. A habit of learning is asked about the last thing learned that way, not "What has changed in how
#    you do that over time?" ("Vague 'that'; should ask for a concrete example").
HABIT = ("I read a couple of journals every month, I go to the regional CPD evenings, and I ask the senior "
         "pharmacists whenever something new comes up, so I usually keep on top of the guidance changes.")


def test_a_habit_of_learning_is_asked_about_the_last_thing_learned_that_way():
    prompts = spoken_prompts(HABIT, "learning")
    assert prompts["differently"] == ("Think of the last thing you learned that way: what would you do "
                                      "differently next time?")


def test_a_habit_told_to_another_type_keeps_the_probes_wording():
    # Near miss: the wording is learning's own.
    prompts = spoken_prompts("I always check every order twice before it goes out, and I ask someone "
                             "senior when I'm not sure.", "failure")
    assert "last thing you learned" not in prompts["differently"]


# 4. What a quote keeps of the thing done, rounds 35 to 39 in one table (None: no quote at all).
@pytest.mark.parametrize(("raw", "kept"), [
    # Round 35, holdout34's judges: "the lot of the execution systems", "dbt in a similar way", "how
    # the old worked", "the wellness sessions the company", "the product ticket with his example".
    ("a lot of the execution systems at my last firm", "the execution systems"),
    ("dbt in a similar way", "dbt"),
    ("the wellness sessions the company offered", "the wellness sessions"),
    ("a product ticket with his example", "a product ticket"),
    ("the config value for your session service", "the config value"),
    ("the old and new side by side", None),
    ("the new", None),
    # ... near misses: a second phrase after a link word, and a verb's object, stay whole.
    ("the backlog of the team", "the backlog of the team"),
    ("reading back the set point", "reading back the set point"),
    # Round 36, holdout35's: "the one line of business" ("makes no sense") loses its number, and a
    # bare habit is no thing done ("What made you go with your habit").
    ("one line of business", "line of business"),
    ("your habit", None),
    ("my routine", None),
    # ... near misses: a compound with "one", and a habit named with what it holds.
    ("one-to-one coaching", "one-to-one coaching"),
    ("a daily checklist habit", "a daily checklist habit"),
    # Round 37, holdout36's: someone else's thing ("They never chose the supplier") and a phrase
    # pointing back ("the same samples": "garbled phrase").
    ("their supplier", None),
    ("his spreadsheet", None),
    ("the same samples", None),
    ("the other one", None),
    # ... near misses: the speaker's own thing, and "same" inside a compound.
    ("our supplier", "our supplier"),
    ("a same-day service", "a same-day service"),
    # Round 38, holdout37's: a leading "just" ("Clumsy quote 'just the parser'"), how long said after
    # the thing ("habit for good", "recording rules for the twenty"), and what came with it ("Long
    # clumsy quote").
    ("just the parser", "the parser"),
    ("only the parser", "the parser"),
    ("recording rules for the twenty dashboards", "recording rules"),
    ("the patient letter with the fasting instruction", "the patient letter"),
    ("the dead-letter queue with a Slack alert", "the dead-letter queue"),
    ("habit for good", None),
    # ... near misses: "for" and "with" that name what the thing is for or in, and "only" inside.
    ("a search in SystmOne for patients", "a search in SystmOne"),
    ("a dashboard for the ward", "a dashboard for the ward"),
    ("the only option", "the only option"),
    # Round 39, holdout38's: an amount ("Tablets don't 'work' step by step"), which cases it was for,
    # and whose system it sat in ("Clumsy quote 'routing table in your TMS'").
    ("the 50 milligram tablets", None),
    ("matching rules for those three cases", "matching rules"),
    ("the routing table in our TMS", "the routing table"),
    # ... near misses: a count of things, and a compound with a figure.
    ("the three tastings", "the three tastings"),
    ("the 2-week discovery phase", "the 2-week discovery phase"),
])
def test_a_quote_keeps_the_thing_done(raw, kept):
    assert _trim(raw) == kept
