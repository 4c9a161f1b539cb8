"""The interviewer's voice: questions and probes said aloud, offline, one at a time.

`open_voice(settings)` returns a `Voice` at once and gets it ready in the background (Piper takes
about a second to load: open the voice while the intro is on screen). The fallback chain is Piper,
then the `espeak-ng` or `flite` program, then text only; whatever it ends on, `status()` says
which, with a `notice` to show the user once when it is not the natural voice. `say(text)` queues
a text and returns an `Utterance` handle; the voice's own thread renders it sentence by sentence
and plays each sentence as soon as it is ready, holding the `Floor` so the recorder does not
listen meanwhile. `stop()` cuts it off (a key pressed).

Silent when `STORYBANK_VOICE=off` (no listening either) or `speak = false` in the settings.
`STORYBANK_SPEAK_TO=DIR` writes what would be said to WAV files in DIR instead of the speakers.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from storybank.speech import SpeechError
from storybank.speech.floor import Floor
from storybank.speech.piper_worker import SPEAK_EXTRA_FIX
from storybank.speech.playback import DeviceSink, FileSink, Sink, output_device_problem
from storybank.speech.tts import Renderer, renderers

TEXT_ONLY = "text"


def turned_off(env: Mapping[str, str] | None = None) -> bool:
    """`STORYBANK_VOICE=off` (or 0, no): no speaking and no listening."""
    env = os.environ if env is None else env
    return env.get("STORYBANK_VOICE", "").strip().lower() in ("off", "0", "no", "false")


@dataclass(frozen=True)
class VoiceStatus:
    """Who speaks the questions: "piper", "espeak-ng", "flite" or "text" (shown only), where the
    sound goes, and the one line to show the user once when it is not the natural voice."""
    speaker: str
    output: str
    notice: str | None = None

    @property
    def speaks(self) -> bool:
        return self.speaker != TEXT_ONLY

    def to_json(self) -> dict[str, str | None]:
        return {"speaker": self.speaker, "output": self.output, "notice": self.notice}

    @classmethod
    def from_json(cls, data: Mapping[str, str | None]) -> VoiceStatus:
        return cls(str(data["speaker"]), str(data["output"]), data.get("notice"))


@dataclass
class Utterance:
    """One text being said. `done` is set when it has finished playing (or was cut off, or
    could not be said: then `error` says why, and the text on screen is what the user has)."""
    text: str
    done: threading.Event = field(default_factory=threading.Event)
    first_sound: float | None = None      # time.monotonic() of its first sound
    queued_at: float = field(default_factory=time.monotonic)
    seconds: float = 0.0                  # length of the sound played
    cut: bool = False
    error: str | None = None

    def wait(self, timeout: float | None = None) -> bool:
        return self.done.wait(timeout)


class Voice:
    def __init__(self, chain: list[Renderer], sink: Sink | None, floor: Floor | None = None,
                 notice: str | None = None) -> None:
        self.floor = floor or Floor()
        self._chain = list(chain) if sink is not None else []
        self._sink = sink
        self._renderer: Renderer | None = None
        self._failures: list[tuple[str, str]] = []
        self._first_notice = notice
        self._ready = threading.Event()
        self._queue: queue.Queue[Utterance | None] = queue.Queue()
        self._current: Utterance | None = None
        self._cut = threading.Event()
        self._closed = False
        self._thread = threading.Thread(target=self._run, daemon=True, name="storybank-voice")
        self._thread.start()

    # -- getting ready ----------------------------------------------------------------------
    def _next_renderer(self) -> None:
        """Start the first renderer of the chain that works; text only when none does."""
        self._renderer = None
        while self._chain:
            candidate = self._chain.pop(0)
            try:
                candidate.start()
            except SpeechError as exc:
                self._failures.append((candidate.name, str(exc)))
                continue
            except Exception as exc:  # noqa: BLE001 - any failure means: try the next one
                self._failures.append((candidate.name, f"{type(exc).__name__}: {exc}"))
                continue
            self._renderer = candidate
            return

    def ready(self, timeout: float | None = None) -> bool:
        return self._ready.wait(timeout)

    def status(self, timeout: float | None = None) -> VoiceStatus:
        """Which voice speaks (waits until the chain has settled, or `timeout`)."""
        self._ready.wait(timeout)
        renderer, sink = self._renderer, self._sink
        if sink is None or renderer is None:
            notice = self._first_notice
            if notice is None and sink is not None:
                notice = ("Questions are shown, not spoken: no offline voice works here"
                          f"{self._why()}. For one: {SPEAK_EXTRA_FIX}, or install espeak-ng.")
            return VoiceStatus(TEXT_ONLY, "screen", notice)
        notice = None
        if renderer.name != "piper":
            notice = (f"Questions are spoken by {renderer.name}{self._why()}. For the natural "
                      f"voice: {SPEAK_EXTRA_FIX}.")
        return VoiceStatus(renderer.name, sink.name, notice)

    def _why(self) -> str:
        """The first failure of the chain, as " (piper: why)", or nothing."""
        return "".join(f" ({name}: {reason})" for name, reason in self._failures[:1])

    # -- speaking ---------------------------------------------------------------------------
    def say(self, text: str) -> Utterance:
        """Queue `text` to be said; returns at once."""
        utterance = Utterance(" ".join(text.split()))
        if self._closed:
            utterance.error = "the voice is closed"
            utterance.done.set()
            return utterance
        self._queue.put(utterance)
        return utterance

    def stop(self) -> None:
        """Cut off what is being said and drop what is queued."""
        while True:
            try:
                dropped = self._queue.get_nowait()
            except queue.Empty:
                break
            if dropped is not None:
                dropped.cut = True
                dropped.done.set()
        if self._current is not None:
            self._cut.set()
            if self._sink is not None:
                self._sink.abort()

    def close(self) -> None:
        self._closed = True
        self.stop()
        self._queue.put(None)
        self._thread.join(timeout=5)
        if self._renderer is not None:
            self._renderer.close()
        for renderer in self._chain:
            renderer.close()

    def _run(self) -> None:
        try:
            self._next_renderer()
        finally:
            self._ready.set()
        while True:
            utterance = self._queue.get()
            if utterance is None:
                return
            self._current = utterance
            self._cut.clear()
            try:
                self._play(utterance)
            except Exception as exc:  # noqa: BLE001 - a device gone mid-sentence: say so, go on
                utterance.error = f"could not be said: {exc}"
            finally:
                self._current = None
                utterance.done.set()

    def _play(self, utterance: Utterance) -> None:
        sink = self._sink
        while self._renderer is not None and sink is not None:
            renderer = self._renderer
            began = False
            self.floor.take()
            try:
                for sentence in renderer.render(utterance.text):
                    if self._cut.is_set():
                        utterance.cut = True
                        break
                    if not began:
                        sink.begin(sentence.rate, utterance.text)
                        began = True
                    sink.write(sentence.pcm)
                    utterance.seconds += sentence.seconds
                    if utterance.first_sound is None:
                        utterance.first_sound = sink.first_sound
                if began and not self._cut.is_set():
                    sink.end()
                elif self._cut.is_set():
                    utterance.cut = True
                return
            except SpeechError as exc:
                if began:
                    sink.abort()
                    utterance.error = str(exc)
                    return
                # Nothing heard yet: the next voice in the chain says it instead.
                self._failures.insert(0, (renderer.name, str(exc)))
                renderer.close()
                self._next_renderer()
            finally:
                self.floor.give()
        utterance.error = "no voice: shown on screen only"


def _sink_for(env: Mapping[str, str]) -> tuple[Sink | None, str | None]:
    folder = env.get("STORYBANK_SPEAK_TO", "").strip()
    if folder:
        return FileSink(Path(folder).expanduser()), None
    problem = output_device_problem()
    if problem is not None:
        return None, f"Questions are shown, not spoken: {problem}."
    return DeviceSink(), None


def open_voice(settings: object | None = None, *, env: Mapping[str, str] | None = None,
               sink: Sink | None = None, floor: Floor | None = None,
               chain: Callable[[], list[Renderer]] = renderers) -> Voice:
    """The interviewer's voice for this session, getting ready in the background."""
    env = os.environ if env is None else env
    if turned_off(env) or not getattr(settings, "speak", True):
        return Voice([], None, floor)
    notice = None
    if sink is None:
        sink, notice = _sink_for(env)
    return Voice(chain() if sink is not None else [], sink, floor, notice)
