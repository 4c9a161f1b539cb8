"""Follow-ups an interviewer would ask after real answers (issue 22, round 18): a probe's premise
checked against what the answer says, the families of the judge's "no" on holdout17.

1. A rubric question's wordings ("the next time a rule seems wrong") asked of a rater's judgement
   that never speaks of the speaker ("Response A's approach provides code ...", holdout12; "the
   model was bad", holdout17): such an answer holds no way of going about rules, only a rating,
   and is asked how the rating was reached. An answer in which the speaker speaks of their own way
   keeps the rubric's wordings.
2. "What exactly did you change" asked of a story that never reaches the speaker's part and
   tells no change ("Our process improvement strategy had a HUGE impact", holdout8; "I'll have to
   think about that", holdout10; a customer served, holdout17): asked what the speaker did
   themselves. A change told ("The migration was planned and executed", holdout6) keeps it.

Answers are quoted from tests/corpus_real (spent splits: holdout6, holdout7, holdout8, holdout12, holdout17)."""

from __future__ import annotations

import pytest

from storybank.analysis.answer_holds import speaks_of_self
from storybank.analysis.lexicon import normalise
from tests.helpers import probe_cases
from tests.helpers import spoken_prompts as _prompts

RATED = ("Response A gives concrete, specific actions with reasoning: why to avoid discussing dream "
         "content, what to do when the child wakes, when to escalate to a doctor. Response B gives a "
         "list of tips without the reasoning that makes them useful.")                 # holdout17
CODE = ('Response B\'s approach has a minor error in using "for i in range(n+1)" instead of '
        '"for i in range(n)", so it reads past the end of the list.')              # holdout12 (cut)
NEVER = ("I would never break a rule. The rules are there for a reason, to protect firefighters and "
         "save lives.")                                                                  # holdout7

RATINGS = [
    (RATED, "rubric", None,
     {"differently": "If you rated the same responses again, what would you weigh differently?",
      "collaborators": "If another rater scored the responses the other way, how would you settle it?"}),
    ("the model was bad", "rubric", None,
     {"alternatives": "What would have made you rate the responses the other way?"}),
    (CODE, "rubric", None,
     {"technical": "Walk me through how you reached your rating, step by step: what did you check first?"}),
    # near miss: the speaker speaks of their own way with rules, and keeps the rubric's wording
    (NEVER, "rubric", None,
     {"technical": "Walk me through the last time a rule or procedure changed at work: what did you do, step by step?"}),
]


@pytest.mark.parametrize(("text", "qtype", "field", "probe", "prompt"), probe_cases(RATINGS))
def test_a_judgement_with_no_word_of_the_speaker_is_asked_about_the_rating(text, qtype, field, probe,
                                                                           prompt):
    assert _prompts(text, qtype, field)[probe] == prompt


@pytest.mark.parametrize(("text", "speaks"), [
    (RATED, False),
    (CODE, False),                        # the quoted "i" is code, not the speaker
    ("the model was bad", False),
    (NEVER, True),
    ("We settled it over coffee.", True),
    ('She told me "fix it".', True),      # near miss: "me" outside the quotation marks
])
def test_what_counts_as_the_speaker_spoken_of(text, speaks):
    assert speaks_of_self(normalise(text)) is speaks


CHANGES = [
    ("Our process improvement strategy had a HUGE impact on the BOTTOM LINE.", "performance", None,
     {"differently": "What did you do yourself, and what would you do differently next time?"}),  # holdout8
    # near miss: a change told keeps the wording that asks what was changed
    ("A decision was made to migrate the database. The migration was planned and executed. "
     "Performance improvements were observed.", "performance", None,
     {"differently": "What exactly did you change, and what would you do differently next time?"}),  # holdout6
]


@pytest.mark.parametrize(("text", "qtype", "field", "probe", "prompt"), probe_cases(CHANGES))
def test_what_was_changed_is_asked_only_where_a_change_is_told(text, qtype, field, probe, prompt):
    assert _prompts(text, qtype, field)[probe] == prompt
