"""The report crosses to the screen and to scripts as a typed record: JSON there and back."""

from __future__ import annotations

import json

from storybank.postings.check import check
from storybank.postings.report import PostingReport
from storybank.postings.store import Link
from tests.postings.conftest import bank_of, story

POSTING = "# Nurse\n\n## Requirements\n\n- Titrating vasoactive infusions\n- Active RN license\n- Spanish\n"


def test_json_round_trip_keeps_every_field():
    stories = bank_of(drip=story(action="I titrated vasoactive infusions on nights."),
                      why=story("Why", ("motivation",), action="I want flexible income."))
    report = check(POSTING, stories, links=[Link("Spanish", "drip", "rejected")])
    data = json.loads(json.dumps(report.to_json()))
    assert PostingReport.from_json(data) == report
    assert data["posting"]["requirements"] == 2
    assert data["credentials"] == [{"text": "Active RN license", "kind": "licence", "section": "Requirements"}]
    assert data["motivation"]["verdict"] == "generic"
    assert data["requirements"][1]["rejected"] == ["drip"]
