"""Recording from the microphone, behind a small `AudioSource` protocol.

The recorder never talks to sounddevice directly: it asks an `AudioSource` to start delivering
blocks of 16 kHz mono float32 samples and to report a failure. `MicrophoneSource` is the real one
(sounddevice, which needs the system PortAudio library); `FileSource` plays a file at speaking
pace, for the drill's tests and the streaming benchmark; tests inject fakes of their own.

What can go wrong, each as one line with the fix:
- no PortAudio: `import sounddevice` raises OSError -> install libportaudio2;
- no input device -> plug one in, or use an audio file;
- the device fails mid-answer -> the recording stops and says after how many seconds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from storybank.speech import AUDIO_INSTEAD, SAMPLE_RATE, VOICE_EXTRA_FIX, SpeechError
from storybank.speech.floor import Floor

OnAudio = Callable[[object], None]
OnError = Callable[[BaseException], None]
BLOCK = SAMPLE_RATE // 10
PORTAUDIO_FIX = "apt-get install libportaudio2 (Debian/Ubuntu) or brew install portaudio (macOS)"


class AudioSource(Protocol):
    def start(self, on_audio: OnAudio, on_error: OnError) -> None:
        """Begin delivering blocks to `on_audio` (from any thread); failures go to `on_error`."""

    def stop(self) -> None:
        """Stop delivering; safe to call twice."""


def import_sounddevice() -> Any:
    try:
        import sounddevice
    except ImportError as exc:
        raise SpeechError(f"recording needs the voice extra: {VOICE_EXTRA_FIX}") from exc
    except OSError as exc:  # the PortAudio library is missing
        raise SpeechError("recording needs the PortAudio library, which is not installed", PORTAUDIO_FIX,
                          cli_alternative=AUDIO_INSTEAD) from exc
    return sounddevice


class MicrophoneSource:
    """The default input device, through sounddevice."""

    def __init__(self, device: int | str | None = None) -> None:
        self.device = device
        self._stream: Any = None  # a sounddevice InputStream while recording

    def start(self, on_audio: OnAudio, on_error: OnError) -> None:
        sd = import_sounddevice()
        try:
            sd.query_devices(self.device, kind="input")
        except (sd.PortAudioError, ValueError) as exc:
            raise SpeechError("no microphone found", "plug one in (or allow access to it)",
                              cli_alternative=AUDIO_INSTEAD) from exc

        def callback(indata: Any, _frames: int, _time: Any, _status: Any) -> None:
            # An overflow status means a few samples were dropped: not worth stopping an answer.
            on_audio(indata[:, 0].copy())

        def finished() -> None:
            if self._stream is not None and not getattr(self, "_stopping", False):
                on_error(SpeechError("the microphone stopped (unplugged, or taken by another "
                                     "program)"))

        try:
            self._stream = sd.InputStream(samplerate=SAMPLE_RATE, channels=1, dtype="float32",
                                          blocksize=BLOCK, device=self.device, callback=callback,
                                          finished_callback=finished)
            self._stream.start()
        except sd.PortAudioError as exc:
            raise SpeechError(f"cannot open the microphone ({exc})", "close other programs using it",
                              cli_alternative=AUDIO_INSTEAD) from exc

    def stop(self) -> None:
        self._stopping = True
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.stop()
                stream.close()
            except Exception:  # noqa: BLE001, S110 - a failing device is already reported
                pass


class FileSource:
    """A file played as if spoken: blocks at speaking pace (`speed` 1.0), or as fast as possible
    (`speed` 0). For tests and the benchmarks, which are its microphone: given a `floor`, it
    brings nothing while the voice has the floor (a microphone would hear only the voice), and
    `delivered` notes when each block went out. `samples` instead of a path plays those."""

    def __init__(self, path: str | Path | None = None, speed: float = 1.0, *,
                 samples: Any = None, floor: Floor | None = None) -> None:
        if samples is None:
            from storybank.speech.audio import load_audio

            if path is None:
                raise ValueError("FileSource needs a path or samples")
            samples = load_audio(path).samples
        self.samples = samples
        self.speed = speed
        self.floor = floor
        self.delivered: list[tuple[int, float]] = []   # (samples delivered so far, time.monotonic())
        self.done = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, on_audio: OnAudio, on_error: OnError) -> None:
        def play() -> None:
            while self.floor is not None and not self.floor.wait_free(0.1):
                if self._stop.is_set():
                    self.done.set()
                    return
            began, sent = time.monotonic(), 0
            for i, at in enumerate(range(0, len(self.samples), BLOCK)):
                if self._stop.is_set():
                    break
                if self.speed:
                    wait = began + i * BLOCK / SAMPLE_RATE / self.speed - time.monotonic()
                    if wait > 0 and self._stop.wait(wait):
                        break
                block = self.samples[at:at + BLOCK]
                sent += len(block)
                self.delivered.append((sent, time.monotonic()))
                on_audio(block)
            self.done.set()

        self._thread = threading.Thread(target=play, daemon=True, name="storybank-file-source")
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def time_of(self, seconds: float) -> float:
        """When the sample at `seconds` of audio was delivered."""
        target = seconds * SAMPLE_RATE
        return next(t for n, t in self.delivered if n >= target)


class Recorder:
    """Collects one answer from a source, feeding a `Streamer` as the blocks arrive. Given the
    voice's `Floor`, it does not listen while storybank speaks."""

    def __init__(self, source: AudioSource, on_block: OnAudio | None = None,
                 floor: Floor | None = None) -> None:
        self.source = source
        self.on_block = on_block
        self.floor = floor          # while the voice speaks, what the microphone hears is dropped
        self.dropped = 0
        self.blocks: list[Any] = []          # numpy arrays of float32 samples
        self.samples_heard = 0
        self.error: SpeechError | None = None
        self.running = False
        self._lock = threading.Lock()

    @property
    def seconds(self) -> float:
        return self.samples_heard / SAMPLE_RATE

    def _audio(self, block: Any) -> None:
        with self._lock:
            if not self.running:
                return
            if self.floor is not None and self.floor.speaking():
                self.dropped += len(block)
                return
            self.blocks.append(block)
            self.samples_heard += len(block)
        if self.on_block is not None:
            self.on_block(block)

    def _error(self, exc: BaseException) -> None:
        with self._lock:
            if self.error is None and self.running:
                reason = str(exc) if isinstance(exc, SpeechError) else f"device error: {exc}"
                self.error = SpeechError(f"the recording stopped after {self.seconds:.1f} s: {reason}")
            self.running = False

    def start(self) -> None:
        self.running = True
        try:
            self.source.start(self._audio, self._error)
        except SpeechError:
            self.running = False
            raise
        except Exception as exc:  # noqa: BLE001 - PortAudio and friends: one line, not a traceback
            self.running = False
            raise SpeechError(f"cannot start recording: {exc}") from exc

    def stop(self) -> Any:
        """Stop and return the samples; raises the device error if one ended the recording."""
        import numpy as np

        with self._lock:
            self.running = False
        self.source.stop()
        if self.error is not None:
            raise self.error
        return np.concatenate(self.blocks) if self.blocks else np.zeros(0, "float32")
