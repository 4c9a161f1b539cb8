"""The practice log: one JSON line per drill, in `.storybank/practice.jsonl` inside the bank; a mock
interview adds one more line (`kind = "interview"`) that ties its answers together by their `session`.

Appending is one `write` on a file opened with O_APPEND, then fsync, so concurrent drills and
crashes can at worst leave a truncated last line. Reading never fails: a line that is not a
record (a truncated write, a hand edit) is skipped and reported as a notice.
No Textual here: the drill screen and any future command share this module.
"""

from __future__ import annotations

import errno
import json
import math
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storybank.settings import TOOL_DIR

if TYPE_CHECKING:  # pragma: no cover
    from storybank.speech.report import SpokenReport

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: O_APPEND only
    fcntl = None  # type: ignore[assignment]

LOG_NAME = "practice.jsonl"


def log_path(bank_root: Path) -> Path:
    return Path(bank_root) / TOOL_DIR / LOG_NAME


@dataclass(frozen=True)
class PracticeRecord:
    """One drill: which question, which story was told, which probe followed, how long each took."""

    ts: float                          # seconds since the epoch (UTC)
    question: str                      # question-type id
    story: str | None = None           # story id, or None when answered without a prepared story
    probe: str | None = None           # probe id of the follow-up asked
    answer_seconds: float | None = None
    followup_seconds: float | None = None
    typed_words: int | None = None     # words typed instead of spoken, if the user typed
    # Spoken practice: the figures and the transcript of the answer / the follow-up, when heard
    # (stored as the report's `log_json`; lines written before it was typed read back too).
    spoken: SpokenReport | None = None
    followup_spoken: SpokenReport | None = None
    session: str | None = None         # the mock interview this answer belongs to, if any

    def to_json(self) -> dict[str, Any]:
        data = {
            "ts": format_ts(self.ts),
            "story": self.story,
            "question": self.question,
            "probe": self.probe,
            "answer_seconds": _round(self.answer_seconds),
            "followup_seconds": _round(self.followup_seconds),
            "typed_words": self.typed_words,
            **{k: v.log_json() for k, v in (("spoken", self.spoken),
                                            ("followup_spoken", self.followup_spoken))
               if v is not None},
        }
        if self.session is not None:  # a plain drill's line stays exactly as it always was
            data["session"] = self.session
        return data

    @classmethod
    def from_json(cls, data: object) -> PracticeRecord:
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        question = data.get("question")
        if not isinstance(question, str) or not question:
            raise ValueError("no `question`")
        return cls(
            ts=parse_ts(data.get("ts")),
            question=question,
            story=_text_or_none(data.get("story"), "story"),
            probe=_text_or_none(data.get("probe"), "probe"),
            answer_seconds=_number_or_none(data.get("answer_seconds"), "answer_seconds"),
            followup_seconds=_number_or_none(data.get("followup_seconds"), "followup_seconds"),
            typed_words=_int_or_none(data.get("typed_words")),
            spoken=_spoken_or_none(data.get("spoken")),
            followup_spoken=_spoken_or_none(data.get("followup_spoken")),
            session=_text_or_none(data.get("session"), "session"),
        )


SESSION_KIND = "interview"


@dataclass(frozen=True)
class SessionRecord:
    """One mock interview: the line that ties its answers together (they carry its `session` id).

    The answers are written one by one as they are given, so quitting midway or a crash keeps
    them; this line is written last, when the session ends, finished or not."""

    ts: float                          # when the session ended
    session: str                       # the id its answers carry
    questions: tuple[str, ...] = ()    # the planned question types, in the order asked
    answered: int = 0
    complete: bool = False
    talk_seconds: float = 0.0          # answers and follow-ups together

    def to_json(self) -> dict[str, Any]:
        return {
            "ts": format_ts(self.ts),
            "kind": SESSION_KIND,
            "session": self.session,
            "questions": list(self.questions),
            "answered": self.answered,
            "complete": self.complete,
            "talk_seconds": _round(self.talk_seconds),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SessionRecord:
        session = data.get("session")
        if not isinstance(session, str) or not session:
            raise ValueError("no `session`")
        questions = data.get("questions") or []
        if not isinstance(questions, list) or not all(isinstance(q, str) for q in questions):
            raise ValueError("`questions` is not a list of ids")
        return cls(
            ts=parse_ts(data.get("ts")),
            session=session,
            questions=tuple(questions),
            answered=_int_or_none(data.get("answered")) or 0,
            complete=data.get("complete") is True,
            talk_seconds=_number_or_none(data.get("talk_seconds"), "talk_seconds") or 0.0,
        )


@dataclass
class PracticeLog:
    records: list[PracticeRecord] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    sessions: list[SessionRecord] = field(default_factory=list)

    def last_practised(self) -> dict[str, float]:
        return last_practised(self.records)


# --- time stamps ----------------------------------------------------------------------------------

def format_ts(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_ts(value: object) -> float:
    """Seconds since the epoch from a number or an ISO 8601 text; only times a date can show,
    so every record read can be formatted again (`ts = 1e300` would crash whoever shows it)."""
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        try:
            datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            raise ValueError(f"`ts` is not a time: {value!r}") from None
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"`ts` is not a time: {value!r}") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return parse_ts(moment.timestamp())  # year 1 or 9999 in a far time zone: out of range
    raise ValueError("no `ts`")


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 1)


