"""A unit that repeats the metric name's last word is said once (issue 13, defect 9)."""

from __future__ import annotations

import shutil
from pathlib import Path

from storybank.cli import main
from storybank.cues import name_after

BANK = Path(__file__).resolve().parents[1] / "ui" / "bank"


def test_name_after_drops_the_word_the_number_already_says():
    assert name_after("1.3M accounts", "accounts") == ""
    assert name_after("1.3M accounts", "migrated accounts") == "migrated"
    assert name_after("1.3M Accounts", "migrated accounts") == "migrated"
    assert name_after("1.3M", "migrated accounts") == "migrated accounts"   # no unit: keep the name
    assert name_after("4.2 s → 1.1 s", "p99 latency") == "p99 latency"


def test_the_cheat_sheet_never_says_accounts_accounts(tmp_path, capsys):
    bank = tmp_path / "bank"
    shutil.copytree(BANK, bank)
    story = bank / "spark-skew.toml"
    story.write_text(story.read_text().replace(
        '[[metrics]]\nname = "job runtime"',
        '[[metrics]]\nname = "accounts"\nvalue = 1300000\nunit = "accounts"\n\n'
        '[[metrics]]\nname = "job runtime"', 1))
    main(["--bank", str(bank), "export", "--format", "md"])
    out = capsys.readouterr().out.replace("*", "")
    assert "1.3M accounts" in out
    assert "accounts accounts" not in out.lower()
