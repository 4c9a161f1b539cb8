"""Round 41 (issue 22), from the spent sets' blind judges (holdout18-40), with a firing case and a
near miss.

A project told with no call of the speaker's own (SB303, a note when it is a story file's) was asked
"What would you do differently?" (holdout18-40: none of 7 such prompts "yes" with either judge,
"Misses the obvious: what did you personally decide or lead"). For a spoken answer it is the weak
point (`of_a_note` in the catalog's answer weaknesses): it is asked which decisions along the way
were the speaker's, and what they would do differently looking at their own part.
"""

from __future__ import annotations

from storybank.answers.judge import judge_answer, weak_codes
from storybank.catalog import builtin_catalog
from storybank.settings import Settings
from tests.helpers import spoken_prompts

# holdout39 (project, bad): research told as the area of law, not as what the speaker did.
RESEARCH = (
    "Um, so the one I'd pick would be the research on implied terms in franchise agreements. So basically the "
    "question was whether a good faith obligation could be implied into a long-term franchise contract. And, "
    "um, that's actually a really interesting area, because English law traditionally doesn't have a general "
    "duty of good faith, but after Yam Seng in 2013 there's this idea of relational contracts. So the "
    "conclusion was that there was a reasonable argument the franchise agreement was relational, but it "
    "wasn't certain. So yeah, it was a really interesting area of law and I think my supervisor would say it "
    "went well.")
# Near miss: the same research told with the speaker's own calls.
DECIDED = (
    "The one I'd pick is my research on implied terms in franchise agreements. I chose to start from Bates v "
    "Post Office rather than Yam Seng, because I decided the list of factors was what the client needed, and "
    "I proposed to my supervisor that we test each factor against the client's dealings. I wrote the memo in "
    "two weeks and concluded the agreement was probably relational.")


def test_a_project_told_with_no_call_of_ones_own_is_asked_which_decisions_were_theirs():
    prompts = spoken_prompts(RESEARCH, "project")
    assert prompts["alternatives"] == "Which decisions along the way were yours, and what else was on the table?"
    assert prompts["differently"] == "Looking at your own part in it, what would you do differently?"


def test_near_miss_a_project_told_with_its_calls_keeps_its_wordings():
    prompts = spoken_prompts(DECIDED, "project")
    assert prompts["alternatives"] != "Which decisions along the way were yours, and what else was on the table?"
    assert prompts["differently"] != "Looking at your own part in it, what would you do differently?"


def test_a_note_names_the_weak_point_only_where_the_catalog_digs_at_it():
    catalog = builtin_catalog()
    findings = judge_answer(RESEARCH, catalog, Settings(), question="project").findings
    notes = {f.code for f in findings if f.severity == "info"}
    assert "SB303" in notes
    assert "SB303" in weak_codes(findings, catalog)
    # Near miss: the other notes (long sentences, a long situation) name none.
    assert not (notes - {"SB303"}) & weak_codes(findings, catalog)
