"""Round 6 of issue 22: spoken answers warned for the pitfall their source names, and praised
answers left alone, each rule with a firing answer and a near miss from the spent corpus splits
(round6_answers.toml)."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from storybank.analysis.evidence import _time_blocks, brought_evidence
from storybank.analysis.signals import circumstance_blame, own_history_acts
from storybank.catalog import builtin_catalog
from storybank.settings import Settings

CASES = tomllib.loads(Path(__file__).with_name("round6_answers.toml").read_text("utf-8"))
# Round 7's answers (a strength told as the failure, blame for work others did not do, no one
# acting, an answer that restarts, ...) are checked the same way.
# Round 8's (a dodge, blame and no personal part said by grammar, praised answers left alone)
# follow them, and round 9's (praised answers left alone, the bad ones beside them still warned).
ANSWERS = CASES["answer"] + [
    case for name in ("round7_answers.toml", "round8_answers.toml", "round9_answers.toml",
                 "round10_answers.toml", "round11_answers.toml", "round12_answers.toml",
                 "round13_answers.toml", "round14_answers.toml", "round15_answers.toml",
                 "round18_answers.toml", "round20_answers.toml")
    for case in tomllib.loads(Path(__file__).with_name(name).read_text("utf-8"))["answer"]]

SIGNALS: dict[str, Callable[[str], bool]] = {
    "own_history": lambda text: len(own_history_acts(text)) >= 2,
    "brought_evidence": lambda text: brought_evidence(text) is not None,
    "circumstance_blame": lambda text: circumstance_blame(text) is not None,
    "time_blocks": lambda text: _time_blocks(None, text),  # type: ignore[arg-type]
}


def _warned(text: str, qtype: str | None) -> set[str]:
    from storybank.answers.judge import judge_answer

    report = judge_answer(text, builtin_catalog(), Settings(), question=qtype)
    return {f.code for f in report.findings if str(f.severity) in ("warning", "error")}


@pytest.mark.parametrize(("source", "text", "qtype", "codes", "fires"), [
    pytest.param(a["source"], a["text"], a.get("question"), set(a["codes"]), a["fires"],
                 id=f"{a['source'].split()[0]}-{'fires' if a['fires'] else 'near-miss'}")
    for a in ANSWERS])
def test_a_spoken_answer_is_warned_for_its_pitfall_and_not_for_its_near_miss(source, text, qtype,
                                                                           codes, fires):
    assert bool(codes & _warned(text, qtype)) is fires, source


@pytest.mark.parametrize(("signal", "text", "fires"), [
    (name, text, fires) for name, table in CASES["signals"].items()
    for key, fires in (("fires", True), ("near_miss", False)) for text in table[key]])
def test_a_signal_hears_its_pattern_and_leaves_its_near_miss(signal, text, fires):
    assert SIGNALS[signal](text) is fires


def _spoken_score(text: str, qtype: str, dimension: str):
    from storybank.answers.judge import judge_answer

    return judge_answer(text, builtin_catalog(), Settings(), question=qtype).scores[dimension]


# (dimension, what its reasons must say for the first answer, the answer the dimension credits,
# the same length without it): a score measures its dimension, not the length.
SAME_LENGTH = [
    # holdout3#30 (praised: let the team down, told the professor, made it up to them) against
    # general claims about oneself
    ("specificity", "3 acts told",
     "One thing I did while I was working on a project in college was let down my team. I "
     "explained to the professor it was my fault and asked for an extension. Then I made it "
     "up to my teammates by working all weekend to finish the project. It taught me how to "
     "manage my time and not leave things until the last minute.",
     "One thing I know about myself is that I can let down a team when I am busy. I am "
     "honest about my faults and I think asking for help is good. I always try to make it "
     "up to people by working hard to finish. It is a lesson about how to manage time and "
     "not leave things until the last minute."),
    # holdout3#7 (praised, management): the act and what it was for, against the act bare
    ("technical_depth", "1 purpose or piece of evidence",
     "In my previous role, I managed a team with a new employee. My team and I made the "
     "mistake of assuming the new employee would know how to work around our existing "
     "process. After some time, I realized he was slightly confused. I called the team "
     "together in order to explain how we work and his specific role on this project.",
     "In my previous role, I managed a team with a new employee. My team and I made the "
     "mistake of assuming the new employee would know how to work around our existing "
     "process. After some time, I realized he was slightly confused. I called the team "
     "together one afternoon and then we all went back to the work on this project."),
]


@pytest.mark.parametrize(("dimension", "says", "higher", "lower"), SAME_LENGTH,
                         ids=[row[0] for row in SAME_LENGTH])
def test_a_score_credits_its_dimension_at_the_same_length(dimension, says, higher, lower):
    assert abs(len(higher.split()) - len(lower.split())) <= 3
    credited = _spoken_score(higher, "failure", dimension)
    assert credited.value > _spoken_score(lower, "failure", dimension).value
    assert any(says in reason for reason in credited.reasons)
