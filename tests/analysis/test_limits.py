"""Each limit is named once, and the rule and the score that share it agree on where the line is."""

from __future__ import annotations

import pytest

from storybank.analysis import context as limits
from storybank.analysis.context import StoryContext
from storybank.analysis.coverage import (
    QUALITY_BEST,
    QUALITY_WORST,
    compute_coverage,
    quality,
    quality_share,
)
from storybank.analysis.engine import analyze
from storybank.analysis.types import Score, StoryReport
from storybank.catalog import builtin_catalog
from storybank.model import Story
from storybank.settings import Settings

CATALOG = builtin_catalog()


def _sentence(n: int) -> str:
    return " ".join(["I"] + ["measured"] * (n - 1)) + "."


def _story(action: str, questions: list[str] | None = None) -> Story:
    return Story(title="T", questions=questions or ["project"], situation="Checkout was slow.",
                 action=action, outcome="Latency fell from 900 ms to 200 ms.", reflection="Measure first.")


def _codes(report: StoryReport) -> set[str]:
    return {f.code for f in report.findings}


@pytest.mark.parametrize("words", [limits.LONG_SENTENCE_WORDS, limits.LONG_SENTENCE_WORDS + 1])
def test_long_sentence_finding_and_score_agree(words):
    report = analyze(_story(_sentence(words)), CATALOG, Settings())
    flagged = "SB506" in _codes(report)
    penalised = any("-word sentence" in r for r in report.scores["compression"].reasons)
    assert flagged == penalised == (words > limits.LONG_SENTENCE_WORDS)


@pytest.mark.parametrize("extra", [-1, 0])
def test_too_short_to_judge_caps_the_scores_and_silences_shallow_mechanism(extra):
    story = _story(_sentence(10))
    base = StoryContext.build(story, "t", CATALOG, Settings()).answer.words
    story = _story(_sentence(10 + limits.TOO_SHORT_TO_JUDGE_WORDS + extra - base))
    ctx = StoryContext.build(story, "t", CATALOG, Settings())
    assert ctx.answer.words == limits.TOO_SHORT_TO_JUDGE_WORDS + extra
    report = analyze(story, CATALOG, Settings())
    capped = {name for name, s in report.scores.items() if any("too short" in r for r in s.reasons)}
    judged = ("specificity", "ownership", "technical_depth")
    if ctx.too_short_to_judge:
        assert capped and capped <= set(judged)
        assert all(report.scores[name].value <= 30 for name in judged)
        assert "SB403" not in _codes(report)
    else:
        assert capped == set()


@pytest.mark.parametrize("count", [limits.MAX_TYPES_PER_STORY, limits.MAX_TYPES_PER_STORY + 1])
def test_too_many_types_agrees_between_the_rule_and_coverage(count):
    story = _story(_sentence(12), CATALOG.question_ids()[:count])
    report = analyze(story, CATALOG, Settings(), "s")
    coverage = compute_coverage([_File("s", story)], {"s": report}, CATALOG, duplicates=False)
    over = count > limits.MAX_TYPES_PER_STORY
    assert ("SB109" in _codes(report)) == over == (coverage.overused == ["s"])


class _File:
    def __init__(self, sid: str, story: Story) -> None:
        self.id, self.story = sid, story


def _report(readiness_code: str | None, value: int) -> StoryReport:
    from storybank.analysis.types import Finding

    findings = [] if readiness_code is None else [Finding("SB101", "x", "structure", readiness_code, "", "m")]
    scores = {n: Score(n, value) for n in ("specificity", "ownership", "technical_depth", "compression")}
    return StoryReport("s", findings, scores, 0.0, {}, {})


def test_the_matcher_reads_quality_on_its_declared_scale():
    best, worst = _report(None, 100), _report("error", 0)
    assert (quality(best), quality(worst)) == (QUALITY_BEST, QUALITY_WORST)
    assert (quality_share(best), quality_share(worst)) == (1.0, 0.0)
    assert 0 < quality_share(_report("warning", 50)) < quality_share(_report(None, 0))
