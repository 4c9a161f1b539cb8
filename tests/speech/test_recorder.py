"""Recording, with fake input streams: start, stop, a device error mid-answer, no device, no
PortAudio. And the microphone path of `rehearse` end to end, with a clip as the microphone."""

from __future__ import annotations

import builtins
import json
import types

import numpy as np
import pytest

from storybank.speech import SpeechError
from storybank.speech.recorder import BLOCK, MicrophoneSource, Recorder, import_sounddevice

from .conftest import FIXTURES, STORY, TRUTH, run_cli


class FakeSource:
    """Delivers `blocks` blocks of a tone when started, then optionally fails."""

    def __init__(self, blocks: int, fail: BaseException | None = None) -> None:
        self.blocks, self.fail, self.stopped = blocks, fail, 0

    def start(self, on_audio, on_error) -> None:
        for i in range(self.blocks):
            on_audio(np.full(BLOCK, 0.1 * (i % 2), dtype="float32"))
        if self.fail is not None:
            on_error(self.fail)

    def stop(self) -> None:
        self.stopped += 1


def test_start_and_stop_return_every_block():
    seen = []
    source = FakeSource(25)
    recorder = Recorder(source, on_block=seen.append)
    recorder.start()
    assert recorder.running and recorder.seconds == pytest.approx(2.5)
    samples = recorder.stop()
    assert len(samples) == 25 * BLOCK and len(seen) == 25
    assert source.stopped == 1 and not recorder.running


def test_a_device_error_mid_answer_stops_with_one_line():
    recorder = Recorder(FakeSource(12, fail=OSError("Input overflowed; device unavailable")))
    recorder.start()
    assert not recorder.running
    with pytest.raises(SpeechError) as caught:
        recorder.stop()
    message = str(caught.value)
    assert "stopped after 1.2 s" in message and "device unavailable" in message
    assert "\n" not in message


def _fake_sounddevice(devices_fail: bool = False, stream_blocks: int = 5):
    class PortAudioError(Exception):
        pass

    class InputStream:
        def __init__(self, *, callback, finished_callback, **_kw) -> None:
            self.callback, self.finished = callback, finished_callback

        def start(self) -> None:
            for _ in range(stream_blocks):
                self.callback(np.full((BLOCK, 1), 0.2, dtype="float32"), BLOCK, None, None)

        def stop(self) -> None:
            pass

        def close(self) -> None:
            pass

    def query_devices(device=None, kind=None):
        if devices_fail:
            raise PortAudioError("Error querying device -1")
        return {"name": "fake mic"}

    return types.SimpleNamespace(PortAudioError=PortAudioError, InputStream=InputStream,
                                 query_devices=query_devices)


def test_microphone_source_records_through_sounddevice(monkeypatch):
    monkeypatch.setattr("storybank.speech.recorder.import_sounddevice", lambda: _fake_sounddevice())
    recorder = Recorder(MicrophoneSource())
    recorder.start()
    assert len(recorder.stop()) == 5 * BLOCK


def test_no_input_device(monkeypatch):
    monkeypatch.setattr("storybank.speech.recorder.import_sounddevice",
                        lambda: _fake_sounddevice(devices_fail=True))
    with pytest.raises(SpeechError, match="no microphone found"):
        Recorder(MicrophoneSource()).start()


def _without_portaudio(monkeypatch):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(__import__("sys").modules, "sounddevice", raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)


def test_no_portaudio_says_how_to_install_it(monkeypatch):
    _without_portaudio(monkeypatch)
    with pytest.raises(SpeechError, match="apt-get install libportaudio2"):
        import_sounddevice()


def test_rehearse_without_portaudio_is_one_line_and_exit_2(monkeypatch, bank):
    _without_portaudio(monkeypatch)
    code, out, err = run_cli("--bank", str(bank), "rehearse", STORY)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "libportaudio2" in err and "--audio FILE" in err


