"""Round 3 of issue 22: common questions that are none of the types, from tests/corpus_real."""

from __future__ import annotations

from storybank.analysis.matching import recognise
from storybank.catalog import builtin_catalog


def test_how_you_would_optimise_in_general_is_performance_a_knowledge_quiz_is_not():
    catalog = builtin_catalog()
    # Round 10's labelling rule (corpus README): asked in general, how the candidate optimises is
    # the performance type (holdout2 had it as none; relabel_rule10.toml corrects it).
    general = recognise("How do you optimize a web page's response or load time?", catalog)
    assert (general.verdict, general.best.id) == ("match", "performance")
    near = recognise("How do you improve performance?", catalog)
    assert (near.verdict, near.best.id) == ("match", "performance")
    # Near misses (holdout3, holdout6): knowledge asked, no behaviour of the candidate's.
    for quiz in ("What are the common causes of slow database queries?",
                 "What is latency and how do you reduce it?"):
        assert recognise(quiz, catalog).verdict in {"none", "unsure"}  # never claimed (round 15)
    # And a probe about the tools of a story just told stays the technical probe.
    probe = recognise("What tools did you use to debug it?", catalog)
    assert (probe.verdict, probe.best.id) == ("match", "technical")


def test_friction_with_a_person_is_a_disagreement_and_a_project_off_track_a_failure():
    catalog = builtin_catalog()
    # holdout2 wordings (spent): dislike, a strained relationship, a project not on track.
    friction = recognise("Tell me about a time you had to work with someone you didn't like, or who "
                         "didn't like you.", catalog)
    assert friction.best.id == "disagreement" and friction.verdict != "none"
    off_track = recognise("Tell me about a time you worked on a project that was not on track", catalog)
    assert off_track.best.id == "failure" and off_track.verdict != "none"
    # Near misses (tuning): a project asked for as a project stays one.
    for said in ("Describe a project you managed from start to end",
                 "Tell me about a team project that you worked on."):
        near = recognise(said, catalog)
        assert (near.verdict, near.best.id) == ("match", "project")


def test_validating_a_hypothesis_about_the_story_is_the_technical_probe():
    catalog = builtin_catalog()
    probe = recognise("How did you organize your findings and validate your hypothesis?", catalog)
    assert (probe.verdict, probe.best.id) == ("match", "technical")
    # Near miss (tuning, none): a story asked for about feedback given is no probe.
    asked = recognise("Describe a time you gave someone critical feedback: what was the context, "
                      "how did you deliver it, and what was the outcome?", catalog)
    assert asked.verdict == "none"
