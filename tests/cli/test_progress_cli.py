"""`storybank progress` on a generated year of practice (2,000 drills): the JSON's numbers match a
direct computation over the log's lines, broken lines do not hide the rest, text and exit codes."""

from __future__ import annotations

import importlib.util
import json
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from storybank.cli import main

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("generate_practice", ROOT / "benchmarks" / "generate_practice.py")
generate_practice = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate_practice)

TODAY = "2025-09-15"
LADDER = (1, 2, 4, 8, 16, 32, 60)


@pytest.fixture(scope="module")
def year_bank(tmp_path_factory) -> Path:
    bank = tmp_path_factory.mktemp("year") / "bank"
    shutil.copytree(ROOT / "stories", bank)
    generate_practice.write_log(bank, 2000, seed=11)
    return bank


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def progress_json(capsys, bank: Path, *extra) -> dict:
    code, out, err = run(capsys, "progress", "--bank", str(bank), "--format", "json", *extra)
    assert code == 0, err
    return json.loads(out)


def local_day(iso: str) -> date:
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return datetime.fromtimestamp(moment.timestamp()).date()   # the user's zone, as the command


def lines_of(bank: Path) -> list[dict]:
    out = []
    for line in (bank / ".storybank" / "practice.jsonl").read_text().splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            continue
    return out


def expected_due_on(drills: list[dict]) -> date | None:
    """The ladder, written again from its description (good: in [60, 90] s with a story)."""
    rung, due = -1, None
    for d in drills:
        seconds = d["answer_seconds"]
        if seconds is None:
            continue
        day = local_day(d["ts"])
        if d["story"] is None or seconds < 60 or seconds > 90:
            rung = 0
        elif due is None or day >= due:
            rung = min(rung + 1, 6)
        else:
            rung = max(rung, 0)
        due = day + timedelta(days=LADDER[rung])
    return due


def test_the_generated_log_has_two_thousand_drills_over_a_year(year_bank):
    drills = [line for line in lines_of(year_bank) if "question" in line]
    assert len(drills) == 2000
    days = {local_day(d["ts"]) for d in drills}
    assert (max(days) - min(days)).days > 330
    assert generate_practice.generate_lines(generate_practice.bank_stories(year_bank)) == lines_of(year_bank)


def test_progress_json_matches_a_direct_computation(capsys, year_bank):
    data = progress_json(capsys, year_bank, "--today", TODAY)
    today = date.fromisoformat(TODAY)
    assert data["today"] == TODAY
    lines = [line for line in lines_of(year_bank) if local_day(line["ts"]) <= today]
    drills = sorted((line for line in lines if "question" in line), key=lambda d: d["ts"])
    sessions = [line for line in lines if line.get("kind") == "interview"]
    assert 0 < len(drills) < 2000
    types = {t["id"]: t for t in data["question_types"]}
    assert list(types) == ["project", "failure", "disagreement", "performance", "learning",
                           "motivation", "rubric", "schedule"]
    due = []
    for qid, t in types.items():
        mine = [d for d in drills if d["question"] == qid]
        assert t["drills"] == len(mine)
        assert t["last"] == max(d["ts"] for d in mine)
        assert t["answer_seconds"] == [d["answer_seconds"] for d in mine]
        assert t["followup_seconds"] == [d["followup_seconds"] for d in mine if d["followup_seconds"] is not None]
        due_on = expected_due_on(mine)
        assert t["next_due"] == max(due_on, today).isoformat()
        assert t["due"] == (due_on <= today)
        if t["due"]:
            due.append(qid)
        # spoken figures flow through once the practice log keeps them (the voice work)
        from storybank.practice import PracticeRecord
        if "spoken" in PracticeRecord.__dataclass_fields__:
            assert t["wpm"] == [d["spoken"]["wpm"] for d in mine if "spoken" in d]
        else:
            assert t["wpm"] == [] and t["fillers_per_minute"] == []
    assert sorted(data["due"]) == sorted(due)
    assert sum(t["drills"] for t in types.values()) == len(drills)
    stories = {s["id"]: s for s in data["stories"]}
    for sid, s in stories.items():
        mine = [d for d in drills if d["story"] == sid]
        assert s["drills"] == len(mine)
        assert s["last"] == (max(d["ts"] for d in mine) if mine else None)
        week = [d for d in mine if (today - local_day(d["ts"])).days < 7]
        assert s["recent_uses"] == len(week)
        assert s["rested"] == (len(week) >= 5)
    assert len(data["sessions"]) == len(sessions)
    assert [s["id"] for s in data["sessions"]] == [s["session"] for s in sorted(sessions, key=lambda s: s["ts"])]
    assert data["errors"] == [] and data["notices"] == []


def test_broken_lines_in_the_log_do_not_hide_the_rest(capsys, year_bank, tmp_path):
    bank = tmp_path / "bank"
    shutil.copytree(year_bank, bank)
    log = bank / ".storybank" / "practice.jsonl"
    lines = log.read_text().splitlines()
    broken = lines[:100] + ["{not json", '{"ts": "yesterday", "question": "project"}'] + lines[100:500] \
        + ["\x00\x00\x00", '["a list"]'] + lines[500:] + ['{"ts": "2025-12-31T23:00:00Z", "que']
    log.write_text("\n".join(broken))   # the last line cut short, as by a crash
    whole = progress_json(capsys, year_bank)
    code, out, err = run(capsys, "progress", "--bank", str(bank), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert sum(t["drills"] for t in data["question_types"]) == 2000
    assert data["question_types"] == whole["question_types"]
    assert "skipped 4 lines" in err and "incomplete" in err
    assert len(data["notices"]) == 2


def test_text_output_shows_what_is_due_the_table_and_the_sessions(capsys, year_bank):
    code, out, _ = run(capsys, "progress", "--bank", str(year_bank), "--today", TODAY)
    assert code == 0
    data = progress_json(capsys, year_bank, "--today", TODAY)
    assert out.startswith("Due today (2025-09-15): " if data["due"] else "Nothing due today")
    assert "Owned project" in out and "next due" in out
    assert "mock interviews" in out
    for s in data["stories"]:
        assert s["id"] in out


def test_an_empty_log_says_how_to_start(capsys, tmp_path):
    bank = tmp_path / "bank"
    shutil.copytree(ROOT / "stories", bank)
    code, out, _ = run(capsys, "progress", "--bank", str(bank))
    assert code == 0
    assert "No practice yet" in out
    data = progress_json(capsys, bank)
    assert data["due"] and all(t["drills"] == 0 and t["due"] for t in data["question_types"])


def test_bad_arguments_are_one_line_and_exit_2(capsys, year_bank, tmp_path):
    code, out, err = run(capsys, "progress", "--bank", str(year_bank), "--today", "2025-13-40")
    assert code == 2 and "YYYY-MM-DD" in err and "Traceback" not in err
    code, out, err = run(capsys, "progress", "--bank", str(tmp_path / "none"))
    assert code == 2 and "storybank init" in err
    code, out, err = run(capsys, "interview", "--format", "json", "--bank", str(year_bank))
    assert code == 2 and out == "" and "choose text" in err   # a screen, never JSON
