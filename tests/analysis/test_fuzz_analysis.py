"""Fuzzing the analysis: a loadable story from a valid or nearly valid file never makes the
analysis, the follow-up prompts, the coverage or the matcher raise, and any question matches.
(tests/bank/test_fuzz.py puts the same files through loading and save.)
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storybank.analysis.coverage import compute_coverage
from storybank.analysis.engine import analyze
from storybank.analysis.followups import followup_prompts
from storybank.analysis.matching import match_question, rank_stories
from tests.strategies import (
    CATALOG,
    FUZZ,
    QUESTION_IDS,
    SETTINGS,
    SPECIALS,
    examples,
    loadable,
    nearly_valid_bytes,
    text,
    valid_bytes,
)

pytestmark = pytest.mark.slow  # real engines or many generated cases: outside the inner loop

CODE = re.compile(r"^SB\d{3}$")


@FUZZ
@given(data=st.one_of(valid_bytes, nearly_valid_bytes),
       question=st.one_of(st.text(), st.sampled_from(SPECIALS), text))
def test_analysis_never_raises(tmp_path, data, question):
    bank, sf = loadable(tmp_path, data)
    report = analyze(sf.story, CATALOG, SETTINGS, sf.id)
    for score in report.scores.values():
        assert 0 <= score.value <= 100 and isinstance(score.value, int)
    for finding in report.findings:
        assert CODE.match(finding.code) and finding.severity in {"error", "warning", "info"}
        assert finding.message.strip()
    prompts = followup_prompts(sf.story, CATALOG, SETTINGS)
    assert [p.probe for p in prompts[:4]] == ["differently", "alternatives", "technical", "collaborators"]
    assert all(p.prompt.strip() for p in prompts)
    cov = compute_coverage(bank.stories, {sf.id: report}, CATALOG)
    assert {t.id for t in cov.question_types} == set(QUESTION_IDS)
    assert all(t.assigned in (None, sf.id) for t in cov.question_types)
    best, alternatives = match_question(question, CATALOG)
    assert 0 <= best.score <= 100 and len(alternatives) <= 3
    ranked = rank_stories(best, bank.stories, {sf.id: report}, question)
    assert [r.id for r in ranked] == [sf.id]


@settings(FUZZ, max_examples=examples(150))
@given(question=st.text(max_size=400))
def test_matching_any_unicode_question_never_raises(question):
    best, alternatives = match_question(question, CATALOG)
    assert best.kind in {"question", "probe"}
    assert all(a.score <= best.score for a in alternatives)
