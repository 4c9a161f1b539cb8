"""Follow-ups an interviewer would ask after real answers (issue 22, round 7): the holdout6
judge's "no" families, each decided by what the answer says. A disagreement in which nothing was
settled is asked what was said, not which way of settling it was chosen; a story that never
reaches the speaker's own part is taken to it, not asked about options it never described; a
failure named in a line is asked what happened, not "the numbers behind it"; a meeting or a
write-up is no decision to walk through "under the hood"; a name moved away from ("from MySQL to
PostgreSQL") is never asked about, and a rival of the chosen name is not set against a side act.
Each rule has a firing answer and a near miss in one table, quoted from tests/corpus_real (spent
splits: tuning, holdout5, holdout6)."""

from __future__ import annotations

import pytest

from storybank.analysis import answer_kinds
from storybank.analysis.followups import as_asked, chosen, chosen_place, turned_down
from storybank.analysis.phrases import decision_phrase
from tests.helpers import spoken_prompts as _prompts

NURSE = ("The nurse was overreacting. I knew my orders were correct, but she kept making a big deal "
         "out of it. It was very frustrating.")
RESIDENT = ("On my surgery rotation, the chief resident was really unfair and always picked on me. I "
            "tried to explain myself, but they were unreasonable. I just put my head down and powered "
            "through the month.")
CLOUD_DEBATE = ("There was a technical disagreement with a senior engineer about whether to use AWS or "
                "Google Cloud for our new platform. We needed to make a decision within a week as the "
                "sprint was starting. I proposed that each of us document the trade-offs and present "
                "them to the team. After discussion, we agreed that Google Cloud was the better fit "
                "given our use case. The decision was made quickly and both sides felt heard.")
PROVIDER = "If the provider ordered it, I would just do it because they are the one responsible."
ORDER_WORRIED = (
    "If an order worried me, I would pause and clarify it before carrying it out. My first step "
    "would be to make sure I fully understood the order, the patient's current condition, and why "
    "the concern existed. Then I would communicate the concern directly and respectfully to the "
    "provider, using objective information rather than vague discomfort.")
HATED = ("At my last job, I had one coworker who absolutely hated me. I don't know what her problem "
         "was; I think I'm a pretty nice person, but apparently she didn't, because she decided that "
         "I was her enemy. She kept trying to undermine me and get me into trouble. Never mind that "
         "she spent 45 minutes a day on personal phone calls, she decided that I needed to be "
         "reported for checking my personal email at work once.")
NO_PROJECT = "I can't think of one."
ADDRESS_IT = "Address it kindly and offer to help them improve"
ADDRESSED_IT = ("I had a conflict with a teammate over unclear expectations and workflow. I addressed "
                "it directly in a private, respectful conversation, clarified the misunderstanding, "
                "and helped create a more structured plan so the team could work more smoothly.")
PREAMBLE = ("So this was back in 2019, actually maybe 2020, when we were working on this project... "
            "well actually before I tell you about that project, you need to understand the history "
            "of the team and how we got there. So back in 2018 we had this other project...")
TOPICS = ("Well there was this time with the database, and also this other project with "
          "microservices, oh and I should mention the mobile app I worked on, and actually there was "
          "also...")
SINGLE_HANDED = ("I'm not sure if this counts as difficult, but I guess when I single-handedly "
                 "architected a distributed system that processed 100M requests/day, some people said "
                 "it was impressive, but honestly it was pretty easy for me...")
CARED = "I cared so much about the outcome that I took on too much and had to delegate."
POST_MORTEM = (
    "I led a migration project at a fintech: moving our core payment processing from a monolithic "
    "system to a microservices architecture. We had 18 months and a team of 8. The business case "
    "was strong—faster feature delivery, better reliability. We missed the deadline by 6 months and "
    "had to run both systems in parallel longer than planned, costing $2M in extra infra and "
    "delaying new product work. I was the engineering lead. The failure was mine to own. I ran a "
    "blameless post-mortem. The root causes: we underestimated the complexity of stateful payment "
    "flows, we didn't have enough integration test coverage, and we kept adding scope. I presented "
    "the findings to leadership without deflecting.")
