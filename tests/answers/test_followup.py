"""A follow-up answer judged against the first: deeper, or restarted."""

from __future__ import annotations

import glob
import tomllib
from pathlib import Path

from storybank.answers.followup import REOPEN_SHARE, RESTART_SHARE, judge_followup, new_facts
from storybank.model import PROBES, Story

from .conftest import ROOT, TELLINGS


def test_the_prepared_layers_of_the_example_bank_go_deeper(stories):
    restarted = []
    for s in stories:
        for probe in PROBES:
            layer = s.story.followup(probe)
            verdict = judge_followup(s.story.answer_text(), layer)
            if verdict.restarted:
                restarted.append((s.id, probe))
            assert verdict.repeated_share < RESTART_SHARE
            assert verdict.new_facts, (s.id, probe)
    # One layer of 48 ("I would accept the canary ...") says most of its answer's situation again.
    assert len(restarted) <= 1, restarted


def test_the_corpora_prepared_layers_go_deeper_almost_always():
    total = restarted = 0
    for path in glob.glob(str(ROOT / "tests/corpus*/**/strong/*.toml"), recursive=True):
        story = Story.model_validate(tomllib.loads(Path(path).read_text(encoding="utf-8")))
        for probe in PROBES:
            if story.followup(probe):
                total += 1
                restarted += judge_followup(story.answer_text(), story.followup(probe)).restarted
    assert total > 300 and restarted <= 0.03 * total, (restarted, total)


def test_retelling_the_story_is_a_restart(stories):
    for telling in TELLINGS:
        if telling["story"]:
            first = next(s.story for s in stories if s.id == telling["story"]).answer_text()
            verdict = judge_followup(first, telling["text"])
            assert verdict.restarted, (telling["story"], telling["kind"], verdict.repeated_share)


def test_a_retelling_after_another_retelling_is_mostly_a_restart():
    told: dict[str, dict[str, str]] = {}
    for telling in TELLINGS:
        if telling["story"]:
            told.setdefault(telling["story"], {})[telling["kind"]] = telling["text"]
    caught = total = 0
    for pair in told.values():
        for first, again in ((pair["full"], pair["sparse"]), (pair["sparse"], pair["full"])):
            total += 1
            caught += judge_followup(first, again).restarted
    # A full retelling after a sparse answer adds many new facts: some pass for deeper.
    assert caught >= 0.75 * total, (caught, total)


def test_reopening_with_the_situation_is_a_restart_even_when_new_facts_follow():
    first = ("At Tessellate Health I owned a nightly PySpark job that joined claim lines with "
             "provider data and missed the analyst deadline. I profiled it and split the skewed "
             "rows out. Runtime fell from 340 minutes to 58.")
    followup = ("So at Tessellate Health I owned this nightly PySpark job joining claim lines and "
                "provider data. Technically, Spark used a sort-merge join, so 75 million UNKNOWN "
                "rows hashed to one task that spilled 90 GB to disk.")
    verdict = judge_followup(first, followup)
    assert verdict.reopened and verdict.restarted
    assert verdict.repeated_share < RESTART_SHARE   # the reopening alone decides it
    assert REOPEN_SHARE <= 1


def test_new_facts_name_what_the_first_answer_lacked():
    first = "I moved the exports to Temporal and silent failures stopped."
    followup = ("Our manager set a two-week limit, and the senior data engineer wrote the runbook. "
                "Temporal replays the event history, so a worker dies without losing the 72-hour "
                "wait. Next time I would price Temporal Cloud first.")
    facts = new_facts(first, followup)
    assert "number: 72" in facts
    assert any(f.startswith("person:") for f in facts)
    assert any(f.startswith("lesson:") for f in facts)
    assert not any(f.removeprefix("name: ") == "Temporal" for f in facts)   # said before


def test_a_lesson_is_quoted_with_a_capital_i():
    facts = new_facts("I taught myself Rust.", "I learned to fuzz every parser I write.")
    assert "lesson: I learned" in facts and not any("i learned" in f for f in facts)
