"""Where the voice's sound goes: the speakers, or WAV files.

- `DeviceSink` plays through sounddevice (PortAudio) on the default output device.
- `FileSink` writes each utterance to a numbered WAV file (with its text beside it) in a folder:
  for tests, and for a machine with no sound output (`STORYBANK_SPEAK_TO=DIR`).

A sink is fed one utterance at a time: `begin(rate)`, `write(pcm)` once a sentence, `end()` (which
returns when the sound has finished playing) or `abort()` (stop now). `first_sound` is the
`time.monotonic()` at which the utterance's first samples were handed to the device or file.
"""

from __future__ import annotations

import io
import threading
import time
import wave
from pathlib import Path
from typing import Any, Protocol

from storybank.speech import SpeechError

WRITE_SECONDS = 0.1   # samples are handed to the device in slices this long, so `abort` is quick


class Sink(Protocol):
    name: str
    first_sound: float | None

    def begin(self, rate: int, text: str) -> None: ...

    def write(self, pcm: bytes) -> None: ...

    def end(self) -> None: ...

    def abort(self) -> None: ...


def output_device_problem() -> str | None:
    """Why the speakers cannot be used here (None when they can)."""
    try:
        import sounddevice as sd
    except ImportError:
        return "sounddevice is not installed (the voice extra)"
    except OSError:
        return "the PortAudio library is not installed"
    try:
        sd.query_devices(kind="output")
    except (sd.PortAudioError, ValueError):
        return "there is no sound output device"
    return None


class DeviceSink:
    """The default output device."""

    name = "speakers"

    def __init__(self, device: int | str | None = None) -> None:
        self.device = device
        self.first_sound: float | None = None
        self._stream: Any = None
        self._aborted = threading.Event()

    def begin(self, rate: int, text: str) -> None:
        import sounddevice as sd

        self.first_sound = None
        self._aborted.clear()
        try:
            self._stream = sd.RawOutputStream(samplerate=rate, channels=1, dtype="int16",
                                              device=self.device)
            self._stream.start()
        except sd.PortAudioError as exc:
            self._stream = None
            raise SpeechError(f"cannot play sound ({exc})") from exc
        self._slice = max(2, int(rate * WRITE_SECONDS) * 2)

    def write(self, pcm: bytes) -> None:
        stream = self._stream
        for at in range(0, len(pcm), self._slice):
            if self._aborted.is_set() or stream is None:
                return
            if self.first_sound is None:
                self.first_sound = time.monotonic()
            stream.write(pcm[at:at + self._slice])

    def end(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.stop()    # returns once every buffered sample has played
                stream.close()
            except Exception:  # noqa: BLE001, S110 - a device gone at the end loses nothing
                pass

    def abort(self) -> None:
        self._aborted.set()
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.abort()
                stream.close()
            except Exception:  # noqa: BLE001, S110
                pass


class FileSink:
    """Each utterance as `0001.wav` (and `0001.txt`, its text) in `folder`. With `realtime`, writing
    takes as long as playing would, so the voice holds the floor for the sound's length."""

    name = "files"

    def __init__(self, folder: str | Path, realtime: bool = False) -> None:
        self.folder = Path(folder)
        self.realtime = realtime
        self.first_sound: float | None = None
        self.files: list[Path] = []
        self._buffer = io.BytesIO()
        self._rate = 0
        self._text = ""
        self._began = 0.0
        self._written = 0
        self._open = False
        self._aborted = threading.Event()

    def begin(self, rate: int, text: str) -> None:
        self.first_sound = None
        self._aborted.clear()
        self._open = True
        self._buffer = io.BytesIO()
        self._rate, self._text = rate, text
        self._written = 0

    def write(self, pcm: bytes) -> None:
        if self._aborted.is_set():
            return
        if self.first_sound is None:
            self.first_sound = self._began = time.monotonic()
        self._buffer.write(pcm)
        self._written += len(pcm)
        if self.realtime and self._rate:
            self._aborted.wait(max(0.0, self._began + self._written / 2 / self._rate
                                   - time.monotonic()))

    def end(self) -> None:
        from storybank.atomic import atomic_write

        if not self._open:
            return          # nothing begun (or already written): no stale file
        self._open = False
        self.folder.mkdir(parents=True, exist_ok=True)
        number = len(list(self.folder.glob("*.wav"))) + 1
        path = self.folder / f"{number:04d}.wav"
        data = io.BytesIO()
        with wave.open(data, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(self._rate or 16000)
            out.writeframes(self._buffer.getvalue())
        atomic_write(path, data.getvalue())
        atomic_write(path.with_suffix(".txt"), (self._text + "\n").encode("utf-8"))
        self.files.append(path)

    def abort(self) -> None:
        self._aborted.set()
        self.end()
