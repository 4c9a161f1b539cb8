"""Follow-ups an interviewer would ask after real answers (issue 22, round 15): the families of
holdout14's judge's "no" and "awkward" prompts. The pay a speaker wants is asked what it rests on,
not who else was involved; a weakness named of someone else ("My boss was a micromanager") is not
the speaker's to be "doing something about now"; a project made in software is asked how it was
built, not "what was happening technically"; an upset customer given a remake or a refund was
settled, so it is not asked what could have resolved it; the public an answer serves ("a patron",
"a guest") is named, not "the other person"; a case told to a rubric question is asked about, not
asked for again. Answers are quoted from tests/corpus_real (spent
splits: holdout4, holdout6, holdout9, holdout10, holdout11, holdout12, holdout14)."""

from __future__ import annotations

import pytest

from storybank.analysis import answer_kinds
from storybank.analysis.answer_holds import answer_holds
from tests.analysis.test_followups_round7 import NURSE, SALARY  # holdout6, holdout14
from tests.helpers import probe_cases
from tests.helpers import spoken_prompts as _prompts

# --- answers quoted from the spent corpus -----------------------------------------------------
RANGE = ("I would like to make $45,000 – $50,000 annually. I believe that my five years of "
         "experience in the field plus the additional health care certifications I earned last "
         "year add to my value as an employee. However, I got into health care to make a "
         "difference, and salary is secondary to working at a job I love.")       # holdout14
MICROMANAGER = "My boss was a micromanager who hated me."                         # holdout14
DISORGANIZED = "My previous boss was disorganized and difficult to work with."    # holdout11
EXCEL = ("I made a configuration system to style Excel Spreadsheets so people could take these and "
         "pass along to our customers")                                            # holdout10, 14
PATRON = ("In my last position, I once assisted a patron who was upset about her meal as she felt it "
          "was cold. I had the chef remake her meal, and I gave her a free appetizer to ensure that "
          "she had a satisfactory experience.")                                    # holdout14
SOY_MILK = ("When I was working as a cashier at Starbucks, a customer was angry about the additional "
            "charge for soy milk and began to raise his voice. I listened to the customer "
            "empathetically and explained that a lot of others also don't realize this is an extra "
            "charge. I offered him our Rewards card and explained how it allows for discounts and "
            "free upgrades for future visits. The customer calmed down and took me up on the "
            "Rewards offer.")                                                      # holdout12
GUEST = ("I once had a guest who was unhappy with the room because it was smaller than expected. I "
         "calmly listened to their concerns.")                                     # holdout12

OVERCHARGED = ("Had a client who'd been overcharged for three months—system glitch during a plan "
               "migration. Our policy said we could only refund one billing cycle. But the mistake was "
               "on us. Client was upset. Talking about cancelling. I pulled the billing records, "
               "confirmed the error, ran the numbers. I talked to my manager and finance. They "
               "approved it. Client stayed.")                                      # holdout14
MAKING_MEANING = ("Well, my district gave me the Making Meaning curriculum, but I have found that it is "
                  "too advanced for my students, so I have supplemented it with the structure of the "
                  "Daily 5, strategies from CAFE Literacy, and by giving students lots of time to read "
                  "independently.")                                                # holdout9

PAY = {"differently": "What would make you accept an offer below that?",
       "alternatives": "Besides the pay, what else in an offer matters to you?",
       "technical": "What is that expectation based on?",
       "collaborators": "What have you found out about what people in similar roles are paid?"}
BUILT = ("Walk me through how you built it, step by step: what were the main parts, and which was "
         "hardest?")
RESOLVE = "Looking back, what could you have done to resolve it?"
OTHER_WAYS = "What other ways of settling it did you consider, and why did you go with this one?"

