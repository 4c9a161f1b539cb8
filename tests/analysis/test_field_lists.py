"""The story's field lists come from the model: a list typed out by hand somewhere else fails here."""

from __future__ import annotations

import re
from pathlib import Path

import storybank
from storybank.analysis.context import StoryContext
from storybank.analysis.engine import analyze
from storybank.analysis.rules import structure
from storybank.catalog import Pitfall, builtin_catalog
from storybank.export.sheet import PART_LETTERS
from storybank.model import (
    METRIC_KEYS,
    NESTED_KEYS,
    PARTS,
    PROBES,
    PROSE,
    SPOKEN_PART,
    STORY_KEYS,
    TEXT_FIELDS,
    Cues,
    Followups,
    Metric,
    Story,
)
from storybank.settings import Settings
from storybank.storyfile import _FIELD_NAMES, _PART_FIELDS

SRC = Path(storybank.__file__).parent


def test_the_lists_are_read_off_the_models():
    fields = Story.model_fields
    assert tuple(n for n, f in fields.items() if SPOKEN_PART in f.metadata) == PARTS
    assert len(PARTS) >= 4 and all(fields[p].annotation is str for p in PARTS)
    assert tuple(Followups.model_fields) == PROBES
    assert {f.alias or n for n, f in fields.items()} == STORY_KEYS and "schema" in STORY_KEYS
    assert set(Metric.model_fields) == METRIC_KEYS
    assert METRIC_KEYS | set(PROBES) | set(Cues.model_fields) == NESTED_KEYS
    assert set(TEXT_FIELDS) <= STORY_KEYS and set(PROSE) <= set(TEXT_FIELDS)


def test_every_reader_uses_the_model_lists():
    assert _FIELD_NAMES == STORY_KEYS and _PART_FIELDS == NESTED_KEYS
    assert structure.KNOWN_KEYS == STORY_KEYS
    assert Pitfall(code="X1", name="x", message="m").fields == list(PARTS)
    assert tuple(PART_LETTERS) == PARTS
    assert tuple(builtin_catalog().probe_ids()) == PROBES


def test_the_analysis_measures_every_part_and_probe():
    story = Story(title="T", questions=["project"], **{p: "I did it." for p in PARTS},
                  followups=Followups(**{p: "Because." for p in PROBES}))
    ctx = StoryContext.build(story, "t", builtin_catalog(), Settings())
    assert tuple(ctx.parts) == PARTS and tuple(ctx.followups) == PROBES
    report = analyze(story, builtin_catalog(), Settings(), "t")
    assert tuple(report.part_seconds) == PARTS and tuple(report.followup_seconds) == PROBES
    assert all(ctx.field_norm((name,)) for name in TEXT_FIELDS if name != "ownership")


def test_no_list_of_fields_is_typed_out_again():
    """Two field names in a row, quoted, outside model.py: a copy of a list that will drift.

    (Tables keyed by field, such as the editor's hints, fail on their own when a field is added.)
    """
    pairs = [(a, b) for names in (PARTS, PROBES, ("ownership", *PARTS)) for a, b in zip(names, names[1:], strict=False)]
    patterns = [re.compile(rf"[\"']{a}[\"']\s*,\s*[\"']{b}[\"']") for a, b in pairs]
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.name == "model.py":
            continue
        text = path.read_text("utf-8")
        for pattern in patterns:
            for match in pattern.finditer(text):
                offenders.append(f"{path.relative_to(SRC)}: {match.group(0)}")
    assert offenders == []
