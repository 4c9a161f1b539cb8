"""The coverage screen agrees with `coverage` and the cheat sheet on a story mapped to two types
(issue 21 item 5): both types are covered and both show the story."""

from __future__ import annotations

from storybank.ui.screens.coverage import CoverageScreen

from .helpers import screen_text, settle, until


async def test_a_story_mapped_to_two_types_covers_both_on_screen(make_app, tmp_path):
    from storybank.export.api import render_cheatsheet
    from tests.helpers import GOOD_STORY

    root = tmp_path / "shared"
    root.mkdir()
    (root / "good.toml").write_text(GOOD_STORY, encoding="utf-8")   # mapped to project and performance
    app = make_app(root=root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, CoverageScreen) and not app.state.analysing
                    and app.state.coverage() is not None)
        await settle(pilot)
        screen = app.screen
        assert "6 missing" in screen.sub_title
        rows = {t.id: t for t in screen.types}
        assert rows["project"].answer == rows["performance"].answer == "good"
        assert set(app.state.uncovered()) == {t for t, r in rows.items() if r.status == "missing"}
        text = screen_text(app)
        assert text.count("Payment retry pipeline at Acme") >= 2      # both rows show the story
        sheet = render_cheatsheet(app.state.bank, app.state.catalog, "txt").data.decode()
        assert "2 of 8 covered" in sheet
