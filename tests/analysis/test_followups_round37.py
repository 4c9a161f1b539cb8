"""Round 37 (issue 22), from the spent sets' blind judges (holdout18-36), each family with a firing
case and a near miss.

1. "I'm flexible" with no days or hours (SB761), even when it lists times of day ("evenings,
   weekends, early mornings, whatever works"), is asked which days and hours concretely before
   anything is asked about "that week", which it never described (holdout23-36: no/no, "'that
   week' has no referent"). A week told with its days and hours keeps its own wording.
2. Someone else's thing ("their supplier") and a phrase pointing back ("the same samples") are no
   decision of the speaker's to quote back: cases in test_followups_round35.py's table of quotes.
"""

from __future__ import annotations

from tests.helpers import spoken_prompts

FLEXIBLE = (
    "Oh, I'm really flexible, so that won't be a problem at all. I can basically fit it in whenever. I'd "
    "just slot it in wherever there's a gap, evenings, weekends, early mornings, whatever works. I don't "
    "really like planning my week too rigidly because things change, so hours-wise, as many as you need.")
WEEK = (
    "So my weekdays are mostly in the lab, nine to six, Monday to Friday. The tutoring would go Monday, "
    "Wednesday and Thursday evenings, seven till half nine, plus Saturday morning, nine till one, so about "
    "eleven hours a week. In the three weeks before a conference deadline I'd drop to six hours, and I'd "
    "tell you two weeks ahead.")


def test_flexible_with_no_days_or_hours_is_asked_for_them_first():
    technical = spoken_prompts(FLEXIBLE, "schedule")["technical"]
    assert technical == "Which days and hours, concretely, could you give this work in a normal week?"


def test_a_week_told_keeps_its_own_wording():
    # Near miss: the days and hours are said.
    technical = spoken_prompts(WEEK, "schedule")["technical"]
    assert technical == "Which part of that week is hardest to keep, and what usually gets in the way?"
