"""Round 13 of issue 22: a claim about the speaker with nothing behind it (analysis.self_claims),
with the near misses that must stay unclaimed."""

from __future__ import annotations

import pytest

from storybank.analysis.self_claims import unbacked_claim


@pytest.mark.parametrize(("text", "claim"), [
    ("I'm a great collaborator", "I'm a great collaborator"),
    ("I'm a quick learner. I pick up things very fast!", "I'm a quick learner"),
    ("Well, I don't really like other people very much.", "Well, I don't really like other people very much"),
    ("My colleagues seem to like me.", "My colleagues seem to like me"),
    ("I Don't Have Any Weaknesses.", "I Don't Have Any Weaknesses"),   # title case names nothing
])
def test_a_claim_about_the_speaker_is_heard(text: str, claim: str) -> None:
    assert unbacked_claim(text) == claim


@pytest.mark.parametrize("text", [
    "I really don't feel comfortable talking about Sally in this way.",   # someone named
    "I used to avoid public speaking. So I joined Toastmasters, and now enjoy it.",  # an act
    "My manager and I disagreed about the rollout.",                      # not the speaker described
    "You've got a great reputation, which is why I am pleased to be talking to you.",
    "There was a time when I was always late.",                           # an occasion opened
])
def test_an_example_or_another_subject_is_no_bare_claim(text: str) -> None:
    assert unbacked_claim(text) is None
