"""Finding the situation, action, outcome and reflection in running text (speech has no fields).

The text is cut into sentences (an over-long one, as a run-on typed answer or an unpunctuated
transcript gives, is cut again at its clause breaks). Each sentence scores for each part:

- the part's cue phrases (`data/answers.toml`: strong cues and plain ones, with their weights);
- two shapes no phrase list can hold: a measured change ("from 70 minutes to 4", "4.2 s → 1.1 s")
  says outcome, and "I" doing something says action;
- priors: an uncued sentence is action; outcome and reflection must be cued to begin; the opening
  sentences set the scene.

The parts are then found in their spoken order, situation → action → outcome → reflection, each a
run of whole sentences (possibly none), by the best-scoring monotone labelling (a small dynamic
programme over sentences × parts). So the situation tends to come first and the reflection last,
as the interview's pattern has them, and a sentence between two action sentences is action.

Measured by `tests/answers/measure_segments.py` (each story's four parts joined into one text,
as it would be said, then found again): see that script's docstring for the numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storybank.answers.data import PART_NAMES, answer_data, part_cues, weight
from storybank.answers.report import Parts
from storybank.words import count_words

# Where a sentence ends: ".", "!" or "?" (and any closing quote or bracket) before a space, or a
# line break; never inside "4.2", and never after a common abbreviation (checked in code).
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n+")
_ABBREVIATION = re.compile(r"(?:\b(?i:e\.g|i\.e|a\.m|p\.m|vs|etc|approx|dr|mr|mrs|st|no|fig|inc|"
                           r"ltd|jr|sr|u\.s)|\b[A-Z])\.$")
# A sentence this long cannot be one breath: it is cut at its clause breaks.
LONG_SENTENCE_WORDS = 45
_CLAUSE = re.compile(r";\s+|,\s+(?=(?:and|so|but|then|because|which|after|before|until)\b)|"
                     r"\s+(?=(?:and then|so then|after that|and so)\b)", re.I)
# A before/after change: "from 70 minutes to 4", "from $610 to $140", "4.2 s → 1.1 s".
_CHANGE = re.compile(r"\bfrom\s+[$€£~]?\d[\d.,]*[^.;]{0,40}?\s(?:to|down to|up to)\s+[$€£~]?\d"
                     r"|\d\s*[a-z%]*\s*(?:→|->)\s*[$€£]?\d", re.I)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int      # where it starts and ends in the text
    end: int


@lru_cache(maxsize=1)
def _i_acts() -> re.Pattern[str]:
    """"I" doing something: not "I was", "I think", "I learned" (`[acting] not_after_i` in
    data/answers.toml), which set the scene or reflect."""
    idle = "|".join(answer_data()["acting"]["not_after_i"])
    return re.compile(rf"\bi\s+(?:also\s+|then\s+|first\s+|finally\s+|quickly\s+)?(?!(?:{idle})\b)"
                      r"[a-z][a-z'-]+", re.I)


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, in order, with where each sits."""
    out: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if match.group(0).startswith(".") and not match.group(0).startswith("\n") \
                and _ABBREVIATION.search(text[max(start, end - 8):end]):
            continue
        _add(out, text, start, end)
        start = end
    _add(out, text, start, len(text))
    return [s for chunk in out for s in _cut_long(text, chunk)]


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    raw = text[start:end]
    stripped = raw.strip()
    if not stripped or count_words(stripped) == 0:
        return
    lead = len(raw) - len(raw.lstrip())
    out.append(Sentence(stripped, start + lead, start + lead + len(stripped)))


def _cut_long(text: str, sentence: Sentence) -> list[Sentence]:
    """A sentence of more than LONG_SENTENCE_WORDS words, cut at the clause break nearest its
    middle, again until every piece is short enough (or has no break left)."""
    if count_words(sentence.text) <= LONG_SENTENCE_WORDS:
        return [sentence]
    middle = len(sentence.text) / 2
    breaks = [m for m in _CLAUSE.finditer(sentence.text) if 0 < m.start() < len(sentence.text)]
    if not breaks:
        return [sentence]
    cut = min(breaks, key=lambda m: abs(m.start() - middle))
    head = sentence.text[:cut.start()].rstrip(" ,;")
    tail_at = cut.end()
    tail = sentence.text[tail_at:]
    if not count_words(head) or not count_words(tail):
        return [sentence]
    first = Sentence(head, sentence.start, sentence.start + len(head))
    second = Sentence(tail, sentence.start + tail_at, sentence.end)
    return [*_cut_long(text, first), *_cut_long(text, second)]


_DIGIT = re.compile(r"\d")


def part_scores(sentence: str, index: int, count: int = 0) -> list[float]:
    """How much `sentence` (the `index`-th of `count`) sounds like each part, in PART_NAMES
    order."""
    from storybank.analysis.lexicon import normalise

    norm = normalise(sentence)
    cap = weight("cap")
    scores = []
    for part in PART_NAMES:
        strong, cues = part_cues(part)
        found = weight("strong_weight") * strong.count(norm) + weight("cue_weight") * cues.count(norm)
        scores.append(min(cap, found) + weight(f"prior_{part}"))
    if index == 0:
        scores[0] += weight("first_sentence_situation")
    elif index == 1:
        scores[0] += weight("second_sentence_situation")
    if count > 1:
        where = (index + 0.5) / count
        if where < weight("early"):
            scores[0] += weight("early_situation") * (1 - where / weight("early"))
        if where > weight("late"):
            scores[2] += weight("late_outcome")
        if where > weight("last"):
            scores[3] += weight("last_reflection")
            if not _DIGIT.search(sentence):
                scores[3] += weight("last_without_number_reflection")
    if _CHANGE.search(sentence):
        scores[2] += weight("change_outcome")
    if _i_acts().search(norm):
        scores[1] += weight("first_person_action")
    elif _DIGIT.search(sentence):
        scores[2] += weight("number_outcome")
    return scores


def labels(scored: list[list[float]]) -> list[int]:
    """The best labelling of the sentences by part index that never goes back to an earlier
    part: situation* action* outcome* reflection*."""
    if not scored:
        return []
    count = len(PART_NAMES)
    best = [list(scored[0])]
    back: list[list[int]] = [[k for k in range(count)]]
    for row in scored[1:]:
        previous = best[-1]
        here, came = [], []
        running, arg = float("-inf"), 0
        for k in range(count):
            if previous[k] > running:
                running, arg = previous[k], k
            here.append(running + row[k])
            came.append(arg)
        best.append(here)
        back.append(came)
    k = max(range(count), key=lambda j: (best[-1][j], -j))
    out = [k]
    for i in range(len(scored) - 1, 0, -1):
        k = back[i][k]
        out.append(k)
    out.reverse()
    return out


@dataclass(frozen=True)
class Segmented:
    sentences: tuple[Sentence, ...]
    labels: tuple[int, ...]        # the part index of each sentence

    def parts(self) -> Parts:
        chunks: dict[str, list[str]] = {name: [] for name in PART_NAMES}
        for sentence, label in zip(self.sentences, self.labels, strict=True):
            chunks[PART_NAMES[label]].append(sentence.text)
        return Parts(**{name: " ".join(texts) for name, texts in chunks.items()})


def segment(text: str) -> Segmented:
    """The parts of `text`, found sentence by sentence (see the module's rules)."""
    found = sentences(text)
    scored = [part_scores(s.text, i, len(found)) for i, s in enumerate(found)]
    return Segmented(tuple(found), tuple(labels(scored)))
