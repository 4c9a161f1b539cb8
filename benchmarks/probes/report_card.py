"""The mock interview's report card at the end of a 15-minute session: 8 questions, each an
answer and a follow-up (16 answers), on the example bank, timed in process after the imports.

Two timings, medians over many sessions:
- `last_seconds`: what the card waits for when the session judged each answer as it came (the
  interview's way): the last follow-up judged, then the card built from the 16 judged answers;
- `all_seconds`: the worst case, every one of the 16 answers judged only at the end, then the card.

Typed answers: the labelled tellings (tests/answers/tellings.toml) as first answers and the
stories' own prepared layers as follow-ups, one of them a retelling (a restart).

    .venv/bin/python benchmarks/probes/report_card.py [BANK] [--runs N]
"""

import json
import statistics
import sys
import time
import tomllib
from pathlib import Path

from storybank import interview
from storybank.answers.judge import bank_stories, judge_answer
from storybank.bank import Bank
from storybank.catalog import load_catalog
from storybank.practice import PracticeRecord
from storybank.words import count_words

ROOT = Path(__file__).resolve().parents[2]
args = [a for a in sys.argv[1:] if not a.startswith("--")]
runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 15
bank = Bank.open(Path(args[0]) if args else ROOT / "stories")
catalog = load_catalog(bank.settings.catalog_path())
stories = bank_stories(bank.stories)
tellings = tomllib.loads((ROOT / "tests/answers/tellings.toml").read_text("utf-8"))["telling"]
probes = catalog.probe_ids()

session = []   # (question, first answer, probe, follow-up answer)
for i, t in enumerate([t for t in tellings if t["story"] and t["kind"] == "full"][:8]):
    story = next(s.story for s in stories if s.id == t["story"])
    probe = probes[i % len(probes)]
    followup = story.followup(probe) if i else next(
        x["text"] for x in tellings if x["story"] == t["story"] and x["kind"] == "sparse")
    session.append((story.questions[0], t["text"], probe, followup))


def judged_round(question, first, probe, followup):
    answer = judge_answer(first, catalog, bank.settings, stories, question=question)
    follow = judge_answer(followup, catalog, bank.settings, stories, question=question,
                          probe=probe, first=first)
    return answer, follow


def card(rounds):
    records = [PracticeRecord(ts=float(i), question=q, story=a.story.id if a.story else None,
                              probe=p, answer_seconds=a.speaking_seconds,
                              followup_seconds=f.speaking_seconds,
                              typed_words=count_words(first) + count_words(fu))
               for i, ((q, first, p, fu), (a, f)) in enumerate(zip(session, rounds, strict=True))]
    return interview.report_card(records, len(session), settings=bank.settings,
                                 judged=[interview.Judged(a, f) for a, f in rounds])


judged = [judged_round(*r) for r in session]   # warm: imports, compiled lists, the bank's index
card(judged)
last, everything = [], []
for _ in range(runs):
    start = time.perf_counter()
    q, first, p, fu = session[-1]
    judge_answer(fu, catalog, bank.settings, stories, question=q, probe=p, first=first)
    made = card(judged)
    last.append(time.perf_counter() - start)
    start = time.perf_counter()
    made = card([judged_round(*r) for r in session])
    everything.append(time.perf_counter() - start)
print(json.dumps({"last_seconds": statistics.median(last), "all_seconds": statistics.median(everything),
                  "all_max_seconds": max(everything), "answers": 2 * len(session),
                  "fixes": [f.code for f in made.fixes], "dimensions": made.dimensions}))
