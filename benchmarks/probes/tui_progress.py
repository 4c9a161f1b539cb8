"""The storybank UI opened on the progress screen (`p`), from process start until its charts and
tables are drawn, then exit. Same size and headless driver as tui_storybank.py, which times the
bank screen on the same bank for comparison."""

import sys
from pathlib import Path

from storybank.ui.app import StorybankApp

bank = Path(sys.argv[1])


async def until_shown(pilot) -> None:
    app = pilot.app
    while True:
        await pilot.pause(0.005)
        screen = app.screen
        if getattr(screen, "_drawn", False):
            await pilot.pause()
            app.exit()
            return


StorybankApp(bank, start="progress").run(headless=True, size=(120, 40), auto_pilot=until_shown)
