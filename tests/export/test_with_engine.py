"""The sheet built from the analysis engine's coverage; skipped until the engine lands."""

from __future__ import annotations

import pytest

from storybank.export import render_cheatsheet
from storybank.export.api import assignment_for
from storybank.export.sheet import build_sheet

from .conftest import catalog, open_bank


def test_sheet_follows_compute_coverage(gappy_bank):
    coverage_mod = pytest.importorskip("storybank.analysis.coverage")
    session = pytest.importorskip("storybank.analysis.session")
    bank = open_bank(gappy_bank)
    reports = session.analyze_bank(bank, catalog())
    coverage = coverage_mod.compute_coverage(bank.stories, reports, catalog())
    assignment = coverage.assignment()
    stories = {sf.id: sf.story for sf in bank.stories}
    sheet = build_sheet(stories, assignment, catalog(), bank.settings)
    assert [e.id for e in sheet.entries] == [t.id for t in coverage.question_types]
    for entry, typ in zip(sheet.entries, coverage.question_types, strict=True):
        assert entry.gap == (typ.assigned is None)
        if typ.assigned:
            assert entry.story_id == typ.assigned
    assert next(e for e in sheet.entries if e.id == "rubric").gap
    # The export uses the same assignment, with the coverage statuses.
    used, statuses = assignment_for(bank, catalog())
    assert used == assignment and statuses == {t.id: t.status for t in coverage.question_types}
    fitted = render_cheatsheet(bank, catalog(), "md")
    assert [e.story_id or None for e in fitted.sheet.entries] == list(assignment.values())
