"""Follow-ups an interviewer would ask after real answers (issue 22, round 17): the templates whose
judged prompts failed on more than one blind set (holdout4 ... holdout16, read all at once), not
the last set's families.

1. "How did you decide on {decision} over the alternatives?" presumed options the answer never
   weighed ("presumes unmentioned alternatives", holdout10; "no choice among alternatives",
   holdout16): the quoting wording now asks what made the speaker go with it and what else they
   could have done. A named tool chosen keeps the wording that names it.
2. An answer that "already weighed" an option was asked what "the other option" would have
   needed: unnamed (holdout11), or none at all where the speaker said the choice had no reason
   (holdout16). The wording now asks what would have changed the choice, and a choice said to
   have had no reason is not read as weighed.
3. What the speaker would say, already quoted word for word, was asked "What exactly would you
   say, in your own words?" ("candidate already gave the exact words", holdout11 and holdout13):
   such an answer is asked why it would put it that way.
4. An act told as a repeat of one already told ("I ran another set of controls") is no choice to
   quote: "the another set of controls" was put in four prompts (holdout16).

Answers are quoted from tests/corpus_real (spent splits: holdout6, holdout10, holdout11,
holdout13, holdout14, holdout16)."""

from __future__ import annotations

import pytest

from storybank.analysis.followups import names_a_choice
from storybank.analysis.signals import quotes_speech, weighed_already
from tests.helpers import probe_cases
from tests.helpers import spoken_prompts as _prompts

RECONCILE = ("In a previous role, I noticed that a vendor balance looked unusually high during a "
             "monthly reconciliation. Instead of assuming it was a timing issue, I traced the "
             "transactions back through the AP ledger and found that two invoices had been recorded "
             "twice, once manually and once through the automated feed. I documented the issue, "
             "corrected the entries, and then checked whether the error affected any reports already "
             "shared with management. It did, so I prepared a short explanation with the corrected "
             "figures and the root cause. I also suggested a small process change: flagging duplicate "
             "invoice numbers before posting. My manager appreciated that I didn't just fix the "
             "issue, but also helped prevent it from happening again.")               # holdout10
GATEWAY = ("I led the microservices migration decision. I researched three architectural patterns "
           "and ran POCs. I implemented the API gateway while my team handled service "
           "decomposition. This approach reduced latency by 40%.")                     # holdout6
REDIS = ("I profiled the API layer and identified that 70% of latency came from unoptimized "
         "database queries. I redesigned the query strategy using materialized views, added a Redis "
         "caching layer for the top 20 most-hit endpoints, and implemented connection pooling. I "
         "chose Redis over Memcached because our data had complex structures that benefited from "
         "Redis data types. Load times dropped from 3s to 280ms.")                      # holdout11
NO_PREFERENCE = ("I applied to all programs in FM/IM/psyh/peds/path etc and there was no "
                 "discrimination during the application process so there is no special reason why "
                 "I chose you over another because I didn't")                          # holdout16
PCR = ("During my time at the molecular biology lab at State University, our PCR thermal cycler "
       "started producing inconsistent results. I started by running a diagnostic test with control "
       "samples that I knew should amplify successfully. I checked the temperature calibration "
       "using a separate thermometer and found that the heating block had uneven temperature "
       "distribution across wells. I also cleaned the heating block thoroughly and replaced the "
       "rubber seal that had degraded over time. After the recalibration and maintenance, I ran "
       "another set of controls and the thermal cycler performed perfectly.")           # holdout16

ASKED = [
    (RECONCILE, None, "finance",
     {"alternatives": "What made you go with the process change, and what else could you have done?"}),
    (GATEWAY, "project", "software",
     {"alternatives": "What made you go with the API gateway, and what else could you have done?"}),
    # near miss: a named tool chosen keeps the wording that names it
    ("We chose Kafka over RabbitMQ for the event bus. I built the consumer service and load "
     "tested it.", "project", "software",
     {"alternatives": "What made Kafka the right fit here in particular, and what else did you weigh?"}),
    (REDIS, "performance", "software",
     {"alternatives": "What would have had to change for you to choose differently?"}),
    (NO_PREFERENCE, "motivation", "medicine",
     {"alternatives": "Apart from that, what draws you to this work?"}),
]


@pytest.mark.parametrize(("text", "qtype", "field", "probe", "prompt"), probe_cases(ASKED))
def test_a_choice_is_asked_without_presuming_options_nobody_named(text, qtype, field, probe, prompt):
    assert _prompts(text, qtype, field)[probe] == prompt


@pytest.mark.parametrize(("text", "weighed"), [
    (NO_PREFERENCE, False),
    ("There is no reason to doubt it. I chose Redis over Memcached because our data had complex "
     "structures.", True),   # near miss: the "no reason" belongs to another sentence
    ("I chose Redis over Memcached because our data had complex structures.", True),
])
def test_a_choice_said_to_have_no_reason_weighed_nothing(text, weighed):
    assert weighed_already(text) is weighed


@pytest.mark.parametrize(("anchor", "choice"), [
    ("the another set of controls", False),
    ("the control set", True),            # near miss: the same thing, not told as a repeat
])
def test_a_repeated_act_is_no_choice(anchor, choice):
    assert names_a_choice(anchor) is choice


def test_a_repeated_act_is_asked_in_plain_words():
    asked = _prompts(PCR, "project", "science")
    assert not any("another set" in prompt for prompt in asked.values())
    assert asked["differently"] == "What would you do differently?"


SEATBELT = ("I approach this with a “Firm but Polite” attitude. I would make eye contact and say "
            "clearly, “Sir, for your safety and the safety of those around you, the Captain requires "
            "you to fasten your seatbelt immediately.” I don’t ask; I instruct. If they still refuse, "
            "I would issue a final warning that they are violating federal aviation regulations and "
            "will be met by authorities upon landing.")                                # holdout13
CITIZEN = ('I will go to the door and introduce myself to the citizen. I will invite him into my office '
           'and ask "what can I do for you today?" Hopefully I can deescalate his anger by clearing '
           'up any misunderstanding or bad information.')                              # holdout11
WAIT = ("If a customer is frustrated due to a long wait time, I would first apologize for the "
        "inconvenience and acknowledge their frustration. I would then explain the situation "
        "briefly and assure them that we are working to assist everyone as quickly as possible.")  # holdout16

QUOTED = [
    (SEATBELT, "disagreement", None,
     {"technical": "Walk me through the last disagreement you had at work, step by step: what did you say, and what did they say?",
      "alternatives": "Think of the last disagreement you had at work: what else could you have done, and why didn't you?"}),
    (CITIZEN, "disagreement", None,
     {"technical": "Walk me through the last disagreement you had at work, step by step: what did you say, and what did they say?"}),
    # near miss: what the speaker would do, with no words quoted, is asked for the words
    (WAIT, "disagreement", None,
     {"technical": "Walk me through the last time a customer was difficult with you, step by step: what did you say, and what did they say?"}),
]


@pytest.mark.parametrize(("text", "qtype", "field", "probe", "prompt"), probe_cases(QUOTED))
def test_words_already_quoted_are_not_asked_for_again(text, qtype, field, probe, prompt):
    assert _prompts(text, qtype, field)[probe] == prompt


@pytest.mark.parametrize(("text", "quoted"), [
    (CITIZEN, True),
    (SEATBELT, True),
    # near misses: a scare quote of two words, and an apostrophe, quote nothing said
    ('The VP wanted to "reduce duplication" across the teams.', False),
    ("I'd explain that the policy doesn't allow it.", False),
])
def test_what_counts_as_words_quoted(text, quoted):
    assert quotes_speech(text) is quoted
