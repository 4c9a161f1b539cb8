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
    from storybank.cues.story import StoryCues
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


def story_cues(story: Story) -> StoryCues:
    """The story's one cue list (storybank.cues.story): what the sheet prints and the spoken
    check listens for."""
    from storybank.cues.story import story_cues as cues

    return cues(story)


def missed_cues(story: Story, said: str) -> set[str]:
    """The texts of the story's cues (the card's) that `said` does not say, by the spoken
    check's rules (storybank.speech.said), so the card underlines what the check counts missed."""
    from storybank.speech.said import Heard, cue_said

    heard = Heard.of(said)
    known = frozenset(t.lower() for t in story.technologies)
    card = story_cues(story)
    every = [*card.answer(), *(c for probe in card.followups for c in card.followup(probe))]
    return {c.text for c in every if not cue_said(c, heard, known)}


def export_cheatsheet(bank: Bank, catalog: Catalog, fmt: str, path: Path, paper: str | None = None,
                      template: Path | None = None) -> Path:
    from storybank.export.api import export_cheatsheet as export

    return export(bank, catalog, fmt, path, paper, template)
