"""Round 10 of issue 22: denials and avoidance in the speaker's grammar (analysis.denials), a
rule changed on the speaker's own (analysis.overrides), and a slip said of others that is no
cause of the speaker's (signals.self_caused).
round10_answers.toml holds the corpus answers each rule must flag or leave alone (run by
test_answers_round6.py)."""

from __future__ import annotations

import pytest

from storybank.analysis.denials import avoided_conflict, denied_by_belief, unread_employer
from storybank.analysis.overrides import rule_changed
from storybank.analysis.signals import dodge, self_caused


def _belief(text: str) -> str | None:
    return denied_by_belief(text.lower())


SIGNALS = {"belief": _belief, "avoided": avoided_conflict, "unread": unread_employer,
           "dodge": dodge, "self_caused": self_caused,
           "rule_changed": rule_changed}

# Each grammar, with what it hears (True) and the near misses it leaves alone (False).
CASES: dict[str, list[tuple[str, bool]]] = {
    "belief": [
        ("i don't think i've failed.", True),
        ("i don't believe i have made a mistake at work.", True),
        ("i don't think i've told anyone this before.", False),  # nothing asked for denied
        ("i don't think she would have called it negative.", False),  # tuning#41: not the speaker's
    ],
    "dodge": [
        ("I don't really think I've failed.", True),
        ("I don't think I've ever made that mistake again.", False),  # a lesson
    ],
    "avoided": [
        ("I don't like drama, so I just stay out of it.", True),
        ("I mostly avoided them and just did my part.", True),
        ("The juniors had started avoiding him.", False),  # someone else keeps away
        ("I avoided it by moving the review to Monday.", False),  # a step, with its method
        ("I slow down so I avoid careless mistakes.", False),  # no conflict avoided
    ],
    "unread": [
        ("I haven't had time to look at your website.", True),
        ("I hadn't heard of your company prior to the agent telling me.", True),
        ("I didn't conduct thorough market research.", False),  # no employer named
        ("I hadn't heard of Kafka before this project.", False),
    ],
    "self_caused": [
        ("There were others on my team that made mistakes and I had to fix their errors.", False),
        ("When she asked, I forgot to check the dose.", True),  # the slip is the speaker's
        ("I shipped it without a test and it crashed.", True),
    ],
    "rule_changed": [
        ("My district gave me the curriculum, but it is too advanced, so I have supplemented it.", True),
        ("The procedure was unclear, so I modified my checklist.", False),  # own work changed
        ("I modified it before anyone named a rule.", False),  # no rule named before
        ("I flagged the rubric and the committee replaced it.", False),  # its owner did
    ],
}


@pytest.mark.parametrize(("signal", "text", "fires"), [
    (signal, text, fires) for signal, cases in CASES.items() for text, fires in cases])
def test_a_denial_grammar_hears_its_pattern_and_leaves_its_near_miss(signal: str, text: str,
                                                                   fires: bool) -> None:
    assert (SIGNALS[signal](text) is not None) is fires


def test_every_negation_of_the_unread_employer_holds_a_key():
    """unread_employer passes over a sentence with none of UNREAD_KEYS: a negation added to the
    lexicon without one would never be read."""
    from storybank.analysis.denials import UNREAD_KEYS
    from storybank.analysis.lexicon import words

    negations = (*words("dodge_negations"), *words("unread_negations"))
    assert [n for n in negations if not any(key in n for key in UNREAD_KEYS)] == []
