"""`storybank new` writes a skeleton with every section's key to fill in (issue 13, friction)."""

from __future__ import annotations

import tomllib

from storybank.bank import Bank, init_bank
from storybank.cli import main
from storybank.model import PARTS, PROBES


def test_new_writes_every_section_key_and_loads(tmp_path, capsys):
    init_bank(tmp_path)
    assert main(["--bank", str(tmp_path), "new", 'Cutting "checkout" latency', "--question", "performance"]) == 0
    path = tmp_path / "cutting-checkout-latency.toml"
    text = path.read_text()
    data = tomllib.loads(text)
    assert data["title"] == 'Cutting "checkout" latency' and data["questions"] == ["performance"]
    for key in ("role", "when", "technologies", "ownership", *PARTS):
        assert key in data, key
    assert set(data["followups"]) == set(PROBES)
    assert "# What you did, in the first person" in text and "# [[metrics]]" in text
    bank = Bank.open(tmp_path)
    assert [sf.id for sf in bank.stories] == ["cutting-checkout-latency"] and not bank.errors
