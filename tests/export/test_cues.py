"""Cue words, key numbers, hooks and shortening: the pieces the sheet and the drill card share."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storybank.cues import (
    hook,
    key_numbers,
    metric_text,
    metric_variants,
    short_number,
    shorten,
)
from storybank.export.width import display_width, hard_wrap, wrap
from storybank.model import Metric, Story


@pytest.mark.parametrize(("value", "said"), [
    (4.2, "4.2"), (3000000, "3M"), (1200, "1,200"), (0.5, "0.5"), (70.0, "70"), (0, "0"),
    (18400.0, "18,400"), (2100000, "2.1M"), (200_000_000, "200M"), (480_000, "480k"),
    (999_999, "1M"), (4_000_000_000, "4B"), (0.02, "0.02"), (1234.5, "1,234.5"), (-3, "-3"),
    (3.14159, "3.14"), (12.5, "12.5"),
])
def test_short_number(value, said):
    assert short_number(value) == said


@pytest.mark.parametrize(("metric", "said"), [
    ({"before": 4.2, "after": 1.1, "unit": "s"}, "4.2 s → 1.1 s"),
    ({"value": 3000000, "unit": "per day"}, "3M per day"),
    ({"value": 40, "unit": "%"}, "40%"),
    ({"before": 40, "after": 12, "unit": "%"}, "40% → 12%"),
    ({"before": 180, "after": 6, "unit": "ms"}, "180ms → 6ms"),
    ({"before": 18400, "after": 7900, "unit": "USD per month"}, "$18,400 → $7,900 per month"),
    ({"value": 2100000, "unit": "meters"}, "2.1M meters"),
    ({"before": 0.71, "after": 0.88, "unit": "Cohen's kappa"}, "0.71 → 0.88 Cohen's kappa"),
    ({"value": 12}, "12"),
])
def test_metric_text(metric, said):
    assert metric_text(Metric(name="m", **metric)) == said


def _story(**fields) -> Story:
    base = {"title": "T", "questions": ["project"]}
    return Story(**{**base, **fields})


def test_metric_variants_shorten_units_before_numbers():
    metric = Metric(name="m", before=2_930_000, after=71.5, unit="milliseconds per request")
    assert metric_variants(metric) == [
        "2.93M milliseconds → 71.5 milliseconds per request",
        "2.93M → 71.5 milliseconds per request",
        "2.93M → 71.5 ms/request",   # the unit's short form before the numbers go bare
        "2.93M → 71.5",
    ]
    assert metric_variants(Metric(name="m", value=40, unit="%")) == ["40%"]
    assert metric_text(Metric(name="m", before=9, after=4, unit="USD"), compact=2) == "$9 → $4"


def test_key_numbers_keep_the_story_order_and_say_what_they_measure():
    story = _story(metrics=[Metric(name="failed-retry latency", before=4.2, after=1.1, unit="s"),
                            Metric(name="transactions", value=3000000, unit="per day")])
    assert key_numbers(story) == ["failed-retry latency 4.2 s → 1.1 s", "transactions 3M per day"]
    assert key_numbers(_story()) == []


TEXT = ("At Acme our nightly billing job in PySpark took 190 minutes and missed the 7 a.m. deadline. "
        "I profiled it in the Spark UI, found one skewed campaign key holding 30% of clicks, salted "
        "it across 64 sub-keys and moved the lookup to a broadcast join.")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.integers(min_value=0, max_value=8),
       st.sampled_from(["situation", "action", "outcome", "reflection", "differently", "collaborators"]))
def test_part_cues_never_exceed_their_count_or_width(text, n, role):
    from storybank.cues.phrases import context, part_cues

    cues = part_cues(text, role, context([]), n, 30)
    assert len(cues) <= n
    for cue in cues:
        assert cue and len(cue) <= 30 and cue == cue.strip()


def test_hook_prefers_ownership_then_outcome():
    story = _story(ownership="I owned the retry pipeline end to end: design, rollout, on-call.",
                   outcome="Latency fell from 4.2 s to 1.1 s. Everyone was happy.")
    assert hook(story) == "I owned the retry pipeline end to end"
    assert hook(_story(outcome="Latency fell from 4.2 s to 1.1 s. Everyone was happy.")) == \
        "Latency fell from 4.2 s to 1.1 s"
    short = hook(story, 20)
    assert len(short) <= 20 and short.endswith("…") and "I owned the retry".startswith(short[:-1].rstrip())
    assert hook(_story()) == ""


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.integers(min_value=0, max_value=120))
def test_shorten_never_exceeds_its_limit(text, limit):
    out = shorten(text, limit)
    assert len(out) <= max(limit, 0)
    if len(" ".join(text.split())) <= limit:
        assert out == " ".join(text.split())
    elif limit > 0:
        assert out.endswith("…")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.integers(min_value=4, max_value=100))
def test_wrap_never_exceeds_its_width(text, width):
    for line in wrap(text, width, indent="  "):
        assert display_width(line) <= width
    for line in hard_wrap(text, width).split("\n"):
        assert display_width(line) <= width


def test_wide_characters_count_double():
    assert display_width("🚀") == 2 and display_width("漢字") == 4 and display_width("שלום") == 4
