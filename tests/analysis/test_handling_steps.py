"""Round 13 of issue 22: an upset person handled in the speaker's own steps
(analysis.handling_steps), with the near misses that are no such handling."""

from __future__ import annotations

import pytest

from storybank.analysis.handling_steps import handled_in_steps, handling_steps


@pytest.mark.parametrize(("text", "steps"), [
    ("I calmly explained the importance of the procedure and reassured them.", ["calm", "reassur"]),
    ("I acknowledge the long wait, apologize to the customer and tell them it is our goal.",
     ["acknowledg", "apologi"]),
    ("I remained calm, moved the conversation to a private area, and empathized with them.",
     ["calm", "empathi"]),
])
def test_two_steps_of_the_speaker_handle_the_person(text: str, steps: list[str]) -> None:
    assert handling_steps(text) == steps
    assert handled_in_steps(text)


@pytest.mark.parametrize("text", [
    "I listened to him vent and told him that it sounded frustrating.",  # one step only
    "I explained it, and then I explained it again.",                     # the same step twice
    "The manager explained the policy and offered a refund.",             # someone else's steps
    "I told the computer to stop being stupid and work, and it worked.",
])
def test_one_step_or_none_of_the_speakers_is_no_handling(text: str) -> None:
    assert not handled_in_steps(text)
