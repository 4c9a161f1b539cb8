"""Follow-ups an interviewer would ask after real answers (issue 22, round 10): the premises of
holdout9's judge's "no" and "awkward" prompts. A rubric's wordings presume the rule the answer is
about, a schedule's a working week, a story's probes one occasion told, "what would you do
differently" something done; where the answer does not hold it, the prompt asks what its probe
always can for that kind of answer. Each family has a firing answer and a near miss in one table,
quoted from tests/corpus_real (spent splits: tuning, holdout, holdout3, holdout6, holdout9)."""

from __future__ import annotations

import pytest

from storybank.analysis.answer_holds import answer_holds, past_acts
from storybank.analysis.followups import as_asked, found_with
from storybank.analysis.phrases import decision_phrase
from tests.helpers import probe_cases
from tests.helpers import spoken_prompts as _prompts

# --- answers quoted from the spent corpus -----------------------------------------------------
CURRICULUM = ("Well, my district gave me the Making Meaning curriculum, but I have found that it is "
              "too advanced for my students, so I have supplemented it with the structure of the "
              "Daily 5, strategies from CAFE Literacy, and by giving students lots of time to read "
              "independently.")
ADJUST = "I try to figure it out on my own and adjust over time"
LESSON_PLANS = ("I was frustrated when my college supervisor made me write out my lesson plans for the "
                "first ten weeks of student teaching. Many of my friends only had to write complete "
                "lesson plans for the first four weeks and then they went to \"block plans.\" However, "
                "in talking with my supervisor I learned that it is always advisable to over-plan – "
                "that is, write lesson plans that are more detailed and more involved early in the "
                "teaching process. I discovered the advantage of that on two occasions – once when an "
                "assembly had to be cancelled and another when a teacher on our social studies team "
                "called in sick at the last minute.")
PHONES = ("We had a strict no mobile phones and no social media policy in my last job, or at least "
          "that's how I interpreted it. This was something really hard for me to follow. I must admit "
          "I was addicted to looking at my phone and checking my Instagram and Facebook. But I did not "
          "realize this until I started to work for the company. It was hard to comply with the "
          "rules, but at the end of the day they helped me to beat my social media addiction.")
PRESENTATION = ("When studying at the college, I had just 24 hours to prepare a presentation from a "
                "difficult network security subject. I created a plan of work and calculated that to "
                "study the topic, prepare the first version, make corrections, prepare the "
                "presentation and practice it, I would need 18 hours. It was close to impossible to do "
                "it in time… However, I engaged my school mate to the research part, so we worked on "
                "it together and instead of 10 hours, it took us only six hours to complete the "
                "research stage. This helped me and finally I was able to deliver a high quality "
                "presentation on a next day. I managed the situation pretty well.")
AVAILABLE = ("I'm available Monday through Friday from 9am to 6pm, with flexibility for occasional "
             "evening meetings when scheduled in advance.")
ALL_MY_PROJECTS = "All my projects are pretty good."
ALL_THE_TIME = ("All the time. Everything we do has a tight deadline. Meeting customer needs requires "
                "responding quickly. We never have much warning when we get a special project and have "
                "to get the project done quickly.")
HOMETOWN = ("I am a product of this community. I went to High School here. I attended our Community "
            "College of Nursing and I performed all my clinical rotations at this hospital. I grew up "
            "here and this is my hometown etc.")
NOT_FAILED = ("I don't really think I've failed. I've had setbacks, but I always find a way to "
              "succeed. I'm very persistent.")
AGAINST_TEAM = "Well … I've never actively worked against a team."
AS_EXPECTED = "I usually do what's expected, not really more."
NOT_DONE_BEFORE = "I haven't done it before, but I'm sure I could learn it."
BOOKKEEPING = ("Well I already do a bit of bookkeeping on the side so once I'm qualified I'll do more "
               "freelance work and build up my own business.")
SHOES = ("I will put myself in your shoes and try to understand your point of view. Maybe our "
         "strategies sound different, but there is some common ground between the two")
WIN_WIN = ("Well Margaret, I try to approach conflict positively, and try to work toward a productive "
           "\"win-win\" resolution. I try to keep larger goals in mind and frame discussion in terms of "
           "the goals of the company or the goals of the team. FOR EXAMPLE, I once had a colleague who "
           "I felt was always dogging me. I thought about it for a while, and then made it clear to her "
           "in private that I was willing to learn from her, but that I don't tolerate unproductive "
           "negative criticism.")
ON_CALL = "I keep my phone nearby and respond when I get paged."
GRAPHQL = ("In my internship, I was assigned to integrate our frontend React app with a GraphQL API, "
           "which I had never used before. I had about a week to deliver the feature, but my mentor was "
           "on leave, and documentation was sparse. I started by reading through example queries and "
           "mutations in the codebase, and then spent a weekend going through Apollo Client "
           "documentation and tutorials. With that, I was able to implement the data fetching, error "
           "handling, and caching logic myself.")
