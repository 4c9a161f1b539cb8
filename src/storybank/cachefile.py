"""One cache file per bank and kind in the user's cache folder (see `paths.cache_dir`).

Every cache storybank keeps between runs — the parsed story files, the reports, the posting
word index, the bank screen's rows — is one JSON file named after what it holds and a digest
of the bank's folder, under a stamp of everything its content depends on:

    <cache folder>/<kind>-<digest of the bank's path>.json  =  {"stamp": ..., "data": ...}

A file whose stamp differs, or that cannot be read, parsed or written, is a miss and never an
error: a cache only makes things faster. Writes are atomic, so a reader sees the old file or the
new one, never half of one. What is inside `data` is the caller's to check.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storybank.paths import cache_dir


@dataclass(frozen=True)
class CacheFile:
    """The cache file of one kind for one bank."""

    path: Path

    def load(self, stamp: str) -> Any | None:
        """The data saved under `stamp`; None when there is none, or it was saved under another."""
        try:
            stored = json.loads(self.path.read_bytes())
        except (OSError, ValueError, RecursionError):   # unreadable, not JSON, nested too deep
            return None
        if not isinstance(stored, dict) or stored.get("stamp") != stamp:
            return None
        return stored.get("data")

    def save(self, stamp: str, data: Any) -> bool:
        """Write `data` under `stamp`, atomically; False when it could not be written."""
        from storybank.atomic import atomic_write

        try:
            payload = json.dumps({"stamp": stamp, "data": data}, separators=(",", ":")).encode("utf-8")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, payload)
        except (OSError, ValueError):   # a read-only or full disk; a value JSON cannot hold
            return False
        return True


def cache_file(bank_root: Path, kind: str) -> CacheFile | None:
    """The `kind` cache file of the bank at `bank_root`; None when caching is off or the bank's
    folder cannot be resolved (a symlink loop)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        resolved = Path(bank_root).resolve()
    except (OSError, RuntimeError):
        return None
    # os.fsencode: a bank folder whose name is not UTF-8 has lone surrogates in str form.
    key = hashlib.blake2b(os.fsencode(resolved), digest_size=10).hexdigest()
    return CacheFile(folder / f"{kind}-{key}.json")
