"""Follow-ups that are not generic (issue 22, round 21, prompts22): two families of the blind
judges' "awkward" traced over every judged set (holdout4 ... holdout20) with
tests/corpus_real/trace_followups.py.

1. An incident told with what the speaker took from it or has done since ("What I learned for the
   future was to always make sure the key stakeholders are involved early", holdout18; "now I
   always verify with pharmacy", holdout19; "What I changed was, I now write a short note",
   holdout20) was asked "What would you do differently?" ("Answer already states the lesson and
   what changed"). It is asked whether that has come up since (lexicon `change_told_markers`).
2. The probe's own plain question, worded around nothing the candidate said ("What other options
   did you have, and why did you go the way you did?", "What would you do differently?": "too
   generic", holdout20), is said about the work the answer names in its own words: "our options
   pricing engine" -> "the options pricing engine" (lexicon `prompt_work_verbs`,
   `prompt_work_heads`, `prompt_work_named_heads`, `prompt_work_dropped`). Never a name, a person,
   an option turned down, or a phrase that only ranks or dates the work ("a recent project").

Answers are quoted from tests/corpus_real (spent splits, cited beside each)."""

from __future__ import annotations

import pytest

from storybank.analysis.followups import work_phrase
from storybank.analysis.signals import said_the_change
from tests.helpers import probe_cases
from tests.helpers import spoken_prompts as _prompts

CAME_UP = "When did you last put that lesson to use, and how did it go?"

# 1 -----------------------------------------------------------------------------------------------
DOSE = "I miscalculated a dose, caught it during double-check, and now I always verify with pharmacy"
#                                                                                         holdout19
CASHIER = ("At my first job, I was a cashier, and on a particularly busy day, I mistook a $20 for a $50 "
           "so my drawer was short. I called my manager over immediately and told her. I learned that, "
           "even in stressful situations like that, I need to slow down a little. What I do now when "
           "I'm under pressure is I take a deep breath before every interaction.")         # holdout18
# near miss: "I learned that they hadn't done the work" found something out; it took no lesson
DEADLINE = ("One time, I had a deadline for a customer, but I needed some information from another "
            "department. I learned that they hadn't done the work and that they were really backed up "
            "and weren't going to get me what I needed in time. So, I did the work myself to make sure "
            "the deadline was met and our customer was satisfied.")                          # holdout6

# 2 -----------------------------------------------------------------------------------------------
PRICING = ("So I worked on our options pricing engine, which was pretty slow when I joined, the traders "
           "were always complaining about it. I went through the code and made a lot of improvements, I "
           "added multithreading, some caching, cleaned up a lot of the inefficient loops. And it ended "
           "up being way faster, like a huge difference, the traders were really happy with it.")
#                                                                                         holdout20
FALLS = ("In my role as a registered nurse, I spearheaded a quality improvement initiative focused on "
         "reducing patient falls on our unit. I collaborated with the interdisciplinary team to implement "
         "best practices in fall prevention, including hourly rounding and enhanced patient education. "
         "As a result, we saw improved patient outcomes.")                                 # holdout20

ASKED = [
    (DOSE, "failure", None, {"differently": CAME_UP}),
    (CASHIER, "failure", None, {"differently": CAME_UP}),
    # Round 34: "way faster, like a huge difference" with no figure is asked for the numbers first
    # (SB721's weakness, test_followups_round34.py); the work is still named (test below).
    (PRICING, "performance", None,
     {"differently": "If you did it again, how would you show in numbers that it had worked?",
      "alternatives": "Which of the changes made the most difference, and how do you know?"}),
    # Round 41: buzzwords with no call of the speaker's own (SB303) are asked which decisions were theirs.
    (FALLS, "project", "nursing",
     {"alternatives": "Which decisions along the way were yours, and what else was on the table?"}),
]


@pytest.mark.parametrize(("text", "qtype", "field", "probe", "prompt"), probe_cases(ASKED))
def test_each_family_asks_what_an_interviewer_would(text: str, qtype: str | None, field: str | None,
                                                    probe: str, prompt: str) -> None:
    assert _prompts(text, qtype, field)[probe] == prompt


def test_a_fact_found_out_is_no_lesson() -> None:
    assert said_the_change(DOSE) and said_the_change(CASHIER)
    assert not said_the_change(DEADLINE)


@pytest.mark.parametrize(("text", "work"), [
    (PRICING, "the options pricing engine"),
    (FALLS, "the quality improvement initiative"),
    # holdout20: "a localization project for a medical device company": named, not the speaker's verb
    ("so the one I'm proudest of is a localization project for a medical device company",
     "the localization project"),
    # holdout7: the words that only date it are left out
    ("We had a newly deployed recommendation engine that failed.", "the recommendation engine"),
])
def test_the_work_is_named_in_the_speakers_words(text: str, work: str) -> None:
    assert work_phrase(text) == work


@pytest.mark.parametrize("text", [
    "It was a recent project, and someone left.",          # near miss (holdout2): "recent" names nothing
    "I worked on the project team for a year.",            # "the project team": people, not work
    "We went with a patch instead of a database migration.",  # the option turned down
    "I led the JLM system rollout.",                       # a name: never "the JLM ..."
])
def test_no_work_is_taken_where_it_would_misread(text: str) -> None:
    assert work_phrase(text) is None
