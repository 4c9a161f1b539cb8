"""Analysing a whole bank, with results cached by content so unchanged stories cost nothing."""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from storybank.analysis.types import StoryReport
from storybank.model import Story
from storybank.settings import Settings

if TYPE_CHECKING:
    from storybank.bank import Bank
    from storybank.catalog import Catalog

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
    from storybank.catalog import content_key

    key = (story_key(story), story_id, content_key(catalog), settings)
    with _LOCK:
        report = _CACHE.get(key)
        if report is not None:
            _CACHE.move_to_end(key)
            return report
    # The engine (and the rules' patterns it compiles) is imported on the first story that must
    # be analysed: a command whose reports all come from the on-disk cache never pays for it.
    from storybank.analysis.engine import analyze

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
    reports = BankReports(bank, catalog)
    out = {sf.id: reports.report(sf.id, sf.story, save=False) for sf in bank.stories}
    reports.save()
    return out


class BankReports:
    """The reports of a bank's stories, one at a time, through its on-disk report cache (the
    cache file `kind`, see cache.py). `catalog` None: the one the settings name, built only when
    a story must be analysed."""

    def __init__(self, bank: Bank, catalog: Catalog | None = None, kind: str = "reports") -> None:
        from storybank.analysis.cache import ReportCache

        self.settings = bank.settings
        self.catalog = catalog
        self.files = {sf.id: sf for sf in bank.stories}
        self.cache = ReportCache(bank.root, catalog, bank.settings, kind)

    def report(self, story_id: str, story: Story, *, save: bool = True) -> StoryReport:
        """The report of `story`, the bank's story `story_id` (another story is analysed, never
        looked up: the cache knows the bank's files); with `save`, the cache is written back
        when it learned something."""
        sf = self.files.get(story_id)
        if sf is None or sf.story is not story:
            return analyze_cached(story, self._catalog(), self.settings, story_id)
        found = self.cache.get(story_id, sf.digest)
        if found is None:
            found = analyze_cached(story, self._catalog(), self.settings, story_id)
            self.cache.put(story_id, sf.digest, found)
            if save:
                self.save()
        return found

    def save(self) -> None:
        self.cache.save({f"{sid}:{sf.digest}" for sid, sf in self.files.items()})

    def _catalog(self) -> Catalog:
        if self.catalog is None:
            from storybank.catalog import catalog_for

            self.catalog = catalog_for(self.settings)
        return self.catalog
