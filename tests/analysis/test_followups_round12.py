"""Follow-ups an interviewer would ask after real answers (issue 22, round 12): the families of
holdout11's judge's "no" and "awkward" prompts. A customer question answered with an approach is
asked about the last difficult customer, not "the last disagreement you had at work"; a
disagreement settled by getting on, or never settled because the other side kept on, is read as
it says; a line or two sizing someone up is asked who else dealt with them; a failure with no act
of the speaker's is asked what they could have done themselves; a past progressive ("I was
reviewing ... and noticed") is an act. Each family has a firing answer and a near miss in one
table, quoted from tests/corpus_real (spent splits: holdout3, holdout6, holdout8, holdout9,
holdout10, holdout11)."""

from __future__ import annotations

import pytest

from storybank.analysis.answer_holds import past_acts
from storybank.analysis.answer_kinds import settled
from tests.helpers import probe_cases
from tests.helpers import spoken_prompts as _prompts

# --- answers quoted from the spent corpus -----------------------------------------------------
CUSTOMER_FIRST = ("I am a firm believer in the customer comes first. I've learned to not take the "
                  "things that customers say about their experience personally, which really helps "
                  "when it comes to diffusing the situation. I always try to really understand the "
                  "complaint and do the best I can to solve the issue.")               # holdout11
WALK_AWAY = "Just walk away. I don't have enough time to deal with rude people."      # holdout11
BOTH_SIDES = ("Oh, I've handled lots of conflicts. I usually try to understand both sides and find "
              "common ground.")                                                       # holdout3
WORST = "My last manager was the worst."                                              # holdout11
DIRECTION = "I knew the direction was wrong."                                         # holdout3
DIVORCE = ("I had to work with another programmer who complained a lot about our projects. I took the "
           "time to learn about his personal life. It turned out he was going through a tough "
           "divorce. Once I got to know him, he was actually a great coworker. We worked so well "
           "together after that we were the most efficient programming pair in the company.")
ICU = ("Working in the ICU, I had a patient that did not like me. He yelled at me every time I came "
       "into the room. No matter what I did, he found something to be negative about and was "
       "extremely rude. I respectfully and calmly talked to him and told him that I was sorry that "
       "he felt that way. Upon leaving the room, I brought my charge nurse in so that she could "
       "witness his behavior. He continued to make these mean comments. Despite his attitude "
       "towards me, I persevered through the shift.")                                 # holdout11
NOT_ALONG = "I got fired because I did not get along with my supervisor."             # holdout8
DELOITTE = ("During my internship at Deloitte, I was reviewing a client's financial statements and "
            "noticed discrepancies in the expense reports. After conducting a deeper analysis, I "
            "discovered that the client had misclassified certain expenses.")         # holdout11
STAY_OUT = "I don't like drama, so I just stay out of it."                            # holdout9
SAME_WAY = ("I deal with difficult customers the same way I deal with easy customers. I want them "
            "all to have an exceptional experience with my company. I won't allow a customer to say "
            "inaccurate or negative things about us, but if we haven't met their expectations, I want "
            "to take responsibility and see if I can fix it.")                        # holdout11
SHOE = ("Of course. In many ways I think this is an important part of all business. There are often "
        "time when you find yourself needing to push for something the customer needs.\nI recall a "
        "time where a customer ordered a shoe from a third party through our eCommerce service, and "
        "the shoes ended up being too small. She wanted to return them, which it clearly said she "
        "could do in the fine print, but the company – which we had since stopped doing business "
        "with – refused to honor it because she wore them. She only wore them to find the size, so I "
        "laid out the terms of our third party service contract, described what is generally "
        "defined as a 'reasonable' reason for return, and got the customer their refund.\nAfterward, "
        "I gave the customer a coupon code and sent them a list of replacement ideas, to make sure "
        "we didn't lose the client.")                                                 # holdout9
RESOLVED = ("One time me and a co-worker disagreed on how we should go about completing a project. We "
            "resolved the disagreement by voicing our opinions and coming up with a solution that we "
            "both agreed upon.")                                                      # holdout10
NO_COMMUNICATION = "The team didn't communicate well."                                # holdout11
TIMELINE = "The project failed because the timeline was unrealistic."                 # holdout3
DELEGATE = "I cared so much about the outcome that I took on too much and had to delegate."  # holdout6

