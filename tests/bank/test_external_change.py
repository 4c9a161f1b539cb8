"""Saving never overwrites an edit made to the file by someone else since it was read."""

from __future__ import annotations

import os

import pytest

from storybank.bank import Bank
from storybank.errors import SaveConflict


def _open(good_bank):
    bank = Bank.open(good_bank)
    sf = bank.get("good")
    edited = sf.story.model_copy(update={"situation": "My edit in storybank."})
    return bank, sf, edited


def test_same_size_same_mtime_external_edit_is_a_conflict(good_bank):
    path = good_bank / "good.toml"
    bank, sf, edited = _open(good_bank)
    stat = path.stat()
    original = path.read_bytes()
    external = original.replace(b"Acme", b"Acne", 1)
    assert len(external) == len(original) and external != original
    path.write_bytes(external)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_mtime_ns == stat.st_mtime_ns and path.stat().st_size == stat.st_size

    assert bank.disk_digest(sf) != sf.digest
    with pytest.raises(SaveConflict) as raised:
        bank.save(sf, edited)
    assert raised.value.path == path
    assert "changed on disk" in str(raised.value)
    assert path.read_bytes() == external

    # force=True is the explicit "overwrite theirs".
    assert bank.save(sf, edited, force=True) is True
    assert Bank.open(good_bank).get("good").story.situation == "My edit in storybank."


def test_deleted_file_is_a_conflict(good_bank):
    path = good_bank / "good.toml"
    bank, sf, edited = _open(good_bank)
    path.unlink()
    with pytest.raises(SaveConflict, match="deleted"):
        bank.save(sf, edited)
    assert not path.exists()
    assert bank.save(sf, edited, force=True) is True
    assert Bank.open(good_bank).get("good").story.situation == "My edit in storybank."


def test_unchanged_story_is_not_a_conflict_and_writes_nothing(good_bank):
    path = good_bank / "good.toml"
    bank, sf, _edited = _open(good_bank)
    path.write_text(path.read_text(encoding="utf-8") + "# an external comment\n", encoding="utf-8")
    external = path.read_bytes()
    assert bank.save(sf, sf.story.model_copy(deep=True)) is False
    assert path.read_bytes() == external


def test_reload_then_save_keeps_the_external_edit(good_bank):
    path = good_bank / "good.toml"
    bank, sf, _edited = _open(good_bank)
    path.write_text(path.read_text(encoding="utf-8").replace("Acme", "Initech"), encoding="utf-8")
    fresh = bank.reload(sf)
    assert fresh.story.title == "Payment retry pipeline at Initech"
    assert bank.get("good") is fresh
    assert bank.save(fresh, fresh.story.model_copy(update={"role": "Lead"})) is True
    text = path.read_text(encoding="utf-8")
    assert "Initech" in text and 'role = "Lead"' in text


def test_save_copy_keeps_both(good_bank):
    path = good_bank / "good.toml"
    bank, sf, edited = _open(good_bank)
    path.write_text(path.read_text(encoding="utf-8").replace("Acme", "Initech"), encoding="utf-8")
    with pytest.raises(SaveConflict):
        bank.save(sf, edited)
    copy = bank.save_copy(edited)
    assert copy.path != path and copy.path.parent == good_bank
    assert "Initech" in path.read_text(encoding="utf-8")
    reloaded = Bank.open(good_bank)
    assert sorted(s.id for s in reloaded.stories) == sorted(["good", copy.id])
    assert reloaded.get(copy.id).story.situation == "My edit in storybank."


def test_delete_moves_the_file_to_the_hidden_trash(good_bank):
    bank = Bank.open(good_bank)
    sf = bank.get("good")
    original = sf.path.read_bytes()
    target = bank.delete(sf)
    assert not sf.path.exists()
    assert target.read_bytes() == original
    assert good_bank / ".storybank" in target.parents
    assert bank.get("good") is None
    reopened = Bank.open(good_bank)
    assert reopened.stories == [] and reopened.errors == []
    # Deleting a second story with the same id in the same second keeps both in the trash.
    (good_bank / "good.toml").write_bytes(original)
    second = Bank.open(good_bank).delete(Bank.open(good_bank).get("good"))
    assert second != target and second.exists() and target.exists()