FIRM = ("I've always been drawn to family law, and I admire this firm's commitment to mediation and "
        "collaborative divorce. My volunteer work at the family court solidified my interest in this "
        "area, and I'm eager to learn from experienced professionals like those at your firm.")
ICE_CREAM = ("During my student teaching experience I put together a science lesson on making homemade "
             "ice cream in a zip-loc bag. I provided my third grade students with all the materials and "
             "with a set of printed directions. It was halfway through the lesson when I realized that I "
             "had listed the wrong amount of salt to use to melt the ice. In hindsight I should have "
             "practiced the activity at home before using it with the students.")
AUTH = "I built the entire authentication system. It was all my work."
PARALEGAL = ("I have over 5 years of experience working directly as a paralegal in personal injury law "
             "firms. In that role, I interviewed clients, prepared legal documents, conducted "
             "research, and assisted the attorneys with all aspects of the casework. This aligns "
             "perfectly with the responsibilities required for this paralegal position.")
LEAD_A_TEAM = ("In my current role of [X] I was recently chosen to lead a team to improve customer "
               "service in my department as we were receiving a lot of rejects and complaints.\n\n"
               "I decided it would be good to have a cross section of roles and seniority on the "
               "team, so I asked for volunteers and got a good mix of people. I used a facilitative "
               "leadership style as I was keen to draw on people's practical experience and "
               "encourage ideas. I used an agile project approach and we piloted some of the ideas.")


ASKED = [
    # The rule the answer names is the one asked about ("the curriculum", not "the rule") ...
    (CURRICULUM, "rubric", "education",
     {"differently": "If the people who own the curriculum found out what you did, what would they say?",
      "technical": "What could go wrong when it is done that way, and how would anyone know?",
      "collaborators": "Who owns the curriculum, and did they know what you were doing?"}),
    (PHONES, "rubric", None,
     {"alternatives": "What other ways of handling the policy would work, and why go with yours?"}),
    # ... near miss: an answer that names none is asked about rules in general, with no "it".
    (ADJUST, "rubric", None,
     {"collaborators": "Think of the last time a rule at work seemed wrong to you: did you raise it with anyone, and what did they say?"}),
    # A story told to a rubric question that names no rule is asked about as the story it is.
    (LESSON_PLANS, "rubric", "education",
     {"collaborators": "Who else was involved? What did they think?",
      "technical": "Walk me through what you did, step by step, and why you did it that way."}),
    # A deadline met once is not asked about "a typical week" ...
    (PRESENTATION, "schedule", None,
     {"differently": "What would you do differently?",
      "technical": "Walk me through what you did, step by step, and why you did it that way."}),
    # ... near miss: an answer that names the days of its week keeps the schedule's wordings.
    (AVAILABLE, "schedule", None,
     {"differently": "If something comes up in a week you are due to work, what gives first, and how do you handle it?"}),
    # A claim made of every occasion is asked to pick one ...
    (ALL_MY_PROJECTS, "project", None,
     {"alternatives": "Pick one of those: what did you decide yourself, and what else could you have done?"}),
    (ALL_THE_TIME, "schedule", None,
     {"technical": "Pick one of those and take me through what you did yourself, step by step."}),
    # ... near miss: "all my clinical rotations" inside a background is no such claim.
    (HOMETOWN, None, "medicine",  # round 20: set in studies, so not "from your work"
     {"technical": "Can you give me one specific example of that?"}),
    # ... nor "all the time" after a past act of the speaker's (and a question of no known type).
    ("I worked in a team-based environment all the time at my last job.", None, None,
     {"technical": "Can you give me one specific example of that from your work?"}),
    # The speaker's own experience denied, to a question that asks for an example: pressed for one.
    (NOT_FAILED, "failure", "software",
     {"differently": ("Think of the last time something at work did not go the way you wanted: "
                      "what would you do differently now?")}),
    (AGAINST_TEAM, "project", "science",
     {"technical": "Take a moment: can you think of one, even a small one, and walk me through it?"}),
    (AS_EXPECTED, "performance", None,
     {"technical": "Take a moment: can you think of one, even a small one, and walk me through it?"}),
    # Near miss: a skill not yet learned, to a learning question, keeps learning's own wording.
    (NOT_DONE_BEFORE, "learning", None,
     {"technical": "What is the last thing you learned quickly, and how did you go about it?"}),
    # A plan for the future: what has been done toward it, not "one specific example" ...
    (BOOKKEEPING, None, None,
     {"technical": "What have you done toward that so far? Walk me through it.",
      "differently": "What would make you change that plan?"}),
    # ... near miss: "I will" is what one would do, no plan.
    (SHOES, None, "finance",
     {"technical": "Can you give me one specific example of that from your work?"}),
    # A habit with an anchored example after it ("I once had a colleague ... made it clear to her")
    # is asked about the example ...
    (WIN_WIN, "disagreement", None,
     # round 25: a disagreement told is asked where things were left with the other side
     {"collaborators": "How did the other person take the way it ended, and where do things stand between you now?"}),
    # ... near miss: a habit alone keeps the habit's wording, reworded for holdout9's judge.
    (ON_CALL, None, None,
     {"alternatives": "Which part of that helps most, and what else have you tried?"}),
    # The name the speaker had to learn, not the app it was built into (round 35: asked as learned,
    # test_followups_round35.py).
    (GRAPHQL, "learning", "software",
     {"differently": "If you were learning GraphQL again from scratch, what would you do differently?"}),
    # A firm being chosen now is not chosen "again".
    (FIRM, "motivation", "law",
     {"differently": "What do you expect to find hardest about this firm, and how will you handle it?"}),
    # The classroom's plain question asks what the students did, not "differently" from what.
    (ICE_CREAM, "failure", "education",
     {"technical": ("Walk me through what happened in the classroom, step by step: what did the "
                    "students do, and what did you do next?")}),
    # A role's duties listed after it are no incident: asked about the path, not "differently" ...
    (PARALEGAL, None, "law",
     {"differently": "Looking at where you are now, what do you want to do more of in your next role, and why?",
      "technical": "Which piece of work from that time are you proudest of? Walk me through it."}),
    # ... near miss: a role said before one thing that happened in it keeps the story's probes
    # (round 16: a style is a quality, no thing made, so the probe is asked in its plain words).
    (LEAD_A_TEAM, None, None,
     {"differently": "What would you do differently?"}),
    # How much of it is no part of its name.
    (AUTH, "project", "software",
     {"differently": "Looking back at the authentication system, what would you do differently?"}),
]


