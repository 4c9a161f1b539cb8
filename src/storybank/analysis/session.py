"""Analysing a whole bank, with results cached by content so unchanged stories cost nothing."""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from storybank.analysis.engine import analyze
from storybank.analysis.types import StoryReport
from storybank.catalog import Catalog, content_key
from storybank.model import Story
from storybank.settings import Settings

if TYPE_CHECKING:
    from storybank.bank import Bank

_CACHE: OrderedDict[tuple[str, str, str, Settings], StoryReport] = OrderedDict()
_CACHE_SIZE = 20_000
# The UI analyses on worker threads while the command line and tests use the main one: every
# read and write of _CACHE holds this lock (the analysis itself runs outside it; two threads
# may analyse the same story at once, and the second result simply replaces the first).
_LOCK = threading.Lock()


def story_key(story: Story) -> str:
    data = json.dumps(story.to_data(), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.blake2b(data.encode("utf-8"), digest_size=16).hexdigest()


def analyze_cached(story: Story, catalog: Catalog, settings: Settings, story_id: str = "") -> StoryReport:
    """`analyze`, remembered by the story's content, the catalog and the settings."""
    key = (story_key(story), story_id, content_key(catalog), settings)
    with _LOCK:
        report = _CACHE.get(key)
        if report is not None:
            _CACHE.move_to_end(key)
            return report
    report = analyze(story, catalog, settings, story_id)
    with _LOCK:
        _CACHE[key] = report
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return report


def analyze_bank(bank: Bank, catalog: Catalog, *, persistent: bool = False) -> dict[str, StoryReport]:
    """A report per story. With `persistent`, reports of unchanged files come from the on-disk
    cache (see cache.py) and new ones are added to it."""
    if not persistent:
        return {sf.id: analyze_cached(sf.story, catalog, bank.settings, sf.id) for sf in bank.stories}
    from storybank.analysis.cache import ReportCache

    cache = ReportCache(bank.root, catalog, bank.settings)
    reports: dict[str, StoryReport] = {}
    keys = set()
    for sf in bank.stories:
        keys.add(f"{sf.id}:{sf.digest}")
        report = cache.get(sf.id, sf.digest)
        if report is None:
            report = analyze_cached(sf.story, catalog, bank.settings, sf.id)
            cache.put(sf.id, sf.digest, report)
        reports[sf.id] = report
    cache.save(keys)
    return reports
