"""The bank screen, driven with the real keys of README "The terminal UI"."""

from __future__ import annotations

from storybank.ui.widgets.story_list import StoryList

from .helpers import screen_text, settle, until


async def test_opens_on_the_story_list_with_readiness_length_and_practice(open_app):
    async with open_app((100, 30)) as pilot:
        app = pilot.app
        assert isinstance(app.focused, StoryList)
        assert app.focused.row_count == 4
        text = screen_text(app)
        assert "Transactional outbox" in text
        assert "✓ Cutting the nightly" in text      # clean: a symbol, not colour alone
        assert "! Transactional outbox" in text                       # warnings
        assert "73s" in text                                          # spoken length
        assert "yesterday" in text and "3d ago" in text               # last practised, from the log
        assert "—" in text                                            # never practised


async def test_load_errors_are_listed_with_path_line_and_message(open_app):
    async with open_app((100, 30)) as pilot:
        app = pilot.app
        text = screen_text(app)
        assert "2 files could not be loaded" in text
        assert "broken.toml:1:31" in text
        assert "text-metric.toml:7" in text and "must be a number" in text


async def test_filter_narrows_the_list_and_escape_clears_it(open_app):
    async with open_app((100, 30)) as pilot:
        app = pilot.app
        story_list = app.screen.query_one(StoryList)
        await pilot.press("slash")
        assert app.focused.id == "filter"
        await pilot.press(*"attribution")
        await pilot.pause()
        assert story_list.visible_ids() == ["spark-skew"]
        assert "Story (1 of 4)" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert story_list.row_count == 4
        assert app.focused is story_list
        # question types and technologies are searchable too
        await pilot.press("slash", *"rubric")
        await pilot.pause()
        assert story_list.visible_ids() == ["rubric-flag"]
        await pilot.press("enter")  # back to the list, filter kept
        assert app.focused is story_list and story_list.row_count == 1


async def test_fuzzy_filter_tolerates_a_typo(open_app):
    async with open_app((100, 30)) as pilot:
        app = pilot.app
        await pilot.press("slash", *"outbx")
        await pilot.pause()
        assert app.screen.query_one(StoryList).visible_ids()[0] == "order-outbox"


async def test_selected_story_details_show_scores_findings_and_followups(open_app):
    async with open_app((120, 60)) as pilot:
        app = pilot.app
        story_list = app.screen.query_one(StoryList)
        from storybank.ui.widgets.details import StoryDetails

        details = app.screen.query_one(StoryDetails)
        assert story_list.select("order-outbox")
        await until(pilot, lambda: details._shown is not None and details._shown[0].id == "order-outbox")
        text = screen_text(app)
        for heading in ("Scores", "Findings", "Follow-ups", "Specificity", "Ownership",
                        "Technical depth", "Compression"):
            assert heading in text
        assert "SB106" in text                # the unknown key `priority`
        assert "prepared" in text


async def test_mouse_click_selects_a_story(open_app):
    async with open_app((100, 30)) as pilot:
        app = pilot.app
        story_list = app.screen.query_one(StoryList)
        await pilot.click(StoryList, offset=(5, 2))
        await pilot.pause()
        assert story_list.cursor == 2
        assert story_list.selected_id == story_list.visible_ids()[2]


async def test_help_lists_every_key_of_every_screen(open_app):
    from storybank.ui import bindings

    async with open_app((100, 120)) as pilot:  # tall enough for every section of the help
        app = pilot.app
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        for _section, declared in bindings.SECTIONS:
            for binding in declared:
                if binding.description:
                    assert binding.description in text, binding.description
        for key in ("/", "enter", "n", "c", "d", "x", "m", "?", "q", "ctrl+s", "esc"):
            assert key in text
        await pilot.press("escape")
        assert app.screen.__class__.__name__ == "BankScreen"


async def test_footer_shows_the_bank_keys(open_app):
    """At 80 columns every key shows, on two lines, `del` and the palette's `^p` too (issue 21,
    item 17); at 140 they fit on one (at 120 they did until `m Which story?` joined them)."""
    async with open_app((80, 24)) as pilot:
        app = pilot.app
        footer = " ".join(screen_text(app).splitlines()[-2:])
        for word in ("Filter", "Edit", "New", "Coverage", "Drill", "Interview", "Progress", "Export",
                     "del Delete", "Help", "Quit", "^p palette"):
            assert word in footer
        await pilot.resize_terminal(140, 30)
        await settle(pilot)
        last = screen_text(app).splitlines()[-1]
        assert "Filter" in last and "m Which story?" in last and "del Delete" in last and "^p palette" in last


async def test_command_palette_offers_the_current_screens_keys(open_app):
    from storybank.ui.commands import ScreenCommands

    async with open_app((100, 30)) as pilot:
        app = pilot.app
        provider = ScreenCommands(app.screen)
        names = [name for name, *_ in provider._commands()]
        assert {"Filter", "Edit", "New", "Coverage", "Drill", "Export", "Quit"} <= set(names)
        hits = [hit async for hit in provider.search("cover")]
        assert hits
        await hits[0].command()
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CoverageScreen"
        coverage_names = [name for name, *_ in ScreenCommands(app.screen)._commands()]
        assert "New story for type" in coverage_names and "Filter" not in coverage_names


async def test_q_quits(open_app):
    async with open_app((80, 24)) as pilot:
        app = pilot.app
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value == 0


async def test_a_missing_bank_is_a_message_not_a_crash(make_app, tmp_path):
    app = make_app(root=tmp_path / "nowhere")
    async with app.run_test(size=(80, 24)) as pilot:
        # The load fails in a worker; its message reaches the screen a few events later.
        await until(pilot, lambda: "storybank init" in screen_text(app))


async def test_footer_keys_are_clickable(open_app):
    from storybank.ui.widgets.keys import KeysFooter

    async with open_app((80, 24)) as pilot:
        app = pilot.app
        footer = screen_text(app).splitlines()[-2:]
        row = next(y for y, line in enumerate(footer) if "Coverage" in line)
        await pilot.click(KeysFooter, offset=(footer[row].index("Coverage") + 2, row))
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CoverageScreen"
