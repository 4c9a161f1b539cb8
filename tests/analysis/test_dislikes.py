"""Round 14 of issue 22: a dislike of a workplace or its people said by the speaker
(analysis.dislikes), heard when the speaker says it and not when it is said of the speaker."""

from __future__ import annotations

import pytest

from storybank.analysis.dislikes import dislike_said


@pytest.mark.parametrize("text", [
    "Well, you know, I don't really like working there anymore.",  # holdout13#37
    # holdout11#50
    "I do not like this person and everything has gone downhill since he/she took over.",
    "I got fired because I did not get along with my supervisor.",  # holdout10#43
])
def test_a_dislike_said_by_the_speaker_is_heard(text: str) -> None:
    assert dislike_said(text) is not None


@pytest.mark.parametrize("text", [
    # holdout13#2, praised: the dislike is said of the speaker
    "One of my former colleagues did not like me. She was arguing with me all time.",
    # holdout11#24, praised
    "Working in the ICU, I had a patient that did not like me. He yelled at me every time I came in.",
    "I didn't like the old process, so I rebuilt it.",  # a thing disliked, not people
    "I liked working for my boss. I liked the people.",  # holdout13#36, praised: no negation
])
def test_a_dislike_said_of_the_speaker_or_of_a_thing_is_not(text: str) -> None:
    assert dislike_said(text) is None
