"""Round 8 of issue 22: the grammar behind round 8's rules (round8_answers.toml holds the answers
each rule must fire on and its near misses, run by test_answers_round6.py), and the ownership
score of a spoken answer that tells no part of the speaker's."""

from __future__ import annotations

import pytest

from storybank.analysis.evidence import brought_evidence, learning_acts, life_event
from storybank.analysis.signals import dodge, runs_down, troubled_circumstance
from storybank.catalog import builtin_catalog
from storybank.settings import Settings

SIGNALS = {"dodge": dodge, "runs_down": runs_down, "troubled_circumstance": troubled_circumstance,
           "life_event": life_event, "brought_evidence": brought_evidence,
           "learning_acts": learning_acts}

# (signal, text, fires): each grammar with what it hears and the near misses it leaves alone.
CASES = [
    # a dodge: a present negation, a verb of having or meeting, the experience asked for
    ("dodge", "I don't really have conflicts", True),
    ("dodge", "I never get into arguments with people at work.", True),
    ("dodge", "We rarely run into problems on that team.", True),
    ("dodge", "I didn't see the error until QA flagged it.", False),  # a past event: a story
    ("dodge", "I don't have the final numbers, but the error rate fell.", False),  # too far off
    # running down: contempt beside a workplace or its people, in one clause
    ("runs_down", "I hate my current job", True),
    ("runs_down", "The competitor restaurant down the street has awful service and sub par food.", True),
    ("runs_down", "I've had way too many jobs that were just corporate ladder climbers and backstabbers.",
     True),
    ("runs_down", "I hate seeing patients wait in pain.", False),  # "hate" not said of a place
    ("runs_down", "The old system was terrible, so I rebuilt it.", False),  # a thing, not people
    ("runs_down", "The team was great. The old reports were terrible.", False),  # two clauses
    # a circumstance at fault: its subject and what was wrong with it
    ("troubled_circumstance", "the requirements kept changing", True),
    ("troubled_circumstance", "the timeline was impossible and the budget was cut", True),
    ("troubled_circumstance", "the requirements were agreed in the first week", False),
    ("troubled_circumstance", "the timeline was tight but the release shipped on the day", False),
    # a life event: a time of life and a person of one's own
    ("life_event", "my grandfather died of cancer when i was 10", True),
    ("life_event", "when i was a young child my mother was chronically ill", True),
    ("life_event", "i've always wanted to be a firefighter since i was a kid", False),  # no one
    ("life_event", "my family has always been in nursing", False),  # no time of life
    # evidence brought as a step told without its subject
    ("brought_evidence", "3. Presented data, not opinions: Showed deployment complexity metrics.", True),
    ("brought_evidence", "I explained my expectations, and provided evidence of them being sent home.",
     True),
    ("brought_evidence", "Believed the data was wrong.", False),  # a belief, not an act
    ("brought_evidence", "Talked it through with him over coffee.", False),  # no evidence in it
    # a way of learning told as an act, with what it was done with
    ("learning_acts", "for service mesh i ran a 2-week spike with two engineers", True),
    ("learning_acts", "by regularly reading industry publications and attending conferences", True),
    ("learning_acts", "we ran the migration over a weekend", False),  # work, not learning
    ("learning_acts", "i read about it online", False),  # no way of learning named
]


@pytest.mark.parametrize(("signal", "text", "fires"), CASES)
def test_a_grammar_hears_its_pattern_and_leaves_its_near_miss(signal, text, fires):
    assert (SIGNALS[signal](text) is not None) is fires


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
