"""Round 20 of issue 22: the grammar behind round 20's readings (round20_answers.toml holds the
answers each must clear or keep warned, run by test_answers_round6.py)."""

from __future__ import annotations

import pytest

from storybank.analysis.gloats import claims_right

JUDGEMENT = [
    # a wrong known and at once checked or raised with someone: professional judgement told plainly
    ("I knew the dose was wrong, so I called the prescriber.", False),
    ("I knew the dose was wrong and held it until pharmacy confirmed the order.", False),
    ("I knew the filing date was wrong, so I immediately checked with the clerk.", False),
    ("I knew the reading was wrong. I paged the registrar.", False),
    # near misses: the other side's call judged, and nothing checked or raised
    ("I knew the direction was wrong.", True),  # holdout3#10, criticised
    ("I knew their plan was wrong, so I did it my way and it worked.", True),
    ("I knew the direction was wrong, and I told them so.", True),
    ("I knew the design was wrong, so I ignored it.", True),
]


@pytest.mark.parametrize(("text", "claimed"), JUDGEMENT)
def test_a_wrong_known_and_checked_is_judgement_not_a_gloat(text, claimed):
    assert (claims_right(text) is not None) is claimed
