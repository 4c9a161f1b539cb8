"""The motivation story held against the posting: does it name the posting's field, and is its
reason more than one that fits any platform (SB741)? (issue 23, point 3)"""

from __future__ import annotations

import pytest

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
    assert m.verdict == "generic" and "would fit any job" in m.message


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


def _write_bank(tmp_path, action: str, name: str = "why", ignore: str = ""):
    root = tmp_path / "bank"
    root.mkdir(exist_ok=True)
    text = (f'schema = 1\ntitle = "Why this work"\nquestions = ["motivation"]\n{ignore}'
            f'action = """\n{action}\n"""\n')
    (root / f"{name}.toml").write_text(text, encoding="utf-8")
    (tmp_path / "posting.md").write_text(POSTING, encoding="utf-8")
    return root


@pytest.fixture
def cached(tmp_path, monkeypatch):
    """The cache folder in tmp_path, and the analyses run so far: (story id, ...) per call."""
    from storybank.analysis import session

    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("STORYBANK_NO_CACHE", raising=False)
    calls: list[str] = []
    real = session.analyze_cached
    monkeypatch.setattr(session, "analyze_cached", lambda *a: calls.append(a[3]) or real(*a))
    return calls


def _run(tmp_path):
    from storybank.bank import Bank
    from storybank.postings import api

    bank = Bank.open(tmp_path / "bank")
    return api.check_text(bank, api.open_posting(bank, str(tmp_path / "posting.md"))).motivation


def test_sb741_verdict_is_remembered_by_the_story_file_and_redone_when_it_changes(tmp_path, cached):
    _write_bank(tmp_path, GENERIC)
    assert _run(tmp_path).verdict == "generic"
    assert cached == ["why"]
    assert _run(tmp_path).verdict == "generic"
    assert cached == ["why"]                # the same file: remembered
    _write_bank(tmp_path, SPECIFIC)
    assert _run(tmp_path).verdict == "tied"
    assert cached == ["why", "why"]         # a changed file: analysed again


def test_an_ignore_added_to_the_settings_between_runs_is_heeded(tmp_path, cached):
    """The verdict is the report's, and what shapes a report (the bank's `ignore`) is in the
    cache's stamp. Near miss: without the ignore, SB741 fires."""
    root = _write_bank(tmp_path, GENERIC)
    assert _run(tmp_path).verdict == "generic"
    (root / ".storybank.toml").write_text('ignore = ["SB741"]\n', encoding="utf-8")
    assert _run(tmp_path).verdict == "unrelated"
    (root / ".storybank.toml").unlink()
    assert _run(tmp_path).verdict == "generic"


def test_two_stories_with_the_same_reason_and_different_ignores_each_get_their_own(tmp_path, cached):
    """One story ignores SB741, the other, with the same reason, does not: each is judged by its
    own report, kept under its id and its file's bytes, in a first run and from the cache."""
    from storybank.analysis.session import BankReports
    from storybank.bank import Bank

    _write_bank(tmp_path, GENERIC, "quiet", 'ignore = ["SB741"]\n')
    _write_bank(tmp_path, GENERIC, "loud")
    for _run_number in range(2):
        bank = Bank.open(tmp_path / "bank")
        reports = BankReports(bank, None, "motivation")
        fired = {sf.id: any(f.code == "SB741" for f in reports.report(sf.id, sf.story).findings)
                 for sf in bank.stories}
        assert fired == {"loud": True, "quiet": False}
    assert sorted(cached) == ["loud", "quiet"]   # the second run: from the cache


def test_no_motivation_story_reads_no_report_cache(tmp_path, cached, monkeypatch):
    """The cache's stamp (every analysis file) is made only when a motivation story is judged."""
    from storybank.analysis import cache

    stamps: list[object] = []
    monkeypatch.setattr(cache, "analysis_stamp", lambda h: stamps.append(h))
    root = _write_bank(tmp_path, GENERIC)
    (root / "why.toml").write_text('schema = 1\ntitle = "Other"\nquestions = ["project"]\n'
                                   'action = """\nI wrote C++.\n"""\n', encoding="utf-8")
    assert _run(tmp_path).verdict == "missing"
    assert stamps == [] and cached == []
    _write_bank(tmp_path, GENERIC, "why-me")
    assert _run(tmp_path).verdict == "generic"
    assert len(stamps) == 1                 # the near miss: a motivation story, one stamp


