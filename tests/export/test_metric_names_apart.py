"""The key numbers on a tight sheet (round 21, sheet21): a long unit keeps a short form rather
than nothing, and two metrics of one story whose names shorten to the same words keep what tells
them apart. Inputs: the quant's story in tests/corpus_postings/quant (DOGFOOD21.md)."""

from __future__ import annotations

from storybank.cues import short_units
from storybank.cues.story import number_phrase
from storybank.export.sheet import LEVELS
from storybank.model import Metric

STUDY = Metric(name="study time", value=6, unit="hours per week for two months")


def test_a_long_unit_keeps_its_rate_or_short_form():
    # corpus_postings/quant "Teaching myself LightGBM…": "study time 6" lost its unit.
    assert short_units("hours per week for two months") == ["hours per week", "h/week"]
    assert short_units("percent") == ["%"]
    for level in LEVELS:
        said = number_phrase(STUDY, level.number_chars, level.name_chars)
        assert said.split()[-1] in ("months", "week", "h/week"), (level.index, said)
    assert number_phrase(STUDY, 40, 20) == "study time 6 hours per week"
    assert number_phrase(STUDY, 20, 10) == "study time 6 h/week"


def test_a_count_after_per_stays_with_its_noun():
    # corpus_postings/nursing heparin story: "errors per six months" never becomes "per six".
    assert short_units("errors per six months on the unit") == ["errors per six months"]
    assert short_units("shows per six months") == []


def test_a_short_unit_is_left_as_it_is():
    # Near miss: "per week" (corpus_professions/tuning languages story) and "lb" are short
    # already, and a unit with no short form ("Cohen's kappa") is not cut to a word.
    assert short_units("per week") == []
    assert short_units("lb") == []
    assert short_units("Cohen's kappa") == []
    assert number_phrase(Metric(name="hours in quiet months", value=20, unit="per week"), 44, 24) \
        == "hours in quiet months 20 per week"


ENERGY = Metric(name="forecast error improvement, energy markets", value=11, unit="percent")
ALL = Metric(name="forecast error improvement, all markets", value=4, unit="percent")


def _numbers(*metrics: Metric, level: int) -> list[str]:
    from storybank.cues.story import story_cues
    from storybank.model import Story

    story = Story(title="T", questions=["learning"], metrics=list(metrics))
    lv = LEVELS[level]
    return [c.text for c in story_cues(story, numbers=lv.numbers, number_chars=lv.number_chars,
                                       name_chars=lv.name_chars).numbers]


def test_two_names_that_shorten_alike_keep_what_tells_them_apart():
    # corpus_postings/quant "Teaching myself LightGBM…": "error improvement 11 percent ·
    # error improvement 4 percent" on the quant's sheet (DOGFOOD21.md).
    for level in range(0, 11):
        energy, every = _numbers(ENERGY, ALL, level=level)
        lv = LEVELS[level]
        assert "energy" in energy and len(energy) <= lv.number_chars, (level, energy)
        assert energy.replace("11", "") != every.replace("4", ""), (level, energy, every)
    assert _numbers(ENERGY, ALL, level=2) == ["error improvement, energy markets 11%",
                                                "error improvement, all markets 4 percent"]


def test_two_names_already_apart_are_left_as_they_were():
    # Near miss: corpus_holdout docs-sample-testing's "broken code samples" and
    # "documentation-error tickets" shorten to different words: nothing is added.
    broken = Metric(name="broken code samples", before=96, after=0)
    tickets = Metric(name="documentation-error tickets", before=58, after=12, unit="per month")
    assert _numbers(broken, tickets, level=5) == [number_phrase(broken, 36, 16), number_phrase(tickets, 36, 16)]
    # ...while "code samples under test" next to "broken code samples" is told apart.
    under = Metric(name="code samples under test", value=430)
    assert _numbers(broken, under, level=5) == ["broken code samples 96 → 0", "code samples under test 430"]
