"""Held-out clips for the quality gate (`speech.quality`), made AFTER its thresholds were chosen
and never used to choose them. Rendered with espeak-ng and sox from the scripts beside this file
and from the committed fixtures; the FLAC files are committed.

    python tests/speech/heldout/make_heldout.py

Refused: Italian and Dutch answers (voices not used in tuning), mains hum over brown noise, an
answer through a wall (band-passed 150-400 Hz, quiet, with room noise), and an answer drowned in
noise at about -3 dB signal-to-noise. Heard: an English answer in a British voice, the pauses
answer through a telephone band (300-3400 Hz, 8 kHz), and the fillers answer slowed to 0.85x.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
RATE = "16000"
OUT = ["-D", "-b", "16", "-c", "1", "-r", RATE]


def run(*cmd: str) -> None:
    subprocess.run(cmd, check=True, capture_output=True)


def spoken(voice: str, script: str, wav: Path) -> None:
    text = " ".join((HERE / script).read_text(encoding="utf-8").split())
    run("espeak-ng", "-v", voice, "-s", "165", "-w", str(wav), text)


def main() -> None:
    tmp = HERE / "_tmp"
    tmp.mkdir(exist_ok=True)
    try:
        for name, voice, script in (("italian", "it", "italian.txt"), ("dutch", "nl", "dutch.txt"),
                                    ("british", "en-gb", "english.txt")):
            spoken(voice, script, tmp / f"{name}.wav")
            run("sox", str(tmp / f"{name}.wav"), *OUT, str(HERE / f"{name}.flac"))
        run("sox", "-n", *OUT, str(HERE / "hum.flac"), "synth", "10", "brownnoise", "synth", "10",
            "sine", "amod", "50", "vol", "0.3")
        run("sox", str(FIXTURES / "candid.flac"), *OUT, str(tmp / "wall.wav"), "trim", "0", "14",
            "sinc", "150-400", "vol", "0.4")
        run("sox", "-n", *OUT, str(tmp / "room.wav"), "synth", "14", "pinknoise", "vol", "0.02")
        run("sox", "-m", str(tmp / "wall.wav"), str(tmp / "room.wav"), *OUT,
            str(HERE / "wall.flac"))
        run("sox", str(FIXTURES / "recited.flac"), *OUT, str(tmp / "talk.wav"), "trim", "0", "14")
        run("sox", "-n", *OUT, str(tmp / "loud.wav"), "synth", "14", "whitenoise", "vol", "0.45")
        run("sox", "-m", str(tmp / "talk.wav"), str(tmp / "loud.wav"), *OUT,
            str(HERE / "drowned.flac"))
        run("sox", str(FIXTURES / "pauses.flac"), *OUT, str(tmp / "phone.wav"), "trim", "0", "21",
            "sinc", "300-3400", "rate", "8000")
        run("sox", str(tmp / "phone.wav"), *OUT, str(HERE / "telephone.flac"))
        run("sox", str(FIXTURES / "fillers.flac"), *OUT, str(HERE / "slow.flac"), "trim", "0", "17",
            "tempo", "0.85")
    finally:
        for path in tmp.iterdir():
            path.unlink()
        tmp.rmdir()


if __name__ == "__main__":
    main()