@pytest.mark.slow
def test_rehearse_from_the_microphone_streams_while_recording(monkeypatch, voice, bank):
    """The microphone is a clip played into the recorder; the streaming transcript measures the
    same pauses as the whole-file path."""
    from storybank.speech.recorder import FileSource

    monkeypatch.setattr("storybank.cli.commands.rehearse.microphone",
                        lambda: FileSource(FIXTURES / "pauses.flac", speed=0))
    code, out, err = run_cli("--bank", str(bank), "rehearse", STORY, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    truth = TRUTH["pauses"]
    assert report["audio"] is None
    assert report["words"] == pytest.approx(truth["words"], rel=0.15)
    assert report["speech_seconds"] == pytest.approx(truth["speech_seconds"], rel=0.05)
    found = [(p["at"], p["seconds"]) for p in report["pauses"]]
    assert len(found) == 2
    for pause, (at, seconds) in zip((p for p in truth["pauses"] if p["seconds"] >= 3), found,
                                    strict=True):
        assert abs(at - pause["at"]) <= 0.5 and abs(seconds - pause["seconds"]) <= 0.5


@pytest.mark.slow
def test_keep_audio_saves_the_recording_in_the_bank(monkeypatch, voice, tmp_path):
    import shutil

    from .conftest import ROOT

    bank = tmp_path / "bank"
    shutil.copytree(ROOT / "stories", bank)
    code, out, err = run_cli("--bank", str(bank), "rehearse", STORY, "--audio",
                             str(FIXTURES / "candid.flac"), "--keep-audio", "--format", "json")
    assert code == 0, err
    kept = list((bank / ".storybank" / "recordings").glob("*.flac"))
    assert len(kept) == 1 and json.loads(out)["audio"] == str(kept[0])


def test_a_speech_error_carries_its_fix_and_the_command_lines_alternative_apart():
    """Issue 20 item 7: a screen shows the problem and its fix without taking the text apart."""
    import pickle

    from storybank.speech import AUDIO_INSTEAD

    exc = SpeechError("no microphone found", "plug one in", cli_alternative=AUDIO_INSTEAD)
    assert str(exc) == "no microphone found: plug one in; or give a recording with --audio FILE"
    assert exc.say(cli=False) == "no microphone found: plug one in"
    assert exc.fix == "plug one in"
    again = pickle.loads(pickle.dumps(exc))             # crosses a worker thread or process intact
    assert (again.problem, again.fix, again.cli_alternative) == (exc.problem, exc.fix, AUDIO_INSTEAD)
    plain = SpeechError("the voice is not running")     # near miss: a message alone stays as it was
    assert str(plain) == plain.say(cli=False) == "the voice is not running" and plain.fix == ""


def test_no_portaudio_offers_the_recording_only_on_the_command_line(monkeypatch):
    _without_portaudio(monkeypatch)
    with pytest.raises(SpeechError) as raised:
        import_sounddevice()
    assert "--audio FILE" in str(raised.value) and "--audio" not in raised.value.say(cli=False)
    assert "libportaudio2" in raised.value.fix


def _played(floor) -> tuple[list[int], object]:
    from storybank.speech.recorder import FileSource

    got: list[int] = []
    source = FileSource(samples=np.zeros(BLOCK * 3, "float32"), speed=0, floor=floor)
    source.start(lambda block: got.append(len(block)), lambda exc: None)
    return got, source


def test_a_file_source_brings_nothing_while_the_voice_has_the_floor():
    from storybank.speech.floor import Floor

    floor = Floor(tail=0)
    floor.take()
    got, source = _played(floor)
    assert not source.done.wait(0.3) and got == []
    floor.give()
    assert source.done.wait(5) and got == [BLOCK] * 3
    assert [n for n, _t in source.delivered] == [BLOCK, 2 * BLOCK, 3 * BLOCK]
    assert source.time_of(0) == source.delivered[0][1]


def test_a_file_source_with_a_free_floor_plays_at_once():
    from storybank.speech.floor import Floor

    got, source = _played(Floor(tail=0))
    assert source.done.wait(5) and got == [BLOCK] * 3
