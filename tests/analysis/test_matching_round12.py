"""Round 12 of issue 22: paraphrase families read from holdout11's misses (spent), as catalog data
(tests/corpus_real/RESULTS.md, "Round 12 (matcher)"). The wordings below are fresh paraphrases,
not the corpus's own, and are read by the families alone, so the learned model's fit to the spent
sets does not decide them."""

from __future__ import annotations

import pytest

from storybank.analysis.matching import Matcher
from storybank.catalog import builtin_catalog


def families() -> Matcher:
    return Matcher(builtin_catalog(), model=None)


# Why the candidate chose a trade or a profession: the motivation type (17 of 19 such wordings in
# the spent sets carry it).
CAREER_CHOICE = ["Why did you become a plumber?", "What made you get into the trade?",
                 "Why did you get into this field in the first place?",
                 "Why do you choose to be a translator?"]


@pytest.mark.parametrize("wording", CAREER_CHOICE)
def test_why_the_candidate_chose_the_trade_is_motivation(wording):
    found = families().recognise(wording)
    assert (found.verdict, found.best.id) == ("match", "motivation")


def test_a_why_about_an_errand_or_a_departure_is_not_motivation():
    # near misses: "go into" a place, and a role the candidate left
    for wording in ("Why did you go into the office on Sunday?",
                    "Why did you become a manager and then leave the role?"):
        found = families().recognise(wording)
        assert not (found.verdict == "match" and found.best.id == "motivation"), wording


# A patron, a customer or a patient who is not satisfied is the "someone" of disagreement (the
# corpus README's rule); "dissatisfied" was already one.
UNSATISFIED = ["How do you handle a difficult patron at the front desk?",
               "How would you handle a customer who was not satisfied with the repair?",
               "Tell me about a time a patient's family wasn't satisfied with the plan."]


@pytest.mark.parametrize("wording", UNSATISFIED)
def test_a_party_who_is_not_satisfied_is_a_disagreement(wording):
    found = families().recognise(wording)
    assert (found.verdict, found.best.id) == ("match", "disagreement")


def test_not_being_satisfied_with_ones_own_work_is_no_disagreement():
    found = families().recognise("Tell me about a time you were not satisfied with your own work.")
    assert found.best.id != "disagreement" or found.verdict == "none"


def test_how_the_receiving_provider_took_the_handoff_is_the_collaborators_probe():
    # "How did the receiving provider respond?" (holdout6, spent) fell under the probes' line when
    # the model was retrained on twelve sets; the families now name the receiving side.
    found = families().recognise("How did the receiving nurse respond to your report?")
    assert (found.verdict, found.best.id) == ("match", "collaborators")


def test_a_provider_responding_to_a_treatment_is_not_the_collaborators_probe():
    # near miss: the clinical response of a patient to a drug is no reaction of a colleague
    found = families().recognise("How did the patient respond to the medication?")
    assert found.best.id != "collaborators" or found.verdict == "none"
