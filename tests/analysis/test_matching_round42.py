"""Round 42 of issue 22: two family cues from holdout41's misses (spent).

- motivation: a field asked by name with nothing else ("Why Corporate Finance?", "Why sales?",
  "Why audit?"): "why" right before the field. "Why audit?" itself stays "unsure" (36, the
  nearest named): the model, which holds 0.6 of the belief, has read few wordings of it. "Why" elsewhere in a wording that names the field
  ("Why did the sales forecast miss?", "Why did you take the audit finding to the partner?") is
  no motivation question.
- knowledge (none): "Explain the concept of lazy loading ..." asks what a thing is, not for a story
  (holdout41, read as performance at 79.6 before this round). A story about explaining a concept
  to someone is still a story question.

The shipped wording model is retrained this round with holdout40 and holdout41 among its training;
these wordings are checked by the families and the model together, as the user meets them.
"""

from __future__ import annotations

import pytest

from storybank.analysis.matching import recognise
from storybank.catalog import builtin_catalog


@pytest.mark.parametrize("wording", ["Why Corporate Finance?", "Why sales?"])
def test_a_field_asked_by_name_is_motivation(wording):
    found = recognise(wording, builtin_catalog())
    assert (found.verdict, found.best.id) == ("match", "motivation")


@pytest.mark.parametrize("wording", ["Why did the sales forecast miss?",
                                     "Why did you take the audit finding to the partner?"])
def test_why_about_a_field_named_elsewhere_is_no_motivation_question(wording):
    found = recognise(wording, builtin_catalog())
    assert not (found.verdict == "match" and found.best.id == "motivation")


def test_explaining_a_concept_is_a_knowledge_question():
    found = recognise("Explain the concept of double-entry bookkeeping.", builtin_catalog())
    assert found.verdict == "none"
    assert found.resembles == "a knowledge or design question, not a story"


def test_a_concept_named_with_a_types_topic_is_not_claimed():
    found = recognise("Explain the concept of lazy loading and how it can improve performance in iOS.",
                      builtin_catalog())
    assert found.verdict != "match"


def test_a_story_of_explaining_a_concept_is_still_a_story_question():
    found = recognise("Tell me about a time you had to explain a complex concept to a client who disagreed "
                      "with you.", builtin_catalog())
    assert (found.verdict, found.best.id) == ("match", "disagreement")
