"""The end of an answer, heard as the interviewer hears it: a long silence after speech.

`EndOfAnswer` is fed the recorder's blocks (16 kHz mono) as they arrive and runs the bundled
Silero voice-activity model (faster-whisper's ONNX copy, no torch) over each new 32 ms window.
It judges by the audio's own clock, not the wall clock, so a file played fast gives the same
answer as a microphone in real time.

- The answer has begun once `MIN_SPEECH_SECONDS` of speech are heard (a cough or a click is not
  an answer).
- It ends when `end_silence` seconds pass with no speech after that: `Ended("silence", ...)`.
- It is "not heard" when no answer has begun after `no_speech` seconds: `Ended("no speech", ...)`.
- It is cut at `limit` seconds, if given: `Ended("limit", ...)`.

`end_silence_seconds` (a bank setting, default 6 s) must be longer than the pauses that
`rehearse` flags as risky (`pause_limit_seconds`, 3 s): a flagged pause is something to fix, and
ending the answer on it would hide it. Twice the pause limit lets a thinking pause of up to 5 s
through and still ends a finished answer in a few seconds; a key ends it sooner.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from storybank.speech import SAMPLE_RATE

WINDOW = 512                 # samples per Silero window (32 ms at 16 kHz)
CONTEXT = 64                 # samples of the previous window the model sees with each window
THRESHOLD = 0.5              # a window at or above this is speech ...
NEG_THRESHOLD = 0.35         # ... and, once speaking, below this is silence (hysteresis)
MIN_SPEECH_SECONDS = 0.25
END_SILENCE_SECONDS = 6.0
NO_SPEECH_SECONDS = 15.0


@dataclass(frozen=True)
class Ended:
    """Why and when an answer ended, in seconds of audio heard."""
    reason: str                  # "silence", "no speech" or "limit"
    at: float                    # audio time at which the end was decided
    speech_end: float | None     # end of the last speech (None when nothing was said)

    @property
    def heard(self) -> bool:
        return self.speech_end is not None

    def to_json(self) -> dict[str, Any]:
        return {"reason": self.reason, "at": round(self.at, 2),
                "speech_end": None if self.speech_end is None else round(self.speech_end, 2)}


class EndOfAnswer:
    """Feed blocks with `feed` (from the recorder's thread); `ended` is set once it decides."""

    def __init__(self, end_silence: float = END_SILENCE_SECONDS,
                 no_speech: float = NO_SPEECH_SECONDS, limit: float | None = None,
                 model: Any = None) -> None:
        import numpy as np

        self.end_silence = end_silence
        self.no_speech = no_speech
        self.limit = limit
        self._model = model
        self._np = np
        self._pending: Any = np.zeros(0, "float32")
        self._previous: Any = np.zeros(WINDOW, "float32")
        self._windows = 0
        self._speech_windows = 0
        self._in_speech = False
        self._speech_end: float | None = None
        self._begun = False
        self.result: Ended | None = None
        self.ended = threading.Event()
        self._lock = threading.Lock()

    @property
    def seconds(self) -> float:
        """Audio judged so far."""
        return self._windows * WINDOW / SAMPLE_RATE

    @property
    def begun(self) -> bool:
        return self._begun

    @property
    def silent_for(self) -> float:
        """Seconds of silence since the last speech (0 while speaking or before any)."""
        if not self._begun or self._speech_end is None or self._in_speech:
            return 0.0
        return self.seconds - self._speech_end

    def _vad(self) -> Any:
        if self._model is None:
            from faster_whisper.vad import get_vad_model

            self._model = get_vad_model()
        return self._model

    def feed(self, block: Any) -> Ended | None:
        """Judge a block; returns the end once decided (and on every later call)."""
        np = self._np
        with self._lock:
            if self.result is not None:
                return self.result
            samples = np.concatenate([self._pending, np.asarray(block, "float32").reshape(-1)])
            whole = len(samples) - len(samples) % WINDOW
            self._pending = samples[whole:]
            if not whole:
                return None
            windows = samples[:whole]
            # The previous window goes first so each new window sees its real context.
            probs = self._vad()(np.concatenate([self._previous, windows]))
            self._previous = windows[-WINDOW:]
            for prob in np.asarray(probs).reshape(-1)[1:]:
                end = self._window(float(prob))
                if end is not None:
                    self.result = end
                    self.ended.set()
                    return end
            return None

    def _window(self, prob: float) -> Ended | None:
        self._windows += 1
        now = self.seconds
        if prob >= THRESHOLD or (self._in_speech and prob >= NEG_THRESHOLD):
            self._in_speech = True
            self._speech_windows += 1
            self._speech_end = now
            if self._speech_windows * WINDOW / SAMPLE_RATE >= MIN_SPEECH_SECONDS:
                self._begun = True
        else:
            self._in_speech = False
        if self._begun and self._speech_end is not None \
                and now - self._speech_end >= self.end_silence:
            return Ended("silence", now, self._speech_end)
        if not self._begun and now >= self.no_speech:
            return Ended("no speech", now, None)
        if self.limit is not None and now >= self.limit:
            return Ended("limit", now, self._speech_end if self._begun else None)
        return None
