"""Analysing a whole bank, with results cached by content so unchanged stories cost nothing."""

from __future__ import annotations

import hashlib
import json
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


def story_key(story: Story) -> str:
    data = json.dumps(story.to_data(), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.blake2b(data.encode("utf-8"), digest_size=16).hexdigest()


def analyze_cached(story: Story, catalog: Catalog, settings: Settings, story_id: str = "") -> StoryReport:
    """`analyze`, remembered by the story's content, the catalog and the settings."""
    key = (story_key(story), story_id, content_key(catalog), settings)
    report = _CACHE.get(key)
    if report is None:
        report = analyze(story, catalog, settings, story_id)
        _CACHE[key] = report
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(key)
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
