"""Follow-ups an interviewer would ask after real answers (issue 22, round 14): the families of
holdout13's judge's "no" prompts. To a question of no known type, a line said in passing that
tells nothing done ("Hopefully on a beach in Byron, retired by 30.", "I don't really know
anything about Unreal.") is not an account: the question is put again ("What would you want me
to take from that?"), not a witness, an example or the options weighed in a story that is not
there. A line claiming a quality work can show, a plan told as "would", a line of feeling and a
line about someone at work keep their own wordings. A last job said to have ended is asked about
in its own words. Answers are quoted from tests/corpus_real (spent splits: tuning, holdout2,
holdout4, holdout6, holdout8, holdout10, holdout11, holdout13)."""

from __future__ import annotations

import pytest

from storybank.analysis import answer_kinds
from tests.analysis.test_followups_round13 import LOVE, QUICK  # holdout12, holdout4
from tests.helpers import probe_cases
from tests.helpers import spoken_prompts as _prompts

# --- answers quoted from the spent corpus -----------------------------------------------------
# Lines said in passing, then the near misses' answers.
BYRON, NOT_THERE, UNREAL, BATHROOM = (
    "Hopefully on a beach in Byron, retired by 30.",                  # holdout13
    "Well, you know, I don’t really like working there anymore.",     # holdout13
    "I don't really know anything about Unreal.",                     # holdout11
    "I run in the bathroom and cry.",                                 # holdout2
)
METRICS, SATAN, LAID_OFF = (
    "I would track efficiency, quality, and customer satisfaction.",  # holdout6
    "That woman had Satan in her.",                                   # holdout8
    "I got laid off recently, so I’m looking for my next opportunity.",  # holdout13
)

AGAIN = {"technical": "Could you say a bit more about that?",
         "collaborators": "What would you want me to take from that?",
         "alternatives": "Is that the whole of it, or is there more you would like me to know?",
         "differently": "If you could answer that again, what would you say?"}

ASKED = [
    # A line said in passing, nothing done or told: the question is put again ...
    (BYRON, None, None, AGAIN),
    (NOT_THERE, None, None, {"collaborators": AGAIN["collaborators"]}),
    (UNREAL, None, None, {"technical": AGAIN["technical"]}),
    (BATHROOM, None, None, {"alternatives": AGAIN["alternatives"]}),
    # ... near misses: a quality work can show is asked for an example, a plan told as "would"
    # keeps the untyped wording, a line of feeling what makes the speaker say it, and a line
    # about someone else whether others saw it so.
    (QUICK, None, None, {"technical": "Can you give me one specific example of that from your work?"}),
    (METRICS, None, None, {"technical": "Can you give me one specific example of that from your work?"}),
    (LOVE, None, None, {"technical": "What makes you say that?"}),
    (SATAN, None, None, {"collaborators": "Did others at work see it the same way? What did they say?"}),
    # A line that tells something as having happened once is no line said in passing.
    ("I once sent an email with a typo.", None, None,
     {"technical": "Can you give me one specific example of that from your work?"}),
    # A question of a known type keeps its own wordings for the same kind of line.
    ("I just need a job.", "motivation", None,
     {"collaborators": "What do you know about the people you would be working with?"}),
    # A last job said to have ended: asked about that job, not who could back up the layoff ...
    (LAID_OFF, None, None,
     {"technical": "What did you do in your last job, day to day?",
      "collaborators": "Who did you work with most closely in your last job, and how did you work "
                       "together?"}),
]


@pytest.mark.parametrize(("text", "qtype", "field", "probe", "prompt"), probe_cases(ASKED))
def test_each_probe_asks_only_what_the_answer_holds(text, qtype, field, probe, prompt):
    assert _prompts(text, qtype, field)[probe] == prompt


@pytest.mark.parametrize(("text", "offhand"), [
    (BYRON, True),
    ("I think so", True),                                                   # holdout4
    ("It was fun, but pretty goofy.", True),                                # holdout12
    (QUICK, False),                                                         # a claim to show
    (METRICS, False),                                                       # a plan
    ("I led the migration to Postgres.", False),                            # something done
    ("Well, I've been thinking about it for a long time and I want to find a role where I can "
     "grow, learn and help a team ship things people use.", False),         # too long for a line
])
def test_a_line_said_in_passing(text, offhand):
    assert answer_kinds.offhand(text) is offhand
