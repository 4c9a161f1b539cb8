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
    memo.put("a.toml", "abc", {"title": "x", "when": tomllib.loads("d = 2021-03-04")["d"]})
    memo.put("b.toml", "def", {"title": "x", "questions": ["project"], "n": 1.5})
    assert memo.get("a.toml", "abc") is None
    assert memo.get("b.toml", "def") is not None
    assert not plain({"a": [object()]})


def test_no_cache_folder_means_no_memo(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYBANK_NO_CACHE", "1")
    Bank.open(bank, remember=True)
    parsed = _parses(monkeypatch)
    Bank.open(bank, remember=True)
    assert len(parsed) == 1
    assert not (bank.parent / "cache").exists()


OTHER = STORY.replace("Cutting the nightly job", "Moving the queue")


def test_a_load_of_some_files_keeps_the_others_entries(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Review of issue 23: a partial load pruned every entry it did not read. Near miss: the
    entry of a file that is gone is dropped."""
    (bank / "queue.toml").write_text(OTHER, encoding="utf-8")
    (bank / "gone.toml").write_text(OTHER.replace("queue", "gone"), encoding="utf-8")
    Bank.open(bank, remember=True)
    (bank / "gone.toml").unlink()
    some = Bank(bank)
    some.load([bank / "nightly-job.toml"], remember=True)
    memo = TomlMemo(bank)
    assert set(memo.entries) == {"nightly-job.toml", "queue.toml"}
    parsed = _parses(monkeypatch)
    Bank.open(bank, remember=True)
    assert parsed == []


def test_a_file_that_stops_parsing_loses_its_entry(bank: Path) -> None:
    Bank.open(bank, remember=True)
    (bank / "nightly-job.toml").write_text("title = [", encoding="utf-8")
    assert Bank.open(bank, remember=True).errors
    assert TomlMemo(bank).entries == {}


def test_the_stamp_names_storybanks_version(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new storybank may read a table differently: its memo starts empty. Near miss: the same
    version reads the memo."""
    from storybank import tomlmemo

    Bank.open(bank, remember=True)
    assert TomlMemo(bank).entries
    monkeypatch.setattr(tomlmemo, "_STAMP", tomlmemo._STAMP.replace(tomlmemo.__version__, "999.0"))
    assert TomlMemo(bank).entries == {}


@pytest.mark.parametrize("content", [b"", b"{\"stamp\": ", b"\xff\xfe", b"[1, 2]",
                                     b'{"stamp": "other", "data": {}}'])
def test_a_corrupt_or_foreign_memo_is_a_miss(bank: Path, monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    Bank.open(bank, remember=True)
    memo_file = TomlMemo(bank).file
    assert memo_file is not None
    memo_file.path.write_bytes(content)
    parsed = _parses(monkeypatch)
    story = Bank.open(bank, remember=True).stories[0].story
    assert len(parsed) == 1 and story.title == "Cutting the nightly job"
    parsed.clear()
    Bank.open(bank, remember=True)
    assert parsed == []                    # written again, whole


def test_a_validly_stamped_memo_with_wrong_entries_is_a_miss(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storybank import tomlmemo

    memo_file = TomlMemo(bank).file
    assert memo_file is not None
    memo_file.save(tomlmemo._STAMP, {"nightly-job.toml": "not an entry", "x.toml": [1, 2]})
    parsed = _parses(monkeypatch)
    assert Bank.open(bank, remember=True).stories[0].story.title == "Cutting the nightly job"
    assert len(parsed) == 1


def test_an_unwritable_cache_folder_is_not_an_error(bank: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(blocker / "cache"))
    assert Bank.open(bank, remember=True).stories[0].story.title == "Cutting the nightly job"
