"""Follow-ups after the answers holdout22-29's blind judges read as awkward in three or more sets
(issue 22, round 30), each with a firing case from a spent set and a near miss.

1. A self-introduction that opens with a short lead-in ("Yeah, um, okay, so where do I start. I
   grew up in a small town") is still a self-introduction: holdout29's judges read "What would you
   do differently?" and "Who else was involved?" after one as nonsensical.
2. A disagreement told with where things were left with the other side ("we get on really well
   now", "the associate actually thanked me") is asked how that side would tell it, not how they
   took the way it ended ("Answer already said the associate thanked them").
3. A one-line learning answer naming a thing learned ("I did an online course in Excel") is asked
   what was hardest and why it was learned, not the next thing to learn or which way of learning
   works best ("Skips probing the thin answer on what they learned", 14 prompts in holdout22-29,
   none "yes" with both judges); a line about keeping up ("I like to read blogs") keeps those.
4. The schedule's "what gives first" no longer asks how the time is made up, which the judges read
   as odd for fixed shifts and rotas; a week told is asked what could change its hours, not "How
   did you settle on that" ("reasons already given; vague 'that'").
5. "We just sat down and talked it out", said where the judge put the situation, keeps SB711's
   warning, so the probes ask what each side said ("Vague answer; needs specifics of the
   disagreement first"); a way of handling with no such phrase stays a note.
6. A mistake told with the people in it and the change made since is asked what those people made
   of the change, not "Who else was involved?" ("answer already named who was involved").
7. A gain said to be the main reason for wanting the job ("mainly it's the location", "the main
   thing is the pay") is SB742's self-serving motive whatever else is said, and a longer answer is
   asked why this place if another paid the same and was as easy to reach ("misses the pay-only
   motivation"); a line or two keeps the thin wordings that name the gain (test_followups_round6).
   An employer chosen in one's own line of work is asked what else was looked at, not "other kinds
   of work" ("same job elsewhere").
"""

from __future__ import annotations

import pytest

from storybank.analysis import answer_kinds
from tests.analysis.test_followups_round32 import LEAD_IN, WEAKNESS
from tests.helpers import spoken_prompts

# holdout29, a leisure-centre duty manager asked to tell about themselves (shortened).
LEAD_IN_INTRODUCTION = (
    "Yeah, um, okay, so where do I start. I grew up in a small town up north, and I was always really "
    "sporty as a kid, I did swimming from about five, I was in the county squad for a bit. I left sixth "
    "form after a year and did an apprenticeship in sport and leisure at the local council, which is how "
    "I got into leisure centres. I've been a lifeguard for nine years now and I'm a duty manager, so I do "
    "the rota, the cash-up and the customer complaints.")
# The same length, the same lead-in, and no word of who the speaker is: a complaint.
LEAD_IN_COMPLAINT = (
    "Yeah, um, okay, so where do I start. The thing that gets to me most at the leisure centre is the "
    "rota, because it changes every week and nobody checks with the people on it first. Last month it "
    "changed four times, the cover list was never up to date, and the customer complaints about closed "
    "lanes all came to whoever was on the desk that evening, which was usually me.")


@pytest.mark.parametrize(("text", "introduced"), [
    pytest.param(LEAD_IN_INTRODUCTION, True, id="a lead-in, then who the speaker is"),
    pytest.param("Sure.\n" + LEAD_IN_INTRODUCTION.split(". ", 1)[1], True, id="a one-word lead-in on its own line"),
    pytest.param(LEAD_IN_COMPLAINT, False, id="near miss: a lead-in, then a complaint"),
    pytest.param("So, to be honest with you, the thing is that I grew up in a small town. " * 8, False,
                 id="near miss: a long first sentence is no lead-in"),
    # Round 32 (test_followups_round32.py): a first sentence that answers is no lead-in.
    pytest.param(WEAKNESS, False, id="a first sentence that answers"),
    pytest.param(LEAD_IN, True, id="near miss: a lead-in to a self-introduction"),
])
def test_a_short_lead_in_keeps_a_self_introduction(text, introduced):
    assert answer_kinds.introduces(text) is introduced


def test_a_self_introduction_after_a_lead_in_is_asked_about_the_path():
    prompts = spoken_prompts(LEAD_IN_INTRODUCTION, None)
    assert prompts["differently"] != "What would you do differently?"
    assert "Who else was involved" not in prompts["collaborators"]


