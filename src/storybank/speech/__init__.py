"""Spoken practice (README "Spoken practice"): hear an answer, transcribe it offline, analyse what was said.

Small modules, each one job: `audio` reads files, `engine` loads the Whisper model once, `vad`
measures speech time and pauses, `streaming` transcribes while the speaker talks, `recorder` runs
the microphone behind an `AudioSource`, and `numbers`, `delivery` and `said` look at the words.
`analyse` puts it together with the answer judge (`storybank.answers`: the content, the recital
verdict) into the `rehearse` report, a typed `report.SpokenReport`.

The call, hands-free: `voice` says questions aloud through a `tts` renderer (Piper, run only as
the separate `piper_worker` process; else the espeak-ng or flite program) into a `playback` sink,
holding the `floor` so the recorder does not listen meanwhile; `endpoint` hears the silence that
ends an answer; `quality` refuses recordings the recogniser cannot judge; `listen` puts the
recorder, the streamer, the end of the answer and the verdict together for one answer.

No Textual anywhere here. faster_whisper, sounddevice, soundfile and av are imported inside the
functions that use them, so importing this package (or `storybank --help`) costs nothing.
"""

from __future__ import annotations

from pathlib import Path

from storybank.errors import StorybankError


def file_sha256(path: Path) -> str:
    """The SHA-256 of a model file, read a megabyte at a time (the speech and voice models are
    pinned by it)."""
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()

VOICE_EXTRA_FIX = "pip install 'storybank[voice]'"
SAMPLE_RATE = 16000


class SpeechError(StorybankError):
    """Spoken practice could not do its job, in one line: the `problem`, then its `fix` (what to
    do; empty when the problem says it), then `cli_alternative`, a way round it that only the
    command line offers ("give a recording with --audio FILE"). `str()` is the command line's
    line; a screen shows `say(cli=False)` and never takes the message apart."""

    def __init__(self, problem: str, fix: str = "", *, cli_alternative: str = "") -> None:
        self.problem, self.fix, self.cli_alternative = problem, fix, cli_alternative
        super().__init__(self.say())

    def say(self, cli: bool = True) -> str:
        text = f"{self.problem}: {self.fix}" if self.fix else self.problem
        if cli and self.cli_alternative:
            text += f"; or {self.cli_alternative}"
        return text

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (_rebuild, (self.problem, self.fix, self.cli_alternative))


def _rebuild(problem: str, fix: str, cli_alternative: str) -> SpeechError:
    return SpeechError(problem, fix, cli_alternative=cli_alternative)


AUDIO_INSTEAD = "give a recording with --audio FILE"
