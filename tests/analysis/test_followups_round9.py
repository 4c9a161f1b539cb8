"""Follow-ups an interviewer would ask after real answers (issue 22, round 9): a premise check.
A probe's wording presumes something of the answer ("what would you do differently" a failure or
a choice, "who else was involved" an occasion, "can you think of one" that none was given, "who
could back that up" a claim about the speaker). `answer_holds` reads what an answer holds, and
where the premise is missing the prompt asks the question its probe always can for that kind of
answer. Each family has a firing answer and a near miss in one table, quoted from
tests/corpus_real (spent splits: holdout2 to holdout8; holdout8's judge named each family)."""

from __future__ import annotations

import pytest

from storybank.analysis.answer_holds import answer_holds, past_acts
from storybank.analysis.followups import as_asked, chosen_place
from tests.helpers import spoken_prompts as _prompts

# --- answers quoted from the spent corpus -----------------------------------------------------
RUSHED = ("I once rushed a project to make a shipping deadline but inadvertently skipped a couple "
          "of critical steps. We ended up discovering the mistake before the customer installed the "
          "products, but they weren't pleased. I never made that mistake again.")
CO_WORKER = ("I generally don't have problems with people, but a few years ago a co-worker kept "
             "taking credit for my work and sole credit for the team's work. I got together with this "
             "person and explained how those actions were negatively impacting everyone. She quickly "
             "changed her behavior, and everyone was happier.")
NO_CONFLICTS = "I don't really have conflicts."
EXCEEDED = "I once set a goal too ambitious and slightly exceeded it"
LEARNED_ONLY = "I learned communication is important"
APPROACH = ("Of course, I would like to say that I react to interpersonal conflict wonderfully and "
            "effectively 100% of the time, but that's not realistic. I have learned to address "
            "interpersonal conflicts right away so they do not fester and become inflated. For "
            "instance, I might ask the person. 'Hey, I feel a strain between us, and I'd like to talk "
            "it over. Is now a good time?' I use 'I' statements and own my feelings. I think about the "
            "outcome I'd like to achieve and remain focused on that.")
HANDLED_LOTS = ("Oh, I've handled lots of conflicts. I usually try to understand both sides and find "
                "common ground.")
AVOIDED = ("I had a conflict with a teammate who was difficult to work with. I mostly avoided them and "
           "just did my part.")
YELLED = "Once my no-good boss yelled at me and got all up in my face."
WOULD_DO = "If the provider ordered it, I would just do it because they are the one responsible."
PCR = ("During my undergraduate thesis, a key reagent for a PCR experiment was contaminated. I "
       "immediately isolated the issue, informed my PI, and then systematically re-tested "
       "components, leading to the identification of the faulty batch. We re-ordered and "
       "successfully completed the experiments, ensuring data integrity.")
HOMETOWN = ("I am a product of this community. I went to High School here. I attended our Community "
            "College of Nursing and I performed all my clinical rotations at this hospital. I grew up "
            "here and this is my hometown etc.")
ANGERS = ("I told her that when managers spend all their time delegating their work to others and "
          "basically do nothing it angers me.")
HIRE = ("I believe to have relevant experience, and right attitude to work. I've worked in a "
        "cosmetics store for two years and when I was a student I worked at Walmart.")
LEAVING = ("I've learned how important communication and team support are to me, which is why I'm "
           "looking for a team that values collaboration and open dialogue.")
WORST_BOSS = ("One boss didn't give me much feedback. I only heard from him when there was a problem, "
              "and months might go by without any communication.")
MY_MANAGER = "My manager was terrible at communication and never supported us"
INDUSTRY = ("I've worked in this industry for 15 years and been very successful. I feel I can make a "
            "difference in your organization. I have a proven track record of leadership.")
INDUSTRY_ONLY = "I've worked in this industry for 15 years and I love the work itself."
DI_SKILLS = ("I'd like to continue working on my DI skills. I know the power of differentiated "
             "instruction and was able to put it into practice during my student teaching experience.")
ONLINE_COURSE = "I took an online course."
HUGE_IMPACT = "Our process improvement strategy had a HUGE impact on the BOTTOM LINE."
MEMO = ("For example, an attorney recently needed to understand the nuances of a specific state's data "
        "privacy statute. I conducted targeted searches on Westlaw, cross-referencing the statute "
        "with relevant annotations and case summaries. I then drafted a concise summary memorandum, "
        "including key interpretations and a list of controlling cases, which saved the attorney "
        "significant time.")
