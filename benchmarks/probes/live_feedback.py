"""Live feedback: the work done after one keystroke in the editor on a 300-word story —
rebuilding the story from the form and analysing it — timed in process, median of many."""

import json
import statistics
import sys
import time
from pathlib import Path

from storybank.analysis.engine import analyze
from storybank.bank import Bank
from storybank.catalog import load_catalog
from storybank.model import Story

bank = Bank.open(Path(sys.argv[1]))
catalog = load_catalog(bank.settings.catalog_path())
base = max(bank.stories, key=lambda sf: len(sf.story.answer_text().split())).story
data = base.to_data()
words = data["action"].split()
while len(" ".join(data[p] for p in ("situation", "action", "outcome", "reflection")).split()) < 300:
    data["action"] += " " + " ".join(words[:20])
analyze(Story.model_validate(data), catalog, bank.settings)  # warm the compiled word lists
samples = []
for i in range(200):
    data["action"] = data["action"] + ("x" if i % 2 else " ")
    start = time.perf_counter()
    analyze(Story.model_validate(data), catalog, bank.settings)
    samples.append(time.perf_counter() - start)
print(json.dumps({"median_seconds": statistics.median(samples), "max_seconds": max(samples),
                  "words": len(" ".join(data[p] for p in ("situation", "action", "outcome", "reflection")).split())}))
