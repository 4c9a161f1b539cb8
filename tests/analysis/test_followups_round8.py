"""Follow-ups an interviewer would ask after real answers (issue 22, round 8): the holdout7
judge's "no" and "awkward" families, each decided by what the answer says. A weakness given for a
failure is asked how it shows, not what to do differently about a failure never told; a dodge is
asked about the last thing that went less well, not "if it did happen"; a quote cut before its
closing mark, a long dash or a write-up is no decision to quote; a name chosen is taken whole
("Docker Compose", not "Docker"); a disagreement with nothing to quote is asked how it was
settled, in software too. Each rule has a firing answer and a near miss in one table, quoted
from tests/corpus_real (spent splits: tuning, holdout6, holdout7)."""

from __future__ import annotations

import pytest

from storybank.analysis import answer_kinds
from storybank.analysis.followups import as_asked, chosen_place, found_with, turned_down
from storybank.analysis.phrases import decision_phrase
from tests.helpers import spoken_prompts as _prompts

PERFECTIONIST = "I'm just too much of a perfectionist"
CARED = "I cared so much about the outcome that I took on too much and had to delegate."
NO_MISTAKES = "I don’t make any mistakes.  My company makes all the mistakes."
DISAGREE_AND_COMMIT = (
    "During a system design review, another senior engineer insisted on using Kubernetes for a "
    "simple internal tool. I believed it was overkill. We needed to reach a decision without "
    "damaging our working relationship or blocking the project. I applied the 'Disagree and "
    "Commit' principle: 1. Acknowledged their expertise: 'You have more K8s experience.' 2. Asked "
    "clarifying questions: 'What scale are we designing for?' 3. Presented data, not opinions: "
    "Showed deployment complexity metrics. 4. Proposed a middle ground: Docker Compose now, K8s "
    "option later. 5. Set a review point: 'Let's revisit in 3 months with usage data.' We went "
    "with Docker Compose. Three months later, usage was 10 users/day. My colleague agreed K8s "
    "would have been overkill. We maintained a great working relationship and joke about it now.")
DEADLINE = (
    "My manager wanted to commit to an aggressive deadline for a feature that I knew was "
    "technically risky. They had already tentatively agreed to the timeline with leadership. I "
    "needed to express my concerns without undermining their credibility or coming across as "
    "unwilling to work hard. I requested a private 1:1 rather than raising it in a team meeting. I "
    "came prepared with data: a breakdown of the technical work, historical velocity, and a list "
    "of risks. I framed it as \"I want to help us succeed\" rather than \"this is wrong.\" I also "
    "proposed alternatives—either reduce scope or add a buffer for the riskiest parts. My manager "
    "appreciated the data-driven approach and went back to leadership with a revised timeline. We "
    "delivered on the new schedule without the burnout that would have come from the original "
    "deadline. My manager later told me they valued that I had raised concerns privately with "
    "solutions rather than problems.")
CLOUD_DEBATE = ("There was a technical disagreement with a senior engineer about whether to use AWS or "
                "Google Cloud for our new platform. We needed to make a decision within a week as the "
                "sprint was starting. I proposed that each of us document the trade-offs and present "
                "them to the team. After discussion, we agreed that Google Cloud was the better fit "
                "given our use case. The decision was made quickly and both sides felt heard.")

THIS_COMPANY = ("In my career field the people who run this company are some of the best there are. I "
                "want to get into this environment so I can learn from their experience while working "
                "with them to make the company a success.")
ADMIRE = ("I really admire your company, I think the mission is important, and I'd love to be part "
          "of the work you're doing.")

RESUME = ("Well let me see… I am from Chicago, Illinois and studied finance at the University of "
          "Wisconsin. After school I took a job as a financial analyst at Morgan Stanley in "
          "Indianapolis and was promoted to Senior Analyst after three years. I then left work to get "
          "an MBA in finance from the University of Minnesota and took a job as a finance manager at "
          "JP Morgan where I work today.")
