"""Round 15 of issue 22: the grammar behind round 15's readings (round15_answers.toml holds the
answers each must clear or keep warned, run by test_answers_round6.py)."""

from __future__ import annotations

import pytest

from storybank.analysis.evidence import researched_employer
from storybank.analysis.lexicon import normalise
from storybank.analysis.signals import blame, mechanism_causes

CASES = [
    # what the speaker found out about the employer (holdout12#17, praised)
    (researched_employer, "i went through many reviews online regarding your organization", True),
    (researched_employer, "i've heard great things about your company", False),  # hearsay
    (researched_employer, "i read the posting. your company seems great", False),  # two clauses
    (researched_employer, "i read the posting and we talked about your company", False),  # "we"
    # "the" names no employer of this interview (the review of the session's change)
    (researched_employer, "i found the management at my last job toxic", False),
    (researched_employer, "i learned the hard way that the team matters", False),
]


@pytest.mark.parametrize(("reader", "text", "fires"), CASES)
def test_a_reading_hears_its_pattern_and_leaves_its_near_miss(reader, text, fires):
    assert (reader(text) is not None) is fires


def test_should_ve_blames_like_should_have_and_only_someone_else():
    assert blame("but they should’ve checked the app.")[0] == "they ... should've"
    assert blame("I should’ve checked the app.")[0] is None


def test_a_bare_quality_of_the_thing_chosen_is_no_mechanism():
    assert mechanism_causes(normalise("We used Redis because it's fast.")) == []
    assert mechanism_causes(normalise("I thought React was better because it's more popular.")) == []
    assert mechanism_causes(normalise("We cached it because it's faster to recompute than to fetch.")) \
        == ["because"]
