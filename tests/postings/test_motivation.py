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


def _write_bank(tmp_path, action: str):
    root = tmp_path / "bank"
    root.mkdir(exist_ok=True)
    text = (f'schema = 1\ntitle = "Why this work"\nquestions = ["motivation"]\naction = """\n{action}\n"""\n')
    (root / "why.toml").write_text(text, encoding="utf-8")
    (tmp_path / "posting.md").write_text(POSTING, encoding="utf-8")
    return root


def test_sb741_verdict_is_remembered_by_the_story_file_and_redone_when_it_changes(tmp_path, monkeypatch):
    from storybank.bank import Bank
    from storybank.postings import api, motivation

    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("STORYBANK_NO_CACHE", raising=False)
    root = _write_bank(tmp_path, GENERIC)

    def run():
        bank = Bank.open(root)
        return api.check_text(bank, api.open_posting(bank, str(tmp_path / "posting.md"))).motivation

    assert run().verdict == "generic"
    calls = []
    real = motivation._generic
    monkeypatch.setattr(motivation, "_generic", lambda *a: calls.append(a) or real(*a))
    assert run().verdict == "generic"
    assert calls == []                      # the same file: remembered
    _write_bank(tmp_path, SPECIFIC)
    assert run().verdict == "tied"
    assert len(calls) == 1                  # a changed file: analysed again
