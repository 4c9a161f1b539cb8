"""The persistent report cache: same answers as a fresh analysis, never stale, never fatal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storybank import paths
from storybank.analysis.session import analyze_bank
from storybank.bank import Bank
from storybank.catalog import builtin_catalog

EXAMPLES = Path(__file__).resolve().parents[2] / "stories"


@pytest.fixture
def cached_bank(tmp_path, monkeypatch):
    """A copy of the example bank whose report cache lives in tmp_path/cache."""
    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("STORYBANK_NO_CACHE", raising=False)
    target = tmp_path / "bank"
    shutil.copytree(EXAMPLES, target)
    return target


def _reports(root):
    bank = Bank.open(root)
    return analyze_bank(bank, builtin_catalog(), persistent=True)


def test_cached_reports_equal_fresh_ones(cached_bank, monkeypatch):
    fresh = analyze_bank(Bank.open(cached_bank), builtin_catalog())
    first = _reports(cached_bank)
    files = list((cached_bank.parent / "cache").glob("reports-*.json"))
    assert len(files) == 1
    calls = []
    monkeypatch.setattr("storybank.analysis.session.analyze_cached",
                        lambda *a, **k: calls.append(a) or pytest.fail("cache miss"))
    second = _reports(cached_bank)
    assert calls == []
    assert second == first == fresh


def test_an_edited_story_is_analysed_again(cached_bank):
    before = _reports(cached_bank)
    path = sorted(cached_bank.glob("*.toml"))[0]
    text = path.read_text("utf-8").replace('outcome = """', 'outcome = """\nIt went well. ', 1)
    path.write_text(text, "utf-8")
    after = _reports(cached_bank)
    assert after[path.stem] != before[path.stem]


def test_a_changed_setting_invalidates_everything(cached_bank):
    _reports(cached_bank)
    (cached_bank / ".storybank.toml").write_text("rate_wpm = 100\n", "utf-8")
    slow = _reports(cached_bank)
    assert all(r.answer_seconds > 90 for r in slow.values())


def test_a_corrupt_cache_file_is_ignored(cached_bank):
    good = _reports(cached_bank)
    for f in (cached_bank.parent / "cache").glob("reports-*.json"):
        f.write_bytes(b"\x00not json{")
    assert _reports(cached_bank) == good


def test_an_unwritable_cache_folder_is_not_fatal(cached_bank, monkeypatch, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(blocker / "cache"))
    assert len(_reports(cached_bank)) == len(list(cached_bank.glob("*.toml")))


def test_the_cache_can_be_switched_off(cached_bank, monkeypatch):
    monkeypatch.setenv("STORYBANK_NO_CACHE", "1")
    assert paths.cache_dir() is None
    _reports(cached_bank)
    assert not (cached_bank.parent / "cache").exists()


def test_no_home_folder_means_no_cache_not_a_crash(cached_bank, monkeypatch):
    """With no HOME and no passwd entry (a container run under an odd uid) there is nowhere to
    keep a cache: analysis runs without one. Near miss: XDG_CACHE_HOME still names a folder."""
    def no_home(cls):
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("STORYBANK_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", classmethod(no_home))
    assert paths.cache_dir() is None
    assert len(_reports(cached_bank)) == len(list(cached_bank.glob("*.toml")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(cached_bank.parent / "xdg"))
    assert paths.cache_dir() == cached_bank.parent / "xdg" / "storybank"


def test_the_in_memory_cache_is_safe_across_threads(monkeypatch):
    """Issue 20 item 7: worker threads share the analysis cache; with a tiny cache that evicts on
    every call, eight threads analysing at once neither raise nor leave it over its size."""
    from concurrent.futures import ThreadPoolExecutor

    from storybank.analysis import session
    from storybank.catalog import builtin_catalog
    from storybank.model import Story
    from storybank.settings import Settings

    monkeypatch.setattr(session, "_CACHE", type(session._CACHE)())
    monkeypatch.setattr(session, "_CACHE_SIZE", 3)
    catalog = builtin_catalog()
    stories = [Story(title=f"Story {i}", questions=["project"], action=f"I fixed bug {i}.") for i in range(12)]

    def work(i: int) -> str:
        return session.analyze_cached(stories[i % 12], catalog, Settings(), f"s{i % 12}").story_id

    with ThreadPoolExecutor(8) as pool:
        ids = list(pool.map(work, range(96)))
    assert ids == [f"s{i % 12}" for i in range(96)]
    assert len(session._CACHE) <= 3


@pytest.mark.parametrize("data", [["not", "entries"], {"x:y": 1}, "text", None])
def test_a_validly_stamped_cache_holding_what_this_code_never_writes_is_a_miss(cached_bank, data):
    """Near miss: the cache as written is read back (the first test)."""
    from storybank.analysis.cache import ReportCache

    good = _reports(cached_bank)
    bank = Bank.open(cached_bank)
    cache = ReportCache(bank.root, builtin_catalog(), bank.settings)
    assert cache.entries and cache.file is not None and cache._stamp is not None
    cache.file.save(cache._stamp, data if data != {"x:y": 1} else dict.fromkeys(cache.entries, 1))
    assert _reports(cached_bank) == good
