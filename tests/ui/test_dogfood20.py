"""A nurse's first day in the terminal UI (dogfood round 20): the drill and the coverage view ask
her questions in her own field's words when her bank names it (`profession = "medicine"`)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from storybank.ui.screens.coverage import CoverageScreen

from .helpers import coverage_at, screen_text, settle, until

STORIES = Path(__file__).parents[1] / "cli" / "dogfood20"
SOFTWARE = re.compile(r"\b(you built|in production|technical disagreement|technical project|"
                      r"performance-critical|technology you taught)\b")


def _nurse(bank: Path) -> Path:
    for old in bank.glob("*.toml"):
        old.unlink()
    for story in STORIES.glob("*.toml"):
        shutil.copy(story, bank / story.name)
    (bank / ".storybank.toml").write_text('profession = "medicine"\n', encoding="utf-8")
    return bank


async def test_a_nurses_drill_asks_the_failure_question_of_her_field(open_app, make_app, bank):
    from storybank.ui.screens.drill import DrillScreen

    _nurse(bank)
    async with open_app((110, 40), app=make_app()) as pilot:
        await pilot.app.push_screen(DrillScreen("failure"))
        await until(pilot, lambda: isinstance(pilot.app.screen, DrillScreen) and pilot.app.screen.order)
        await settle(pilot)
        text = " ".join(screen_text(pilot.app).split())
        assert "Tell me about a time something went wrong in a patient's care on your watch." in text
        assert not SOFTWARE.findall(text), SOFTWARE.findall(text)


async def test_a_nurses_coverage_view_shows_her_fields_question(open_app, make_app, bank):
    _nurse(bank)
    async with open_app((110, 40), app=make_app()) as pilot:
        screen = await coverage_at(pilot, "disagreement")
        assert isinstance(screen, CoverageScreen)
        text = " ".join(screen_text(pilot.app).split())
        assert "disagreed with a colleague about a patient's care" in text
        assert not SOFTWARE.findall(text), SOFTWARE.findall(text)


async def test_a_nurses_new_story_shows_her_fields_role_and_methods_as_placeholders(open_app, make_app, bank):
    from storybank.ui.screens.editor import EditorScreen
    from storybank.ui.widgets.fields import Field

    _nurse(bank)
    async with open_app((110, 40), app=make_app()) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: isinstance(pilot.app.screen, EditorScreen))
        editor = pilot.app.screen
        assert editor.query_one("#role", Field).placeholder == "Staff nurse, cardiac step-down unit, Lakeview General"
        assert "Redis" not in editor.query_one("#technologies", Field).placeholder


async def test_near_miss_with_no_field_chosen_the_editor_keeps_its_examples(open_app, make_app, bank):
    from storybank.ui.screens.editor import EditorScreen
    from storybank.ui.widgets.fields import Field

    async with open_app((110, 40), app=make_app()) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: isinstance(pilot.app.screen, EditorScreen))
        assert pilot.app.screen.query_one("#role", Field).placeholder == "Backend engineer, Acme"
