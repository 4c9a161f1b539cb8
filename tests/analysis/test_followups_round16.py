"""Follow-ups an interviewer would ask after real answers (issue 22, round 16): the families of
holdout15's judge's "no" and "awkward" prompts, fixed as rules over kinds of words, not phrases.

1. An anchor lifted from the answer is quoted as the speaker's choice only when it names one: a
   head noun for something said or settled ("a phased decision with clear checks", "a middle
   ground") or options offered ("alternative solutions") falls back to the template's plain
   wording. An activity ("periodic monitoring", "finding him more work") or an aim ("the goal")
   can be asked "how did you decide on" and "looking back at", but not how it "worked" or who was
   "involved in" it; a template that would say the anchor's word again falls back too.
2. What the speaker would do is read in "I'd" as in "I would" ("First, I'd ensure my safety ...
   Then I'd start with the simplest possibilities"), and is asked in words that point at what
   was just described, not at an "it" the answer never named ("What would make you handle it
   another way?" after a principal the speaker would like to work for).
3. An answer with no story is asked what its claim rests on ("What is that based on?", not "How
   did you come to see it that way?" after a room layout) and who has seen it ("Who at work has
   seen this firsthand", not "Who could back that up" after "the only thing I do is teach kids");
   and two acts told on one occasion are an example, so they are not asked for "one specific
   example of that".

Answers are quoted from tests/corpus_real (spent splits: holdout3, holdout4, holdout7, holdout8,
holdout12, holdout15)."""

from __future__ import annotations

import pytest

from storybank.analysis.followups import fill, names_a_choice, names_a_thing
from storybank.analysis.signals import told_as_would
from tests.helpers import probe_cases
from tests.helpers import spoken_prompts as _prompts

# --- answers quoted from the spent corpus -----------------------------------------------------
PHASED = ("I had a stakeholder disagreement on a preventive dentistry initiative where one group "
          "wanted speed and another was concerned about risk to clinical quality, patient "
          "education, charting, recall, and infection control. I did not treat it as a personality "
          "conflict. I restated the shared goal, separated facts from preferences, and asked each "
          "side which risk they were trying to avoid. Then I proposed a phased decision with clear "
          "checks and ownership. That approach helped the group move forward without ignoring the "
          "concern, and it reinforced how important it is to make tradeoffs visible instead of "
          "letting them sit underneath the conversation.")                          # holdout15
MONITORING = ("In a previous role, I was reviewing a purchasing process and noticed that approvals "
              "were being documented after orders were already placed. At first, it looked like a "
              "documentation issue, but once I tested more transactions, I realized it created a "
              "real risk of unauthorized spending and weak budget control. I documented the pattern, "
              "confirmed the root cause with the team, and checked whether the weakness had led to "
              "any duplicate or inappropriate purchases. I then discussed it with the process owner "
              "in a way that focused on risk and improvement rather than blame. Together, we "
              "recommended a simple pre-approval workflow and clearer accountability for exceptions. "
              "I also suggested periodic monitoring by finance to make sure the new process was "
              "actually being followed.")                                             # holdout15
MORE_WORK = ("Often I would walk into my team member's office and find that he was spending time on "
             "social networking sites instead of working. We had a discussion about the time he "
             "spent on his projects. It started as a disagreement, but I realized that he wasn't "
             "wasting time for the purposes of wasting time. He was wasting time because he would "
             "get done extremely quickly and efficiently, and he would run out of projects and get "
             "bored. Rather than reprimand him, I started finding him more work to do, and he became "
             "one of our most productive employees.")                                 # holdout3
LOGGING = ("The teams I work with in my current role logged their time spent on projects at the end "
           "of each month. I noticed several inaccuracies in their reporting and spent 5-10 hours "
           "the next week meeting with them to address missing time and time logged to the wrong "
           "projects and activities. I implemented a weekly logging process to reduce errors. None "
           "of my team members enjoyed logging their time, so I offered small rewards or "
           "facilitated time-logging lunches to make the process easier for everyone. The weekly "
           "time logging system reduced errors by 42% within three months and by 67% in the first "
           "year.")                                                                   # holdout3
