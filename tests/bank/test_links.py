"""Links inside the bank: a story that is a link loads but is never written through, a hard link
is saved without touching its other name, delete moves the link and not its target, and a link
loop is one load error. Commands on such a bank change nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storybank.bank import Bank, read_story_file
from storybank.errors import StorybankError, UnsafePath
from tests.helpers import GOOD_STORY, tree

# --- symlinks inside the bank -------------------------------------------------------------------------

@pytest.fixture
def linked_bank(tmp_path: Path) -> tuple[Path, Path]:
    bank = tmp_path / "bank"
    bank.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (bank / "good.toml").write_text(GOOD_STORY, encoding="utf-8")
    (outside / "theirs.toml").write_text(GOOD_STORY.replace("Payment retry", "Their retry"), encoding="utf-8")
    (bank / "linked.toml").symlink_to(outside / "theirs.toml")
    (bank / "alias.toml").symlink_to(bank / "good.toml")  # a link inside the bank
    sub = outside / "more"
    sub.mkdir()
    (sub / "hidden-story.toml").write_text(GOOD_STORY, encoding="utf-8")
    (bank / "subfolder").symlink_to(sub, target_is_directory=True)
    (bank / "folder.toml").symlink_to(sub, target_is_directory=True)  # a link to a folder, named .toml
    return bank, outside


def test_linked_story_loads_but_is_never_written_through(linked_bank):
    bank_dir, outside = linked_bank
    before = tree(outside)
    bank = Bank.open(bank_dir)
    assert sorted(s.id for s in bank.stories) == ["alias", "good", "linked"]
    assert bank.errors == []  # the linked folders are not stories, not errors
    for story_id in ("linked", "alias"):
        sf = bank.get(story_id)
        edited = sf.story.model_copy(update={"role": "Staff engineer"})
        for force in (False, True):
            with pytest.raises(UnsafePath, match="link"):
                bank.save(sf, edited, force=force)
    assert tree(outside) == before
    assert (bank_dir / "good.toml").read_text(encoding="utf-8") == GOOD_STORY
    # Keep both: the edit can always be saved as a new, real file in the bank.
    sf = bank.get("linked")
    copy = bank.save_copy(sf.story.model_copy(update={"role": "Staff engineer"}))
    assert copy.path.parent == bank_dir and not copy.path.is_symlink()
    assert read_story_file(copy.path).story.role == "Staff engineer"
    assert tree(outside) == before


def test_the_message_for_a_link_says_where_it_leads(linked_bank):
    bank_dir, outside = linked_bank
    bank = Bank.open(bank_dir)
    sf = bank.get("linked")
    with pytest.raises(StorybankError) as caught:
        bank.save(sf, sf.story.model_copy(update={"role": "x"}))
    assert "outside the bank" in str(caught.value) and str(outside / "theirs.toml") in str(caught.value)


def test_a_hard_linked_story_is_saved_without_touching_the_other_name(tmp_path):
    bank_dir = tmp_path / "bank"
    bank_dir.mkdir()
    outside = tmp_path / "outside.toml"
    outside.write_text(GOOD_STORY, encoding="utf-8")
    os.link(outside, bank_dir / "hard.toml")
    bank = Bank.open(bank_dir)
    sf = bank.get("hard")
    assert bank.save(sf, sf.story.model_copy(update={"role": "Staff engineer"}))
    assert outside.read_text(encoding="utf-8") == GOOD_STORY  # the save replaced the bank's name only
    assert read_story_file(bank_dir / "hard.toml").story.role == "Staff engineer"


def test_delete_moves_the_link_not_its_target(linked_bank):
    bank_dir, outside = linked_bank
    before = tree(outside)
    bank = Bank.open(bank_dir)
    moved = bank.delete(bank.get("linked"))
    assert moved.is_symlink() and tree(outside) == before


@pytest.mark.slow
def test_new_never_writes_through_a_dangling_link_named_like_the_new_id(cli, tmp_path):
    bank = tmp_path / "bank"
    bank.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (bank / "retry-pipeline.toml").symlink_to(outside / "victim.toml")
    (bank / "retry-pipeline-2.toml").symlink_to("../outside/relative-victim.toml")
    (bank / "retry-pipeline-3.toml").symlink_to(outside / "no" / "such" / "folder.toml")
    result = cli("--bank", str(bank), "new", "Retry pipeline", "--format", "json")
    result.no_traceback()
    assert result.code == 0, result.err
    assert result.json()["id"] == "retry-pipeline-4"
    assert tree(outside) == {}
    listed = cli("--bank", str(bank), "list", "--format", "json")
    assert [s["id"] for s in listed.json()["stories"]] == ["retry-pipeline-4"]
    assert listed.json()["errors"] == []  # a dangling link is not a story file


@pytest.mark.slow
def test_commands_on_a_bank_with_links_serve_and_change_nothing(cli, linked_bank):
    bank_dir, outside = linked_bank
    before_out, before_bank = tree(outside), tree(bank_dir)
    for args in (["list"], ["lint"], ["coverage"], ["followups", "linked"], ["match", "why"]):
        result = cli("--bank", str(bank_dir), *args, "--format", "json")
        result.no_traceback()
        assert result.code in (0, 1), (args, result.err)
        json.loads(result.out)
    assert tree(outside) == before_out and tree(bank_dir) == before_bank


def test_a_link_loop_in_the_bank_is_a_load_error_not_a_failed_bank(good_bank):
    bank_dir = good_bank
    (bank_dir / "self.toml").symlink_to("self.toml")
    (bank_dir / "a.toml").symlink_to("b.toml")
    (bank_dir / "b.toml").symlink_to("a.toml")
    bank = Bank.open(bank_dir)
    assert [s.id for s in bank.stories] == ["good"]
    assert sorted(e.path.name for e in bank.errors) == ["a.toml", "b.toml", "self.toml"]
    assert all("cannot be read" in e.message for e in bank.errors)
    assert bank.create("Self", []).id == "self-2"  # the names stay taken
