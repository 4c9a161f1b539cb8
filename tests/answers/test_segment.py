"""Finding the four parts in running text: sentences, the spoken order, and how close the parts
come back when a story's parts are joined into one text (measure_segments.py)."""

from __future__ import annotations

import pytest

from storybank.answers.segment import LONG_SENTENCE_WORDS, segment, sentences
from storybank.words import count_words

from .measure_segments import HELD_OUT, TUNING, files, measure


def test_sentences_end_at_stops_not_at_decimals_or_abbreviations():
    text = ("We cut p95 from 4.2 s to 1.1 s. I ran it at 7 a.m. every day, e.g. during the "
            "backlog! Did it hold?\nYes")
    found = [s.text for s in sentences(text)]
    assert found == ["We cut p95 from 4.2 s to 1.1 s.",
                     "I ran it at 7 a.m. every day, e.g. during the backlog!", "Did it hold?", "Yes"]
    for s in sentences(text):
        assert text[s.start:s.end] == s.text


def test_a_run_on_answer_is_cut_at_its_clause_breaks():
    run_on = ("the nightly job was late every morning and the analysts waited on it so I opened "
              "the stage view and one task ran for hours because a placeholder key sent every "
              "unmatched row to one partition, so I split those rows out before the join and "
              "broadcast the provider table, and after that it finished in under an hour and it "
              "cost far less to run, and I learned to read the task times before adding nodes")
    found = sentences(run_on)
    assert len(found) >= 2
    assert all(count_words(s.text) <= LONG_SENTENCE_WORDS for s in found)


def test_the_parts_come_in_the_spoken_order():
    text = ("At Acme our checkout took 4 seconds. I profiled it and found an N+1 query. I replaced "
            "it with one join and added an index. Checkout fell from 4 seconds to 0.9. I learned "
            "to profile before guessing.")
    seg = segment(text)
    assert list(seg.labels) == sorted(seg.labels)
    parts = seg.parts()
    assert parts.situation.startswith("At Acme") and "fell from 4 seconds" in parts.outcome
    assert parts.reflection == "I learned to profile before guessing."
    assert "I replaced it with one join" in parts.action


def test_an_answer_without_a_lesson_has_no_reflection_and_an_empty_text_no_parts():
    parts = segment("I owned the billing service. I rewrote its retry loop in Go. Failures fell "
                    "from 40 a day to 3.").parts()
    assert parts.reflection == ""
    assert segment("").parts().to_json() == {"situation": "", "action": "", "outcome": "",
                                              "reflection": ""}


# Measured (tests/answers/measure_segments.py), as floors a little under the numbers it prints.
FLOORS = {
    "example bank": (0.88, {"situation": 0.85, "action": 0.9, "outcome": 0.75, "reflection": 0.7}),
    "corpus holdout": (0.75, {"situation": 0.7, "action": 0.8, "outcome": 0.6, "reflection": 0.6}),
    "professions holdout": (0.82, {"situation": 0.85, "action": 0.85, "outcome": 0.5,
                                   "reflection": 0.6}),
    "corpus (tuning)": (0.78, {"situation": 0.75, "action": 0.8, "outcome": 0.6, "reflection": 0.7}),
    "professions (tuning)": (0.8, {"situation": 0.7, "action": 0.85, "outcome": 0.5,
                                   "reflection": 0.65}),
}


@pytest.mark.parametrize("name", list(FLOORS))
def test_joined_parts_come_back_close_to_the_written_ones(name):
    folders = {**HELD_OUT, **TUNING}[name]
    m = measure(files(folders))
    words, parts = FLOORS[name]
    assert m["words right"] >= words, m
    for part, floor in parts.items():
        assert m[part] >= floor, (part, m)
