"""Follow-ups an interviewer would ask after real answers (issue 22, round 11): the families of
holdout10's judge's "no" and "awkward" prompts. A last job that ended is asked about that job; a
disagreement said never to have been settled (or said to have worked) is read as it says; the
person a disagreement is with is named; a goal said as a bare infinitive and a life told from
birth are no work to give an example of; "scheduled" names no week; taking on too much is a flaw.
Each family has a firing answer and a near miss in one table, quoted from tests/corpus_real
(spent splits: holdout3, holdout6, holdout7, holdout8, holdout10)."""

from __future__ import annotations

import pytest

from storybank.analysis.answer_holds import answer_holds
from storybank.analysis.answer_kinds import ambition, career, departed, settled, worked_before
from tests.helpers import probe_cases
from tests.helpers import spoken_prompts as _prompts

# --- answers quoted from the spent corpus -----------------------------------------------------
FIRED = "Because I got fired from my last job."                                     # holdout8
LAID_OFF = "Because I have been laid off and I need a job"                          # holdout3
FIRED_UP = ("Oh, well I grew up in Oakland, but moved to Shasta during high school. After graduation "
            "I went to hotel management school in Reno. That didn't work out, so I moved back to "
            "Oakland and started going to Chabot College. I met an old friend who was in the fire "
            "science program. We ended up over at his house. His father was a Captain for Oakland. "
            "They got me all fired up, I signed up in fire science, got my firefighter 1, became a "
            "medic and I'm currently a federal firefighter.")                         # holdout7
SCOUTS = ("When I was a volunteer working with a group of scouts, I had an encounter with a parent "
          "that didn't get resolved but eventually became a moot issue. One parent did not agree "
          "with the way I was organizing things and was very vocal about it. I tried to tell him "
          "that all the decisions I make are in the best interest of the troop. But he thought my "
          "ideas were holding his child back. We had several exchanges that didn't result in "
          "agreement. Eventually his child moved on and graduated to a new level in the program. I "
          "felt that I had reason to hold to my position and protect the whole group.")  # holdout10
COMPUTER = ("Well, one day I got a call about a computer that was broken. I was sick, so I told them to "
            "hold the phone up to the computer. Then I told the computer, 'Look, I'm sick today. I "
            "don't feel like coming in. I fixed you just last week and I know you're ok, so I need "
            "you to stop being stupid and work. Will you do that for me?' And then, it worked. I "
            "fixed it just by doing that.")                                           # holdout10
PATIENT = ("I had an elderly patient who was struggling to maintain their independence, but "
           "suffering from dementia while recovering from a broken hip. They were resistant at times "
           "when they needed to take medicine, so I learned how to talk to them and involve their "
           "family member in order to encourage them to do the things they needed for care.")
NURSE = ("The nurse was overreacting. I knew my orders were correct, but she kept making a big deal "
         "out of it. It was very frustrating.")                                       # holdout6
DIRECTION = "I knew the direction was wrong."                                         # holdout3
GOAL = "To work the least amount of time possible until I can get your job."          # holdout10
BORN = ("Thank you, Captain. I was born in a small town in August of 1986. I went to elementary "
        "school in Small Town and high school in Bigger City. I was a cub scout, boy scout, and went "
        "to church every Sunday.")                                                    # holdout10
CAMPAIGNS = ("Situation: As a marketing manager, I was responsible for launching three concurrent "
             "campaigns—each with its own tight deadline.\nTask: I needed to ensure all campaigns "
             "were launched on time without compromising quality, while coordinating with "
             "cross-functional teams.\nAction: I created a priority matrix to categorize tasks by "
             "urgency and impact, scheduled regular check-ins with stakeholders, and delegated "
             "non-critical tasks to team members. I also flagged potential bottlenecks early and "
             "negotiated extended deadlines for lower-impact tasks.\nResult: All high-priority "
             "campaigns launched successfully, generating a 15% increase in engagement, and "
             "stakeholders praised the clear communication and proactive planning.")  # holdout10
FLEXIBLE = ("My schedule is pretty flexible, so I am open to working as much as I can. I know that "
            "nights and weekends are the busiest times for restaurants, so I'm willing to work as "
            "much as you need me during those times.")                                # holdout10
TOO_MUCH = "I guess I sometimes take on too much because I just want to help everyone."  # holdout10
DELEGATE = "I cared so much about the outcome that I took on too much and had to delegate."  # holdout6

NURSING_HOME = ("I worked the evening shift at a nursing home, and I really liked working with the "
                "residents I learned so much about life from listening to their stories.")  # holdout10
PRIOR_FIRM = ("I am highly interested in a role with ABC Corporation as they are a well-regarded and "
              "serious competitor to my prior firm of XYZ Corporation.")              # holdout7
PATIENTS = "I love working with patients"                                             # holdout7

RECONCILIATION = ('During my time as a nurse consultant, I encountered a situation where I made a '
                  'mistake in medication reconciliation for a patient. Due to a misinterpretation '
                  "of the medication list, I failed to include one of the patient's important "
                  'medications. This error was discovered during a comprehensive medication review '
                  "with the patient's interdisciplinary team, including physicians, pharmacists, "
                  'and other healthcare professionals. I immediately took responsibility for my '
                  'mistake and communicated it to the team.')  # holdout10

SUPERVISOR = "What exactly did you say to {}, and how did they respond?"

