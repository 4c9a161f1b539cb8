"""Silence ends an answer: the end-of-answer detector on committed clips with known silences.

`pauses.flac` holds pauses of 3.5 s and 5.0 s inside the answer (both flagged by `rehearse` as
risky); `room.flac` is 10 s of a quiet room, the silence after an answer as a microphone hears it.
"""

from __future__ import annotations

import numpy as np
import pytest

from storybank.settings import DEFAULT, parse_settings
from storybank.speech import SAMPLE_RATE
from storybank.speech.endpoint import EndOfAnswer
from storybank.speech.recorder import BLOCK

from .conftest import FIXTURES, TRUTH

pytest.importorskip("faster_whisper")


def _clip(name: str):
    from storybank.speech.audio import load_audio

    return load_audio(FIXTURES / f"{name}.flac").samples


def _feed(detector: EndOfAnswer, samples) -> None:
    for at in range(0, len(samples), BLOCK):
        if detector.feed(samples[at:at + BLOCK]) is not None:
            return


def _last_speech_end() -> float:
    truth = TRUTH["pauses"]
    return truth["duration"] - 0.5           # make_fixtures puts 0.5 s of silence at each edge


def test_the_default_outlasts_every_pause_rehearse_flags():
    assert DEFAULT.end_silence_seconds > DEFAULT.pause_limit_seconds
    longest = max(p["seconds"] for p in TRUTH["pauses"]["pauses"])
    assert DEFAULT.end_silence_seconds > longest


def test_an_answer_with_long_pauses_ends_only_after_it_is_over():
    """The 3.5 s and 5 s pauses do not end it; the room's silence after it does, 6 s on."""
    detector = EndOfAnswer(DEFAULT.end_silence_seconds, DEFAULT.no_speech_seconds)
    _feed(detector, np.concatenate([_clip("pauses"), _clip("room")]))
    end = detector.result
    assert end is not None and end.reason == "silence" and end.heard
    assert end.speech_end == pytest.approx(_last_speech_end(), abs=0.3)
    assert end.at == pytest.approx(end.speech_end + DEFAULT.end_silence_seconds, abs=0.05)
    assert detector.ended.is_set()


def test_a_shorter_setting_ends_inside_the_first_long_pause():
    first = TRUTH["pauses"]["pauses"][0]        # 3.5 s at 8.5 s
    detector = EndOfAnswer(end_silence=3.0, no_speech=15)
    _feed(detector, np.concatenate([_clip("pauses"), _clip("room")]))
    assert detector.result is not None and detector.result.reason == "silence"
    assert detector.result.at == pytest.approx(first["at"] + 3.0, abs=0.3)


def test_no_speech_at_all_ends_after_the_longer_timeout_not_heard():
    detector = EndOfAnswer(DEFAULT.end_silence_seconds, DEFAULT.no_speech_seconds)
    _feed(detector, np.concatenate([_clip("room"), _clip("room")]))
    end = detector.result
    assert end is not None and end.reason == "no speech" and not end.heard
    assert end.at == pytest.approx(DEFAULT.no_speech_seconds, abs=0.05)
    assert end.to_json() == {"reason": "no speech", "at": pytest.approx(15.0, abs=0.05),
                             "speech_end": None}


def test_noise_is_not_an_answer_beginning():
    detector = EndOfAnswer(6, 6)
    _feed(detector, _clip("noise"))
    assert not detector.begun


def test_the_time_limit_cuts_a_long_answer():
    detector = EndOfAnswer(6, 15, limit=10)
    _feed(detector, _clip("candid"))
    assert detector.result is not None and detector.result.reason == "limit"
    assert detector.result.at == pytest.approx(10, abs=0.05) and detector.result.heard


def test_judged_by_the_audio_clock_in_any_block_size():
    """The same end whether fed in 100 ms blocks or in odd sizes."""
    samples = np.concatenate([_clip("pauses"), _clip("room")])
    a, b = EndOfAnswer(6, 15), EndOfAnswer(6, 15)
    _feed(a, samples)
    for at in range(0, len(samples), 777):
        if b.feed(samples[at:at + 777]) is not None:
            break
    assert a.result is not None and b.result is not None
    assert a.result.at == pytest.approx(b.result.at, abs=0.05)


def test_the_settings_and_their_bounds():
    s = parse_settings({"end_silence_seconds": 8, "no_speech_seconds": 20, "speak": False})
    assert (s.end_silence_seconds, s.no_speech_seconds, s.speak) == (8, 20, False)
    for raw, says in (({"end_silence_seconds": 0}, "between"), ({"speak": "yes"}, "true or false"),
                      ({"no_speech_seconds": "15"}, "number")):
        with pytest.raises(ValueError, match=says):
            parse_settings(raw)
    assert SAMPLE_RATE == 16000