DATABASE = (
    "In Q3 2023, our e-commerce team needed to choose a database for our new product catalog "
    "service. As the tech lead, I was responsible for this decision. I evaluated three options: "
    "PostgreSQL with JSONB, MongoDB, and DynamoDB. I ran proof-of-concept implementations with "
    "realistic data, measuring query performance and operational complexity. MongoDB provided 40% "
    "faster reads for our document-heavy queries, but PostgreSQL offered better transaction support "
    "for inventory management. I ultimately chose PostgreSQL because ACID compliance was critical "
    "for inventory consistency, and JSONB gave us flexibility for varying product attributes.")
OUTBOX = "I chose a transactional outbox instead of a polling relay because it kept writes atomic."
MIGRATION = ("I'll focus on one example that best demonstrates this: In Q3 2023, I led our database "
             "migration from MySQL to PostgreSQL...")
METRICS = (
    "I start with the objective of the change, because the right metrics depend on what the process "
    "is supposed to improve. If the goal is quality, error rate or rework may matter more. I also "
    "try to balance outcome metrics with operational metrics. Operational metrics tell us whether "
    "the process is functioning in the way we expected.")
SALARY = ("I want to make as much as possible. An impressive salary is the reason you get into health "
          "care, right? I won't settle for less than twice as much as I make now. And trust me, I'm "
          "worth it.")
SCHOOL = ("I was looking for school in which most special needs students spend the majority of their "
          "day with students without special needs. This corresponds with my personal philosophy. I "
          "found your school to fulfill this criteria.")
NO_WEAKNESS = "I really can't think of any…"
FOLLOW_EXACTLY = "I ask questions to make sure I understand and follow them exactly"
MARKING_SCHEME = (
    "I would first consult the marking scheme thoroughly for any related guidelines. If still "
    "unsure, I would follow established protocols for escalating the issue to a supervisor or lead "
    "scorer for clarification before making a judgment call. Documentation of such instances is "
    "crucial.")
MIXED_INTENT = (
    "In one project, I was labeling customer support conversations where the categories "
    "overlapped more than the examples suggested. I came across several messages that were partly "
    "complaint, partly refund request, and partly account access issue. The original guidelines "
    "treated these as separate classes, but real conversations often blended them together. "
    "Rather than guessing, I documented a few examples, explained why the cases were ambiguous, and "
    "sent them to the lead for clarification.")
TECH_RADAR = (
    "At a logistics company, I led a platform team of 10. We were on a monolithic Java stack that "
    "was becoming a bottleneck—deployments took 45 minutes, and scaling was painful. The "
    "engineering org was buzzing about microservices, Kubernetes, and event-driven architectures. I "
    "needed to decide what to adopt without chasing hype or over-engineering. I established a "
    "lightweight evaluation framework: business fit, team readiness, operational cost, and risk. "
    "For service mesh (e.g., Istio), I ran a 2-week spike with two engineers to assess "
    "complexity—we concluded it was overkill for our scale. For Kubernetes, we ran a 6-week pilot "
    "migrating one non-critical service. I documented the learnings, TCO, and migration path. We "
    "adopted Kubernetes for new services and phased out the monolith over 18 months.")

