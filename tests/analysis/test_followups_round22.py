"""Follow-ups that do not re-ask what the answer said (issue 22, round 22): families of the blind
judges' "awkward" and "no" on holdout18-21, each with a firing case and a near miss.

1. An answer that already told what the speaker did, step by step ("Answer already walked through
   the steps"), is asked where the difficulty was, not for the steps again (professions.toml
   `[neutral.after_steps]`); one that told no steps is still asked for them.
2. "I'd say I'm an expert" hedges a claim and "things I'd missed" is "I had": neither makes a
   story one told as what the speaker would do, so it is not asked in the hypothetical mood. An
   answer of what the speaker would do still is, with a wording that names what it asks about
   ("What could go wrong with doing it that way ...", not "something different").
3. A decision is quoted without the doer or a place said after it ("the new menu layout myself
   in Canva", "compression fittings under the boards"), and without a second prepositional phrase
   ("a search in SystmOne for patients"), but a name in that phrase keeps it whole.
4. (Round 23.) A practice said as the speaker's now ("Now I walk every shift through a change
   before go-live") is the lesson already said: asked when it was last put to use, not "What would
   you do differently?". Where the speaker is now ("now I'm a shift manager") is no practice.
5. (Round 23, from holdout22's judges' "no".) "Timed Up and Go" is a test, not the Go language; the
   speaker's "my" is said back as "your" ("the treehouse with your grandad"); a habit is asked who
   sees it at work, not "who else takes part in that"; a schedule answer that named its week is
   asked which part of it is hardest to keep, not to walk through a typical week again.
6. (Round 24, from holdout23's judges' "no".) How often or how finely a thing was done ("the slogan
   about six times", "the run sheet minute by minute") is not part of the thing quoted; a story
   told with its steps is no hypothetical for an "I'd" in it; hours refused outright are asked
   about the refusal, not about a week the answer refused.

Answers are quoted from tests/corpus_real (spent splits, cited beside each)."""

from __future__ import annotations

import pytest

from storybank.analysis.phrases import _trim
from storybank.analysis.signals import told_as_would
from tests.helpers import spoken_prompts as _prompts

HARDEST = "What was the hardest part of that to get right, and how did you go about it?"
STEPS = "Walk me through what you did, step by step, and why you did it that way."

RESLOTTING = (
    "So the one I'd pick is the re-slotting of our pick faces at the DC in Northampton, where I was a "
    "shift manager. We had about forty-two hundred SKUs, and the fast movers were scattered all over "
    "the building. I asked to own it, and my ops manager gave me the go-ahead plus two reach-truck "
    "drivers for three weekends. I pulled twelve weeks of pick history out of Manhattan, ranked every "
    "SKU by lines picked, and moved the top three hundred into waist-height locations in the two "
    "aisles nearest dispatch. I did the moves on Saturday nights so outbound never stopped. Pick rate "
    "went from about ninety-six lines an hour to a hundred and twenty-one over the next month.")
#                                                                              holdout21 #0, trimmed
STREAMLINED = ("I streamlined the stockroom process so it was a lot more efficient, and everyone said "
               "it was much better.")                                          # holdout21 #30
CLASSROOM = (
    "So we moved over to Google Classroom last year, and I did an online course on it over the summer. "
    "It was about four hours, pretty good actually, it covered everything, assignments, the gradebook, "
    "all of that. I got the certificate at the end, the Level 1 educator one. So I'd say I'm pretty "
    "much an expert on it now, to be honest, I could probably teach the course myself.")
#                                                                              holdout21 #39, trimmed
DRUNK = ("If a drunk customer came into the bar asking for a drink, I would try to offer the customer "
         "water or a nonalcoholic beverage. If the customer insists on a drink, I would politely say "
         "that I cannot give him/her a drink.")                                # holdout19 #46, trimmed


@pytest.mark.parametrize(("text", "qtype", "prompt"), [
    (RESLOTTING, "project", HARDEST),
    (STREAMLINED, "performance", STEPS),   # near miss: nothing told step by step
])
def test_steps_already_told_are_not_asked_for_again(text: str, qtype: str, prompt: str) -> None:
    assert _prompts(text, qtype, None)["technical"] == prompt


