"""Round 18 of issue 22 (RESULTS.md, "Round 18 (matcher)"): two family cues narrowed, and the
probes given half the learned model's say.

- A schedule that is a work product or a constraint of the work (a production or construction
  schedule, "impact to schedule and budget", stakeholders who changed schedules) is not the
  candidate's own time: the schedule cues no longer fire on it.
- Two other people at odds, whom the candidate settles, are none of the types by the corpus
  README's rule: "two team members", "two of your ..." with a conflict word is the common
  "challenge" question, and the disagreement cue on "disagree" no longer fires on it.
"""

from __future__ import annotations

import pytest

from storybank.analysis.matching import MODEL_SHARE, recognise
from storybank.catalog import builtin_catalog
from tests.helpers import family_cues as _family_cues

# (words of a spent set's wording, the label its family cue used to claim): the cue is silent now
# and the shipped matcher does not claim the wording as that label.
NARROWED = [
    # holdout16, none
    ("How do you keep a production schedule on track when demand changes unexpectedly or a key "
     "machine goes down?", "schedule"),
    # holdout3, none
    ("Tell me about a situation where stakeholders changed schedules last minute.", "schedule"),
    # holdout17, project
    ("Describe a project where unexpected site conditions changed your design approach. How did "
     "you resolve it with minimum impact to schedule and budget?", "schedule"),
    # holdout16, none
    ("Two team members have a disagreement that's affecting the team. How do you handle it?",
     "disagreement"),
]

# (a spent set's wording the same cue was written for, its label): still fired and still matched.
KEPT = [
    ("How flexible is your schedule?", "schedule"),  # holdout5
    ("Are you comfortable with shift work and a changing schedule?", "schedule"),  # holdout4
    ("How do you schedule your day?", "schedule"),  # holdout16
    ("What kind of schedule do you want?", "schedule"),  # holdout5
    ("Has a disagreement ever come up between you and a supervisor about a safety matter? How did "
     "you handle it?", "disagreement"),  # holdout15
]


@pytest.mark.parametrize(("wording", "label"), NARROWED)
def test_a_narrowed_cue_no_longer_claims_the_wording(wording: str, label: str) -> None:
    assert _family_cues(wording)[label] == 0
    found = recognise(wording, builtin_catalog())
    assert not (found.verdict == "match" and found.best.id == label), (found.verdict, found.best)


@pytest.mark.parametrize(("wording", "label"), KEPT)
def test_the_cue_still_fires_on_what_it_was_written_for(wording: str, label: str) -> None:
    assert _family_cues(wording)[label] >= 1
    found = recognise(wording, builtin_catalog())
    assert found.verdict == "match" and found.best.id == label, (found.verdict, found.best)


def test_two_others_at_odds_read_as_the_common_challenge_question_oneself_at_odds_does_not() -> None:
    # holdout16 (none): two others at odds, the candidate settling it.
    assert _family_cues("Two team members have a disagreement that's affecting the team.")["challenge"] == 1
    # Near misses: the candidate one of the two sides (holdout15, disagreement), or at odds with
    # two colleagues at once.
    assert _family_cues("Has a disagreement ever come up between you and a supervisor?")["challenge"] == 0
    cues = _family_cues("Tell me about a time you had a conflict with two of your colleagues at once.")
    assert cues["challenge"] == 0 and cues["disagreement"] >= 1


def test_the_probes_hold_half_the_models_say() -> None:
    # Round 18: 0.3 -> 0.5, chosen by leaving one of the eighteen spent sets out
    # (train_wording_model.py --shares); the types keep 0.6.
    assert MODEL_SHARE == {"question": 0.6, "probe": 0.5}
    # Probes the families barely hear and the model reads (holdout17, spent): with the probes at
    # 0.3 the shipped model scores them 29, "no match"; at half, unsure and named.
    for said, probe in (("How did the attending react when you raised it?", "collaborators"),
                        ("Mechanically, how did your retry logic decide when to give up?", "technical")):
        found = recognise(said, builtin_catalog())
        assert found.verdict in {"match", "unsure"} and found.best.id == probe, found.best
    # Near miss: a "none" wording the families hear as a common question stays "no match".
    assert recognise("What is your greatest weakness?", builtin_catalog()).verdict == "none"
