"""Round 8 of issue 22: the grammar behind round 8's rules (round8_answers.toml holds the answers
each rule must fire on and its near misses, run by test_answers_round6.py), and the ownership
score of a spoken answer that tells no part of the speaker's."""

from __future__ import annotations

import pytest

from storybank.analysis.evidence import brought_evidence, life_event
from storybank.analysis.signals import dodge, runs_down, troubled_circumstance
from storybank.catalog import builtin_catalog
from storybank.settings import Settings


@pytest.mark.parametrize(("text", "fires"), [
    ("I don't really have conflicts", True),
    ("I never get into arguments with people at work.", True),
    ("We rarely run into problems on that team.", True),
    ("I didn't see the error until QA flagged it.", False),  # a past event denied: a story
    ("I don't have the final numbers, but the error rate fell.", False),  # too far to be its object
])
def test_a_dodge_is_a_negation_a_verb_of_having_and_the_experience(text, fires):
    assert (dodge(text) is not None) is fires


@pytest.mark.parametrize(("text", "fires"), [
    ("I hate my current job", True),
    ("The competitor restaurant down the street has awful service and sub par food.", True),
    ("I've had way too many jobs that were just corporate ladder climbers and backstabbers.", True),
    ("I hate seeing patients wait in pain.", False),  # "hate" not said of a workplace
    ("The old system was terrible, so I rebuilt it.", False),  # a thing, not a place or people
    ("The team was great. The old reports were terrible.", False),  # not in one clause
])
def test_running_down_is_contempt_beside_a_workplace_or_its_people(text, fires):
    assert (runs_down(text) is not None) is fires


@pytest.mark.parametrize(("text", "fires"), [
    ("the requirements kept changing", True),
    ("the timeline was impossible and the budget was cut", True),
    ("the requirements were agreed in the first week", False),
    ("the timeline was tight but the release shipped on the day", False),
])
def test_a_circumstance_at_fault_is_its_subject_and_what_was_wrong(text, fires):
    assert (troubled_circumstance(text) is not None) is fires


@pytest.mark.parametrize(("text", "fires"), [
    ("my grandfather died of cancer when i was 10", True),
    ("when i was a young child my mother was chronically ill", True),
    ("i've always wanted to be a firefighter since i was a kid", False),  # no one of theirs
    ("my family has always been in nursing", False),  # no time of life
])
def test_a_life_event_is_a_time_of_life_and_a_person_of_ones_own(text, fires):
    assert (life_event(text) is not None) is fires


@pytest.mark.parametrize(("text", "fires"), [
    ("3. Presented data, not opinions: Showed deployment complexity metrics.", True),
    ("I explained my expectations, and provided evidence of them being sent home.", True),
    ("Believed the data was wrong.", False),  # a belief, not an act
    ("Talked it through with him over coffee.", False),  # an act, but no evidence in it
])
def test_a_step_told_without_its_subject_brings_evidence(text, fires):
    assert (brought_evidence(text) is not None) is fires


def _ownership(text: str, qtype: str | None):
    from storybank.answers.judge import judge_answer

    return judge_answer(text, builtin_catalog(), Settings(), question=qtype).scores["ownership"]


NO_PART = "no part of the speaker's is told"


def test_ownership_falls_when_no_part_of_the_speakers_is_told():
    # holdout7#12 (the source: "no personal action") against the same answer with a part told
    team = "We had this group project, and someone left. It was tough, but we managed to finish it somehow."
    mine = "We had this group project, and someone left. It was tough, but I split her part and we finished."
    assert abs(len(team.split()) - len(mine.split())) <= 3
    lower, higher = _ownership(team, "project"), _ownership(mine, "project")
    assert any(NO_PART in reason for reason in lower.reasons)
    assert not any(NO_PART in reason for reason in higher.reasons)
    assert higher.value > lower.value


def test_a_team_result_with_its_figures_keeps_its_ownership():
    score = _ownership("We cut load time from 7s to 2.4s in 3 weeks by moving the image resizing "
                       "off the request path.", "performance")
    assert not any(NO_PART in reason for reason in score.reasons)


def test_the_scores_name_rules_that_exist():
    from storybank.analysis.engine import rules_for
    from storybank.analysis.scores import NO_PART_RULES, TEAM_ONLY_RULE

    names = {r.name for r in rules_for(builtin_catalog()).values()}
    assert TEAM_ONLY_RULE in NO_PART_RULES <= names


def test_specificity_falls_when_the_work_is_told_only_as_the_teams():
    from storybank.answers.judge import judge_answer

    def specificity(text: str):
        return judge_answer(text, builtin_catalog(), Settings(), question="project").scores["specificity"]

    # holdout7#30 (the source: "no specific action this person personally delivered") against
    # the same length with the speaker's own part told
    team = ("Look at 2017 overall. We got so much done. Our whole Revenue organization was just a "
            "different animal, and the numbers we were putting out were just incredible!")
    mine = ("Look at 2017 overall. I rebuilt the pricing page. Our whole Revenue organization was "
            "just a different animal, and the numbers I brought in were just incredible!")
    assert abs(len(team.split()) - len(mine.split())) <= 3
    lower, higher = specificity(team), specificity(mine)
    assert any("only as the team's" in reason for reason in lower.reasons)
    assert not any("only as the team's" in reason for reason in higher.reasons)