def test_a_hedge_is_not_what_the_speaker_would_do() -> None:
    assert not told_as_would(CLASSROOM)
    assert not told_as_would("I caught the errors I'd missed, and I'd say it went well. I checked "
                             "every table again.")
    assert told_as_would(DRUNK)   # near miss: what the speaker would do, twice


def test_a_story_with_a_hedge_is_not_asked_in_the_hypothetical_mood() -> None:
    differently = _prompts(CLASSROOM, "learning", None)["differently"]
    assert "what you just described" not in differently
    assert "could go wrong" not in differently
    # near miss: a hypothetical is asked in its mood, about what could go wrong with it
    assert _prompts(DRUNK, "rubric", None)["differently"] == \
        "What could go wrong with doing it that way, and what would you do then?"


@pytest.mark.parametrize(("raw", "quoted"), [
    ("the new menu layout myself in Canva", "the new menu layout"),          # holdout21 #3
    ("compression fittings under the boards", "compression fittings"),        # holdout21 #14
    ("a search in SystmOne for patients", "a search in SystmOne"),           # holdout21 #43
    # near misses: a name in the second phrase keeps it, and one phrase is left alone
    ("a dashboard in Looker for Finance", "a dashboard in Looker for Finance"),
    ("a broadcast join in Spark", "a broadcast join in Spark"),
    ("a review of the charts for errors", "a review of the charts"),
])
def test_a_decision_is_quoted_without_its_doer_or_place(raw: str, quoted: str) -> None:
    assert _trim(raw) == quoted


# --- round 23 ---------------------------------------------------------------------------------

RESLOTTING_WHOLE = RESLOTTING + (
    " What I'd do differently — I briefed days but not nights properly. Now I walk every shift "
    "through a change before go-live.")                                        # holdout21 #0, trimmed


def test_a_practice_told_now_is_the_lesson_already_said() -> None:
    from storybank.answers.covered import covered

    assert covered("I moved the stock. Now I walk every shift through a change before go-live.",
                   mechanism=None, technical=False).lesson == "now i walk"
    assert _prompts(RESLOTTING_WHOLE, "project", None)["differently"] == \
        "When did you last put that lesson to use, and how did it go?"
    # near misses: where the speaker is now is no practice
    for text in ("Right now I'm a shift manager at a DC, and I moved the stock.",
                 "Now I work at a bigger DC, and I moved the stock."):
        assert covered(text, mechanism=None, technical=False).lesson is None


HIP = ("So, I was a band 6 physio on an orthopaedic ward, and one of the occupational therapists and "
       "I disagreed about discharging an 84-year-old lady after a hip hemiarthroplasty. I didn't "
       "think she was safe: her Timed Up and Go was 32 seconds and she'd had a near-fall during the "
       "stairs assessment. So I asked if we could do a joint session with the patient that "
       "afternoon, and we agreed on two more days and a stairs practice.")    # holdout22 #21, trimmed
CARING = ("Honestly, probably caring too much. I push myself really hard and sometimes I take on too "
          "many deals at once.")                                                # holdout22 #14


def test_the_last_word_of_a_longer_name_is_not_a_technology() -> None:
    from storybank.analysis.text import find_technologies
    from storybank.catalog import builtin_catalog

    known = tuple(builtin_catalog().technologies.known)
    assert find_technologies(HIP, known) == []
    assert "Go" not in _prompts(HIP, "disagreement", None)["technical"]
    # near miss: the language said on its own, even beside the test's name
    assert find_technologies("We used the Timed Up and Go test, then I wrote the tool in Go.", known) == ["Go"]


def test_the_speakers_my_is_said_back_as_your() -> None:
    from storybank.analysis.followups import fill

    assert fill(["Looking back at {decision}, what would you do differently?"],
                {"decision": "a treehouse with my grandad"}) == \
        "Looking back at the treehouse with your grandad, what would you do differently?"
    # near miss: words that only hold the letters stay ("museum", "mythology")
    assert fill(["Looking back at {decision}, what would you do differently?"],
                {"decision": "the museum mythology tour"}) == \
        "Looking back at the museum mythology tour, what would you do differently?"


