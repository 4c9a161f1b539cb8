"""Whether the generic-motivation finding (SB741) fires on a story, remembered by its bytes.

The motivation check runs the analysis on one story; building the catalog and the analysis's
rules costs more than the rest of the posting check against 1,000 stories (issue 23's budget).
The answer depends only on the story file's bytes, the analysis (its code and word lists), the
catalog's file and the settings, so it is kept in the user's cache folder under a stamp of all
of these, per bank, and the analysis runs only when the stamp or the story changed. A memo that
cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import resources
from typing import TYPE_CHECKING

from storybank.paths import cache_dir

if TYPE_CHECKING:
    from pathlib import Path

    from storybank.bank import Bank

FORMAT = 1


def _stamp(bank: Bank) -> str:
    from storybank.analysis.cache import analysis_stamp

    h = hashlib.blake2b(digest_size=16)
    h.update(f"generic {FORMAT}|".encode())
    analysis_stamp(h)
    settings = bank.settings
    own = settings.catalog_path()
    try:
        h.update(own.read_bytes() if own is not None
                 else resources.files("storybank").joinpath("data/catalog.toml").read_bytes())
    except OSError:
        h.update(b"unreadable catalog")
    h.update(repr((settings.rate_wpm, settings.answer_seconds, settings.answer_limit_seconds,
                   settings.followup_seconds, settings.ignore, settings.profession,
                   settings.platform)).encode())
    return h.hexdigest()


class GenericMemo:
    """story id -> did SB741 fire, for the stories of one bank as they are now."""

    def __init__(self, bank: Bank) -> None:
        self.path: Path | None = None
        self.digests = {sf.id: sf.digest for sf in bank.stories}
        self.verdicts: dict[str, bool] = {}
        folder = cache_dir()
        if folder is None:
            return
        key = hashlib.blake2b(os.fsencode(bank.root.resolve()), digest_size=10).hexdigest()
        self.path = folder / f"generic-{key}.json"
        self.stamp = _stamp(bank)
        try:
            data = json.loads(self.path.read_bytes())
            if isinstance(data, dict) and data.get("stamp") == self.stamp and isinstance(data.get("verdicts"), dict):
                self.verdicts = {k: v for k, v in data["verdicts"].items() if isinstance(v, bool)}
        except (OSError, ValueError):
            self.verdicts = {}

    def get(self, story_id: str) -> bool | None:
        digest = self.digests.get(story_id)
        return self.verdicts.get(digest) if digest is not None else None

    def put(self, story_id: str, fires: bool) -> None:
        """Remember the verdict (and forget those of files no longer in the bank)."""
        digest = self.digests.get(story_id)
        if digest is None or self.path is None:
            return
        current = set(self.digests.values())
        self.verdicts = {k: v for k, v in self.verdicts.items() if k in current}
        self.verdicts[digest] = fires
        try:
            from storybank.atomic import atomic_write

            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, json.dumps({"stamp": self.stamp, "verdicts": self.verdicts}).encode("utf-8"))
        except OSError:
            pass
