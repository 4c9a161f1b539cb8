"""Round 7 of issue 22: the grammar behind the new patterns, each with firing cases and near
misses. The spoken answers of round7_answers.toml (a strength told as the failure, a humblebrag,
blame for work others did not do, an escape or money as the motive, no one acting, an answer
that restarts) are run by test_answers_round6.py with round 6's."""

from __future__ import annotations

import pytest

from storybank.analysis.boasts import humblebrag, strength_as_failure
from storybank.analysis.evidence import _RELATIVE_CHANGE


@pytest.mark.parametrize(("text", "said"), [
    ("I work too hard.", "work too hard"),
    ("I cared so much about the outcome that I took on too much.", "cared so much"),
    ("I pulled all-nighters for a month before the launch.", "all-nighter"),
    ("The team worked too hard on the wrong thing.", None),      # not the speaker's own virtue
    ("I tried so many approaches before I found the leak.", None),  # a count, not an excess
    ("I gave too much weight to one reviewer.", None),            # the excess measures a thing
])
def test_a_strength_told_as_the_failure_is_read_as_grammar(text, said):
    found = strength_as_failure(text)
    assert (found is not None and said in found) if said else found is None


def test_a_humblebrag_needs_both_the_boast_and_the_modesty():
    assert humblebrag("Honestly, I single-handedly rebuilt it.") == "single-handedly"
    assert humblebrag("I single-handedly rebuilt the export in two weeks.") is None
    assert humblebrag("Honestly, it took the three of us a month.") is None


@pytest.mark.parametrize(("text", "measured"), [
    ("turnaround time reduced by about 35%", True),
    ("The weekly system reduced errors by 42% within three months", True),
    ("We measured a 60% performance improvement.", True),
    ("cut the queue in half", True),
    ("three times faster", True),
    ("more than 50% of users", False),     # a share, not a change
    ("I spent 40% of my time on it", False),
    ("grew the team to 12", False),
])
def test_a_change_measured_against_its_own_before_is_a_before_and_after(text, measured):
    assert bool(_RELATIVE_CHANGE.search(text)) is measured


def test_a_virtue_named_as_the_weakness_is_a_fake_one():
    from storybank.analysis.boasts import virtue_as_weakness

    assert virtue_as_weakness("My biggest weakness is my cheerfulness.") == "cheerfulness"
    assert virtue_as_weakness("My weakness is time management.") is None
    assert virtue_as_weakness("I value honesty, and my weakness is that I interrupt.") is None


def test_a_trivial_slip_counts_only_when_nothing_came_of_it():
    from storybank.analysis.boasts import trivial_slip

    assert trivial_slip("I once sent an email with a typo.") == "a typo"
    assert trivial_slip("I left a typo in the config, and the checkout crashed for an hour.") is None
