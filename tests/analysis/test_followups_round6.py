"""Follow-ups an interviewer would ask after real answers (issue 22, round 6): thin answers are
asked about what they do say, a weakness left there how it shows, a present-tense habit about the
practice, "I don't know" invited to try; a multi-word name is chosen whole and a bare "as" is no
reason. Each rule has a firing answer and a near miss in one table, quoted from tests/corpus_real
(spent splits: tuning, holdout3, holdout4, holdout5); the Google Cloud debate is the corpus's REST
debate with the two options renamed, and the "as" sentences are the onboarding answer's."""

from __future__ import annotations

import pytest

from storybank.analysis import answer_kinds
from storybank.analysis.followups import chosen, was_chosen
from storybank.analysis.signals import tells_an_event, weighed_already
from storybank.catalog import ANSWER_CONDITIONS, builtin_catalog
from tests.helpers import spoken_prompts as _prompts

NO_SHIFTS = "It has no shift work"
RENT = "Well, I just moved here, and I need to pay my rent."
WIFE = "My wife wants me to get a job."
CLOSE = "It's close to my house"
CAREER = "I want to move further in my career."
LAWYERS = "I've been exposed to the law my whole life. A lot of my family members are lawyers."
TWITTER = "I saw the job on Twitter, and thought why not?"
PRAISE = ("You make the best product on the market today. Your management is farsighted enough to "
          "reinvest the company's profits so that you will soon be the leader in this category.")
ENGINEERING_POST = ("I read your engineering post on how you cut tail latency on the routing layer, "
                    "and the trade-offs you described matched problems I have lived. At my current job "
                    "I spent a year fighting exactly that class of p99 problem on a smaller scale.")
RESIDENCY = ("I'm really impressed by your strong clinical training, diverse patient population, and "
             "commitment to research and teaching.")
DONT_KNOW = "I don't know,"
DONT_KNOW_WHY = ("I don't know why I want to work here. I just want a job that differs from the one I "
                 "currently have.")
IMPATIENT = "I'm impatient"
TOASTMASTERS = "I used to avoid public speaking. So I joined Toastmasters, and now enjoy it."
SUMMARIES = ("I tend to get deep into the technical details and sometimes miss communicating the big "
             "picture to stakeholders. I've started creating executive summaries for my projects to "
             "address this.")
NODE = "I don't really know too much about them."
ON_CALL = "I keep my phone nearby and respond when I get paged."
OCR = ("OK, so we start by converting PDF to images using pdf2image library and then run Tesseract "
       "OCR on it to convert the image into text.")
MORNING = ("I am one of the lucky few people in the world who gets to get up and do work I love to do. "
           "I know that I am good at my job, and I love the feeling of overcoming challenges and being "
           "successful. That gives me a sense of accomplishment that makes me excited to get up in the "
           "morning and happy when I go to bed at night.")
COURSE = ("Well, I can sum it up in three different ways: 1. I enrolled myself for a course in JAVA, "
          "Visual Basic after work hours.")
NOT_YET = "I don't know Go yet, but I'm a really fast learner."
JUMP = "I usually just jump into the inspector and check out what's happening in the network tab."
SELF_TAUGHT = ("As an example, there is a software program we have begun using in my work where I "
               "needed additional training. I made a request to my boss to do some off-hours training "
               "online and she OKed it, so I've already begun taking the classes.")
CLASSES = ("Since I'm in college, I'm not available during class hours. For me, that's Tuesday and "
           "Thursday afternoons, as well as early on Friday morning.")
CHILD_CARE = "I can work any shift if I have enough notice to arrange child care."
QUALITY = ("I've always felt that quality has to be at the heart of business culture, my personal "
           "approach is to try and set an example, getting things right first time and avoiding doing "
           "the same job twice. I don't think anyone sets out to do a bad job but sometimes management "
           "doesn't set the right example. There was a time when I was with ABC Ltd, when customer "
           "service levels had dropped off to an unacceptable level.")
CLOUD_DEBATE = ("There was a technical disagreement with a senior engineer about whether to use AWS or "
                "Google Cloud for our new platform. We needed to make a decision within a week as the "
                "sprint was starting. I proposed that each of us document the trade-offs and present "
                "them to the team. After discussion, we agreed that Google Cloud was the better fit "
                "given our use case. The decision was made quickly and both sides felt heard.")


