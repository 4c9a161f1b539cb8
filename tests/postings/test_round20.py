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


# --- reading: a job board's navigation run together is no title ---------------------------------

@pytest.mark.parametrize("nav", [
    # holdout11 (procurement_officer), holdout16 (water_treatment_operator), holdout9 (aml_analyst):
    # the board's top row, read as one line.
    pytest.param("PublicJobsHub Find jobs Salary checker Career advice Employers Sign in Register", id="holdout11"),
    pytest.param("WaterJobsNow | Find jobs Employers Salary guide Training Log in Register", id="holdout16"),
    pytest.param("FinCareers Hub Jobs Salaries Companies Career advice Sign in Post a job", id="holdout9"),
])
def test_a_job_board_s_navigation_row_is_not_the_title(nav):
    from storybank.postings.check import read

    assert read(f"{nav}\n\nProcurement Officer\n\nRequirements\n\n- CIPS Level 4\n").title == "Procurement Officer"


@pytest.mark.parametrize("title", [
    # Near misses: a title with "Register" in it, and a line with an account word but no other link.
    "Register Office Clerk", "Registered Nurse – Sign Language Unit", "Log in to your future: Data Analyst",
])
def test_near_miss_a_title_with_an_account_word_alone_stays_the_title(title):
    from storybank.postings.check import read

    assert read(f"{title}\n\nRequirements\n\n- CIPS Level 4\n").title == title
