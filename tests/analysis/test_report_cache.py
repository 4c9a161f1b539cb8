"""The persistent report cache: same answers as a fresh analysis, never stale, never fatal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storybank.analysis import cache as cache_mod
from storybank.analysis.session import analyze_bank
from storybank.bank import Bank
from storybank.catalog import builtin_catalog

EXAMPLES = Path(__file__).resolve().parents[2] / "stories"


@pytest.fixture
def bank_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("STORYBANK_NO_CACHE", raising=False)
    target = tmp_path / "bank"
    shutil.copytree(EXAMPLES, target)
    return target


def _reports(root):
    bank = Bank.open(root)
    return analyze_bank(bank, builtin_catalog(), persistent=True)


def test_cached_reports_equal_fresh_ones(bank_dir, monkeypatch):
    fresh = analyze_bank(Bank.open(bank_dir), builtin_catalog())
    first = _reports(bank_dir)
    files = list((bank_dir.parent / "cache").glob("reports-*.json"))
    assert len(files) == 1
    calls = []
    monkeypatch.setattr("storybank.analysis.session.analyze_cached",
                        lambda *a, **k: calls.append(a) or pytest.fail("cache miss"))
    second = _reports(bank_dir)
    assert calls == []
    assert second == first == fresh


def test_an_edited_story_is_analysed_again(bank_dir):
    before = _reports(bank_dir)
    path = sorted(bank_dir.glob("*.toml"))[0]
    text = path.read_text("utf-8").replace('outcome = """', 'outcome = """\nIt went well. ', 1)
    path.write_text(text, "utf-8")
    after = _reports(bank_dir)
    assert after[path.stem] != before[path.stem]


def test_a_changed_setting_invalidates_everything(bank_dir):
    _reports(bank_dir)
    (bank_dir / ".storybank.toml").write_text("rate_wpm = 100\n", "utf-8")
    slow = _reports(bank_dir)
    assert all(r.answer_seconds > 90 for r in slow.values())


def test_a_corrupt_cache_file_is_ignored(bank_dir):
    good = _reports(bank_dir)
    for f in (bank_dir.parent / "cache").glob("reports-*.json"):
        f.write_bytes(b"\x00not json{")
    assert _reports(bank_dir) == good


def test_an_unwritable_cache_folder_is_not_fatal(bank_dir, monkeypatch, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(blocker / "cache"))
    assert len(_reports(bank_dir)) == len(list(bank_dir.glob("*.toml")))


def test_the_cache_can_be_switched_off(bank_dir, monkeypatch):
    monkeypatch.setenv("STORYBANK_NO_CACHE", "1")
    assert cache_mod.cache_dir() is None
    _reports(bank_dir)
    assert not (bank_dir.parent / "cache").exists()
