"""What the screens show, kept in one place on the app: the bank, its catalog, the analysis
reports, the practice log. Loading happens off the main thread (see `load_bank`); the app applies
the results on the main thread and publishes `StorybankApp.state_changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from storybank.practice import PracticeLog

if TYPE_CHECKING:  # pragma: no cover
    from storybank.analysis.types import Coverage, FollowupPrompt, StoryReport
    from storybank.bank import Bank, StoryFile
    from storybank.catalog import Catalog
    from storybank.settings import Settings
    from storybank.ui.rowcache import Preview


@dataclass
class Loaded:
    """The result of reading a bank from disk (produced in a worker thread)."""

    bank: Bank | None = None
    catalog: Catalog | None = None
    practice: PracticeLog = field(default_factory=PracticeLog)
    error: str | None = None
    stats: dict[str, tuple[int, int]] = field(default_factory=dict)  # file name -> (size, mtime_ns)


class Cancelled(Exception):
    pass


def _never() -> bool:
    return False


def load_bank(root: Path, cancelled: Callable[[], bool] = _never) -> Loaded:
    """Open the bank, its catalog and its practice log; a problem becomes `error`, never a raise.

    A quit during a big load stops it between two files (raises Cancelled).
    """
    from storybank.bank import Bank
    from storybank.catalog import load_catalog
    from storybank.errors import StorybankError
    from storybank.practice import read_log

    try:
        bank = Bank.open(root, load=False)
        catalog = load_catalog(bank.settings.catalog_path())
        paths = bank.story_paths()
    except StorybankError as exc:
        return Loaded(error=str(exc))
    except OSError as exc:
        return Loaded(error=f"{root}: {exc.strerror or exc}")
    stats: dict[str, tuple[int, int]] = {}

    def before_each(path: Path) -> None:
        if cancelled():
            raise Cancelled
        try:
            st = path.stat()
            stats[path.name] = (st.st_size, st.st_mtime_ns)
        except OSError:
            pass

    bank.load(paths, before_each)
    return Loaded(bank, catalog, read_log(root), stats=stats)


@dataclass
class BankState:
    root: Path
    bank: Bank | None = None
    catalog: Catalog | None = None
    practice: PracticeLog = field(default_factory=PracticeLog)
    reports: dict[str, StoryReport] = field(default_factory=dict)
    prompts: dict[str, list[FollowupPrompt]] = field(default_factory=dict)
    error: str | None = None
    preview: Preview | None = None
    stats: dict[str, tuple[int, int]] = field(default_factory=dict)
    loading: bool = True
    analysing: bool = False
    _coverage: Coverage | None = None
    _last_practised: dict[str, float] | None = None
    _labels: dict[str, str] | None = None
    _prompt_digests: dict[str, str] = field(default_factory=dict)

    @property
    def ready(self) -> bool:
        return self.bank is not None and self.catalog is not None

    @property
    def settings(self) -> Settings:
        from storybank.settings import DEFAULT

        return self.bank.settings if self.bank is not None else DEFAULT

    @property
    def stories(self) -> list[StoryFile]:
        return list(self.bank.stories) if self.bank is not None else []

    def story(self, story_id: str | None) -> StoryFile | None:
        if not story_id or self.bank is None:
            return None
        return self.bank.get(story_id)

    def apply(self, loaded: Loaded) -> None:
        self.bank, self.catalog, self.practice, self.error = (
            loaded.bank, loaded.catalog, loaded.practice, loaded.error)
        self.stats = loaded.stats
        self.preview = None
        self.loading = False
        self._labels = None
        self.reports = {k: v for k, v in self.reports.items() if self.story(k) is not None}
        self.prompts = {k: v for k, v in self.prompts.items() if self.story(k) is not None}
        self.changed()

    def changed(self) -> None:
        self._coverage = None
        self._last_practised = None

    def prompts_for(self, story_id: str | None) -> list[FollowupPrompt] | None:
        """The story's follow-up prompts (generated on demand, remembered per file content)."""
        sf = self.story(story_id)
        if sf is None or self.catalog is None:
            return None
        cached = self.prompts.get(sf.id)
        if cached is not None and self._prompt_digests.get(sf.id) == sf.digest:
            return cached
        from storybank.ui import engine

        try:
            prompts = engine.followup_prompts(sf.story, self.catalog, self.settings)
        except Exception:  # an engine bug hides the prompts, not the story
            prompts = []
        self.prompts[sf.id] = prompts
        self._prompt_digests[sf.id] = sf.digest
        return prompts

    def coverage(self) -> Coverage | None:
        """Coverage of the eight question types (recomputed after any change)."""
        if not self.ready:
            return None
        if self._coverage is None:
            from storybank.ui import engine

            self._coverage = engine.compute_coverage(self.stories, self.reports, self.catalog)
        return self._coverage

    def last_practised(self) -> dict[str, float]:
        if self._last_practised is None:
            self._last_practised = self.practice.last_practised()
        return self._last_practised

    def label(self, question_id: str) -> str:
        if self._labels is None:
            self._labels = {q.id: q.label for q in self.catalog.questions} if self.catalog else {}
        return self._labels.get(question_id, question_id)