# Each answer with its question type (None: of no known type), its field, and the prompts asked
# after it, by probe: the firing answer first in each family, then its near misses.
ASKED = [
    # Nothing settled: what was said, and what could have resolved it.
    (NURSE, "disagreement", None,
     {"alternatives": "Looking back, what could you have done to resolve it?",
      "technical": "What exactly did you say to the nurse, and how did they respond?"}),
    (RESIDENT, "disagreement", None,
     {"technical": "What exactly did you say to the chief resident, and how did they respond?"}),
    # Another's decision ("she decided that I was her enemy") settles nothing.
    (HATED, "disagreement", None,
     {"alternatives": "Looking back, what could you have done to resolve it?"}),
    # Near misses: settled by agreement; what the speaker would do is no story of one, and is
    # asked in that mood when it says so in full.
    (ORDER_WORRIED, "disagreement", "medicine",
     {"alternatives": "Think of the last disagreement you had at work: what else could you have done, and why didn't you?",
      "technical": "Walk me through the last disagreement you had at work, step by step: what did you say, and what did they say?"}),
    (CLOUD_DEBATE, "disagreement", None,
     {"alternatives": "What else did you consider besides Google Cloud, and why did it lose?"}),
    (PROVIDER, "disagreement", None,
     {"alternatives": "Think of the last disagreement you had at work: what else could you have done, and why didn't you?"}),
    # A story that never reaches the speaker's part: taken to it, not to options never described.
    (PREAMBLE, "project", "software",
     {"alternatives": "What did you decide yourself along the way, and what else could you have done?",
      "technical": "Take me through the part you did yourself: what did you do, step by step?"}),
    (TOPICS, "project", "software",
     {"alternatives": "Pick one of those: what did you decide yourself, and what else could you have done?",
      "collaborators": "Who else worked on it, and which part was yours?"}),
    # Near miss: an act told with an adverb before it ("I single-handedly architected"), asked how
    # the system was built (round 15: the project type's software wording, not "what was
    # happening technically").
    (SINGLE_HANDED, "project", "software",
     {"technical": "Walk me through how you built it, step by step: what were the main parts, and "
                   "which was hardest?"}),
    # A failure named in a line: what happened, not the numbers behind a story not yet told.
    # Round 25: a strength told as the failure (SB702) is asked for one that really went wrong.
    (CARED, "failure", "finance",
     {"technical": "Can you think of one time something you did actually went wrong, and walk me through it, step by step?"}),
    # A meeting is no decision: the failure's own wording; the mechanism, which the answer has
    # named, is asked where it was hardest (round 40).
    (POST_MORTEM, "failure", "software",
     {"alternatives": "Once the problem came to light, what else could you have done, and why did you do what you did?",
      "technical": "What was the hardest part of that to get right, and how did you go about it?"}),
    # A rival of the chosen name is set against that name, not against a side act.
    (DATABASE, "project", "software", {"alternatives": "Why PostgreSQL rather than MongoDB?"}),
    # Near miss: an option the story itself turned down keeps its decision.
    (OUTBOX, "project", "software",
     {"differently": "Looking back at the transactional outbox, what would you do differently?"}),
    # A name moved away from is never asked about.
    (MIGRATION, "project", "software",
     {"differently": "Would you use PostgreSQL the same way if you started over? What would you do differently?"}),
    # A method told in the present tense is a practice; a salary demand is not one.
    (METRICS, None, "business",
     {"collaborators": "Who at work sees you do that, and what would they say about it?"}),
    (SALARY, None, "medicine",
     {"differently": "What would make you accept an offer below that?"}),  # round 15: pay
    # "This corresponds with my philosophy" points at nothing; "your school" is the place chosen.
    (SCHOOL, "motivation", None,
     # Round 39: what someone who knows their work would say of the fit (test_followups_round39.py).
     {"collaborators": "If I asked someone who has worked with you why you would suit this school, what would they say?"}),
    # A line of how the speaker goes about rules: when it failed, and the last time; a "would"
    # answer is asked for one case; a told case keeps the rubric's own wording (near miss).
    (FOLLOW_EXACTLY, "rubric", None,
     {"differently": "When has that not worked for you, and what did you do then?",
      "technical": "Walk me through the last time a rule or procedure changed at work: what did you do, step by step?"}),
    (MARKING_SCHEME, "rubric", "education",
     {"differently": "Think of the last time a rule at work seemed wrong to you: what did you do, and what would you do differently now?",
      "technical": "Can you give me one case where you did that, and walk me through it?"}),
    # (Round 10: the rubric's wordings name the rule the answer names, here its guideline.)
    (MIXED_INTENT, "rubric", "annotation",
     {"differently": "Looking back at how you handled the guideline, what would you do differently?"}),
    # A long answer is asked about its main act, not a step on the way.
    (TECH_RADAR, "learning", "software",
     # Round 9: the praise before what was made is left out ("lightweight").
     {"differently": "Looking back at the evaluation framework, what would you do differently?"}),
    # Advice ("Address it kindly ...") is what the speaker would do: asked in that mood.
    (ADDRESS_IT, "disagreement", None,
     {"differently": "Think of the last disagreement you had at work: what would you do differently now?",
      "alternatives": "Think of the last disagreement you had at work: what else could you have done, and why didn't you?"}),
    (ADDRESSED_IT, "disagreement", None,
     {"alternatives": "What other ways of settling it did you consider, and why did you go with this one?"}),
    # No project offered: the work that comes closest; a failure dodge is asked about the last
    # thing that went less well (round 8: "if it did happen" had nothing for "it" to point at).
    (NO_PROJECT, "project", None,
     {"differently": "Which piece of work from the last year comes closest, even a small one?"}),
    (NO_PROJECT, "failure", None,
     {"differently": "Think of the last time something at work did not go the way you wanted: "
                     "what would you do differently now?"}),
    # A dodge of a weakness question is not asked for "one you were part of".
    (NO_WEAKNESS, None, None,
     {"collaborators": "If I asked a colleague who works closely with you, what would they say?"}),
]