AUDIT = ("In a previous project, we were seeing inconsistent labels across the same type of content. "
         "I reviewed a sample of the disagreements and found the root issue was unclear edge-case "
         "guidance. I also introduced a lightweight audit process where we reviewed a small "
         "percentage of items every week and tracked the most common errors. Within a few cycles, "
         "disagreement rates dropped noticeably.")


@pytest.mark.parametrize(("text", "field", "held"), [
    # An incident: three acts sharing one subject in a list ...
    (PCR, "event", True),
    # ... near miss: an approach with a hypothetical example in it ("For instance, I might ask").
    (APPROACH, "event", False),
    # Two acts with a time anchor ("a few years ago") tell one occasion.
    (CO_WORKER, "event", True),
    # A biography's acts are no incident (lexicon `biography_acts`).
    (HOMETOWN, "event", False),
    # Anything told as having happened, by anyone, is an occasion ...
    (YELLED, "occasion", True),
    # ... near miss: a habit and a perfect ("I've handled lots", "I usually try") tell none.
    (HANDLED_LOTS, "occasion", False),
    # A failure: a slip and its cost ("skipped", "weren't pleased") ...
    (RUSHED, "failure", True),
    # ... near miss: a goal exceeded is none.
    (EXCEEDED, "failure", False),
    # A view stated, with no choice in it ...
    (ANGERS, "view", True),
    (ANGERS, "choice", False),
    # ... near miss: a reason for a choice about the speaker's own needs is no view of that kind.
    (LEAVING, "view", False),
    # About someone else at work: the boss opens the answer ...
    (WORST_BOSS, "others", True),
    # ... near miss: "I told her ..." opens with the speaker.
    (ANGERS, "others", False),
])
def test_what_an_answer_holds(text, field, held):
    assert getattr(answer_holds(text), field) is held


@pytest.mark.parametrize(("text", "acts"), [
    (PCR, 5),   # isolated, informed, re-tested; re-ordered, completed
    ("I think we decided to wait.", 0),   # a state of mind, not an act
    (HOMETOWN, 0),
])
def test_past_acts_count_a_list_that_shares_its_subject(text, acts):
    assert past_acts(text) == acts


