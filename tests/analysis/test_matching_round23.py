"""Rounds 23 to 29 of issue 22: family cues narrowed or widened on spent sets' wrong answers.

- schedule: a night shift someone else turns up for is a scene, not the candidate's own hours
  ("What would you do if a colleague arrived for a night shift smelling of alcohol?", holdout22,
  labelled none, read schedule at 56.9 after round 22). The candidate's own night shifts still
  are schedule.
- (round 24) failure: a vendor's failure is not the candidate's own; work-style (none): what or who
  moves the candidate in general; motivation: a field chosen by name ("Why did you choose
  optometry?", "Why have you decided to be a coach?") is no option weighed.
- (round 25) disagreement: a conflict among others the candidate settles ("conflicts among members
  of the production team", "a conflict between a translator, a reviewer, and a client") is none.
- (round 26) work-style (none): a routine against variety asked as a preference is no schedule
  question; rubric: a standard or an assessment tool one was required to use is a rule applied.
- (round 27) project: a new programme, policy or system put in place; none: a conflict among one's
  staff, a carrier's performance; rubric: a screening tool's rating disagreed with.
- (round 28) none: a scene put to the candidate ("Situation: ... what steps would you take ... to
  prevent it from happening again?") and what one weighs in general ("What considerations do you
  make when choosing between ...") are no probes.
- (round 29) none: what the candidate would do differently about the employer, and conflicts within
  the candidate's team.
"""

from __future__ import annotations

import pytest

from storybank.analysis.matching import recognise
from storybank.catalog import builtin_catalog
from tests.helpers import family_cues as _family_cues


def test_someone_elses_night_shift_is_not_the_candidates_schedule() -> None:
    wording = "What would you do if a colleague arrived for a night shift smelling of alcohol?"
    assert _family_cues(wording)["schedule"] == 0
    found = recognise(wording, builtin_catalog())
    assert found.verdict == "none" or found.best.id != "schedule", (found.verdict, found.best)


@pytest.mark.parametrize("wording", [
    "Are you able to work night shifts?",
    "Can you do night shifts and weekends?",
    "How do you stay alert on a night shift?",
])
def test_the_candidates_own_night_shifts_are_still_schedule(wording: str) -> None:
    assert _family_cues(wording)["schedule"] >= 1
    found = recognise(wording, builtin_catalog())
    assert found.verdict != "none" and found.best.id == "schedule", (found.verdict, found.best)


# --- round 24 (holdout22 and holdout23, spent) ------------------------------------------------------

@pytest.mark.parametrize(("wording", "not_this"), [
    # holdout23 (none): a vendor's failure is not the candidate's own (failure at 63.4 before)
    ("Tell me about a time a vendor failed to deliver.", "failure"),
    # holdout23 and holdout22 (none): what or who moves the candidate, in general (motivation at 61.3)
    ("Who motivates or inspires you?", "motivation"),
    ("What in particular motivates you?", "motivation"),
])
def test_what_is_someone_elses_or_no_reason_for_this_work_is_not_confident(wording: str, not_this: str) -> None:
    found = recognise(wording, builtin_catalog())
    assert not (found.verdict not in ("none", "unsure") and found.best.id == not_this), (found.verdict, found.best)


@pytest.mark.parametrize("wording", [
    "Why did you choose optometry?",          # holdout23 (motivation), read alternatives at 63.4
    "Why have you decided to be a coach?",    # holdout23 (motivation), read alternatives at 51.6
])
def test_choosing_a_field_is_motivation_not_an_option_weighed(wording: str) -> None:
    found = recognise(wording, builtin_catalog())
    assert found.best.id == "motivation", (found.verdict, found.best)


@pytest.mark.parametrize(("wording", "label"), [
    # near misses: one's own failure, a reason for this work, a choice between ways stay as they were
    ("Tell me about a time you failed.", "failure"),
    ("What motivates you to work in nursing?", "motivation"),
    ("Why did you choose that approach?", "alternatives"),
    ("Why did you choose PostgreSQL over MySQL?", "alternatives"),
])
def test_the_near_misses_keep_their_type(wording: str, label: str) -> None:
    found = recognise(wording, builtin_catalog())
    assert found.verdict != "none" and found.best.id == label, (found.verdict, found.best)


# --- round 25 (holdout24, spent) ------------------------------------------------------------------------

