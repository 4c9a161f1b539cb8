"""Round 38 (issue 22), from the spent sets' blind judges (holdout18-37), each family with a firing
case and a near miss.

1. A quote drops a leading "just" or "only" ("Clumsy quote 'just the parser'"), how long said after
   the thing ("habit for good", "recording rules for the twenty [dashboards]": "Garbled phrase") and
   what came with it ("the patient letter with the fasting instruction", "the dead-letter queue with
   a Slack alert": "Long clumsy quote"); the cases are in test_followups_round35.py's table of quotes.
2. A pay- or perks-first motivation is asked why this job if another offered the same, not "paid the
   same and was as easy to get to", a journey the answer never named (holdout35, holdout37: awkward
   with all four judges).
"""

from __future__ import annotations

from tests.helpers import spoken_prompts

PERKS = ("Honestly, the main thing for me is the perks. I've been at my current company for four years and "
         "the benefits there are pretty thin. Here the staff discount is really good, the travel benefits are "
         "amazing, and I'd get to work from home most of the week, which I've wanted for ages. I've done "
         "customer service for years, so I know I can do the job itself. It would just suit my life a lot "
         "better than where I am now, and I think I'd be happier overall.")


def test_a_perks_first_motivation_names_no_journey():
    alternatives = spoken_prompts(PERKS, "motivation")["alternatives"]
    assert "easy to get to" not in alternatives
    assert alternatives == "Suppose another job offered you the same: why would you still choose this one?"
