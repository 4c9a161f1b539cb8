"""What the bank screen showed last time, so the next start can show it before parsing anything.

One small JSON file per bank in the user's cache folder (the same folder as the report cache,
never inside the bank): for every story file its size and mtime, and the row it produced (id,
title, question ids, spoken seconds, readiness), plus the load errors. On start, if every file in
the bank still has the size and mtime recorded here, those rows are shown at once; the real load
and analysis follow and replace them. Anything unexpected means "no preview", never an error.
No Textual here.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storybank import __version__
from storybank.errors import LoadError
from storybank.practice import PracticeLog

FORMAT = 1


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


def _cache_file(root: Path) -> Path | None:
    from storybank.paths import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    try:
        resolved = Path(root).resolve()
    except (OSError, RuntimeError):  # a symlink loop: no cache, not a failure
        return None
    key = hashlib.blake2b(os.fsencode(resolved), digest_size=10).hexdigest()
    return folder / f"ui-rows-{key}.json"


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
    path = _cache_file(root)
    if path is None:
        return None
    try:
        data = json.loads(path.read_bytes())
        if data.get("stamp") != _stamp(root):
            return None
        entries = data["files"]
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
    path = _cache_file(root)
    if path is None:
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
    try:
        from storybank.atomic import atomic_write

        path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"stamp": _stamp(root), "files": files}, separators=(",", ":"))
        atomic_write(path, payload.encode("utf-8"))
    except OSError:
        pass
