"""A small learned reader of interview wordings: a linear model over the wording's words.

The paraphrase families in the catalog say what a type sounds like in the phrasings someone wrote
down; this model is fitted on many real wordings labelled by type, probe or "none of these"
(`tests/corpus_real/train_wording_model.py` builds it from the spent real-language sets, the self-written
dev batches and the catalog's own phrasings). Its features are the wording's words, word pairs,
the first words (how it is put) and a few letter groups of each word (so "disagreeing" shares
evidence with "disagreement"). Its weights are a data file next to the catalog; a catalog without
one is read by the families alone (`analysis.matching`).

Pure Python and JSON: no dependency beyond the standard library, loaded once per catalog.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from storybank.analysis.lexicon import normalise

_WORD = re.compile(r"[a-z0-9][a-z0-9'+#-]*")
# Letter groups are taken from words at least this long, so "a", "to", "you" do not add noise.
LETTERS_FROM = 5
LETTERS = 4
OPENING = 3


def stem(word: str) -> str:
    """A word without its commonest ending; the matcher's families and the model stem alike."""
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def words_of(text: str) -> list[str]:
    return [stem(w.strip("'-")) for w in _WORD.findall(normalise(text))]


def features(text: str) -> list[str]:
    """The wording's features, each named once: words, word pairs, its opening, letter groups."""
    words = words_of(text)
    found: set[str] = {"bias"}
    found.update(f"w:{w}" for w in words)
    found.update(f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    found.add("o:" + "_".join(words[:OPENING]))
    found.update(f"o{i}:{w}" for i, w in enumerate(words[:2]))
    for w in words:
        if len(w) >= LETTERS_FROM:
            padded = f"<{w}>"
            found.update(f"c:{padded[i:i + LETTERS]}" for i in range(len(padded) - LETTERS + 1))
    return sorted(found)


@dataclass(frozen=True)
class WordingModel:
    """A weight per (feature, label), kept sparse: each feature's weights as one flat list,
    [label index, weight, label index, weight, ...], weights too small to move a verdict left
    out (the stored form as it is read, so loading is one `json.load`). A wording's belief in each
    label is the softmax of its features' summed weights."""

    labels: tuple[str, ...]
    weights: dict[str, list[float]]

    def logits(self, text: str) -> list[float]:
        totals = [0.0] * len(self.labels)
        for name in features(text):
            flat = self.weights.get(name, ())
            for k in range(0, len(flat) - 1, 2):
                totals[int(flat[k])] += flat[k + 1]
        return totals

    def beliefs(self, text: str) -> dict[str, float]:
        """Each label's share of belief (0-1); they add up to 1."""
        return softmax(self.labels, self.logits(text))

    def to_json(self) -> dict[str, object]:
        return {"labels": list(self.labels),
                "weights": {name: [round(x, 3) if k % 2 else int(x) for k, x in enumerate(flat)]
                            for name, flat in sorted(self.weights.items())}}


def softmax(labels: Iterable[str], logits: list[float]) -> dict[str, float]:
    top = max(logits)
    exps = [math.exp(x - top) for x in logits]
    whole = sum(exps)
    return {label: e / whole for label, e in zip(labels, exps, strict=True)}


def model_from_json(data: dict[str, Any]) -> WordingModel:
    labels = tuple(str(x) for x in data["labels"])
    weights = data["weights"]
    if not labels or not isinstance(weights, dict) or \
            any(not isinstance(flat, list) or len(flat) % 2 for flat in weights.values()):
        raise ValueError("a wording model pairs each label index with a weight")
    return WordingModel(labels, weights)


def load_model(path: Path) -> WordingModel | None:
    """The model stored at `path`, or None when there is none (or it cannot be read). Read once
    a process while the file is unchanged, however many catalogs (platforms, reloads) share it."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return _read_model(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _read_model(path: str, _mtime_ns: int, _size: int) -> WordingModel | None:
    try:
        return model_from_json(json.loads(Path(path).read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
