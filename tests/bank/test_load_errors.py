"""Loading a bank never stops at a bad file: each one is a LoadError, the good stories still load."""

from __future__ import annotations

from pathlib import Path

import pytest

from storybank.bank import Bank
from storybank.errors import LoadError
from tests.helpers import minimal_story


def open_with(bank_dir: Path, name: str, content: bytes) -> tuple[Bank, LoadError]:
    (bank_dir / "good.toml").write_text(minimal_story("Good one"), encoding="utf-8")
    (bank_dir / "also-good.toml").write_text(minimal_story("Another"), encoding="utf-8")
    (bank_dir / name).write_bytes(content)
    bank = Bank.open(bank_dir)
    assert sorted(sf.id for sf in bank.stories) == ["also-good", "good"], bank.errors
    assert [sf.title for sf in sorted(bank.stories, key=lambda s: s.id)] == ["Another", "Good one"]
    assert len(bank.errors) == 1, bank.errors
    err = bank.errors[0]
    assert err.path == bank_dir / name
    assert str(bank_dir / name) in str(err)
    return bank, err


def test_broken_toml_gives_line_and_column(bank_dir):
    content = b'title = "Fine"\nquestions = ["project"]\nrole = "unterminated\nwhen = "2020"\n'
    _bank, err = open_with(bank_dir, "broken.toml", content)
    assert "not valid TOML" in err.message
    assert err.line == 3
    assert err.column is not None and err.column > 1
    assert f"broken.toml:3:{err.column}" in err.location()


def test_broken_toml_at_end_of_file_still_has_a_line(bank_dir):
    _bank, err = open_with(bank_dir, "eof.toml", b'title = "x"\nquestions = [\n')
    assert "not valid TOML" in err.message
    assert err.line is not None


def test_wrong_types_name_the_field(bank_dir):
    content = b'title = "T"\nquestions = "project"\n'
    _bank, err = open_with(bank_dir, "types.toml", content)
    assert err.field == "questions"
    assert err.line == 2


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n"], ids=["empty", "whitespace"])
def test_empty_and_whitespace_files(bank_dir, content):
    _bank, err = open_with(bank_dir, "empty.toml", content)
    assert "empty" in err.message
    assert "storybank new" in err.message


def test_comment_only_file_is_not_a_story(bank_dir):
    _bank, err = open_with(bank_dir, "comments.toml", b"# nothing here yet\n")
    assert "title" in err.message and "questions" in err.message


def test_binary_file(bank_dir):
    _bank, err = open_with(bank_dir, "image.toml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in err.message


def test_non_utf8_file(bank_dir):
    content = 'title = "Café"\nquestions = ["project"]\n'.encode("latin-1")
    _bank, err = open_with(bank_dir, "latin.toml", content)
    assert "UTF-8" in err.message


def test_utf8_bom_is_accepted(bank_dir):
    (bank_dir / "bom.toml").write_bytes(b"\xef\xbb\xbf" + minimal_story("Bom").encode())
    bank = Bank.open(bank_dir)
    assert bank.errors == [] and bank.stories[0].title == "Bom"


def test_newer_schema_is_a_clear_error(bank_dir):
    content = b'schema = 2\ntitle = "From the future"\nquestions = ["project"]\n'
    _bank, err = open_with(bank_dir, "future.toml", content)
    assert "2" in err.message and "upgrade" in err.message
    assert err.field == "schema" and err.line == 1
    assert (bank_dir / "future.toml").read_bytes() == content  # left as it is


def test_invalid_file_name_suggests_a_rename(bank_dir):
    _bank, err = open_with(bank_dir, "My Story.toml", minimal_story("Mine").encode())
    assert "rename" in err.message
    assert "my-story.toml" in err.message


def test_ids_differing_only_in_case(bank_dir):
    _bank, err = open_with(bank_dir, "Good.toml", minimal_story("Shouting").encode())
    assert err.path.name == "Good.toml"
    # The plain rename suggestion would clash with good.toml: say what is really going on.
    assert "good.toml" in err.message
    assert "letter case" in err.message
    assert "rename it to good.toml" not in err.message


def test_hidden_and_non_toml_files_are_not_stories(bank_dir):
    (bank_dir / ".storybank").mkdir()
    (bank_dir / ".storybank" / "log.toml").write_text("garbage = [", encoding="utf-8")
    (bank_dir / ".hidden.toml").write_text("garbage = [", encoding="utf-8")
    (bank_dir / ".good.toml.abc123.tmp").write_text("garbage", encoding="utf-8")
    (bank_dir / "notes.txt").write_text("garbage", encoding="utf-8")
    (bank_dir / "folder.toml").mkdir()
    (bank_dir / "good.toml").write_text(minimal_story(), encoding="utf-8")
    bank = Bank.open(bank_dir)
    assert [sf.id for sf in bank.stories] == ["good"]
    assert bank.errors == []


def test_many_bad_files_at_once_each_reported(bank_dir):
    bad = {"a.toml": b"", "b.toml": b"x = [", "c.toml": b"\x00", "d.toml": b"schema = 9\n",
           "e.toml": b'title = 1\nquestions = []\n'}
    for name, content in bad.items():
        (bank_dir / name).write_bytes(content)
    (bank_dir / "ok.toml").write_text(minimal_story(), encoding="utf-8")
    bank = Bank.open(bank_dir)
    assert [sf.id for sf in bank.stories] == ["ok"]
    assert sorted(e.path.name for e in bank.errors) == sorted(bad)
    for err in bank.errors:
        assert set(err.to_json()) >= {"path", "line", "column", "message"}


def test_missing_bank_is_bank_not_found(tmp_path):
    from storybank.errors import BankNotFound

    with pytest.raises(BankNotFound, match="storybank init"):
        Bank.open(tmp_path / "nowhere")
    (tmp_path / "file").write_text("x")
    with pytest.raises(BankNotFound, match="not a folder"):
        Bank.open(tmp_path / "file")


def test_rename_suggestion_avoids_an_existing_id(bank_dir):
    (bank_dir / "my-story.toml").write_text(minimal_story("Mine"), encoding="utf-8")
    (bank_dir / "My Story.toml").write_text(minimal_story("Mine too"), encoding="utf-8")
    bank = Bank.open(bank_dir)
    assert [sf.id for sf in bank.stories] == ["my-story"]
    assert "rename it to my-story-2.toml" in bank.errors[0].message


def test_oversized_file_is_refused_without_reading_it(bank_dir):
    path = bank_dir / "huge.toml"
    with open(path, "wb") as handle:
        handle.truncate(17 * 1024 * 1024)  # sparse: cheap to make
    _bank, err = open_with(bank_dir, "huge.toml", path.read_bytes())
    assert "16 MB" in err.message
