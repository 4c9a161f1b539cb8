"""Text to sound, offline, sentence by sentence: the renderers behind the interviewer's voice.

Each renderer turns a text into `Sentence`s (16-bit mono samples at the renderer's rate), the
first as soon as it is ready, so playing can begin while the rest is still being rendered.

- `PiperRenderer`: the natural voice (the `speak` extra: piper-tts and the en_US "joe" voice).
  One long-lived process (`piper_worker`), started when the voice is opened; piper and its
  espeak-ng library never enter storybank's own process.
- `CommandRenderer`: the `espeak-ng` or `flite` program, if installed, one short process a
  sentence. Robotic, but always there on Linux.

`voice.open_voice` picks the first that works, in that order, and falls back to text only.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from storybank.speech import SpeechError
from storybank.speech.piper_worker import END, ERR, HEADER, PCM, READY, SPEAK_EXTRA_FIX

START_TIMEOUT = 30.0      # loading the voice takes about a second; a stuck process is given up
SENTENCE_TIMEOUT = 30.0   # one sentence renders in well under a second
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=\S)")


@dataclass(frozen=True)
class Sentence:
    """One rendered sentence: 16-bit little-endian mono samples."""
    rate: int
    pcm: bytes

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / self.rate if self.rate else 0.0


class Renderer(Protocol):
    name: str

    def start(self) -> None:
        """Get ready (load the voice); raises SpeechError when this renderer cannot work here."""

    def render(self, text: str) -> Iterator[Sentence]:
        """The text's sentences, in order, each as soon as it is rendered."""

    def close(self) -> None:
        """Let go of any process; safe to call twice."""


def sentences(text: str) -> list[str]:
    """The text cut into sentences (the command renderers say one at a time)."""
    return [s.strip() for s in _SENTENCE.split(" ".join(text.split())) if s.strip()]


def _read_exact(stream: IO[bytes], size: int) -> bytes:
    data = b""
    while len(data) < size:
        more = stream.read(size - len(data))
        if not more:
            raise EOFError
        data += more
    return data


class PiperRenderer:
    """The Piper voice, in one process that lives until `close`."""

    name = "piper"
    model = "en_US-joe-medium"

    def __init__(self, python: str | None = None) -> None:
        self.python = python or sys.executable
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._next_id = 0
        self.rate = 0

    def start(self) -> None:
        import importlib.util

        if importlib.util.find_spec("piper") is None:
            raise SpeechError(f"the natural voice is not installed: {SPEAK_EXTRA_FIX}")
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        try:
            self._process = subprocess.Popen(
                [self.python, "-m", "storybank.speech.piper_worker"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        except OSError as exc:
            raise SpeechError(f"cannot start the voice ({exc})") from exc
        kind, _ident, rate, data = self._frame(START_TIMEOUT)
        if kind != READY:
            self.close()
            raise SpeechError(data.decode("utf-8", "replace") or "the voice did not start")
        self.rate = rate

    def _frame(self, timeout: float) -> tuple[bytes, int, int, bytes]:
        process = self._process
        if process is None or process.stdout is None:
            raise SpeechError("the voice is not running")
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            kind, ident, rate, size = HEADER.unpack(_read_exact(process.stdout, HEADER.size))
            return kind, ident, rate, _read_exact(process.stdout, size)
        except (EOFError, struct.error, OSError, ValueError) as exc:
            self.close()
            raise SpeechError("the voice stopped unexpectedly") from exc
        finally:
            timer.cancel()

    def render(self, text: str) -> Iterator[Sentence]:
        with self._lock:
            process = self._process
            if process is None or process.stdin is None:
                raise SpeechError("the voice is not running")
            self._next_id += 1
            ident = self._next_id
            try:
                process.stdin.write((json.dumps({"id": ident, "text": text}) + "\n").encode())
                process.stdin.flush()
            except OSError as exc:
                self.close()
                raise SpeechError("the voice stopped unexpectedly") from exc
            error = None
            while True:  # read to this text's END even if the caller stops listening early
                kind, got, rate, data = self._frame(SENTENCE_TIMEOUT)
                if got != ident:
                    continue
                if kind == PCM:
                    yield Sentence(rate, data)
                elif kind == ERR:
                    error = data.decode("utf-8", "replace")
                elif kind == END:
                    break
            if error:
                raise SpeechError(f"the voice could not say that: {error}")

    def close(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        for stream in (process.stdin, process.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wav_pcm(data: bytes) -> Sentence:
    """A 16-bit mono WAV's samples, tolerating the unknown sizes of a WAV written to a pipe."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise SpeechError("the speech program wrote no WAV audio")
    at, rate = 12, 0
    while at + 8 <= len(data):
        chunk, size = data[at:at + 4], struct.unpack("<I", data[at + 4:at + 8])[0]
        body = at + 8
        if chunk == b"fmt ":
            _fmt, channels, rate, _byte_rate, _align, bits = struct.unpack(
                "<HHIIHH", data[body:body + 16])
            if channels != 1 or bits != 16:
                raise SpeechError("the speech program wrote audio storybank cannot play")
        elif chunk == b"data":
            pcm = data[body:]
            return Sentence(rate, pcm[:len(pcm) - len(pcm) % 2])
        at = body + size + size % 2
    raise SpeechError("the speech program wrote no audio")


class CommandRenderer:
    """`espeak-ng` or `flite`: a short process for each sentence, its WAV read back."""

    COMMANDS = ("espeak-ng", "flite")

    def __init__(self, program: str) -> None:
        self.name = program
        self.path = shutil.which(program)

    def start(self) -> None:
        if self.path is None:
            raise SpeechError(f"{self.name} is not installed")
        next(iter(self._say("Ready.")))  # one run proves the program and its data work

    def _say(self, sentence: str) -> Iterator[Sentence]:
        assert self.path is not None
        if self.name == "espeak-ng":
            # The text goes on stdin, so a sentence that starts with "-" is never an option.
            done = subprocess.run([self.path, "-v", "en-us", "-s", "160", "--stdout"],
                                  input=sentence.encode(), capture_output=True,
                                  timeout=SENTENCE_TIMEOUT, check=False)
            if done.returncode != 0 or not done.stdout:
                raise SpeechError(f"espeak-ng failed (exit {done.returncode})")
            yield _wav_pcm(done.stdout)
            return
        with tempfile.TemporaryDirectory(prefix="storybank-voice-") as folder:
            text, wav = Path(folder) / "say.txt", Path(folder) / "say.wav"
            text.write_text(sentence, encoding="utf-8")
            done = subprocess.run([self.path, "-f", str(text), "-o", str(wav)],
                                  capture_output=True, timeout=SENTENCE_TIMEOUT, check=False)
            if done.returncode != 0 or not wav.is_file():
                raise SpeechError(f"flite failed (exit {done.returncode})")
            yield _wav_pcm(wav.read_bytes())

    def render(self, text: str) -> Iterator[Sentence]:
        for sentence in sentences(text):
            try:
                yield from self._say(sentence)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise SpeechError(f"{self.name} failed ({exc})") from exc

    def close(self) -> None:
        pass


def renderers(order: tuple[str, ...] = ("piper", "espeak-ng", "flite")) -> list[Renderer]:
    """The fallback chain, in order."""
    out: list[Renderer] = []
    for name in order:
        out.append(PiperRenderer() if name == "piper" else CommandRenderer(name))
    return out
