"""Round 7 of issue 22: families for the ways holdout6 (spent) asks a type or probe that round 6
left under the "no match" line or read as something else, each with a near miss that must stay
what it is; and a "no match" line for each kind."""

from __future__ import annotations

import pytest

from storybank.analysis.matching import MODEL_NO_MATCH, decide, recognise
from storybank.analysis.types import MatchCandidate
from storybank.catalog import builtin_catalog

# (wording, the type or probe it is), then a near miss and what it must not become.
FAMILIES = [
    # differently: the experience changed how one works now / changing one's approach in general.
    ("How has it changed your approach?", "differently",
     "How do you change your approach for different audiences?", "differently"),
    # technical: a number asked back for a claim / the speaker's own performance measured.
    ("You mentioned the churn dropped - by how much exactly?", "technical",
     "How was your performance measured, in your most recent role?", "technical"),
    ("How did you measure success?", "technical",
     "How would you measure success for a new feature?", "technical"),
    # collaborators: how the others answered what one did / how one answers criticism oneself.
    ("How did others respond to your approach?", "collaborators",
     "How do you respond to criticism?", "collaborators"),
    # alternatives: what the decision rested on / a decision asked for as a new story.
    ("What data drove your decision?", "alternatives",
     "Tell me about a decision you made with very little data.", "alternatives"),
    # motivation: an interest in the role said as a noun / an interest outside work.
    ("Tell me about your interest in this role.", "motivation",
     "Tell me about your interests outside of work.", "motivation"),
    ("Why did you choose our program?", "motivation",
     "Why did you choose that approach?", "motivation"),
    # failure: a goal not reached despite trying / a goal reached.
    ("Tell me about a goal you didn't achieve. What happened?", "failure",
     "Tell me about a goal you achieved that you are proud of.", "failure"),
    ("Tell me about a time you took a risk and failed.", "failure",
     "Tell me about a time you took a risk and it paid off.", "failure"),
    # performance: a manual process automated / a manual you wrote.
    ("Describe a time you automated a manual reporting process and what it saved.", "performance",
     "Describe a time you wrote a manual for new staff.", "performance"),
    # schedule: hours asked through time zones / a zone of the product (no hours in it).
    ("Will you be working USA East Coast hours?", "schedule",
     "Tell me about a project you delivered across three countries.", "schedule"),
    # rubric: a control or protocol pressed to be skipped / a control one designed.
    ("What would you do if the CEO wanted to override a control to expedite onboarding?", "rubric",
     "Tell me about a control system you designed.", "rubric"),
    ("Tell me about a time you identified a protocol deviation. What steps did you take?", "rubric",
     "Tell me about a time you wrote a new protocol for the ward.", "rubric"),
    # disagreement: others disagreed with one's stand / others agreed at once.
    ("Tell me about a time you advocated for the user when others disagreed.", "disagreement",
     "Tell me about a time you advocated for the user and everyone agreed at once.", "disagreement"),
]

# Wordings that are none of the types: they must not be read as the type they resemble.
NONE_FAMILIES = [
    # a definition asked with the how-to is knowledge, not a performance story
    ("What is latency and how do you reduce it?", "performance"),
    # what one would change about one's life, programme or former team is not the redo probe
    ("What would you have liked to have done differently in your life?", "differently"),
    ("What problems did you observe in your previous team? What would you change?", "differently"),
    ("If you could change anything about your teacher-preparation program, what would it be?",
     "differently"),
    # how a story turned out is the generic "what was the result", not the technical probe
    ("How did that work out?", "technical"),
    # a conflict between others, settled by the speaker, is a challenge handled, not a disagreement
    ("Tell me about a time you settled an argument between two colleagues.", "disagreement"),
    # an error found in others' records is a challenge handled, not one's own failure
    ("Tell me about a time you found an error in financial records. How did you handle it?", "failure"),
]


@pytest.mark.parametrize(("said", "kind"), [(said, kind) for said, kind, _near, _not in FAMILIES])
def test_a_family_reads_its_wording(said, kind):
    found = recognise(said, builtin_catalog())
    assert found.best.id == kind and found.verdict != "none"


@pytest.mark.parametrize(("near", "not_kind"), [(near, kind) for _said, _kind, near, kind in FAMILIES])
def test_a_near_miss_is_not_even_a_candidate_for_that_family(near, not_kind):
    found = recognise(near, builtin_catalog())
    # Since round 15 the nearest under the line is named as "unsure", never claimed.
    assert found.verdict in {"none", "unsure"} or found.best.id != not_kind


@pytest.mark.parametrize(("said", "not_kind"), NONE_FAMILIES)
def test_a_wording_of_no_type_is_not_confidently_its_look_alike(said, not_kind):
    found = recognise(said, builtin_catalog())
    assert not (found.verdict == "match" and found.best.id == not_kind)


def test_how_it_worked_stays_the_technical_probe():
    found = recognise("How did that work, technically?", builtin_catalog())
    # Round 18: the probes hold half the model's say (was 0.3), and the model reads this wording
    # nearer "none" than technical; it is named technical, unsure (60, under the probes' line 65).
    assert found.verdict in {"match", "unsure"} and found.best.id == "technical"


def test_the_redo_probe_after_a_story_stays_the_redo_probe():
    found = recognise("Looking back, what would you change?", builtin_catalog())
    assert found.verdict == "match" and found.best.id == "differently"


def test_a_conflict_between_oneself_and_another_stays_a_disagreement():
    found = recognise("Tell me about an argument between you and a colleague.", builtin_catalog())
    assert found.verdict == "match" and found.best.id == "disagreement"


def test_an_error_one_made_oneself_stays_a_failure():
    found = recognise("Tell me about an error you made in a financial report.", builtin_catalog())
    assert found.verdict != "none" and found.best.id == "failure"


def test_each_kind_has_its_own_no_match_line():
    lines = {"question": 60.0, "probe": 65.0}
    type_at_62 = [MatchCandidate("question", "failure", 62.0), MatchCandidate("probe", "technical", 5.0)]
    probe_at_62 = [MatchCandidate("probe", "technical", 62.0), MatchCandidate("question", "failure", 5.0)]
    assert decide(type_at_62, 0.3, lines, 30) == "match"
    assert decide(probe_at_62, 0.3, lines, 30) == "none"
    assert set(MODEL_NO_MATCH) == {"question", "probe"}
