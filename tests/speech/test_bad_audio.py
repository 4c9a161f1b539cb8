"""Unusable audio: exit 2 and one clear line, never a traceback. None of these decode the model's
way: each is judged before transcription (a three-hour file from its header alone)."""

from __future__ import annotations

import struct

import pytest

from .conftest import FIXTURES, STORY, run_cli

RATE = 16000


def _wav(path, samples) -> None:
    import numpy as np
    import soundfile

    soundfile.write(str(path), np.asarray(samples, dtype="float32"), RATE, subtype="PCM_16")


def _three_hours(path) -> None:
    """A WAV header announcing three hours, with the data left as a sparse hole: no disk, no
    decoding."""
    rate, frames = 8000, 3 * 3600 * 8000
    size = frames * 2
    with open(path, "wb") as handle:
        handle.write(b"RIFF" + struct.pack("<I", 36 + size) + b"WAVE" + b"fmt "
                     + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
                     + b"data" + struct.pack("<I", size))
        handle.truncate(44 + size)


def _corrupt(path) -> None:
    import numpy as np

    _wav(path, 0.3 * np.sin(np.arange(RATE * 3) / 8.0))
    data = bytearray(path.read_bytes())
    data[12:36] = b"\xff" * 24   # the fmt chunk
    path.write_bytes(bytes(data))


def _damaged_inside(path) -> None:
    """A FLAC whose header reads but whose frames are garbage partway: libsndfile fails inside
    with "Internal psf_fseek() failed", which is no use to anyone."""
    import numpy as np
    import soundfile

    soundfile.write(str(path), (0.3 * np.sin(np.arange(RATE * 3) / 8.0)).astype("float32"), RATE)
    data = bytearray(path.read_bytes())
    for i in range(200, len(data), 7):
        data[i] = 0xFF
    path.write_bytes(bytes(data))


CASES = {
    "not audio": ("answer.txt", lambda p: p.write_text("this is my answer, typed\n"), "not an audio file"),
    "text named .wav": ("answer.wav", lambda p: p.write_text("hello\n"), "not a readable WAV"),
    "empty": ("empty.wav", lambda p: p.write_bytes(b""), "empty"),
    "silent": ("silent.wav", lambda p: _wav(p, [0.0] * RATE * 3), "silent"),
    "0.2 s": ("short.wav", lambda p: _wav(p, [0.2, -0.2] * (RATE // 10)), "only 0.2 s"),
    "three hours": ("long.wav", _three_hours, "180 minutes long"),
    "corrupt header": ("corrupt.wav", _corrupt, "header is damaged"),
    "damaged inside": ("damaged.flac", _damaged_inside, "damaged partway through"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_audio_gets_exit_2_and_one_line(case, bank, tmp_path):
    name, make, says = CASES[case]
    path = tmp_path / name
    make(path)
    code, out, err = run_cli("--bank", str(bank), "rehearse", STORY, "--audio", str(path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and says in err, err
    assert "Traceback" not in err and "psf_" not in err and "Internal" not in err


def test_a_file_that_cannot_be_read_says_so_not_that_its_format_is_wrong(bank, tmp_path, monkeypatch):
    """Permission denied is not a damaged header (issue 21, item 12). The tests run as root, who
    reads any file, so the refusal comes from a patched open()."""
    import builtins

    import numpy as np

    path = tmp_path / "answer.wav"
    _wav(path, 0.3 * np.sin(np.arange(RATE * 3) / 8.0))
    real_open = builtins.open

    def guarded(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    code, out, err = run_cli("--bank", str(bank), "rehearse", STORY, "--audio", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "cannot be read (Permission denied)" in err, err
    assert "header" not in err and "format" not in err


def test_a_path_in_a_missing_folder(bank, tmp_path):
    code, _, err = run_cli("--bank", str(bank), "rehearse", STORY, "--audio",
                           str(tmp_path / "no-such-folder" / "answer.wav"))
    assert code == 2 and "does not exist" in err and err.count("\n") == 1


def test_unknown_story_question_and_probe(bank):
    clip = str(FIXTURES / "candid.flac")
    for argv, says in ((["rehearse", "no-such-story", "--audio", clip], "no story"),
                       (["rehearse", STORY, "--audio", clip, "--question", "nope"], "unknown question"),
                       (["rehearse", STORY, "--audio", clip, "--probe", "nope"], "unknown probe")):
        code, _, err = run_cli("--bank", str(bank), *argv)
        assert code == 2 and says in err and err.count("\n") == 1, err


def test_the_formats_people_record_in_are_read(tmp_path):
    """WAV, FLAC, OGG and MP3 through soundfile; M4A (a phone's voice memo) through PyAV."""
    import av
    import numpy as np
    import soundfile

    from storybank.speech.audio import load_audio

    source = load_audio(FIXTURES / "candid.flac").samples[: RATE * 4]
    for ext, fmt in (("wav", "WAV"), ("ogg", "OGG"), ("mp3", "MP3")):
        path = tmp_path / f"a.{ext}"
        soundfile.write(str(path), source, 44100 if ext == "wav" else RATE, format=fmt)
        got = load_audio(path).samples
        expected = 4 * RATE * (RATE / 44100 if ext == "wav" else 1)
        assert abs(len(got) - expected) < RATE * 0.2, ext
    m4a = tmp_path / "memo.m4a"
    with av.open(str(m4a), "w") as out:
        stream = out.add_stream("aac", rate=RATE, layout="mono")
        frame = av.AudioFrame.from_ndarray(source.reshape(1, -1), format="fltp", layout="mono")
        frame.sample_rate = RATE
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    got = load_audio(m4a).samples
    assert abs(len(got) - 4 * RATE) < RATE * 0.2
    assert float(np.abs(got).max()) > 0.05
