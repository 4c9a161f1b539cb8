"""Saved postings: the user's confirmed and rejected links survive an edit of the file (comments
kept) and a re-run; the file is never overwritten when it changed on disk (README "Job postings")."""

from __future__ import annotations

import pytest

from storybank.errors import SaveConflict, StorybankError, UnsafePath
from storybank.postings import store

TEXT = "## Requirements\n\n- Production experience with Kafka\n- Strong Python\n"


def test_save_creates_a_commented_file_and_a_second_save_of_the_same_text_writes_nothing(tmp_path):
    saved, written = store.save_text(tmp_path, "acme", TEXT, "Backend engineer", "acme.md")
    assert written
    raw = saved.path.read_text(encoding="utf-8")
    assert raw.startswith("# A job posting saved by storybank")
    assert saved.path == tmp_path / ".storybank" / "postings" / "acme.toml"
    before = saved.path.stat().st_mtime_ns
    _again, written = store.save_text(tmp_path, "acme", TEXT, "Backend engineer", "acme.md")
    assert not written and saved.path.stat().st_mtime_ns == before


def test_links_survive_the_users_edit_and_a_resave(tmp_path):
    saved, _ = store.save_text(tmp_path, "acme", TEXT, "Backend engineer", "acme.md")
    store.set_link(saved, "Strong Python", "parser-rewrite", "confirmed")
    # The user edits the file: a comment, a note key storybank does not know, a reordered key.
    path = saved.path
    edited = path.read_text(encoding="utf-8").replace(
        '\n[[links]]\n', '\n# my own note: the parser story is the best one\n[[links]]\n') + 'note = "keep"\n'
    path.write_text(edited, encoding="utf-8")
    # A re-run reads the file as the user left it and adds a rejection.
    again = store.load(tmp_path, "acme")
    assert again.links == [store.Link("Strong Python", "parser-rewrite", "confirmed")]
    store.set_link(again, "Production experience with Kafka", "kafka-outage", "rejected")
    store.save_text(tmp_path, "acme", TEXT + "- Go\n", "Backend engineer", "acme.md")
    final = path.read_text(encoding="utf-8")
    assert "# my own note: the parser story is the best one" in final
    assert 'note = "keep"' in final
    assert [(lk.story, lk.status) for lk in store.load(tmp_path, "acme").links] == [
        ("parser-rewrite", "confirmed"), ("kafka-outage", "rejected")]
    assert "- Go" in store.load(tmp_path, "acme").text


def test_changing_and_forgetting_a_link_touches_only_that_link(tmp_path):
    saved, _ = store.save_text(tmp_path, "acme", TEXT, None, None)
    store.set_link(saved, "Strong Python", "a", "confirmed")
    store.set_link(saved, "Strong Python", "b", "rejected")
    store.set_link(saved, "Strong Python", "a", "rejected")
    assert [(lk.story, lk.status) for lk in store.load(tmp_path, "acme").links] == [("a", "rejected"), ("b", "rejected")]
    store.set_link(saved, "Strong Python", "a", None)
    assert [lk.story for lk in store.load(tmp_path, "acme").links] == ["b"]


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path):
    saved, _ = store.save_text(tmp_path, "acme", TEXT, None, None)
    saved.path.write_text(saved.raw + "# someone else was here\n", encoding="utf-8")
    with pytest.raises(SaveConflict):
        store.set_link(saved, "Strong Python", "a", "confirmed")
    assert "someone else was here" in saved.path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["../evil", ".hidden", "CON/x", "", "a" * 65, "Acme Backend"])
def test_a_name_that_could_escape_or_hide_is_refused(tmp_path, name):
    with pytest.raises(UnsafePath):
        store.save_text(tmp_path, name, TEXT, None, None)
    assert not (tmp_path / ".storybank").exists() or not any((tmp_path / ".storybank").rglob("*.toml"))


@pytest.mark.parametrize("body, says", [
    ('text = "x"\n[[links]]\nrequirement = "x"\nstory = "y"\nstatus = "maybe"\n', "links[0].status"),
    ('title = "no text"\n', "`text` must hold the posting"),
    ('schema = 9\ntext = "x"\n', "newer storybank"),
    ("text = \n", "not valid TOML"),
])
def test_a_broken_file_is_one_clear_error(tmp_path, body, says):
    folder = store.folder(tmp_path)
    folder.mkdir(parents=True)
    (folder / "acme.toml").write_text(body, encoding="utf-8")
    with pytest.raises(StorybankError, match=says.replace("[", r"\[").replace("]", r"\]")):
        store.load(tmp_path, "acme")


def test_names_lists_only_valid_saved_postings(tmp_path):
    for name in ("b", "a"):
        store.save_text(tmp_path, name, TEXT, None, None)
    (store.folder(tmp_path) / "Not Valid.toml").write_text('text = "x"', encoding="utf-8")
    assert store.names(tmp_path) == ["a", "b"]


def test_an_edited_requirement_keeps_its_link_a_replaced_one_does_not():
    texts = ["Production experience with Apache Kafka", "Strong Python"]
    assert store.same_requirement("Production experience with Kafka", texts) == 0
    assert store.same_requirement("Ten years of COBOL", texts) is None
