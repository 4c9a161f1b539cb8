"""Round 7 of issue 22: spoken answers warned for the pitfall their source names (a strength told
as the failure, a humblebrag, blame for work others did not do, an escape or money as the motive,
no one acting, an answer that restarts), and the near misses each rule must leave alone
(round7_answers.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from storybank.analysis.boasts import humblebrag, strength_as_failure
from storybank.analysis.evidence import _RELATIVE_CHANGE
from storybank.catalog import builtin_catalog
from storybank.settings import Settings

CASES = tomllib.loads(Path(__file__).with_name("round7_answers.toml").read_text("utf-8"))


def _warned(text: str, qtype: str | None) -> set[str]:
    from storybank.answers.judge import judge_answer

    report = judge_answer(text, builtin_catalog(), Settings(), question=qtype)
    return {f.code for f in report.findings if str(f.severity) in ("warning", "error")}


@pytest.mark.parametrize(("source", "text", "qtype", "codes", "fires"), [
    pytest.param(a["source"], a["text"], a.get("question"), set(a["codes"]), a["fires"],
                 id=f"{a['source'].split()[0]}-{'fires' if a['fires'] else 'near-miss'}")
    for a in CASES["answer"]])
def test_a_spoken_answer_is_warned_for_its_pitfall_and_not_for_its_near_miss(source, text, qtype,
                                                                           codes, fires):
    assert bool(codes & _warned(text, qtype)) is fires, source


@pytest.mark.parametrize(("text", "said"), [
    ("I work too hard.", "work too hard"),
    ("I cared so much about the outcome that I took on too much.", "cared so much"),
    ("I pulled all-nighters for a month before the launch.", "all-nighter"),
    ("The team worked too hard on the wrong thing.", None),      # not the speaker's own virtue
    ("I tried so many approaches before I found the leak.", None),  # a count, not an excess
    ("I gave too much weight to one reviewer.", None),            # the excess measures a thing
])
def test_a_strength_told_as_the_failure_is_read_as_grammar(text, said):
    found = strength_as_failure(text)
    assert (found is not None and said in found) if said else found is None


def test_a_humblebrag_needs_both_the_boast_and_the_modesty():
    assert humblebrag("Honestly, I single-handedly rebuilt it.") == "single-handedly"
    assert humblebrag("I single-handedly rebuilt the export in two weeks.") is None
    assert humblebrag("Honestly, it took the three of us a month.") is None


@pytest.mark.parametrize(("text", "measured"), [
    ("turnaround time reduced by about 35%", True),
    ("The weekly system reduced errors by 42% within three months", True),
    ("We measured a 60% performance improvement.", True),
    ("cut the queue in half", True),
    ("three times faster", True),
    ("more than 50% of users", False),     # a share, not a change
    ("I spent 40% of my time on it", False),
    ("grew the team to 12", False),
])
def test_a_change_measured_against_its_own_before_is_a_before_and_after(text, measured):
    assert bool(_RELATIVE_CHANGE.search(text)) is measured
