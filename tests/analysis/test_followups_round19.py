"""Follow-ups an interviewer would ask after real answers (issue 22, round 19): the families of the
blind judges' "no" and "awkward" on holdout18 that recur on the earlier judged sets (holdout4 ...
holdout17), each traced with tests/corpus_real/trace_followups.py.

1. A practice told in the present ("I always file documentation ... in case I need to present them
   to the parents ... I usually start conversation in a positive manner", holdout18) was read as an
   incident because "I need" counted as a past verb in -ed: it was asked "how it was settled" and
   "who else was involved". "I need", "we proceed" are present (lexicon `present_ed_verbs`); "I
   plan to stay" is an intention, not a habit (`routine_intents`).
2. Learning has no options chosen between: "What other options did you have" was asked of reading
   blogs, a book, a first job's lesson (holdout10, holdout17, holdout18). The learning type asks
   which way of learning works best, when nothing can be quoted.
3. (Tried and left out, round 19: an answer kind `lesson` asking an answer that already tells
   its lesson "When have you put that into practice since" instead of "What would you do
   differently?". It fixed five prompts only holdout18's stricter judges read as not "yes" and
   altered ten that earlier judges read "yes".)
4. A field's mechanism question that presumes one branch of the field: "which load case or
   failure mode drove it" of an electronics project, "which assumption mattered most" of an
   accountant's reconciliation process (holdout6, holdout18).
5. A time the work was done in is no choice: "Walk me through how spare time worked", "Who else
   was involved in spare time" (holdout18).
6. The option the speaker argued against asked as their choice: "Why MongoDB rather than
   PostgreSQL?" after "We shipped with PostgreSQL" (holdout18).
7. Praise by comparison is no dodge: "I can't think of any job as important to society as teaching"
   was asked for "a smaller example" (holdout18).
8. A whole answer that names nothing ("Stuff.", holdout18; "nothing", holdout4) is asked for more,
   not what the speaker would do differently.

Answers are quoted from tests/corpus_real (spent splits: holdout4, holdout6, holdout8, holdout12,
holdout15, holdout17, holdout18; tuning)."""

from __future__ import annotations

import pytest

from storybank.analysis import answer_kinds
from storybank.analysis.followups import chosen, names_a_choice, names_a_thing, was_chosen
from storybank.analysis.signals import acted, dodge
from tests.helpers import probe_cases
from tests.helpers import spoken_prompts as _prompts

# 1 -----------------------------------------------------------------------------------------------
PARENTS = ("I always file documentation of my students' progress and problems/failures in case I "
           "need to present them to the parents. Apart from documenting all behaviours or "
           "misbehaviours, I talk to the parents about the good things that the child does so they "
           "would not feel like I am attacking their child. In addition, I try to maintain regular "
           "communication with the parents. I usually start conversation in a positive, optimistic "
           "manner. I absolutely positively hear the parent out and stay open-minded.")  # holdout18
PLAN = ("I plan to stay for at least 2 years but things may change. He and I still have issues we "
        "need to sort out.")                                                              # holdout8

# 2 -----------------------------------------------------------------------------------------------
BLOGS = ("Well I like to read blogs about agile and online articles as well. They let me know about "
         "new trends in agile and new ways of doing things.")                            # holdout17
WORKSHOPS = ("I regularly attend dental hygiene workshops and webinars, and I subscribe to several "
             "industry journals to stay updated on the latest trends and techniques.")   # holdout12

# 4 -----------------------------------------------------------------------------------------------
ACCOUNTANT = ("In my previous role as a senior accountant at ABC Corp, I managed financial reporting "
              "and reduced discrepancies by implementing a new reconciliation process, which saved "
              "20 hours per month.")                                                    # holdout18
ELECTRONICS = ("During the final year of my electronics degree, we were grouped into teams to work on "
               "projects and I was told I was to be the leader. Our project involved designing and "
               "building a power meter to measure the output from a high-power pulsed infra-red "
               "laser. Each member of the group was assigned responsibility for a specific part of the "
               "work and we met weekly to discuss and assess our progress. We were given a mark of "
               "62% for our project.")                                                  # holdout18

# 5, 6 ---------------------------------------------------------------------------------------------
SPARE = ("I thought one might be a better fit than our entirely custom code. Over a few days I used "
         "spare time to pick three frameworks. I implemented dummy options in all three. I took notes "
         "on which ones were easiest to use. I picked the one I thought balanced performance and "
         "ease of use and presented a recommendation and my notes to my supervisor.")  # holdout18
MONGO = ("A teammate was pushing hard for MongoDB on a project where we had deeply relational data - "
         "lots of joins, foreign key constraints, that kind of thing. I was pretty sure it was the "
         "wrong call. So I spent an evening building a quick prototype with both databases. When he "
         "saw that the MongoDB version needed four separate queries and manual joining versus one "
         "SQL statement, he changed his mind. We shipped with PostgreSQL and it worked well.")