# Each answer with its question type (None: of no known type) and the prompts asked after it,
# by probe: firing answers first in each family, then their near misses.
ASKED = [
    # A thin motivation reason is asked about that reason, by what it is about.
    (NO_SHIFTS, "motivation", {"alternatives": "Setting the hours aside, what draws you to this work?",
                               "technical": "What do you know about what this work involves day to day?"}),
    (RENT, "motivation", {"alternatives": "Setting the pay and perks aside, what draws you to this work?"}),
    (CLOSE, "motivation", {"alternatives": "Setting the location aside, what draws you to this work?"}),
    (WIFE, "motivation", {"alternatives": "What do you want from this work yourself?"}),
    (PRAISE, "motivation", {"alternatives": "What about the work itself draws you?"}),
    (CAREER, "motivation", {"differently": "Where do you want this work to take you in the next few years?"}),
    (TWITTER, "motivation", {
        "alternatives": "Apart from that, what draws you to this work?",
        "collaborators": "What do you know about the people you would be working with?"}),
    (LAWYERS, "motivation",
     {"collaborators": "What have they told you about this work, and what do you make of it?"}),
    # Near misses: a motivation answer with substance, and a programme being chosen.
    (ENGINEERING_POST, "motivation",
     {"technical": "What from your experience so far would you bring to this work, and how?"}),
    (RESIDENCY, "motivation", {"alternatives": "Which other programmes did you consider, and why this one?"}),
    # No answer at all is invited to try; a sentence that starts with "I don't know" is not that.
    (DONT_KNOW, None, {"technical": "Could you take a guess, even a rough one?"}),
    (DONT_KNOW_WHY, "motivation", {"technical": "What do you know about what this work involves day to day?"}),
    # A weakness left there: how it shows, not who could "back that up"; near misses did something.
    (IMPATIENT, None, {"collaborators": "Who at work has noticed it, and what did they say?",
                       "differently": "What are you doing about it now?"}),
    (TOASTMASTERS, None, {"alternatives": "What else did you weigh before you settled on that?"}),
    (SUMMARIES, None, {"differently": "Is there anything you would add to that, or put differently now?"}),
    # (Round 14: a line said in passing is asked again, not how the view came.)
    (NODE, None, {"alternatives": "Is that the whole of it, or is there more you would like me to know?"}),
    # A habit told in the present tense: the practice, and the last time it was done.
    # (Round 10: "which of it" read clumsily to holdout9's judge.)
    (ON_CALL, None, {"alternatives": "Which part of that helps most, and what else have you tried?",
                     "collaborators": "Who at work sees you do that, and what would they say about it?"}),
    # (Round 7: a "we" walking through a system never reaches the speaker's own part.)
    (OCR, "project", {"collaborators": "Who else worked on it, and which part was yours?"}),
    (MORNING, None, {"technical": "Can you give me one specific example of that from your work?"}),
    # A thin learning answer: what it let them do, and (round 30) what was hardest, not what was
    # "technical".
    (COURSE, "learning", {
        "differently": "Which part of it was hardest to get the hang of, and how did you get past it?",
        "technical": "What can you do now that you could not do before, and where have you used it?"}),
    (NOT_YET, "learning", {
        "collaborators": "Who would you turn to first while you learn it?",
        "differently": "How would you go about learning it, and how soon could you be useful with it?"}),
    (SELF_TAUGHT, "learning", {"differently": "What would you do differently?"}),
    # Hours fixed by classes: how long they hold; a private constraint of care keeps its wording.
    (CLASSES, "schedule",
     {"alternatives": "Will those hours change when your term does, and how much notice could you give?"}),
    (CHILD_CARE, "schedule",
     {"alternatives": "Which hours suit you best, and how much notice helps for the others?"}),
]


@pytest.mark.parametrize(("text", "qtype", "expected"), ASKED,
                         ids=[f"{q}-{t[:24]}" for t, q, _ in ASKED])
def test_each_kind_of_answer_is_asked_what_fits_it(text, qtype, expected):
    asked = _prompts(text, qtype)
    assert {probe: asked[probe] for probe in expected} == expected


@pytest.mark.parametrize(("check", "text", "holds"), [
    (answer_kinds.thin, NO_SHIFTS, True),
    (answer_kinds.thin, ENGINEERING_POST, False),
    (answer_kinds.blank, DONT_KNOW, True),
    (answer_kinds.blank, DONT_KNOW_WHY, False),
    (answer_kinds.flaw, IMPATIENT, True),
    (answer_kinds.flaw, SUMMARIES, False),
    (answer_kinds.flaw, TOASTMASTERS, False),
    (answer_kinds.routine, ON_CALL, True),
    (answer_kinds.routine, JUMP, True),
    (answer_kinds.routine, OCR, False),
    (answer_kinds.routine, MORNING, False),
    (tells_an_event, QUALITY, True),
    (tells_an_event, QUALITY.split(" There was")[0], False),
    (weighed_already, "We chose progressive disclosure over a wizard as it tested better.", True),
    (weighed_already, "We chose progressive disclosure over a wizard as a team.", False),
])
def test_each_check_holds_on_its_answer_and_not_on_the_near_miss(check, text, holds):
    assert bool(check(text)) is holds


def test_a_name_of_two_words_is_chosen_whole():
    assert chosen(CLOUD_DEBATE) == {"google cloud"}
    assert was_chosen("Google Cloud", CLOUD_DEBATE) and not was_chosen("AWS", CLOUD_DEBATE)
    # (Round 40: a spoken answer's technical probe quotes nothing; the alternatives probe does.)
    alternatives = _prompts(CLOUD_DEBATE, "disagreement", "software")["alternatives"]
    assert "besides Google Cloud" in alternatives and "AWS" not in alternatives
    # Near miss: the same debate settled the other way is asked about AWS.
    mirrored = CLOUD_DEBATE.replace("agreed that Google Cloud", "agreed that AWS")
    assert "besides AWS" in _prompts(mirrored, "disagreement", "software")["alternatives"]


def test_every_condition_the_catalog_words_for_is_one_the_checks_know():
    catalog = builtin_catalog()
    used = {c for p in catalog.probes for c in p.worded_for}
    used |= {w.when for q in catalog.questions for w in q.worded_for}
    assert used <= set(ANSWER_CONDITIONS)
    assert {"thin", "flaw", "routine", "blank"} <= used
