"""Round 9 of issue 22: the grammar of what a spoken answer says in its own words
(analysis.in_part), and the missing evidence it lowers to a note. round9_answers.toml holds the
corpus answers each rule must leave alone and the bad ones beside them (run by
test_answers_round6.py)."""

from __future__ import annotations

import pytest

from storybank.analysis.boasts import success_as_failure
from storybank.analysis.in_part import (
    cause_told,
    change_told,
    fair_to_the_other_side,
    told_what_was_said,
)
from storybank.analysis.signals import dodge
from storybank.catalog import builtin_catalog
from storybank.settings import Settings

SIGNALS = {"told": told_what_was_said, "change": change_told, "cause": cause_told,
           "fair": fair_to_the_other_side, "dodge": dodge, "success": success_as_failure}

# (signal, text, fires): each grammar with what it hears and the near misses it leaves alone.
CASES = [
    ("told", "Calmly and tactfully, I told the scheduler that I didn't appreciate it.", True),
    ("told", "I got together with this person and explained how those actions hurt everyone.", True),
    ("told", "I went in and convinced him about what needed to be changed.", True),
    ("told", "I decided to have a conversation with them to talk it through.", False),
    ("told", "She told me that she was a single mom.", False),  # the other person speaking
    ("change", "Within a few weeks, our error rate dropped noticeably.", True),
    ("change", "After implementation, turnaround time dropped significantly.", True),
    ("change", "I improved the process or people liked it.", False),  # the speaker's act
    ("change", "The bill was going up every month.", False),  # no measured thing, no change verb
    ("cause", "A race condition in our checkout flow caused 0.3% of orders to be charged twice.", True),
    ("cause", "Root cause analysis revealed insufficient null checks.", True),
    ("cause", "We figured out the root cause together.", False),  # the team found it; none told
    ("cause", "I caused the outage when I skipped the backup.", False),  # the speaker's own part
    ("fair", "My supervisor was difficult, but I made the mistake of being too argumentative.", True),
    ("fair", "I asked her if there was anything going on in her life.", True),
    ("fair", "My supervisor was difficult and never listened to anyone.", False),
    ("dodge", "I never made that mistake again.", False),  # a lesson, not a denial
    ("dodge", "I don't have problems with people, but a few years ago a co-worker took credit.", False),
    ("dodge", "I don't have problems with people, but I always stay calm.", True),
    ("dodge", "I've never made a mistake at work.", True),
    ("success", "I once set a goal too ambitious and slightly exceeded it", True),
    ("success", "We beat the target, but the rushed release broke checkout.", False),  # it cost
    ("success", "I beat myself up about it for weeks.", False),  # no goal beaten
]


@pytest.mark.parametrize(("signal", "text", "fires"), CASES)
def test_a_grammar_hears_its_pattern_and_leaves_its_near_miss(signal, text, fires):
    assert (SIGNALS[signal](text) is not None) is fires


def _sb790(text: str, qtype: str):
    from storybank.answers.judge import judge_answer

    report = judge_answer(text, builtin_catalog(), Settings(), question=qtype)
    return [f for f in report.findings if f.code == "SB790"]


def test_a_change_told_without_its_figure_is_a_note_that_asks_for_the_figure():
    found = _sb790("Our verification queue backed up every afternoon. I analyzed the workflow and "
                   "shifted data-entry coverage to peak hours. Wait times dropped noticeably.",
                   "performance")
    assert [str(f.severity) for f in found] == ["info"]
    assert "by how much" in found[0].message


def test_a_change_claimed_by_the_speaker_alone_is_still_a_warning():
    found = [f for f in _sb790("I streamlined the process and made everything better for the team.",
                               "performance") if "before and after" in f.message]
    assert [str(f.severity) for f in found] == ["warning"]
    assert "does not show it yet" in found[0].message


def test_a_bare_claim_is_asked_for_one_time_it_happened_and_a_short_particular_answer_is_not():
    bare = _sb790("I took an online course.", "learning")
    assert any("one time it happened" in f.message and str(f.severity) == "warning" for f in bare)
    particular = _sb790("In Q3 2023, I led our database migration from MySQL to PostgreSQL.", "project")
    assert not any("one time it happened" in f.message for f in particular)


def test_an_incident_with_its_cause_told_is_asked_for_the_speakers_part_in_a_note():
    found = _sb790("A race condition in our checkout flow caused 0.3% of orders to be charged twice "
                   "when users double-clicked submit. It surfaced over a long weekend and triggered "
                   "£45k in refunds.", "failure")
    assert [str(f.severity) for f in found] == ["info"]
    assert "your own part" in found[0].message
