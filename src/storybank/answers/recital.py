"""Does the answer recite the written story? One verdict for `rehearse`, the drill's typed check
and the mock interview (README "Judging an answer": "recital is one judgement everywhere").

A recital is told by long verbatim runs, not by shared words: a candid retelling reuses the
story's numbers and names ("420 million claim lines", "Spark UI") but not its sentences. The
measure is the share of the answer's words that sit inside a run of at least RUN_WORDS words
found word for word in the written story. Both texts are normalised first, so the comparison
does not turn on how a recogniser or a typist spells things: numbers become digits ("five hours
forty minutes" = "5 hours 40 minutes"), case and punctuation go, hyphenated words split ("month-
partitioned" = "month partitioned"), and British spellings meet American ones ("-ise" = "-ize").

A recogniser's slips break runs, so a run may carry one wrong word in its middle as long as
the words either side of it match (`_bridged`): "I own the ITI pie spark job" still sits in a
long run of the written "I owned a nightly PySpark job" where the rest agrees.

The margin, measured on the committed clips as tiny.en hears them (tests/speech/test_recital.py):
the recital of the written story (`recited.flac`) has 0.65 of its words in such runs, the candid
retelling (`candid.flac`) 0.00, and the candid retelling that keeps the story's numbers and names
(`candid_facts.flac`) 0.05; a typed copy of the story is 1.00. RECITED_SHARE sits at 0.35, 0.30
from either side. (The word-overlap measure this replaces put the same clips at 0.93, 0.44 and
0.53 against a threshold of 0.70.)
"""

from __future__ import annotations

import re

from storybank.answers.report import Recital

RUN_WORDS = 6          # words in a row identical to the story that count as recited
RECITED_SHARE = 0.35   # share of the answer's words in such runs that sounds recited
MIN_WORDS = 12         # below this many words there is nothing to tell

_TOKEN = re.compile(r"[a-z0-9]+")
_SPELLING = ((re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
             (re.compile(r"(?<=[a-z]{2})ys(e|ed|es|ing)$"), r"yz\1"),
             (re.compile(r"(?<=[a-z]{3})our$"), "or"))


def words(text: str) -> list[str]:
    """The text's words, normalised for a word-for-word comparison (see the module)."""
    from storybank.speech.numbers import with_digits

    out = []
    for token in _TOKEN.findall(with_digits(text).lower()):
        for pattern, repl in _SPELLING:
            token = pattern.sub(repl, token)
        out.append(token)
    return out


def _covered(answer: list[str], story: list[str], n: int) -> list[bool]:
    grams = {tuple(story[i:i + n]) for i in range(len(story) - n + 1)}
    covered = [False] * len(answer)
    for i in range(len(answer) - n + 1):
        if tuple(answer[i:i + n]) in grams:
            for j in range(i, i + n):
                covered[j] = True
    return covered


def _bridged(answer: list[str], story: list[str], n: int) -> list[bool]:
    """Runs of `n` words that match the story but for one word in the middle: the story's run
    with one word swapped, masked, must be found in the answer with its word masked too."""
    if n < 3:
        return [False] * len(answer)
    masked: set[tuple[str, ...]] = set()
    for i in range(len(story) - n + 1):
        gram = story[i:i + n]
        for k in range(1, n - 1):
            masked.add((*gram[:k], "", *gram[k + 1:]))
    covered = [False] * len(answer)
    for i in range(len(answer) - n + 1):
        gram = answer[i:i + n]
        for k in range(1, n - 1):
            if (*gram[:k], "", *gram[k + 1:]) in masked:
                for j in range(i, i + n):
                    covered[j] = True
                break
    return covered


def recital_share(answer: str, story: str, n: int = RUN_WORDS) -> float:
    """The share of `answer`'s words inside runs of `n` or more words of `story` (0..1)."""
    said, written = words(answer), words(story)
    if not said or len(written) < n:
        return 0.0
    exact = _covered(said, written, n)
    loose = _bridged(said, written, n)
    return sum(a or b for a, b in zip(exact, loose, strict=True)) / len(said)


def recital(answer: str, story: str, threshold: float = RECITED_SHARE) -> Recital:
    """The verdict: recited when at least `threshold` of the answer sits in long verbatim runs."""
    if len(words(answer)) < MIN_WORDS:
        return Recital(0.0, False, compared=False)
    share = recital_share(answer, story)
    return Recital(share, share >= threshold, compared=True)
