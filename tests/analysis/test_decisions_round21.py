"""Round 21 (lead), DOGFOOD22: SB303 ("the action shows no call you made yourself") fired on a
pharmacist who "advised holding two doses … took it to the drug and therapeutics committee" and on
one who "then ran a Bayesian dosing tool side by side". Each with a near miss."""

from __future__ import annotations

import pytest

from storybank.analysis.text import measure


@pytest.mark.parametrize(("action", "decision"), [
    ("I advised holding two doses of warfarin and checking the INR daily.", "i advised"),
    ("I took it to the drug and therapeutics committee.", "i took it to"),
    ("I then ran a Bayesian dosing tool side by side with trough dosing.", "i ran"),
    ("I also rewrote the antibiotic section of the order set.", "i rewrote"),
])
def test_a_call_of_ones_own_is_heard(action, decision):
    assert decision in measure(action, phrases=("decisions",)).decisions


@pytest.mark.parametrize("action", [
    "I then waited for the consultant to come back to the ward.",
    "We then ran a Bayesian dosing tool side by side with trough dosing.",
    "The committee took it to the trust board.",
])
def test_near_miss_waiting_or_another_s_call_is_no_decision(action):
    assert measure(action, phrases=("decisions",)).decisions == []
