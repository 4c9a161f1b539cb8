"""The built-in evidence checks by name: each name reaches its own check, and a name no check
has is refused (a bank's catalog is validated first, so this is a programming error)."""

from __future__ import annotations

import pytest

from storybank.analysis.context import StoryContext
from storybank.analysis.evidence import EVIDENCE_CHECKS, _check
from storybank.catalog import builtin_catalog
from storybank.model import Story
from storybank.settings import Settings


def _ctx(action: str, technologies: list[str] | None = None) -> StoryContext:
    story = Story(title="T", questions=["project"], situation="We had a slow export.",
                  task="I owned it.", action=action, result="It shipped.",
                  technologies=technologies or [])
    return StoryContext.build(story, "t", builtin_catalog(), Settings())


def test_a_named_technology_is_evidence():
    ctx = _ctx("I moved the export to Kafka and PostgreSQL.", ["Kafka", "PostgreSQL"])
    assert _check("technologies", ctx, ctx.story.answer_text()) is True


def test_no_named_technology_is_no_evidence():
    ctx = _ctx("I moved the export to a queue and a database.")
    assert _check("technologies", ctx, ctx.story.answer_text()) is False


def test_an_unknown_check_is_refused_by_name():
    ctx = _ctx("I moved the export to a queue.")
    with pytest.raises(ValueError, match="unknown evidence check 'nope'"):
        _check("nope", ctx, "text")


def test_every_known_check_answers():
    ctx = _ctx("I cut the export from 40 minutes to 5 minutes with Kafka.", ["Kafka"])
    text = ctx.story.answer_text()
    answers = {name: _check(name, ctx, text) for name in EVIDENCE_CHECKS}
    assert answers == {"numbers": True, "before_after": True, "time_blocks": False,
                       "technologies": True, "specific_fit": False, "grounded_fit": False,
                       "settled_forum": False,
                       "self_caused": False, "self_serving": False, "learned_by_doing": False,
                       "change_told": False, "cause_told": False, "fair_to_other_side": False,
                       "told_example": True, "event_told": False}
