"""Panels whose text does not fit can be scrolled to their last line (issue 13, defects 5 and 6)."""

from __future__ import annotations

import pytest

from .helpers import coverage_at, screen_text, settle


async def focus_and_end(pilot, selector: str) -> None:
    panel = pilot.app.screen.query_one(selector)
    for _ in range(12):                  # reach it with Tab, as a user would
        if pilot.app.focused is panel:
            break
        await pilot.press("tab")
    assert pilot.app.focused is panel, f"{selector} is not reachable with Tab"
    await pilot.press("end")
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_coverage_guidance_shows_its_last_line(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await coverage_at(pilot, "disagreement")
        if "with its guidance." not in screen_text(app):
            await focus_and_end(pilot, "#coverage-detail")
        assert "with its guidance." in screen_text(app)


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (200, 60)])
async def test_the_nothing_mapped_hint_is_never_cut(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert "press n" in screen_text(app)
        table = app.screen.query_one("#coverage-table")
        assert table.virtual_size.width <= table.size.width   # no column runs off the edge


async def test_every_load_error_can_be_read_at_80x24(open_app, bank):
    for i in range(3):
        (bank / f"bad-{i}.toml").write_text(f'title = "x\nsituation = {i}\n')
    async with open_app((80, 24)) as pilot:
        app = pilot.app
        names = [e.path.name for e in app.state.bank.errors]
        assert len(names) >= 3
        await focus_and_end(pilot, "#load-errors")
        text = screen_text(app)
        assert sorted(names)[-1] in text or names[-1] in text, text


async def test_resizing_refits_the_coverage_titles_without_rebuilding_the_table(open_app):
    async with open_app((80, 24), "c") as pilot:
        app = pilot.app
        await pilot.press("down", "down")
        table = app.screen.query_one("#coverage-table")
        cleared = []
        original_clear = table.clear
        table.clear = lambda *a, **k: (cleared.append(1), original_clear(*a, **k))[1]
        title = "Transactional outbox for order events at Parcelo"
        assert title not in screen_text(app)
        await pilot.resize_terminal(200, 60)
        await settle(pilot)
        assert title in screen_text(app)
        assert table.cursor_row == 2 and not cleared


async def test_a_file_name_the_id_rule_refuses_says_the_rule_and_the_fix(open_app, bank):
    story = (bank / "spark-skew.toml").read_text()
    (bank / "My Spark Story.toml").write_text(story)
    long_name = "cutting-the-nightly-attribution-job-from-190-to-38-minutes-with-salting"
    (bank / f"{long_name}.toml").write_text(story)
    async with open_app((200, 60)) as pilot:
        app = pilot.app
        panel = app.screen.query_one("#load-errors")
        assert panel.display
        text = " ".join(str(panel.query_one(".panel-body").content).split())
        assert "capital letters and spaces" in text and "rename it to my-spark-story.toml" in text
        assert f"{len(long_name)} characters, over 64" in text


async def test_editor_live_panel_is_sized_by_the_stylesheet(open_app):
    async with open_app((80, 24), "enter") as pilot:
        app = pilot.app
        live = app.screen.query_one("#live")
        widths = [live.size.width]
        await pilot.resize_terminal(200, 60)
        await settle(pilot)
        widths.append(live.size.width)
        assert not live.styles.inline.has_rule("width")
        assert widths[0] >= 33 and widths[1] <= 46 and widths[1] > widths[0]   # 36-46 columns with the border
        assert "Spoken time" in screen_text(app)


async def new_story_for(pilot, type_id: str):
    await coverage_at(pilot, type_id)
    await pilot.press("n")
    await settle(pilot)
    return pilot.app.state.catalog.question(type_id)


def flat(text: str) -> str:
    return " ".join(text.replace("▌", " ").replace("▏", " ").split())


@pytest.mark.parametrize("type_id", ["performance", "disagreement", "motivation"])
async def test_the_editor_guidance_is_whole_at_120x40(make_app, type_id):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        q = await new_story_for(pilot, type_id)
        text = flat(screen_text(app))
        assert "Preparing:" in text and q.strong[-1].split()[-1] in text
        assert flat(q.gap_hint).split()[-1] in text
        assert app.focused.id == "title"     # and the title is where the cursor is, on screen
        assert app.focused.region.height and app.focused.region.bottom <= 40


async def test_the_editor_guidance_scrolls_to_its_last_line_at_80x24(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        q = await new_story_for(pilot, "performance")
        last_words = " ".join(flat(q.gap_hint).split()[-3:])
        assert app.focused.id == "title" and app.focused.region.bottom <= 24
        if last_words not in flat(screen_text(app)):
            await pilot.press("shift+tab")      # from the title back to the guidance
            assert app.focused.id == "guidance"
            await pilot.press("end")
            await settle(pilot)
        assert last_words in flat(screen_text(app))
