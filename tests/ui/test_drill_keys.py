"""The drill's footer shows the keys that work, and help lists each key once (issue 13, friction)."""

from __future__ import annotations

from storybank.ui.widgets.keys import KeysFooter

from .helpers import screen_text


def footer(app) -> str:
    return str(app.screen.query_one(KeysFooter).render())


async def test_typing_mode_footer_offers_ctrl_f_not_space(open_app):
    async with open_app((100, 30), "d") as pilot:
        app = pilot.app
        await pilot.press("enter")             # answering out loud: space finishes
        await pilot.pause()
        assert "space Done" in footer(app)
        await pilot.press("s")                 # skip; next question, now typed
        await pilot.pause()
        await pilot.press("t", "enter")
        await pilot.pause()
        await pilot.press(*"I led it")
        await pilot.pause()
        text = footer(app)
        assert "space Done" not in text and "^f Done" in text, text


async def test_help_lists_each_drill_key_once(open_app):
    async with open_app((120, 80), "question_mark") as pilot:
        app = pilot.app
        lines = screen_text(app).splitlines()
        start = next(i for i, line in enumerate(lines) if line.strip() == "Drill")
        section = []
        for line in lines[start + 1:]:
            if not line.strip():
                break
            section.append(line.split()[0])
        assert section and len(section) == len(set(section)), section
