"""The parsed TOML of a bank's story files, remembered between runs by the files' bytes.

Python's TOML parser is written in Python: parsing 1,000 story files takes most of a second,
the largest part of a command that reads them all (`storybank posting`, issue 23). A file
whose bytes are unchanged parses to the same table, so the table is kept in the bank's `toml`
cache file (see `cachefile.py`): per file name, the sha256 of its bytes and its table, read back
instead of parsing when the bytes are the same. The table is then validated as usual: a story
read through the memo is the story read without it, errors included.

Only tables of plain values are kept (a TOML date has no JSON form). The whole memo is dropped
when Python (its TOML parser), storybank or this format changes. A load of some of the files
keeps the entries of the others while their files are there.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from storybank import __version__
from storybank.cachefile import cache_file

FORMAT = 2
_STAMP = f"{FORMAT}|{__version__}|{sys.version_info[:3]}"
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


def _entries(data: Any) -> dict[str, list[Any]]:
    """The memo's entries, file name -> [sha256, table], of what a cache file held; those of
    another shape are left out."""
    if not isinstance(data, dict):
        return {}
    return {name: entry for name, entry in data.items()
            if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str)
            and isinstance(entry[1], dict)}


class TomlMemo:
    """file name -> (sha256 of its bytes, its parsed table), for one bank."""

    def __init__(self, bank_root: Path) -> None:
        self.root = Path(bank_root)
        self.file = cache_file(self.root, "toml")
        self.entries = _entries(self.file.load(_STAMP)) if self.file is not None else {}
        self.seen: set[str] = set()      # the files read this run
        self.current: set[str] = set()   # ... whose entry holds their bytes as they are now
        self.dirty = False

    def get(self, name: str, digest: str) -> dict[str, Any] | None:
        """The table of the file `name` when its bytes are still those of sha256 `digest`."""
        self.seen.add(name)
        entry = self.entries.get(name)
        if entry is None or entry[0] != digest:
            return None
        self.current.add(name)
        table: dict[str, Any] = entry[1]
        return table

    def put(self, name: str, digest: str, table: dict[str, Any]) -> None:
        self.seen.add(name)
        if self.file is not None and plain(table):
            self.entries[name] = [digest, table]
            self.current.add(name)
            self.dirty = True

    def save(self) -> None:
        """Write the memo back when it changed. An entry stays while it is its file's: a file
        read this run keeps its entry only when it holds the file's bytes as they are now (one
        that changed into a load error or a date loses it); a file not read (a load of some of
        the bank's files) keeps its entry while it exists."""
        if self.file is None:
            return
        gone = [name for name in self.entries if name not in self.current
                and (name in self.seen or not (self.root / name).is_file())]
        for name in gone:
            del self.entries[name]
        if self.dirty or gone:
            self.file.save(_STAMP, self.entries)
            self.dirty = False
