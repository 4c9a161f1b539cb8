"""Round 17 of issue 22: "none" wordings the families claimed as a type or probe. Four cues were
too broad (RESULTS.md, "Round 17 (matcher)"): a problem the candidate caught before it grew, and
an error the candidate found, read as a failure; conflicting data or requirements read as a
disagreement; a "how do you ..." or "what are the ..." question about trade-offs read as the
alternatives probe. Each is narrowed; the wordings the cue was written for still fire it."""

from __future__ import annotations

import pytest

from storybank.analysis.matching import recognise
from storybank.catalog import builtin_catalog
from tests.helpers import family_cues as _family_cues

# (a "none" wording from a spent set, the label its family cue used to claim) — the cue is silent
# now, and the shipped matcher does not claim the wording as that label.
NARROWED = [
    ("Tell me about a time you caught an error before it became a bigger problem", "failure"),
    ("Tell me about a time you identified a safety hazard before it caused an incident.",
     "failure"),
    ("Tell me about a time you prevented a serious medication error.", "failure"),
    ("Tell me about a time you found an error in financial records. How did you handle it?",
     "failure"),
    ("Can you describe a time when you identified a significant error during an audit?", "failure"),
    ("How do you handle conflicting data during an audit?", "disagreement"),
    ("Describe a situation where two stakeholders had conflicting requirements.", "disagreement"),
    ("How do you communicate tradeoffs?", "alternatives"),
    ("What are the trade-offs between native, React Native, and Flutter development?",
     "alternatives"),
    ("How do you facilitate system design decisions within your team when there are competing "
     "approaches?", "alternatives"),
]

# (a wording the same cue was written for, its label) — still fired and still matched.
KEPT = [
    ("Tell me about a time you made a mistake at work.", "failure"),
    ("Tell me about an incident you caused in production.", "failure"),
    ("Tell me about a significant error you made at work.", "failure"),
    ("Describe a time when production caught a bug your testing missed — what did you change?",
     "failure"),
    ("Can you tell me about a situation where you and a colleague had conflicting views on a "
     "technical decision?", "disagreement"),
    ("Tell me about a conflict with a coworker.", "disagreement"),
    ("What trade-offs did you consider?", "alternatives"),
    ("Why this method over alternatives? What trade-offs did you consider?", "alternatives"),
    ("Were there competing approaches on the table?", "alternatives"),
]


@pytest.mark.parametrize(("wording", "label"), NARROWED)
def test_a_narrowed_cue_no_longer_claims_a_none_wording(wording: str, label: str) -> None:
    assert _family_cues(wording)[label] == 0
    found = recognise(wording, builtin_catalog())
    assert not (found.verdict == "match" and found.best.id == label), (found.verdict, found.best)


@pytest.mark.parametrize(("wording", "label"), KEPT)
def test_the_cue_still_fires_on_what_it_was_written_for(wording: str, label: str) -> None:
    assert _family_cues(wording)[label] >= 1
    found = recognise(wording, builtin_catalog())
    assert found.verdict == "match" and found.best.id == label, (found.verdict, found.best)
