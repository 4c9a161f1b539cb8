"""Which of the story's cues the speaker said, and which they missed.

The cues are the one list the sheet and the drill card show (storybank.cues.story): the story's
numbers with what they measure, and each part's phrases (or the follow-up's, for a probe), the
user's own where they wrote them. A cue counts as said when

- every number it asks for was heard, however said ("six point eight" is 6.8, "$1.3 million" is
  1.3M);
- every name in it was heard: allowing the small slips of a recogniser on a rare name ("libvibs"),
  a name said in pieces ("cloud front" is CloudFront), and, for a name that is also an everyday
  word ("Go", "Rust", "Spark"), only where it is used as that name ("a Go worker", not "we had to go");
- most of its other words were heard, units said in words counting as their symbol ("megabytes"
  is MB, "seconds" is s, "percent" is %).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storybank.speech.numbers import numbers_said_in

if TYPE_CHECKING:  # pragma: no cover
    from storybank.cues.story import Cue
    from storybank.model import Story

FUZZY = 80          # rapidfuzz ratio for one word (or a name said in pieces) to count as the same
WORDS_SAID = 0.6    # share of a cue's plain words (not numbers, not names) that must be heard

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:\.\d+)?|%|\$")

# A unit said in words is the unit written short.
UNITS = {
    "percent": "%", "pct": "%", "%": "%",
    "megabytes": "mb", "megabyte": "mb", "mb": "mb", "gigabytes": "gb", "gigabyte": "gb", "gb": "gb",
    "kilobytes": "kb", "kilobyte": "kb", "kb": "kb", "terabytes": "tb", "terabyte": "tb", "tb": "tb",
    "seconds": "s", "second": "s", "sec": "s", "secs": "s", "s": "s",
    "milliseconds": "ms", "millisecond": "ms", "ms": "ms",
    "minutes": "min", "minute": "min", "mins": "min", "min": "min",
    "hours": "h", "hour": "h", "hrs": "h", "hr": "h", "h": "h",
    "dollars": "$", "dollar": "$", "usd": "$", "$": "$",
    "x": "x", "times": "x",
}
_PER_CENT = re.compile(r"\bper\s+cent\b", re.I)

# Technology names that are also everyday words: heard as the name only in a name's company.
EVERYDAY_NAMES = frozenset(["go", "rust", "swift", "spark", "react", "express", "flask", "elm", "dart", "ruby", "julia", "hive", "pig", "chef", "puppet", "salt", "crystal", "nim", "mercury", "ray", "dask", "airflow", "prefect"])
NAME_BEFORE = frozenset(["in", "using", "with", "a", "the", "our", "my", "their", "wrote", "written", "rewrote", "rewriting", "learn", "learned", "learning", "learnt", "taught", "into", "from", "and", "or", "to", "of", "on", "plain"])
NAME_AFTER = frozenset(["worker", "workers", "service", "services", "code", "program", "programs", "binary", "module", "modules", "library", "libraries", "version", "versions", "compiler", "runtime", "rewrite", "port", "app", "apps", "consumer", "consumers", "decoder", "api", "client", "server", "job", "jobs", "cluster", "crate", "crates", "package", "packages", "routine", "routines", "toolchain", "ui"])
VERB_BEFORE = frozenset(["to", "will", "would", "can", "could", "should", "must", "let's", "lets", "i", "we", "you", "they", "didn't", "don't", "not", "won't", "can't", "gonna", "wanna"])


@dataclass(frozen=True)
class CueCheck:
    said: list[str]
    missed: list[str]

    @property
    def share(self) -> float:
        total = len(self.said) + len(self.missed)
        return len(self.said) / total if total else 1.0


def _canon(word: str) -> str:
    return UNITS.get(word, word)


def _tokens(text: str) -> list[str]:
    return [_canon(t) for t in _TOKEN.findall(_PER_CENT.sub("percent", text).lower())]


@dataclass(frozen=True)
class Heard:
    """A transcript, ready to be asked about cues."""

    tokens: tuple[str, ...]
    stems: frozenset[str]
    words: frozenset[str]         # every word, units canonical, plus each two and three in a row joined
    numbers: frozenset[str]
    capitalised: frozenset[str]   # words the recogniser wrote with a capital inside a sentence

    @classmethod
    def of(cls, transcript: str) -> Heard:
        tokens = tuple(_tokens(transcript))
        joined = {"".join(tokens[i:i + n]) for n in (2, 3) for i in range(len(tokens) - n + 1)}
        caps = {m.group(1).lower() for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+)\b", transcript)}
        return cls(tokens, frozenset(_stem(t) for t in tokens), frozenset(tokens) | frozenset(joined), frozenset(numbers_said_in(transcript)),
                   frozenset(caps))

    def has(self, word: str) -> bool:
        """The word was heard, or nearly (a recogniser's slip), or in pieces ("cloud front")."""
        if word in self.words or _stem(word) in self.stems:
            return True
        if len(word) < 4 or word.isdigit():
            return False
        from rapidfuzz import fuzz, process

        return process.extractOne(word, self.words, scorer=fuzz.ratio, score_cutoff=FUZZY) is not None

    def as_name(self, word: str) -> bool:
        """An everyday word ("go") heard where it is used as a name ("a Go worker", "in Go")."""
        if word in self.capitalised:
            return True
        for i, tok in enumerate(self.tokens):
            if tok != word:
                continue
            before = self.tokens[i - 1] if i else ""
            after = self.tokens[i + 1] if i + 1 < len(self.tokens) else ""
            if before in VERB_BEFORE:
                continue
            if before in NAME_BEFORE or after in NAME_AFTER:
                return True
        return False


def _stem(word: str) -> str:
    """A crude stem, so "joined" and "joining", "line" and "lines" meet."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _names(cue_text: str, known: frozenset[str]) -> set[str]:
    """The words of a cue that name something: a listed technology, or spelled like a name."""
    out: set[str] = set()
    for i, word in enumerate(re.findall(r"(?<![\w.$€£])[A-Za-z][\w.+#/-]*", cue_text)):
        low = word.lower()
        code = any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word)
        if low in known or code or (i > 0 and word[:1].isupper()):
            out.update(_tokens(word))
    return out


def cue_said(cue: Cue, heard: Heard, known: frozenset[str] = frozenset()) -> bool:
    """Every number and every name of the cue heard, and most of its telling words (for a
    metric, one word of what it measures)."""
    if any(v not in heard.numbers and v not in heard.words for v in cue.values):
        return False
    names = _names(cue.text, known)
    if not all(heard.as_name(n) if n in EVERYDAY_NAMES else heard.has(n) for n in names):
        return False
    plain = _plain_words(cue.text, names)
    if not plain:
        return bool(cue.values or names)
    heard_plain = sum(heard.has(w) for w in plain)
    if cue.number:  # the numbers were heard: one word of what they measure is enough
        return heard_plain >= 1
    return heard_plain >= WORDS_SAID * len(plain)


def _plain_words(text: str, names: set[str]) -> list[str]:
    """A cue's words that are neither numbers nor names nor small words; the telling ones only,
    when it has some ("next", "months", "six" are said in any answer)."""
    from storybank.cues import COMMON_WORDS, STOP_WORDS
    from storybank.cues.phrases import NUMBER_WORDS

    plain = [w for w in _tokens(text) if not _DIGITS.fullmatch(w) and w not in names and w not in STOP_WORDS]
    telling = [w for w in plain if w not in COMMON_WORDS and w not in NUMBER_WORDS]
    return telling or plain


_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def story_cues(story: Story, probe: str | None = None) -> Sequence[Cue]:
    """The cues asked for: the main answer's (numbers and parts), or one probe's follow-up's."""
    from storybank.cues.story import story_cues as cues

    found = cues(story)
    return found.followup(probe) if probe else found.answer_as_written(story)


def check_cues(story: Story, transcript: str, probe: str | None = None) -> CueCheck:
    heard = Heard.of(transcript)
    known = frozenset(t.lower() for t in story.technologies)
    said: list[str] = []
    missed: list[str] = []
    for cue in story_cues(story, probe):
        (said if cue_said(cue, heard, known) else missed).append(cue.text)
    return CueCheck(said, missed)


def recogniser_hints(story: Story, limit: int = 40) -> list[str]:
    """The story's names and numbers to bias the recogniser toward (faster-whisper `hotwords`):
    its technologies, and its capitalised and code-like names, rare words a small model mishears."""
    from storybank.cues.phrases import _codeish
    from storybank.model import PROBES

    text = " ".join([story.title, story.answer_text(), *(story.followup(p) for p in PROBES)])
    names = list(dict.fromkeys(story.technologies))
    for word in re.findall(r"\b[A-Za-z][\w.+#-]*[\w+#]", text):
        if _codeish(word) or (word[:1].isupper() and word[1:].islower() and len(word) > 3):
            names.append(word)
    return list(dict.fromkeys(names))[:limit]
