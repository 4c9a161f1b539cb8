"""Speech time and pauses from a voice-activity detector, not from the gaps between words.

Word timings from the recogniser misjudge a pause by up to 0.7 s; faster-whisper's bundled Silero
VAD (ONNX through onnxruntime, no torch) finds speech edges to a few hundredths of a second.

- speech regions: where someone is talking (silences under 0.3 s do not split a region);
- span: from the first word to the last, the time the interviewer waits through;
- pauses: silences of `pause_limit` seconds or more, with where they started;
- speech time: the span without silences of a second or more. A breath between sentences is part
  of speaking; a second of silence is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storybank.speech import SAMPLE_RATE

MIN_SILENCE_MS = 300
BREAK_SECONDS = 1.0


@dataclass(frozen=True)
class Pause:
    at: float         # seconds from the start of the recording
    seconds: float

    def to_json(self) -> dict[str, float]:
        return {"at": round(self.at, 2), "seconds": round(self.seconds, 2)}


@dataclass(frozen=True)
class Timing:
    regions: tuple[tuple[float, float], ...]
    pauses: tuple[Pause, ...]
    speech_seconds: float

    @property
    def start(self) -> float:
        return self.regions[0][0] if self.regions else 0.0

    @property
    def end(self) -> float:
        return self.regions[-1][1] if self.regions else 0.0

    @property
    def span_seconds(self) -> float:
        return self.end - self.start

    @property
    def longest_pause(self) -> float:
        return max((p.seconds for p in self.pauses), default=0.0)


def speech_regions(samples: Any, offset: float = 0.0) -> list[tuple[float, float]]:
    """(start, end) in seconds of each stretch of speech in 16 kHz mono samples."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(min_silence_duration_ms=MIN_SILENCE_MS, speech_pad_ms=0,
                         min_speech_duration_ms=100)
    return [(offset + r["start"] / SAMPLE_RATE, offset + r["end"] / SAMPLE_RATE)
            for r in get_speech_timestamps(samples, options, sampling_rate=SAMPLE_RATE)]


def timing(regions: list[tuple[float, float]], pause_limit: float) -> Timing:
    """Pauses and speech time from speech regions (sorted, possibly from several chunks)."""
    regions = sorted(regions)
    merged: list[tuple[float, float]] = []
    for start, end in regions:
        if merged and start - merged[-1][1] < MIN_SILENCE_MS / 1000:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    gaps = [(a[1], b[0] - a[1]) for a, b in zip(merged, merged[1:], strict=False)]
    pauses = tuple(Pause(at, length) for at, length in gaps if length >= pause_limit)
    span = merged[-1][1] - merged[0][0] if merged else 0.0
    silent = sum(length for _, length in gaps if length >= BREAK_SECONDS)
    return Timing(tuple(merged), pauses, max(0.0, span - silent))
