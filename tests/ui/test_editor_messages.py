"""The editor's messages say what is true now, and toggles read without colour (issue 13, friction)."""

from __future__ import annotations

from .helpers import live, open_story, screen_text, settle


async def test_no_cannot_save_before_a_save_attempt(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_story(pilot, "spark-skew")
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press(*"p99", "tab", *"4.2s")
        await live(pilot)
        text = screen_text(app)
        assert "Cannot save yet" not in text
        assert "not a number" in text                 # the row says what is wrong
        await pilot.press("ctrl+s")
        await live(pilot)
        assert "Cannot save yet" in screen_text(app)


async def test_saved_and_modified_never_show_together(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_story(pilot, "spark-skew")
        await pilot.press(*" again", "ctrl+s")
        await settle(pilot)
        assert "✓ Saved" in screen_text(app) and "modified" not in editor.sub_title
        await pilot.press(*"!")
        await settle(pilot)
        assert "modified" in editor.sub_title
        assert "✓ Saved" not in screen_text(app)


async def test_question_type_checkboxes_read_in_monochrome(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_story(pilot, "spark-skew")
        checklist = editor.query_one("#questions")
        lines = {checklist.get_option_at_index(i).value: checklist.render_line(i).text
                 for i in range(checklist.option_count)}
        assert "✓" in lines["performance"]
        assert "✓" not in lines["disagreement"] and "X" not in lines["disagreement"]


async def test_export_format_radio_reads_in_monochrome(open_app):
    async with open_app((100, 30), "x") as pilot:
        app = pilot.app
        text = screen_text(app)
        assert "● Markdown" in text.replace("▐", "").replace("▌", "")
        assert "● HTML" not in text.replace("▐", "").replace("▌", "")


async def test_a_long_title_shows_its_start_and_its_end_at_80x24(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_story(pilot, "spark-skew")
        text = " ".join(screen_text(app).replace("▏", " ").split())
        assert "Cutting the nightly" in text and "38 minutes" in text
        title = editor.query_one("#title")
        assert app.focused is title and title.cursor_position == len(title.value)
        await pilot.press("enter")                       # no line break in a title
        assert "\n" not in title.value and app.focused is not title
