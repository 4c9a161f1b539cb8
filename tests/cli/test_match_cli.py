"""`storybank match` as a user runs it (README "The JSON"): a match with its stories, two close candidates
shown together, "not sure" with the nearest under the line, and "no match" for a wording that is
none of the types or probes."""

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


def test_unsure_names_the_nearest_and_its_stories_but_never_claims_it(cli):
    # A general question of a type (holdout2, spent) scored under the match line. (Round 16's
    # model, trained on holdout12 too, claims round 15's example there, a dispute with a coworker.)
    question = ("During your shift, control instructs you to do something that you believe is unsafe. "
                "What do you do?")
    text = cli("--bank", _bank(), "match", question)
    assert text.code == 0, text
    assert text.out.startswith("Not sure: the nearest is disagreement ")
    assert "It may be none of the 8 question types or 4 probes." in text.out
    assert "If it asks for a story, tell your disagreement story; if not, answer it briefly." in text.out
    assert "Best stories for disagreement:" in text.out and "No match" not in text.out
    data = cli("--bank", _bank(), "match", question, "--format", "json").json()
    assert data["verdict"] == "unsure" and data["match"]["id"] == "disagreement"
    assert data["match"]["score"] < 60 and data["stories"]
    # Only candidates worth naming (5 % or more) are listed, as in the text.
    assert all(5 <= a["score"] <= data["match"]["score"] for a in data["alternatives"])


def test_unsure_on_a_wording_that_reads_as_a_common_question_says_what_it_reads_as(cli):
    # Told unsure, with the common question it resembles (holdout6, spent; its collector called it
    # a technical probe). (Round 18's model answers round 15's example, "How would you improve our
    # product?" from holdout5, "no match".)
    question = "What metrics would you monitor post-implementation?"
    text = cli("--bank", _bank(), "match", question)
    assert text.out.startswith("Not sure:")
    assert "It also reads as a knowledge or design question, not a story." in text.out
    # Its advice is what to do if it asks for no story, not a second instruction beside the first.
    assert "; if not: " in text.out
    data = cli("--bank", _bank(), "match", question, "--format", "json").json()
    assert data["verdict"] == "unsure" and "knowledge" in data["resembles"]