@pytest.mark.parametrize(("text", "qtype", "field", "probe", "prompt"), probe_cases(ASKED))
def test_each_probe_asks_only_what_the_answer_holds(text, qtype, field, probe, prompt):
    assert _prompts(text, qtype, field)[probe] == prompt


@pytest.mark.parametrize(("text", "rule"), [
    (CURRICULUM, "curriculum"),
    ("Follow the policy while raising your concerns", "policy"),
    ("We had strict company policies", "policy"),       # a plural is named in the singular
    # Near miss: "the authentication system" is no rule.
    (AUTH, ""),
])
def test_the_rule_an_answer_names(text, rule):
    assert answer_holds(text).rule == rule


@pytest.mark.parametrize(("text", "week"), [
    (AVAILABLE, True),
    # Near miss: "24 hours" to make one presentation names no part of a week.
    (PRESENTATION, False),
])
def test_a_working_week_is_named_by_its_parts(text, week):
    assert answer_holds(text).week is week


@pytest.mark.parametrize(("text", "acts"), [
    # A past state of mind opens a list whose acts still count ("made it clear").
    ("I thought about it for a while, and then made it clear to her in private.", 1),
    # Near miss: a present habit's list is no act ("trusted" is an adjective there).
    ("I regularly review IRS guidance, state tax department updates, and trusted professional "
     "publications, and I flag items that could affect current or upcoming filings.", 0),
])
def test_past_acts_after_a_state_of_mind(text, acts):
    assert past_acts(text) == acts


def test_a_thing_said_is_no_decision():
    # "ran the idea past the backend team" says something; "ran a 2-week spike" made one.
    assert decision_phrase("I ran the idea past the backend team, and they agreed.") is None
    assert decision_phrase("I ran a 2-week spike with two engineers.") == "a 2-week spike with two engineers"


@pytest.mark.parametrize(("text", "names"), [
    # Where in the system the work was, not a tool built on ...
    ("saw an opportunity to optimize the query by applying the filters at the SQL level", {"sql"}),
    # ... near miss: a name the work was built on is kept.
    ("We built the reporting service on PostgreSQL.", set()),
])
def test_a_name_that_only_places_the_work(text, names):
    assert found_with(text) == names


@pytest.mark.parametrize(("value", "asked"), [
    ("the entire authentication system", "the authentication system"),
    ("a whole new onboarding flow", "the onboarding flow"),
    # Near miss: a modifier that is part of the thing stays.
    ("the weekly logging process", "the weekly logging process"),
])
def test_extent_words_are_no_part_of_a_name(value, asked):
    assert as_asked("decision", value) == asked
