"""Coverage, the drill, export: the screens behind c, d and x."""

from __future__ import annotations

import json
import tomllib

from textual.widgets import Input, SelectionList, TextArea

from storybank.drill import Phase
from storybank.practice import log_path
from storybank.ui.screens.coverage import CoverageScreen
from storybank.ui.screens.drill import DrillScreen
from storybank.ui.screens.editor import EditorScreen
from storybank.ui.widgets.fields import TitleField

from .helpers import coverage_at, open_drill, screen_text, settle, until

LABELS = ["Owned project", "Failure", "Disagreement", "Performance", "Self-taught",
          "Why Mercor", "Rubric conflict", "Weekly schedule"]


async def test_coverage_shows_all_eight_types_with_status_words(open_app):
    async with open_app((100, 30), "c") as pilot:
        app = pilot.app
        assert isinstance(app.screen, CoverageScreen)
        text = screen_text(app)
        for label in LABELS:
            assert label in text
        assert "✓ strong" in text and "✗ missing" in text and "! weak" in text
        assert "Cutting the nightly attribution job" in text   # the assigned story
        await pilot.press("escape")
        assert app.screen.__class__.__name__ == "BankScreen"


async def test_new_story_from_a_missing_type_is_premapped_with_guidance(make_app, bank):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await coverage_at(pilot, "disagreement")
        assert screen.selected().id == "disagreement" and screen.selected().status == "missing"
        assert "Prepare:" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        text = screen_text(app)
        assert "Preparing: Disagreement" in text
        assert editor.query_one("#questions", SelectionList).selected == ["disagreement"]
        assert app.focused is editor.query_one("#title", TitleField)
        await pilot.press(*"Queue or cron")
        await pilot.press("ctrl+s")
        await settle(pilot)
    data = tomllib.loads((bank / "queue-or-cron.toml").read_text())
    assert data["questions"] == ["disagreement"]


async def test_drill_runs_from_question_to_cue_card_with_a_fake_clock(make_app, bank, clock):
    app = make_app()
    lines_before = log_path(bank).read_text().count("\n")
    async with app.run_test(size=(100, 40)) as pilot:
        drill = await open_drill(pilot)
        # uncovered types come first: the first question is a missing one
        assert drill.question_id in {"disagreement", "learning", "motivation", "schedule"}
        assert "aim 60–80s" in screen_text(app)
        assert "which story" not in screen_text(app).lower()   # no story is picked first
        await pilot.press("enter")
        await pilot.pause()
        assert drill.phase is Phase.ANSWER
        clock.advance(30)
        drill.tick()
        await pilot.pause()
        text = screen_text(app)
        assert "building up" in text
        clock.advance(40)            # 70 s: inside the window
        drill.tick()
        await pilot.pause()
        assert "in the window" in screen_text(app)
        assert drill.query_one("#drill-timer-row").has_class("-window")
        clock.advance(25)            # 95 s: past the 90 s hard limit
        drill.tick()
        await pilot.pause()
        assert "past the hard limit" in screen_text(app)
        assert drill.query_one("#drill-timer-row").has_class("-limit")
        await pilot.press("space")
        await pilot.pause()
        assert drill.phase is Phase.FOLLOWUP
        assert "Follow-up:" in screen_text(app)
        assert "aim 30–60s" in screen_text(app)
        assert drill.round.probe in app.state.catalog.probe_ids()   # nothing heard: the layer met longest ago
        probe = drill.round.probe
        clock.advance(45)
        await pilot.press("space")
        await settle(pilot)
        assert drill.phase is Phase.CARD
        text = screen_text(app)
        assert "Cue card" in text
        assert "95s" in text and "past the hard limit" in text and "45s" in text
        assert "You told: none of your stories" in text     # nothing was said to recognise
        assert "without a prepared story" in text
        await pilot.press("escape")                          # the card is left: its line is written
        await until(pilot, lambda: log_path(bank).read_text().count("\n") == lines_before + 1)
    lines = log_path(bank).read_text().splitlines()
    assert len(lines) == lines_before + 1
    record = json.loads(lines[-1])
    assert record["story"] is None and record["probe"] == probe
    assert record["answer_seconds"] == 95.0 and record["followup_seconds"] == 45.0
    assert record["typed_words"] is None
    assert record["question"] == drill.order[0]


