"""Transcribing while the speaker is still talking.

Audio arrives in small blocks (from the microphone, or a file played at speaking pace). Every
`chunk_seconds` of it is cut at its quietest tenth of a second, so no word is split, and handed to
one worker thread that transcribes it and measures its speech regions. When the speaker stops,
only the last few seconds are left to do: the analysis is ready about a second later instead of
after a second pass over the whole recording. The worker waits for the model, which `engine.preload`
is loading in the background meanwhile.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from storybank.speech import SAMPLE_RATE, SpeechError
from storybank.speech.engine import Engine, Heard, Segment, Word

CHUNK_SECONDS = 8.0
LOOK_BACK_SECONDS = 3.0
FRAME = SAMPLE_RATE // 10


def quietest_cut(samples: Any, look_back: int) -> int:
    """Index to cut `samples` at: the middle of its quietest 100 ms in the last `look_back`."""
    import numpy as np

    n = len(samples)
    start = max(0, n - look_back)
    tail = samples[start:n - (n - start) % FRAME]
    if len(tail) < FRAME:
        return n
    energy = np.square(tail.reshape(-1, FRAME)).mean(axis=1)
    return start + int(np.argmin(energy)) * FRAME + FRAME // 2


class Streamer:
    """Feed blocks with `feed` (from any thread); `finish` returns everything heard."""

    def __init__(self, engine: Callable[[], Engine], prompt: str | None = None,
                 chunk_seconds: float = CHUNK_SECONDS) -> None:
        self._engine = engine
        self._prompt = prompt
        self._chunk = int(chunk_seconds * SAMPLE_RATE)
        self._blocks: list[Any] = []             # numpy arrays of float32 samples
        self._pending: list[Any] = []
        self._pending_len = 0
        self._committed = 0
        self._jobs: queue.Queue[tuple[int, Any] | None] = queue.Queue()   # (offset, samples); None ends
        self._texts: list[str] = []
        self._words: list[Word] = []
        self._segments: list[Segment] = []
        self._languages: list[tuple[str, float]] = []
        self._regions: list[tuple[float, float]] = []
        self._error: BaseException | None = None
        self._lock = threading.Lock()
        self._worker = threading.Thread(target=self._work, daemon=True, name="storybank-stream")
        self._worker.start()

    @property
    def seconds(self) -> float:
        return (self._committed + self._pending_len) / SAMPLE_RATE

    def feed(self, block: Any) -> None:
        import numpy as np

        block = np.asarray(block, dtype="float32").reshape(-1)
        with self._lock:
            self._blocks.append(block)
            self._pending.append(block)
            self._pending_len += len(block)
            if self._pending_len >= self._chunk:
                pending = np.concatenate(self._pending)
                cut = quietest_cut(pending, int(LOOK_BACK_SECONDS * SAMPLE_RATE))
                self._jobs.put((self._committed, pending[:cut]))
                self._committed += cut
                rest = pending[cut:]
                self._pending, self._pending_len = [rest], len(rest)

    def flush(self) -> None:
        """Transcribe what has been heard so far now, without waiting for a full chunk: called
        when the speaker falls silent, so that when the silence turns out to be the end of the
        answer, almost nothing is left to transcribe (and the CPU is free for the voice)."""
        import numpy as np

        with self._lock:
            if self._pending_len:
                self._jobs.put((self._committed, np.concatenate(self._pending)))
                self._committed += self._pending_len
                self._pending, self._pending_len = [], 0

    def _work(self) -> None:
        from storybank.speech.vad import speech_regions

        while True:
            job = self._jobs.get()
            if job is None:
                return
            if self._error is not None:
                continue
            start, samples = job
            try:
                offset = start / SAMPLE_RATE
                heard = self._engine().transcribe(samples, offset, self._prompt)
                regions = speech_regions(samples, offset)
            except BaseException as exc:  # noqa: BLE001 - handed to finish(), never lost
                self._error = exc
                continue
            if heard.text:
                self._texts.append(heard.text)
            self._words.extend(heard.words)
            self._segments.extend(heard.segments)
            self._languages.append((heard.language, heard.language_probability))
            self._regions.extend(regions)

    def audio(self) -> Any:
        import numpy as np

        with self._lock:
            return np.concatenate(self._blocks) if self._blocks else np.zeros(0, "float32")

    def finish(self) -> tuple[Heard, list[tuple[float, float]]]:
        """Transcribe what is left, wait for the worker, return the words and speech regions."""
        import numpy as np

        with self._lock:
            if self._pending_len:
                self._jobs.put((self._committed, np.concatenate(self._pending)))
                self._committed += self._pending_len
                self._pending, self._pending_len = [], 0
            self._jobs.put(None)
        self._worker.join()
        if self._error is not None:
            if isinstance(self._error, SpeechError):
                raise self._error
            raise SpeechError(f"transcription failed: {self._error}") from self._error
        language, probability = _language(self._languages)
        return (Heard(" ".join(self._texts), tuple(self._words), tuple(self._segments), language,
                      probability), sorted(self._regions))


def _language(found: list[tuple[str, float]]) -> tuple[str, float]:
    """The language most chunks were heard in, with its mean probability over those chunks."""
    if not found:
        return "en", 1.0
    names = [name for name, _ in found]
    name = max(set(names), key=names.count)
    probabilities = [p for n, p in found if n == name]
    return name, sum(probabilities) / len(probabilities)