LEARNED_SQL = ("One example of a time when I had to learn something quickly on the job was when I "
               "started working as a junior analyst. I had to learn SQL in two weeks, so I took a "
               "course and rebuilt our weekly report with it.")

KAFKA = "Kafka is industry standard for event streaming."
BRANCH_RULES = (
    "I accidentally pushed a config change directly to production that broke our payment processing "
    "for about 30 minutes during peak hours. As soon as I realized the error, I reverted the change "
    "and confirmed payments were working. In the report, I proposed implementing branch protection "
    "rules and required reviews for production configs, volunteering to set them up myself.")
KAFKA_BUILT = ("Our billing events were lost when the worker crashed. I moved the billing events to "
               "Kafka and the consumers now replay from the last committed offset, so we lost no "
               "orders in the next year.")
SPOKEN_WITH = ("I like being associated with excellence and that's why I want to come here. I have "
               "researched your student achievement results, and they are very good. I have spoken "
               "with several of your staff members and they told me about your initiatives in "
               "literacy.")
ROOKIE = ("I would repeat the order to my officer and make sure I heard it correctly the first time. If "
          "the order remains the same and I heard it correctly, I would proceed with the order as "
          "directed.")
MARKING_SCHEME = (
    "I would first consult the marking scheme thoroughly for any related guidelines. If still "
    "unsure, I would follow established protocols for escalating the issue to a supervisor or lead "
    "scorer for clarification before making a judgment call.")