ASKED = [
    # A dodge line followed by an incident has given its example: asked about it, not pressed.
    (CO_WORKER, "disagreement", None,
     {"technical": "What exactly did you say to the co-worker, and how did they respond?",
      # round 25: a disagreement told is asked where things were left with the other side
      "collaborators": "How did the co-worker take the way it ended, and where do things stand between you now?"}),
    (RUSHED, "failure", None,
     {"differently": "What would you do differently?"}),
    # Near miss: a dodge with nothing after it is still pressed for an example.
    (NO_CONFLICTS, "disagreement", None,
     {"technical": "Take a moment: can you think of one, even a small one, and walk me through it?"}),
    # A failure question answered with no failure: asked for one, not what went wrong.
    (EXCEEDED, "failure", None,
     {"differently": "Think of one time something you did at work went wrong: what would you do differently now?",
      "technical": "Can you think of one time something you did at work went wrong, and walk me through it, step by step?"}),
    (LEARNED_ONLY, "failure", None,
     {"collaborators": "Think of one time something you did at work went wrong: who else was involved, and what did they think?"}),
    # Near miss: a failure told keeps the failure's wordings.
    (RUSHED, "failure", None,
     {"alternatives": "Once the problem came to light, what else could you have done, and why did you do what you did?"}),
    # Near miss: a whole incident told for a setback is the failure given, whatever its words.
    (PCR, "failure", None,
     {"alternatives": "Once the problem came to light, what else could you have done, and why did you do what you did?"}),
    # A conflict question answered with an approach and no conflict: asked for the last one.
    (APPROACH, "disagreement", None,
     {"technical": "Walk me through the last disagreement you had at work, step by step: what did you say, and what did they say?",
      "collaborators": "Think of the last disagreement you had at work: who was it with, and what did they think?"}),
    # A habit told for a conflict question is asked for the last conflict, before the habit's
    # own wordings ("Who else takes part in that" has no one to point at).
    (HANDLED_LOTS, "disagreement", None,
     {"alternatives": ("Think of the last disagreement you had at work: what else could you have "
                       "done, and why didn't you?"),
      "collaborators": "Think of the last disagreement you had at work: who was it with, and what did they think?"}),
    # Near miss: a habit told for a question that presumes no occasion keeps the habit's wording.
    ("I regularly review IRS guidance, state tax department updates, and trusted professional "
     "publications, and I flag items that could affect current or upcoming filings.", "learning", None,
     # Round 35: learning words the habit's probe as the last thing learned that way
     # (test_followups_round35.py).
     {"technical": "Walk me through the last thing you learned that way, step by step."}),
    # Near misses: a conflict told, however briefly, and what the speaker would do.
    # (Round 12: a line or two sizing the teammate up, nothing settled, asks who else dealt with them.)
    (AVOIDED, "disagreement", None,
     {"collaborators": "Who else dealt with the teammate, and how did it go for them?"}),
    (YELLED, "disagreement", None,
     {"technical": "What exactly did you say to your boss, and how did they respond?"}),
    # Round 26: what the speaker would do tells no disagreement: asked for the last real one.
    (WOULD_DO, "disagreement", None,
     {"collaborators": "Think of the last disagreement you had at work: who was it with, and what did they think?"}),
    # An incident told to a question of no known type is not asked for an example of it ...
    (PCR, None, None,
     {"technical": "What was the hardest part of that to get right, and how did you go about it?",
      "collaborators": "Who else was involved? What did they think?"}),
    # ... near miss: a biography is still asked for one.
    (HOMETOWN, None, "medicine",  # round 20: set in studies, so not "from your work"
     {"technical": "Can you give me one specific example of that?"}),
    # A view with no choice in it: how it came, not what else was weighed.
    (ANGERS, None, None, {"alternatives": "What is that based on?"}),
    # Near miss: acts told with no view of that kind keep the weighing question.
    (HIRE, None, None, {"alternatives": "What else did you weigh before you settled on that?"}),
    # About someone else at work: whether others saw it so, not who could back it up ...
    (WORST_BOSS, None, None,
     {"collaborators": "Did others at work see it the same way? What did they say?"}),
    (MY_MANAGER, None, None,
     {"collaborators": "Did others at work see it the same way? What did they say?"}),
    # ... near miss: a claim about the speaker's own needs keeps "back that up".
    (LEAVING, None, None,
     {"collaborators": "Who at work has seen this firsthand, and what would they say about it?"}),
    # The industry the speaker is already in is not what they choose: the employer is.
    (INDUSTRY, "motivation", None,
     {"alternatives": "Which other organisations did you consider, and why this one?"}),
    (INDUSTRY_ONLY, "motivation", None,
     {"alternatives": "Apart from that, what draws you to this work?"}),
    # Something still to learn: how they will go about it, not what they can do now ...
    (DI_SKILLS, "learning", "teaching",
     {"differently": "How do you plan to go about it, and by when?",
      "alternatives": "What else could you do to get better at it, and why start there?"}),
    # ... near miss: something learned keeps what it let them do.
    (ONLINE_COURSE, "learning", None,
     {"technical": "What can you do now that you could not do before, and where have you used it?"}),
    # An improvement claimed in a line with no change told: the speaker's own part, then what they
    # would do differently (round 18: "what did you change" was judged to presume a change).
    (HUGE_IMPACT, "performance", None,
     {"differently": "What did you do yourself, and what would you do differently next time?"}),
    # A memorandum is a write-up, no decision whose workings can be walked through ...
    (MEMO, "project", "law",
     {"technical": "Walk me through the legal reasoning, step by step: which rule applied, and why?",
      "collaborators": "Who else was involved? What did they think?"}),
    # ... near miss: a process made is still named, without the praise put before it.
    (AUDIT, "project", "annotation",
     {"differently": "Looking back at the audit process, what would you do differently?",
      "technical": ("Walk me through the audit process on one real item, step by step: what did you "
                    "check, and what changed?")}),
]


@pytest.mark.parametrize(("text", "qtype", "field", "expected"), ASKED,
                         ids=[f"{q}-{t[:24]}" for t, q, _, _ in ASKED])
def test_each_probe_asks_only_what_the_answer_holds(text, qtype, field, expected):
    asked = _prompts(text, qtype, field)
    assert {probe: asked[probe] for probe in expected} == expected


@pytest.mark.parametrize(("value", "asked"), [
    ("a concise summary memorandum", "the summary memorandum"),
    ("the more detailed timeline process", "the timeline process"),
    ("a simple tracker", "the tracker"),
    # Near misses: nothing but the praise would be left, and a plain modifier stays.
    ("a new one", "the new one"),
    ("the weekly logging process", "the weekly logging process"),
])
def test_a_decision_is_named_without_the_praise_before_it(value, asked):
    assert as_asked("decision", value) == asked


@pytest.mark.parametrize(("text", "employer"), [
    (INDUSTRY, "organisation"),
    (INDUSTRY_ONLY, None),
])
def test_the_industry_the_speaker_is_in_is_passed_over_for_the_employer(text, employer):
    assert chosen_place(text, "prompt_employers") == employer
