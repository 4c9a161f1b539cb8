"""A persistent cache of story reports, keyed by story content, so a second `lint` of an
unchanged bank skips the analysis (like ruff's cache).

One cache file per bank and kind (see `cachefile.py`) in the user's cache folder
($STORYBANK_CACHE_DIR, else $XDG_CACHE_HOME/storybank, else ~/.cache/storybank) — never in the
bank itself: `reports` for every story (lint, the UI), `motivation` for the motivation stories a
posting is held against. A report is kept under its story's id and its file's digest; the whole
file is discarded when anything that shapes a report changes: storybank's version or analysis
code, the catalog, the word lists or the bank's settings. A cache that cannot be read or written
is simply not used.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storybank import __version__
from storybank.analysis.types import Finding, Score, StoryReport
from storybank.atomic import read_regular
from storybank.cachefile import cache_file

if TYPE_CHECKING:
    from storybank.catalog import Catalog
    from storybank.settings import Settings

FORMAT = 1
ANALYSIS_DIR = Path(__file__).resolve().parent


def analysis_stamp(h: Any) -> None:
    """Feed `h` (a hashlib object) what shapes every report apart from the catalog and the
    settings: storybank's version, the analysis code and its word lists."""
    h.update(f"{FORMAT}|{__version__}|".encode())
    for path in [*sorted(ANALYSIS_DIR.rglob("*.py")), ANALYSIS_DIR.parent / "model.py"]:
        stat = path.stat()
        h.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}|".encode())
    for data in ("lexicon.toml", "professions.toml"):
        h.update((ANALYSIS_DIR.parent / "data" / data).read_bytes())


# What of a catalog no report reads: its file's path, and the wording questions and probes are asked in.
UNJUDGED: Any = {"source": True, "questions": {"__all__": {"asked"}}, "probes": {"__all__": {"asked"}}}


def fingerprint(catalog: Catalog | None, settings: Settings) -> str:
    """What shapes a report, as a digest. `catalog` None: the one the settings name, stamped by
    its file's bytes, so that a cache hit does not build it."""
    h = hashlib.blake2b(digest_size=16)
    analysis_stamp(h)
    if catalog is not None:
        # Not `source`: a path, not content, and one with lone surrogates if the bank is not UTF-8.
        # Nor how each question and probe is `asked`: its wording for the bank's field is shown,
        # never judged, so `lint` (not worded) and `coverage` (worded) share one cache.
        h.update(catalog.model_dump_json(exclude=UNJUDGED).encode())
    else:
        h.update(_catalog_file(settings))
    h.update(repr((settings.rate_wpm, settings.answer_seconds, settings.answer_limit_seconds,
                   settings.followup_seconds, settings.ignore,
                   getattr(settings, "profession", ""), settings.platform)).encode())
    return h.hexdigest()


def _catalog_file(settings: Settings) -> bytes:
    """The bytes the settings' catalog is read from (its `{platform}` is in the settings)."""
    own = settings.catalog_path()
    try:
        data = (read_regular(own) if own is not None
                else resources.files("storybank").joinpath("data/catalog.toml").read_bytes())
    except OSError:
        return b"unreadable catalog"
    return b"catalog file|" + data


def report_to_json(report: StoryReport) -> dict[str, Any]:
    return {
        "story_id": report.story_id,
        "findings": [asdict(f) for f in report.findings],
        "scores": {n: [s.value, list(s.reasons)] for n, s in report.scores.items()},
        "answer_seconds": report.answer_seconds,
        "followup_seconds": report.followup_seconds,
        "part_seconds": report.part_seconds,
        "words": report.words,
    }


def report_from_json(data: dict[str, Any]) -> StoryReport:
    return StoryReport(
        story_id=data["story_id"],
        findings=[Finding(**f) for f in data["findings"]],
        scores={n: Score(n, v, tuple(r)) for n, (v, r) in data["scores"].items()},
        answer_seconds=data["answer_seconds"],
        followup_seconds=data["followup_seconds"],
        part_seconds=data["part_seconds"],
        words=data["words"],
    )


class ReportCache:
    """Story reports of one bank, under the story's id and its file's digest, in the bank's
    `kind` cache file. The file is read (and its stamp made) at the first look-up."""

    def __init__(self, bank_root: Path, catalog: Catalog | None, settings: Settings,
                 kind: str = "reports") -> None:
        self.file = cache_file(bank_root, kind)
        self.catalog = catalog
        self.settings = settings
        self._stamp: str | None = None
        self._entries: dict[str, Any] | None = None
        self.dirty = False

    @property
    def entries(self) -> dict[str, Any]:
        if self._entries is None:
            self._entries = {}
            if self.file is not None:
                self._stamp = fingerprint(self.catalog, self.settings)
                found = self.file.load(self._stamp)
                if isinstance(found, dict):
                    self._entries = found
        return self._entries

    def get(self, story_id: str, digest: str) -> StoryReport | None:
        entry = self.entries.get(f"{story_id}:{digest}")
        if entry is None:
            return None
        try:
            return report_from_json(entry)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    def put(self, story_id: str, digest: str, report: StoryReport) -> None:
        self.entries[f"{story_id}:{digest}"] = report_to_json(report)
        self.dirty = True

    def save(self, keep: set[str]) -> None:
        """Write the cache, keeping only the entries of stories still in the bank."""
        if self.file is None or self._entries is None or self._stamp is None:
            return
        stale = [k for k in self._entries if k not in keep]
        for k in stale:
            del self._entries[k]
        if self.dirty or stale:
            self.file.save(self._stamp, self._entries)
            self.dirty = False
