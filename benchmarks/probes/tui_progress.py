"""The storybank UI opened on the progress screen (`p`) on a bank with a year of practice.

    tui_progress.py BANK             headless: from process start until its charts and tables
                                     are drawn, then exit (same size and driver as
                                     tui_storybank.py, which does the same for the bank screen)
    tui_progress.py BANK --terminal  in the real terminal, staying up (timed from outside by
                                     run.py until the charts are on the screen)
"""

import sys
from pathlib import Path

from storybank.ui.app import StorybankApp

bank = Path(sys.argv[1])
TERMINAL = "--terminal" in sys.argv[2:]


async def until_shown(pilot) -> None:
    app = pilot.app
    while True:
        await pilot.pause(0.005)
        if getattr(app.screen, "_drawn", False):
            await pilot.pause()
            app.exit()
            return


if TERMINAL:
    StorybankApp(bank, start="progress").run()
else:
    StorybankApp(bank, start="progress").run(headless=True, size=(120, 40), auto_pilot=until_shown)
