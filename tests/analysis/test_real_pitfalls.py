"""Pitfalls said in people's own words (issue 22): dodging, blaming or deferring, hiding a slip, a
self-serving motive, and a failure read from what the speaker did. The rule examples in
data/rule_examples.toml (test_rules.py) cover each code end to end; these pin the signals."""

from __future__ import annotations

import pytest

from storybank.analysis.engine import analyze
from storybank.analysis.evidence import self_serving_motive
from storybank.analysis.signals import blame, deflection, dodge, self_caused, without_dodges
from storybank.catalog import builtin_catalog
from storybank.model import Story
from storybank.settings import Settings


@pytest.mark.parametrize("text", [
    "I can't really think of any mistakes I've made.",
    "Honestly, I've never really had a conflict with anyone at work.",
    "Well, I haven't done anything interesting, but I could talk about school.",
    "Nothing comes to mind.",
    "I get along well with everyone, so it never comes up.",
])
def test_a_dodge_is_heard_in_free_phrasing(text):
    assert dodge(text)


@pytest.mark.parametrize("text", [
    "I had never used Kubernetes before that project.",
    "I've never seen a rollout fail that quickly.",
    "I can't stress enough how much the checklist helped.",
])
def test_a_denial_of_something_else_is_no_dodge(text):
    assert dodge(text) is None


def test_a_denial_is_no_evidence_of_what_it_denies():
    text = "I never made a mistake that mattered. The team was great."
    assert without_dodges(text) == "The team was great."
    assert without_dodges("I shipped it. It broke.") == "I shipped it. It broke."


@pytest.mark.parametrize("text", [
    "My manager was being unreasonable and never listened to anyone.",
    "The sales director kept changing the requirements.",
    "It was honestly her fault.",
])
def test_blame_of_a_person_in_free_phrasing(text):
    said, strength = blame(text, strict=True)
    assert said and strength >= 1


@pytest.mark.parametrize("text", [
    "She would not accept a queue without a load test.",
    "He wanted Redis; I wanted to keep PostgreSQL.",
    "They had not seen the latency numbers yet, so I shared them.",
])
def test_stating_the_other_side_is_not_blame(text):
    assert blame(text, strict=True) == (None, 0)


def test_handing_the_call_over_is_a_deflection():
    assert deflection("If the doctor ordered it I'd just do it, they are the one responsible.")
    assert deflection("I asked the doctor to review the order with me before I gave it.") is None


@pytest.mark.parametrize("text", [
    "I ran a database change directly on production without a backup.",
    "I mistakenly gave the wrong dose to a patient on my second week.",
    "I shipped the migration at noon. It locked the table for 30 seconds.",
])
def test_self_caused_failure_is_read_from_what_the_speaker_did(text):
    assert self_caused(text)


@pytest.mark.parametrize("text", [
    "I can't think of a mistake I made.",
    "I halted the rollout within 40 minutes. Crashes fell to zero.",
    "The vendor shipped a broken driver.",
])
def test_remedies_denials_and_others_actions_are_not_self_caused(text):
    assert self_caused(text) is None


def test_a_self_serving_motive_needs_to_be_the_motive():
    assert self_serving_motive("your office is really close to my house. this is an easy commute.")
    # a perk in passing, in an answer about the work and what the speaker brings
    assert self_serving_motive("i love helping children learn, and i bring ten years of "
                               "experience teaching reading. the summers off help too.") is None


def _failure(action: str) -> list[str]:
    story = Story(title="t", questions=["failure"], situation="At a clinic in 2022.", action=action,
                  outcome="Nothing else happened.", reflection="That is all.")
    return [f.code for f in analyze(story, builtin_catalog(), Settings(), "t").findings]


def test_the_self_cause_check_follows_what_was_done_not_fixed_phrases():
    # "I ran ... without ..." owns the cause, so no missing-evidence finding for it
    assert "SB790" not in _failure("I ran a database change directly on production without a backup.")
    # a dodge owns nothing: it is flagged, and the cause is still missing
    codes = _failure("I never made a real mistake there, I can't think of one.")
    assert "SB781" in codes and "SB790" in codes


# --- scores that measure the dimension, not the length --------------------------------------

def _scores(action: str, qtype: str = "disagreement") -> dict[str, int]:
    story = Story(title="t", questions=[qtype], situation="At work last year.", action=action,
                  outcome="It was settled.", reflection="I learned from it.")
    return analyze(story, builtin_catalog(), Settings(), "t").score_values()


def test_ownership_falls_when_the_answer_blames():
    fair = ("My manager wanted the release on Friday. I showed her the failing load test and we "
            "agreed to ship on Monday after I fixed the connection pool, which I did that weekend.")
    blaming = ("My manager wanted the release on Friday. She never listened and was being "
               "unreasonable, so it was her fault the release slipped to Monday after the pool broke.")
    assert _scores(blaming)["ownership"] < _scores(fair)["ownership"]


def test_specificity_credits_names_places_and_dates_not_only_digits():
    vague = ("I worked with a colleague on a hard case and we sorted it out together after some "
             "back and forth. It went well in the end and everyone was fine with the result.")
    particular = ("Last March, on the cardiology ward at St Mary's, Dr Okafor and I disagreed about "
                  "restarting warfarin. I brought the CHA2DS2-VASc score and the bleeding history "
                  "to the Friday meeting and the consultant chose to wait.")
    assert _scores(particular)["specificity"] > _scores(vague)["specificity"]


