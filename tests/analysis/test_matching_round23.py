"""Round 23 of issue 22: a schedule cue narrowed on a spent set's confident wrong answer.

- schedule: a night shift someone else turns up for is a scene, not the candidate's own hours
  ("What would you do if a colleague arrived for a night shift smelling of alcohol?", holdout22,
  labelled none, read schedule at 56.9 after round 22). The candidate's own night shifts still
  are schedule.
"""

from __future__ import annotations

import pytest

from storybank.analysis.matching import Matcher, recognise
from storybank.catalog import builtin_catalog


def _family_cues(wording: str) -> dict[str, int]:
    families = Matcher(builtin_catalog(), model=None)
    return {entry.id: ev.cues for entry, ev in families.evidence(wording)}


def test_someone_elses_night_shift_is_not_the_candidates_schedule() -> None:
    wording = "What would you do if a colleague arrived for a night shift smelling of alcohol?"
    assert _family_cues(wording)["schedule"] == 0
    found = recognise(wording, builtin_catalog())
    assert found.verdict == "none" or found.best.id != "schedule", (found.verdict, found.best)


@pytest.mark.parametrize("wording", [
    "Are you able to work night shifts?",
    "Can you do night shifts and weekends?",
    "How do you stay alert on a night shift?",
])
def test_the_candidates_own_night_shifts_are_still_schedule(wording: str) -> None:
    assert _family_cues(wording)["schedule"] >= 1
    found = recognise(wording, builtin_catalog())
    assert found.verdict != "none" and found.best.id == "schedule", (found.verdict, found.best)