# Each answer with its question type, its field, and the prompts asked after it, by probe: the
# firing answer first in each family, then its near misses.
ASKED = [
    # A weakness given for a failure: how it shows and what is being done, not a failure's probes.
    (PERFECTIONIST, "failure", "software",
     {"differently": "What are you doing about it now?",
      "technical": "When did it last get in the way at work, and what happened?",
      "collaborators": "Who at work has noticed it, and what did they say?"}),
    # Near miss: something was done about it ("had to delegate"): the failure named in a line.
    # Round 25: a strength told as the failure (SB702) is asked for one that really went wrong.
    (CARED, "failure", "finance",
     {"technical": "Can you think of one time something you did actually went wrong, and walk me through it, step by step?"}),
    # Three clipped sentences are as thin as one: what happened, not what was "happening
    # technically"; a told failure keeps the technical wording (near miss).
    ("It wasn't my fault. The requirements were unclear. The timeline was impossible.", "failure",
     "software",
     {"technical": "Walk me through what happened, step by step: what went wrong, and what did it cost?"}),
    (BRANCH_RULES, "failure", None, {"differently": "Looking back at the branch protection rules, what would you do differently?"}),
    # A dodge: the last thing that went less well, with nothing for "it" to point back to.
    (NO_MISTAKES, "failure", None,
     {"differently": "Think of the last time something at work did not go the way you wanted: "
                     "what would you do differently now?"}),
    # A quoted principle cut at "and" is no decision; the name chosen is taken whole and set
    # against its usual rival.
    (DISAGREE_AND_COMMIT, "disagreement", "software",
     {"differently": "Would you use Docker Compose the same way if you started over? What would you do differently?",
      "alternatives": "Why Docker Compose rather than Kubernetes?"}),
    # A long dash cuts the phrase ("alternatives—either reduce scope"), and a disagreement with
    # nothing left to quote is asked how it was settled, in software too (round 24: told step by step,
    # where it was hardest).
    (DEADLINE, "disagreement", "software",
     {"alternatives": "What other ways of settling it did you consider, and why did you go with this one?",
      "technical": "What was the hardest moment in that disagreement, and how did you handle it?"}),
    # An answer about the employer is asked about other employers, not other kinds of work.
    (THIS_COMPANY, "motivation", None,
     {"alternatives": "Which other companies did you consider, and why this one?",
      # Round 39: what someone who knows their work would say of the fit (test_followups_round39.py).
      "collaborators": "If I asked someone who has worked with you why you would suit this company, what would they say?"}),
    # Near miss: a reason in a line keeps the wording for what it says (praise of the employer).
    (ADMIRE, "motivation", None, {"alternatives": "What about the work itself draws you?"}),
    # A background walked through in steps, to a question of no known type: asked about the path,
    # not for "one specific example of that" or who could "back that up".
    (RESUME, None, "finance",
     {"differently": "Looking at where you are now, what do you want to do more of in your next role, and why?",
      "alternatives": "What made you choose this path over the others open to you?",
      "technical": "Which piece of work from that time are you proudest of? Walk me through it.",
      "collaborators": "Who has seen your work most closely so far, and what would they say about it?"}),
    # Near miss: a story that says where the speaker worked keeps the story's probes.
    (LEARNED_SQL, None, None, {"collaborators": "Who else was involved? What did they think?"}),
    # A choice defended in a line is asked what made that name fit; without a name, the line is
    # asked like a story not told (near miss).
    (KAFKA, "project", "software",
     {"alternatives": "What made Kafka the right fit here in particular, and what else did you weigh?"}),
    ("p99 dropped from 240ms to 110ms", "project", "software",
     {"alternatives": "What did you decide yourself along the way, and what else could you have done?"}),
    # What the speaker would do about an order is asked about the order, not "the rule as written";
    # a rule or marking scheme keeps the rubric's wording (near miss).
    (ROOKIE, "rubric", None,
     {"differently": "What would make you refuse the order rather than carry it out?",
      "alternatives": "If you still had doubts after raising it, what else could you do?",
      "collaborators": "If the person who gave the order still saw it differently, who else could "
                       "you go to?"}),
    (MARKING_SCHEME, "rubric", "education",
     {"differently": "Think of the last time a rule at work seemed wrong to you: what did you do, and what would you do differently now?"}),
    # A line denying the premise of a conflict question is pressed for an example, like a dodge.
    ("I don’t really have conflicts", "disagreement", None,
     {"technical": "Take a moment: can you think of one, even a small one, and walk me through it?"}),
    # Staying out of it has no words to repeat: what would make them step in; advice to act keeps
    # "what exactly would you say" (near miss).
    ("Do nothing — it's not my responsibility", "disagreement", None,
     {"technical": "Walk me through the last disagreement you had at work, step by step: what did you say, and what did they say?",
      "alternatives": "Think of the last disagreement you had at work: what else could you have done, and why didn't you?"}),
    ("Address it kindly and offer to help them improve", "disagreement", None,
     {"technical": "Walk me through the last disagreement you had at work, step by step: what did you say, and what did they say?"}),
    # Says whom the speaker already asked: what they took from it, not who they talked to; an
    # answer that names no one is asked what someone who knows their work would say (round 39; it
    # asked who they had talked to until then).
    (SPOKEN_WITH, "motivation", None,
     {"collaborators": "Of what they told you, what mattered most to you, and why?"}),
    (THIS_COMPANY, "motivation", None,
     {"collaborators": "If I asked someone who has worked with you why you would suit this company, what would they say?"}),
    # A spoken answer is asked in the probe's plain words, not back about what it named (round 40:
    # "how the branch protection rules worked", "what you built on Kafka" are a story file's;
    # test_followups_round40.py).
    (BRANCH_RULES, "failure", "software",
     {"technical": "What was the hardest part of that to get right, and how did you go about it?"}),
    (KAFKA_BUILT, "project", "software",
     {"technical": "Walk me through how you built it, step by step: what were the main parts, and which was hardest?"}),
    # Near miss: a name chosen is still asked about.
    (CLOUD_DEBATE, "disagreement", None,
     {"alternatives": "What else did you consider besides Google Cloud, and why did it lose?"}),
]


@pytest.mark.parametrize("row", ASKED, ids=lambda row: f"{row[1]}-{row[0][:24]}")
def test_each_kind_of_answer_is_asked_what_it_supports(row):
    text, qtype, field, expected = row
    assert expected.items() <= _prompts(text, qtype, field).items()


