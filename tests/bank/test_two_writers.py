"""Two writers on one story, as two app instances would be: the second save never silently
overwrites the first, and the second writer can always keep its version as a copy.
(tests/bank/test_external_change.py covers an external editor and a deleted file.)"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from storybank.bank import Bank, read_story_file
from storybank.errors import SaveConflict
from tests.helpers import GOOD_STORY


@pytest.fixture
def writers(good_bank: Path):
    """Two banks on one folder, as two app instances, each holding its own copy of `good`:
    (a, a's story file, b, b's story file)."""
    a, b = Bank.open(good_bank), Bank.open(good_bank)
    return a, a.get("good"), b, b.get("good")


def edit(sf, **update):
    """The story of `sf` with `update` applied."""
    return sf.story.model_copy(update=update)


def test_second_writer_gets_a_conflict_and_the_first_edit_stays(good_bank, writers):
    a, sa, b, sb = writers
    assert a.save(sa, edit(sa, role="Staff engineer, Acme"))
    after_a = (good_bank / "good.toml").read_bytes()
    edit_b = edit(sb, situation="B's new situation.")
    with pytest.raises(SaveConflict) as caught:
        b.save(sb, edit_b)
    assert "changed on disk" in str(caught.value) and str(good_bank / "good.toml") in str(caught.value)
    assert (good_bank / "good.toml").read_bytes() == after_a  # A's edit is on disk, untouched
    assert sb.story.situation != "B's new situation."  # B's in-memory state still the old file's
    # Keep both: B's version goes to a new file, A's stays where it was.
    copy = b.save_copy(edit_b)
    assert copy.path != sa.path and copy.path.parent == good_bank
    assert read_story_file(copy.path).story.situation == "B's new situation."
    assert read_story_file(sa.path).story.role == "Staff engineer, Acme"
    ids = {s.id for s in Bank.open(good_bank).stories}
    assert ids == {"good", copy.id}


def test_after_a_conflict_reload_then_save_keeps_both_edits(good_bank, writers):
    a, sa, b, sb = writers
    a.save(sa, edit(sa, role="Staff engineer, Acme"))
    with pytest.raises(SaveConflict):
        b.save(sb, edit(sb, when="2024"))
    fresh = b.reload(sb)
    assert fresh.story.role == "Staff engineer, Acme"
    assert b.save(fresh, edit(fresh, when="2024"))
    final = read_story_file(good_bank / "good.toml").story
    assert final.role == "Staff engineer, Acme" and final.when == "2024"
    # ... and now it is A who is behind.
    with pytest.raises(SaveConflict):
        a.save(sa, edit(sa, role="Principal"))


def test_the_same_edit_from_both_writers_is_not_a_conflict(good_bank, writers):
    a, sa, b, sb = writers
    a.save(sa, edit(sa, role="Staff engineer, Acme"))
    # B made the very same change: the file already says it, so there is nothing to lose.
    try:
        saved = b.save(sb, edit(sb, role="Staff engineer, Acme"))
    except SaveConflict:
        saved = None  # also acceptable: a conflict is never data loss
    assert saved in (False, None)
    assert read_story_file(good_bank / "good.toml").story.role == "Staff engineer, Acme"


def test_force_is_the_only_way_to_overwrite_and_it_says_so(good_bank, writers):
    a, sa, b, sb = writers
    a.save(sa, edit(sa, role="A"))
    with pytest.raises(SaveConflict):
        b.save(sb, edit(sb, role="B"))
    assert b.save(sb, edit(sb, role="B"), force=True)
    assert read_story_file(good_bank / "good.toml").story.role == "B"


def test_a_writer_whose_file_was_deleted_and_recreated_gets_a_conflict(good_bank, writers):
    a, sa, b, sb = writers
    a.delete(sa)  # to the trash
    (good_bank / "good.toml").write_text(GOOD_STORY.replace("Payment retry", "Someone else's"), encoding="utf-8")
    with pytest.raises(SaveConflict):
        b.save(sb, edit(sb, role="B"))
    assert "Someone else's" in (good_bank / "good.toml").read_text(encoding="utf-8")


def test_two_writers_creating_the_same_title_never_overwrite(good_bank):
    a, b = Bank.open(good_bank), Bank.open(good_bank)
    first = a.create("Shared title", ["project"])
    second = b.create("Shared title", ["failure"])  # b's listing predates a's file
    assert first.path != second.path
    assert read_story_file(first.path).story.questions == ["project"]
    assert read_story_file(second.path).story.questions == ["failure"]


# --- two processes saving at the same instant ---------------------------------------------------

RACER = """
import sys, time
from pathlib import Path
from storybank.bank import Bank
from storybank.errors import SaveConflict
root, who, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
bank = Bank.open(root)
sf = bank.get("good")
edited = sf.story.model_copy(update={"role": f"edited by {who}"})
(go.parent / f"{go.name}-ready-{who}").touch()  # loaded: the race can start
while not go.exists():
    time.sleep(0.0005)
try:
    bank.save(sf, edited)
    print("saved")
except SaveConflict:
    print("conflict")
"""


@pytest.mark.slow
def test_two_processes_saving_at_once_one_wins_and_the_other_is_told(good_bank, tmp_path):
    lost = []
    for round_ in range(12):
        (good_bank / "good.toml").write_text(GOOD_STORY, encoding="utf-8")
        go = tmp_path / f"go-{round_}"
        racers = {who: subprocess.Popen([sys.executable, "-c", RACER, str(good_bank), who, str(go)],
                                        stdout=subprocess.PIPE, text=True) for who in ("A", "B")}
        # Start the race only once both have read the story: a racer that loads after the other
        # saved would rightly save too, and the round would test nothing.
        ready = [tmp_path / f"go-{round_}-ready-{who}" for who in racers]
        deadline = time.monotonic() + 60
        while not all(r.exists() for r in ready):
            assert time.monotonic() < deadline, "a racer never loaded the story"
            assert all(p.poll() is None for p in racers.values()), "a racer exited before the race"
            time.sleep(0.005)
        go.touch()
        results = {who: p.communicate(timeout=60)[0].strip() for who, p in racers.items()}
        assert all(p.returncode == 0 for p in racers.values())
        on_disk = read_story_file(good_bank / "good.toml").story.role
        winners = [who for who, r in results.items() if r == "saved"]
        # Never both "saved": that would mean one edit was silently overwritten.
        if len(winners) != 1:
            lost.append((round_, results, on_disk))
            continue
        assert on_disk == f"edited by {winners[0]}", (results, on_disk)
    assert lost == [], f"both writers were told 'saved' (one edit lost) in rounds {lost}"
