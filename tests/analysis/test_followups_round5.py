"""Follow-ups an interviewer would ask after real answers (issue 22, round 5): anchored on the
option chosen, not pressed for an example the answer already gives, not asked what else was
weighed when nothing was or when the answer already says, not digging into a private constraint,
and worded for the field (a programme, not "this work"). Each rule has a firing answer and a near
miss, quoted from tests/corpus_real (tuning and holdout4, spent); the mirrored REST answer is
the corpus answer with the two options swapped."""

from __future__ import annotations

from storybank.analysis.followups import chosen, chosen_place
from storybank.analysis.signals import private_constraint, tells_an_event, weighed_already
from tests.helpers import spoken_prompts as _prompts

REST_DEBATE = ("There was a technical disagreement with a senior engineer about whether to use "
               "REST or GraphQL for our new API. We needed to make a decision within a week as the "
               "sprint was starting. I proposed that each of us document the trade-offs and present "
               "them to the team. After discussion, we agreed that REST was the better fit given our "
               "use case. The decision was made quickly and both sides felt heard.")
CUSTOMER = ("I had a customer who called in panic because she ordered the wrong size dress for her "
            "daughter's wedding, which was in two days. The correct size was out of stock online. "
            "Instead of just apologizing, I called three physical stores in her region personally. "
            "I found one that had the dress.")
QUICK = "I'm a quick learner. I pick up things very fast!"
HOMETOWN = ("I am a product of this community. I went to High School here. I attended our Community "
            "College of Nursing and I performed all my clinical rotations at this hospital. I grew "
            "up here and this is my hometown etc.")
ONBOARDING = ("I redesigned onboarding after testing 2 approaches. We chose progressive disclosure "
              "over a wizard because our data showed users abandoned at step 3. Drop-off fell from "
              "51% to 25%, validated over 10K users.")
CAPSTONE = ("I volunteered to be the technical lead and took ownership of the backend API and "
            "database design. I designed a REST API using Node.js and PostgreSQL, focusing on "
            "simplicity and reliability. When I realized our original database schema was causing "
            "slow queries during peak volunteer hours, I refactored it to use proper indexing and "
            "caching, which reduced response times by 80%.")
CHILD_CARE = "I can work any shift if I have enough notice to arrange child care."
AVAILABLE = ("I'm available Monday through Friday from 9am to 6pm, with flexibility for occasional "
             "evening meetings when scheduled in advance.")
RESIDENCY = ("I'm really impressed by your strong clinical training, diverse patient population, and "
             "commitment to research and teaching.")
NURSING = ("I've always loved nursing, but my interest in health care really started when I "
           "volunteered at a homeless shelter in college.")
SELF_TAUGHT = ("As an example, there is a software program we have begun using in my work where I "
               "needed additional training. I made a request to my boss to do some off-hours training "
               "online and she OKed it, so I've already begun taking the classes.")


def test_the_option_the_team_chose_is_the_one_asked_about():
    prompts = _prompts(REST_DEBATE, "disagreement", "software")
    assert chosen(REST_DEBATE) == {"rest"}
    assert prompts["alternatives"] == "Why REST rather than GraphQL?"
    assert "GraphQL" not in prompts["technical"] and "GraphQL" not in prompts["differently"]
    # Near miss: the same debate settled the other way is asked about GraphQL.
    mirrored = REST_DEBATE.replace("agreed that REST", "agreed that GraphQL")
    assert _prompts(mirrored, "disagreement", "software")["alternatives"] == \
        "Why GraphQL rather than REST?"


def test_the_software_probe_asks_about_what_was_built_not_a_tools_internals():
    prompts = _prompts(CAPSTONE, "project", "software")
    assert "REST API using Node.js" in prompts["differently"], prompts  # the decision, its name whole
    assert "what Node.js was doing" not in prompts["technical"]


def test_an_answer_that_already_is_an_example_is_not_asked_for_one():
    assert tells_an_event(CUSTOMER)
    assert "specific example" not in _prompts(CUSTOMER, None)["technical"]
    # Near miss: a claim with no event is still asked for one.
    assert not tells_an_event(QUICK)
    assert "specific example" in _prompts(QUICK, None)["technical"]


def test_a_biography_is_not_an_event_to_dig_into():
    assert not tells_an_event(HOMETOWN)
    prompts = _prompts(HOMETOWN, None)
    assert prompts["differently"] != "What would you do differently?"
    assert prompts["collaborators"] != "Who else was involved? What did they think?"


