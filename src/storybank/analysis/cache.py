"""A persistent cache of story reports, keyed by story content, so a second `lint` of an
unchanged bank skips the analysis (like ruff's cache).

One JSON file per bank in the user's cache folder ($STORYBANK_CACHE_DIR, else
$XDG_CACHE_HOME/storybank, else ~/.cache/storybank) — never in the bank itself. The whole file is
discarded when anything that shapes a report changes: storybank's version or analysis code, the
catalog, the word lists or the bank's settings. A cache that cannot be read or written is simply
not used.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storybank import __version__
from storybank.analysis.types import Finding, Score, StoryReport
from storybank.paths import cache_dir

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


def fingerprint(catalog: Catalog, settings: Settings) -> str:
    h = hashlib.blake2b(digest_size=16)
    analysis_stamp(h)
    # Not `source`: a path, not content, and one with lone surrogates if the bank is not UTF-8.
    h.update(catalog.model_dump_json(exclude={"source"}).encode())
    h.update(repr((settings.rate_wpm, settings.answer_seconds, settings.answer_limit_seconds,
                   settings.followup_seconds, settings.ignore,
                   getattr(settings, "profession", ""))).encode())
    return h.hexdigest()


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
    def __init__(self, bank_root: Path, catalog: Catalog, settings: Settings) -> None:
        folder = cache_dir()
        self.path = None
        self.entries: dict[str, dict[str, Any]] = {}
        self.dirty = False
        if folder is None:
            return
        # os.fsencode: a bank folder whose name is not UTF-8 has lone surrogates in str form.
        key = hashlib.blake2b(os.fsencode(bank_root.resolve()), digest_size=10).hexdigest()
        self.path = folder / f"reports-{key}.json"
        self.stamp = fingerprint(catalog, settings)
        try:
            data = json.loads(self.path.read_bytes())
            if data.get("fingerprint") == self.stamp:
                self.entries = data.get("entries", {})
        except (OSError, ValueError, AttributeError):
            self.entries = {}

    def get(self, story_id: str, digest: str) -> StoryReport | None:
        entry = self.entries.get(f"{story_id}:{digest}")
        if entry is None:
            return None
        try:
            return report_from_json(entry)
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, story_id: str, digest: str, report: StoryReport) -> None:
        self.entries[f"{story_id}:{digest}"] = report_to_json(report)
        self.dirty = True

    def save(self, keep: set[str]) -> None:
        """Write the cache, keeping only the entries of stories still in the bank."""
        if self.path is None:
            return
        stale = [k for k in self.entries if k not in keep]
        for k in stale:
            del self.entries[k]
        if not (self.dirty or stale):
            return
        try:
            from storybank.atomic import atomic_write

            self.path.parent.mkdir(parents=True, exist_ok=True)
            payload = json.dumps({"fingerprint": self.stamp, "entries": self.entries},
                                 separators=(",", ":")).encode("utf-8")
            atomic_write(self.path, payload)
        except OSError:
            pass
