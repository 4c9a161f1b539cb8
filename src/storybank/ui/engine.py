"""The UI's one door to the analysis engine, the cue helpers and the cheat-sheet export.

Each entry point imports its module on first use. While a module is missing (or broken), a
plain fallback keeps the screens working and says so, instead of crashing the UI.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storybank.analysis.types import Coverage, Finding, FollowupPrompt, StoryReport, TypeCoverage
from storybank.words import count_words as _words

if TYPE_CHECKING:  # pragma: no cover
    from storybank.bank import Bank, StoryFile
    from storybank.catalog import Catalog
    from storybank.model import Story
    from storybank.settings import Settings

_MISSING = object()
_modules: dict[str, Any] = {}


def _module(name: str) -> Any:
    module = _modules.get(name)
    if module is None:
        try:
            module = importlib.import_module(name)
        except Exception:  # missing, or mid-rewrite: the fallback keeps the UI up
            module = _MISSING
        _modules[name] = module
    return None if module is _MISSING else module


def analyze(story: Story, catalog: Catalog, settings: Settings, story_id: str = "") -> StoryReport:
    session = _module("storybank.analysis.session")
    engine = _module("storybank.analysis.engine")
    run = getattr(session, "analyze_cached", None) or getattr(engine, "analyze", None)
    if run is not None:
        try:
            return run(story, catalog, settings, story_id)
        except Exception as exc:  # an engine bug must not take the editor down with it
            report = _plain_report(story, settings, story_id)
            report.findings.append(Finding("SB000", "analysis-failed", "structure", "info", "",
                                           f"the analysis failed on this story: {exc}"))
            return report
    return _plain_report(story, settings, story_id)


def _plain_report(story: Story, settings: Settings, story_id: str) -> StoryReport:
    from storybank.model import PARTS, PROBES

    parts = {p: settings.seconds(_words(story.part(p))) for p in PARTS}
    followups = {p: settings.seconds(_words(story.followup(p))) for p in PROBES}
    words = sum(_words(story.part(p)) for p in PARTS)
    return StoryReport(story_id, [], {}, sum(parts.values()), followups, parts, words)


def report_cache(root: Path, catalog: Catalog, settings: Settings):
    """The engine's on-disk report cache for this bank (shared with `lint`), or None."""
    module = _module("storybank.analysis.cache")
    if module is None or not hasattr(module, "ReportCache"):
        return None
    try:
        return module.ReportCache(root, catalog, settings)
    except Exception:  # a cache is an optimisation: never a reason to fail
        return None


def followup_prompts(story: Story, catalog: Catalog, settings: Settings) -> list[FollowupPrompt]:
    module = _module("storybank.analysis.followups")
    if module is not None:
        return module.followup_prompts(story, catalog, settings)
    out = []
    for probe in catalog.probes:
        text = story.followup(probe.id)
        seconds = settings.seconds(_words(text)) if text.strip() else None
        out.append(FollowupPrompt(probe.id, probe.question, bool(text.strip()), seconds))
    return out


def compute_coverage(stories: list[StoryFile], reports: dict[str, StoryReport], catalog: Catalog) -> Coverage:
    module = _module("storybank.analysis.coverage")
    if module is not None:
        try:  # near-duplicate detection is for the reports, not for every screen refresh
            return module.compute_coverage(stories, reports, catalog, duplicates=False)
        except TypeError:
            return module.compute_coverage(stories, reports, catalog)
    types = []
    for q in catalog.questions:
        mapped = [sf.id for sf in stories if q.id in sf.story.questions]
        strong = [s for s in mapped if s in reports and reports[s].readiness == "clean"]
        status = "strong" if strong else "weak" if mapped else "missing"
        assigned = (strong or mapped or [None])[0]
        types.append(TypeCoverage(q.id, q.question, q.label, status, mapped, assigned))
    return Coverage(types)


def key_numbers(story: Story) -> list[str]:
    cues = _module("storybank.cues")
    if cues is not None:
        return cues.key_numbers(story)
    out = []
    for m in story.metrics:
        unit = f" {m.unit}" if m.unit else ""
        out.append(f"{m.name}: {m.before}{unit} → {m.after}{unit}" if m.is_change() else f"{m.name}: {m.value}{unit}")
    return out


def cue_words(text: str, n: int = 6, known: list[str] | None = None) -> list[str]:
    cues = _module("storybank.cues")
    if cues is not None:
        return cues.cue_words(text, n, known or ())
    words = sorted({w.strip(".,;:") for w in text.split() if len(w) > 6}, key=len, reverse=True)
    return words[:n]


def export_cheatsheet(bank: Bank, catalog: Catalog, fmt: str, path: Path) -> Path:
    export = _module("storybank.export")
    if export is None or not hasattr(export, "export_cheatsheet"):
        from storybank.errors import StorybankError

        raise StorybankError("the cheat-sheet export is not installed in this build")
    return export.export_cheatsheet(bank, catalog, fmt, path)
