"""The motivation story held against the posting: does it name the posting's field, and is its
reason more than one that fits any platform (SB741)? (issue 23, point 3)"""

from __future__ import annotations

from storybank.postings.check import check
from tests.postings.conftest import bank_of, story

POSTING = """\
# Quant Developer, Rates

## Requirements

- Strong C++ and Python
- Experience with low-latency trading systems
"""

SPECIFIC = ("I am a quant developer with six years of C++ low-latency trading work, and your quant-finance "
            "specialty track is the one place where that expertise is what the tasks need, at a rate close "
            "to what I earn full-time.")
GENERIC = ("I want flexible side income I can do from home in the evenings. I love AI and I have heard good "
           "things about the company, so it seems like a great company to work with.")
ELSEWHERE = ("I am a pediatric nurse with nine years on a neonatal unit, and your medical specialty track "
             "asks for exactly that clinical judgement, at a rate near my hospital pay.")


def verdict(**stories):
    return check(POSTING, bank_of(**stories), motivation=True).motivation


def test_a_reason_tied_to_the_postings_field():
    m = verdict(why=story("Why this work", ("motivation",), action=SPECIFIC))
    assert m.verdict == "tied" and m.story == "why"
    assert "C++" in m.names and "Quant" in m.field


def test_a_generic_reason_is_flagged_as_sb741_flags_it():
    m = verdict(why=story("Why this work", ("motivation",), action=GENERIC))
    assert m.verdict == "generic" and "would fit any platform" in m.message


def test_a_specific_reason_for_another_field_is_unrelated():
    m = verdict(why=story("Why this work", ("motivation",), action=ELSEWHERE))
    assert m.verdict == "unrelated" and m.names == ("Rates",)   # "at a rate": not the rates desk


def test_no_motivation_story_says_what_to_write():
    m = verdict(other=story(action="I wrote a pricing library in C++."))
    assert m.verdict == "missing" and m.story is None
    assert "Quant Developer, Rates" in m.message


def test_the_story_naming_most_of_the_posting_is_the_one_judged():
    m = verdict(a=story("A", ("motivation",), action=ELSEWHERE), b=story("B", ("motivation",), action=SPECIFIC))
    assert m.story == "b"
