"""Recordings the recogniser cannot judge are not judged.

tiny.en writes English words for anything it is given: French comes back as invented English,
noise as "Yeah.", a badly muffled answer as its own priming prompt ("Um, uh, ... we did it like
this") or a loop of "I don't know what to do". Scoring that, and logging it as practice, would
move the schedule on an answer nobody heard. So before anything is analysed, `judge` reads the
recogniser's own signals and either lets the answer through or returns an `Unheard` verdict with
one line that says why:

- `noise`: speech regions (Silero VAD) add up to less than a second, or every segment the
  recogniser wrote is one it thinks is probably not speech;
- `language`: a multilingual model detected another language (tiny.en cannot tell; it shows
  up through the next two instead);
- `echo`: the priming prompt came back instead of the speaker's words;
- `unclear`: the recogniser's average log-probability per token is low (it was guessing), or its
  words carry little probability, or the text is a loop (compression ratio), or it found far
  fewer words than the speech could hold.

The priming prompt echoed back is always taken out of the text (`engine` does it, segment by
segment, with `echoes_prompt`), refused or not; so is a loop written in less time than its words
could be said (`engine.overrun`: tiny.en's "see you in the next video" over a chunk's last silent
fraction of a second), which no speaker said and which would otherwise refuse a clear answer.

Thresholds were chosen on the tuning clips named in `tests/speech/fixtures/make_fixtures.py`, and
checked on held-out clips (`tests/speech/heldout/`) that were not looked at while choosing them;
the numbers are in `tests/speech/test_quality.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storybank.speech import SpeechError
from storybank.speech.engine import Heard, Segment

MIN_SPEECH_SECONDS = 1.0       # less speech than this is no answer
NO_SPEECH_PROB = 0.6           # Whisper's own "probably not speech" line
MIN_AVG_LOGPROB = -1.0         # Whisper's own "it was guessing" line, weighted over the answer
MIN_WORD_PROBABILITY = 0.5     # mean probability of the words written
MAX_COMPRESSION = 2.4          # Whisper's own line for a segment that repeats itself
MAX_REPEATED = 0.3             # share of repeated word triples over the whole answer
ECHO_SHARE = 0.8
MIN_WORDS_PER_SECOND = 1.0     # people say 2-3.5 words a second; far fewer means guessed sound
MIN_LANGUAGE_PROBABILITY = 0.5
_FILLERS = {"um", "uh", "er", "ah", "hmm", "mm", "mmm", "erm"}
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def echoes_prompt(text: str, prompt: str) -> bool:
    """A segment that is the priming prompt coming back: three or more words, at least
    `ECHO_SHARE` of them the prompt's own ("Um, we did it like this, and we did it like this",
    "Uh, uh, uh, uh"). A sentence of the speaker's that only uses a few of them is not one."""
    said = _tokens(text)
    if len(said) < 3:
        return False
    cue = set(_tokens(prompt)) | _FILLERS | {"and", "then", "that"}
    return sum(t in cue for t in said) >= ECHO_SHARE * len(said)


def repeated_share(text: str) -> float:
    """The share of the text's word triples that repeat an earlier one: a recogniser stuck in a
    loop ("it's not, it's not, it's not") scores high, a real answer low (0 under 20 triples)."""
    said = _tokens(text)
    triples = [tuple(said[i:i + 3]) for i in range(len(said) - 2)]
    if len(triples) < 20:
        return 0.0
    return 1 - len(set(triples)) / len(triples)


def detect_language(model: Any, samples: Any) -> tuple[str, float]:
    """The spoken language and its probability, from a multilingual model; an English-only model
    (the bundled tiny.en) cannot tell, and says English."""
    inner = getattr(model, "model", None)
    if not getattr(inner, "is_multilingual", False):
        return "en", 1.0
    try:
        language, probability, _all = model.detect_language(samples, vad_filter=True)
    except Exception:  # noqa: BLE001 - no verdict from detection is no refusal
        return "en", 1.0
    return str(language), float(probability)


