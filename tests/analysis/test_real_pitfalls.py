"""Pitfalls said in people's own words (issue 22): dodging, blaming or deferring, hiding a slip, a
self-serving motive, a failure read from what the speaker did, and the praised answers each rule
must leave alone. Every rule has firing examples and near misses, most taken from the
real-language corpus (tests/corpus_real); the rule examples in data/rule_examples.toml
(test_rules.py) cover each code end to end, these pin the signals and the spoken-answer judge."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from storybank.analysis.engine import analyze
from storybank.analysis.evidence import self_serving_motive, settled_forum
from storybank.analysis.lexicon import normalise
from storybank.analysis.signals import blame, deflection, dodge, self_caused, without_dodges
from storybank.catalog import builtin_catalog
from storybank.model import Story
from storybank.settings import Settings


def _blamed(text: str, strict: bool = True) -> bool:
    said, strength = blame(text, strict=strict)
    return bool(said) and strength >= 1


SIGNALS: dict[str, Callable[[str], bool]] = {
    "dodge": lambda text: dodge(text) is not None,
    "blame": _blamed,
    "blame (loose)": lambda text: _blamed(text, strict=False),
    "deflection": lambda text: deflection(text) is not None,
    "self-caused": lambda text: self_caused(text) is not None,
    "self-serving": lambda text: self_serving_motive(normalise(text)) is not None,
    "settled": lambda text: bool(settled_forum(text)),
}


CASES = tomllib.loads((Path(__file__).with_name("real_pitfalls.toml")).read_text("utf-8"))


@pytest.mark.parametrize(("signal", "text", "fires"), [
    (name, text, fires) for name, table in CASES["signals"].items()
    for key, fires in (("fires", True), ("near_miss", False)) for text in table[key]])
def test_a_signal_hears_its_pattern_and_leaves_its_near_miss(signal, text, fires):
    assert SIGNALS[signal](text) is fires


def _warned(text: str, qtype: str | None) -> dict[str, str]:
    """The codes (with their messages) a spoken answer to `qtype` gets as warnings or errors."""
    from storybank.answers.judge import judge_answer

    report = judge_answer(text, builtin_catalog(), Settings(), question=qtype)
    return {f.code: f.message for f in report.findings if str(f.severity) in ("warning", "error")}


@pytest.mark.parametrize(("text", "qtype", "codes", "fires"), [
    (a["text"], a.get("question"), set(a["codes"]), a["fires"]) for a in CASES["answer"]])
def test_a_spoken_answer_is_warned_for_its_pitfall_and_not_for_its_near_miss(text, qtype, codes, fires):
    assert bool(codes & set(_warned(text, qtype))) is fires


def test_a_dodge_to_a_question_of_no_known_type_is_named_without_a_story_type():
    said = _warned("I've never been put in a position where my values were tested", None)
    assert "SB781" in said
    assert "mistake" not in said["SB781"] and "nothing to tell" in said["SB781"]


def test_a_denial_is_no_evidence_of_what_it_denies():
    text = "I never made a mistake that mattered. The team was great."
    assert without_dodges(text) == "The team was great."
    assert without_dodges("I shipped it. It broke.") == "I shipped it. It broke."


def _failure(action: str) -> list[str]:
    story = Story(title="t", questions=["failure"], situation="At a clinic in 2022.", action=action,
                  outcome="Nothing else happened.", reflection="That is all.")
    return [f.code for f in analyze(story, builtin_catalog(), Settings(), "t").findings]


def test_the_self_cause_check_follows_what_was_done_not_fixed_phrases():
    # "I ran ... without ..." owns the cause, so no missing-evidence finding for it
    assert "SB790" not in _failure("I ran a database change directly on production without a backup.")
    # a dodge owns nothing: it is flagged, and the cause is still missing
    codes = _failure("I never made a real mistake there, I can't think of one.")
    assert "SB781" in codes and "SB790" in codes


# --- scores that measure the dimension, not the length --------------------------------------

def _scores(action: str, qtype: str = "disagreement") -> dict[str, int]:
    story = Story(title="t", questions=[qtype], situation="At work last year.", action=action,
                  outcome="It was settled.", reflection="I learned from it.")
    return analyze(story, builtin_catalog(), Settings(), "t").score_values()


@pytest.mark.parametrize(("dimension", "higher", "lower"), [
    # Ownership falls when the answer blames.
    ("ownership",
     "My manager wanted the release on Friday. I showed her the failing load test and we agreed to "
     "ship on Monday after I fixed the connection pool, which I did that weekend.",
     "My manager wanted the release on Friday. She never listened and was being unreasonable, so it "
     "was her fault the release slipped to Monday after the pool broke."),
    # Specificity credits names, places and dates, not only digits.
    ("specificity",
     "Last March, on the cardiology ward at St Mary's, Dr Okafor and I disagreed about restarting "
     "warfarin. I brought the CHA2DS2-VASc score and the bleeding history to the Friday meeting and "
     "the consultant chose to wait.",
     "I worked with a colleague on a hard case and we sorted it out together after some back and "
     "forth. It went well in the end and everyone was fine with the result."),
    # Depth credits the means in any field.
    ("technical_depth",
     "I disagreed with the other teacher about the reading groups. First, I tested each child with a "
     "running record, so we grouped by reading age rather than by class list. Then we checked "
     "progress by comparing the spring and summer records.",
     "I disagreed with the other teacher about the reading groups. We talked about it and agreed in "
     "the end. The groups worked out and the students were happy with them."),
])
def test_a_score_measures_its_dimension_not_the_length(dimension, higher, lower):
    assert _scores(higher)[dimension] > _scores(lower)[dimension]


def test_every_dodge_phrase_passes_the_quick_filter():
    from storybank.analysis.lexicon import _lexicon_data
    from storybank.analysis.signals import DODGE_KEYS

    data = _lexicon_data()
    for name in ("dodge_memory", "dodge_denials", "dodge_alone", "dodge_negations"):
        for phrase in data[name]:
            assert any(key in phrase + " " for key in DODGE_KEYS), (name, phrase)


def test_zero_of_something_is_a_measured_result():
    from storybank.analysis.signals import spelled_numbers

    assert spelled_numbers("Used gh-ost, coordinated with SRE, zero downtime.") == ["zero downtime"]
    assert spelled_numbers("It was a zero-sum game, so we had to zero in on one fix.") == []


def test_an_answer_to_no_known_type_is_not_asked_for_technical_depth():
    from storybank.answers.judge import judge_answer

    said = ("After six years as a systems analyst I have skills in business modelling, process "
            "re-engineering and software evaluation, and these are the skills you are seeking. "
            "Would you like to hear about specific examples of my work?")
    free = judge_answer(said, builtin_catalog(), Settings(), question=None)
    assert "SB403" not in {f.code for f in free.findings}
    # near miss: a story file with no question type yet is still being written, and is asked
    from storybank.analysis.context import StoryContext

    draft = Story(title="Skills", questions=[], action=said)
    assert StoryContext.build(draft, "skills", builtin_catalog(), Settings()).technical
    spoken = Story(title="", questions=[], action=said)
    assert not StoryContext.build(spoken, "", builtin_catalog(), Settings()).technical
