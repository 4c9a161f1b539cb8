"""Round 31 (issue 22), from holdout30's blind judges and its spent answers: each family with a
firing case from the set and a near miss.

1. A rule quietly not followed ("the test plan said any response over two seconds is a fail ... So I
   just marked it as a pass", "So I just stopped filling in the paper log") is SB751's override, and
   is asked why the speaker did not raise it; both were asked for "the last time a rule seemed wrong"
   ("They just described such a case; asks for it again").
2. A private constraint is not read in an answer to a question that asks for an example: a clash
   over "who was doing the weekend shifts" was asked which hours suit the speaker ("Scheduling
   question does not fit a conflict answer").
3. "No, I've never really had that." denies the experience asked for, so a rule question answered
   with it is asked for one case, not "how you handled the rule" ("No rule was described").
4. A disagreement that ends "I thanked him ... we've been fine since" says where the two stand.
5. Names moved onto ("moved everything onto Airflow") are the ones chosen, not the scripts left.
6. A quoted thing is a whole noun phrase: "a tool called Chaser" is the name Chaser (a bare name, no
   decision to quote back), "an end-to-end" and "a real job" are no things to ask about.
7. Schedule: "flexible" with no hours is asked which set shifts would come first, not "what else is
   fixed in your week" (0 of 4 "yes"); a week told is asked how the speaker lets others know when
   they are free, not whose schedule depends on theirs ("intrusive", "odd for solo work", 3 of 9
   "yes") nor (round 32) how cover at short notice has gone ("does not fit an availability answer").
"""

from __future__ import annotations

import pytest

from storybank.analysis.denials import denied_as_that
from storybank.analysis.overrides import rule_changed
from storybank.analysis.phrases import is_complete_phrase
from storybank.analysis.signals import dodge
from tests.helpers import spoken_prompts

THRESHOLD_PASSED = (
    "So the test plan said any response over two seconds on the search page is a fail, and on the "
    "release candidate it was coming in around 2.3, 2.4 seconds. But I know that environment, the "
    "staging database is way slower than production. So I just marked it as a pass and moved on.")
LOG_STOPPED = (
    "Um, the decontamination log. We had to write down every autoclave cycle by hand even though the "
    "machine prints its own record. I thought it was pointless duplication, so I just stopped filling in "
    "the paper log on my sessions and relied on the printouts. Nobody noticed for months.")


@pytest.mark.parametrize("text", [THRESHOLD_PASSED, LOG_STOPPED], ids=["marked a pass", "stopped the log"])
def test_a_rule_quietly_not_followed_is_an_override_asked_why_it_was_not_raised(text):
    assert rule_changed(text) is not None
    prompts = spoken_prompts(text, "rubric")
    assert prompts["alternatives"] == "Why did you go your own way rather than raise it with whoever owns the rule?"
    assert "the last time a rule" not in prompts["technical"]


@pytest.mark.parametrize("text", [
    pytest.param(THRESHOLD_PASSED.replace("So I just marked it as a pass and moved on.",
                                          "So I failed it, as the plan says, and raised a ticket to revisit the "
                                          "threshold."), id="failed as the plan says"),
    pytest.param("The procedure says to double-check the controlled drugs at handover. One night the count was "
                 "off, so I just stopped and asked my supervisor to count with me.", id="stopped and asked"),
])
def test_a_rule_followed_or_raised_is_no_override(text):
    assert rule_changed(text) is None


CARE_HOME_CLASH = ("Um, so there was a bit of tension with another carer over the rota, about who was doing "
                   "the weekend shifts. We sat down, talked it out, and it was fine after that.")


def test_a_clash_over_the_rota_is_asked_about_the_clash_not_the_speakers_hours():
    prompts = spoken_prompts(CARE_HOME_CLASH, "disagreement")
    assert "hours" not in prompts["alternatives"] and "schedule" not in prompts["collaborators"]