@dataclass(frozen=True)
class Signals:
    """The figures a verdict is made from, kept for the report and the tests."""
    speech_seconds: float
    words: int
    avg_logprob: float
    word_probability: float
    compression_ratio: float      # the highest of its segments
    repeated: float
    no_speech: bool
    echoed_segments: int
    language: str
    language_probability: float

    def to_json(self) -> dict[str, Any]:
        return {"speech_seconds": round(self.speech_seconds, 1), "words": self.words,
                "avg_logprob": round(self.avg_logprob, 2),
                "word_probability": round(self.word_probability, 2),
                "compression_ratio": round(self.compression_ratio, 2),
                "repeated": round(self.repeated, 2),
                "no_speech": self.no_speech, "echoed_segments": self.echoed_segments,
                "language": self.language,
                "language_probability": round(self.language_probability, 2)}


@dataclass(frozen=True)
class Unheard:
    """A recording that is not judged: not scored, not logged. `message` is the one line to
    show ("not heard clearly: ..."); `code` is noise, language, echo or unclear."""
    code: str
    message: str
    signals: Signals

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "signals": self.signals.to_json()}


class UnheardError(SpeechError):
    """Raised where a recording that cannot be judged stops a command (`rehearse` exits 2)."""

    def __init__(self, verdict: Unheard, where: str = "") -> None:
        self.verdict = verdict
        super().__init__(f"{where}: {verdict.message}" if where else verdict.message)


def _weighted(segments: Sequence[Segment], value: str) -> float:
    total = sum(max(s.end - s.start, 0.1) for s in segments)
    if not total:
        return 0.0
    return float(sum(getattr(s, value) * max(s.end - s.start, 0.1) for s in segments)) / total


def signals(heard: Heard, regions: Sequence[tuple[float, float]]) -> Signals:
    speech = sum(end - start for start, end in regions)
    kept = [seg for seg in heard.segments if not (seg.echoed or seg.overrun)]
    words = sum(seg.words for seg in kept)
    word_probability = (sum(seg.word_probability * seg.words for seg in kept) / words) if words \
        else 0.0
    return Signals(
        speech_seconds=speech, words=words, avg_logprob=_weighted(kept, "avg_logprob"),
        word_probability=word_probability,
        compression_ratio=max((seg.compression_ratio for seg in kept), default=0.0),
        repeated=repeated_share(heard.text),
        no_speech=bool(kept) and all(seg.no_speech_prob >= NO_SPEECH_PROB for seg in kept),
        echoed_segments=sum(seg.echoed for seg in heard.segments),
        language=heard.language, language_probability=heard.language_probability)


def judge(heard: Heard, regions: Sequence[tuple[float, float]]) -> Unheard | None:
    """None when the answer can be judged, else why not."""
    s = signals(heard, regions)
    unclear = "not heard clearly"
    again = "say it again, in English, close to the microphone"
    if s.speech_seconds < MIN_SPEECH_SECONDS and (not s.words or s.no_speech):
        return Unheard("noise", "no speech heard, only silence or noise: check the microphone "
                       "and say the answer again", s)
    if s.language != "en" and s.language_probability >= MIN_LANGUAGE_PROBABILITY:
        return Unheard("language", f"{unclear}: it sounds like another language ({s.language}), "
                       "and the interview is in English", s)
    if not s.words:
        what = "only its own cue words came back" if s.echoed_segments else "no English words"
        return Unheard("echo" if s.echoed_segments else "unclear",
                       f"{unclear}: {s.speech_seconds:.0f} s of sound but {what} (another "
                       f"language, or too muffled); {again}", s)
    reasons = []
    if s.avg_logprob < MIN_AVG_LOGPROB:
        reasons.append("the recogniser was guessing")
    if s.word_probability < MIN_WORD_PROBABILITY:
        reasons.append("most words are unsure")
    if s.compression_ratio > MAX_COMPRESSION or s.repeated > MAX_REPEATED:
        reasons.append("the text goes round in a loop")
    if s.speech_seconds >= 5 and s.words / s.speech_seconds < MIN_WORDS_PER_SECOND:
        reasons.append(f"only {s.words} words in {s.speech_seconds:.0f} s of sound")
    if not reasons:
        return None
    if s.echoed_segments:
        reasons.insert(0, "its own cue words came back")
    return Unheard("echo" if s.echoed_segments else "unclear",
                   f"{unclear}: {'; '.join(reasons)} (another language, noise, or a muffled "
                   f"recording); {again}", s)
