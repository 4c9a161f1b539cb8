"""Round 20 of issue 23: the posting check's code health, and what it changed for a user. A Roman
numeral "I" after a word that takes one ("Phase I", "Class I") is not the candidate speaking."""

from __future__ import annotations

import pytest

from storybank.postings.agency import clauses, numerals
from storybank.postings.own_act import tells_own_act
from tests.postings.conftest import checked_against

TRIALS = "# Research nurse\n\n## Requirements\n\n- Experience running Phase I clinical trials\n"


@pytest.mark.parametrize(("sentence", "me"), [
    # "Phase I" names a trial phase: no one acts in this clause.
    pytest.param("Ran the Phase I trial for the sponsor.", False, id="Phase I"),
    pytest.param("It was a Class I recall.", False, id="Class I"),
    # Near misses: the candidate's "I" after a numeral, and after a word that takes none.
    pytest.param("In Phase II I ran the dosing.", True, id="Phase II I"),
    pytest.param("After that phase I ran the dosing myself.", True, id="lowercase phase, then I"),
])
def test_a_roman_one_is_not_the_candidate(sentence, me):
    assert any(c.me for c in clauses(sentence, "action")) is me


def test_a_roman_one_keeps_the_sentence_s_length():
    assert numerals("ran the Phase I trial") == "ran the Phase 1 trial"
    assert numerals("I ran it. I'm sure.") == "I ran it. I'm sure."


def test_a_trial_phase_alone_does_not_show_the_candidate_running_it():
    # Before: the "I" of "Phase I" read as the candidate, and the story showed the requirement; no
    # one acts in the sentence, so it is possible, for the user to check.
    assert checked_against(TRIALS, "Ran the Phase I clinical trials for the sponsor.").requirements[0].verdict \
        == "possibly"
    assert not tells_own_act("The sponsor's staff ran the Phase I clinical trials.", "action")


def test_near_miss_the_candidate_running_the_phase_still_shows_it():
    assert checked_against(TRIALS, "In Phase II I ran the clinical trials' dosing, and in Phase I I ran the "
                           "clinical trials myself.").requirements[0].verdict == "shown"
