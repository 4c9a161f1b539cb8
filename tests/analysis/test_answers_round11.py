"""Round 11 of issue 22: the least work or a perk wanted, an insult said of someone, and a fault
owned by exception, each read over word classes (analysis.plain_motives).
round11_answers.toml holds the corpus answers each rule must flag or leave alone (run by
test_answers_round6.py)."""

from __future__ import annotations

import pytest

from storybank.analysis.misjudgements import own_misjudgement
from storybank.analysis.plain_motives import insults, least_work_or_perks, owned_after, too_virtuous
from storybank.analysis.signals import blame
from storybank.analysis.their_reasons import their_reason_learned, their_reason_told


def _wants(text: str) -> bool:
    return bool(least_work_or_perks(text.lower()))


def _insult(text: str) -> bool:
    return bool(insults(text.lower()))


def _blamed(text: str) -> bool:
    return blame(text)[0] is not None


def _too(text: str) -> bool:
    return too_virtuous(text) is not None


GRAMMARS = {"wants": _wants, "insult": _insult, "blamed": _blamed, "too": _too,
            "learned": lambda text: their_reason_learned(text) is not None,
            "told": lambda text: their_reason_told(text) is not None,
            "misjudged": lambda text: own_misjudgement(text) is not None}

# Each grammar, with what it hears (True) and the near misses from the corpus it leaves alone.
CASES: dict[str, list[tuple[str, bool]]] = {
    "wants": [
        ("I'm looking for a less stressful job.", True),  # holdout10#31
        ("To work the least amount of time possible until I can get your job.", True),  # holdout10#29
        ("... all day without having to actually do anything.", True),  # holdout10#24
        ("I admitted I just wanted travel benefits.", True),  # holdout10#30
        ("Just for the benefits.", True),  # holdout5#38
        ("Sometimes it is easier to work on one project at a time.", False),  # holdout10#33, praised
        ("Agents spent less time chasing context.", False),  # holdout5#56, praised
        ("I finished the migration in the least time possible.", False),  # how fast, not the work wanted
        ("I also highlighted the potential benefits of adopting a different solution.", False),  # holdout3#9
    ],
    "insult": [
        ("My manager is a jerk. All managers are jerks.", True),  # holdout10#22
        ("My boss was a jerk.", True),  # holdout10#41
        ("She told me that she was a single mom.", False),  # holdout8#0, praised
    ],
    "blamed": [
        ("My boss was a jerk.", True),
        ("I was a jerk about it in the meeting.", False),  # the speaker's own
        ("It was nobody's fault but mine.", False),  # holdout10#8, praised
        ("It wasn't my fault. The requirements were unclear.", True),  # holdout7#37
    ],
    "too": [
        ("I'm too honest for my own good!", True),  # holdout10#17
        ("I think I'm too good at my job, it can often make people jealous.", True),  # holdout2#44
        ("I'm perhaps too committed to my work.", True),  # holdout2#43
        ("I was too dogmatic and inflexible.", False),  # holdout8#33, praised: a real fault
        ("The team was too honest with the client.", False),  # not the speaker
    ],
    "learned": [
        ("I learned that he felt overwhelmed by his workload.", True),  # holdout4#32, praised
        ("I discovered their main worry was the time investment.", True),  # holdout7#58, praised
        ("He was defensive at first but eventually confided in me.", True),  # holdout10#3
        ("I realized that I was wrong about the schema.", False),  # the speaker's own
        ("We had different working styles, but we talked it out and it was fine.", False),  # holdout5#12
    ],
    "told": [
        ("She told me that she was a single mom.", True),  # holdout8#0, praised
        ("I learned that they hadn't done the work.", False),  # holdout6#41: the speaker's finding, blame
    ],
    "misjudged": [
        ("We'd miss our deadline due to an underestimated integration.", True),  # holdout10#34
        ("The dependencies were not clear from my first read of the brief.", True),  # holdout10#35
        ("The client underestimated the scope.", False),  # theirs
        ("My schedule is pretty flexible.", False),  # holdout10#15: no judgement named
    ],
}


@pytest.mark.parametrize(("grammar", "text", "fires"), [
    (grammar, text, fires) for grammar, cases in CASES.items() for text, fires in cases])
def test_a_plain_words_grammar_hears_its_pattern_and_leaves_its_near_miss(grammar: str, text: str,
                                                                       fires: bool) -> None:
    assert GRAMMARS[grammar](text) is fires


def test_the_exception_must_be_the_speaker():
    norm = "it was their fault, but my manager disagreed."
    assert owned_after(norm, norm.index("fault") + len("fault")) is False
    norm = "it was nobody's fault but mine."
    assert owned_after(norm, norm.index("fault") + len("fault")) is True
