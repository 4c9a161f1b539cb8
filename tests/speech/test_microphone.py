"""The microphone tested for real: `storybank rehearse` recording through PortAudio from a real
sound device, with no fake stream anywhere.

The device is a PulseAudio null sink whose monitor is the default source, on a private
PulseAudio server this test starts (and stops) itself; `paplay` plays a committed clip into the
sink, so the clip is what the "microphone" hears. PortAudio reaches the server through ALSA's
pulse plugin. `.ci/run` installs what this needs; on a machine without it the test skips and
says which part is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT, STORY, TRUTH

pytestmark = pytest.mark.slow
SINK = "storybank_test"


def _wait_for(check, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture(scope="module")
def pulse(tmp_path_factory):
    """A private PulseAudio server with a null sink; yields the environment that reaches it."""
    missing = [p for p in ("pulseaudio", "paplay", "pactl") if shutil.which(p) is None]
    if missing:
        pytest.skip(f"no {', '.join(missing)} here (apt-get install pulseaudio pulseaudio-utils)")
    if not Path("/usr/share/alsa/alsa.conf.d/pulse.conf").exists() and \
            not Path("/etc/alsa/conf.d/99-pulse.conf").exists():
        pytest.skip("ALSA's pulse plugin is not installed (apt-get install libasound2-plugins)")
    home = tmp_path_factory.mktemp("pulse")
    socket = home / "native"
    env = dict(os.environ, HOME=str(home), PULSE_RUNTIME_PATH=str(home / "run"),
               PULSE_STATE_PATH=str(home / "state"), PULSE_SERVER=f"unix:{socket}")
    env.pop("STORYBANK_VOICE", None)
    server = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--system=false", "--exit-idle-time=-1",
         "--disallow-exit", "--disable-shm", "-n", "--log-target=stderr",
         f"--load=module-native-protocol-unix socket={socket}",
         f"--load=module-null-sink sink_name={SINK}",
         "--load=module-always-sink"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def up() -> bool:
        return server.poll() is None and subprocess.run(
            ["pactl", "info"], env=env, capture_output=True, check=False).returncode == 0

    try:
        if not _wait_for(up, 15):
            error = server.stderr.read().decode(errors="replace")[-300:] \
                if server.poll() is not None and server.stderr else "no answer"
            pytest.skip(f"PulseAudio did not start here: {error.strip()}")
        subprocess.run(["pactl", "set-default-sink", SINK], env=env, check=True)
        subprocess.run(["pactl", "set-default-source", f"{SINK}.monitor"], env=env, check=True)
        probe = subprocess.run(
            [sys.executable, "-c", "import sounddevice as sd; sd.query_devices(kind='input')"],
            env=env, capture_output=True, check=False)
        if probe.returncode != 0:
            last = (probe.stderr.decode(errors="replace").strip().splitlines() or ["?"])[-1]
            pytest.skip(f"PortAudio sees no input device through PulseAudio: {last}")
        yield env
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _bank(tmp_path: Path, settings: str = "") -> Path:
    bank = tmp_path / "bank"
    shutil.copytree(ROOT / "stories", bank)
    (bank / ".storybank.toml").write_text(settings, encoding="utf-8")
    return bank


def _rehearse(env, bank: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "storybank", "--bank", str(bank), "rehearse", STORY, "--limit", "90",
         "--format", "json"],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        cwd=ROOT)


def _recording(process: subprocess.Popen) -> bool:
    """Wait for rehearse to say it is recording (it writes that line once the stream runs)."""
    assert process.stderr is not None
    line = process.stderr.readline().decode(errors="replace")
    return line.startswith("Recording:")


def test_rehearse_hears_a_clip_played_into_the_default_source_and_stops_on_silence(pulse,
                                                                                   tmp_path):
    bank = _bank(tmp_path)
    process = _rehearse(pulse, bank)
    try:
        assert _recording(process), process.stderr.read() if process.stderr else ""
        # a short answer (played in real time), then a quiet room: the silence ends it
        for clip in ("short", "room"):
            subprocess.run(["paplay", str(FIXTURES / f"{clip}.flac")], env=pulse, check=True,
                           timeout=60)
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err.decode(errors="replace")
    report = json.loads(out)
    truth = set((FIXTURES / "short.txt").read_text(encoding="utf-8").lower().split())
    said = report["transcript"].lower().split()
    assert len(said) > 0.8 * TRUTH["short"]["words"] and sum(w in truth for w in said) / len(said) > 0.7
    assert report["audio"] is None
    # It stopped on the silence after the answer, not at the 90 s limit.
    assert report["duration_seconds"] < TRUTH["short"]["duration"] + 10 + 3
    log = (bank / ".storybank" / "practice.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(log) == 1 and json.loads(log[0])["story"] == STORY


def test_rehearse_with_nobody_speaking_is_not_heard_and_not_logged(pulse, tmp_path):
    bank = _bank(tmp_path, "no_speech_seconds = 3\n")
    process = _rehearse(pulse, bank)
    try:
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    lines = err.decode(errors="replace").splitlines()
    assert process.returncode == 2 and out == b""
    assert lines[0].startswith("Recording:")
    assert len(lines) == 2 and "no speech heard in 3 s" in lines[1], lines
    assert not (bank / ".storybank" / "practice.jsonl").exists()


SPEAK_AND_LISTEN = r"""
import json, sys, time
import numpy as np
from storybank.speech.floor import Floor
from storybank.speech.playback import DeviceSink, output_device_problem
from storybank.speech.recorder import MicrophoneSource, Recorder
from storybank.speech.tts import CommandRenderer
from storybank.speech.vad import speech_regions
from storybank.speech.voice import open_voice

assert output_device_problem() is None, output_device_problem()
out = {}
for shared in (False, True):
    floor = Floor()
    voice = open_voice(sink=DeviceSink(), env={}, floor=floor,
                       chain=lambda: [CommandRenderer("espeak-ng")])
    voice.status(30)
    recorder = Recorder(MicrophoneSource(), floor=floor if shared else None)
    recorder.start()
    said = voice.say("Walk me through what was happening technically. Who else was involved?")
    said.wait(60)
    floor.wait_free(5)
    time.sleep(0.5)
    samples = recorder.stop()
    voice.close()
    regions = speech_regions(samples) if len(samples) else []
    out["shared" if shared else "apart"] = {
        "spoken": said.seconds, "error": said.error, "heard": sum(e - s for s, e in regions),
        "dropped": recorder.dropped / 16000}
print(json.dumps(out))
"""


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="no espeak-ng here")
def test_the_voice_plays_through_the_speakers_and_the_recorder_does_not_hear_it(pulse):
    """The voice through PortAudio's output into the null sink, whose monitor is the default
    source: a recorder apart from the voice hears the question; one sharing its floor hears none
    of it (storybank does not listen while it speaks)."""
    done = subprocess.run([sys.executable, "-c", SPEAK_AND_LISTEN], env=pulse, cwd=ROOT,
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-800:]
    result = json.loads(done.stdout)
    apart, shared = result["apart"], result["shared"]
    assert apart["error"] is None and apart["spoken"] > 3
    assert apart["heard"] > 0.6 * apart["spoken"], result
    assert shared["heard"] < 0.3, result
    assert shared["dropped"] >= shared["spoken"], result
