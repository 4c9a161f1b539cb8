"""Streaming: the delay from the end of the audio to the finished analysis, against the time to
transcribe the whole clip at once (same process, same loaded model).

The clip is played into the recorder `SPEED` times faster than real time (so a run takes
seconds, not minutes) while the streamer transcribes it in chunks; the clock starts when the last
block has been delivered and stops when the `rehearse` report is built.

    python benchmarks/probes/streaming_delay.py BANK STORY CLIP [SPEED]
"""

import json
import statistics
import sys
import time
from pathlib import Path

from storybank.bank import Bank
from storybank.catalog import load_catalog
from storybank.speech import engine
from storybank.speech.analyse import Spoken, analyse
from storybank.speech.audio import load_audio
from storybank.speech.delivery import prompt
from storybank.speech.recorder import FileSource, Recorder
from storybank.speech.streaming import Streamer
from storybank.speech.vad import speech_regions

bank_dir, story_id, clip = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
speed = float(sys.argv[4]) if len(sys.argv) > 4 else 3.0
bank = Bank.open(bank_dir)
catalog = load_catalog(bank.settings.catalog_path())
sf = bank.get(story_id)
model = engine.get()
samples = load_audio(clip).samples
model.transcribe(samples[:16000 * 5], prompt=prompt())  # warm up

whole = []
for _ in range(2):
    start = time.perf_counter()
    heard = model.transcribe(samples, prompt=prompt())
    regions = speech_regions(samples)
    analyse(sf, catalog, bank.settings, Spoken(heard, tuple(regions), len(samples) / 16000),
            question=None, probe=None, audio=None, engine={})
    whole.append(time.perf_counter() - start)

delays = []
for _ in range(2 if speed > 1 else 1):
    streamer = Streamer(lambda: model, prompt())
    source = FileSource(clip, speed=speed)
    recorder = Recorder(source, on_block=streamer.feed)
    recorder.start()
    source.done.wait()
    ended = time.perf_counter()
    audio = recorder.stop()
    heard, regions = streamer.finish()
    analyse(sf, catalog, bank.settings, Spoken(heard, tuple(regions), len(audio) / 16000),
            question=None, probe=None, audio=None, engine={})
    delays.append(time.perf_counter() - ended)
print(json.dumps({"whole_seconds": statistics.median(whole), "delay_seconds": statistics.median(delays),
                  "speed": speed}))
