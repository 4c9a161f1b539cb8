"""One spoken answer, hands-free: recorded, transcribed while it is spoken, ended by a silence,
and judged hearable or not. What the drill, the mock interview and `rehearse` call.

    listener = AnswerListener(source, lambda: engine.get(model, base), prompt(),
                              end_silence=6, no_speech=15, limit=110, floor=voice.floor)
    listener.start()
    listener.ended.wait()          # the silence, the time limit, a device error ... or a key:
    listener.stop()                # ... which calls stop() sooner
    heard = listener.finish()      # a `Spoken`, or raises UnheardError / SpeechError

Blocks go from the recorder's thread into a queue; one thread of the listener's own hands each
block to the streamer and then to the end-of-answer detector, in order, so the sound device's
callback never waits on a model. Each time the speaker falls silent for `FLUSH_AFTER` seconds, what
was said so far is transcribed at once: if the silence is the end, the transcript is ready when it
is confirmed, and the CPU is free to render the probe (two cores cannot do both fast). Because
one thread both feeds and flushes, the flush falls in the silence the detector heard however fast
the blocks arrive (a file played at full speed included), and the same recording is always cut
into the same pieces.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from storybank.speech import SAMPLE_RATE, SpeechError
from storybank.speech.endpoint import Ended, EndOfAnswer
from storybank.speech.engine import Engine
from storybank.speech.floor import Floor
from storybank.speech.recorder import AudioSource, Recorder
from storybank.speech.streaming import Streamer

FLUSH_AFTER = 2.0


class AnswerListener:
    def __init__(self, source: AudioSource, engine: Callable[[], Engine], prompt: str | None,
                 *, end_silence: float, no_speech: float, limit: float | None = None,
                 floor: Floor | None = None, vad: Any = None) -> None:
        self.streamer = Streamer(engine, prompt)
        self.detector = EndOfAnswer(end_silence, no_speech, limit, model=vad)
        self.recorder = Recorder(source, on_block=self._block, floor=floor)
        self.ended = threading.Event()
        self._blocks: queue.Queue[Any] = queue.Queue()
        self._samples: Any = None
        self._flushed = False
        self._thread = threading.Thread(target=self._judge, daemon=True,
                                        name="storybank-end-of-answer")

    @property
    def end(self) -> Ended | None:
        """Why the answer ended, once the detector decided (None when a key ended it first)."""
        return self.detector.result

    def _block(self, block: Any) -> None:
        self._blocks.put(block)

    def _judge(self) -> None:
        detecting = True
        while True:
            block = self._blocks.get()
            if block is None:
                return
            self.streamer.feed(block)
            if not detecting:
                continue
            try:
                if self.detector.feed(block) is not None:
                    self.ended.set()
                silent = self.detector.silent_for
                if silent >= FLUSH_AFTER and not self._flushed:
                    self.streamer.flush()
                self._flushed = silent >= FLUSH_AFTER
            except Exception:  # noqa: BLE001 - no detector: the answer ends by key or limit
                self.ended.set()
                detecting = False   # every block still reaches the streamer
                continue
            if not self.recorder.running:
                self.ended.set()

    def start(self) -> None:
        self._thread.start()
        self.recorder.start()
        if not self.recorder.running:
            self.ended.set()

    def stop(self) -> Any:
        """Stop recording (idempotent); the samples heard. Raises a device error's SpeechError."""
        if self._samples is None:
            try:
                self._samples = self.recorder.stop()
            finally:
                self._blocks.put(None)
                self.ended.set()
        return self._samples

    def finish(self, where: str = "the recording") -> Any:
        """The heard answer as a `speech.analyse.Spoken`; UnheardError when it cannot be judged
        (no speech before the timeout, noise, another language, too muffled)."""
        from storybank.speech.analyse import Spoken
        from storybank.speech.audio import check_samples
        from storybank.speech.quality import Signals, Unheard, UnheardError, judge

        samples = self.stop()
        self._thread.join()   # every block heard has reached the streamer
        end = self.detector.result
        if end is not None and end.reason == "no speech":
            self.streamer.finish()
            nothing = Signals(0.0, 0, 0.0, 0.0, 0.0, 0.0, True, 0, "en", 1.0)
            raise UnheardError(Unheard("noise", f"no speech heard in {end.at:.0f} s: check the "
                                       "microphone and answer again", nothing), where)
        check_samples(samples, where)
        heard, regions = self.streamer.finish()
        verdict = judge(heard, regions)
        if verdict is not None:
            raise UnheardError(verdict, where)
        if not heard.text.strip():
            raise SpeechError(f"{where}: no speech heard; check the microphone and try again")
        return Spoken(heard, tuple(regions), len(samples) / SAMPLE_RATE)