async def test_next_question_follows_the_order_and_bank_shows_practice(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        drill = await open_drill(pilot)
        first = drill.question_id
        await pilot.press("t", "enter")   # typed: the story told is recognised from it
        drill.query_one("#drill-typed", TextArea).text = app.state.story("spark-skew").story.answer_text()
        await pilot.press("ctrl+f")
        drill.query_one("#drill-typed", TextArea).text = "I would profile the skew before salting."
        await pilot.press("ctrl+f")
        await settle(pilot)
        await pilot.press("enter")      # next question
        await pilot.pause()
        assert drill.phase is Phase.CHOOSE and drill.question_id == drill.order[1] != first
        await pilot.press("escape")
        await settle(pilot)
        assert "today" in screen_text(app)   # the story just drilled was practised today


async def test_typed_answer_shows_estimate_and_warns_when_recited(make_app, bank, clock):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        drill = await open_drill(pilot)
        await pilot.press("t")
        await pilot.press("enter")
        await pilot.pause()
        box = drill.query_one("#drill-typed", TextArea)
        assert app.focused is box
        stored = app.state.story("order-outbox").story.situation
        box.text = stored
        await pilot.pause()
        text = screen_text(app)
        assert "words ≈" in text   # the story is not known yet: recital is judged at the end
        clock.advance(120)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert drill.phase is Phase.FOLLOWUP
        box.text = "Dana approved it. Tomás paired with me."
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert drill.phase is Phase.CARD
        text = screen_text(app)
        assert "recited" in text
        assert "You told: " + app.state.story("order-outbox").story.title in text   # recognised
        await pilot.press("escape")
        await until(pilot, lambda: app.state.practice.records and app.state.practice.records[-1].typed_words)
    record = json.loads(log_path(bank).read_text().splitlines()[-1])
    assert record["story"] == "order-outbox"
    assert record["typed_words"] == len(stored.split()) + 7
    assert record["answer_seconds"] < 120    # words ÷ rate, not the typing time


async def test_drill_command_opens_on_the_drill(open_app):
    async with open_app((80, 24), start="drill") as pilot:
        app = pilot.app
        assert isinstance(app.screen, DrillScreen)
        assert app.screen.phase is Phase.CHOOSE
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "BankScreen"


async def test_a_truncated_practice_log_is_a_notice_not_a_crash(make_app, bank):
    with open(log_path(bank), "a") as handle:
        handle.write('{"ts": "2025-06-15T10:00:00Z", "story": "spark')
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        assert app.state.practice.notices and "incomplete" in app.state.practice.notices[0]
        assert "3d ago" in screen_text(app)


async def test_export_writes_the_cheat_sheet(make_app, bank):
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert "Export the cheat sheet" in screen_text(app)
        await pilot.click("#fmt-txt")
        await pilot.pause()
        assert app.screen.query_one("#export-path", Input).value.endswith("cheatsheet.txt")
        await pilot.click("#export-go")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "BankScreen"
    sheet = bank.parent / "cheatsheet.txt"   # next to the bank, not inside it
    assert sheet.exists()
    assert "performance" in sheet.read_text().lower()


async def test_export_error_is_one_line_in_the_dialog(open_app, bank):
    async with open_app((100, 30)) as pilot:
        app = pilot.app
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(bank / "no-such-dir" / "x" / "sheet.md")
        (bank / "no-such-dir").write_text("a file, not a folder")
        await pilot.click("#export-go")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "ExportScreen"
        assert "✗" in screen_text(app)
