"""Saving an edit keeps the user's comments, key order and unknown keys (README "The story format")."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from storybank.bank import Bank, read_story_file

HAND_WRITTEN = '''\
# My best project story. Keep it under 80 seconds!
title = "Order outbox at Parcelo"   # what I say first
when = 2021                          # a bare year, as people write it
questions = ["project", "failure"]  # two question types
private_notes = "ask Dana about the numbers"  # unknown key, kept
technologies = ["Go", "Kafka"]
situation = """
Orders were lost when the Kafka publish failed.
"""  # the hook
# the action, in my own order, before ownership
action = "I built a transactional outbox and a relay."
ownership = "I designed it and led the rollout."
outcome = "Lost orders fell from 140 a month to zero."
rating = 4                           # unknown, a number

[[metrics]]
# the headline number
name = "lost orders"
before = 140   # per month, from support tickets
after = 0
source = "support tickets"  # unknown key inside a metric

[[metrics]]
unit = "events/s"   # unit first: custom order
name = "relay throughput"
value = 900
checked = ["2021-06", "2021-07"]  # unknown list in a metric

[followups]
# prepared depth
technical = "FOR UPDATE SKIP LOCKED, four workers."   # the one they always ask
differently = "Build the cleanup job on day one."
mystery_probe = "kept as written"   # unknown probe

[extra_table]   # an unknown table
colour = "blue"
'''


def _edit(bank_dir: Path):
    path = bank_dir / "outbox.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    bank = Bank.open(bank_dir)
    assert bank.errors == []
    sf = bank.get("outbox")
    assert sf is not None
    metrics = [m.model_copy() for m in sf.story.metrics]
    metrics[0] = metrics[0].model_copy(update={"after": 2})
    edited = sf.story.model_copy(update={
        "situation": "Orders vanished whenever the Kafka publish failed.",
        "metrics": metrics,
    })
    assert bank.save(sf, edited) is True
    return path, sf, edited


def test_only_the_edited_lines_change(bank_dir):
    path, _sf, _edited = _edit(bank_dir)
    new = path.read_text(encoding="utf-8")
    old_lines, new_lines = HAND_WRITTEN.splitlines(), new.splitlines()
    diff = list(difflib.ndiff(old_lines, new_lines))
    removed = [line[2:] for line in diff if line.startswith("- ")]
    added = [line[2:] for line in diff if line.startswith("+ ")]
    assert removed == [
        'situation = """',
        "Orders were lost when the Kafka publish failed.",
        '"""  # the hook',
        "after = 0",
    ]
    assert len(added) == 2, added
    assert added[0].startswith("situation = ") and "Orders vanished" in added[0]
    assert added[1] == "after = 2"


def test_every_comment_and_unknown_key_survives(bank_dir):
    path, _sf, _edited = _edit(bank_dir)
    new = path.read_text(encoding="utf-8")
    comments = [line[line.index("#"):] for line in HAND_WRITTEN.splitlines()
                if "#" in line and "the hook" not in line]  # the hook sat on the replaced value
    for comment in comments:
        assert comment in new, f"lost comment {comment!r}"
    for key in ("private_notes", "rating", "source", "checked", "mystery_probe", "[extra_table]", "colour"):
        assert key in new
    # Key order as the user wrote it.
    order = [line.split("=")[0].strip() for line in new.splitlines()
             if "=" in line and not line.startswith((" ", "#", '"'))]
    assert order.index("when") < order.index("questions") < order.index("private_notes")
    assert order.index("action") < order.index("ownership")
    assert order.index("unit") < order.index("name", order.index("unit"))


def test_the_saved_file_reloads_as_the_edited_story(bank_dir):
    path, sf, edited = _edit(bank_dir)
    again = read_story_file(path)
    assert not isinstance(again, Exception) and hasattr(again, "story")
    assert again.story.to_data() == edited.to_data()
    assert again.story.model_extra == {"private_notes": "ask Dana about the numbers", "rating": 4,
                                       "extra_table": {"colour": "blue"}}
    assert again.story.when == "2021"
    assert sf.text == path.read_text(encoding="utf-8")


def test_a_second_save_of_the_same_story_writes_nothing(bank_dir):
    path, sf, edited = _edit(bank_dir)
    before = path.read_bytes()
    stat = path.stat()
    assert Bank.open(bank_dir).save(Bank.open(bank_dir).get("outbox"), edited) is False
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == stat.st_mtime_ns


def test_removing_a_metric_and_a_field_touches_only_those(bank_dir):
    path = bank_dir / "outbox.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    bank = Bank.open(bank_dir)
    sf = bank.get("outbox")
    edited = sf.story.model_copy(update={"metrics": sf.story.metrics[:1], "technologies": []})
    assert bank.save(sf, edited)
    new = path.read_text(encoding="utf-8")
    assert "relay throughput" not in new and "checked" not in new
    assert "lost orders" in new and "# the headline number" in new
    assert "mystery_probe" in new and "private_notes" in new
    reloaded = read_story_file(path)
    assert reloaded.story.to_data() == edited.to_data()


def test_inline_metrics_are_left_alone_when_only_text_changes(bank_dir):
    text = ('title = "Inline"\nquestions = ["project"]\nsituation = "old"\n'
            'metrics = [{name = "lat", value = 3}]  # inline\n')
    path = bank_dir / "inline.toml"
    path.write_text(text, encoding="utf-8")
    bank = Bank.open(bank_dir)
    sf = bank.get("inline")
    assert bank.save(sf, sf.story.model_copy(update={"situation": "new"}))
    assert path.read_text(encoding="utf-8") == text.replace('"old"', '"new"')


def _real_stories() -> list[Path]:
    from tests.helpers import EXAMPLES

    repo = Path(__file__).resolve().parents[2]
    found = sorted(EXAMPLES.glob("*.toml")) + sorted((repo / "tests" / "corpus").rglob("*.toml"))
    stories = [p for p in found if not p.name.startswith(".")
               and any(line.startswith("title") for line in p.read_text(encoding="utf-8").splitlines())]
    return stories[:40]


@pytest.mark.parametrize("source", _real_stories(), ids=lambda p: p.name)
def test_editing_a_real_story_changes_one_line(tmp_path, source):
    bank_dir = tmp_path / "bank"
    bank_dir.mkdir()
    original = source.read_text(encoding="utf-8")
    (bank_dir / source.name).write_text(original, encoding="utf-8")
    bank = Bank.open(bank_dir)
    if bank.errors:
        pytest.skip(f"{source.name} does not load: {bank.errors[0]}")
    sf = bank.stories[0]
    assert bank.save(sf, sf.story.model_copy(deep=True)) is False
    had_when = sf.story.when is not None
    assert bank.save(sf, sf.story.model_copy(update={"when": "1999"})) is True
    new = (bank_dir / source.name).read_text(encoding="utf-8")
    diff = [d for d in difflib.ndiff(original.splitlines(), new.splitlines()) if d[:2] in ("- ", "+ ")]
    if had_when:
        assert len(diff) == 2 and diff[0].startswith("- when") and diff[1] == '+ when = "1999"', diff
    else:
        assert diff == ['+ when = "1999"']
    assert read_story_file(bank_dir / source.name).story.to_data() == \
        sf.story.model_copy(update={"when": "1999"}).to_data()
