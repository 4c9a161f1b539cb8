"""The quality gate on held-out clips (`heldout/make_heldout.py`): made after its thresholds
were chosen on the tuning clips, and never used to change them. Languages, noises, voices and
degradations that the tuning clips do not have.

Result (issue 19): all 5 refused and all 3 heard. On the first evaluation `drowned` came through
once as a confident loop of invented text: the recogniser re-decoded the unsure first pass at a
random temperature, so the verdict changed from run to run. Decoding at temperature 0 only (the
same recording, the same words and signals) was the fix; no threshold was changed for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
HELDOUT = Path(__file__).parent / "heldout"
REFUSED = ("italian", "dutch", "hum", "wall", "drowned")
HEARD = ("british", "telephone", "slow")


def _verdict(voice, name: str):
    from storybank.speech.audio import load_audio
    from storybank.speech.delivery import prompt
    from storybank.speech.quality import judge
    from storybank.speech.vad import speech_regions

    samples = load_audio(HELDOUT / f"{name}.flac").samples
    heard = voice.transcribe(samples, prompt=prompt())
    return judge(heard, speech_regions(samples)), heard


@pytest.mark.parametrize("name", REFUSED)
def test_heldout_recordings_that_cannot_be_judged_are_refused(voice, name):
    verdict, heard = _verdict(voice, name)
    assert verdict is not None, heard.text


@pytest.mark.parametrize("name", HEARD)
def test_heldout_clean_recordings_are_heard(voice, name):
    verdict, heard = _verdict(voice, name)
    assert verdict is None, (verdict, heard.text)
