"""Follow-ups an interviewer would ask of a real answer (issue 22): anchored on what the speaker
chose, never on an option they turned down or a tool they deny using, no "a" before the name they
chose, and the software wording of the technical probe only for software stories."""

from __future__ import annotations

from storybank.analysis.followups import followup_prompts, turned_down
from storybank.catalog import builtin_catalog
from storybank.model import Story
from storybank.settings import Settings


def _prompts(action: str, questions: list[str], profession: str | None = None, **parts) -> dict[str, str]:
    story = Story(title="t", questions=questions, situation=parts.get("situation", "At work."),
                  action=action, outcome=parts.get("outcome", "It shipped."),
                  reflection=parts.get("reflection", "I learned a lot."))
    return {p.probe: p.prompt for p in followup_prompts(story, builtin_catalog(), Settings(), profession)
            if not p.probe.startswith("type:")}


def test_the_option_turned_down_is_never_the_anchor():
    prompts = _prompts("The team wanted SOAP. I argued against SOAP and we chose REST with JSON "
                       "over HTTP/2, and I built a Python client for it.", ["disagreement"])
    assert all("SOAP" not in p or "over SOAP" in p for p in prompts.values()), prompts
    assert turned_down("I argued against SOAP and chose REST") == {"soap"}


def test_a_tool_the_speaker_denies_using_is_never_asked_about():
    prompts = _prompts("I haven't used Go, so I wrote the worker in Python with Celery and Redis.",
                       ["project"])
    assert not any("Go" in p.split() or "Go?" in p for p in prompts.values()), prompts


def test_no_article_before_what_the_speaker_chose():
    prompts = _prompts("I built a Go worker that drains the queue in batches of 500.", ["project"],
                       "software")
    assert any("the Go worker" in p for p in prompts.values()), prompts
    assert not any("a Go worker" in p for p in prompts.values()), prompts


def test_only_a_software_story_is_asked_what_was_happening_technically():
    software = _prompts("I moved the cache from Redis to Memcached and cut p99 latency.", ["project"])
    assert software["technical"].startswith("Walk me through")
    clinical = _prompts("I rechecked the dose against the chart.", ["failure"], "medicine")
    assert "clinical reasoning" in clinical["technical"] and "technically" not in clinical["technical"]
    plain = _prompts("I reorganised the stock room shelves by weekly demand.", ["performance"])
    assert "technically" not in plain["technical"]


def test_a_field_is_read_off_its_named_methods_when_no_profession_is_set():
    ward = _prompts("I used SBAR at handover and filed an incident report after the medication "
                    "reconciliation.", ["failure"])
    assert "clinical reasoning" in ward["technical"]


def test_motivation_and_schedule_answers_get_their_own_probes():
    why = _prompts("I want to bring my ten years of nursing to grading clinical answers.", ["motivation"])
    week = _prompts("I work 9 to 5 on weekdays and would do this on Saturday mornings.", ["schedule"])
    for prompts in (why, week):
        assert "technically" not in prompts["technical"]
        assert prompts["differently"] != "What would you do differently?"
    assert "week" in week["technical"]
