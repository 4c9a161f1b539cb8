"""One keystroke in the bank screen's filter with a big bank, median over a typed query.

The measure is the work a keystroke costs: filtering the list and rendering every visible row of
it again, in process. Pilot's round trip (press + pause) is reported too, but it sleeps in
20 ms steps waiting for idle, so it cannot show anything under 16 ms even for a bare app."""

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
        # The keystroke's own work: filter, then render every visible row.
        height = stories.size.height
        for _ in range(3):
            for i in range(len(QUERY) + 1):
                start = time.perf_counter()
                stories.filter(QUERY[:i])
                for y in range(height):
                    stories.render_line(y)
                direct.append(time.perf_counter() - start)
        return {"median_seconds": statistics.median(direct), "max_seconds": max(direct),
                "pilot_round_trip_median_seconds": statistics.median(samples), "stories": total}


print(json.dumps(asyncio.run(main(Path(sys.argv[1])))))
