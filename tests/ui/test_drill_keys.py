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


async def test_t_offers_what_it_will_do_type_or_speak(open_app):
    async with open_app((120, 30), "d") as pilot:
        app = pilot.app
        await pilot.pause()
        text = footer(app)
        assert "t Type instead" in text and "Speak instead" not in text, text
        await pilot.press("t")                 # before the answer: typing is on
        await pilot.pause()
        text = footer(app)
        assert "t Speak instead" in text and "Type instead" not in text, text
        await pilot.press("t")                 # and off again
        await pilot.pause()
        assert not app.screen.typing
        assert "t Type instead" in footer(app)
