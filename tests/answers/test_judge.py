"""The judge as a whole: the `answer` JSON of README "The JSON", what it drops, follow-up answers, errors,
and its speed."""

from __future__ import annotations

import statistics
import time

import pytest

from storybank.answers.judge import about_the_file, judge_answer
from storybank.answers.report import AnswerReport
from storybank.errors import StorybankError

from .conftest import TELLINGS, WEAK

SPARK = "cutting-a-nightly-spark-claims-job-from-5h40m-to-58-minutes"
SPEC_KEYS = {"question", "story", "parts", "words", "speaking_seconds", "zone", "scores",
             "findings", "cues", "recital", "next_probe", "followup"}
DIMENSIONS = {"specificity", "ownership", "technical_depth", "compression"}


def full_telling(story_id: str) -> str:
    return next(t["text"] for t in TELLINGS if t["story"] == story_id and t["kind"] == "full")


def test_the_json_has_the_spec_shape_and_reads_back(judge):
    report = judge(full_telling(SPARK), question="performance")
    data = report.to_json()
    assert set(data) >= SPEC_KEYS
    assert data["question"] == {"kind": "question", "id": "performance", "score": 100.0}
    assert data["story"]["id"] == SPARK and 0 <= data["story"]["score"] <= 100
    assert set(data["parts"]) == {"situation", "action", "outcome", "reflection"}
    assert set(data["scores"]) == DIMENSIONS
    assert data["zone"] in ("short", "window", "over", "limit")
    assert set(data["cues"]) == {"said", "missed", "share"} and 0 <= data["cues"]["share"] <= 1
    assert set(data["recital"]) >= {"share", "recited"}
    assert set(data["next_probe"]) == {"id", "prompt", "reason"}
    assert data["followup"] is None
    assert AnswerReport.from_json(data).to_json() == data


def test_a_question_by_its_wording_is_matched(judge):
    report = judge(full_telling(SPARK), question="What's the slowest thing you ever sped up?")
    assert report.question is not None and report.question.id == "performance"


def test_findings_about_a_story_file_are_not_an_answers(judge):
    for telling in TELLINGS:
        report = judge(telling["text"])
        assert not any(about_the_file(f) for f in report.findings)
        assert not {f.category for f in report.findings} & {"structure", "depth_layers"}
        codes = {f.code for f in report.findings}
        assert not codes & {"SB105", "SB302", "SB402", "SB204"}, codes


def test_an_off_bank_answer_is_judged_on_its_own(judge):
    off = next(t["text"] for t in TELLINGS if not t["story"])
    report = judge(off, question="failure")
    assert report.story is None and report.cues is None and report.recital is None
    assert set(report.score_values()) == DIMENSIONS and report.next_probe.id


def test_strong_answers_outscore_weak_ones_in_every_question_type(judge, example_bank):
    types = {}
    for t in TELLINGS:
        if t["kind"] == "full":
            story = next(s.story for s in example_bank.stories if s.id == t["story"])
            types.setdefault(story.questions[0], t["text"])
    for weak in WEAK:
        strong = judge(types[weak["question"]], question=weak["question"])
        poor = judge(weak["text"], question=weak["question"])
        assert sum(strong.score_values().values()) > sum(poor.score_values().values()) + 60, \
            (weak["question"], strong.score_values(), poor.score_values())
        assert poor.story is None
        assert any(f.category == "pitfall" or f.code in ("SB201", "SB202", "SB203")
                   for f in poor.findings), weak["question"]


def test_the_spoken_rate_turns_words_into_seconds(judge):
    text = full_telling(SPARK)
    at_rate = judge(text)
    faster = judge(text, wpm=300.0)
    assert faster.speaking_seconds == pytest.approx(at_rate.speaking_seconds / 2, abs=0.2)


def test_a_follow_up_answer_is_timed_against_the_follow_up_window_and_compared(judge, stories):
    first = full_telling(SPARK)
    layer = next(s.story for s in stories if s.id == SPARK).followup("technical")
    deeper = judge(layer, probe="technical", first=first)
    assert deeper.probe == "technical" and deeper.zone == "window"   # 100 words ≈ 40 s of 30-60
    assert deeper.followup is not None and deeper.followup.verdict == "deeper"
    assert deeper.followup.new_facts and deeper.next_probe.id != "technical"
    restart = judge(next(t["text"] for t in TELLINGS if t["story"] == SPARK and t["kind"] == "sparse"),
                    probe="technical", first=first)
    assert restart.followup is not None and restart.followup.verdict == "restarted"
    data = restart.to_json()["followup"]
    assert set(data) >= {"verdict", "new_facts", "repeated_share"}


def test_what_cannot_be_judged_is_refused_with_one_clear_message(judge):
    with pytest.raises(StorybankError, match="empty"):
        judge("   \n ")
    with pytest.raises(StorybankError, match="no story `nope`"):
        judge("I did things.", story="nope")
    with pytest.raises(StorybankError, match="unknown probe"):
        judge("I did things.", probe="why")


def test_a_named_story_is_the_story_told(judge):
    report = judge("I did some work on a data pipeline once.", story=SPARK)
    assert report.story is not None and report.story.id == SPARK and report.story.score < 52


def test_judging_one_answer_takes_well_under_100_ms(example_bank, catalog, stories):
    """CPU time, so that other work on a shared machine does not count (about 6 ms each on the
    development machine)."""
    judge_answer(TELLINGS[0]["text"], catalog, example_bank.settings, stories)   # imports, index
    times = []
    for telling in TELLINGS:
        start = time.process_time()
        judge_answer(telling["text"], catalog, example_bank.settings, stories)
        times.append(time.process_time() - start)
    assert statistics.median(times) < 0.05 and max(times) < 0.1, times
