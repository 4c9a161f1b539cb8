"""RoundJudge without the app: what a judged answer does to the screen's round."""

from __future__ import annotations

from types import SimpleNamespace

from storybank.answers.rounds import GivenRound
from storybank.drill import Round
from storybank.ui.judged_answers import RoundJudge


def test_the_story_told_goes_to_the_round_being_asked():
    screen = SimpleNamespace(round=Round("conflict"))
    judge = RoundJudge(screen)   # a stand-in screen: only its `round` is read here
    judge._set(GivenRound(story="spark-skew"))
    assert screen.round.story == "spark-skew"
    assert judge.given.story == "spark-skew"


def test_an_answer_heard_after_its_round_ended_is_kept_without_a_round():
    """The interview stopped while the answer was listened back to: the round is gone (the
    report card shows), the judged answer is still kept, and nothing fails."""
    screen = SimpleNamespace(round=None)
    judge = RoundJudge(screen)   # a stand-in screen: only its `round` is read here
    judge._set(GivenRound(story="spark-skew"))
    assert screen.round is None
    assert judge.given.story == "spark-skew"