def test_a_hit_does_not_build_the_catalog(tmp_path, cached, monkeypatch):
    from storybank import catalog

    _write_bank(tmp_path, GENERIC)
    _run(tmp_path)
    built: list[object] = []
    monkeypatch.setattr(catalog, "catalog_for", lambda s: built.append(s) or pytest.fail("built"))
    assert _run(tmp_path).verdict == "generic"
    assert built == []


def test_a_bank_with_its_own_platform_is_remembered_too_and_redone_when_it_changes(tmp_path, cached):
    """Another platform means another catalog (its `{platform}` filled in): the report is kept
    under that catalog's content, and a new platform analyses the story again."""
    root = _write_bank(tmp_path, GENERIC)
    (root / ".storybank.toml").write_text('platform = "Acme"\n', encoding="utf-8")
    first = _run(tmp_path).verdict
    assert _run(tmp_path).verdict == first
    assert cached == ["why"]
    (root / ".storybank.toml").write_text('platform = "Globex"\n', encoding="utf-8")
    _run(tmp_path)
    assert cached == ["why", "why"]


# Round 20: a story file's reason grounded in particulars of the work (holdout19's tree warden,
# spent), with the warden's twenty years kept in the situation, as a story file keeps them.
WARDEN_POSTING = """\
Tree Warden (Appointed Position) - Town of Boylston

Qualifications:

- Familiarity with MGL c.87 and c.41
- Knowledge of arboriculture, tree health, and safety practices
"""
WARDEN_SITUATION = ("I have worked with trees for 20 years: nine as a climber and crew leader for a tree company, "
                    "then in my own consulting practice, and since 2018 also as Eastmere's appointed tree warden.")
WARDEN_REASON = ("Public shade trees belong to everyone, and decisions about them are made in the open, at hearings. "
                 "As warden I answer to a whole town under a state law written for exactly that. A small New England "
                 "town suits me: the warden knows the DPW crew by name. I am studying for the ISA Board Certified "
                 "Master Arborist exam.")
WARDEN_LIKING = "I love trees and it would be nice to work outdoors, close to home, in a small town."


def test_a_story_files_reason_grounded_in_the_work_is_not_called_one_that_fits_any_job():
    m = check(WARDEN_POSTING, bank_of(why=story("Why public shade trees", ("motivation",), situation=WARDEN_SITUATION,
                                                action=WARDEN_REASON)), motivation=True).motivation
    assert m.verdict == "tied" and "Tree" in m.names


def test_near_miss_a_liking_told_under_the_same_background_is_still_generic():
    # The particulars of the situation (20 years, Eastmere, 2018) ground no reason of their own.
    m = check(WARDEN_POSTING, bank_of(why=story("Why public shade trees", ("motivation",), situation=WARDEN_SITUATION,
                                                action=WARDEN_LIKING)), motivation=True).motivation
    assert m.verdict == "generic"


NO_FIELD = """\
We are looking to hire both part and full-time employees for the season.

An ideal candidate possesses the following:
- Reliable transportation.
- A quick learner who pays attention to detail.
"""


def test_a_posting_that_names_no_job_or_skill_is_not_said_to_go_unnamed_by_the_story():
    # Round 21 (holdout20's farm): no title, no skill by name; "does not name what this posting is
    # for" was said of a story that could not have named it.
    m = check(NO_FIELD, bank_of(why=story("Why this work", ("motivation",), situation=WARDEN_SITUATION,
                                          action=WARDEN_REASON)), motivation=True).motivation
    assert m.verdict == "unnamed" and m.field == ()
    assert "names no job or skill" in m.message


def test_near_miss_a_posting_with_a_title_still_finds_a_story_unrelated():
    m = verdict(why=story("Why this work", ("motivation",), action=ELSEWHERE))
    assert m.verdict == "unrelated"
