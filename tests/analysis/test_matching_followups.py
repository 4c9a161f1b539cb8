"""Question matching, story ranking and generated follow-up prompts."""

from __future__ import annotations

from pathlib import Path

import pytest

from storybank.analysis.followups import fill, followup_prompts
from storybank.analysis.matching import match_question, rank_stories
from storybank.analysis.session import analyze_bank
from storybank.bank import Bank
from storybank.catalog import builtin_catalog
from storybank.model import Story
from storybank.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "stories"


@pytest.mark.parametrize(("question", "kind", "qid"), [
    ("Walk me through a technical project you owned end-to-end.", "question", "project"),
    ("What would you do differently?", "probe", "differently"),
    ("So, remind me why this platform and not another one?", "question", "motivation"),
    ("How many hours a week can you give this, and when?", "question", "schedule"),
    ("Who else worked on it with you?", "probe", "collaborators"),
])
def test_canonical_and_paraphrased_questions(question, kind, qid):
    best, alternatives = match_question(question, builtin_catalog())
    assert (best.kind, best.id) == (kind, qid)
    assert 0 <= best.score <= 100
    assert all(a.score <= best.score for a in alternatives)


def test_ranking_puts_mapped_stories_first():
    bank = Bank.open(EXAMPLES)
    catalog = builtin_catalog()
    reports = analyze_bank(bank, catalog)
    best, _ = match_question("Tell me about an outage you caused", catalog)
    ranked = rank_stories(best, bank.stories, reports, "Tell me about an outage you caused")
    assert "failure" in bank.get(ranked[0].id).story.questions
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)


def test_fill_uses_first_template_whose_placeholders_exist():
    templates = ["Why {technology} over {alternative}?", "Why {technology}?", "Why?"]
    assert fill(templates, {"technology": "Redis"}) == "Why Redis?"
    assert fill(templates, {}) == "Why?"
    # Values are inserted as data: braces in a story never become placeholders.
    assert fill(["Why {technology}?"], {"technology": "{alternative}"}) == "Why {alternative}?"


def test_prompts_are_specific_and_marked_prepared():
    story = Story.model_validate({
        "title": "Retry pipeline", "questions": ["performance"], "technologies": ["Redis"],
        "action": "I chose Redis-backed exponential backoff because retries piled up.",
        "metrics": [{"name": "failed-retry latency", "before": 4.2, "after": 1.1, "unit": "s"}],
        "followups": {"alternatives": "I compared it with a database queue for a week."},
    })
    prompts = {p.probe: p for p in followup_prompts(story, builtin_catalog(), Settings())}
    assert set(prompts) >= {"differently", "alternatives", "technical", "collaborators"}
    assert "Redis-backed exponential backoff" in prompts["alternatives"].prompt
    assert "from 4.2 to 1.1 s" in prompts["technical"].prompt  # the unit said once, at the end
    assert prompts["alternatives"].prepared and prompts["alternatives"].seconds > 0
    assert not prompts["technical"].prepared and prompts["technical"].seconds is None
    assert any(p.startswith("type:performance") for p in
               [q.probe for q in followup_prompts(story, builtin_catalog(), Settings())])