TESTING_PHASE = ("During a previous project, I led a team in developing a new data pipeline. Despite "
                 "rigorous planning, we encountered unforeseen technical challenges that "
                 "significantly delayed the project timeline. I learned valuable lessons about the "
                 "importance of robust contingency planning and effective risk management. To "
                 "mitigate future risks, I implemented a more rigorous testing phase and established "
                 "stronger communication channels with the engineering team.")       # holdout7

ANCHORS = [
    # Something said or settled, not made: the plain wording is asked ...
    (PHASED, "disagreement", None,
     {"technical": "What was the hardest moment in that disagreement, and how did you handle it?",  # round 24: told step by step
      "collaborators": "How did the other person take the way it ended, and where do things stand between you now?",
      # round 21: the work it names, not the settled "phased decision", anchors the plain question
      "differently": "Looking back at the preventive dentistry initiative, what would you do differently?"}),
    # ... an activity, only suggested ...
    (MONITORING, None, None,
     {"collaborators": "Who else was involved? What did they think?",
      "technical": "What was the hardest part of that to get right, and how did you go about it?"}),
    # ... a gerund with its object is a choice, but did not "work" as a thing ...
    (MORE_WORK, "disagreement", None,
     {"differently": "Looking back at finding him more work, what would you do differently?",
      "collaborators": "Who else was involved? What did they think?"}),
    # ... near misses: a process or a phase the speaker put in place is a thing, and is named.
    # (Round 40: a spoken answer is no longer asked how it worked or who else was involved in it.)
    (LOGGING, "performance", None,
     {"differently": "Looking back at the weekly logging process, what would you do differently?",
      "technical": "What was the hardest part of that to get right, and how did you go about it?",
      "collaborators": "Who else was involved? What did they think?"}),
    (TESTING_PHASE, "failure", None,
     {"differently": "Looking back at the testing phase, what would you do differently?"}),
]


@pytest.mark.parametrize(("anchor", "choice", "thing"), [
    ("the phased decision with clear checks", False, False),   # said or settled, however qualified
    ("the alternative solutions", False, False),               # options offered
    ("the middle ground", False, False),
    ("the resolver options in every pod", False, False),
    ("periodic monitoring", True, False),                      # activities: chosen, never run
    ("finding him more work", True, False),
    ("extending the existing panel", True, False),
    ("the three goals", True, False),                          # an aim
    ("the weekly logging process", True, True),                # near misses: things made or run
    ("the testing phase", True, True),
    ("the streaming approach", True, True),
    ("the soil nail solution", True, True),
    ("the calibration session with the team", True, True),
    ("the budget meeting", True, True),
])
def test_which_anchors_a_template_can_carry(anchor, choice, thing):
    assert (names_a_choice(anchor), names_a_thing(anchor)) == (choice, thing)


def test_a_template_that_cannot_carry_the_anchor_falls_back():
    templates = ["How did you decide on {decision} over the alternatives?",
                 "What other options did you have?"]
    assert fill(templates, {"decision": "alternative routes"}) == "What other options did you have?"
    # near miss: no word said twice
    assert fill(templates, {"decision": "a job queue"}) == \
        "How did you decide on the job queue over the alternatives?"
    worked = ["Walk me through how {decision} worked, step by step.", "Walk me through it."]
    assert fill(worked, {"decision": "periodic monitoring"}) == "Walk me through it."
    assert fill(worked, {"decision": "a job queue"}) == \
        "Walk me through how the job queue worked, step by step."


# --- 2. what the speaker would do ------------------------------------------------------------
COOLING = ("First, I'd ensure my safety by checking electrical connections and wearing proper PPE. "
           "Then I'd start with the simplest possibilities—verify thermostat settings, check the air "
           "filter, and inspect for obvious issues like tripped breakers. Next, I'd check refrigerant "
           "levels, examine the condenser coils for debris, and test the compressor.")  # holdout15
