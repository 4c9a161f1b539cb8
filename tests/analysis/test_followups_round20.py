"""Follow-ups an interviewer would ask after real answers (issue 22, round 20): the families of the
blind judges' "no" and "awkward" on holdout19 that recur on the earlier judged sets (holdout4 ...
holdout18), each traced with tests/corpus_real/trace_followups.py.

1. An answer set in the speaker's studies, with no job in it ("We had this group project, and
   someone left", holdout7 and holdout19; "In med school we had group projects", holdout16; "I
   graduated ... with a major in English", holdout17) was asked "from your work", "Who at work has
   seen this", "something at work" ("School project, not work; nobody at work saw it"). The
   prompt drops the words that place it at work (lexicon `study_settings`, `job_settings`,
   `prompt_work_phrases`); a teacher's school and classroom are work.
2. An answer that does not read ("I don't like reading", "I prefer to wait for the movie",
   holdout19; "Well, I'm not much of a reader", holdout18) was asked "Did anyone help you along the
   way, or check what you had learned?", "What can you do now that you could not do before",
   "Walk me through what you did" ("Nothing learned; non sequitur to not reading"). The learning
   type words its probes for it (catalog `says`): how the speaker does learn.
3. What the speaker would do in a scene that names no rule and no order (a drunk customer at the
   bar, a partner officer taking a magazine, holdout19) was asked "When would you apply the rule as
   written without flagging it?" or "What would make you refuse the order" ("No rule mentioned";
   "No order was given"). The rubric's rule wordings need a rule word, its order wordings an order
   (a rank such as "officer" is none); otherwise it is asked what would change what was described.
   Read from holdout19 alone: no earlier judged set reaches it.

Answers are quoted from tests/corpus_real (spent splits, cited beside each)."""

from __future__ import annotations

import pytest

from storybank.analysis.followups import in_studies, off_work
from tests.helpers import probe_cases
from tests.helpers import spoken_prompts as _prompts

# 1 -----------------------------------------------------------------------------------------------
GROUP = "We had this group project, and someone left. It was tough, but we managed to finish it somehow."
#                                                                               holdout7, holdout19
MED = ("Um, I can't think of a specific example. I usually just do my part. In med school we had group "
       "projects but everyone did their section separately, so there wasn't much teamwork to talk "
       "about.")                                                                          # holdout16
RULES = ("I usually post a version of school-wide rules in the classroom and then break them down into "
         "simpler versions, coupled with pictures, to promote comprehension. I discuss these rules "
         "with my students.")                                                               # holdout6
SALES = ("Since leaving university three years ago I have been heading up the sales team for a "
         "multi-national company.")                                                        # holdout19

# 2 -----------------------------------------------------------------------------------------------
NOT_A_READER = ("Well, I'm not much of a reader. I actually got all the way through high school without "
                "actually reading any of the assigned books.")                             # holdout18
BLOGS = ("Well I like to read blogs about agile and online articles as well. They let me know about "
         "new trends in agile and new ways of doing things.")                            # holdout17

# 3 -----------------------------------------------------------------------------------------------
BAR = ("If a drunk customer came into the bar asking for a drink, I would try to offer the customer "
       "water or a nonalcoholic beverage. If the customer insists on a drink, I would politely say "
       "that I cannot give him/her a drink.")                                              # holdout19
MARKING = ("I would first consult the marking scheme thoroughly for any related guidelines. If still "
           "unsure, I would follow established protocols for escalating the issue to a supervisor or "
           "lead scorer for clarification before making a judgment call.")                 # holdout3
ORDER = ("I would repeat the order to my officer and make sure I heard it correctly the first time. If "
         "the order remains the same and I heard it correctly, I would proceed with the order as "
         "directed.")                                                                        # holdout7

ASKED = [
    # 1. an answer set in studies is not asked about work ...
    (GROUP, None, "software",
     {"technical": "Can you give me one specific example of that?",
      "collaborators": "Who has seen this firsthand, and what would they say about it?"}),
    # ... near miss: a teacher's classroom is work
    (RULES, None, None,
     {"technical": "Can you give me one specific example of that from your work?"}),
    # 2. an answer that does not read is asked how the speaker does learn ...
    ("I don’t like reading.", "learning", None,                                           # holdout19
     {"technical": "What is the last thing you learned, and how did you go about it?",
      "collaborators": "Who do you learn the most from, and what did you last pick up from them?"}),
    (NOT_A_READER, "learning", None,
     {"differently": "What do you turn to instead when you want to learn something?"}),
    # ... near miss: a reader of blogs keeps the wordings for what was read
    (BLOGS, "learning", None,
     {"collaborators": "Did anyone help you along the way, or check what you had learned?"}),
    # 3. a scene with no rule in it is asked what would change the speaker's course ...
    (BAR, "rubric", None,
     {"differently": "What could go wrong with doing it that way, and what would you do then?",
      "alternatives": "What else would you try if that did not settle it?"}),
    # ... near misses: a rule named keeps the rule's wording, an order the order's
    (MARKING, "rubric", None,
     {"differently": "Think of the last time a rule at work seemed wrong to you: what did you do, and what would you do differently now?"}),
    (ORDER, "rubric", None,
     {"differently": "What would make you refuse the order rather than carry it out?"}),
]


@pytest.mark.parametrize(("text", "qtype", "field", "probe", "prompt"), probe_cases(ASKED))
def test_each_family_asks_what_an_interviewer_would(text, qtype, field, probe, prompt):
    assert _prompts(text, qtype, field)[probe] == prompt


@pytest.mark.parametrize(("text", "studies"), [
    (GROUP, True), (MED, True),
    ("I graduated from... with a major in English and I am going for my Masters in publishing.", True),
    #                                                                                     holdout17
    (RULES, False), (SALES, False),   # a teacher; a job held since university
])
def test_an_answer_set_in_studies(text, studies):
    assert in_studies(text) is studies


def test_off_work_drops_only_the_place():
    assert off_work("Think of the last time something at work did not go the way you wanted: what "
                    "would you do differently now?") == ("Think of the last time something did not go "
                                                         "the way you wanted: what would you do "
                                                         "differently now?")
    assert off_work("Who have you talked to about this work?") == "Who have you talked to about this work?"
