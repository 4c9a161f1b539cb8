"""The progress screen (p on the bank screen) on a generated year of 2,000 drills: it opens, its
tables agree with the core's numbers, a log with broken lines still shows the rest, d drills what
is due; snapshots at 80×24 and 200×60."""

from __future__ import annotations

import importlib.util
from datetime import UTC, date
from pathlib import Path

import pytest
from textual.widgets import DataTable

from storybank import scheduler
from storybank.practice import read_log
from storybank.progress import progress_data
from storybank.ui.screens.drill import DrillScreen
from storybank.ui.screens.progress import ProgressScreen, weekly

from .helpers import screen_text, settle

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("generate_practice", ROOT / "benchmarks" / "generate_practice.py")
generate_practice = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate_practice)

NEW_YEAR = 1_767_268_800.0   # 2026-01-01T12:00:00Z, the day after the generated year
TYPES = ["project", "failure", "disagreement", "performance", "learning", "motivation", "rubric", "schedule"]


@pytest.fixture
def year_app(make_app, bank, clock):
    generate_practice.write_log(bank, 2000, seed=11)
    clock.now = NEW_YEAR

    def make():
        app = make_app(tz=UTC)
        return app

    return make


async def open_progress(pilot) -> ProgressScreen:
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ProgressScreen)
    return pilot.app.screen


def test_weekly_medians_group_by_monday():
    points = [(date(2025, 1, 6), 10.0), (date(2025, 1, 12), 30.0), (date(2025, 1, 8), 20.0),
              (date(2025, 1, 13), 5.0)]
    assert weekly(points) == (["2025-01-06", "2025-01-13"], [20.0, 5.0])


async def test_progress_opens_on_a_year_of_practice_and_agrees_with_the_core(year_app, bank):
    app = year_app()
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await open_progress(pilot)
        log = read_log(bank)
        expected = progress_data(log, scheduler.build(
            log.records, TYPES, date(2026, 1, 1), tz=UTC,
            uncovered=[q for q in TYPES if q not in {"project", "failure", "performance", "rubric"}],
            story_ids=[sf.id for sf in app.state.stories], settings=app.state.settings))
        assert screen.data == expected
        assert sum(t.drills for t in screen.data.question_types) == 2000
        text = screen_text(app)
        assert "Due today:" in text and "2000 drills" in text
        assert "Answer length" in text and "Follow-up length" in text and "Drills per question type" in text
        types = screen.query_one("#pg-type-table", DataTable)
        assert types.row_count == 8
        first = types.get_row_at(0)
        assert first[1] == expected.question_types[0].drills
        stories = screen.query_one("#pg-story-table", DataTable)
        assert stories.row_count == len(expected.stories)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DrillScreen)
        assert app.screen.question_id == expected.due[0]


async def test_a_log_with_broken_lines_still_shows_the_rest(year_app, bank):
    log = bank / ".storybank" / "practice.jsonl"
    lines = log.read_text().splitlines()
    log.write_text("\n".join(lines[:10] + ["{broken", "[]"] + lines[10:]) + "\n" + '{"ts": "2025-12')

    app = year_app()
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await open_progress(pilot)
        assert sum(t.drills for t in screen.data.question_types) == 2000
        await pilot.press("end")
        text = screen_text(app)
        assert "skipped 2 lines" in text or "skipped 2 lines" in str(app.state.practice.notices)
        assert screen.query_one("#pg-notices").display


async def test_an_empty_log_says_how_to_start(make_app, bank):
    (bank / ".storybank" / "practice.jsonl").unlink()

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        text = screen_text(app)
        assert "No practice yet" in text and "no drills yet" in text
        await pilot.press("escape")
        assert app.screen.__class__.__name__ == "BankScreen"


async def _progress(pilot):
    await open_progress(pilot)
    pilot.app.screen.query_one("#pg-body").scroll_home(animate=False)
    await settle(pilot)


