"""Spoken practice (SPEC §7): hear an answer, transcribe it offline, analyse what was said.

Small modules, each one job: `audio` reads files, `engine` loads the Whisper model once, `vad`
measures speech time and pauses, `streaming` transcribes while the speaker talks, `recorder` runs
the microphone behind an `AudioSource`, and `numbers`, `delivery` and `said` look at the words.
`analyse` puts it together with the answer judge (`storybank.answers`: the content, the recital
verdict) into the `rehearse` report, a typed `report.SpokenReport`.

No Textual anywhere here. faster_whisper, sounddevice, soundfile and av are imported inside the
functions that use them, so importing this package (or `storybank --help`) costs nothing.
"""

from __future__ import annotations

from storybank.errors import StorybankError

VOICE_EXTRA_FIX = "pip install 'storybank[voice]'"
SAMPLE_RATE = 16000


class SpeechError(StorybankError):
    """Spoken practice could not do its job; the message says what to do, in one line."""