def test_hours_with_a_private_reason_keep_the_schedule_wording():
    # Near miss: to a schedule question, the same weekend shifts are the speaker's own constraint.
    prompts = spoken_prompts("I can't do the weekend shifts because I look after my mum on Saturdays and "
                             "Sundays.", "schedule")
    assert "hours" in prompts["alternatives"] or "hours" in prompts["differently"]


@pytest.mark.parametrize(("sentence", "denied"), [
    ("no, i've never had that.", True),
    ("honestly i have never had one.", True),
    ("i've never had that many patients at once, but that night i took six.", False),
    ("i've never had one of those before that shift.", False),
])
def test_the_experience_denied_as_that(sentence, denied):
    assert (denied_as_that(sentence) is not None) is denied


def test_a_rule_question_answered_never_had_that_is_asked_for_one_case():
    denial = ("No, I've never really had that. Rules are rules. Whatever the park authority's policy is, I "
              "just follow it, I don't question it.")
    assert dodge(denial) is not None
    prompts = spoken_prompts(denial, "rubric")
    assert not prompts["differently"].startswith("Looking back at how you handled")
    assert "see it the way you did" not in prompts["collaborators"]


def test_thanked_and_fine_since_says_where_the_two_stand():
    told = ("So, I'm a diagnostic radiographer, and this was a night shift covering A&E. A registrar requested "
            "a CT head on a 24-year-old who'd banged his head on a cupboard door, and against the NICE head "
            "injury criteria he didn't meet any of them. The registrar was quite short with me. I didn't "
            "refuse flat. I rang him, went through the criteria one by one, and we agreed on four hours of "
            "observation. The patient was discharged that morning. Next shift I found the registrar and "
            "thanked him for hearing me out, and we've been fine since.")
    assert spoken_prompts(told, "disagreement")["collaborators"].startswith("If I asked")


def test_the_tool_moved_onto_is_the_one_asked_about():
    told = ("I owned the migration of our nightly batch jobs. We had about 140 jobs running off cron, Python "
            "scripts calling each other, and I moved everything onto Airflow, with the SQL rewritten as dbt "
            "models. The finance tables have not been late since.")
    prompts = spoken_prompts(told, "project", "software")
    assert "Python" not in " ".join(prompts.values())


@pytest.mark.parametrize(("phrase", "complete"), [
    ("an end-to-end", False),
    ("a human-centred", False),
    ("a real job", False),
    ("the version number", True),
    ("a one-to-one", True),
    ("an end-to-end discovery study", True),
    # Round 33, holdout32: how things went ("I ran late for my next client") is no thing done.
    ("late for your next client", False),
    ("behind on the rota", False),
    ("a late-night rota", True),
])
def test_a_quoted_thing_is_a_whole_noun_phrase(phrase, complete):
    assert is_complete_phrase(phrase) is complete


def test_a_tool_called_by_name_is_quoted_by_its_name():
    told = ("The long tail got automated statements and reminder emails at 7, 14 and 30 days overdue, which I "
            "set up in a tool called Chaser that connects to Sage. Debtor days fell from 61 to 44.")
    assert "tool called" not in " ".join(spoken_prompts(told, "performance").values())


def test_flexible_with_no_hours_is_asked_which_set_shifts_would_come_first():
    # holdout30: "I'm pretty flexible, really" with no days or hours named (SB761's weak point).
    prompts = spoken_prompts("Honestly I'm really flexible, I can fit it in whenever you need me, it's "
                             "not a problem at all.", "schedule")
    assert prompts["differently"] == "If we offered you set shifts, which days and times would you pick first?"


def test_a_week_told_is_asked_how_others_hear_of_it_not_who_depends_on_it():
    week = ("For this I'd do Monday, Wednesday and Friday evenings, half seven to ten, and Sunday morning, "
            "8 till 12, about eleven hours a week. My day job is eight till four.")
    collaborators = spoken_prompts(week, "schedule")["collaborators"]
    # Round 32: not cover for a colleague, which read as another job after hours for platform work.
    assert collaborators == "How do you let the people you work with know when you are and are not available?"
