"""Round 6 of issue 22: families for the ways the spent real-language sets ask a type or probe
that round 5 left under the "no match" line, each with a near miss that must stay what it is."""

from __future__ import annotations

import pytest

from storybank.analysis.matching import decide, mix, recognise
from storybank.analysis.types import MatchCandidate
from storybank.catalog import builtin_catalog

# (wording from a spent set, its type or probe), then a near miss and what it must not become.
FAMILIES = [
    # failure: a plan that did not go the planned way (holdout5) / a project planned end to end.
    ("Tell me about a professional experience (project, meeting, event) that did not go the way "
     "you planned. How did you handle it?", "failure",
     "Tell me about a project you planned from start to finish.", "failure"),
    # disagreement: a leader's decision challenged (holdout5) / a manager's decision carried out.
    ("Can you describe a situation where you had to challenge a leader's decision and how you "
     "navigated the situation?", "disagreement",
     "Tell me about a decision your manager made that you helped carry out.", "disagreement"),
    # learning: skills recently developed (holdout4) / skills one would like to improve (holdout5, none).
    ("What new competencies or skills have you recently developed?", "learning",
     "What skills would you like to improve?", "learning"),
    # motivation: why this employer's kind of place (holdout4) / why one left it.
    ("Why this airline?", "motivation",
     "Why did you leave your last airline?", "motivation"),
    # rubric: keeping to a policy one disliked (holdout3) / enforcing one.
    ("Tell me about a time you had to adhere to a policy you didn't like.", "rubric",
     "How do you make sure your team follows a new policy?", "rubric"),
    # schedule: the shift one prefers (holdout4) / a shift that went badly.
    ("What is your preferred shift?", "schedule",
     "Tell me about a shift that went badly.", "schedule"),
    # performance: an underperforming team turned around (holdout5) / an underperforming employee.
    ("Tell me about a time you turned around a customer service team that was underperforming.",
     "performance", "How would you handle an employee who is underperforming?", "performance"),
    # technical probe in a field's words / the field's side as what one enjoys about the work.
    ("Walk me through the clinical side of that.", "technical",
     "What do you enjoy about the clinical side of nursing?", "technical"),
]


@pytest.mark.parametrize(("said", "kind", "near", "not_kind"), FAMILIES)
def test_a_family_reads_its_wording_and_not_its_near_miss(said, kind, near, not_kind):
    catalog = builtin_catalog()
    found = recognise(said, catalog)
    assert found.verdict != "none" and found.best.id == kind
    missed = recognise(near, catalog)
    assert missed.verdict in {"none", "unsure"} or missed.best.id != not_kind  # not claimed


@pytest.mark.parametrize(("said", "probe"), [
    ("How did you measure that?", "technical"),
    ("What would you change?", "differently"),
    ("What else did you consider?", "alternatives"),
    ("Walk me through the technical side.", "technical"),
    ("Who did you work with?", "collaborators"),
    ("Who did you work with on the ward?", "collaborators"),
    ("What did you weigh up before filing?", "alternatives"),
])
def test_the_four_probes_in_plain_and_field_words(said, probe):
    found = recognise(said, builtin_catalog())
    assert found.verdict != "none" and found.best.id == probe


@pytest.mark.parametrize("said", ["What did YOU do?", "What was the result?", "What happened next?"])
def test_probes_that_are_none_of_the_four_stay_no_match(said):
    assert recognise(said, builtin_catalog()).verdict == "none"


def test_the_model_holds_its_share_per_kind_and_alone_all_of_it():
    kinds = {"failure": "question", "technical": "probe"}
    family = {"failure": 0.8, "technical": 0.1}
    learned = {"failure": 0.2, "technical": 0.6, "none": 0.2}
    shares = mix(kinds, family, learned, {"question": 0.5, "probe": 0.25})
    assert shares == pytest.approx({"failure": 0.5, "technical": 0.225})
    assert mix(kinds, None, learned, {"question": 0.5, "probe": 0.25}) == {"failure": 0.2, "technical": 0.6}
    assert mix(kinds, family, None, {"question": 0.5, "probe": 0.25}) == family


def test_the_verdict_lines():
    LINE = {"question": 60.0, "probe": 60.0}
    def ranked(*scores):
        return [MatchCandidate("question", f"t{i}", s) for i, s in enumerate(scores)]
    assert decide(ranked(70, 10), 0.2, LINE, 30) == "match"
    assert decide(ranked(59, 10), 0.2, LINE, 30) == "none"        # under the line
    assert decide(ranked(62, 5), 0.63, LINE, 30) == "none"        # "none of these" holds more
    assert decide(ranked(70, 45), 0.0, LINE, 30) == "close"       # runner-up within the margin
    assert decide(ranked(70, 25), 0.0, LINE, 30) == "match"       # runner-up under half the line
    assert decide(ranked(50, 40), 0.1, LINE, 30) == "close"       # split between two, not missing
    assert decide(ranked(50, 15), 0.35, LINE, 30) == "none"       # one under the line, far ahead