async def progress_text(make_app, clock, size: tuple[int, int]) -> str:
    """What the progress screen shows on New Year's Day (UTC), opened from the bank on a terminal
    of `size`."""
    clock.now = NEW_YEAR
    app = make_app(tz=UTC)
    async with app.run_test(size=size) as pilot:
        await _progress(pilot)
        return screen_text(app)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_progress_snapshot(snap_compare, year_app, size):
    assert snap_compare(year_app(), terminal_size=size, run_before=_progress)


async def test_storybank_started_on_progress_goes_back_to_the_bank(open_app, bank):
    async with open_app((80, 24), start="progress") as pilot:
        app = pilot.app
        assert isinstance(app.screen, ProgressScreen)
        assert app.screen.data is not None and app.screen._drawn
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "BankScreen"
        assert app.screen.story_list.total == 4


async def test_one_week_of_practice_keeps_the_date_axis_to_weeks(make_app, bank, clock):
    """With a single week to plot, plotext alone stretched the date axis from 1963 to 2090: the
    axis now spans the weeks around it."""
    import re

    generate_practice.write_log(bank, 1, seed=3)
    text = await progress_text(make_app, clock, (200, 60))
    assert "Answer length" in text
    years = set(re.findall(r"\b(\d{4})-\d{2}-\d{2}\b", text))
    assert years and years <= {"2025", "2026"}, years


# --- the charts read right (issue 21, item 16) ----------------------------------------------------


def test_ticks_are_round_numbers_with_the_window_s_own_bounds():
    from storybank.ui.screens.progress import nice_ticks

    ticks = nice_ticks(0, 97, (60, 80, 90))
    assert {60, 80, 90} <= set(ticks) and ticks[0] == 0 and ticks[-1] >= 97
    assert all(float(t).is_integer() for t in ticks)
    assert nice_ticks(0, 5, whole=True) == [0, 1, 2, 3, 4, 5] or nice_ticks(0, 5, whole=True) == [0, 2, 4, 6]
    assert all(float(t).is_integer() for t in nice_ticks(0, 3, whole=True))
    assert nice_ticks(131.7, 156.8) == [130, 140, 150, 160]


async def test_the_charts_tick_on_round_numbers_and_say_how_weeks_are_dated(make_app, bank, clock):
    import re

    generate_practice.write_log(bank, 30, seed=3)
    text = await progress_text(make_app, clock, (120, 40))
    lines = text.splitlines()
    labels = [m for line in lines for m in re.findall(r"(\d+(?:\.\d+)?)\s*[┤├]", line)]
    assert labels and all("." not in label for label in labels), labels   # no 49.5, no 0.83
    answer_axis = {label for line in lines[:24] for label in re.findall(r"^\s*(\d+)[┤├]", line)}
    assert {"60", "80"} <= answer_axis, answer_axis     # the window's edges, labelled
    assert "weekly median, at the week's Monday" in text


async def test_one_mock_interview_is_one_mock_interview(make_app, bank, clock):
    from storybank.practice import PracticeRecord, SessionRecord, append_record

    append_record(bank, PracticeRecord(ts=NEW_YEAR - 3600, question="project", story="spark-skew",
                                       answer_seconds=70, followup_seconds=40, session="m1"))
    append_record(bank, SessionRecord(ts=NEW_YEAR - 3500, session="m1", questions=("project",), answered=1,
                                      complete=False, talk_seconds=110))
    text = await progress_text(make_app, clock, (120, 40))
    assert "drills, 1 mock interview" in text and "mock interviews" not in text


async def test_at_80x24_the_window_s_own_ticks_stay(make_app, bank, clock):
    """Plotext keeps one label per row: the 90 s limit (its line drawn, its value in the title)
    does not take the 80 s window edge's row."""
    import re

    from storybank.practice import PracticeRecord, append_record

    append_record(bank, PracticeRecord(ts=NEW_YEAR - 3600, question="project", story="spark-skew",
                                       answer_seconds=6, followup_seconds=2))
    lines = (await progress_text(make_app, clock, (80, 24))).splitlines()
    start = next(i for i, line in enumerate(lines) if "Answer length" in line)
    axis = {m for line in lines[start:start + 12] for m in re.findall(r"^\s*(\d+)[┤├]", line)}
    assert {"60", "80"} <= axis, axis
