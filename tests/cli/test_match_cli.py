"""`storybank match` as a user runs it (README "The JSON"): a match with its stories, two close candidates
shown together, and "no match" for a wording that is none of the types or probes."""

from __future__ import annotations

import pytest

from tests.helpers import EXAMPLES

pytestmark = pytest.mark.slow


def _bank() -> str:
    return str(EXAMPLES)


def test_a_match_names_the_type_and_ranks_stories(cli):
    result = cli("--bank", _bank(), "match", "Tell me about a time you disagreed with your boss")
    assert result.code == 0, result
    first = result.out.splitlines()[0]
    assert first.startswith("question disagreement") and "%" in first
    assert "Best stories for disagreement:" in result.out


def test_no_match_says_so_and_ranks_no_story(cli):
    text = cli("--bank", _bank(), "match", "Tell me about yourself")
    assert text.code == 0, text
    assert text.out.startswith("No match: this is none of the 8 question types or 4 probes")
    assert "tell me about yourself" in text.out.lower() and "Best stories" not in text.out
    data = cli("--bank", _bank(), "match", "Tell me about yourself", "--format", "json").json()
    assert data["verdict"] == "none" and data["stories"] == []
    assert data["match"]["score"] < 50 and set(data["match"]) == {"kind", "id", "score"}
    assert "yourself" in data["resembles"]


def test_close_candidates_are_both_shown(cli):
    question = "Tell me about a conflict with a colleague or with a company policy"
    text = cli("--bank", _bank(), "match", question)
    assert text.out.startswith("Two close candidates")
    assert "question disagreement" in text.out and "question rubric" in text.out
    data = cli("--bank", _bank(), "match", question, "--format", "json").json()
    assert data["verdict"] == "close"
    assert {data["match"]["id"], data["alternatives"][0]["id"]} == {"disagreement", "rubric"}
    assert all(a["score"] <= data["match"]["score"] for a in data["alternatives"])
