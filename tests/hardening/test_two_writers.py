"""Two writers on one story, as two app instances would be: the second save never silently
overwrites the first, and the second writer can always keep its version as a copy.
(tests/foundation/test_external_change.py covers an external editor and a deleted file.)"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from storybank.bank import Bank, read_story_file
from storybank.errors import SaveConflict

from .conftest import GOOD


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    root = tmp_path / "bank"
    root.mkdir()
    (root / "good.toml").write_text(GOOD, encoding="utf-8")
    return root


def test_second_writer_gets_a_conflict_and_the_first_edit_stays(bank_dir):
    a, b = Bank.open(bank_dir), Bank.open(bank_dir)
    sa, sb = a.get("good"), b.get("good")
    assert a.save(sa, sa.story.model_copy(update={"role": "Staff engineer, Acme"}))
    after_a = (bank_dir / "good.toml").read_bytes()
    edit_b = sb.story.model_copy(update={"situation": "B's new situation."})
    with pytest.raises(SaveConflict) as caught:
        b.save(sb, edit_b)
    assert "changed on disk" in str(caught.value) and str(bank_dir / "good.toml") in str(caught.value)
    assert (bank_dir / "good.toml").read_bytes() == after_a  # A's edit is on disk, untouched
    assert sb.story.situation != "B's new situation."  # B's in-memory state still the old file's
    # Keep both: B's version goes to a new file, A's stays where it was.
    copy = b.save_copy(edit_b)
    assert copy.path != sa.path and copy.path.parent == bank_dir
    assert read_story_file(copy.path).story.situation == "B's new situation."
    assert read_story_file(sa.path).story.role == "Staff engineer, Acme"
    ids = {s.id for s in Bank.open(bank_dir).stories}
    assert ids == {"good", copy.id}


def test_after_a_conflict_reload_then_save_keeps_both_edits(bank_dir):
    a, b = Bank.open(bank_dir), Bank.open(bank_dir)
    sa, sb = a.get("good"), b.get("good")
    a.save(sa, sa.story.model_copy(update={"role": "Staff engineer, Acme"}))
    with pytest.raises(SaveConflict):
        b.save(sb, sb.story.model_copy(update={"when": "2024"}))
    fresh = b.reload(sb)
    assert fresh.story.role == "Staff engineer, Acme"
    assert b.save(fresh, fresh.story.model_copy(update={"when": "2024"}))
    final = read_story_file(bank_dir / "good.toml").story
    assert final.role == "Staff engineer, Acme" and final.when == "2024"
    # ... and now it is A who is behind.
    with pytest.raises(SaveConflict):
        a.save(sa, sa.story.model_copy(update={"role": "Principal"}))


def test_the_same_edit_from_both_writers_is_not_a_conflict(bank_dir):
    a, b = Bank.open(bank_dir), Bank.open(bank_dir)
    sa, sb = a.get("good"), b.get("good")
    a.save(sa, sa.story.model_copy(update={"role": "Staff engineer, Acme"}))
    # B made the very same change: the file already says it, so there is nothing to lose.
    try:
        saved = b.save(sb, sb.story.model_copy(update={"role": "Staff engineer, Acme"}))
    except SaveConflict:
        saved = None  # also acceptable: a conflict is never data loss
    assert saved in (False, None)
    assert read_story_file(bank_dir / "good.toml").story.role == "Staff engineer, Acme"


def test_force_is_the_only_way_to_overwrite_and_it_says_so(bank_dir):
    a, b = Bank.open(bank_dir), Bank.open(bank_dir)
    sa, sb = a.get("good"), b.get("good")
    a.save(sa, sa.story.model_copy(update={"role": "A"}))
    with pytest.raises(SaveConflict):
        b.save(sb, sb.story.model_copy(update={"role": "B"}))
    assert b.save(sb, sb.story.model_copy(update={"role": "B"}), force=True)
    assert read_story_file(bank_dir / "good.toml").story.role == "B"


def test_a_writer_whose_file_was_deleted_and_recreated_gets_a_conflict(bank_dir):
    a, b = Bank.open(bank_dir), Bank.open(bank_dir)
    sa, sb = a.get("good"), b.get("good")
    a.delete(sa)  # to the trash
    (bank_dir / "good.toml").write_text(GOOD.replace("Payment retry", "Someone else's"), encoding="utf-8")
    with pytest.raises(SaveConflict):
        b.save(sb, sb.story.model_copy(update={"role": "B"}))
    assert "Someone else's" in (bank_dir / "good.toml").read_text(encoding="utf-8")


def test_two_writers_creating_the_same_title_never_overwrite(bank_dir):
    a, b = Bank.open(bank_dir), Bank.open(bank_dir)
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
def test_two_processes_saving_at_once_one_wins_and_the_other_is_told(bank_dir, tmp_path):
    lost = []
    for round_ in range(12):
        (bank_dir / "good.toml").write_text(GOOD, encoding="utf-8")
        go = tmp_path / f"go-{round_}"
        racers = {who: subprocess.Popen([sys.executable, "-c", RACER, str(bank_dir), who, str(go)],
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
        on_disk = read_story_file(bank_dir / "good.toml").story.role
        winners = [who for who, r in results.items() if r == "saved"]
        # Never both "saved": that would mean one edit was silently overwritten.
        if len(winners) != 1:
            lost.append((round_, results, on_disk))
            continue
        assert on_disk == f"edited by {winners[0]}", (results, on_disk)
    assert lost == [], f"both writers were told 'saved' (one edit lost) in rounds {lost}"
