"""The teacher's first day in the terminal UI (dogfood round 22): an answer of 59.6 s, short of the
60–80 s window, read "60s" in the story list, "60s spoken (aim 60–80s)" in the details and
"Answer 60s … short of the window" in the editor, above SB503's "About 59 s spoken"."""

from __future__ import annotations

import shutil
from pathlib import Path

from .helpers import screen_text, settle

STORY = (Path(__file__).parents[1] / "cli" / "dogfood22"
         / "disagreeing-with-my-head-of-department-about-setting-by-ability.toml")


async def test_a_short_answer_never_shows_the_windows_edge(open_app, make_app, bank):
    for old in bank.glob("*.toml"):
        old.unlink()
    shutil.copy(STORY, bank / STORY.name)
    async with open_app((110, 40), app=make_app()) as pilot:
        text = screen_text(pilot.app)
        assert "59s spoken (aim 60–80s)" in " ".join(text.split())
        row = next(line for line in text.splitlines() if line.lstrip().startswith("! Disagreeing"))
        assert " 59s " in row and "60s" not in row, row
        await pilot.press("enter")
        await settle(pilot)
        text = " ".join(screen_text(pilot.app).split())
        assert "Answer 59s … short of the window" in text and "Answer 60s" not in text
