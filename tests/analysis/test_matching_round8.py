"""Round 8 of issue 22: the "no match" line for the types depends on how the wording is put. A
wording that asks for a story holds a lower line than one that points back at a story or has no
frame at all, where the spent sets hold many more "none" wordings at the same score
(tests/corpus_real/RESULTS.md, "Round 8 (matcher)")."""

from __future__ import annotations

import pytest

from storybank.analysis.matching import (
    MODEL_NO_MATCH,
    MODEL_NO_MATCH_BY_FRAME,
    decide,
    matcher,
    recognise,
)
from storybank.analysis.types import MatchCandidate
from storybank.catalog import builtin_catalog

# A wording and the name of its frame: asks for a story, points back at one, or neither.
FRAMES = {
    "Tell me about a time your estimate was badly off.": "story",
    "How do you deal with conflicts?": "story",
    "What did you learn from that?": "back",
    "Do you learn more from failure or success?": "plain",
}


@pytest.mark.parametrize(("wording", "frame"), sorted(FRAMES.items()))
def test_each_wording_gets_the_frame_its_line_is_keyed_by(wording, frame):
    assert matcher(builtin_catalog()).frame_of(wording).name == frame


def test_asking_for_a_story_lowers_the_types_line():
    story, back, plain = (MODEL_NO_MATCH_BY_FRAME[f]["question"] for f in ("story", "back", "plain"))
    assert story < back == plain == MODEL_NO_MATCH["question"]
    # the probes keep one line whatever the frame
    assert {lines["probe"] for lines in MODEL_NO_MATCH_BY_FRAME.values()} == {MODEL_NO_MATCH["probe"]}


def test_the_same_score_is_a_type_when_a_story_is_asked_for_and_none_when_plain():
    at_57 = [MatchCandidate("question", "project", 57.0), MatchCandidate("probe", "technical", 5.0)]
    assert decide(at_57, 0.3, MODEL_NO_MATCH_BY_FRAME["story"], 30) == "match"
    assert decide(at_57, 0.3, MODEL_NO_MATCH_BY_FRAME["plain"], 30) == "none"


def test_a_story_asked_for_is_matched_under_the_kinds_old_line():
    found = recognise("Tell me about a time your estimate was badly off.", builtin_catalog())
    assert found.verdict == "match" and found.best.id == "failure"
    assert found.best.score < MODEL_NO_MATCH["question"]


def test_a_types_topic_asked_as_a_habit_is_the_type_a_trait_is_not():
    # "none" in holdout7 (spent), schedule under round 10's labelling rule (relabel_rule10.toml):
    # how the candidate balances work and life, asked as a habit, is the schedule type.
    found = recognise("How do you balance your work and personal life?", builtin_catalog())
    assert matcher(builtin_catalog()).frame_of(found.question).name == "story"
    assert (found.verdict, found.best.id) == ("match", "schedule")
    # Near miss (the README's example of a trait): no behaviour of the candidate's is asked.
    assert recognise("Are you a morning person?", builtin_catalog()).verdict == "none"


def test_a_plain_wording_under_the_kinds_line_stays_no_match_above_the_story_line():
    # an opinion asked about the topic of a type, with no story frame, keeps the kind's line
    # (holdout7, spent). Round 42's model puts "Do you learn more from failure or success?" (round
    # 8's and round 40's example) under 55 and this one, of the same set, between the lines.
    found = recognise("How do you make sure you are up to date regarding local/State protocols?", builtin_catalog())
    assert matcher(builtin_catalog()).frame_of(found.question).name == "plain"
    assert MODEL_NO_MATCH_BY_FRAME["story"]["question"] <= found.best.score < MODEL_NO_MATCH["question"]
    assert found.verdict == "unsure"  # under the plain line: not a match, the nearest only named


def test_a_catalog_without_a_model_keeps_one_line_for_every_frame():
    from storybank.analysis.matching import NO_MATCH, Matcher

    m = Matcher(builtin_catalog(), model=None)
    assert {line for lines in m.no_match.values() for line in lines.values()} == {NO_MATCH}