def test_an_answer_that_weighs_nothing_is_not_asked_what_else_it_weighed():
    alternatives = _prompts(QUICK, None)["alternatives"]
    assert "weigh" not in alternatives and "settled" not in alternatives
    assert alternatives == "What is that based on?"
    # Near miss: a told event is asked about the options it had.
    assert _prompts(CUSTOMER, None)["alternatives"] != alternatives
    # Near miss: one thing done is a choice, and asking what else was weighed fits it.
    joined = _prompts("I used to avoid public speaking. So I joined Toastmasters, and now enjoy it.",
                      None)["alternatives"]
    assert joined == "What else did you weigh before you settled on that?"


def test_an_answer_that_already_names_the_rejected_option_and_why_is_asked_what_would_flip_it():
    assert weighed_already(ONBOARDING)
    # Round 17: worded without "the other option", which the judges found unnamed or absent.
    assert _prompts(ONBOARDING, "project")["alternatives"] == \
        "What would have had to change for you to choose differently?"
    # Near miss: a decision with no rejected option named is asked about the alternatives.
    assert not weighed_already(CAPSTONE)
    assert "choose differently" not in _prompts(CAPSTONE, "project", "software")["alternatives"]


def test_a_private_constraint_is_not_dug_into_as_a_decision():
    assert private_constraint(CHILD_CARE) == "child care"
    prompts = _prompts(CHILD_CARE, "schedule")
    assert "settle" not in prompts["alternatives"] and "change those hours" not in prompts["alternatives"]
    assert "claim on that time" not in prompts["collaborators"]
    # Near miss: an availability with no private reason keeps the schedule's own probes.
    assert private_constraint(AVAILABLE) is None
    assert _prompts(AVAILABLE, "schedule")["alternatives"] == \
        "What could change those hours over the next few months, and how much notice would you give?"
    # Near miss: a story in which a daughter appears is not a constraint on hours.
    assert private_constraint(CUSTOMER) is None


def test_a_programme_choice_is_asked_about_the_programme():
    assert chosen_place(RESIDENCY) == "programme"
    prompts = _prompts(RESIDENCY, "motivation", "medicine")
    assert prompts["alternatives"] == "Which other programmes did you consider, and why this one?"
    assert all("this work" not in p and "kinds of work" not in p for p in prompts.values())
    # Near miss: a college named in one's own past is not the place being chosen.
    assert chosen_place(NURSING) is None
    nursing = _prompts(NURSING, "motivation", "medicine")["alternatives"]
    assert "programme" not in nursing and "this work" in nursing


def test_learning_on_ones_own_is_asked_who_helped_not_who_else_was_involved():
    assert _prompts(SELF_TAUGHT, "learning")["collaborators"].startswith("Did anyone help you")
    # Near miss: a project keeps the collaborators probe.
    assert _prompts(ONBOARDING, "project")["collaborators"] == "Who else was involved? What did they think?"


def test_two_options_tested_side_by_side_are_already_weighed():
    redis = ("we needed sub-10ms p99 latency for session lookups at 50k QPS, and after load testing "
             "both Redis and in-memory caching with backup, Redis gave us the latency with better "
             "failure modes")
    assert weighed_already(redis)
    # Near miss: a choice with a reason and no rival weighs nothing.
    assert not weighed_already("we used Redis because it's fast")


def test_a_programme_the_employer_runs_is_not_the_place_chosen():
    school = ("I like being associated with excellence and that's why I want to come here. I have "
              "researched your student achievement results, and they are very good. I have spoken "
              "with several of your staff members and they told me about your initiatives in "
              "literacy, your fine special education support, the training they received when you "
              "started your IB program.")
    assert chosen_place(school) is None
    assert chosen_place("I want to train in your residency program because of its rural "
                        "rotations.") == "programme"


def test_a_biography_phrase_leaves_out_only_the_act_it_starts_with():
    from storybank.analysis.signals import _story_acts

    # "I did my best" is a biography phrase with no past act in it: the rewrite still counts.
    assert _story_acts("I did my best to fix it. I rewrote the parser.") == 1
    # Near miss: the act that opens a biography ("I grew up") is not counted.
    assert _story_acts("I grew up nearby and I went to high school here.") == 0
