"""Round 13 of issue 23 (matching): what is general in the twelfth held-out set's wrong link.
Each rule has a sentence that fires it and a near miss that must not."""

from __future__ import annotations

import pytest

from tests.postings.test_round8 import NOT, SHOWN, rule_cases, verdict

BIBLIO = "Bibliometrics and research impact reports"
# Round 17: holdout12's own sentence ("I explained that a quick search would miss studies and
# that reviewers would ask…") no longer shows even "Research impact reports": what the candidate
# explained is not their act (agency `reporting`, tests/postings/test_round17.py). A search the
# candidate made keeps this rule's case and near miss.
SEARCH = "I searched four databases for studies on the impact of our open-access fund."

CASES = [
    # Of two things joined by "and", a concept (researching) that says one of them does not
    # show the other: the bibliometrics are nowhere in a sentence about searching for studies.
    (BIBLIO, SEARCH, NOT, "one side of 'and' said by a concept, the other not at all"),
    ("Research impact reports", SEARCH, SHOWN, "near miss: nothing joined, the concept's side is all"),
    ("Legal research and drafting",
     "I searched the case law on lease breaks for the partner before the hearing.", NOT,
     "another field: the research said, the drafting not"),
    ("Legal research and drafting",
     "I searched the case law on lease breaks and drafted the note for the partner.", SHOWN,
     "near miss: both sides said"),
    ("Legal research", "I searched the case law on lease breaks for the partner before the hearing.", SHOWN,
     "near miss: one thing asked, the concept says it"),
]


@pytest.mark.parametrize(("line", "sentence", "shown"), rule_cases(CASES))
def test_a_round13_rule_fires_and_its_near_miss_does_not(line, sentence, shown):
    expected = SHOWN if shown else "possibly or missing"
    assert shown is (verdict(line, sentence) == SHOWN), expected


def _need(line: str):
    from storybank.postings.check import read
    from storybank.postings.match import Need

    (item,) = read(f"Requirements\n- {line}\n").items
    return Need.read(tuple(item.units), item.years, item.text)


def test_two_sides_are_read_only_from_two_things_joined():
    left, right = _need("Bibliometrics and research impact reports").sides
    assert len(left) == 1 and len(right) == 3
    # Near misses: a list of three, or a joined pair inside brackets, is not two sides.
    assert _need("Bibliometrics, altmetrics and research impact reports").sides == ()
    assert _need("Statistics (R and SAS)").sides == ()