@pytest.mark.parametrize(("said", "decision"), [
    ("I applied the 'Disagree and Commit' principle: 1. Acknowledged their expertise.", None),
    ("I applied the 'strangler fig' pattern to the billing service.", "the 'strangler fig' pattern"),
    ("I also proposed alternatives—either reduce scope or add a buffer.", None),
    ("I also proposed a phased rollout—first 5% of users, then everyone.", "a phased rollout"),
    ("I created a doc listing pros and cons of each approach.", None),
    ("I created a dashboard listing the slowest queries.", "a dashboard listing the slowest queries"),
    # A verb after a relative clause ("the process I introduced became ...") and a generic head
    # ("the effort") are no decision; a thing introduced is one.
    ("The post-mortem process I introduced became standard practice.", None),
    ("I led the effort to roll back and stabilize.", None),
    ("I introduced a canary release for every deploy.", "a canary release for every deploy"),
])
def test_a_cut_quote_a_long_dash_or_a_write_up_is_no_decision(said, decision):
    assert decision_phrase(said) == decision


RAILS = ("Six months into my role at a fintech startup, our CTO decided to migrate our entire "
         "backend infrastructure from a monolithic Ruby on Rails application to a microservices "
         "architecture using Node.js and Kubernetes.")
RAILS_LEARNED = (RAILS + " I had experience with Node.js but zero experience with Kubernetes, Docker "
                 "containerization, or microservices patterns. The migration timeline was "
                 "aggressive: 3 months.")


def test_the_name_the_speaker_had_to_learn_is_the_one_asked_about():
    asked = _prompts(RAILS_LEARNED, "learning", "software")
    # Round 35: asked as learned, not as used (test_followups_round35.py).
    assert asked["differently"] == ("If you were learning Kubernetes again from scratch, "
                                    "what would you do differently?")
    # "Docker containerization" says the head of Docker Compose, not the name: no rival set up.
    assert asked["alternatives"] == "What else did you consider besides Kubernetes, and why did it lose?"
    # Near miss: with no name to learn, the first name used is asked about.
    assert "Node.js" in _prompts(RAILS_LEARNED.replace("zero", "years of"), "learning",
                                 "software")["differently"]


@pytest.mark.parametrize(("said", "left"), [
    (RAILS, {"ruby", "rails"}),
    ("We compared Ruby on Rails to Django for a month.", set()),
    ("I reimplemented an existing Python library for order processing in C++ and added "
     "multi-threading to improve performance.", {"python"}),
    ("I wrote a Python library for order processing and later tuned it.", set()),
])
def test_every_name_moved_away_from_is_left_however_it_is_said(said, left):
    assert turned_down(said) == left


@pytest.mark.parametrize(("said", "employer"), [
    (THIS_COMPANY, "company"),
    ("I've seen your hospital mentioned as having one of the best ER's in the region.", "hospital"),
    ("I just like the location of your practice.", "practice"),
    ("This is the work I love, and your team does it well.", None),
    ("I want to train in your residency program because of its rural rotations.", None),
])
def test_the_employer_pointed_at_first_is_the_one_asked_about(said, employer):
    assert chosen_place(said, "prompt_employers") == employer


def test_a_background_in_steps_is_a_career_and_a_story_that_names_a_job_is_not():
    assert answer_kinds.career(RESUME)
    assert not answer_kinds.career(LEARNED_SQL)


PROFILED = ("At my previous role at TechCorp, our e-commerce platform was experiencing 30% cart "
            "abandonment during checkout due to slow load times. First, I profiled the application "
            "using New Relic and identified that 80% of the latency came from N+1 database queries in "
            "the product recommendation engine. I then analyzed our query patterns and realized we "
            "were making 200+ individual database calls per page load.")


@pytest.mark.parametrize(("said", "tools"), [
    (PROFILED, {"new relic"}),
    ("I built the checkout service using Node.js and deployed it with Kubernetes.", set()),
    ("Git blame and past PRs showed a recent change to a rounding utility.", {"git"}),
    ("We moved the repository to Git last year.", set()),
])
def test_a_tool_used_only_to_find_the_problem_is_not_the_technology(said, tools):
    assert found_with(said) == tools


