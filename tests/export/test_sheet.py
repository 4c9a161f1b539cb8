"""The sheet model: built from stories, an assignment dict, the catalog and the settings."""

from __future__ import annotations

import pytest

from storybank.catalog import builtin_catalog
from storybank.cues import key_numbers
from storybank.export.sheet import LEVELS, build_sheet, short_name, time_targets
from storybank.model import Story
from storybank.settings import Settings

from .conftest import QUESTION_IDS, small_story


def _stories() -> dict[str, Story]:
    return {f"s-{qid}": Story(**small_story(qid, n)) for n, qid in enumerate(QUESTION_IDS, start=1)}


def test_every_type_in_catalog_order_with_the_assigned_story():
    catalog = builtin_catalog()
    stories = _stories()
    assignment = {qid: f"s-{qid}" for qid in QUESTION_IDS}
    assignment["rubric"] = None
    del stories["s-rubric"]          # a gap is a type no story is mapped to
    sheet = build_sheet(stories, assignment, catalog, Settings())
    assert [e.id for e in sheet.entries] == catalog.question_ids()
    assert [e.number for e in sheet.entries] == list(range(1, 9))
    rubric = next(e for e in sheet.entries if e.id == "rubric")
    assert rubric.gap and rubric.gap_hint == catalog.question("rubric").gap_hint
    project = sheet.entries[0]
    assert not project.gap and project.title == stories["s-project"].title
    assert [n.text for n in project.numbers] == key_numbers(stories["s-project"])
    assert project.hook == "I owned the project work end to end"
    assert [p.letter for p in project.parts] == ["S", "A", "O", "R"]
    assert [f.label for f in project.followups] == [p.label for p in catalog.probes]
    assert sheet.covered == 7 and [e.id for e in sheet.gaps] == ["rubric"]


def test_unknown_story_ids_and_missing_assignments_are_gaps():
    sheet = build_sheet({}, {"project": "no-such-story"}, builtin_catalog(), Settings())
    assert all(e.gap for e in sheet.entries)
    # a story mapped to the type fills what the assignment left out: a gap only where nothing is mapped
    filled = build_sheet(_stories(), {"project": "no-such-story"}, builtin_catalog(), Settings())
    assert not any(e.gap for e in filled.entries) and filled.entries[0].story_id == "s-project"


def test_header_has_time_targets_and_the_four_probes():
    assert time_targets(Settings()) == [
        "Answer 60–80 s, never past 90 s", "Follow-ups 30–60 s", "15-minute interview"]
    custom = Settings(answer_seconds=(45, 75.5), answer_limit_seconds=100, followup_seconds=(30, 30),
                      interview_minutes=20)
    assert " · ".join(time_targets(custom)) == \
        "Answer 45–75.5 s, never past 100 s · Follow-ups 30 s · 20-minute interview"
    sheet = build_sheet({}, {}, builtin_catalog(), Settings())
    assert [p.id for p in sheet.probes] == ["differently", "alternatives", "technical", "collaborators"]
    assert sheet.targets_line.startswith("Answer 60–80 s")


def test_unprepared_followups_are_listed():
    story = Story(**{**small_story("project", 1), "followups": {"technical": "Redis sorted sets."}})
    sheet = build_sheet({"a": story}, {"project": "a"}, builtin_catalog(), Settings())
    entry = sheet.entries[0]
    assert [f.probe for f in entry.followups] == ["technical"]
    assert entry.unprepared == ["Differently", "Alternatives", "Collaborators"]


def test_levels_only_ever_shrink():
    fields = ("title_chars", "hook_chars", "numbers", "number_chars", "name_chars", "part_cues",
              "followup_cues", "cue_chars", "hint_chars", "font_pt")
    for before, after in zip(LEVELS, LEVELS[1:], strict=False):
        for name in fields:
            assert getattr(after, name) <= getattr(before, name), (after.index, name)
        assert after.show_question <= before.show_question
    assert all(level.part_cues >= 1 and level.followup_cues >= 1 for level in LEVELS)


@pytest.mark.parametrize(("name", "limit", "short"), [
    ("dashboard freshness (p95)", 30, "dashboard freshness (p95)"),
    ("dashboard freshness (p95)", 20, "dashboard freshness"),
    ("dashboard freshness (p95)", 12, "freshness"),
    ("x" * 40, 10, "xxxxxxxxx…"),
    ("anything", 0, ""),
])
def test_metric_names_keep_their_head_noun(name, limit, short):
    assert short_name(name, limit) == short
