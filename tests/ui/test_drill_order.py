"""The drill orders its questions on the analysed coverage, as `storybank coverage` does
(issue 13, defect 4)."""

from __future__ import annotations

from storybank import scheduler
from storybank.ui.screens.drill import DrillScreen

from .helpers import screen_text, settle


async def test_drill_opened_at_start_orders_on_the_finished_analysis(open_app):
    async with open_app((100, 40), start="drill") as pilot:
        app = pilot.app
        screen = app.screen
        assert isinstance(screen, DrillScreen)
        assert not app.state.analysing
        coverage = app.state.coverage()
        # the practice schedule's order: what is due first (issue 11)
        today = scheduler.today_in(app.clock(), app.tz)
        schedule = scheduler.build(app.state.practice.records, app.state.catalog.question_ids(),
                                   today, tz=app.tz, uncovered=app.state.uncovered())
        assert screen.order == (schedule.due() or schedule.order())   # one pass: what is due
        first = next(t for t in coverage.question_types if t.id == screen.question_id)
        assert f"{first.status}" in screen_text(app).split("aim")[0]


async def test_drill_opened_before_analysis_shows_the_analysed_status(make_app, open_app):
    async with open_app((100, 40)) as pilot:
        app = pilot.app
        strong = next(t for t in app.state.coverage().question_types if t.status == "strong")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.open_screen("drill", question=strong.id)   # before the bank is even read
        await settle(pilot)
        screen = app.screen
        assert screen.question_id == strong.id
        meta = screen_text(app)
        assert "✓ strong" in meta, meta
        assert "which story" not in meta.lower()   # no story is picked: the one told is recognised


async def test_the_drill_and_its_card_round_seconds_the_same_way(open_app, clock):
    async with open_app((100, 40), "d") as pilot:
        app = pilot.app
        screen = app.screen
        await pilot.press("enter")
        clock.advance(41.6)
        screen.tick()
        await pilot.pause()
        assert screen.query_one("#drill-timer").value == "0:42"   # the running timer
        await pilot.press("space")
        await pilot.pause()
        assert "your answer took 0:42" in screen_text(app)
        clock.advance(5.6)
        await pilot.press("space")
        await settle(pilot)
        text = screen_text(app)
        assert "Answer 42s" in text and "Follow-up 6s" in text, text
