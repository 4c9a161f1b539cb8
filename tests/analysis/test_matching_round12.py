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
# A patron, a customer or a patient who is not satisfied is the "someone" of disagreement (the
# corpus README's rule); "dissatisfied" was already one.
UNSATISFIED = ["How do you handle a difficult patron at the front desk?",
               "How would you handle a customer who was not satisfied with the repair?",
               "Tell me about a time a patient's family wasn't satisfied with the plan."]
# "How did the receiving provider respond?" (holdout6, spent) fell under the probes' line when the
# model was retrained on twelve sets; the families now name the receiving side.
RECEIVING = ["How did the receiving nurse respond to your report?"]

FAMILIES = ([(w, "motivation") for w in CAREER_CHOICE] + [(w, "disagreement") for w in UNSATISFIED]
            + [(w, "collaborators") for w in RECEIVING])

NEAR_MISSES = [
    # "go into" a place, and a role the candidate left: no career choice
    ("Why did you go into the office on Sunday?", "motivation"),
    ("Why did you become a manager and then leave the role?", "motivation"),
    # not satisfied with one's own work: no other side
    ("Tell me about a time you were not satisfied with your own work.", "disagreement"),
    # the clinical response of a patient to a drug is no reaction of a colleague
    ("How did the patient respond to the medication?", "collaborators"),
]


@pytest.mark.parametrize(("wording", "expected"), FAMILIES)
def test_a_round12_family_is_recognised(wording, expected):
    found = families().recognise(wording)
    assert (found.verdict, found.best.id) == ("match", expected)


@pytest.mark.parametrize(("wording", "family"), NEAR_MISSES)
def test_a_round12_near_miss_is_not_read_as_the_family(wording, family):
    found = families().recognise(wording)
    assert found.best.id != family or found.verdict == "none", (found.verdict, found.best.id)
