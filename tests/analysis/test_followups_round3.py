"""Follow-ups an interviewer would ask after real answers (issue 22, round 3): an answer to a
question of no known type tells no story, and a disagreement between people outside software is
asked how it was settled. Answers are quoted from tests/corpus_real (holdout2, spent)."""

from __future__ import annotations

from storybank.analysis.followups import followup_prompts
from storybank.answers.judge import answer_story, judge_answer
from storybank.catalog import builtin_catalog
from storybank.settings import Settings


def _prompts(text: str, qtype: str | None) -> dict[str, str]:
    catalog = builtin_catalog()
    report = judge_answer(text, catalog, Settings(), question=qtype)
    story = answer_story(report.parts, [qtype] if qtype else [], None)
    return {p.probe: p.prompt for p in followup_prompts(story, catalog, Settings())
            if not p.probe.startswith("type:")}


def test_an_answer_to_no_known_type_is_not_asked_about_a_story():
    said = "I think I'm too good at my job, it can often make people jealous."
    prompts = _prompts(said, None)
    assert prompts["technical"] == "Can you give me one specific example of that from your work?"
    assert prompts["collaborators"] != "Who else was involved? What did they think?"
    # Near miss: the same probe after a failure story keeps the story's own wording.
    failed = _prompts("I shipped a migration without locking the table; it timed out under load "
                      "and we lost 18 minutes of user activity. I added a lock check to the "
                      "deploy script.", "failure")
    assert failed["technical"] != prompts["technical"]


def test_a_disagreement_between_people_is_asked_how_it_was_settled():
    said = ("At my last job, a teammate and I had different approaches to a client presentation. "
            "I listened to their perspective, then shared data supporting my idea. We combined "
            "both, resulting in a presentation that exceeded client expectations.")
    assert _prompts(said, "disagreement")["technical"].startswith("Walk me through how it was settled")


def test_a_software_disagreement_keeps_the_technical_probe():
    said = ("My teammate wanted to move the billing exports to Kafka and I wanted to keep the "
            "Postgres queue. I ran a load test on both with a week of real traffic, and the "
            "Postgres queue held 4,000 messages a second, so the team kept it.")
    assert "settled" not in _prompts(said, "disagreement")["technical"]
