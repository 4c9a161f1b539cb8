"""The cheat sheet marks the question types due for practice today, once there is practice to
go by (before the first drill every type would be due, which says nothing)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from storybank.cli import main
from storybank.practice import PracticeRecord, append_record

ROOT = Path(__file__).resolve().parents[2]
WELL = ("project", "failure", "disagreement", "performance", "learning", "motivation")


def export(capsys, bank: Path, *extra: str) -> str:
    code = main(["export", "--bank", str(bank), *extra])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def sections(markdown: str) -> dict[str, str]:
    return {line.split(". ", 1)[1].split(" · ")[0]: line for line in markdown.splitlines()
            if line.startswith("## ")}


@pytest.mark.slow
def test_the_sheet_marks_what_is_due_once_there_is_practice(capsys, tmp_path):
    bank = tmp_path / "bank"
    shutil.copytree(ROOT / "stories", bank)
    before = export(capsys, bank)
    assert "due for practice" not in before
    now = time.time()
    for q in WELL:                                  # answered well just now: due in a day
        append_record(bank, PracticeRecord(ts=now - 60, question=q, story="x", answer_seconds=70))
    append_record(bank, PracticeRecord(ts=now - 2 * 86400, question="rubric", story=None,
                                       answer_seconds=70))  # no story, two days ago: due
    heads = sections(export(capsys, bank))
    assert len(heads) == 8
    due = {label for label, line in heads.items() if line.endswith("· due for practice")}
    assert due == {"Rubric conflict", "Weekly schedule"}    # and schedule: never drilled
    text = export(capsys, bank, "-o", str(tmp_path / "sheet.txt"))
    sheet = (tmp_path / "sheet.txt").read_text()
    assert "RUBRIC CONFLICT (due)" in sheet and "OWNED PROJECT (due)" not in sheet
    assert len(sheet.splitlines()) <= 66 and max(len(line) for line in sheet.splitlines()) <= 100
    assert text == "" or "sheet.txt" in text
    html = tmp_path / "sheet.html"
    export(capsys, bank, "-o", str(html))
    assert html.read_text().count('<span class="due">') == 2
