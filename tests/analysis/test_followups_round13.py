"""Follow-ups an interviewer would ask after real answers (issue 22, round 13): the families of
holdout12's judge's "no" and "awkward" prompts. A question that presumes an occasion or a
failure, answered with what the speaker would do and nothing told as having happened, is asked in
that mood ("Who else would you bring in"), not who else "was involved" in what never happened;
the person an answer names as the speaker's own ("my previous boss") is asked about as "your
boss"; a line of feeling or perfection ("I am perfect.") is asked what makes the speaker say it,
not for an example or a witness; an answer told with "I" alone is asked whether anyone else was
involved, not who else was. Each family has firing answers and near misses in one table, quoted from tests/corpus_real
(spent splits: holdout2, holdout3, holdout4, holdout9, holdout11, holdout12)."""

from __future__ import annotations

import pytest

from storybank.analysis.answer_holds import answer_holds, in_company
from storybank.analysis.lexicon import normalise
from tests.analysis.test_followups_round12 import ICU  # holdout11
from tests.helpers import probe_cases
from tests.helpers import spoken_prompts as _prompts

# --- answers quoted from the spent corpus -----------------------------------------------------
CORNER = "I'd make the student go stand in the corner for ten minutes."               # holdout12
ABSORB = ("When you make a mistake, what you should do is absorb the information and learn from "
          "it.")                                                                      # holdout9
REPORT = ("I recall when my previous boss told me my report was hard to follow and to do better "
          "next time. I got upset. After all, I worked hard to have that report delivered on time. "
          "I wrote him an email telling him that he needs to appreciate his workers, or they might "
          "consider leaving the company.")                                            # holdout12
NO_GOOD = ("Once my no-good boss yelled at me and got all up in my face. I'm a MAN and you don't talk "
           "to me like that!")                                                        # holdout3
OVERTIME = ("Yes, I am willing to work over time. I have no family or personal obligations that "
            "would prevent me from working at night and on weekends.")                # holdout2
PERFECT = "I am perfect."                                                             # holdout12
LOVE = "I love that product."                                                         # holdout12
AI_SLOP = 'I can\'t stand reading "AI slop".'                                          # holdout2
QUICK = "I'm a quick learner. I pick up things very fast!"                            # holdout4
EXPLAIN = "I always begin by asking the customer to explain what happened."           # holdout12
POSTGRES = "I used PostgreSQL to store paper metadata."                               # holdout12
AUTH = "I built the entire authentication system. It was all my work."                # holdout9
TYPO = "I once sent an email with a typo."                                            # holdout2
MIGRATION = "I deployed a database migration that locked the table for 30 seconds."   # tuning

ASKED = [
    # Told with "I" alone, naming no one: whether anyone else was involved, not who else was ...
    (POSTGRES, "project", None,
     {"collaborators": "Was anyone else involved, and if so, what did they think?"}),
    (AUTH, "project", None,
     {"collaborators": "Was anyone else involved in the authentication system, and if so, what did "
                       "they think of it?"}),
    # Round 25: a slip this small reads as a failure in name only (SB702): asked for a real one.
    (TYPO, "failure", None,
     {"collaborators": "Think of one time something you did went wrong: who else was affected, and what did they say?"}),
    # ... near misses: an answer that names a person, or "we", keeps the probe's own question.
    (ICU, "failure", "medicine", {"collaborators": "Who else was involved? What did they think?"}),
    ("We deployed a database migration that locked a 50M row table for 30 seconds.", "failure", None,
     {"collaborators": "Who else was involved? What did they think?"}),
    # An approach to customers that asks "what happened" tells nothing that happened: asked about
    # the last difficult customer, not what could have resolved "it" ...
    (EXPLAIN, "disagreement", None,
     {"alternatives": "Think of the last difficult customer you dealt with: what else could you "
                      "have done, and why didn't you?"}),
    # A line of feeling or of perfection, to a question of no known type: what makes them say
    # it, and what someone who disagreed would say, not an example or a witness of it ...
    (PERFECT, None, None, {"technical": "What makes you say that?",
                           "collaborators": "What would someone who disagreed with you say?"}),
    (LOVE, None, None, {"technical": "What makes you say that?"}),
    (AI_SLOP, None, None, {"collaborators": "What would someone who disagreed with you say?"}),
    # ... near miss: a quality that work can show is asked for an example of it.
    (QUICK, None, None, {"technical": "Can you give me one specific example of that from your work?",
                         "collaborators": "Who at work has seen this firsthand, and what would they say about it?"}),
    # What the speaker would do, to a question that presumes an occasion: asked in that mood ...
    (CORNER, "disagreement", None,
     {"collaborators": "Think of the last disagreement you had at work: who was it with, and what did they think?",
      "differently": "Think of the last disagreement you had at work: what would you do differently now?",
      "alternatives": "Think of the last disagreement you had at work: what else could you have done, and why didn't you?"}),
    # ... and so is advice given to a question that presumes a failure ...
    (ABSORB, "failure", None,
     {"collaborators": "Think of one time something you did at work went wrong: who else was involved, and what did they think?"}),
    # ... near misses: a "would" to a question that presumes a working week, not an occasion,
    # keeps the week's wording, and a disagreement told in the past ("he yelled at me", ICU
    # below) keeps the probe's own question.
    (OVERTIME, "schedule", None,
     {"differently": "If something comes up in a week you are due to work, what gives first, and how do you handle it?"}),
    # The speaker's own boss is "your boss" ...
    (REPORT, "disagreement", None,
     {"technical": "What exactly did you say to your boss, and how did they respond?"}),
    (NO_GOOD, "disagreement", None,
     {"collaborators": "Who else dealt with your boss, and how did it go for them?"}),
    # ... near miss: "a patient" is no one's own, "the patient"; the past told in it keeps "Who
    # else was involved?".
    (ICU, "disagreement", "medicine",
     {"technical": "What exactly did you say to the patient, and how did they respond?",
      "collaborators": "How did the patient take the way it ended, and where do things stand between you now?"}),
]


@pytest.mark.parametrize(("text", "qtype", "field", "probe", "prompt"), probe_cases(ASKED))
def test_each_probe_asks_only_what_the_answer_holds(text, qtype, field, probe, prompt):
    assert _prompts(text, qtype, field)[probe] == prompt


@pytest.mark.parametrize(("text", "person", "own"), [
    (REPORT, "boss", True),            # "my previous boss"
    ("Our client called twice a day.", "client", True),
    (ICU, "patient", False),           # "a patient"
    ("As a marketing manager, I met the client.", "client", False),
])
def test_a_person_named_as_the_speakers_own(text, person, own):
    holds = answer_holds(text)
    assert (holds.counterpart, holds.own_counterpart) == (person, own)


@pytest.mark.parametrize(("text", "occasion"), [
    (EXPLAIN, False),                                    # "explain what happened" is asked
    ("I asked the customer what went wrong.", True),     # ... the asking itself was told
    ("The nurse was overreacting.", True),
])
def test_what_happened_is_asked_not_told(text, occasion):
    assert answer_holds(text).occasion is occasion


@pytest.mark.parametrize(("text", "company"), [
    (POSTGRES, False),
    (MIGRATION, False),                                  # "the table" holds no "he"
    ("We deployed a database migration.", True),
    ("My colleague Sue nominated me for an award.", True),
    ("When I had to teach the students about volume, I had been teaching for six months.", True),
    ("For example, an attorney recently needed to understand a statute.", True),
])
def test_anyone_besides_the_speaker(text, company):
    assert in_company(normalise(text)) is company
