"""Round 21 of issue 22 (RESULTS.md, "Round 21 (matcher)"): kept because each gains on spent sets it
was not read from (leave one set out over twenty-one folds).

- A story question's own tail: the generic follow-up ("What did you do, and what was the result?")
  holds no evidence in a wording whose first sentence asks for a story not yet told, as the probes
  hold none there (`Other.followup`);
- learning: getting on top of something new in a field's own words ("get your head around it").
"""

from __future__ import annotations

import pytest

from storybank.analysis.matching import Matcher, recognise
from storybank.catalog import builtin_catalog


def _evidence(wording: str) -> dict[str, tuple[int, float]]:
    families = Matcher(builtin_catalog(), model=None)
    return {entry.id: (ev.cues, ev.total) for entry, ev in families.evidence(wording)}


@pytest.mark.parametrize(("wording", "label"), [
    # holdout5 (disagreement): no match over the folds before, the follow-up family holding the say
    ("Tell us about a time when you had to resolve a conflict at work. What did you do and what was "
     "the result?", "disagreement"),
    # holdout15 (disagreement): no match over the folds before
    ("Tell me about a time you had to work on a project with someone that you didn't see eye to eye "
     "with. What did you do? What was the result?", "disagreement"),
])
def test_a_new_storys_own_tail_is_no_follow_up(wording: str, label: str) -> None:
    cues, total = _evidence(wording)["generic-followup"]
    assert cues >= 1 and total == 0.0
    found = recognise(wording, builtin_catalog())
    assert found.verdict == "match" and found.best.id == label, (found.verdict, found.best)


@pytest.mark.parametrize("wording", [
    # holdout5 (none): no first sentence asking for a story, so the follow-up family keeps its say
    "What was the situation? What did you do? What was the result?",
    # tuning (none): a bare follow-up
    "What was the result?",
])
def test_a_follow_up_without_a_new_story_still_reads_as_one(wording: str) -> None:
    cues, total = _evidence(wording)["generic-followup"]
    assert cues >= 1 and total > 0
    found = recognise(wording, builtin_catalog())
    assert found.verdict == "none"
    assert found.resembles is not None and "follow-up" in found.resembles


@pytest.mark.parametrize("wording", [
    # holdout20 (learning): no match over its fold before
    "When a new regulation lands, how do you get your head around it?",
    # holdout19 (learning): a confident rubric at 58 over its fold before
    "Tell me about the last time the coding guidelines changed under you and how you got on top of "
    "the new rules.",
    # holdout19 (learning): no match over its fold before
    "When the firm moved to the new e-discovery platform, how did you get yourself comfortable with it?",
])
def test_getting_on_top_of_something_new_is_learning(wording: str) -> None:
    assert _evidence(wording)["learning"][0] >= 1
    assert recognise(wording, builtin_catalog()).best.id == "learning"


@pytest.mark.parametrize("wording", [
    # tuning (schedule) and holdout4 (schedule): comfortable with the hours, nothing learned
    "Are you comfortable working night shifts?",
    "Are you comfortable with shift work and a changing schedule?",
])
def test_comfortable_with_the_hours_is_no_learning(wording: str) -> None:
    assert _evidence(wording)["learning"][0] == 0
    assert recognise(wording, builtin_catalog()).best.id == "schedule"
