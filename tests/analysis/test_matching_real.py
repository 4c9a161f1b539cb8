"""The matcher on real people's wordings (issue 22): paraphrase families, "no match" for what is
none of the types or probes, two candidates shown when they are close, and patterns checked when
a catalog loads. The real corpus itself is measured by tests/corpus_real/measure.py."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from storybank.analysis.matching import NO_MATCH, Recognition, recognise
from storybank.catalog import Catalog, builtin_catalog

CATALOG_FILE = Path(__file__).resolve().parents[2] / "src/storybank/data/catalog.toml"


def named(wording: str, expected: str, catalog: Catalog | None = None) -> Recognition:
    """The wording is recognised as `expected` (a match or one of two close candidates)."""
    found = recognise(wording, catalog or builtin_catalog())
    assert found.best.id == expected and found.verdict in {"match", "close"}, (found.best, found.alternatives)
    return found


def no_match(wording: str) -> Recognition:
    """The wording is none of the types and probes: nothing is shown."""
    found = recognise(wording, builtin_catalog())
    assert found.verdict == "none" and found.shown == [], found.best
    return found


@pytest.mark.parametrize(("wording", "expected"), [
    # the families issue 22 found misread, each in words of our own
    ("Tell me about a time you disagreed with your boss.", "disagreement"),
    ("How do you deal with someone difficult on your team?", "disagreement"),
    ("What would you do if a nurse manager gave an order that worries you?", "disagreement"),
    ("Tell me about a bad decision you made at work.", "failure"),
    ("Describe a project that did not go as planned.", "failure"),
    ("What in the job description made you apply?", "motivation"),
    ("How would you handle a company policy you disagree with?", "rubric"),
    ("What do you do when a procedure seems wrong to you?", "rubric"),
    ("How do you keep a healthy work-life balance?", "schedule"),
    ("How did you measure that?", "technical"),
    ("How do you know it was your change that fixed it?", "technical"),
    ("What would you do differently next time?", "differently"),
    ("Who else was involved, and what did they think?", "collaborators"),
])
def test_real_paraphrase_families_are_recognised(wording, expected):
    assert named(wording, expected).best.score >= NO_MATCH


def test_a_disagreement_with_the_golden_preference_is_the_rubric_first():
    # Round 40's model reads it at the line (49), so the rubric is shown first with the
    # disagreement beside it ("close") rather than claimed.
    found = named("How would you handle disagreement with the golden preference?", "rubric")
    assert [c.id for c in found.shown][:2] == ["rubric", "disagreement"]


# Round 2 (issue 22): families from the tuning corpus and the spent holdout, each with a near
# miss that must not be taken for it (quoted wordings are real; the rest are our own words).
@pytest.mark.parametrize(("wording", "expected", "near_miss", "not_expected"), [
    # a story question with a probe tacked on is the question
    ("Describe a situation when you made a wrong decision and what you learned from it.", "failure",
     "What did you learn from it?", "failure"),
    ("Think about a time when you didn't meet a deadline. What could you have done differently?",
     "failure", "What could you have done differently?", "failure"),
    ("Why did you choose our company?", "motivation",
     "Why did you choose that approach?", "motivation"),
    ("Tell me about a time you had to deal with a co-worker who wasn't doing their fair share.",
     "disagreement", "Tell me about a co-worker who taught you a lot.", "disagreement"),
    ("Have you ever had a falling out with a coworker?", "disagreement",
     "Have you ever worked closely with a coworker?", "disagreement"),
    ("Tell me about your least successful project.", "failure",
     "Tell me about your most successful project.", "failure"),
    ("Tell me about a time you had to debug something really hard.", "failure",
     "Walk me through your process for debugging.", "failure"),
    ("Have you ever challenged the status quo when at work?", "rubric",
     "Have you ever improved a process at work?", "rubric"),
    ("Describe a time you were told to follow a process you didn't agree with.", "rubric",
     "Describe a time you followed a process closely.", "rubric"),
    ("What steps do you take to prevent burnout from work-related responsibilities?", "schedule",
     "What steps do you take to prevent errors?", "schedule"),
    ("How do you ramp on a 2-million-line codebase you've never seen?", "learning",
     "How do you keep a codebase clean?", "learning"),
    ("What about our company intrigues you?", "motivation",
     "What about the project worried you?", "motivation"),
    ("How do you know the improvement came from your work and not something else?", "technical",
     "What else did you consider?", "technical"),
    ("What numbers did you look at to confirm it worked?", "technical",
     "What numbers did you hit?", "technical"),
    ("Choose any project that you loved and tell me about it", "project",
     "What was the most challenging part of the project, and how did you address it?", "project"),
    ("Describe a decision you made that turned out badly. What would you do differently?", "failure",
     "Looking back, what would you do differently?", "failure"),
    ("Can you go deeper into how that worked?", "technical",
     "Can you go back to the start?", "technical"),
    ("Did anyone disagree with your plan?", "collaborators",
     "Tell me about a time you disagreed with your manager's plan.", "collaborators"),
    ("Why did you choose nursing?", "motivation", "Why did you choose that dressing?", "motivation"),
    ("Tell me about a time you missed an important detail in a contract.", "failure",
     "Tell me about a time you spotted an important detail in a contract.", "failure"),
    ("Tell me about a time your work had an error that someone else found.", "failure",
     "What would you do if you saw a colleague making an error?", "failure"),
    ("How did the physician respond?", "collaborators",
     "How did the patient's fever respond to treatment?", "collaborators"),
])
def test_round_two_families(wording, expected, near_miss, not_expected):
    named(wording, expected)
    miss = recognise(near_miss, builtin_catalog())
    # Since round 15 a near miss may be "unsure" (its nearest named, never claimed): it must not
    # be claimed as the family, as a match or one of two close candidates.
    assert miss.verdict in {"none", "unsure"} or miss.best.id != not_expected, miss.best


@pytest.mark.parametrize("wording", ["Why are you leaving your current role?", "Why are you available?"])
def test_leaving_is_not_motivation_or_schedule(wording):
    found = no_match(wording)
    assert found.resembles is not None and "leaving" in found.resembles


@pytest.mark.parametrize(("wording", "resembles"), [
    ("Tell me about yourself.", "yourself"),
    ("What is your greatest weakness?", "weakness"),
    ("When could you start?", "logistics"),
    ("What was the result?", "follow-up"),
    ("What did you do?", "follow-up"),
    ("How would you design a rate limiter for an API?", "design"),
])
def test_what_is_none_of_them_is_no_match(wording, resembles):
    found = no_match(wording)
    assert found.best.score < NO_MATCH
    assert found.resembles is not None and resembles in found.resembles
    assert found.advice  # says how to answer it instead


def test_gibberish_is_no_match_without_a_lookalike():
    found = no_match("purple elephants dance quietly")
    assert found.resembles is None and found.best.score < NO_MATCH


def test_two_close_candidates_are_both_shown():
    # Round 7's learned model reads "disagreed with a company policy or your manager" as the
    # rubric type outright (its runner-up 40 points behind); a conflict with a colleague or a
    # policy still splits the belief between the two.
    found = recognise("Tell me about a conflict with a colleague or with a company policy",
                      builtin_catalog())
    assert found.verdict == "close"
    assert {c.id for c in found.shown} == {"disagreement", "rubric"}
    assert found.shown[0] == found.best and found.shown[1].score <= found.best.score


def test_scores_are_shares_of_belief():
    found = recognise("Why do you want to work for us?", builtin_catalog())
    total = found.best.score + sum(a.score for a in found.alternatives)
    assert found.verdict == "match" and found.best.id == "motivation"
    assert 0 <= total <= 100.5  # the rest is "none of these" and the others


def test_a_catalog_without_families_still_matches_by_its_phrasings():
    raw = tomllib.loads(CATALOG_FILE.read_text("utf-8"))
    for entry in (*raw["questions"], *raw["probes"]):
        entry.pop("cues", None)
        entry.pop("hints", None)
    raw.pop("others", None)
    raw.pop("framing", None)
    catalog = Catalog.model_validate(raw)
    named("Tell me about a production incident you caused.", "failure", catalog)


@pytest.mark.parametrize(("pattern", "says"), [
    ("speed* up", "may only end a phrase"),
    ("fast| + slow", "empty part"),
])
def test_a_bad_pattern_is_one_clear_catalog_error(pattern, says):
    raw = tomllib.loads(CATALOG_FILE.read_text("utf-8"))
    raw["questions"][0]["cues"] = [pattern]
    with pytest.raises(ValueError, match=says):
        Catalog.model_validate(raw)


@pytest.mark.parametrize("wording", [
    # a story not yet told is asked for: the probe words after it do not make it a probe
    "Tell me about a time you had to make a decision without all the data. What trade-offs did you consider?",
    "Describe a time you faced an extremely tight deadline: context, trade-offs, actions, outcome, and lessons.",
])
def test_a_new_story_is_never_a_probe(wording):
    found = recognise(wording, builtin_catalog())
    assert found.verdict == "none" or found.best.kind == "question", found.best


@pytest.mark.parametrize(("wording", "resembles"), [
    ("How do you handle conflicting priorities?", "priorities"),
    ("What does a typical day look like in your current job?", None),
    ("What interests you outside of work?", None),
])
def test_near_misses_of_disagreement_schedule_and_motivation(wording, resembles):
    found = no_match(wording)
    if resembles:
        assert found.resembles is not None and resembles in found.resembles