def _text_or_none(value: object, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"`{name}` is not text")
    return value


def _number_or_none(value: object, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"`{name}` is not a number")
    return float(value)


def _spoken_or_none(value: object) -> SpokenReport | None:
    if not (isinstance(value, dict) and value):
        return None
    # Imported here: a log of typed practice, like a first start, never needs the spoken
    # report's module (a thirtieth of the UI's own imports before its first frame).
    from storybank.speech.report import SpokenReport

    return SpokenReport.from_json(value)


def _int_or_none(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


# --- writing and reading ---------------------------------------------------------------------------

def append_record(bank_root: Path, record: PracticeRecord | SessionRecord) -> Path:
    """Append `record` as one line; durable when this returns. Raises OSError if it cannot write."""
    path = log_path(bank_root)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(record.to_json(), ensure_ascii=False, separators=(", ", ": ")) + "\n"
    # O_NONBLOCK: a named pipe put where the log belongs fails at once instead of hanging the
    # drill until something reads it (on a regular file the flag changes nothing).
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK, 0o644)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "the practice log is not a regular file", str(path))
        if fcntl is not None:
            # One appender at a time (released on close): O_APPEND alone leaves a window between
            # checking the last byte and writing, where another drill's long record can be
            # half-visible, and on network file systems O_APPEND writes can interleave.
            fcntl.flock(fd, fcntl.LOCK_EX)
            info = os.fstat(fd)
        size = info.st_size
        if size and not _ends_with_newline(path, size):
            line = "\n" + line  # an earlier write was cut short: start on a line of our own
        data = line.encode("utf-8")
        written = os.write(fd, data)
        while written < len(data):  # pragma: no cover - regular files write in one go
            written += os.write(fd, data[written:])
        os.fsync(fd)
    finally:
        os.close(fd)
    return path


def _ends_with_newline(path: Path, size: int) -> bool:
    try:
        with open(path, "rb") as handle:
            handle.seek(size - 1)
            return handle.read(1) == b"\n"
    except OSError:
        return True


def read_log(bank_root: Path) -> PracticeLog:
    """Every readable record, oldest first; unreadable lines become notices, never exceptions."""
    path = log_path(bank_root)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a named pipe must not block the reader
    except FileNotFoundError:
        return PracticeLog()
    except OSError as exc:
        return PracticeLog(notices=[f"{path}: cannot read the practice log ({exc.strerror or exc})"])
    try:
        with os.fdopen(fd, "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if not stat.S_ISREG(mode):
                what = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
                return PracticeLog(notices=[f"{path}: cannot read the practice log (it is {what}; "
                                            "move it away and storybank starts a new one)"])
            data = handle.read()
    except OSError as exc:
        return PracticeLog(notices=[f"{path}: cannot read the practice log ({exc.strerror or exc})"])
    return parse_log(data.decode("utf-8", errors="replace"), str(path))


def parse_log(text: str, source: str = LOG_NAME) -> PracticeLog:
    log = PracticeLog()
    text = text.removeprefix("\ufeff")  # saved by an editor that marks UTF-8 (Windows Notepad)
    lines = text.split("\n")
    complete = text.endswith("\n")
    if complete:
        lines.pop()
    skipped: list[int] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if isinstance(data, dict) and data.get("kind") == SESSION_KIND:
                log.sessions.append(SessionRecord.from_json(data))
            else:
                log.records.append(PracticeRecord.from_json(data))
        except (ValueError, TypeError, RecursionError):  # `{"a": {"a": ...` nests past the stack
            if number == len(lines) and not complete:
                log.notices.append(
                    f"{source}: the last line is incomplete (an interrupted write?) and was skipped")
            else:
                skipped.append(number)
    if skipped:
        where = ", ".join(str(n) for n in skipped[:5]) + (" …" if len(skipped) > 5 else "")
        noun = "line" if len(skipped) == 1 else "lines"
        log.notices.append(f"{source}: skipped {len(skipped)} {noun} that are not practice records ({where})")
    return log


# --- summaries -------------------------------------------------------------------------------------

def last_practised(records: Iterable[PracticeRecord]) -> dict[str, float]:
    """Story id -> time of its latest drill."""
    out: dict[str, float] = {}
    for record in records:
        if record.story and record.ts > out.get(record.story, float("-inf")):
            out[record.story] = record.ts
    return out
