"""Bank settings from `.storybank.toml` (all optional) with the interview's defaults.

Plain dataclasses rather than pydantic: settings are read by every command, including the fast ones.
An invalid settings file is an error the user must fix, with the key and the reason.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from storybank.atomic import read_regular
from storybank.errors import StorybankError

SETTINGS_FILE = ".storybank.toml"
TOOL_DIR = ".storybank"
PAPERS = ("letter", "a4")


@dataclass(frozen=True)
class Settings:
    rate_wpm: float = 150
    answer_seconds: tuple[float, float] = (60, 80)
    answer_limit_seconds: float = 90
    followup_seconds: tuple[float, float] = (30, 60)
    interview_minutes: float = 15
    ignore: tuple[str, ...] = ()
    catalog: str = ""
    paper: str = "letter"
    # Spoken practice (SPEC §7).
    speech_model: str = ""
    wpm_window: tuple[float, float] = (130, 170)
    pause_limit_seconds: float = 3
    fillers_per_minute_max: float = 4
    keep_audio: bool = False
    # The call, hands-free (SPEC §8): questions said aloud, silence ends an answer.
    speak: bool = True
    end_silence_seconds: float = 6
    no_speech_seconds: float = 15
    profession: str = ""
    source: Path | None = field(default=None, compare=False)

    def seconds(self, words: float) -> float:
        """Speaking time of `words` words at this bank's rate (see storybank.words)."""
        from storybank.words import spoken_seconds

        return spoken_seconds(words, self.rate_wpm)

    def catalog_path(self) -> Path | None:
        if not self.catalog:
            return None
        path = Path(self.catalog).expanduser()
        if not path.is_absolute() and self.source is not None:
            path = self.source.parent / path
        return path


DEFAULT = Settings()

TEMPLATE = """\
# storybank settings for this bank. Every key is optional; delete a line to use the default.

# Speaking rate used to turn words into seconds (coaches use 140-160 words per minute).
rate_wpm = 150
# The main answer should land inside this window, and never pass the hard limit.
answer_seconds = [60, 80]
answer_limit_seconds = 90
# Each follow-up answer should land inside this window.
followup_seconds = [30, 60]
# Length of the whole interview, in minutes.
interview_minutes = 15
# Finding codes silenced for every story in this bank, for example ["SB108"].
ignore = []
# A question catalog of your own (TOML); empty means the built-in one.
catalog = ""
# Paper for the cheat sheet: "letter" or "a4".
paper = "letter"

# Spoken practice (with the `voice` extra). The speech model: empty for the bundled tiny.en, a
# model name such as "base.en" (downloaded once), or the path of a model folder.
speech_model = ""
# Pace window in words per minute, the silence that counts as a pause, and fillers allowed a minute.
wpm_window = [130, 170]
pause_limit_seconds = 3
fillers_per_minute_max = 4
# Keep each recording in .storybank/recordings/ (otherwise only the transcript and figures are kept).
keep_audio = false
# The mock interview and the drill say each question aloud (the `speak` extra, or espeak-ng).
speak = true
# An answer ends after this much silence. Keep it longer than pause_limit_seconds: a pause that is
# flagged as risky should be reported, not taken as the end (the default, 6, lets a 5 s thinking
# pause through). With no speech at all, the answer ends after no_speech_seconds, "not heard".
end_silence_seconds = 6
no_speech_seconds = 15
# Your field, for its vocabulary, message examples and follow-up wording (judgement is the same
# without it): software, medicine, law, finance, science_lab, engineering, education, languages,
# annotation. Empty means none.
profession = ""
"""


def _number(key: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"`{key}` must be a number")
    if not low <= value <= high:
        raise ValueError(f"`{key}` must be between {low:g} and {high:g}, not {value}")
    return value


def _window(key: str, value: Any, low_bound: float = 1, high_bound: float = 3600,
            what: str = "time") -> tuple[float, float]:
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError(f"`{key}` must be two numbers, [{'shortest, longest' if what == 'time' else 'lowest, highest'}]")
    low = _number(key, value[0], low_bound, high_bound)
    high = _number(key, value[1], low_bound, high_bound)
    if low > high:
        raise ValueError(f"`{key}` must list the {'shorter time' if what == 'time' else 'lower pace'} first")
    return (low, high)


def _profession(value: Any) -> str:
    from storybank.professions import names, unknown_message

    if not isinstance(value, str):
        raise ValueError(f"`profession` must be a name in quotes, one of {', '.join(names())}")
    name = value.strip().lower()
    if name and name not in names():
        raise ValueError(unknown_message(value))
    return name


def parse_settings(raw: dict[str, Any], source: Path | None = None) -> Settings:
    known = {f.name for f in fields(Settings)} - {"source"}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            raise ValueError(f"unknown setting `{key}`{hint}")
        if key == "rate_wpm":
            values[key] = _number(key, value, 60, 400)
        elif key in {"answer_seconds", "followup_seconds"}:
            values[key] = _window(key, value)
        elif key in {"answer_limit_seconds", "interview_minutes"}:
            values[key] = _number(key, value, 1, 3600)
        elif key == "ignore":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError('`ignore` must be a list of finding codes, like ["SB108"]')
            values[key] = tuple(value)
        elif key == "catalog":
            if not isinstance(value, str):
                raise ValueError("`catalog` must be a path in quotes")
            values[key] = value
        elif key == "speech_model":
            if not isinstance(value, str):
                raise ValueError('`speech_model` must be a model name or a folder in quotes, like "base.en"')
            values[key] = value
        elif key == "wpm_window":
            values[key] = _window(key, value, 40, 400, what="pace")
        elif key == "pause_limit_seconds":
            values[key] = _number(key, value, 0.5, 60)
        elif key == "fillers_per_minute_max":
            values[key] = _number(key, value, 0, 60)
        elif key in {"keep_audio", "speak"}:
            if not isinstance(value, bool):
                raise ValueError(f"`{key}` must be true or false")
            values[key] = value
        elif key in {"end_silence_seconds", "no_speech_seconds"}:
            values[key] = _number(key, value, 1, 120)
        elif key == "paper":
            if value not in PAPERS:
                raise ValueError('`paper` must be "letter" or "a4"')
            values[key] = value
        elif key == "profession":
            values[key] = _profession(value)
    settings = Settings(**values, source=source)
    if settings.answer_limit_seconds < settings.answer_seconds[1]:
        raise ValueError("`answer_limit_seconds` must not be shorter than the answer window")
    return settings


def load_settings(bank: Path) -> Settings:
    path = bank / SETTINGS_FILE
    try:
        data = read_regular(path)
    except FileNotFoundError:
        return Settings(source=path)
    except OSError as exc:
        raise StorybankError(f"{path}: cannot read the settings file ({exc.strerror})") from exc
    try:
        raw = tomllib.loads(data.decode("utf-8-sig"))  # a BOM (Windows Notepad) is not an error
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise StorybankError(f"{path}: the settings file is not valid TOML: {exc}") from exc
    try:
        return parse_settings(raw, path)
    except ValueError as exc:
        raise StorybankError(f"{path}: {exc}") from exc