@pytest.mark.parametrize("wording", [
    # holdout24 (none): a conflict among others the candidate settles; read disagreement at 55-68
    "How do you handle conflicts among members of the production team?",
    "Tell me about a time you had to resolve a conflict between a translator, a reviewer, and a client.",
    "Describe your experience with managing stakeholder conflicts in a major development project.",
])
def test_a_conflict_among_others_is_not_confidently_a_disagreement(wording: str) -> None:
    assert _family_cues(wording)["disagreement"] == 0
    found = recognise(wording, builtin_catalog())
    assert not (found.verdict not in ("none", "unsure") and found.best.id == "disagreement"), (found.verdict, found.best)


@pytest.mark.parametrize("wording", [
    # near misses: the candidate's own conflict stays a disagreement
    "Tell me about a conflict you had with a coworker.",
    "Describe a conflict between you and a colleague.",
])
def test_the_candidates_own_conflict_is_still_a_disagreement(wording: str) -> None:
    found = recognise(wording, builtin_catalog())
    assert found.verdict != "none" and found.best.id == "disagreement", (found.verdict, found.best)


# --- round 26 (holdout25, spent) -------------------------------------------------------------------

def test_a_routine_against_variety_is_a_work_style_not_the_hours() -> None:
    # holdout25 (none): read schedule at 86.0
    wording = ("Do you prefer doing work on a routine day-to-day basis or do you prefer mixing up your "
               "routine?")
    assert _family_cues(wording)["work-style"] >= 1
    assert _family_cues(wording)["schedule"] == 0
    found = recognise(wording, builtin_catalog())
    assert not (found.verdict not in ("none", "unsure") and found.best.id == "schedule"), (found.verdict, found.best)


def test_the_candidates_own_routine_is_still_schedule() -> None:
    # near miss: the routine the work has to fit into
    wording = "What does your weekly routine look like, and where would this work fit?"
    found = recognise(wording, builtin_catalog())
    assert found.verdict not in ("none", "unsure") and found.best.id == "schedule", (found.verdict, found.best)


def test_a_standard_or_tool_one_had_to_use_leans_to_the_rubric() -> None:
    # holdout25 (rubric): read a confident disagreement at 58.4
    wording = ("Describe a time you disagreed with a national standard or a risk assessment tool you were "
               "required to use.")
    assert _family_cues(wording)["rubric"] >= 1
    found = recognise(wording, builtin_catalog())
    # no longer a confident disagreement: the rubric first (round 40's model reads it a match)
    assert found.best.id == "rubric", (found.verdict, found.best)
    assert "rubric" in [c.id for c in found.shown], found.shown


def test_a_disagreement_about_a_standard_of_work_keeps_no_rubric_cue() -> None:
    # near miss: a colleague disagreed with about the standard of care is a person, not a standard applied
    assert _family_cues("Tell me about a time you disagreed with a colleague about the standard of care.")["rubric"] == 0


# --- rounds 27 to 29 (holdout26-28, spent) ------------------------------------------------------

# Each a confident wrong answer of a spent set: it may be shown, but not claimed with confidence;
# `shown` is the type the user must see among the candidates, where one is right.
NOT_CONFIDENT = [
    # round 27, holdout26 (project): read a confident rubric at 55.6
    ("Describe a situation where you had to implement a new compliance program or policy across the "
     "organisation.", "rubric", "project"),
    # round 27, holdout26 (rubric): read a confident disagreement at 62.0
    ("If you disagreed with the risk rating the screening tool gave a customer, what would you do?",
     "disagreement", "rubric"),
    # round 27, holdout26 (none): read a confident disagreement at 56.4
    ("Describe a time when you had to resolve a conflict among your kitchen staff.", "disagreement", None),
    # round 27, holdout26 (none): read a confident performance at 59.4
    ("Describe a situation where you identified a recurring carrier performance problem before it "
     "affected customers.", "performance", None),
    # round 28, holdout27 (none): a scene put to the candidate, read a confident "differently" at 75.0
    ("Situation: A patient with a strict, specialized diet has accidentally been served a meal that "
     "does not adhere to their dietary restrictions. What steps would you take to rectify this "
     "situation and prevent it from happening again in the future?", "differently", None),
    # round 28, holdout27 (none): what one weighs in general, read a confident "alternatives" at 89.8
    ("What considerations do you make when choosing between box joints and other joinery methods?",
     "alternatives", None),
    # round 29, holdout28 (none): an opinion on how the employer works, a confident "differently" at 82.5
    ("If you were running this office, what would you do differently from how we do things now?",
     "differently", None),
    # round 29, holdout28 (none): conflicts among the team, read a confident disagreement at 55.0
    ("How do you handle conflicts within your team?", "disagreement", None),
    # round 31, holdout30 (none): an opinion on who is better, read a confident learning at 75.4
    ("Who makes a better technical writer: a technical person who has learned writing skills, or a writer "
     "who has learned technical skills?", "learning", None),
    # round 31, holdout30 (none): keeping up with the day's conditions, a confident learning at 82.8
    ("How do you stay up-to-date on traffic conditions?", "learning", None),
    # round 31, holdout30 (none): what one would have done as the last employer's manager, a confident
    # "differently" at 88.2
    ("What would you have done differently if you were the manager of the last company you worked for?",
     "differently", None),
]


