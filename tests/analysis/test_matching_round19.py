"""Round 19 of issue 22 (RESULTS.md, "Round 19 (matcher)"): three family cues widened, each kept
because it gains on spent sets it was not read from (leave one set out over nineteen folds).

- performance: a timed measure of the work said in the field's own words ("handle time", "turn
  around times", "frame time", "pick rates", "where the time is going");
- rubric: a rule the candidate thought was wrong, said without "disagree" ("a safety rule you
  thought didn't make sense", "a protocol that didn't sit right with you");
- project: a piece of work told from its first step to its end ("from the first call with the
  client to the night itself"), not a symptom chased to its fix.
"""

from __future__ import annotations

import pytest

from storybank.analysis.matching import recognise
from storybank.catalog import builtin_catalog
from tests.helpers import family_cues as _family_cues

# (words of a spent set's wording, its label): the new cue fires, and the shipped matcher names
# the label first (as a match, or as "not sure" with it first).
WIDENED = [
    # holdout16, performance (no match over the folds before)
    ("Talk me through a time you had to get frame time down on a target device. What was eating "
     "the budget?", "performance"),
    # holdout18, performance
    ("Our pick rates have been flat for a year. How would you go about finding where the time is "
     "going?", "performance"),
    # holdout15, performance
    ("What methods have you used to coach agents on improving their handle time?", "performance"),
    # holdout8, performance
    ("How would you develop a strategy to improve laboratory turn around times while maintaining "
     "quality?", "performance"),
    # holdout14, rubric
    ("Tell me about a safety rule on site that you thought didn't make sense. How did you deal "
     "with it?", "rubric"),
    # holdout18, rubric
    ("Tell me about a time a unit protocol didn't sit right with you clinically. What did you do?",
     "rubric"),
    # holdout17, rubric
    ("Have you ever had to code a chart a certain way because the payer's rules said so, even "
     "though you thought the documentation supported something else?", "rubric"),
    # holdout18, project
    ("Talk me through an event you planned, from the first call with the client to the night "
     "itself.", "project"),
    # holdout13, project
    ("I'd like to hear about one study you ran more or less yourself, you know, from the research "
     "question to whatever came out of it at the end.", "project"),
]


@pytest.mark.parametrize(("wording", "label"), WIDENED)
def test_a_widened_cue_hears_the_fields_own_words(wording: str, label: str) -> None:
    assert _family_cues(wording)[label] >= 1
    found = recognise(wording, builtin_catalog())
    assert found.verdict != "none" and found.best.id == label, (found.verdict, found.best)


def test_a_time_that_is_not_a_measure_of_the_work_is_no_performance() -> None:
    # holdout2 (none): "handle" and "time", but no handle time.
    cues = _family_cues("Describe a time when you had to handle a conflict between students in your "
                        "classroom. How did you resolve it?")
    assert cues["performance"] == 0


@pytest.mark.parametrize("wording", [
    # holdout4 (none): something thought unfair that is no rule.
    "Tell me about a time you received criticism you thought was unfair.",
    # holdout17 (none): "you didn't think", no rule.
    "Tell me about a time you achieved something you didn't think you could?",
    # holdout14 (failure): one's own mistranslation, no rule.
    "Describe a time you mistranslated something that mattered, and how it came to light.",
])
def test_a_thing_thought_wrong_that_is_no_rule_is_no_rubric(wording: str) -> None:
    assert _family_cues(wording)["rubric"] == 0


def test_a_decision_thought_wrong_stays_a_disagreement() -> None:
    # holdout5 (disagreement): someone's decision, not a rule.
    wording = "What would you do if an attending made a clinical decision you thought was wrong?"
    assert _family_cues(wording)["rubric"] == 0
    found = recognise(wording, builtin_catalog())
    assert found.best.id == "disagreement"


def test_a_symptom_chased_to_its_fix_is_not_a_project_told_end_to_end() -> None:
    # tuning (performance): "from the first symptom to knowing it was actually fixed".
    wording = ("Tell me about a performance problem you tracked down and fixed in a system you worked "
               "on. Walk me from the first symptom to knowing it was actually fixed.")
    assert _family_cues(wording)["project"] == 0
    assert recognise(wording, builtin_catalog()).best.id == "performance"
