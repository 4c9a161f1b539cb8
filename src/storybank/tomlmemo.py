"""The parsed TOML of a bank's story files, remembered between runs by the files' bytes.

Python's TOML parser is written in Python: parsing 1,000 story files takes most of a second,
the largest part of a command that reads them all (`storybank posting`, issue 23). A file
whose bytes are unchanged parses to the same table, so the table is kept in one JSON file per
bank in the user's cache folder (see `paths.cache_dir`), keyed by the file's sha256, and read
back instead of parsing. The table is then validated as usual: a story read through the memo
is the story read without it, errors included.

Only tables of plain values are kept (a TOML date has no JSON form). A memo that cannot be read
or written is simply not used; the whole memo is dropped when Python or this format changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from storybank.paths import cache_dir

FORMAT = 1
_STAMP = f"{FORMAT}|{sys.version_info[:3]}"
_PLAIN = (str, int, float, bool)


def plain(value: Any) -> bool:
    """Does `value` (a parsed TOML value) survive a JSON round trip unchanged?"""
    if isinstance(value, _PLAIN):
        return True
    if isinstance(value, list):
        return all(plain(v) for v in value)
    if isinstance(value, dict):
        return all(plain(v) for v in value.values())
    return False


class TomlMemo:
    """sha256 of a story file -> its parsed table, for one bank."""

    def __init__(self, bank_root: Path) -> None:
        self.path: Path | None = None
        self.entries: dict[str, dict[str, Any]] = {}
        self.used: set[str] = set()
        self.dirty = False
        folder = cache_dir()
        if folder is None:
            return
        # os.fsencode: a bank folder whose name is not UTF-8 has lone surrogates in str form.
        key = hashlib.blake2b(os.fsencode(bank_root.resolve()), digest_size=10).hexdigest()
        self.path = folder / f"toml-{key}.json"
        try:
            data = json.loads(self.path.read_bytes())
            if isinstance(data, dict) and data.get("stamp") == _STAMP and isinstance(data.get("entries"), dict):
                self.entries = data["entries"]
        except (OSError, ValueError):
            self.entries = {}

    def get(self, digest: str) -> dict[str, Any] | None:
        found = self.entries.get(digest)
        if isinstance(found, dict):
            self.used.add(digest)
            return found
        return None

    def put(self, digest: str, table: dict[str, Any]) -> None:
        if self.path is not None and plain(table):
            self.entries[digest] = table
            self.used.add(digest)
            self.dirty = True

    def save(self) -> None:
        """Write the memo, keeping only the files read this time (a bank's current files)."""
        if self.path is None:
            return
        stale = self.entries.keys() - self.used
        if not (self.dirty or stale):
            return
        kept = {k: v for k, v in self.entries.items() if k in self.used}
        try:
            from storybank.atomic import atomic_write

            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, json.dumps({"stamp": _STAMP, "entries": kept},
                                               separators=(",", ":")).encode("utf-8"))
        except OSError:
            pass
