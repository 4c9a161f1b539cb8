"""The UI's door to the analysis, the cue helpers and the cheat-sheet export.

A thin adapter, no logic of its own: each function calls the core and imports its module on first
use, so the bank list draws its first frame before the analysis, rapidfuzz or Jinja2 are loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from storybank.analysis.cache import ReportCache
    from storybank.analysis.types import Coverage, FollowupPrompt, StoryReport
    from storybank.bank import Bank, StoryFile
    from storybank.catalog import Catalog
    from storybank.model import Story
    from storybank.settings import Settings


def analyze(story: Story, catalog: Catalog, settings: Settings, story_id: str = "") -> StoryReport:
    """The story's report, remembered by content (shared with every other screen)."""
    from storybank.analysis.session import analyze_cached

    return analyze_cached(story, catalog, settings, story_id)


def report_cache(root: Path, catalog: Catalog, settings: Settings) -> ReportCache:
    """The engine's on-disk report cache for this bank (shared with `lint`)."""
    from storybank.analysis.cache import ReportCache

    return ReportCache(root, catalog, settings)


def followup_prompts(story: Story, catalog: Catalog, settings: Settings) -> list[FollowupPrompt]:
    from storybank.analysis.followups import followup_prompts as prompts

    return prompts(story, catalog, settings)


def compute_coverage(stories: list[StoryFile], reports: dict[str, StoryReport], catalog: Catalog) -> Coverage:
    """Coverage without near-duplicate detection: that is for the reports, not every refresh."""
    from storybank.analysis.coverage import compute_coverage as coverage

    return coverage(stories, reports, catalog, duplicates=False)


def key_numbers(story: Story) -> list[str]:
    from storybank.cues import key_numbers as numbers

    return numbers(story)


def cue_words(text: str, n: int = 6, known: list[str] | None = None) -> list[str]:
    from storybank.cues import cue_words as cues

    return cues(text, n, known or ())


def export_cheatsheet(bank: Bank, catalog: Catalog, fmt: str, path: Path) -> Path:
    from storybank.export.api import export_cheatsheet as export

    return export(bank, catalog, fmt, path)