def test_depth_credits_the_means_in_any_field():
    shallow = ("I disagreed with the other teacher about the reading groups. We talked about it and "
               "agreed in the end. The groups worked out and the students were happy with them.")
    means = ("I disagreed with the other teacher about the reading groups. First, I tested each "
             "child with a running record, so we grouped by reading age rather than by class list. "
             "Then we checked progress by comparing the spring and summer records.")
    assert _scores(means)["technical_depth"] > _scores(shallow)["technical_depth"]


def test_every_dodge_phrase_passes_the_quick_filter():
    from storybank.analysis.lexicon import _lexicon_data
    from storybank.analysis.signals import DODGE_KEYS

    data = _lexicon_data()
    for name in ("dodge_memory", "dodge_denials", "dodge_alone"):
        for phrase in data[name]:
            assert any(key in phrase + " " for key in DODGE_KEYS), (name, phrase)


# --- round 2 (issue 22): firing and near-miss examples from the tuning corpus and the spent holdout

def _judged(text: str, qtype: str) -> set[str]:
    from storybank.answers.judge import judge_answer

    report = judge_answer(text, builtin_catalog(), Settings(), question=qtype)
    return {f.code for f in report.findings if str(f.severity) in ("warning", "error")}


@pytest.mark.parametrize("text", [
    "She kept trying to undermine me and get me into trouble.",
    "I don't know what her problem was; I never did anything to her.",
])
def test_hostility_pinned_on_a_coworker_is_blame(text):
    said, strength = blame(text, strict=True)
    assert said and strength >= 1


def test_a_coworker_who_helped_is_not_blamed():
    assert blame("She helped me get the rollout back on track.", strict=True) == (None, 0)


@pytest.mark.parametrize("text", ["I need to pay off my school debt",
                                  "I'm looking for a more relaxed atmosphere"])
def test_own_needs_as_the_motive_are_self_serving(text):
    assert self_serving_motive(text.lower())


def test_a_debt_of_gratitude_to_patients_is_not_self_serving():
    assert self_serving_motive("i want to help patients the way my nurses helped me.") is None


def test_flattery_that_fits_any_company_is_generic_motivation():
    assert "SB741" in _judged("I've heard great things, it's a great company, the culture seems great.",
                              "motivation")
    # near miss: the speaker's own history with the work is a specific fit
    assert "SB741" not in _judged(
        "I'm passionate about kids. I've worked as a volunteer at the YMCA camp, and I coached a "
        "Little League team. I believe I can be a positive influence in the lives of children.",
        "motivation")


def test_a_disagreement_settled_through_the_chain_of_command_has_a_mechanism():
    settled = ("If I still believed the order placed the patient at risk after clarification, I would "
               "escalate through the appropriate chain of command. I would raise the concern with the "
               "provider first, using objective information.")
    assert "SB711" not in _judged(settled, "disagreement")
    assert "SB711" in _judged("We talked it out and eventually agreed on a plan that worked for both "
                              "of us.", "disagreement")


def test_zero_of_something_is_a_measured_result():
    from storybank.analysis.signals import spelled_numbers

    assert spelled_numbers("Used gh-ost, coordinated with SRE, zero downtime.") == ["zero downtime"]
    assert spelled_numbers("It was a zero-sum game, so we had to zero in on one fix.") == []


def test_outside_software_a_cause_line_is_depth_but_a_bare_account_is_not():
    with_cause = ("In my last job I had to analyse all the supplier bids and present recommendations. "
                  "Because the bids weren't in a consistent format, my analysis compared dissimilar "
                  "items, and this caused confusion in my final report. Ever since, I've asked every "
                  "supplier for the same request-for-proposal format so the bids can be compared.")
    bare = ("In my last job I had to analyse all the supplier bids and present recommendations. "
            "My analysis compared dissimilar items and my final report was confusing. Ever since, "
            "I've asked every supplier for the same request-for-proposal format, and I check it.")
    assert "SB403" not in _judged(with_cause, "failure")
    assert "SB403" in _judged(bare, "failure")


def test_a_self_caused_slip_in_software_is_a_line_of_mechanism():
    told = ("I shipped a migration without locking the table; it timed out under load and we lost "
            "18 minutes of user activity. I rolled back, ran it during a maintenance window, and added "
            "a runbook check that requires explicit confirmation for migrations on tables over 1M rows.")
    vague = ("I shipped a database migration for our users and there were some problems with it during "
             "the release that we had to handle. I rolled it back, ran it again later in a maintenance "
             "window, and after that it was fine for everyone.")
    assert "SB403" not in _judged(told, "failure")
    assert "SB403" in _judged(vague, "failure")


def test_an_answer_to_no_known_type_is_not_asked_for_technical_depth():
    from storybank.answers.judge import judge_answer

    said = ("After six years as a systems analyst I have skills in business modelling, process "
            "re-engineering and software evaluation, and these are the skills you are seeking. "
            "Would you like to hear about specific examples of my work?")
    free = judge_answer(said, builtin_catalog(), Settings(), question=None)
    assert "SB403" not in {f.code for f in free.findings}
    # near miss: a story file with no question type yet is still being written, and is asked
    from storybank.analysis.context import StoryContext

    draft = Story(title="Skills", questions=[], action=said)
    assert StoryContext.build(draft, "skills", builtin_catalog(), Settings()).technical
    spoken = Story(title="", questions=[], action=said)
    assert not StoryContext.build(spoken, "", builtin_catalog(), Settings()).technical
