"""One recital verdict, with a margin, wherever the answer is heard (issue 18 item 6), and the
story told recognised from every fixture's transcript.

The same audio gives the same verdict in `rehearse`, in the drill's check and on the mock
interview's report card, because all three call `storybank.answers.recital`. The committed
recital and the two candid retellings (one of them keeping every number and name of the story)
sit far from the threshold on either side."""

from __future__ import annotations

import pytest

from storybank import drill, interview
from storybank.answers.recital import RECITED_SHARE

from .conftest import STORY

pytestmark = pytest.mark.slow

MARGIN = 0.2
VERDICTS = {"recited": True, "candid": False, "candid_facts": False}


@pytest.fixture(scope="module")
def written(bank):
    from storybank.bank import Bank

    return next(sf for sf in Bank.open(bank).stories if sf.id == STORY).story.answer_text()


@pytest.mark.parametrize("name", list(VERDICTS))
def test_one_verdict_with_a_margin_in_rehearse_the_drill_and_the_interview(heard, written, name):
    from storybank.practice import PracticeRecord
    from storybank.speech.report import SpokenReport

    report = heard(name)
    share, recited = report["recital"]["share"], report["recital"]["recited"]
    assert recited is VERDICTS[name]
    assert report["memorised"] == {"overlap": share, "memorised": recited}   # the SPEC's fields
    if recited:
        assert share >= RECITED_SHARE + MARGIN
    else:
        assert share <= RECITED_SHARE - MARGIN
    check = drill.check_memorised(report["transcript"], written)
    assert check.memorised is recited and check.similarity == pytest.approx(share, abs=0.01)
    record = PracticeRecord(ts=1_700_000_000, question="performance", story=STORY,
                            answer_seconds=report["span_seconds"],
                            spoken=SpokenReport.from_json(report))
    row = interview.report_card([record], planned=1).rows[0]
    assert row.recital is not None and row.recital.recited is recited
    assert any(f.code == "recited" for f in interview.report_card([record], planned=1).fixes) is recited


@pytest.mark.parametrize("name", ["pauses", "recited", "candid", "candid_facts"])
def test_the_story_told_is_recognised_from_every_telling(heard, bank, name):
    from storybank.answers.judge import bank_stories, judge_answer
    from storybank.bank import Bank
    from storybank.catalog import builtin_catalog

    opened = Bank.open(bank)
    judged = judge_answer(heard(name)["transcript"], builtin_catalog(), opened.settings,
                          bank_stories(opened.stories))
    assert judged.story is not None and judged.story.id == STORY, judged.story


def test_an_answer_about_something_else_is_off_bank(heard, bank):
    from storybank.answers.judge import bank_stories, judge_answer
    from storybank.bank import Bank
    from storybank.catalog import builtin_catalog

    opened = Bank.open(bank)
    judged = judge_answer(heard("fillers")["transcript"], builtin_catalog(), opened.settings,
                          bank_stories(opened.stories))
    assert judged.story is None and judged.cues is None
