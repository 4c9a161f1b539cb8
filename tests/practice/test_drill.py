"""Drill logic without a screen (the order is the practice schedule's: tests/practice/test_scheduler.py): defaults, probes, timer zones, memorisation."""

from __future__ import annotations

import pytest

from storybank import drill
from storybank.practice import PracticeRecord

QIDS = ["project", "failure", "disagreement", "performance", "learning", "motivation", "rubric", "schedule"]


def rec(question, ts=0.0, story=None, probe=None):
    return PracticeRecord(ts=ts, question=question, story=story, probe=probe)


def test_default_story_prefers_the_assignment():
    assert drill.default_story("project", {"project": "b"}, {"project": ["a", "b"]}) == "b"
    assert drill.default_story("project", {"project": None}, {"project": ["a", "b"]}) == "a"
    assert drill.default_story("rubric", {}, {}) is None


def test_pick_probe_rotates_through_the_least_asked():
    probes = ["differently", "alternatives", "technical", "collaborators"]
    assert drill.pick_probe(probes, [], "s") == "differently"
    records = [rec("project", story="s", probe="differently"), rec("project", story="s", probe="alternatives"),
               rec("project", story="other", probe="technical")]
    assert drill.pick_probe(probes, records, "s") == "technical"
    assert drill.pick_probe([], records, "s") is None


@pytest.mark.parametrize(("elapsed", "expected"), [(0, "short"), (59.9, "short"), (60, "window"),
                                                   (80, "window"), (80.1, "over"), (90, "over"),
                                                   (90.1, "limit")])
def test_answer_zones(elapsed, expected):
    assert drill.zone(elapsed, (60, 80), 90) == expected


def test_followup_zone_has_no_hard_limit():
    assert drill.zone(500, (30, 60)) == "over"
    assert drill.zone_text("over") == "past the window: stop"
    assert drill.zone_text("over", 90) != drill.zone_text("limit", 90)


def test_spoken_seconds():
    assert drill.count_words("I cut p99 from 4.2 s to 1.1 s — twice.") == 10  # the dash is not a word
    assert drill.spoken_seconds(" ".join(["word"] * 150), 150) == pytest.approx(60)
    assert drill.spoken_seconds("", 150) == 0


STORED = ("At Parcelo the order service wrote each order to PostgreSQL and then published an event "
          "to Kafka as a separate step. Whenever the publish failed the warehouse never heard about "
          "the order. We averaged 140 lost orders a month.")


def test_recited_answer_is_flagged():
    check = drill.check_memorised(STORED, STORED)
    assert check.compared and check.memorised and check.similarity == pytest.approx(1.0)
    assert "recited" in check.message()


def test_half_recited_answer_is_flagged():
    typed = STORED.split(". ")[0] + ". Um, so that is where it began for me honestly."
    assert drill.check_memorised(typed, STORED).memorised


def test_fresh_words_are_not_flagged():
    typed = ("So the problem was dual writes: orders landed in Postgres but the Kafka event sometimes "
             "never went out, and the warehouse lost around 140 orders every month.")
    check = drill.check_memorised(typed, STORED)
    assert check.compared and not check.memorised
    assert "sounds like you" in check.message()


def test_short_answers_are_not_judged():
    check = drill.check_memorised("Postgres and Kafka.", STORED)
    assert not check.compared and not check.memorised and check.message() == ""

