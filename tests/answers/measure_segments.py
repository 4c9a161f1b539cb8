"""How close the parts found in running text come to the parts as written.

Each story's four parts are joined into one text with single spaces, as they would be said, and
`storybank.answers.segment` finds them again. Reported per set: the share of words given the part
they were written in (word-weighted sentence accuracy), and per part the mean word F1 between the
part found and the part written (over stories where the part is written).

    .venv/bin/python tests/answers/measure_segments.py

Measured when the segmenter was written (cues tuned on the two tuning sets only; "held out"
never tuned on):

    set                   stories  words right  situation  action  outcome  reflection (word F1)
    corpus (tuning)            12      82%        0.82      0.85     0.69      0.76
    professions (tuning)       28      85%        0.76      0.89     0.59      0.71
    example bank               12      93%        0.93      0.96     0.85      0.77
    corpus holdout             10      80%        0.78      0.84     0.71      0.71
    professions holdout        32      88%        0.90      0.92     0.62      0.69

The outcome is the weakest part: a result said without a number or a cue ("Five of the eight
hits validated") reads as more action. test_segment.py keeps these as floors.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from storybank.answers.data import PART_NAMES  # noqa: E402
from storybank.answers.segment import segment  # noqa: E402
from storybank.words import count_words, words  # noqa: E402

TUNING = {
    "corpus (tuning)": ["tests/corpus/strong"],
    "professions (tuning)": ["tests/corpus_professions/tuning/strong"],
}
HELD_OUT = {
    "example bank": ["stories"],
    "corpus holdout": ["tests/corpus_holdout/strong"],
    "professions holdout": ["tests/corpus_professions/holdout/strong",
                            "tests/corpus_professions/holdout2/strong"],
}


def story_parts(path: Path) -> dict[str, str]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {p: " ".join(str(data.get(p, "")).split()) for p in PART_NAMES}


def joined(parts: dict[str, str]) -> tuple[str, list[tuple[int, int, int]]]:
    text, spans = "", []
    for index, name in enumerate(PART_NAMES):
        if not parts[name]:
            continue
        if text:
            text += " "
        spans.append((len(text), len(text) + len(parts[name]), index))
        text += parts[name]
    return text, spans


def f1(found: str, truth: str) -> float:
    a, b = [w.lower() for w in words(found)], [w.lower() for w in words(truth)]
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    from collections import Counter

    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    precision, recall = common / len(a), common / len(b)
    return 2 * precision * recall / (precision + recall)


def measure(paths: list[Path]) -> dict[str, float]:
    right = total = 0
    scores: dict[str, list[float]] = {p: [] for p in PART_NAMES}
    for path in paths:
        parts = story_parts(path)
        text, spans = joined(parts)
        seg = segment(text)
        for sentence, label in zip(seg.sentences, seg.labels, strict=True):
            middle = (sentence.start + sentence.end) / 2
            truth = next((i for s, e, i in spans if s <= middle <= e), None)
            n = count_words(sentence.text)
            total += n
            right += n if truth == label else 0
        found = seg.parts().to_json()
        for name in PART_NAMES:
            if parts[name]:
                scores[name].append(f1(found[name], parts[name]))
    out = {"stories": float(len(paths)), "words right": right / total if total else 0.0}
    for name in PART_NAMES:
        out[name] = sum(scores[name]) / len(scores[name]) if scores[name] else 0.0
    return out


def files(folders: list[str]) -> list[Path]:
    return sorted(p for f in folders for p in (ROOT / f).glob("*.toml"))


def main() -> None:
    for title, sets in (("tuning", TUNING), ("held out", HELD_OUT)):
        print(f"## {title}")
        for name, folders in sets.items():
            m = measure(files(folders))
            print(f"{name:22} {int(m['stories']):3} stories  words right {m['words right']:.0%}  "
                  + "  ".join(f"{p} {m[p]:.2f}" for p in PART_NAMES))


if __name__ == "__main__":
    main()
