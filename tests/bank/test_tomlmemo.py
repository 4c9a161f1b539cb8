"""The memo of parsed story files (tomlmemo.py): an unchanged file is not parsed again, a
changed one is, and what the memo cannot hold is parsed every time."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from storybank.bank import Bank
from storybank.tomlmemo import TomlMemo, plain

STORY = 'schema = 1\ntitle = "Cutting the nightly job"\nquestions = ["project"]\naction = """\nI split the job.\n"""\n'


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("STORYBANK_NO_CACHE", raising=False)
    root = tmp_path / "bank"
    root.mkdir()
    (root / "nightly-job.toml").write_text(STORY, encoding="utf-8")
    return root


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = tomllib.loads

    def counting(text: str, **kwargs: object) -> dict[str, object]:
        seen.append(text)
        return real(text)

    monkeypatch.setattr("storybank.storyfile.tomllib.loads", counting)
    return seen


def test_an_unchanged_file_is_read_from_the_memo_as_the_same_story(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = Bank.open(bank, remember=True).stories[0].story
    parsed = _parses(monkeypatch)
    again = Bank.open(bank, remember=True).stories[0].story
    assert parsed == []
    assert again == first


def test_a_changed_file_is_parsed_again(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Bank.open(bank, remember=True)
    (bank / "nightly-job.toml").write_text(STORY.replace("split", "sharded"), encoding="utf-8")
    parsed = _parses(monkeypatch)
    story = Bank.open(bank, remember=True).stories[0].story
    assert len(parsed) == 1
    assert "sharded" in story.part("action")


def test_without_remember_every_file_is_parsed(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Bank.open(bank, remember=True)
    parsed = _parses(monkeypatch)
    Bank.open(bank)
    assert len(parsed) == 1


def test_an_invalid_story_gives_the_same_error_through_the_memo(bank: Path) -> None:
    (bank / "nightly-job.toml").write_text(STORY.replace('questions = ["project"]', "questions = 3"), encoding="utf-8")
    first = Bank.open(bank, remember=True).errors
    again = Bank.open(bank, remember=True).errors
    assert len(first) == 1
    assert [e.message for e in again] == [e.message for e in first]


def test_a_table_with_a_date_is_not_kept(bank: Path) -> None:
    memo = TomlMemo(bank)
    memo.put("abc", {"title": "x", "when": tomllib.loads("d = 2021-03-04")["d"]})
    memo.put("def", {"title": "x", "questions": ["project"], "n": 1.5})
    assert memo.get("abc") is None
    assert memo.get("def") is not None
    assert not plain({"a": [object()]})


def test_no_cache_folder_means_no_memo(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYBANK_NO_CACHE", "1")
    Bank.open(bank, remember=True)
    parsed = _parses(monkeypatch)
    Bank.open(bank, remember=True)
    assert len(parsed) == 1
    assert not (bank.parent / "cache").exists()