@pytest.mark.parametrize(("text", "qtype", "field", "expected"), ASKED,
                         ids=[f"{q}-{t[:24]}" for t, q, _, _ in ASKED])
def test_each_kind_of_answer_is_asked_what_it_supports(text, qtype, field, expected):
    asked = _prompts(text, qtype, field)
    assert {probe: asked[probe] for probe in expected} == expected


# Each check with the answers it fires on and its near misses.
CHECKS = [
    (answer_kinds.unsettled, [NURSE, RESIDENT, HATED], [CLOUD_DEBATE, PROVIDER]),
    (answer_kinds.untold, [PREAMBLE, TOPICS], [SINGLE_HANDED, DATABASE]),
    (answer_kinds.routine, [METRICS], [METRICS + " Last month we rolled back a release.", SALARY]),
    (answer_kinds.advice, [ADDRESS_IT, "Do nothing — it's not my responsibility"], [ADDRESSED_IT]),
]


@pytest.mark.parametrize(("check", "firing", "near_misses"), CHECKS,
                         ids=[c.__name__ for c, _, _ in CHECKS])
def test_each_check_fires_on_its_answers_and_not_on_the_near_misses(check, firing, near_misses):
    assert [check(text) for text in firing] == [True] * len(firing)
    assert [check(text) for text in near_misses] == [False] * len(near_misses)


@pytest.mark.parametrize(("said", "decision"), [
    ("I chose the wrong teaching method.", None),
    ("I chose the reading method.", "the reading method"),
    ("I implemented several performance optimization techniques, including image compression.", None),
    ("I implemented image compression on the product pages.", "image compression"),
    ("I ran a blameless post-mortem.", None),
    ("I wrote a one-pager comparing both approaches.", None),
    ("I proposed an alternative: keep the teams.", None),
    ("I proposed a shared platform council.", "a shared platform council"),
    ("I built a transactional outbox.", "a transactional outbox"),
])
def test_a_meeting_a_write_up_or_a_bare_alternative_is_no_decision(said, decision):
    assert decision_phrase(said) == decision


def test_a_name_moved_away_from_is_turned_down_and_the_other_chosen():
    assert turned_down(MIGRATION) == {"mysql"} and "postgresql" in chosen(MIGRATION)
    assert turned_down("We compared MySQL to PostgreSQL.") == set()


def test_this_standing_for_what_was_said_points_at_no_place():
    assert chosen_place(SCHOOL) == "school"
    assert chosen_place("This is the work I love, and your team does it well.") is None


def test_a_long_answer_puts_its_main_act_before_a_step_on_the_way():
    assert decision_phrase(TECH_RADAR, main_act_first=True) == "a lightweight evaluation framework"
    assert decision_phrase(TECH_RADAR) == "a platform team of 10"


@pytest.mark.parametrize(("value", "asked"), [
    ("comprehensive unit tests", "the unit tests"),  # round 9: no praise ("comprehensive")
    ("a calibration session", "the calibration session"),
    ("finding him more work", "finding him more work"),
    ("the weekly logging process", "the weekly logging process"),
])
def test_a_decision_is_asked_about_with_the_article_it_needs(value, asked):
    assert as_asked("decision", value) == asked