# holdout26, a disagreement told to its end with where the two stand now (shortened).
TOLD_DISAGREEMENT = (
    "So on nights I disagreed with the staff nurse about a patient's fluid chart. She wanted to wait "
    "for the morning round and I thought his output was too low to wait, so I asked her to look at the "
    "last four hours with me and I bleeped the doctor, who put up a bolus. His output picked up by six. "
    "{ending} What I learned is to bring the numbers to the conversation, not just the worry.")


@pytest.mark.parametrize(("ending", "expected"), [
    pytest.param("It was fine in the end and we get on really well now.",
                 "If I asked {who} about it today, how would they tell it?", id="where they stand now, told"),
    pytest.param("The staff nurse actually thanked me at handover.",
                 "If I asked {who} about it today, how would they tell it?", id="thanked, told"),
    pytest.param("The doctor wrote it up in the notes at handover.",
                 "How did {who} take the way it ended, and where do things stand between you now?",
                 id="near miss: nothing of where the two stand"),
])
def test_a_disagreement_that_says_where_things_stand_is_asked_how_the_other_side_would_tell_it(ending, expected):
    collaborators = spoken_prompts(TOLD_DISAGREEMENT.format(ending=ending), "disagreement")["collaborators"]
    assert collaborators in {expected.format(who=w) for w in ("the nurse", "the other person")}


def test_a_one_line_course_is_asked_what_was_hard_and_why_it_was_learned():
    # holdout22-29's one-line learning answer.
    prompts = spoken_prompts("I did an online course in Excel, so pivot tables, VLOOKUPs, that kind of thing.",
                             "learning")
    assert prompts["differently"] == "Which part of it was hardest to get the hang of, and how did you get past it?"
    assert prompts["alternatives"] == "What made you decide to learn it, and why that way of learning it?"
    assert prompts["technical"] == "What can you do now that you could not do before, and where have you used it?"


def test_a_wish_to_learn_keeps_its_own_wordings():
    # Near miss: something the speaker wants to learn and has not is asked how they will go about it.
    prompts = spoken_prompts("I'd like to get better at Excel, pivot tables and that kind of thing.", "learning")
    assert prompts["differently"] == "How do you plan to go about it, and by when?"


def test_a_line_about_keeping_up_keeps_its_wordings():
    # Near miss: a line about how the speaker keeps up names nothing learned to ask what was hard.
    prompts = spoken_prompts("Well I like to read blogs about agile and online articles as well.", "learning")
    assert prompts["differently"] == "What is the next thing you want to learn, and how will you go about it?"
    assert prompts["alternatives"] == "What is the last thing you learned that way, and how did it go?"


def test_what_gives_first_in_a_week_no_longer_asks_to_make_the_time_up():
    # holdout29, a weekend delivery driver with fixed shifts.
    week = ("Right now I do four days on a multi-drop route, Tuesday to Friday, at the depot at seven and "
            "back by five. For this job the Saturday and Sunday shifts would fit well, I'm free all day "
            "both days, and I could do Monday evenings from four.")
    differently = spoken_prompts(week, "schedule")["differently"]
    assert differently == ("If something comes up in a week you are due to work, what gives first, "
                           "and how do you handle it?")


def test_a_refusal_keeps_its_own_wording():
    # Near miss: hours refused outright are asked about the refusal, not what gives first.
    differently = spoken_prompts("Weekends are a no for me, I don't work weekends, that's fixed.", "schedule")[
        "differently"]
    assert "what gives first" not in differently


# holdout28, a receptionist's disagreement settled by "talking it out", told as the situation.
TALKED_OUT = ("Um, yeah, so there was a time me and another receptionist didn't agree on how to do the phones "
              "in the morning, like who takes the 8 o'clock rush. It got a bit tense for a few days. But we "
              "just sat down and talked it out and we were fine after that. We're good friends now, actually.")


def _severity(text: str, code: str, qtype: str) -> str | None:
    from storybank.answers.judge import judge_answer
    from storybank.catalog import builtin_catalog
    from storybank.settings import Settings

    report = judge_answer(text, builtin_catalog(), Settings(), question=qtype)
    return next((str(f.severity) for f in report.findings if f.code == code), None)


def test_talked_out_said_anywhere_in_the_answer_keeps_its_warning_and_words_the_probes():
    assert _severity(TALKED_OUT, "SB711", "disagreement") == "warning"
    prompts = spoken_prompts(TALKED_OUT, "disagreement")
    assert prompts["technical"] == ("What exactly did each of you say when you talked it through, and what "
                                    "settled it in the end?")
    assert "Who else was involved" not in prompts["collaborators"]


