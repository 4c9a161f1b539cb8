"""The spoken report holds the answer judge's report (`judged`) instead of a copy of its fields,
while the `rehearse` JSON and the practice line stay flat, as README "The JSON" documents them.

A report written and read back gives the same JSON again (generated reports, with and without a
judgement); lines older versions wrote load with or without a judgement, and anything else a
line may hold loads without a crash.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storybank.analysis.types import DIMENSIONS, Finding, RankedStory, Score, Severity
from storybank.answers.report import (
    AnswerReport,
    Cues,
    FollowupVerdict,
    NextProbe,
    Parts,
    Recital,
)
from storybank.speech.report import Engine, Fillers, FirstPerson, Pause, SpokenReport, judged_of
from storybank.zones import Zone

# The `rehearse` JSON's keys, in the order it prints them (README "The JSON").
REHEARSE_KEYS = [
    "story", "question", "probe", "audio", "engine", "transcript", "words", "speech_seconds",
    "span_seconds", "duration_seconds", "wpm", "pace", "zone", "fillers", "hedges", "pauses",
    "longest_pause_seconds", "numbers", "first_person", "cues", "memorised", "recital", "scores",
    "findings", "told", "parts", "next_probe", "followup", "advice",
]

texts = st.text(max_size=12)
shares = st.floats(0, 1, allow_nan=False)
seconds = st.floats(0, 10_000, allow_nan=False)
words = st.lists(texts, max_size=3).map(tuple)

findings = st.builds(
    Finding, texts, texts, texts, st.sampled_from(list(Severity)), texts, texts,
    st.one_of(st.none(), st.integers(-1000, 1000), seconds, texts))
judgements = st.builds(
    AnswerReport,
    text=texts,
    parts=st.builds(Parts, texts, texts, texts, texts),
    words=st.integers(0, 500),
    speaking_seconds=seconds,
    zone=st.sampled_from(list(Zone)),
    scores=st.lists(st.sampled_from(DIMENSIONS), unique=True).flatmap(
        lambda names: st.tuples(*[st.integers(0, 100) for _ in names]).map(
            lambda values: {n: Score(n, v) for n, v in zip(names, values, strict=True)})),
    findings=st.lists(findings, max_size=3).map(tuple),
    # An empty probe id is read back as "no probe"; the judge names one whenever the catalog has any.
    next_probe=st.builds(NextProbe, st.text(min_size=1, max_size=12), texts, texts),
    story=st.none() | st.builds(RankedStory, texts, texts, st.floats(0, 100, allow_nan=False)),
    cues=st.none() | st.builds(Cues, words, words, shares),
    recital=st.none() | st.builds(Recital, shares, st.booleans(), st.booleans()),
    followup=st.none() | st.builds(FollowupVerdict, st.sampled_from(["deeper", "restarted"]), words,
                                   shares, st.booleans()),
    probe=st.none() | texts,
)
reports = st.builds(
    SpokenReport,
    transcript=texts,
    words=st.integers(0, 500),
    speech_seconds=seconds,
    span_seconds=seconds,
    duration_seconds=seconds,
    wpm=st.floats(0, 400, allow_nan=False),
    pace=st.sampled_from(["slow", "window", "fast"]),
    zone=st.sampled_from(list(Zone)),
    fillers=st.builds(Fillers, st.integers(0, 50), st.floats(0, 60, allow_nan=False),
                      st.dictionaries(texts, st.integers(0, 20), max_size=3),
                      st.none() | st.floats(0, 20, allow_nan=False)),
    hedges=words,
    pauses=st.lists(st.builds(Pause, seconds, seconds, texts), max_size=3).map(tuple),
    longest_pause_seconds=seconds,
    numbers=words,
    first_person=st.builds(FirstPerson, st.integers(0, 30), st.integers(0, 30)),
    judged=st.none() | judgements,
    question=st.none() | texts,
    audio=st.none() | texts,
    engine=st.none() | st.builds(Engine, texts, texts),
    advice=words,
)


@settings(max_examples=150, deadline=None)
@given(reports)
def test_the_rehearse_json_and_the_practice_line_read_back_to_the_same_json(report):
    data = report.to_json()
    assert list(data) == REHEARSE_KEYS
    again = SpokenReport.from_json(data)
    assert again.to_json() == data
    assert (again.judged is None) is (report.judged is None)
    line = report.log_json()
    assert SpokenReport.from_json(line).log_json() == line
    assert (SpokenReport.from_json(line).judged is None) is (report.judged is None)


@given(reports)
def test_the_judges_content_is_flat_beside_the_delivery_under_its_rehearse_names(report):
    data, judged = report.to_json(), report.judged
    if judged is None:
        assert data["parts"] is None and data["scores"] == {} and data["told"] is None
        assert data["recital"]["compared"] is False and report.story is None
        return
    answer = judged.to_json()
    for key in ("cues", "scores", "findings", "parts", "next_probe", "followup"):
        assert data[key] == answer[key], key
    assert data["told"] == answer["story"]
    assert data["story"] == (judged.story.id if judged.story else None) == report.story
    recital = judged.recital or Recital(compared=False)
    assert data["memorised"] == {"overlap": round(recital.share, 2), "memorised": recital.recited}


def test_a_line_with_figures_only_holds_no_judgement_and_a_scored_one_does():
    figures = SpokenReport.from_json({"wpm": 148.0, "fillers": {"per_minute": 2.5}})
    assert figures.wpm == 148.0 and figures.judged is None and judged_of(figures) is None
    scored = SpokenReport.from_json({"wpm": 148.0, "scores": {"ownership": 65, "grit": 9}})
    assert scored.judged is not None and scored.judged.score_values() == {"ownership": 65}


def test_a_recital_not_compared_says_nothing_but_the_older_memorised_shape_does():
    unsaid = SpokenReport.from_json({"recital": {"share": 0.0, "recited": False, "compared": False},
                                     "memorised": {"overlap": 0.9, "memorised": True}})
    assert unsaid.judged is None and not unsaid.recited
    older = SpokenReport.from_json({"transcript": "as written", "memorised":
                                    {"overlap": 0.9, "memorised": True}})
    assert older.judged is not None and older.recited and older.judged.text == "as written"
    recital = older.judged.recital
    assert recital is not None and recital.share == 0.9 and recital.compared


def test_the_story_told_is_the_judges():
    line = {"told": {"id": "spark", "title": "Cutting the Spark job", "score": 71.04},
            "story": "ignored: the practice line names the story itself"}
    report = SpokenReport.from_json(line)
    assert report.story == "spark" and report.to_json()["told"]["score"] == 71.0
    assert SpokenReport.from_json({"told": {"title": "no id"}}).story is None


@pytest.mark.parametrize("odd", [float("nan"), float("inf"), float("-inf")])
def test_a_count_written_as_nan_or_infinity_reads_as_none_counted(odd):
    # Python's json reads NaN and Infinity; a practice log holding one still opens (Hypothesis found it).
    report = SpokenReport.from_json({"words": odd})
    assert report.to_json()["words"] == 0


values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
                      lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=8)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(REHEARSE_KEYS), values, max_size=10))
def test_any_line_loads_without_a_crash_and_writes_back(line):
    report = SpokenReport.from_json(line)
    assert list(report.to_json()) == REHEARSE_KEYS
    assert isinstance(report.recited, bool)