ASKED = [
    # The pay the speaker wants, to a question of no known type: what it rests on ...
    (RANGE, None, "nursing", PAY),
    (SALARY, None, "medicine", {"technical": PAY["technical"]}),
    # ... near misses: a salary told as something done is asked for an example, and a
    # motivation question keeps its own wordings for a line about pay.
    ("Last year I negotiated my salary with my manager.", None, None,
     {"technical": "Can you give me one specific example of that from your work?"}),
    ("I would like to make $45,000 – $50,000 annually.", "motivation", None,
     {"alternatives": "Apart from that, what draws you to this work?"}),
    # A weakness named of someone else is not the speaker's to be doing something about now ...
    (MICROMANAGER, None, None,
     {"differently": "Is there anything you would add to that, or put differently now?",
      "collaborators": "Did others at work see it the same way? What did they say?"}),
    # ... near miss: the speaker's own weakness keeps the flaw's wordings.
    ("I tend to micromanage my team.", None, None,
     {"differently": "What are you doing about it now?",
      "alternatives": "When did you first notice it, and what have you tried since?"}),
    # A project made, in software, with nothing to quote: how it was built ...
    (EXCEL, "project", "software", {"technical": BUILT}),
    # ... near misses: outside software the field's question, and to a question of no known type
    # an example.
    (EXCEL, "project", "operations",
     {"technical": "Walk me through what you did, step by step, and why you did it that way."}),
    (EXCEL, None, "software",
     {"technical": "Can you give me one specific example of that from your work?"}),
    # An upset customer given a remake or an upgrade was settled: asked how, not what could have
    # resolved it ...
    (PATRON, "disagreement", "hospitality",
     {"alternatives": OTHER_WAYS,
      "technical": "Walk me through how it was settled, step by step: what did you say, what did "
                   "they say, and what changed it?"}),
    (SOY_MILK, "disagreement", None, {"alternatives": OTHER_WAYS}),
    # ... near miss: nothing settled keeps the question, and names the person dealt with.
    (NURSE, "disagreement", "medicine",
     {"alternatives": RESOLVE,
      "technical": "What exactly did you say to the nurse, and how did they respond?"}),
    # A case told to a rubric question is asked about that case, not for "one real case" ...
    (OVERCHARGED, "rubric", "customer support",
     # round 27: where it was hardest, not the steps the case already told
     {"technical": "What was the hardest part of handling the policy in that case, and why?"}),
    # ... near miss: a practice with no case told is still asked for one.
    # (round 28: the curriculum changed on the speaker's own say-so, SB751, is the weak point asked
    # about first: what could go wrong with it)
    (MAKING_MEANING, "rubric", "education",
     {"technical": "What could go wrong when it is done that way, and how would anyone know?"}),
]


@pytest.mark.parametrize(("text", "qtype", "field", "probe", "prompt"), probe_cases(ASKED))
def test_each_probe_asks_only_what_the_answer_holds(text, qtype, field, probe, prompt):
    assert _prompts(text, qtype, field)[probe] == prompt


# Each new reading with the answers it fires on and its near misses.
KINDS = [
    (answer_kinds.pay,
     [RANGE, SALARY, "I'm looking for better pay than I get now.",
      "I would like to make fifty thousand dollars a year.", "I'm hoping for around 60,000 a year."],
     ["Last year I negotiated my salary with my manager.",       # no wish: something done
      "I want to work somewhere I can grow.",                    # a wish, no money
      "I want to pay attention to the details of every chart.",  # "pay" is no money here
      # from the review of round 15: the wish must govern the pay
      "I want to grow; salary is secondary.",
      "I hope the salary is not the main thing here.",
      "I want to walk 10k steps a day."]),
    (answer_kinds.settled,
     [PATRON, SOY_MILK, "I refunded the order, and she thanked me."],
     [NURSE, "The customer wanted a refund and kept raising his voice.",  # wanted, not given
      "The customer was angry about the charge and kept raising his voice.",
      # from the review of round 15: making good is tied to the upset person
      "My manager gave her a written warning, and the two of them never spoke again.",
      "I had a free afternoon so I rewrote it; he still disagreed.",
      "The replacement part arrived late and the client was still furious."]),
]


@pytest.mark.parametrize(("check", "text", "fires"), [
    pytest.param(check, text, fires, id=f"{check.__name__}-{fires}-{text[:20]}")
    for check, firing, near in KINDS for fires, texts in ((True, firing), (False, near))
    for text in texts])
def test_each_reading_fires_on_its_answers_and_not_on_near_misses(check, text, fires):
    assert check(text) is fires


@pytest.mark.parametrize(("text", "person"), [
    (PATRON, "patron"),
    (GUEST, "guest"),
    ("As a guest services agent, I greeted every arrival.", ""),   # the speaker's own role
    (DISORGANIZED, "boss"),
])
def test_the_public_an_answer_serves_is_named(text, person):
    assert answer_holds(text).counterpart == person
