"""One recital verdict: long verbatim runs of the written story, not shared words."""

from __future__ import annotations

import random

import pytest

from storybank import drill
from storybank.answers.recital import MIN_WORDS, RECITED_SHARE, recital, recital_share, words

from .conftest import TELLINGS


def written(stories, story_id):
    return next(s.story for s in stories if s.id == story_id).answer_text()


def test_a_typed_copy_is_a_recital_and_says_so(stories):
    story = written(stories, "rebuilding-smart-meter-ingestion-at-lumora-energy")
    verdict = recital(story, story)
    assert verdict.compared and verdict.recited and verdict.share == pytest.approx(1.0)


@pytest.mark.parametrize("telling", [t for t in TELLINGS if t["story"]],
                         ids=lambda t: f"{t['kind']}-{t['story'][:30]}")
def test_a_retelling_in_fresh_words_is_candid_even_with_the_storys_numbers(stories, telling):
    verdict = recital(telling["text"], written(stories, telling["story"]))
    assert verdict.compared and not verdict.recited
    # A telling that keeps every number says some facts in the story's own short runs ("set
    # full transitive compatibility on all 14"); a sparse one hardly any.
    assert verdict.share <= (RECITED_SHARE - 0.05 if telling["kind"] == "full" else 0.15)


def test_a_recital_stays_a_recital_through_recognition_errors(stories):
    story = written(stories, "cutting-a-nightly-spark-claims-job-from-5h40m-to-58-minutes")
    rng = random.Random(7)
    said = story.split()
    for i in range(0, len(said), 9):   # one word in nine misheard
        said[i] = rng.choice(["drones", "height", "waving", "mail"])
    assert recital_share(" ".join(said), story) >= RECITED_SHARE + 0.2


def test_spelling_and_spoken_numbers_do_not_break_a_run():
    story = "I normalised the queue and it fell from 340 minutes to 58 minutes on the first night."
    said = "I normalized the queue and it fell from three hundred forty minutes to fifty eight minutes on the first night."
    assert words(story) == words(said)
    assert recital(said, story).recited


def test_too_short_to_tell_is_not_judged():
    verdict = recital("Postgres and Kafka, mostly.", "Postgres and Kafka, mostly, for years.")
    assert not verdict.compared and not verdict.recited
    assert len(words("Postgres and Kafka, mostly.")) < MIN_WORDS


def test_the_drills_typed_check_is_the_same_verdict(stories):
    story = written(stories, "dock-appointment-scheduling-for-11-harborline-warehouses")
    telling = next(t["text"] for t in TELLINGS
                   if t["story"] == "dock-appointment-scheduling-for-11-harborline-warehouses")
    for said in (story, telling, story[: len(story) // 2] + " " + telling):
        check, verdict = drill.check_memorised(said, story), recital(said, story)
        assert (check.similarity, check.memorised, check.compared) == \
            (verdict.share, verdict.recited, verdict.compared)
