"""Round 15 of issue 22: the grammar behind round 15's readings (round15_answers.toml holds the
answers each must clear or keep warned, run by test_answers_round6.py)."""

from __future__ import annotations

import pytest

from storybank.analysis.evidence import learning_acts, researched_employer
from storybank.analysis.lexicon import normalise
from storybank.analysis.signals import blame, cause_links, mechanism_causes

CASES = [
    # a way of learning: a verb of going through sources, its object read to the clause's end
    (learning_acts, "i dove into the user manuals and got on the training webinars", True),
    (learning_acts, "i regularly review irs guidance, state tax department updates, and trusted "
                    "professional publications", True),
    (learning_acts, "i joined the team and we held weekly sessions", False),  # another subject
    (learning_acts, "i reviewed the pull request before lunch", False),  # no source named
    # a thing learned to build something with it
    (learning_acts, "last year i had to pick up rust from scratch to build a microservice", True),
    (learning_acts, "i'm sure i could learn it quickly", False),  # builds nothing
    # what the speaker found out about the employer
    (researched_employer, "i went through many reviews online regarding your organization", True),
    (researched_employer, "i've heard great things about your company", False),  # hearsay
    (researched_employer, "i read the posting. your company seems great", False),  # two clauses
]


@pytest.mark.parametrize(("reader", "text", "fires"), CASES)
def test_a_reading_hears_its_pattern_and_leaves_its_near_miss(reader, text, fires):
    assert (reader(text) is not None) is fires


def test_a_cause_is_told_as_the_result_of_something_or_what_the_choice_was_given():
    assert "result of" in cause_links(normalise("Many calls were the result of quality problems."))
    assert "given our" in cause_links(normalise("REST was the better fit given our use case."))
    # "I was given the task" gives no reason
    assert cause_links(normalise("I was given the task of moving the reports.")) == []


def test_should_ve_blames_like_should_have_and_only_someone_else():
    assert blame("but they should’ve checked the app.")[0] == "they ... should've"
    assert blame("I should’ve checked the app.")[0] is None


def test_a_bare_quality_of_the_thing_chosen_is_no_mechanism():
    assert mechanism_causes(normalise("We used Redis because it's fast.")) == []
    assert mechanism_causes(normalise("I thought React was better because it's more popular.")) == []
    assert mechanism_causes(normalise("We cached it because it's faster to recompute than to fetch.")) \
        == ["because"]
