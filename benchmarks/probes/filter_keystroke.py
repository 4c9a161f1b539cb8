"""One keystroke in the bank screen's filter with a big bank: the time from the key press to the
filtered list on screen (Pilot press + the refresh it triggers), median over a typed query."""

import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

from storybank.ui.app import StorybankApp

QUERY = "billing retry latency"


async def main(bank: Path) -> dict:
    app = StorybankApp(bank, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        stories = app.screen.story_list
        total = stories.total
        await pilot.press("slash")
        await pilot.pause()
        samples, direct = [], []
        for _ in range(3):
            for ch in QUERY:
                start = time.perf_counter()
                await pilot.press("space" if ch == " " else ch)
                await pilot.pause()
                samples.append(time.perf_counter() - start)
            for _ in QUERY:
                await pilot.press("backspace")
            await pilot.pause()
        # The filter itself, without the test driver's own overhead.
        for i in range(1, len(QUERY) + 1):
            start = time.perf_counter()
            stories.filter(QUERY[:i])
            direct.append(time.perf_counter() - start)
        return {"median_seconds": statistics.median(samples), "max_seconds": max(samples),
                "filter_only_median_seconds": statistics.median(direct), "stories": total}


print(json.dumps(asyncio.run(main(Path(sys.argv[1])))))
