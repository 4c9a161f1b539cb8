"""The meaning checks behind the profession fixes, each with a positive and a near miss: a cause
said only as a slip, a forum that must say what it settled, and a before/after that must measure
what "faster" claims. (The rule-level cases are in data/rule_examples.toml.)"""

from __future__ import annotations

import pytest

from storybank.analysis.evidence import _check, _measures_time, settled_forum
from storybank.analysis.signals import cause_links


@pytest.mark.parametrize(("text", "links"), [
    # A cause said only as a slip of unknown kind, before or after the link: no mechanism.
    ("there was a mistake in my model that made the valuation too high.", []),
    ("the valuation was too high because of a mistake in my model.", []),
    # The same links with the cause named or measured do count.
    ("i set terminal growth at 4 percent, which inflated the terminal value.", ["inflated"]),
    ("there was a problem with throughput because the queue held one lock per batch.", ["because"]),
    ("the wall leaned because a clay layer four metres down had never been found.", ["because"]),
    # A vague word inside a cause that goes on to say what went wrong does not spoil it.
    ("requests timed out because of an issue with the tls handshake on the load balancer.",
     ["because of"]),
    ("dosing was wrong because the pump library had an error in the heparin concentration entry.",
     ["because"]),
    ("i scored it as written, because ratings are only worth something if every rater applies "
     "the same rule.", ["because"]),
    ("it broke because of an issue with the cache.", []),   # near miss: still only the slip
])
def test_a_vague_cause_is_not_a_mechanism(text, links):
    assert cause_links(text) == links


def _time_blocks(text: str) -> bool:
    return _check("time_blocks", None, text)  # type: ignore[arg-type]


# One table for the yes/no meaning checks: each row is (check, text, what it must say).
@pytest.mark.parametrize(("check", "text", "expected"), [
    # A forum counts only with what it settled.
    (settled_forum, "In the end we just talked it out in the design review and found a middle ground.", False),
    (settled_forum, "We took it to the architecture review. The review chose Temporal for the exports.", True),
    (settled_forum, "I escalated it to the head of department, who decided on a one-term trial.", True),
    (settled_forum, "The moderation meeting looked at it and we moved on.", False),
    (settled_forum, "We talked it through and agreed that it was fine.", False),  # no forum named at all
    (settled_forum, "I asked the senior partner for a second opinion. She agreed with my reading of "
                    "the clause.", True),
    (settled_forum, "We took it to the design review. The reviewers preferred the queue design, so we "
                    "built it.", True),
    (settled_forum, "I asked the lead, who showed no preference, so we found a middle ground.", False),
    # What measures a time or a speed.
    (_measures_time, "from 190 to 14 minutes", True),
    (_measures_time, "from 2.8 s to 0.4 s", True),
    (_measures_time, "overnight VaR run time min", True),
    (_measures_time, "from 450 to 780 words an hour", True),
    (_measures_time, "from 100,000 paths to 20,000", False),
    (_measures_time, "shuffle partitions partitions", False),
    # A schedule block names a day and a time.
    (_time_blocks, "Weekday evenings, about 12 hours a week, around my job.", True),
    (_time_blocks, "On weekday mornings I have about 10 hours free.", True),
    (_time_blocks, "On my non-shift weekdays 09:30 to 13:30, about 12 hours a week.", True),
    (_time_blocks, "Saturday mornings, about 12 hours a week.", True),
    # Near misses: busy weekdays and "evenings or weekends" name no block.
    (_time_blocks, "My weekdays are full with clinic, so I can give evenings or weekends, 10 hours "
                   "a week.", False),
    (_time_blocks, "I'm very flexible, evenings or weekends, whenever my rota allows, about 10 hours.",
     False),
])
def test_a_meaning_check_says_yes_or_no(check, text, expected):
    assert check(text) is expected