@pytest.mark.parametrize(("wording", "not_this", "shown"), NOT_CONFIDENT)
def test_a_spent_sets_confident_wrong_answer_is_no_longer_claimed(
        wording: str, not_this: str, shown: str | None) -> None:
    found = recognise(wording, builtin_catalog())
    assert not (found.verdict == "match" and found.best.id == not_this), (found.verdict, found.best)
    if shown:
        assert shown in [c.id for c in found.shown], found.shown


@pytest.mark.parametrize(("wording", "expected"), [
    # near misses: the candidate's own disagreement over a policy, own performance work, own
    # conflict (round 27), the probes asked of a story told (round 28), one's own look back and
    # conflict with a teammate (round 29)
    ("Tell me about a time you had to implement a new policy you disagreed with.", "rubric"),
    ("Tell me about a performance problem you fixed in your service.", "performance"),
    ("Tell me about a time you disagreed with a customer.", "disagreement"),
    ("What factors did you weigh when you chose Postgres?", "alternatives"),
    ("Looking back, what would you do differently next time?", "differently"),
    ("Tell me about a conflict with someone on your team.", "disagreement"),
    # round 31: learning one's own skill, keeping up with one's field, one's own look back
    ("Tell me about a new skill you learned recently.", "learning"),
    ("How do you stay up to date with changes in your field?", "learning"),
    ("What would you have done differently?", "differently"),
])
def test_the_candidates_own_stay_confident(wording: str, expected: str) -> None:
    found = recognise(wording, builtin_catalog())
    assert found.verdict == "match" and found.best.id == expected, (found.verdict, found.best)


# Round 31, holdout30: real wordings read as "no match" that a cue now names, each the best candidate
# shown; and near misses that the same cues leave alone.
@pytest.mark.parametrize(("wording", "expected"), [
    ("Tell me about a project with measurable impact", "project"),
    ("Give us an example of a complex claim that you handled. What made it complex and how did you "
     "resolve it?", "project"),
    ("Have you ever shortened the time it takes to answer and dispatch an emergency call? By how much?",
     "performance"),
    ("What key performance indicators did you monitor?", "technical"),
])
def test_a_field_s_own_words_name_the_type(wording: str, expected: str) -> None:
    found = recognise(wording, builtin_catalog())
    assert found.shown and found.shown[0].id == expected, (found.verdict, found.shown)


@pytest.mark.parametrize(("wording", "not_this"), [
    ("Tell me about a project that failed to have the impact you hoped for.", "project"),
    ("How long does it take you to get to work?", "performance"),
    ("What would you monitor first in a new role?", "technical"),
])
def test_the_same_cues_leave_near_misses_alone(wording: str, not_this: str) -> None:
    found = recognise(wording, builtin_catalog())
    assert not (found.shown and found.shown[0].id == not_this and found.verdict != "none"), (found.verdict, found.shown)


def test_a_wording_the_scene_exclusion_keeps_from_the_family_is_shown_not_claimed() -> None:
    # Round 28 keeps "what would you do ... prevent ... again" out of the differently family (a
    # scene put to the candidate, holdout27). Round 40's model, trained on holdout4-39, no longer
    # claims this one alone: it is the nearest, shown as "unsure", never a type.
    found = recognise("What would you do to prevent that happening again?", builtin_catalog())
    assert found.verdict == "unsure" and found.best.id == "differently", (found.verdict, found.best)