PRINCIPAL = ("From my own observations and conversations with teachers I think that a good "
             "relationship with a building principal needs to be based on trust and communication. "
             "I can certainly help in that regard by always keeping my principal informed. If I was "
             "inviting a guest speaker into my classroom, setting up a terrarium with a collection "
             "of snakes, or assigning a controversial book for my students to read, I would want to "
             "inform my principal. If I have a problem student or anticipate the storming of the "
             "office by an irate parent, I should let my principal know early on.")  # holdout15
STRAIN = ("I have learned to address interpersonal conflicts right away so they do not fester. For "
          "instance, I might ask the person. 'Hey, I feel a strain between us, and I'd like to talk "
          "it over. Is now a good time?' I use 'I' statements and own my feelings.")  # holdout8
REPEAT = ("I always begin by asking the customer to explain what happened. To make sure we're on the "
          "same page, I'll repeat what I believe the problem is. At that point, I'll give the "
          "customer a sincere apology.")                                             # holdout12


@pytest.mark.parametrize(("text", "would"), [
    (COOLING, True),      # "I'd" twice
    (PRINCIPAL, True),
    (STRAIN, False),      # near misses: a wish ("I'd like to talk it over") ...
    (REPEAT, False),      # ... and a habit ("I'll repeat what I believe the problem is")
])
def test_what_the_speaker_would_do_is_read_in_i_d(text, would):
    assert told_as_would(text) is would


WOULD = [
    (COOLING, None, "trades",
     {"alternatives": "Besides what you just described, what else could you do, and why would you "
                      "not start there?",
      "technical": "Have you had to do that for real? If so, walk me through what happened."}),
    (PRINCIPAL, None, "education",
     {"differently": "What could go wrong with doing it that way, and what would you do then?",
      "collaborators": "Would you involve anyone else in that, and if so, who and why?"}),
    # near miss: a habit told with "I'll" keeps the routine's own wording
    (REPEAT, "disagreement", None,
     {"differently": "Think of the last difficult customer you dealt with: what would you do "
                     "differently now?"}),
]


# --- 3. an answer with no story ----------------------------------------------------------------
LAYOUT = ("Well all the chairs would be lined up in neat, straight rows and the teacher's desk would "
          "be placed in the front of the room and….")                                # holdout15
ONLY_TEACH = "Hey, I'm a teacher, and the only thing I do is teach kids!"              # holdout15
WARFARIN = ("A patient was prescribed warfarin and ciprofloxacin simultaneously. I immediately "
            "contacted the prescriber because ciprofloxacin significantly increases warfarin's "
            "anticoagulant effect, risking dangerous bleeding. We switched to a safer antibiotic "
            "alternative.")                                                           # holdout15
QUICK = "I'm a quick learner. I pick up things very fast!"                             # holdout4

NO_STORY = [
    (LAYOUT, None, "education",
     {"alternatives": "What is that based on?",
      "collaborators": "Who at work has seen this firsthand, and what would they say about it?"}),
    (ONLY_TEACH, None, "education",
     {"collaborators": "Who at work has seen this firsthand, and what would they say about it?"}),
    # Two acts on one occasion are an example: the story's own probes are asked ...
    (WARFARIN, None, None,
     {"technical": "Walk me through what you did, step by step, and why you did it that way.",
      "collaborators": "Who else was involved? What did they think?"}),
    # ... near misses: a claim with no act in it is still asked for one example
    (QUICK, None, None,
     {"technical": "Can you give me one specific example of that from your work?"}),
]


# The three families' rows: a firing answer and a near miss each, asked as the interview asks.
@pytest.mark.parametrize(("text", "qtype", "field", "probe", "prompt"),
                         probe_cases([*ANCHORS, *WOULD, *NO_STORY]))
def test_each_family_asks_what_an_interviewer_would(text, qtype, field, probe, prompt):
    assert _prompts(text, qtype, field)[probe] == prompt