ASKED = [
    # A last job that ended is asked about that job and how it ended ...
    (FIRED, "motivation", None,
     {"technical": "What did you do in that job that you would bring here?",
      "alternatives": "What are you looking for in your next job that you did not have in that one?"}),
    (LAID_OFF, "motivation", None,
     {"collaborators": "If I called your last manager, what would they say about your work?"}),
    # ... near miss: "all fired up" is no firing; the work so far is not "what you do now".
    (FIRED_UP, "motivation", None,
     {"alternatives": "What else did you look at before applying here, and why this one?",
      "technical": "What from your experience so far would you bring to this work, and how?"}),
    # A job the speaker held is asked about, not who they talked to about "this work" ...
    (NURSING_HOME, "motivation", "medicine",
     {"collaborators": "Who did you work with there, and what would they say about you?",
      "alternatives": "What would you want to be different here from that job?"}),
    (PRIOR_FIRM, "motivation", None,
     {"technical": "What did you do in that job that you would bring here?"}),
    # ... near miss: liking the work, with no job told, keeps the thin reason's wordings.
    (PATIENTS, "motivation", "medicine",
     {"technical": "What do you know about what this work involves day to day?"}),
    # A conflict said never to have been resolved is asked what could have resolved it ...
    (SCOUTS, "disagreement", None,
     {"alternatives": "Looking back, what could you have done to resolve it?",
      "technical": SUPERVISOR.format("the parent")}),
    # ... near miss: one said to have worked is asked how it was settled.
    (COMPUTER, "disagreement", None,
     {"alternatives": "What other ways of settling it did you consider, and why did you go with this one?"}),
    # The person an unsettled disagreement is with, by name ...
    (PATIENT, "disagreement", "medicine", {"technical": SUPERVISOR.format("the patient")}),
    (NURSE, "disagreement", "medicine", {"technical": SUPERVISOR.format("the nurse")}),
    # ... near miss: an answer that names no one keeps "the other person".
    (DIRECTION, "disagreement", None, {"technical": SUPERVISOR.format("the other person")}),
    # A goal said as a bare infinitive is a plan, not work to give an example of.
    (GOAL, None, None,
     {"technical": "What have you done toward that so far? Walk me through it.",
      "collaborators": "Who have you talked to about that plan, and what did they say?"}),
    # A life told from birth and schooling is a path, not a claim to back up.
    (BORN, None, None,
     {"collaborators": "Who has seen your work most closely so far, and what would they say about it?"}),
    # "scheduled regular check-ins" names no week: the story is asked about as a story ...
    (CAMPAIGNS, "schedule", None,
     {"technical": "Walk me through what you did, step by step, and why you did it that way."}),
    # ... near miss: "my schedule", nights and weekends keep the schedule's wordings.
    (FLEXIBLE, "schedule", None,
     {"differently": "If something comes up in a week you are due to work, what gives first, and how do you handle it?"}),
    # Taking on too much, with nothing done about it, is a flaw: when it was noticed, not "once the
    # problem came to light" ...
    (TOO_MUCH, "failure", None,
     {"alternatives": "When did you first notice it, and what have you tried since?"}),
    # A failure found by others did not go wrong before the speaker's eyes: "once the problem came
    # to light", not "once you saw it going wrong".
    (RECONCILIATION, "failure", "medicine",
     {"alternatives": "Once the problem came to light, what else could you have done, and why did you do what you did?"}),
    # ... near miss: having had to delegate is something done.
    (DELEGATE, "failure", None,
     # round 25: a strength told as the failure (SB702) is asked for one that really went wrong
     {"alternatives": "Think of one time something you did went wrong: what else could you have done, and why didn't you?"}),
]

@pytest.mark.parametrize(("text", "qtype", "field", "probe", "prompt"), probe_cases(ASKED))
def test_each_probe_asks_only_what_the_answer_holds(text, qtype, field, probe, prompt):
    assert _prompts(text, qtype, field)[probe] == prompt


@pytest.mark.parametrize(("text", "ended"), [
    (FIRED, True), (LAID_OFF, True),
    ("My boss was a jerk. She fired me just because I didn't complete the certification!", True),
    (FIRED_UP, False),                    # fired up
    ("Needless to say I fired her.", False),  # the speaker fired someone
])
def test_a_last_job_that_ended(text, ended):
    assert departed(text) is ended


@pytest.mark.parametrize(("text", "is_settled"), [
    (SCOUTS, False), (COMPUTER, True), (NURSE, False),
    ("We couldn't resolve it at first, but then we agreed on a trial.", True),
])
def test_settled_as_the_answer_says(text, is_settled):
    assert settled(text) is is_settled


@pytest.mark.parametrize(("text", "person"), [
    (PATIENT, "patient"), (NURSE, "nurse"),
    ("On my surgery rotation, the chief resident was really unfair", "chief resident"),
    ("Once my no-good boss yelled at me", "boss"),
    (CAMPAIGNS, ""),   # the speaker's own role ("As a marketing manager") is no one
    ("I was patient with them and it passed.", ""),
    (DIRECTION, ""),
])
def test_the_person_an_answer_deals_with(text, person):
    assert answer_holds(text).counterpart == person


@pytest.mark.parametrize(("text", "plan"), [
    (GOAL, True), ("To become a nurse manager.", True),
    ("To be honest, I never thought about it.", False),
    ("To meet the deadline, I worked weekends.", False),
])
def test_a_goal_said_as_an_infinitive(text, plan):
    assert ambition(text) is plan


@pytest.mark.parametrize(("text", "path"), [
    (BORN, True),
    ("I was born in Ohio, and last year I led the team that cut our costs by a third.", False),
])
def test_a_life_told_from_birth(text, path):
    assert career(text) is path


@pytest.mark.parametrize(("text", "held"), [
    (NURSING_HOME, True), (PRIOR_FIRM, True),
    (PATIENTS, False), ("I would love to work with patients here.", False),
])
def test_a_job_the_speaker_held(text, held):
    assert worked_before(text) is held
