"""Layout at 80 columns (issue 21, item 17): the editor's `• modified` mark stays in the header,
help text wraps under its own column, a follow-up's "short" stays on its bar's line, and
"✓ Saved <file>" never breaks the file name (the bank footer's keys: test_bank_screen.py)."""

from __future__ import annotations

import shutil

import pytest
from textual.widgets import TextArea

from storybank.ui import bindings

from .helpers import live, open_story, screen_text, settle

LONG = "cutting-the-nightly-attribution-job-from-five-hours-to-forty"


@pytest.fixture
def long_named(bank):
    shutil.copy(bank / "spark-skew.toml", bank / f"{LONG}.toml")
    return LONG


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_modified_mark_shows_in_the_header(open_app, long_named, size):
    async with open_app(size) as pilot:
        await open_story(pilot, long_named)
        await pilot.press("end", "x")
        await settle(pilot)
        header = screen_text(pilot.app).splitlines()[0]
        assert "• modified" in header and "Edit story" in header


async def test_saved_names_the_file_on_one_line_without_breaking_it(open_app, long_named):
    async with open_app((80, 24)) as pilot:
        editor = await open_story(pilot, long_named)
        await pilot.press("end", "x", "ctrl+s")
        await settle(pilot)
        status = editor.query_one("#save-status")
        assert status.region.height == 1
        line = next(line for line in screen_text(pilot.app).splitlines() if "✓ Saved" in line)
        shown = line.split("✓ Saved ", 1)[1].split("▏")[0].strip()
        assert shown.endswith("…") and LONG.startswith(shown[:-1])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_short_follow_up_says_short_on_its_own_line(open_app, size):
    async with open_app(size) as pilot:
        editor = await open_story(pilot, "spark-skew")
        editor.query_one("#followup-technical", TextArea).text = "Only a few words here."
        await live(pilot)
        lines = [line for line in screen_text(pilot.app).splitlines() if "short" in line]
        assert lines and all("technical" in line for line in lines), lines


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_help_text_wraps_under_its_own_column(open_app, size):
    async with open_app(size, "question_mark") as pilot:
        headings = {section for section, _ in bindings.SECTIONS} | {"Question types"}
        seen: list[str] = []
        for _ in range(12):
            seen += screen_text(pilot.app).splitlines()[1:-1]
            await pilot.press("pagedown")
            await settle(pilot)
        for line in seen:
            if line.strip().startswith("The footer shows"):
                break                     # the closing note is a paragraph of its own
            text = line.rstrip().rstrip("▁▂▃▄▅▆▇█").strip()   # no scrollbar
            indent = len(line) - len(line.lstrip())
            if text and indent < 4:
                assert text in headings, f"{line!r} wrapped back to the margin:\n" + "\n".join(seen)
