"""Round 16 of issue 22: probes in the words real interviewers use. Families of follow-ups the
spent sets held that the matcher left under its band ("What was your role in that?", "Did the
reviewers see it the same way you did?", "Why batch and not streaming there?"), written as
catalog cues and each kept only where leaving one spent set out said so (RESULTS.md, "Round 16
(matcher)"). Each family has wordings it names and a near miss it leaves alone."""

from __future__ import annotations

import pytest

from storybank.analysis.matching import recognise
from storybank.catalog import builtin_catalog

NAMED = ("match", "close", "unsure")

# (a follow-up from a spent set, the probe it is) — each named as that probe, never "no match".
FIRING = [
    ("What was your role in that?", "collaborators"),
    ("So what was your role in that, specifically?", "collaborators"),
    ("Did the reviewers see it the same way you did?", "collaborators"),
    ("What did the rest of the crew think of the way you did it?", "collaborators"),
    ("How much of that was you and how much was the senior associate?", "collaborators"),
    ("Which parts did you hand off, and to whom?", "collaborators"),
    ("What happens when this service goes down?", "technical"),
    ("How did you test this?", "technical"),
    ("How was the retry logic set up, and why did it make things worse?", "technical"),
    ("Why batch and not streaming there? Did you look at streaming at all?", "alternatives"),
    ("Okay. What did you just give up to get that?", "alternatives"),
    ("What was your personal contribution vs the team's?", "collaborators"),
    ("Who did you talk to about it?", "collaborators"),
    ("How did you structure your system?", "technical"),
    ("How did you handle real-time data consistency?", "technical"),
    ("You mentioned async batching cut p99 by 73%; walk me through the decision.", "alternatives"),
    ("How did you reach that conclusion?", "alternatives"),
    ("What considerations went into the technology choices here?", "alternatives"),
    ("Anything you'd undo, given the chance?", "differently"),
    ("What have you changed since? What have you continued that worked?", "differently"),
]

# (a wording that shares a family's words, what it must not be read as) — none of them is that
# probe: a story asked for with "your role" in it, an opinion of a boss, a motive "and not"
# elsewhere, a debugging method, a cost of taking a job.
NEAR_MISSES = [
    ("Walk me through a project you're proud of. What was your role?", "collaborators"),
    ("What role do you usually play on a team?", "collaborators"),
    ("Do people usually agree with you?", "collaborators"),
    ("What do you think of your previous boss?", "collaborators"),
    ("Why do you want to work at our facility and not somewhere else?", "alternatives"),
    ("What did you give up to take this job?", "alternatives"),
    ("Walk me through your process for debugging an unfamiliar bug.", "technical"),
    ("What happens if you do not get this job?", "technical"),
    ("Walk me through a technical project you owned end-to-end.", "collaborators"),
    ("How do you structure your day?", "technical"),
    ("Who do you talk to when you are stuck?", "collaborators"),
    ("Give me an example of a time you committed to a group decision even though you disagreed. "
     "What factors went into your decision?", "alternatives"),
]


@pytest.mark.parametrize(("wording", "probe"), FIRING)
def test_a_real_follow_up_is_named_as_its_probe(wording, probe):
    found = recognise(wording, builtin_catalog())
    assert found.verdict in NAMED and found.best.id == probe, (found.verdict, found.best)


@pytest.mark.parametrize(("wording", "probe"), NEAR_MISSES)
def test_a_near_miss_is_not_claimed_as_that_probe(wording, probe):
    found = recognise(wording, builtin_catalog())
    assert found.verdict == "none" or found.best.id != probe, (found.verdict, found.best)
