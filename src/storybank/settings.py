"""Bank settings from `.storybank.toml` (all optional) with the interview's defaults.

Each setting is declared once, as a field of `Settings`: its type, its default, the comment the
settings file written by `storybank init` carries (`TEMPLATE`), the README's settings table
(`readme_table`; a test keeps the README equal to it) and its validation all come from that field.

Plain dataclasses rather than pydantic: settings are read by every command, including the fast ones.
An invalid settings file is an error the user must fix, with the key and the reason.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from storybank.atomic import read_regular
from storybank.errors import StorybankError

SETTINGS_FILE = ".storybank.toml"
TOOL_DIR = ".storybank"
PAPERS = ("letter", "a4")

Check = Callable[[str, Any], Any]


def _number(low: float, high: float) -> Check:
    def check(key: str, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"`{key}` must be a number")
        if not low <= value <= high:
            raise ValueError(f"`{key}` must be between {low:g} and {high:g}, not {value}")
        return value

    return check


def _window(low_bound: float = 1, high_bound: float = 3600, what: str = "time") -> Check:
    number = _number(low_bound, high_bound)

    def check(key: str, value: Any) -> tuple[float, float]:
        if not isinstance(value, list) or len(value) != 2:
            raise ValueError(f"`{key}` must be two numbers, [{'shortest, longest' if what == 'time' else 'lowest, highest'}]")
        low, high = number(key, value[0]), number(key, value[1])
        if low > high:
            raise ValueError(f"`{key}` must list the {'shorter time' if what == 'time' else 'lower pace'} first")
        return (low, high)

    return check


def _text(message: str) -> Check:
    def check(key: str, value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError(f"`{key}` must be {message}")
        return value

    return check


def _switch(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"`{key}` must be true or false")
    return value


def _codes(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f'`{key}` must be a list of finding codes, like ["SB108"]')
    return tuple(value)


def _paper(key: str, value: Any) -> str:
    if value not in PAPERS:
        raise ValueError(f'`{key}` must be "letter" or "a4"')
    return str(value)


def _profession(key: str, value: Any) -> str:
    from storybank.professions import names, unknown_message

    if not isinstance(value, str):
        raise ValueError(f"`{key}` must be a name in quotes, one of {', '.join(names())}")
    name = value.strip().lower()
    if name and name not in names():
        raise ValueError(unknown_message(value))
    return name


def _platform(key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f'`{key}` must be a name in quotes, like "Mercor" or "Mercor software engineering"')
    name = " ".join(value.split())
    if len(name) > 60 or any(c in name for c in "{}[]|+*!\\\"") or not name.isprintable():
        raise ValueError(f"`{key}` must be a plain name of at most 60 characters, without brackets or symbols")
    return name


def _setting(default: Any, check: Check, help: str, *, section: str = "") -> Any:
    """A field of `Settings`: its default, its check, the help written above it in the settings
    file and in the README's table, and (for the first of a group) a section comment."""
    return field(default=default, metadata={"check": check, "help": help, "section": section})


@dataclass(frozen=True)
class Settings:
    rate_wpm: float = _setting(
        150, _number(60, 400),
        "Speaking rate that turns words into seconds, in words per minute (coaches use 140-160).")
    answer_seconds: tuple[float, float] = _setting(
        (60, 80), _window(), "The window a main answer should land in, in seconds: [shortest, longest].")
    answer_limit_seconds: float = _setting(
        90, _number(1, 3600), "The hard limit a main answer must never pass, in seconds.")
    followup_seconds: tuple[float, float] = _setting(
        (30, 60), _window(), "The window each follow-up answer should land in, in seconds.")
    interview_minutes: float = _setting(15, _number(1, 3600), "The length of the whole interview, in minutes.")
    ignore: tuple[str, ...] = _setting(
        (), _codes, 'Finding codes silenced for every story of this bank, for example ["SB108"].')
    catalog: str = _setting(
        "", _text("a path in quotes"), "A question catalog of your own (a TOML file); empty means the built-in one.")
    paper: str = _setting("letter", _paper, 'The cheat sheet\'s paper: "letter" or "a4".')
    speech_model: str = _setting(
        "", _text('a model name or a folder in quotes, like "base.en"'),
        'The speech model: empty for the bundled tiny.en, a model name such as "base.en" '
        "(downloaded once), or the path of a model folder.",
        section="Spoken practice, with the `voice` extra.")
    wpm_window: tuple[float, float] = _setting(
        (130, 170), _window(40, 400, what="pace"), "The pace window, in words per minute: [lowest, highest].")
    pause_limit_seconds: float = _setting(
        3, _number(0.5, 60), "A silence this long, in seconds, counts as a pause worth flagging.")
    fillers_per_minute_max: float = _setting(
        4, _number(0, 60), "Fillers (um, uh, you know) allowed a minute before the report says so.")
    keep_audio: bool = _setting(
        False, _switch, "Keep each recording in .storybank/recordings/ (otherwise only its transcript "
        "and figures are kept).")
    speak: bool = _setting(
        True, _switch, "The mock interview and the drill say each question aloud (the `speak` extra, "
        "or espeak-ng).", section="The call, hands-free.")
    end_silence_seconds: float = _setting(
        6, _number(1, 120), "An answer ends after this much silence, in seconds. Keep it longer than "
        "pause_limit_seconds, so that a thinking pause is reported rather than taken as the end.")
    no_speech_seconds: float = _setting(
        15, _number(1, 120), 'With no speech at all, the answer ends after this many seconds, "not heard".')
    profession: str = _setting(
        "", _profession, "Your field, for its vocabulary, message examples and follow-up wording "
        "(judgement is the same without it): software, medicine, law, finance, science_lab, "
        "engineering, education, languages, annotation, trades. Empty means none.",
        section="Who you are preparing as.")
    platform: str = _setting(
        "Mercor", _platform, "The company or platform you are preparing for, or its specialty "
        "track: the motivation question, its coaching, the cheat sheet and the findings name it.")
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
DECLARED = tuple(f for f in fields(Settings) if f.metadata)   # every setting, in file order


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return f"{value:g}"


def _comment(text: str, width: int = 98) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append("# " + word)
    return lines


def _template() -> str:
    out = ["# storybank settings for this bank. Every key is optional; delete a line to use the default."]
    for f in DECLARED:
        if f.metadata["section"] or f is DECLARED[0]:
            out += [""] + _comment(f.metadata["section"])
        out += _comment(f.metadata["help"])
        out.append(f"{f.name} = {_toml(f.default)}")
    return "\n".join(out) + "\n"


TEMPLATE = _template()


def readme_table() -> str:
    """The README's settings table: every setting, its default and what it does."""
    rows = ["| setting | default | what it does |", "| --- | --- | --- |"]
    rows += [f"| `{f.name}` | `{_toml(f.default)}` | {f.metadata['help']} |" for f in DECLARED]
    return "\n".join(rows) + "\n"


def parse_settings(raw: dict[str, Any], source: Path | None = None) -> Settings:
    declared = {f.name: f for f in DECLARED}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in declared:
            close = difflib.get_close_matches(key, sorted(declared), n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            raise ValueError(f"unknown setting `{key}`{hint}")
        values[key] = declared[key].metadata["check"](key, value)
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