def test_a_habit_is_asked_who_sees_it_not_who_takes_part() -> None:
    assert _prompts(CARING, "failure", None)["collaborators"] == \
        "Who at work sees you do that, and what would they say about it?"


WEEK = ("So, I'm a band 7 physio in an outpatient MSK clinic, Monday to Thursday, eight till four, so "
        "four days, and Friday is my own day. For this, I'd do Friday nine to three with a lunch "
        "break, and then Tuesday and Wednesday evenings, seven to half nine. Weekends I keep free.")
#                                                                              holdout22 #63, trimmed
WHENEVER = "I'm pretty flexible — I can just fit it in whenever, really."      # holdout22 #67


def test_a_week_already_told_is_not_asked_for_again() -> None:
    assert _prompts(WEEK, "schedule", None)["technical"] == \
        "Which part of that week is hardest to keep, and what usually gets in the way?"
    # near miss: no day or hour named, so the days and hours are asked for (round 25: "flexible",
    # SB761, is the answer's weak point)
    assert _prompts(WHENEVER, "schedule", None)["technical"] == \
        "Which days and hours, concretely, could you give this work in a normal week?"


# --- round 24 (holdout23's judges' "no") ------------------------------------------------------------

PANDAS = ("I taught myself enough Python and pandas to check my own annotation batches. Our QA kept "
          "finding the same kind of inconsistency: I'd label near-identical messages differently on "
          "different days. I did the first half of a free pandas course over two weekends, then wrote a "
          "small script that grouped my labelled messages by similar wording and flagged pairs above 0.9 "
          "similarity that had different labels. I fixed those and wrote myself a note on where the line "
          "is. My QA score went from about ninety-one to ninety-six percent. Honestly, I'd need a lot of "
          "help to build anything bigger.")                                     # holdout23 #39, trimmed
REFUSED = ("Um, no, I don't work evenings or weekends at all, that's a line for me. Also I can't start "
           "before ten, because of the traffic, and I finish at four on Fridays. I've said that to every "
           "job I've applied for, so it's not negotiable, really.")            # holdout23 #68, trimmed


@pytest.mark.parametrize(("raw", "quoted"), [
    ("the slogan about six times before I sent it", "the slogan"),            # holdout23 #14
    ("the run sheet minute by minute in a shared Google Sheet", "the run sheet"),  # holdout23 #0
    # near miss: a count that is part of the thing stays
    ("a six-times-a-day stock check", "a six-times-a-day stock check"),
])
def test_how_often_and_how_finely_are_not_the_thing_done(raw: str, quoted: str) -> None:
    assert _trim(raw) == quoted


def test_a_story_with_its_steps_is_not_asked_as_a_hypothetical() -> None:
    asked = _prompts(PANDAS, "learning", None)
    assert asked["technical"] != "Have you had to do that for real? If so, walk me through what happened."
    assert "could go wrong with doing it that way" not in asked["differently"]
    # near miss: what the speaker would do, told as such, keeps its mood
    assert _prompts(DRUNK, "rubric", None)["differently"] == \
        "What could go wrong with doing it that way, and what would you do then?"


def test_hours_refused_outright_are_asked_about_the_refusal() -> None:
    asked = _prompts(REFUSED, "schedule", None)
    # round 29: neither re-asks what was ruled out nor the hours already stated (holdout28's judges)
    assert asked["differently"] == \
        "Looking at the role as a whole, which parts could you cover fully, and which would need someone else?"
    assert asked["technical"] == \
        "How was the out-of-hours part of the work covered in your past jobs, and what was your share?"
    # near miss: a week given without a refusal is asked which part is hardest to keep
    assert _prompts(WEEK, "schedule", None)["technical"] == \
        "Which part of that week is hardest to keep, and what usually gets in the way?"


def test_a_disagreement_told_exchange_by_exchange_is_asked_where_it_was_hardest() -> None:
    told = HIP   # holdout22 #21: the joint session asked for, the two more days agreed
    assert _prompts(told, "disagreement", None)["technical"] == \
        "What was the hardest moment in that disagreement, and how did you handle it?"
    # near miss: one that told no steps is asked how it was settled
    assert _prompts("My manager and I disagreed about the rota once, but we sorted it out.",
                    "disagreement", None)["technical"].startswith("Walk me through how it was settled")
