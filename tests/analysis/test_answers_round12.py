"""Round 12 of issue 22: a verdict passed on someone, a shortfall pinned on them, and the failure
denied in the speaker's perfect, each read over word classes (analysis.person_verdicts,
analysis.denials). round12_answers.toml holds the corpus answers each rule must flag or leave
alone (run by test_answers_round6.py)."""

from __future__ import annotations

import pytest

from storybank.analysis.denials import never_perfect
from storybank.analysis.person_verdicts import verdicts
from storybank.analysis.scores import first_person_states
from storybank.analysis.signals import blame, cause_links, mechanism_causes

# Each grammar, as a yes or no on a sentence (the lexicon's lists are lower case).
GRAMMARS = {"verdict": lambda text: bool(verdicts(text.lower())),
            "blamed": lambda text: blame(text)[0] is not None,
            "never": lambda text: never_perfect(text.lower()) is not None}

# Each row: (does the grammar hear it, the sentence).
CASES: dict[str, list[tuple[bool, str]]] = {
    "verdict": [
        (True, "My last manager was the worst."),  # holdout11#29
        (True, "My previous boss was disorganized and difficult to work with."),  # holdout11#35
        (True, "My manager made a terrible decision and it cost us 3 months."),  # holdout11#43
        (True, "The project failed because my team didn't pull their weight."),  # holdout11#9
        (False, "It was such a privilege."),  # holdout10#13, praised
        (False, "My manager made the right call."),  # a good choice is no verdict
    ],
    "blamed": [
        (True, "Marketing didn't give us enough leads."),  # holdout11#14
        (True, "Jim was such a slacker"),  # holdout11#60: a first name as the subject
        (False, "This was the worst"),  # a function word opening the sentence is no name
        # holdout6#32, criticised for other faults: "everyone" is no one's name
        (False, "Everyone was like really confused and we didn't know what to do."),
        (True, "My last manager was the worst."),  # holdout11#29
        # the verdict said of no one: holdout11's reason quoted ("bad-mouthing ... never wins")
        (False, "Some book says money is the worst answer."),
        (False, "I didn't give it enough time."),  # the speaker's own shortfall
        # holdout6#43, praised: the speaker's team's own shortfall, no one blamed
        (False, "The root causes: we underestimated the complexity of stateful payment flows, we didn't "
         "have enough integration test coverage, and we kept adding scope."),
        # holdout7#17, praised: the data, not a person, fell short
        (False, "The model was underperforming because the training data did not capture enough "
         "variation in key conditions."),
    ],
    "never": [
        (True, "I've never failed."),  # holdout11#34
        (True, "I have never failed"),
        (False, "I've never gone against corporate directives."),  # tuning#52, praised
        (False, "I've never failed to meet a deadline."),  # a boast about something else
        (False, "I had never used Kubernetes before."),  # not the asked-for experience
    ],
}


@pytest.mark.parametrize(("grammar", "text", "fires"), [
    (name, text, fires) for name, table in CASES.items() for fires, text in table])
def test_a_round12_grammar_hears_its_pattern_and_leaves_its_near_miss(grammar: str, text: str,
                                                                      fires: bool) -> None:
    assert GRAMMARS[grammar](text) is fires


def test_a_verdict_blames_only_the_person_in_its_clause() -> None:
    # "the worst" said of the speaker's own week names no one else
    assert blame("That week was the worst of my career, and I owned it.")[0] is None
    assert blame("My last manager was the worst.")[0] == "my last manager ... was the worst"


# --- the scores: a motive is no mechanism, a state owns no work (round 12) ---------------------



@pytest.mark.parametrize(("text", "counts"), [
    ("I want this job because I need the money.", False),  # holdout2#10, criticised
    ("Because I like it", False),  # holdout4#26, criticised
    # holdout6#26, criticised: the cause pinned on the PM is blame, not mechanism
    ("The project failed because the PM kept changing requirements and my manager wouldn't push back.",
     False),
    ("It failed because I skipped the review.", True),  # the speaker's own cause
    # a reason about the tool, not a want (round 15: one that says how; "because it's fast", a bare
    # quality that SB403 already rejects as fashion, is no mechanism: test_answers_round15.py)
    ("We used Redis because it keeps the sessions in memory", True),
])
def test_a_motive_or_a_blamed_cause_is_no_mechanism(text: str, counts: bool) -> None:
    norm = text.lower()
    assert cause_links(norm)  # every one is a cause link to the findings
    assert bool(mechanism_causes(norm)) is counts


@pytest.mark.parametrize(("text", "states"), [
    ("I am looking for a new challenge. I have been with my current company for two years.", 2),  # tuning#39
    ("I've always wanted to be a writer.", 1),
    ("I proactively attended all pre-launch training sessions and I created quick-reference guides.",
     0),  # holdout11#38, praised
    ("In my interest, I insisted.", 0),
])
def test_a_first_person_state_is_told_apart_from_an_act(text: str, states: int) -> None:
    assert first_person_states(text.lower()) == states


def _ownership(text: str, qtype: str | None) -> int:
    from storybank.answers.judge import judge_answer
    from storybank.catalog import builtin_catalog
    from storybank.settings import Settings

    return judge_answer(text, builtin_catalog(), Settings(), question=qtype).scores["ownership"].value


def test_ownership_credits_the_speakers_acts_not_their_states() -> None:
    # tuning#39, criticised: every "I" wants or is; holdout11#38, praised: every "I" acts.
    wants = ("I am looking for a new challenge. I have been with my current company for two years "
             "and don't find the work as interesting as I once did. I am looking for a company "
             "where I can take on new challenges and learn new things.")
    acts = ("Our unit adopted a new Electronic Health Record (EHR) system, Epic, replacing our legacy "
            "paper charting. I needed to rapidly master Epic's medication administration, charting, "
            "and order entry modules to maintain patient safety and workflow efficiency. I "
            "proactively attended all pre-launch training sessions, volunteered for super-user "
            "training, and spent extra hours practicing in the sandbox environment. I created "
            "personal quick-reference guides for complex workflows.")
    assert _ownership(wants, None) < 60 <= _ownership(acts, "learning")