def test_a_tool_used_only_to_find_the_problem_is_not_asked_about():
    asked = _prompts(PROFILED, "performance", "software")
    assert "New Relic" not in " ".join(asked.values())
    # round 21: the work the story names, never the tool used to find the problem
    assert asked["alternatives"] == ("On the product recommendation engine, what else could you have done, "
                                     "and why did you go the way you did?")


# A decision as said -> as a question names it: the thing made, not the gerund (near misses: a
# gerund that is no act of making, and one with a single word after it).
MADE = {
    "implementing branch protection rules": "the branch protection rules",
    "adding the retry queue": "the retry queue",
    "running a 2-week spike": "the 2-week spike",
    "normalising names with ICU transliteration": "normalising names with ICU transliteration",
    "implementing caching": "implementing caching",
}


def test_a_decision_told_as_making_something_is_asked_about_the_thing_made():
    assert {said: as_asked("decision", said) for said in MADE} == MADE


GROUP_PROJECT = (
    "During a group project in my Web Application Development course last semester, my team faced a "
    "significant challenge when one of our key members had to drop out of the project due to "
    "personal reasons. This left us in a difficult position, as we had to redistribute tasks and "
    "reorganize our project plan. To overcome this, I took the initiative to lead the team through "
    "the restructuring process. I facilitated effective communication, reassigned "
    "responsibilities, and ensured that everyone was on the same page. Despite the setback, we "
    "successfully delivered the project on time.")
SOMEHOW = "We had this group project, and someone left. It was tough, but we managed to finish it somehow."


def test_an_act_told_with_an_adverb_counts_toward_an_example_already_given():
    assert answer_kinds.event(GROUP_PROJECT) and not answer_kinds.event(SOMEHOW)
    assert _prompts(GROUP_PROJECT, None, "software")["differently"] == \
        "Looking back at the group project, what would you do differently?"  # round 21: the work named
    # Told to a question of no known type, the story is asked what the speaker did, not what was
    # "happening technically"; a project question in software asks how it was built (round 15).
    assert _prompts(GROUP_PROJECT, None, "software")["technical"] == (
        "What was the hardest part of that to get right, and how did you go about it?")
    assert _prompts(GROUP_PROJECT, "project", "software")["technical"] == (
        "Walk me through how you built it, step by step: what were the main parts, and which was "
        "hardest?")
    assert _prompts(SOMEHOW, None, "software")["technical"] == (  # round 20: a group project is
        "Can you give me one specific example of that?")              # no work ("from your work")


@pytest.mark.parametrize(("said", "decision"), [
    ("I wrote a small load test in JMeter to simulate 1,000 parallel invoice requests and confirmed "
     "the rate of discrepancy.", None),
    ("I added comprehensive unit tests, updated the CI pipeline to enforce code coverage "
     "thresholds.", "comprehensive unit tests"),
])
def test_in_a_long_answer_a_step_taken_to_find_the_problem_is_no_decision(said, decision):
    assert decision_phrase(said, main_act_first=True) == decision


@pytest.mark.parametrize(("said", "is_flaw"), [
    ("I overthink everything.", True),
    ("I have trouble saying no to people.", True),
    ("I used to overthink, so I started writing decisions down.", False),
])
def test_a_weakness_in_other_words_is_a_flaw_and_one_acted_on_is_not(said, is_flaw):
    assert answer_kinds.flaw(said) is is_flaw


@pytest.mark.parametrize(("said", "denies"), [
    ("I don’t really have conflicts", True),
    ("I never get into arguments at work.", True),
    ("I don't have conflicts often, but last year a colleague and I disagreed about the release "
     "plan. I asked for a meeting and we agreed to split it.", False),
])
def test_a_line_denying_a_conflict_is_a_denial_and_a_told_one_is_not(said, denies):
    assert answer_kinds.denial(said) is denies