def test_a_way_of_handling_with_no_phrase_of_talking_out_stays_a_note():
    # Near miss (round 12): a way of handling disagreements, no event and no "talked it out".
    way = ("When I disagree with a colleague I try to understand their side first, I listen, I ask "
           "questions, and I keep it about the work rather than the person, because in a small team "
           "you have to keep working together the next day.")
    assert _severity(way, "SB711", "disagreement") in (None, "info")


# holdout29, a loading supervisor's mistake, told with the people in it and the change made since.
LOAD_MISTAKE = (
    "Yeah, um, so I was loading supervisor on an A320 turn, and I signed off the loading as per the LIR, "
    "but I'd actually had the team put about three hundred kilos of bags in hold four that were meant for "
    "hold one. I'd misread the LIR because I was looking at the previous flight's sheet on the handheld. "
    "The load controller caught it when I radioed the final figures. I told the captain through the "
    "dispatcher straight away, we offloaded and reloaded, and the flight went out twelve minutes late. What "
    "I changed was that I now clear the handheld before every turn and I read back the hold figures to the "
    "load controller before we start loading, not at the end.")


def test_a_mistake_told_with_its_change_is_asked_what_others_made_of_the_change():
    collaborators = spoken_prompts(LOAD_MISTAKE, "failure")["collaborators"]
    assert collaborators == "What did the people you work with make of the change you made afterwards?"


def test_a_mistake_told_without_a_change_is_not_asked_about_one():
    # Near miss: nothing changed afterwards is told, so there is no change to ask others about.
    told = LOAD_MISTAKE.split(" What I changed")[0]
    assert spoken_prompts(told, "failure")["collaborators"] != \
        "What did the people you work with make of the change you made afterwards?"


def test_a_week_told_is_asked_what_could_change_its_hours():
    week = ("So I teach maths at a secondary school, 8 till about half four, Monday to Friday. For this I'd "
            "do Monday, Wednesday and Friday evenings, half seven to ten, and Sunday morning, 8 till 12, "
            "about eleven and a half hours. I've done ten hours a week on another platform for four months.")
    assert spoken_prompts(week, "schedule")["alternatives"] == (
        "What could change those hours over the next few months, and how much notice would you give?")


# holdout29, a ramp agent's reason for the move (the pay), and holdout28's mediator (the location).
PAY_FIRST = ("Um, to be honest the main thing is the pay. You're paying about a pound fifty an hour more than "
             "my current handler, and you've got the shift allowance on top for earlies. I've been on the ramp "
             "for five years so I know the job, it's all the same aircraft really.")
LOCATION_FIRST = ("Um, so mainly it's the location. I live about ten minutes from your office, and at the moment "
                  "I'm doing an hour and a quarter each way into Manchester for the family mediation service. "
                  "I've been a mediator for five years, I'm accredited with the FMC, so I can do the job, and "
                  "I'd just like to do it closer to home.")


@pytest.mark.parametrize("text", [PAY_FIRST, LOCATION_FIRST], ids=["pay", "location"])
def test_a_gain_said_to_be_the_main_reason_is_self_serving_and_asked_about_the_work(text):
    from storybank.analysis.evidence import self_serving_motive

    assert self_serving_motive(text.lower()) is not None
    assert _severity(text, "SB742", "motivation") is not None
    prompts = spoken_prompts(text, "motivation")
    # Round 38: "offered you the same", not "as easy to get to" of a journey never named.
    assert prompts["alternatives"] == "Suppose another job offered you the same: why would you still choose this one?"


@pytest.mark.parametrize("text", [
    pytest.param("Mainly the patients I'd be working with: I spent four years on a stroke unit and I want to "
                 "stay in rehabilitation, where you see people get their lives back.", id="mainly the work"),
    pytest.param("The pay is fine, but mainly it's the ward: I trained on your stroke unit and I want to go "
                 "back to rehabilitation.", id="the pay named, the ward the main reason"),
])
def test_a_main_reason_about_the_work_is_not_self_serving(text):
    from storybank.analysis.plain_motives import main_motive

    assert main_motive(text.lower()) is None


def test_an_employer_chosen_in_ones_own_line_of_work_is_asked_what_else_was_looked_at():
    prompts = spoken_prompts("I want to work for you because your clinic has a great reputation and I have "
                             "heard good things about the team.", "motivation")
    assert "kinds of work" not in prompts["alternatives"]
