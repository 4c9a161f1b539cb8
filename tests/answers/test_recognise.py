"""Recognising the story an answer tells, on the labelled set `tellings.toml` and the corpora
(measure_recognition.py prints the same numbers)."""

from __future__ import annotations

import pytest

from storybank.answers.recognise import RECOGNISED, Recogniser, recogniser_for

from .conftest import TELLINGS
from .measure_recognition import CORPORA, load, weak_twins


@pytest.fixture(scope="module")
def rec(stories, catalog):
    return Recogniser([(s.id, s.story) for s in stories], catalog)


@pytest.mark.parametrize("telling", TELLINGS, ids=lambda t: f"{t['kind']}-{t['story'][:30] or 'off'}")
def test_every_telling_is_recognised_and_every_off_bank_answer_is_not(rec, telling):
    found = rec.recognise(telling["text"])
    if telling["story"]:
        assert found is not None and found.id == telling["story"], rec.scores(telling["text"])[:2]
    else:
        assert found is None, found


def test_the_margin_between_tellings_and_off_bank_answers(rec):
    told = [rec.scores(t["text"])[0].score for t in TELLINGS if t["story"]]
    off = [rec.scores(t["text"])[0].score for t in TELLINGS if not t["story"]]
    assert min(told) >= RECOGNISED + 15 and max(off) <= RECOGNISED - 10


@pytest.mark.parametrize("name", list(CORPORA))
def test_other_candidates_stories_are_off_bank(rec, name):
    strong = CORPORA[name][0]
    for sid, story in load(strong):
        assert rec.recognise(story.answer_text()) is None, sid


@pytest.mark.parametrize("name", list(CORPORA))
def test_in_its_own_corpus_each_weak_twin_is_recognised_as_its_strong_story(catalog, name):
    bank, pairs = weak_twins(name)
    own = Recogniser(bank, catalog)
    missed = []
    for stem, story, twin in pairs:
        found = own.recognise(story.answer_text())
        if found is None or found.id != twin:
            missed.append(stem)
    # Only a twin rewritten into generic words ("I want flexible income": the motivation trap)
    # keeps none of its story's facts, and that one is rightly told apart.
    assert all("motivation" in stem for stem in missed), missed
    assert len(missed) <= 0.1 * len(pairs)


def test_a_name_misheard_by_the_recogniser_still_counts(rec):
    said = ("I owned the nightly claims job at Tesolate Health. One task ran four hours because a "
            "placeholder key sent every unmatched row to the same partition, so I split those rows "
            "out before the join.")
    found = rec.recognise(said)
    assert found is not None and found.id.startswith("cutting-a-nightly-spark")


def test_a_short_remark_tells_no_story(rec):
    assert rec.recognise("I worked with Kafka and Go on a team.") is None
    assert rec.recognise("") is None


def test_the_index_is_built_once_per_bank_version(stories, catalog):
    pairs = [(s.id, s.story) for s in stories]
    first = recogniser_for(pairs, catalog, [s.digest for s in stories])
    assert recogniser_for(pairs, catalog, [s.digest for s in stories]) is first
    changed = [*(s.digest for s in stories[:-1]), "edited"]
    assert recogniser_for(pairs, catalog, changed) is not first
