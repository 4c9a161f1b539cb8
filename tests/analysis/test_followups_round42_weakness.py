"""Round 42 (issue 22): an answer to "What's your biggest weakness?" that names one and tells what
the speaker did about it, on an occasion or in acts of their own, is asked where it still catches
them out, what else they tried, how they know it works and who has noticed. holdout18-41's judges
read "What would you do differently?" (and "Looking back at the format, ...") after such an answer
as vague, the change already told: 20 of 23 drawn prompts not "yes" with both.

The question's wording decides it (`storybank answer --question`), not the answer's: "Honestly,
it's delegating" names no weakness by itself. Near misses: the same answer to a question that asks
no weakness, and a weakness claimed with nothing told of what was done ("I've gotten very good at
it"), which keeps being asked for an example.
"""

from __future__ import annotations

from storybank.analysis.followups import weakness_asked
from storybank.answers.judge import judge_answer
from storybank.catalog import builtin_catalog
from storybank.settings import Settings

# holdout34 (none, good): delegating, told with the peak it showed in and what changed.
DELEGATING = (
    "Um, honestly, it's delegating. I came up through the shop floor, picker, then team leader, then shift "
    "manager, and when something goes wrong on a shift my instinct is still to jump on a reach truck or start "
    "picking myself. Last peak, I realised I was spending a couple of hours a night on the floor, and meanwhile "
    "my three team leaders were waiting for me to make decisions, and labour planning for the next night wasn't "
    "getting done until 5am. My manager pointed it out in a one-to-one, and she was right. So what I've done is, "
    "I gave each team leader a zone they own fully, including the call on moving people between pick and pack, "
    "and I only go on the floor if we're more than 15 percent behind plan.")
# holdout18 (none): a tendency, with nothing told as done on an occasion.
TENDENCY = (
    "As a project manager I have a tendency to give people too much freedom. When they tell me they are just a "
    "little behind schedule, my tendency is to believe them even when I know deep in my heart they are in "
    "trouble. I have to constantly remember to dig into problems my people are having and make sure they get "
    "help early. That way we can hit all of our deadlines. I've gotten very good at it.")

WORKED_ON = {
    "differently": "Where does it still catch you out, and what do you do when it does?",
    "alternatives": "What else have you tried against it, and why did you settle on what you do now?",
    "technical": "How do you know what you do about it is working: what has changed that others could see?",
    "collaborators": "Who at work has noticed the change, and what did they say?",
}


def _prompts(text: str, question: str) -> dict[str, str]:
    return judge_answer(text, builtin_catalog(), Settings(), question=question).prompts


def test_a_question_that_asks_for_a_weakness_is_told_apart():
    assert weakness_asked("What's your biggest weakness?")
    assert weakness_asked("Which area are you working to improve?")
    assert not weakness_asked("What are your greatest strengths?")
    assert not weakness_asked("")


def test_a_weakness_told_with_what_was_done_is_asked_how_it_goes_now():
    prompts = _prompts(DELEGATING, "What's your biggest weakness?")
    for probe, wording in WORKED_ON.items():
        assert prompts[probe] == wording


def test_near_miss_the_same_answer_to_another_question_keeps_its_wordings():
    prompts = _prompts(DELEGATING, "Tell me about yourself.")
    assert not set(WORKED_ON.values()) & set(prompts.values())


def test_near_miss_a_weakness_with_nothing_done_on_an_occasion_keeps_its_wordings():
    prompts = _prompts(TENDENCY, "What are your weaknesses?")
    assert not set(WORKED_ON.values()) & set(prompts.values())
