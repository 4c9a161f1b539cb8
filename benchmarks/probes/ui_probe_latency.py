"""Hands-free in the UI: the time from the end of an answer's silence to the first sound of the
probe, through the drill screen itself (Textual app, `AnswerVoice`, `HandsFree`).

The drill says its question (Piper, or the fallback the chain settles on, into WAV files as on a
machine with no speakers); the answer starts by itself once the question is said; the answer (the
last 14 s of `candid.flac`, then `room.flac`, a quiet room) is played in real time, as a
microphone would bring it. The silence ends it, the screen picks the probe and says it. The clock
starts when the block holding audio time `last speech + end_silence_seconds` is delivered and
stops when the probe's first sound is handed to the sink. Between runs a key ends the follow-up
and `r` asks the question again.

    python benchmarks/probes/ui_probe_latency.py [RUNS]
"""

import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from storybank.drill import Phase
from storybank.speech import SAMPLE_RATE
from storybank.speech.audio import load_audio
from storybank.speech.playback import FileSink
from storybank.speech.recorder import FileSource
from storybank.speech.vad import speech_regions

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "speech" / "fixtures"
BANK = ROOT / "tests" / "ui" / "bank"
TAIL_SECONDS = 14.0


async def wait_for(pilot, condition, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("the drill did not get there in time")
        await pilot.pause(0.02)


async def measure(runs: int) -> dict:
    from storybank.ui.app import StorybankApp

    work = Path(tempfile.mkdtemp(prefix="storybank-ui-latency-"))
    os.environ.setdefault("STORYBANK_CACHE_DIR", str(work / "cache"))
    shutil.copytree(BANK, work / "bank")
    answer = load_audio(FIXTURES / "candid.flac").samples
    room = load_audio(FIXTURES / "room.flac").samples
    clip = np.concatenate([answer[-int(TAIL_SECONDS * SAMPLE_RATE):], room])
    speech_end = speech_regions(clip)[-1][1]
    silent = np.zeros(SAMPLE_RATE * 60, "float32")

    app = StorybankApp(work / "bank", start="bank", speech_sink=lambda: FileSink(work / "said"))
    microphones: list[FileSource] = []

    def microphone() -> FileSource:
        # The answers are the clip; each follow-up is silence, ended by a key.
        samples = clip if app.screen.phase is Phase.ANSWER else silent
        microphones.append(FileSource(samples=samples, speed=1.0, floor=app.screen.handsfree.floor))
        return microphones[-1]

    app.audio_source = microphone
    latencies, detections, queued = [], [], []
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause(1)
        await pilot.press("d")
        await wait_for(pilot, lambda: getattr(app.screen, "handsfree", None) is not None)
        drill = app.screen
        end_silence = app.state.settings.end_silence_seconds
        for _ in range(runs):
            await wait_for(pilot, lambda: drill.phase is Phase.ANSWER)
            question = drill.handsfree.utterance
            await wait_for(pilot, lambda: drill.phase is Phase.FOLLOWUP)
            decided = time.monotonic()
            # The probe is a new utterance: the question's may still be the last one said.
            await wait_for(pilot, lambda q=question: drill.handsfree.utterance is not q)
            probe = drill.handsfree.utterance
            await wait_for(pilot, lambda u=probe: u.first_sound is not None or u.done.is_set())
            assert probe.first_sound is not None, probe.error
            answered = next(m for m in reversed(microphones) if m.samples is clip)
            complete = answered.time_of(speech_end + end_silence)
            latencies.append(probe.first_sound - complete)
            detections.append(decided - complete)
            queued.append(probe.queued_at - complete)
            await pilot.press("space")           # the follow-up (silence) ends by key
            await wait_for(pilot, lambda: drill.phase is Phase.CARD)
            await pilot.press("r")               # the same question again
        status = drill.handsfree.status
    return {"voice": status.speaker if status else "?", "runs": runs,
            "latency_seconds": statistics.median(latencies),
            "latency_max_seconds": max(latencies),
            "to_screen_seconds": statistics.median(detections),
            "to_probe_queued_seconds": statistics.median(queued)}


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(json.dumps(asyncio.run(measure(runs))))


if __name__ == "__main__":
    main()
