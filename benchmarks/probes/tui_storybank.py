"""The storybank UI on a bank, from process start until every story's row is on screen, then
exit. Same size and headless driver as tui_floor.py."""

import sys
from pathlib import Path

from storybank.ui.app import StorybankApp

bank = Path(sys.argv[1])
expected = sum(1 for p in bank.glob("*.toml") if not p.name.startswith("."))


async def until_shown(pilot) -> None:
    app = pilot.app
    while True:
        await pilot.pause(0.005)
        screen = app.screen
        try:
            stories = screen.story_list
        except Exception:  # noqa: BLE001 - the bank screen is not mounted yet
            continue
        if stories.total >= expected:
            await pilot.pause()
            app.exit()
            return


StorybankApp(bank).run(headless=True, size=(120, 40), auto_pilot=until_shown)
