"""The editor's form values are compared with their baseline by field name, not by position."""

from __future__ import annotations

from storybank.ui import forms


def test_changed_fields_are_found_by_name_whatever_the_order():
    baseline = {"title": "Outbox", "role": "", "followups.technical": "Kafka", "questions": ("conflict",)}
    now = {"questions": ("conflict",), "followups.technical": "Kafka, then Redis", "role": "", "title": "Outbox"}
    assert forms.changed_fields(baseline, now) == {"followups.technical"}


def test_a_field_missing_from_the_baseline_counts_as_changed():
    assert forms.changed_fields({}, {"title": ""}) == {"title"}
    assert forms.changed_fields({"title": "x"}, {"title": "x"}) == set()