#                                                                                        holdout18

# 7, 8 ---------------------------------------------------------------------------------------------
TEACHING = ("I can't think of any job as important to society as teaching. I have always loved to "
            "give young people the best start in life. As a hobby, I have been giving tutorials to "
            "kids at the neighbourhood community center.")                              # holdout18
NO_FAILURE = "I can't really think of a significant failure. Things usually work out."  # holdout15

ASKED = [
    # 1. a practice told in the present is asked about the practice ...
    (PARENTS, "disagreement", None,
     {"technical": "Walk me through the last time you did that, step by step.",
      "collaborators": "Who at work sees you do that, and what would they say about it?"}),
    # ... near miss: "I plan to stay" is a plan, asked about as one
    (PLAN, None, None, {"differently": "What would make you change that plan?"}),
    # 2. learning is asked which way of learning works best ... (round 34: a line about how the
    # speaker learns is asked for the last thing learned that way, test_followups_round34.py)
    (BLOGS, "learning", None,
     {"alternatives": "What is the last thing you learned that way, and how did it go?"}),
    # ... near miss: a habit of learning keeps the habit's wording
    (WORKSHOPS, "learning", None,
     {"alternatives": "Which part of that helps most, and what else have you tried?"}),
    # 4. a field's question for any work in the field
    (ACCOUNTANT, None, "finance",
     {"technical": "Walk me through the numbers behind it, step by step: which figure mattered most, "
                   "and why?"}),
    # Round 25: "we" throughout (SB301) is asked for the speaker's own part first.
    (ELECTRONICS, "project", "engineering",
     {"technical": "Walk me through the part you did yourself, step by step."}),
    # 5. the time it was done in is not quoted
    (SPARE, "project", "software",
     {"technical": "Walk me through how you built it, step by step: what were the main parts, and "
                   "which was hardest?",
      "collaborators": "Who else was involved? What did they think?"}),
    # 6. the option shipped is the one asked about
    (MONGO, "disagreement", "software", {"alternatives": "Why PostgreSQL rather than MongoDB?"}),
    # 7. praise by comparison is no dodge ...
    (TEACHING, "motivation", "education",
     {"alternatives": "What else did you look at before applying here, and why this one?"}),
    # ... near miss: no significant failure thought of is one
    (NO_FAILURE, "failure", "software",
     {"alternatives": "Could you pick a smaller example, even one that seems minor at first?"}),
    # 8. an answer that names nothing is asked for more ...
    ("Stuff.", "project", None,
     {"differently": "If you could answer that again, what would you say?",
      "technical": "Could you say a bit more about that?"}),
    ("nothing", "learning", None, {"technical": "Could you say a bit more about that?"}),
    # ... near miss: a line that says what was done is asked about it (tuning)
    ("I took an online course.", "learning", None,
     {"technical": "What can you do now that you could not do before, and where have you used it?"}),
]


@pytest.mark.parametrize(("text", "qtype", "field", "probe", "prompt"), probe_cases(ASKED))
def test_each_family_asks_what_an_interviewer_would(text, qtype, field, probe, prompt):
    assert _prompts(text, qtype, field)[probe] == prompt


@pytest.mark.parametrize(("text", "did"), [
    ("in case I need to present them to the parents", False),             # holdout18
    ("we proceed step by step", False),
    ("but I needed some information from another department", True),     # holdout6
    ("We succeeded in the end", True),
])
def test_a_present_verb_in_ed_is_no_past_act(text, did):
    assert acted(text) is did


@pytest.mark.parametrize(("anchor", "choice"), [
    ("spare time", False),
    ("the weekends", False),
    ("the weekly time logging system", True),      # holdout3: a system, whatever it logs
    ("the testing phase", True),
])
def test_a_time_is_no_choice(anchor, choice):
    assert names_a_choice(anchor) is choice
    assert names_a_thing(anchor) is choice


def test_what_was_shipped_was_chosen():
    assert was_chosen("PostgreSQL", MONGO)
    assert not was_chosen("MongoDB", MONGO)
    assert "mongodb" not in chosen(MONGO)


@pytest.mark.parametrize(("text", "dodged"), [
    ("I can't think of any job as important to society as teaching.", False),
    ("I can't think of a better place to start my career.", False),
    ("I can't think of any mistakes.", True),
    ("I can't think of a time I failed as a manager.", True),
    ("I can't really think of a significant failure.", True),                       # holdout15
])
def test_praise_by_comparison_is_no_dodge(text, dodged):
    assert (dodge(text) is not None) is dodged


@pytest.mark.parametrize(("text", "empty"), [
    ("Stuff.", True), ("nothing", True), ("Um, this and that.", True),
    ("I took an online course.", False), ("I don't know", False),   # blank, not evasive
])
def test_an_answer_that_names_nothing(text, empty):
    assert answer_kinds.evasive(text) is empty
