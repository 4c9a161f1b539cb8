"""Hands-free: the time from the end of an answer's silence to the first sound of the probe.

An answer (the end of `candid.flac`, then `room.flac`, 10 s of a quiet room) is played into an
`AnswerListener` in real time, as a microphone would deliver it, while the streamer transcribes it
in chunks (so the CPU is as busy as in a real call). The silence is complete at the moment the
block holding audio time `last speech + end_silence_seconds` arrives: the clock starts there. It
stops when the voice (Piper, or the fallback the chain settles on) hands the probe's first
sentence to the sink: a WAV file here, as on a machine with no speakers.

Also reported: how long the detector took to decide after the silence was complete, and (for
information) the time from the silence to the finished `rehearse`-style analysis of the answer.

    python benchmarks/probes/probe_latency.py [RUNS]
"""

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile

from storybank.bank import Bank
from storybank.catalog import load_catalog
from storybank.speech import SAMPLE_RATE, engine
from storybank.speech.analyse import analyse
from storybank.speech.audio import load_audio
from storybank.speech.delivery import prompt
from storybank.speech.listen import AnswerListener
from storybank.speech.playback import FileSink
from storybank.speech.recorder import FileSource
from storybank.speech.vad import speech_regions
from storybank.speech.voice import open_voice

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "speech" / "fixtures"
STORY = "cutting-a-nightly-spark-claims-job-from-5h40m-to-58-minutes"
PROBE = ("How did you decide on salting the skewed key over a bigger cluster? "
         "What did you weigh against it?")
END_SILENCE = 6.0
TAIL_SECONDS = 14.0        # the last 14 s of the answer: the streamer is busy at the end, as live


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    work = Path(tempfile.mkdtemp(prefix="storybank-latency-"))
    answer = load_audio(FIXTURES / "candid.flac").samples
    room = load_audio(FIXTURES / "room.flac").samples
    clip = np.concatenate([answer[-int(TAIL_SECONDS * SAMPLE_RATE):], room])
    path = work / "answer.wav"
    soundfile.write(str(path), clip, SAMPLE_RATE)
    speech_end = speech_regions(clip)[-1][1]

    bank = Bank.open(ROOT / "stories")
    catalog = load_catalog(bank.settings.catalog_path())
    story = bank.get(STORY)
    model = engine.get()
    model.transcribe(clip[:SAMPLE_RATE * 3], prompt=prompt())          # warm up
    voice = open_voice(sink=FileSink(work / "voice"), env={})
    status = voice.status(60)
    voice.say("Tell me about a time something you built broke in production.").wait(60)

    latencies, detections, renders, analyses = [], [], [], []
    for _ in range(runs):
        source = FileSource(path, speed=1.0)
        listener = AnswerListener(source, lambda: model, prompt(), end_silence=END_SILENCE,
                                  no_speech=15, floor=voice.floor)
        listener.start()
        listener.ended.wait(60)
        decided = time.monotonic()
        utterance = voice.say(PROBE)         # the probe is said as soon as the answer ends
        samples = listener.stop()
        silence_complete = source.time_of(speech_end + END_SILENCE)
        spoken = listener.finish()
        analyse(story, catalog, bank.settings, spoken, question="failure", probe=None,
                audio=None, engine={})
        analysed = time.monotonic()
        utterance.wait(60)
        assert utterance.first_sound is not None, utterance.error
        latencies.append(utterance.first_sound - silence_complete)
        detections.append(decided - silence_complete)
        renders.append(utterance.first_sound - decided)
        analyses.append(analysed - silence_complete)
        assert listener.end is not None and listener.end.reason == "silence", listener.end
        assert len(samples) > 0
    voice.close()
    print(json.dumps({"voice": status.speaker, "runs": runs,
                      "latency_seconds": statistics.median(latencies),
                      "latency_max_seconds": max(latencies),
                      "detection_seconds": statistics.median(detections),
                      "first_sentence_seconds": statistics.median(renders),
                      "analysis_seconds": statistics.median(analyses)}))


if __name__ == "__main__":
    main()
