"""What the bank screen showed last time, so the next start can show it before parsing anything.

The bank's `ui-rows` cache file (see `cachefile.py`; in the user's cache folder, never inside the
bank): for every story file its size and mtime, and the row it produced (id,
title, question ids, spoken seconds, readiness), plus the load errors. On start, if every file in
the bank still has the size and mtime recorded here, those rows are shown at once; the real load
and analysis follow and replace them. Anything unexpected means "no preview", never an error.
No Textual here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storybank import __version__
from storybank.cachefile import cache_file
from storybank.errors import LoadError
from storybank.practice import PracticeLog

FORMAT = 2


@dataclass(frozen=True)
class CachedRow:
    id: str
    title: str
    questions: tuple[str, ...]
    seconds: float | None
    readiness: str | None


@dataclass
class Preview:
    rows: list[CachedRow]
    errors: list[LoadError]
    practice: PracticeLog = field(default_factory=PracticeLog)  # the practice log, read alongside


def _stamp(root: Path) -> str:
    """What else shapes the rows: storybank's version and the bank's settings file."""
    try:
        st = (Path(root) / ".storybank.toml").stat()
        settings = f"{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        settings = "-"
    return f"{FORMAT}|{__version__}|{settings}"


def _scan(root: Path) -> dict[str, tuple[int, int]]:
    out = {}
    with os.scandir(root) as entries:
        for entry in entries:
            if entry.name.endswith(".toml") and not entry.name.startswith(".") and entry.is_file():
                st = entry.stat()
                out[entry.name] = (st.st_size, st.st_mtime_ns)
    return out


def load_preview(root: Path) -> Preview | None:
    """The cached rows, if the bank's files are exactly the ones they were made from."""
    file = cache_file(root, "ui-rows")
    if file is None:
        return None
    try:
        entries = file.load(_stamp(root))
        if entries is None:
            return None
        files = _scan(root)
        if set(files) != set(entries):
            return None
        rows, errors = [], []
        for name in sorted(files):
            entry = entries[name]
            if [entry["size"], entry["mtime_ns"]] != list(files[name]):
                return None
            if "error" in entry:
                e = entry["error"]
                errors.append(LoadError(Path(root) / name, e["message"], e.get("line"), e.get("column")))
            else:
                rows.append(_row(entry["row"]))
        return Preview(rows, errors)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _row(r: dict[str, Any]) -> CachedRow:
    """A cached row as written by `save`; anything else (a hand-edited or damaged cache) raises
    TypeError, and the whole cache is then ignored."""
    row = CachedRow(r["id"], r["title"], tuple(r["questions"]), r["seconds"], r["readiness"])
    if not (isinstance(row.id, str) and isinstance(row.title, str)
            and all(isinstance(q, str) for q in row.questions)
            and (row.seconds is None or (isinstance(row.seconds, int | float)
                                         and not isinstance(row.seconds, bool)))
            and (row.readiness is None or isinstance(row.readiness, str))):
        raise TypeError(f"not a cached row: {r!r}")
    return row


def save(root: Path, stats: dict[str, tuple[int, int]], rows: dict[str, CachedRow],
         errors: list[LoadError]) -> None:
    """Record the rows of this load. `stats` maps file name -> (size, mtime_ns) taken before reading."""
    file = cache_file(root, "ui-rows")
    if file is None:
        return
    files: dict[str, dict[str, Any]] = {}
    for name, (size, mtime) in stats.items():
        stem = name[: -len(".toml")]
        row = rows.get(stem)
        if row is not None:
            files[name] = {"size": size, "mtime_ns": mtime,
                           "row": {"id": row.id, "title": row.title, "questions": list(row.questions),
                                   "seconds": row.seconds, "readiness": row.readiness}}
    for err in errors:
        name = Path(err.path).name
        if name in stats:
            size, mtime = stats[name]
            files[name] = {"size": size, "mtime_ns": mtime,
                           "error": {"message": err.message, "line": err.line, "column": err.column}}
    if set(files) != set(stats):
        return  # something was neither a row nor an error: better no cache than a wrong one
    file.save(_stamp(root), files)
