"""What a new user met on the command line (issue 21, items 12 and 13): a second story with the
same title is told its id, --limit is checked, numbers read with separators, every code can be
listed, progress says what counts as practice, and a write error names the story, not its
hidden temp file."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

from storybank.atomic import atomic_write
from storybank.cli.output import grouped


def test_a_second_story_with_the_same_title_is_told_its_id(cli, bank_dir):
    first = cli("--bank", str(bank_dir), "new", "Cutting checkout latency")
    second = cli("--bank", str(bank_dir), "new", "Cutting checkout latency")
    assert first.code == second.code == 0 and first.err == ""
    assert second.out.strip().endswith("cutting-checkout-latency-2.toml")
    assert second.err.count("\n") == 1
    assert "cutting-checkout-latency.toml is already in the bank" in second.err
    assert "cutting-checkout-latency-2" in second.err


@pytest.mark.parametrize(("args", "says"), [
    (["--limit", "-5"], "more than 0"),
    (["--limit", "0"], "more than 0"),
    (["--limit", "30", "--audio", "answer.wav"], "analysed whole"),
])
def test_rehearse_limit_is_checked(cli, good_bank, args, says):
    done = cli("--bank", str(good_bank), "rehearse", "good", *args)
    assert done.code == 2 and done.out == ""
    assert done.err.count("\n") == 1 and says in done.err and "Traceback" not in done.err


def test_numbers_read_with_thousands_separators():
    assert grouped("40000000") == "40,000,000"
    assert grouped("1234.5") == "1,234.5"
    assert grouped("-25000") == "-25,000"
    assert grouped("6.8") == "6.8" and grouped("250") == "250"
    assert grouped("9:30") == "9:30"          # not a plain number: left as heard


def test_explain_alone_lists_every_code(cli):
    alone = cli("explain")
    listed = cli("explain", "--list", "--format", "json")
    assert alone.code == listed.code == 0
    rules = json.loads(listed.out)["rules"]
    assert len(rules) > 30 and {"code", "name", "severity", "category", "checks"} <= set(rules[0])
    for rule in rules:
        assert rule["code"] in alone.out and rule["name"] in alone.out
    assert "storybank explain CODE" in alone.out


def test_progress_says_rehearse_counts_as_practice(cli, good_bank):
    done = cli("--bank", str(good_bank), "progress")
    assert done.code == 0 and "storybank rehearse" in done.out


def test_a_write_error_names_the_story_not_its_temp_file(tmp_path, monkeypatch):
    story = tmp_path / "order-outbox.toml"

    def refused(prefix="", suffix="", dir=None):
        raise PermissionError(13, "Permission denied", str(Path(dir) / f"{prefix}x8k2{suffix}"))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(PermissionError) as caught:
        atomic_write(story, b"title = 'x'\n")
    assert caught.value.filename == str(story)
    assert ".tmp" not in str(caught.value)
