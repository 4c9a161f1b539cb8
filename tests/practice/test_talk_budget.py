"""The mock interview's talk budget (issue 21, item 3), the card's notes on the stories told
(item 6) and a round judged as given (storybank.answers.rounds): each rule with a real positive
and a near-miss negative."""

from __future__ import annotations

from storybank import interview
from storybank.answers.report import FollowupVerdict
from storybank.answers.rounds import GivenRound, deeper_line
from storybank.interview import CardRow, ReportCard
from storybank.settings import DEFAULT


def test_the_budget_fits_the_questions_in_the_slot():
    low, high = interview.talk_target(15)
    for n in (6, 7, 8):
        answer, followup = interview.answer_budget(n, DEFAULT)
        assert low * 0.9 <= n * (answer + followup) <= high       # it fits the 10–11 minutes
    assert interview.answer_budget(4, DEFAULT) == (70.0, 45.0)     # a short session keeps the windows
    assert interview.answer_budget(8, DEFAULT)[0] < 70.0


def test_the_meter_warns_before_the_slot_is_overrun():
    # eight rounds at the windows' middles (70 s + 45 s) come to 15:20: warned after the first
    assert interview.budget_warning(115, 1, 8, DEFAULT) is not None
    assert "about" in interview.budget_warning(115, 1, 8, DEFAULT)
    assert interview.budget_warning(0, 0, 8, DEFAULT, current=115) is not None   # mid-round too
    # near miss: rounds on their budget are not warned
    answer, followup = interview.answer_budget(8, DEFAULT)
    assert interview.budget_warning(answer + followup, 1, 8, DEFAULT) is None
    assert interview.budget_warning(0, 0, 8, DEFAULT, current=10) is None


def _row(question: str, story: str | None, answer: float = 70, followup: float = 45) -> CardRow:
    return CardRow(question, story, "differently", answer, "window", followup, "window")


def test_the_card_says_how_much_to_cut():
    rows = [_row("project", f"s{i}") for i in range(8)]
    card = ReportCard(rows, 8, talk_seconds=8 * 115, talk_target=interview.talk_target(15))
    advice = interview.talk_advice(card, DEFAULT)
    answer, _ = interview.answer_budget(8, DEFAULT)
    assert advice == (f"You talked 15:20; aim for 10–11 minutes: cut each answer to about "
                      f"{answer:.0f} s and each follow-up to about 30 s.")
    inside = ReportCard(rows, 8, talk_seconds=630, talk_target=interview.talk_target(15))
    assert interview.talk_advice(inside, DEFAULT) is None           # near miss: in the target


def test_a_story_told_twice_or_off_its_type_is_noted():
    mapped = {"a": ["project"], "b": ["failure"]}
    titles = {"a": "Outbox", "b": "Outage"}
    labels = {"project": "Owned project", "failure": "Failure", "rubric": "Rubric"}
    notes = interview.story_notes([_row("project", "a"), _row("failure", "a")], mapped, titles, labels)
    assert any("told for question 1 and again for question 2" in n for n in notes)
    assert any("not mapped to Failure" in n for n in notes)
    # near miss: two stories, each on its own type
    assert interview.story_notes([_row("project", "a"), _row("failure", "b")], mapped, titles, labels) == []


def test_a_round_given_knows_its_story_and_a_correction():
    given = GivenRound(story=None)
    assert given.recognised is None and not given.judged
    corrected = given.told("b")
    assert corrected.story == "b" and corrected.corrected
    assert not corrected.told(None).corrected     # back to what was recognised: no correction


def test_the_follow_up_verdict_line_has_its_figures():
    deeper = FollowupVerdict("deeper", ("number: 12", "name: Priya"), 0.1, False)
    assert deeper_line(deeper) == "deeper: 2 new facts (12, Priya), 10% repeated from the first answer"
    restarted = FollowupVerdict("restarted", (), 0.7, False)
    assert deeper_line(restarted).startswith("restarted the story (70% repeated")
    reopened = FollowupVerdict("restarted", (), 0.2, True)
    assert "opened with the situation again" in deeper_line(reopened)
