"""Round 25 of issue 23: a reason is not a doing. In "I rejected them because on-call pages
cluster overnight" (the bundled example bank's schedule story, weighing early mornings in its
alternatives follow-up) the candidate acts in "I rejected them", and the clause after "because"
says how things are. It used to carry the candidate's "I" on, and the example bank showed "Ability
to work nights and weekends" by it. The near misses keep a reason the candidate gives in their own
doing ("because I had run the night shift") and "because of" (a phrase, not a clause)."""

from __future__ import annotations

import pytest

from storybank.postings.agency import clauses
from storybank.postings.check import check


def _me(sentence: str) -> list[bool]:
    return [c.me for c in clauses(sentence, "alternatives")]


def test_the_reason_after_because_is_not_the_candidates_doing():
    mine = _me("I rejected them because on-call pages cluster overnight, and one bad night would erase the block.")
    assert mine[0] is True
    assert not any(mine[1:])


@pytest.mark.parametrize("sentence", [
    "I took the overnight rota because I had run the night shift on the ward before.",
    "I moved the audit to nights because of my work on the weekend crew.",
])
def test_a_reason_the_candidate_tells_as_their_own_doing_stays_theirs(sentence):
    mine = _me(sentence)
    assert mine[0] is True
    assert mine[1] is True


def test_the_example_banks_rejected_option_no_longer_shows_night_work():
    from pathlib import Path

    from storybank.bank import Bank

    bank = Bank.open(Path(__file__).resolve().parents[2] / "stories")
    report = check("# Analyst\n\n## Requirements\n\n- Ability to work nights and weekends.\n",
                   [(sf.id, sf.story) for sf in bank.stories], motivation=False)
    (r,) = report.requirements
    assert r.verdict != "shown", [e.sentence for e in r.evidence]


# --- holdout24 (spent): a weekday asked is asked for itself, and a day refused is not shown -----

from tests.postings.conftest import bank_of, story  # noqa: E402


def _days(action: str, reflection: str):
    week = story("Three firing days", ("schedule",), situation="I work two part-time jobs.",
                 action=action, reflection=reflection)
    report = check("# Crematory operator\n\n## Requirements\n\n- Availability to work Thursdays and Fridays\n",
                   bank_of(week=week), motivation=False)
    (r,) = report.requirements
    return r.verdict


def test_a_weekday_the_story_refuses_is_not_shown():
    # holdout24's crematory operator: shown by "I work two part-time jobs" before round 25.
    assert _days("The crematory has me Tuesday, Wednesday and Thursday, 7:00 to 17:00, and the parks "
                 "department has me Monday and Friday.",
                 "I say plainly that I cannot work Mondays or Fridays for a new employer.") != "shown"


def test_near_miss_the_weekdays_told_and_none_refused_are_shown():
    assert _days("I fire on Tuesday, Wednesday and Thursday, and since March I also cover Friday mornings.",
                 "A fixed pattern suits this trade because cases are planned a day ahead.") == "shown"


def test_near_miss_a_negation_that_refuses_no_time_keeps_it_shown():
    assert _days("I fire on Tuesday, Wednesday and Thursday, and since March I also cover Friday mornings.",
                 "I never missed a Friday shift in two years.") == "shown"


def test_a_part_time_job_says_no_weekday():
    from storybank.postings.match.story_kind import times_asked

    # Each weekday is a group of its own: "part-time" or "three days a week" says neither.
    assert len(times_asked("Availability to work Thursdays and Fridays")) == 2
    assert times_asked("Availability to work Thursdays") != times_asked("Must be available part-time")


# --- a quoted question is not a deed --------------------------------------------------------------

def test_what_the_candidate_quotes_is_not_what_they_did():
    quoted = "'Can we come in' and 'can we drive a loaded trailer on wet ground' are different questions."
    assert not any(c.me for c in clauses(quoted, "action"))


def test_near_miss_the_same_words_unquoted_are_the_candidates():
    said = "We drove a loaded trailer on wet ground twice that spring."
    assert clauses(said, "action")[0].me
