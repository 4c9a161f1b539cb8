"""Round 25 of issue 23: a reason is not a doing. In "I rejected them because on-call pages
cluster overnight" (the bundled example bank's schedule story, weighing early mornings in its
alternatives follow-up) the candidate acts in "I rejected them", and the clause after "because"
says how things are. It used to carry the candidate's "I" on, and the example bank showed "Ability
to work nights and weekends" by it. The near misses keep a reason the candidate gives in their own
doing ("because I had run the night shift") and "because of" (a phrase, not a clause)."""

from __future__ import annotations

import pytest

from storybank.postings.agency import clauses
from storybank.postings.check import check


def _me(sentence: str) -> list[bool]:
    return [c.me for c in clauses(sentence, "alternatives")]


def test_the_reason_after_because_is_not_the_candidates_doing():
    mine = _me("I rejected them because on-call pages cluster overnight, and one bad night would erase the block.")
    assert mine[0] is True
    assert not any(mine[1:])


@pytest.mark.parametrize("sentence", [
    "I took the overnight rota because I had run the night shift on the ward before.",
    "I moved the audit to nights because of my work on the weekend crew.",
])
def test_a_reason_the_candidate_tells_as_their_own_doing_stays_theirs(sentence):
    mine = _me(sentence)
    assert mine[0] is True
    assert mine[1] is True


def test_the_example_banks_rejected_option_no_longer_shows_night_work():
    from pathlib import Path

    from storybank.bank import Bank

    bank = Bank.open(Path(__file__).resolve().parents[2] / "stories")
    report = check("# Analyst\n\n## Requirements\n\n- Ability to work nights and weekends.\n",
                   [(sf.id, sf.story) for sf in bank.stories], motivation=False)
    (r,) = report.requirements
    assert r.verdict != "shown", [e.sentence for e in r.evidence]
