"""Reading an answer from an audio file: WAV, FLAC, OGG and MP3 through soundfile, M4A (and
anything else FFmpeg knows) through PyAV, always ending as 16 kHz mono float32 samples.

Every way a file can be unusable ends in one `SpeechError` line that says what to do: a missing
folder or file, a folder, an empty file, not audio, a corrupt header, too short, too long (judged
from the header before decoding, so a three-hour file costs nothing), or silence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storybank.speech import SAMPLE_RATE, VOICE_EXTRA_FIX, SpeechError

MIN_SECONDS = 1.0          # shorter than this is not an answer
MAX_SECONDS = 20 * 60      # an answer is 1-2 minutes; 20 minutes is a mistake, not a rehearsal
SILENT_PEAK = 1e-3         # a peak below this (-60 dBFS) is a recording of nothing
_SOUNDFILE = {".wav", ".flac", ".ogg", ".oga", ".mp3", ".aiff", ".aif"}


@dataclass(frozen=True)
class Audio:
    samples: Any                  # numpy float32 array, mono, SAMPLE_RATE
    path: Path | None = None

    @property
    def seconds(self) -> float:
        return len(self.samples) / SAMPLE_RATE


def _check_path(path: Path) -> None:
    if not path.parent.is_dir():
        raise SpeechError(f"{path}: the folder {path.parent} does not exist; check the path")
    if path.is_dir():
        raise SpeechError(f"{path}: is a folder; give the audio file inside it")
    if not path.exists():
        raise SpeechError(f"{path}: no such file; check the name")
    if path.stat().st_size == 0:
        raise SpeechError(f"{path}: the file is empty; record the answer again")
    try:  # a file that cannot be opened is not blamed on its format
        with open(path, "rb") as handle:
            handle.read(1)
    except OSError as exc:
        raise SpeechError(f"{path}: cannot be read ({exc.strerror or exc}); check that the file is "
                          "yours to read") from None


def _check_length(path: Path | str, seconds: float) -> None:
    if seconds > MAX_SECONDS:
        raise SpeechError(f"{path}: the recording is {seconds / 60:.0f} minutes long; an answer takes "
                          f"1-2 minutes, so give a file of at most {MAX_SECONDS // 60} minutes")
    if seconds < MIN_SECONDS:
        raise SpeechError(f"{path}: the recording is only {seconds:.1f} s long; say the whole answer "
                          "and try again")


def _numpy() -> Any:  # the numpy module (read as Any: untyped here)
    try:
        import numpy
    except ImportError as exc:  # pragma: no cover - numpy comes with the voice extra
        raise SpeechError(f"spoken practice needs the voice extra: {VOICE_EXTRA_FIX}") from exc
    return numpy


def _read_soundfile(path: Path) -> tuple[tuple[Any, int] | None, Exception | None]:
    try:
        import soundfile
    except (ImportError, OSError) as exc:
        raise SpeechError(f"reading audio files needs the voice extra: {VOICE_EXTRA_FIX}") from exc
    try:
        info = soundfile.info(str(path))
    except (RuntimeError, soundfile.LibsndfileError, TypeError) as exc:
        return None, exc
    if info.frames <= 0 or info.samplerate <= 0:
        return None, ValueError("no audio frames")
    _check_length(path, info.frames / info.samplerate)
    try:
        data, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    except (RuntimeError, soundfile.LibsndfileError) as exc:
        # libsndfile's own words ("Internal psf_fseek() failed") say nothing to the user
        raise SpeechError(f"{path}: the audio is damaged partway through; export it again") from exc
    return (data.mean(axis=1), rate), None


def _read_av(path: Path) -> tuple[Any, int]:
    try:
        import av
    except ImportError as exc:
        raise SpeechError(f"reading {path.suffix or 'this'} files needs the voice extra: "
                          f"{VOICE_EXTRA_FIX}") from exc
    np = _numpy()
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            streams = container.streams.audio
            if not streams:
                raise SpeechError(f"{path}: has no sound in it; give an audio file")
            stream = streams[0]
            seconds = float(stream.duration * stream.time_base) if stream.duration and stream.time_base \
                else (container.duration or 0) / 1_000_000
            if seconds:
                _check_length(path, seconds)
            resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
            chunks = []
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
    except av.error.FFmpegError as exc:
        raise SpeechError(f"{path}: is not an audio file storybank can read (WAV, FLAC, OGG, MP3, "
                          "M4A); convert it or record again") from exc
    samples = np.concatenate(chunks).astype("float32") if chunks else np.zeros(0, "float32")
    return samples, SAMPLE_RATE


def resample(samples: Any, rate: int) -> Any:
    """Mono float32 samples at `rate` -> SAMPLE_RATE, through FFmpeg's resampler."""
    np = _numpy()
    samples = np.ascontiguousarray(samples, dtype="float32")
    if rate == SAMPLE_RATE or not len(samples):
        return samples
    import av

    frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="flt", layout="mono")
    frame.sample_rate = rate
    resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
    out = [f.to_ndarray().reshape(-1) for f in resampler.resample(frame)]
    out += [f.to_ndarray().reshape(-1) for f in resampler.resample(None)]
    return np.concatenate(out).astype("float32") if out else np.zeros(0, "float32")


def check_samples(samples: Any, where: str) -> None:
    """Too short, too long or silent: the same judgement for a file and for a recording."""
    np = _numpy()
    seconds = len(samples) / SAMPLE_RATE
    _check_length(where, seconds)
    if not len(samples) or float(np.max(np.abs(samples))) < SILENT_PEAK:
        raise SpeechError(f"{where}: the recording is silent; check the microphone and record again")


def load_audio(path: str | Path) -> Audio:
    """The file's sound as 16 kHz mono float32, or a SpeechError that says what is wrong."""
    path = Path(path).expanduser()
    _check_path(path)
    result, problem = (None, None)
    if path.suffix.lower() in _SOUNDFILE:
        result, problem = _read_soundfile(path)
    if result is None:
        # M4A and friends, and a WAV whose header soundfile refuses: let FFmpeg have a go.
        try:
            result = _read_av(path)
        except SpeechError:
            if problem is not None and path.suffix.lower() in _SOUNDFILE:
                raise SpeechError(f"{path}: is not a readable {path.suffix[1:].upper()} file (the "
                                  "header is damaged or it is another format); export it again") from None
            raise
    samples, rate = result
    samples = resample(samples, rate)
    check_samples(samples, str(path))
    return Audio(samples, path)
