"""Round 20 of issue 22 (RESULTS.md, "Round 20 (matcher)"): three family cues widened or narrowed,
each kept because it gains on spent sets it was not read from (leave one set out over twenty folds).

- collaborators: others' reaction asked about in the field's own nouns ("How did the site foreman
  take it", "How did the attending react");
- failure: errors brought down ("the biggest drop in picking errors") are an improvement, not the
  candidate's own mistake;
- alternatives: "had you thought about just …", "did you consider just …": another way weighed.
"""

from __future__ import annotations

import pytest

from storybank.analysis.matching import recognise
from storybank.catalog import builtin_catalog
from tests.helpers import family_cues as _family_cues

# (words of a spent set's wording, its label): the widened cue fires, and the shipped matcher names
# the label first.
WIDENED = [
    # holdout19, collaborators (no match over the folds before)
    ("How did the site foreman take it when you changed the sequence?", "collaborators"),
    # holdout17, collaborators (unsure before)
    ("How did the attending react when you raised it?", "collaborators"),
    # holdout19, alternatives (close, collaborators first, before)
    ("Had you thought about just asking the client for the source files instead of rebuilding the "
     "glossary yourself?", "alternatives"),
    # holdout16, alternatives (unsure before)
    ("Did you consider just rolling back? Why didn't you?", "alternatives"),
]


@pytest.mark.parametrize(("wording", "label"), WIDENED)
def test_a_widened_cue_hears_the_fields_own_words(wording: str, label: str) -> None:
    assert _family_cues(wording)[label] >= 1
    found = recognise(wording, builtin_catalog())
    assert found.verdict != "none" and found.best.id == label, (found.verdict, found.best)


def test_a_rule_that_says_take_it_down_is_no_reaction_of_others() -> None:
    # holdout12 (rubric): "take it down", and no one's reaction asked about.
    wording = "If the policy says leave a post up and your gut says take it down, how do you handle that?"
    assert _family_cues(wording)["collaborators"] == 0
    assert recognise(wording, builtin_catalog()).best.id == "rubric"


def test_how_you_tried_to_avoid_a_failure_is_no_other_way_weighed() -> None:
    # holdout7 (failure): "did you try", with no other way named.
    wording = ("Tell me about a time when you failed at a project. How did you try to avoid failure? "
               "What did that experience teach you")
    assert _family_cues(wording)["alternatives"] == 0


@pytest.mark.parametrize("wording", [
    # holdout19 (performance): errors brought down, once a confident failure at 68.
    "What's the biggest drop in picking errors or travel time you've managed on a warehouse floor, "
    "and how did you get it?",
    # holdout6 (none): a method to reduce errors, once told "unsure: failure".
    "Describe how you would apply Lean Six Sigma principles to reduce medication errors in an "
    "outpatient clinic.",
])
def test_errors_brought_down_are_no_mistake_of_ones_own(wording: str) -> None:
    assert _family_cues(wording)["failure"] == 0
    assert recognise(wording, builtin_catalog()).best.id != "failure"


@pytest.mark.parametrize("wording", [
    # tuning (failure)
    "Can you give an example of a significant error you made in your last job and how you "
    "rectified it?",
    # holdout4 (failure)
    "Tell me about a medication error or near-miss",
])
def test_ones_own_error_is_still_a_failure(wording: str) -> None:
    assert _family_cues(wording)["failure"] >= 1
    assert recognise(wording, builtin_catalog()).best.id == "failure"
