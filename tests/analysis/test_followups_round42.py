"""Round 42 (issue 22), from the spent sets' blind judges (holdout18-41), with a firing case and a
near miss.

A failure pinned on others (SB701) was asked who else was involved, what else could have been done
once it came to light, or what was hardest to put right: 3 of 13 such prompts "yes" with both
judges ("Misses obvious probe on own part; blame was put on others", "Invites more blame"). It is
now asked for the speaker's own part, on every probe but "What would you do differently?", which
those judges could ask as written.
"""

from __future__ import annotations

from tests.helpers import spoken_prompts

# holdout40 (failure, bad): the missed close put on sales, IT and the manager.
BLAMED = (
    "Yeah, so, um, last year we missed the month-end close in March by three days, which, for a public "
    "company subsidiary, is a big deal. And honestly, it really wasn't on my side. The sales team submitted "
    "their commission data late, like always, and half of it was wrong, so I had to chase people down for "
    "corrections. Then IT pushed an ERP update the same week without telling anyone, and the intercompany "
    "module just stopped posting, so that was another day gone. And my manager had, uh, approved vacation "
    "for two people on the team during close, which, I said at the time that was a bad idea. So I was "
    "basically doing three people's reconciliations. I stayed till midnight most of that week and I got my "
    "accruals and reconciliations done, but the consolidation couldn't be finished because of everything "
    "upstream. After that I did send an email to the sales director explaining how their delays affect us, "
    "and, um, I think they got the message. But yeah, that one was really a process failure on other teams' "
    "part, not something I could have controlled.")
# Near miss: the same close, its cause owned.
OWNED = (
    "Last year I missed the month-end close in March by three days, and that was on me. I had not asked the "
    "sales team for their commission data a week early, as I should have, so when it came in late and half "
    "of it was wrong I had no slack. I chased the corrections myself, posted the intercompany entries by "
    "hand, and told the controller on day two. Since then I send the data request on the twentieth and "
    "check it the day it lands.")

OWN_PART = {
    "collaborators": "Leaving the others aside for a moment, what was your own part in how it went wrong?",
    "technical": "What was in your own hands before it went wrong, and what did you do with it?",
    "alternatives": "Looking at your own part in it, what could you have done to stop it going wrong?",
}


def test_a_failure_pinned_on_others_is_asked_for_the_speakers_own_part():
    prompts = spoken_prompts(BLAMED, "failure")
    for probe, wording in OWN_PART.items():
        assert prompts[probe] == wording
    assert prompts["differently"] not in OWN_PART.values()


def test_near_miss_a_failure_whose_cause_is_owned_keeps_its_wordings():
    prompts = spoken_prompts(OWNED, "failure")
    for probe, wording in OWN_PART.items():
        assert prompts[probe] != wording
