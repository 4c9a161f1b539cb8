"""The bank keeps its stories in file-name order, the order a load gives them."""

from __future__ import annotations

from storybank.bank import Bank, init_bank


def test_created_stories_take_their_load_order_place(tmp_path):
    init_bank(tmp_path)
    bank = Bank.open(tmp_path)
    for title in ("Zeta rollout", "Alpha migration", "Mid-size refactor"):
        bank.create(title, ["project"])
    created = [sf.id for sf in bank.stories]
    assert created == sorted(created)
    assert created == [sf.id for sf in Bank.open(tmp_path).stories]
