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


def test_a_disagreement_between_people_told_step_by_step_is_asked_where_it_was_hardest():
    said = ("At my last job, a teammate and I had different approaches to a client presentation. "
            "I listened to their perspective, then shared data supporting my idea. We combined "
            "both, resulting in a presentation that exceeded client expectations.")
    # round 24: told step by step (listened, shared data, combined both), it is asked where it was
    # hardest, not how it was settled
    assert _prompts(said, "disagreement")["technical"] == \
        "What was the hardest moment in that disagreement, and how did you handle it?"


def test_a_software_disagreement_keeps_the_technical_probe():
    said = ("My teammate wanted to move the billing exports to Kafka and I wanted to keep the "
            "Postgres queue. I ran a load test on both with a week of real traffic, and the "
            "Postgres queue held 4,000 messages a second, so the team kept it.")
    assert "settled" not in _prompts(said, "disagreement")["technical"]


def test_an_answer_that_gives_no_example_is_pressed_for_one():
    prompts = _prompts("I can't remember making one.", "failure")
    assert prompts["technical"].startswith("Take a moment: can you think of one")
    # Near miss: a failure that is told gets the story's probes, not the press for an example.
    told = _prompts("I shipped a migration without locking the table; it timed out under load and "
                    "we lost 18 minutes of user activity. I added a lock check to the deploy "
                    "script.", "failure")
    assert not told["technical"].startswith("Take a moment")


def test_a_story_told_to_a_question_of_no_known_type_keeps_the_story_probes():
    from storybank.analysis.signals import tells_a_story

    bug = ("On a previous project, I inherited a reporting service where monthly invoices were "
           "occasionally off by 1-2%. I started by reproducing the bug using production-like data. "
           "Then I traced the flow from the API layer down. I wrote a small load test in JMeter "
           "and confirmed the rate of discrepancy.")
    assert tells_a_story(bug)
    assert _prompts(bug, None)["technical"] != "Can you give me one specific example of that from your work?"
    # Near miss: a self-description tells no story.
    about = ("I have over 25 years of experience building software applications across multiple "
             "industries and languages.")
    assert not tells_a_story(about)


def test_an_answer_told_as_what_one_would_do_is_asked_for_a_real_case():
    # Round 26: asked for one real case, not in the hypothetical mood ("What could go wrong with
    # doing it that way?"), which holdout22-25's judges read as "stays hypothetical".
    would = ("I would clarify my concern respectfully, explaining why I believe the action is "
             "unsafe and citing relevant safety procedures. If the instruction persists, I would "
             "refuse to carry out an unsafe action. I would then contact a supervisor or "
             "appropriate authority to resolve the situation.")
    prompts = _prompts(would, "disagreement")
    assert prompts["differently"] == \
        "Think of the last disagreement you had at work: what would you do differently now?"
    assert prompts["collaborators"] == \
        "Think of the last disagreement you had at work: who was it with, and what did they think?"
    # Near miss: the same disagreement told as what happened keeps the past-tense probes.
    did = _prompts("At my last job, a teammate and I had different approaches to a client "
                   "presentation. I listened to their perspective, then shared data supporting my "
                   "idea. We combined both, resulting in a presentation that exceeded client "
                   "expectations.", "disagreement")
    assert did["differently"] != prompts["differently"]
