"""How well `storybank.answers.recognise` tells which story an answer tells.

Three sets:
- the labelled set `tellings.toml` against the example bank (`stories/`): tellings in fresh
  words must be recognised as their story, off-bank answers called off-bank;
- every corpus story (its four parts joined) against the example bank: all off-bank;
- the corpora as banks of their own: each weak twin (the same facts as its strong story, one
  flaw) must be recognised as its twin within its own corpus, and the example bank's stories
  called off-bank there.

    .venv/bin/python tests/answers/measure_recognition.py [-v]

Measured when the recogniser was written (threshold 52; weights and the threshold were set on the
labelled set and the tuning corpora, `corpus` and `professions tuning`; the holdouts were only
measured):

    labelled set      39/39 right: tellings' lowest score 78.6, off-bank answers' highest 39.5
    speech fixtures   tiny.en transcripts: recited 100, candid_facts 92, pauses 81, candid 59;
                      fillers (an off-bank answer) 4
    as off-bank answers against the example bank (all 82 corpus stories): highest 48.4
    in their own corpus, weak twins recognised as their strong story: corpus 21/21, corpus
    holdout 16/16, professions tuning 55/58, holdout 22/24, holdout2 27/27; the five missed are
    motivation answers rewritten into generic words ("I want flexible income"), which keep none
    of their story's facts.

The closest calls are a candid retelling with no numbers or names (candid.flac, 59) and another
candidate's answer on a bank story's own ground (a Rust learning story at 48, schedules at 45).
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from storybank.answers.recognise import RECOGNISED, Recogniser  # noqa: E402
from storybank.model import Story  # noqa: E402

CORPORA = {
    "corpus": ("tests/corpus/strong", "tests/corpus/weak", "tests/corpus/labels.toml"),
    "corpus holdout": ("tests/corpus_holdout/strong", "tests/corpus_holdout/weak",
                       "tests/corpus_holdout/labels.toml"),
    "professions tuning": ("tests/corpus_professions/tuning/strong",
                           "tests/corpus_professions/tuning/weak",
                           "tests/corpus_professions/tuning/labels.toml"),
    "professions holdout": ("tests/corpus_professions/holdout/strong",
                            "tests/corpus_professions/holdout/weak",
                            "tests/corpus_professions/holdout/labels.toml"),
    "professions holdout2": ("tests/corpus_professions/holdout2/strong",
                             "tests/corpus_professions/holdout2/weak",
                             "tests/corpus_professions/holdout2/labels.toml"),
}


def load(folder: str | Path) -> list[tuple[str, Story]]:
    out = []
    for path in sorted((ROOT / folder).glob("*.toml")):
        out.append((path.stem, Story.model_validate(tomllib.loads(path.read_text("utf-8")))))
    return out


def tellings() -> list[dict]:
    return tomllib.loads((ROOT / "tests/answers/tellings.toml").read_text("utf-8"))["telling"]


def twin_of(labels: dict, stem: str, strong: set[str]) -> str | None:
    for table in labels.values():
        if isinstance(table, dict) and stem in table and isinstance(table[stem], dict):
            return table[stem].get("twin")
    # professions corpora: `<strong stem>-weak-<category>`
    head = stem.split("-weak")[0]
    return head if head in strong else None


def weak_twins(name: str) -> tuple[list[tuple[str, Story]], list[tuple[str, Story, str]]]:
    """A corpus's strong stories (a bank of their own) and each weak story that has a twin among
    them, as (its stem, the story, the twin's id)."""
    strong, weak, labels_path = CORPORA[name]
    stories = load(strong)
    labels = tomllib.loads((ROOT / labels_path).read_text("utf-8"))
    ids = {sid for sid, _ in stories}
    pairs = [(stem, story, twin) for stem, story in load(weak)
             if (twin := twin_of(labels, stem, ids)) is not None]
    return stories, pairs


def main() -> None:
    verbose = "-v" in sys.argv
    bank = load("stories")
    from storybank.catalog import builtin_catalog
    catalog = builtin_catalog()
    rec = Recogniser(bank, catalog)
    right = wrong = 0
    lows: list[float] = []
    highs: list[float] = []
    for t in tellings():
        ranked = rec.scores(t["text"])
        best = ranked[0]
        found = best.id if best.score >= RECOGNISED else ""
        ok = found == t["story"]
        right += ok
        wrong += not ok
        (highs if t["story"] else lows).append(best.score)
        if verbose or not ok:
            print(f"{'ok ' if ok else 'BAD'} {t['kind']:6} {best.score:5.1f} {best.id[:40]:40} "
                  f"(2nd {ranked[1].score:5.1f})  want {t['story'][:40] or 'off-bank'}")
    print(f"tellings: {right}/{right + wrong} right; tellings' lowest score {min(highs):.1f}, "
          f"off-bank highest {max(lows):.1f} (threshold {RECOGNISED:g})")
    for name in CORPORA:
        stories, pairs = weak_twins(name)
        worst = max(rec.scores(s.answer_text())[0].score for _, s in stories)
        own = Recogniser(stories, catalog)
        twins, right = len(pairs), 0
        lowest = 100.0
        for stem, story, twin in pairs:
            best = own.scores(story.answer_text())[0]
            ok = best.id == twin and best.score >= RECOGNISED
            right += ok
            lowest = min(lowest, best.score if best.id == twin else 0.0)
            if verbose or not ok:
                print(f"  {'ok ' if ok else 'BAD'} twin {stem}: {best.id} {best.score:.1f}")
        example = max(own.scores(s.answer_text())[0].score for _, s in bank)
        print(f"{name:22} as off-bank answers: highest {worst:5.1f}  |  as a bank: twins "
              f"{right}/{twins} (lowest {lowest:5.1f}), example stories highest {example:5.1f}")


if __name__ == "__main__":
    main()