ASKED = [
    # An approach to customers is asked about the last difficult customer ...
    (CUSTOMER_FIRST, "disagreement", None,
     {"technical": "Walk me through the last time a customer was difficult with you, step by step: "
                   "what did you say, and what did they say?",
      "collaborators": "Think of the last difficult customer you dealt with: who else was there, "
                       "and what did they do?"}),
    # ... one about rude people, about the last time someone was rude ...
    (WALK_AWAY, "disagreement", None,
     {"alternatives": "Think of the last time someone was rude to you at work: what else could you "
                      "have done, and why didn't you?"}),
    # ... so is a policy for customers with nothing the speaker did ...
    (SAME_WAY, "disagreement", None,
     {"alternatives": "Think of the last difficult customer you dealt with: what else could you "
                      "have done, and why didn't you?"}),
    # ... near miss: a customer defended, told from "I recall a time", is asked how it was settled.
    (SHOE, "disagreement", None,
     {"alternatives": "What other ways of settling it did you consider, and why did you go with this one?"}),
    # ... near miss: an approach to conflicts in general keeps "the last disagreement".
    (BOTH_SIDES, "disagreement", None,
     {"alternatives": "Think of the last disagreement you had at work: what else could you have "
                      "done, and why didn't you?"}),
    # Who else dealt with the person a line or two sizes up, nothing settled ...
    (WORST, "disagreement", None,
     {"collaborators": "Who else dealt with your manager, and how did it go for them?"}),
    # ... near misses: a short disagreement that was resolved, a whole incident told, and an
    # answer that names no one are asked the probe's own question.
    # Round 25: "talked it out" with nothing said of how (SB711) is asked what each side said.
    (RESOLVED, "disagreement", None,
     {"collaborators": "What exactly did the co-worker say, and what did you say back?"}),
    (ICU, "disagreement", "medicine",
     {"collaborators": "How did the patient take the way it ended, and where do things stand between you now?",
      "technical": "What exactly did you say to the patient, and how did they respond?"}),
    (DIRECTION, "disagreement", None,
     {"collaborators": "Was anyone else involved, and if so, what did they think?"}),  # round 13: names no one
    # A failure with nothing the speaker did in it: what they could have done themselves, not "why
    # did you do what you did" ...
    (NO_COMMUNICATION, "failure", None,
     {"alternatives": "Once the problem came to light, what could you yourself have done about it?"}),
    (TIMELINE, "failure", None,
     {"alternatives": "Once the problem came to light, what could you yourself have done about it?"}),
    # ... near miss: having had to delegate is something done.
    (DELEGATE, "failure", None,
     # round 25: a strength told as the failure (SB702) is asked for one that really went wrong
     {"alternatives": "Think of one time something you did went wrong: what else could you have done, and why didn't you?"}),
    # Settled by getting on: asked how it was settled, not what could have resolved it.
    (DIVORCE, "disagreement", None,
     {"alternatives": "What other ways of settling it did you consider, and why did you go with this one?"}),
    # A past progressive is an act: with "I discovered" and a time anchor ("During my
    # internship") it tells an incident ...
    (DELOITTE, None, None,
     {"technical": "Walk me through what you did, step by step, and why you did it that way."}),
    # ... near miss: staying out of it tells none.
    (STAY_OUT, "disagreement", None,
     {"technical": "Walk me through the last disagreement you had at work, step by step: what did "
                   "you say, and what did they say?"}),
]


@pytest.mark.parametrize(("text", "qtype", "field", "probe", "prompt"), probe_cases(ASKED))
def test_each_probe_asks_only_what_the_answer_holds(text, qtype, field, probe, prompt):
    assert _prompts(text, qtype, field)[probe] == prompt


@pytest.mark.parametrize(("text", "is_settled"), [
    (DIVORCE, True),      # "we worked so well together after that"
    (NOT_ALONG, False),   # "did not get along" is getting on never reached
    (ICU, False),         # talked to him, but "he continued to" and the speaker "persevered through"
    ("I respectfully and calmly talked to him and we sorted it out.", True),
])
def test_settled_as_the_answer_says(text, is_settled):
    assert settled(text) is is_settled


@pytest.mark.parametrize(("text", "acts"), [
    (DELOITTE, 2),        # was reviewing, discovered ("noticed" is a perception, no act)
    ("I was responsible for the audit.", 0),
    ("I was being careful and was going to leave.", 0),
])
def test_a_past_progressive_is_an_act(text, acts):
    assert past_acts(text) == acts
