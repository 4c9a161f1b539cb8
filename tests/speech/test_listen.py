"""One answer, hands-free, through `AnswerListener`: recorded, transcribed while spoken (with
what was said flushed to the recogniser whenever the speaker falls silent), ended by silence."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile

from storybank.speech import SAMPLE_RATE

from .conftest import FIXTURES, TRUTH

pytestmark = pytest.mark.slow


def test_an_answer_with_long_pauses_is_heard_whole_and_ends_on_the_silence_after_it(voice,
                                                                                  tmp_path):
    from storybank.speech.audio import load_audio
    from storybank.speech.delivery import prompt
    from storybank.speech.listen import AnswerListener
    from storybank.speech.recorder import FileSource
    from storybank.speech.vad import timing

    clip = np.concatenate([load_audio(FIXTURES / "pauses.flac").samples,
                           load_audio(FIXTURES / "room.flac").samples])
    path = tmp_path / "answer.wav"
    soundfile.write(str(path), clip, SAMPLE_RATE)
    source = FileSource(path, speed=0)
    listener = AnswerListener(source, lambda: voice, prompt(), end_silence=6, no_speech=15)
    flushes = []
    flush = listener.streamer.flush
    listener.streamer.flush = lambda: (flushes.append(listener.detector.seconds), flush())[1]
    listener.start()
    assert listener.ended.wait(60)
    spoken = listener.finish()
    truth = TRUTH["pauses"]
    assert listener.end is not None and listener.end.reason == "silence"
    # Flushed in the 3.5 s and 5 s pauses and in the silence at the end: 2 s into each.
    starts = [p["at"] for p in truth["pauses"] if p["seconds"] >= 2] + [truth["duration"] - 0.5]
    assert len(flushes) == len(starts)
    for at, start in zip(flushes, starts, strict=True):
        assert at == pytest.approx(start + 2, abs=0.3)
    words = len(spoken.heard.text.split())
    assert words == pytest.approx(truth["words"], rel=0.15)
    # The chunks cut at the pauses still add up to the pauses rehearse reports.
    found = [p.seconds for p in timing(list(spoken.regions), 3).pauses]
    inserted = [p["seconds"] for p in truth["pauses"] if p["seconds"] >= 3]
    assert found == pytest.approx(inserted, abs=0.5)


@pytest.mark.parametrize(("words", "seconds", "ratio", "looped"), [
    (191, 0.14, 10.65, True),   # skew_told's loop over a piece's last silence
    (4, 0.16, 7.16, True),      # "Thank you for watching." in 0.16 s
    (20, 7.14, 1.10, False),    # near miss: the speech of the same piece
    (30, 5.0, 3.0, False),      # near miss: a slow loop stays, for `quality` to refuse as a loop
    (12, 1.0, 1.3, False),      # near miss: a fast speaker, no loop
])
def test_a_loop_written_in_less_time_than_its_words_need_is_no_speech(words, seconds, ratio, looped):
    from storybank.speech.engine import overrun

    assert overrun(words, seconds, ratio) is looped
