"""What the screens show, kept in one place on the app: the bank, its catalog, the analysis
reports, the practice log. Loading happens off the main thread (see `load_bank`); the app applies
the results on the main thread and publishes `StorybankApp.state_changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from storybank.bank import StoryFile
from storybank.errors import LoadError
from storybank.practice import PracticeLog, PracticeRecord, SessionRecord

if TYPE_CHECKING:  # pragma: no cover
    from storybank.analysis.types import Coverage, FollowupPrompt, StoryReport
    from storybank.bank import Bank
    from storybank.catalog import Catalog, QuestionType
    from storybank.model import Story
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
    bank_field: str = ""     # the field the bank's questions and examples are worded in (Bank.field)


class Cancelled(Exception):
    pass


class NotLoaded(RuntimeError):
    """The bank was read as loaded before it was (a screen must wait for `BankState.ready`)."""


@dataclass(frozen=True)
class Opened:
    """The bank and its catalog once loaded (`BankState.opened`): what a screen reads after
    `ready`, with nothing left to check for None."""

    bank: Bank
    catalog: Catalog


def _never() -> bool:
    return False


def load_bank(root: Path, cancelled: Callable[[], bool] = _never) -> Loaded:
    """Open the bank, its catalog and its practice log; a problem becomes `error`, never a raise.

    A quit during a big load stops it between two files (raises Cancelled).
    """
    from storybank.bank import Bank
    from storybank.catalog import catalog_for
    from storybank.errors import StorybankError
    from storybank.practice import read_log

    try:
        bank = Bank.open(root, load=False)
        catalog = catalog_for(bank.settings)
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
    bank_field = bank.field()
    if bank.settings.catalog_path() is None:
        catalog = catalog_for(bank.settings, bank_field)   # in the words of the field its stories show
    return Loaded(bank, catalog, read_log(root), stats=stats, bank_field=bank_field)


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
    bank_field: str = ""
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
    def opened(self) -> Opened:
        """The loaded bank and catalog; only once `ready` (else NotLoaded)."""
        if self.bank is None or self.catalog is None:
            raise NotLoaded("the bank is not loaded yet")
        return Opened(self.bank, self.catalog)

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
        self.bank_field = loaded.bank_field
        self.preview = None
        self.loading = False
        self._labels = None
        self.reports = {k: v for k, v in self.reports.items() if self.story(k) is not None}
        self.prompts = {k: v for k, v in self.prompts.items() if self.story(k) is not None}
        self._invalidate()

    def _invalidate(self) -> None:
        """Forget what is derived from the stories, reports and practice log."""
        self._coverage = None
        self._last_practised = None

    # --- every change goes through these: each keeps the caches right ------------------------

    def add_reports(self, reports: dict[str, StoryReport], done: bool) -> None:
        """Analysis reports arrived (for stories still in the bank)."""
        self.reports.update({k: v for k, v in reports.items() if self.story(k) is not None})
        if done:
            self.analysing = False
        self._invalidate()

    def _written(self, sf: StoryFile) -> None:
        """A story's file was written or re-read: its report is stale, the row cache must see
        the file as it is now."""
        try:  # the row cache matches files by size and mtime
            st = sf.path.stat()
            self.stats[sf.path.name] = (st.st_size, st.st_mtime_ns)
        except OSError:
            self.stats.pop(sf.path.name, None)
        self.reports.pop(sf.id, None)
        self._invalidate()

    def create_story(self, story: Story) -> StoryFile:
        sf = self.opened.bank.create(story.title, list(story.questions), story)
        self._written(sf)
        return sf

    def save_story(self, sf: StoryFile, story: Story, *, force: bool = False) -> bool:
        """Save over the story's file (raises SaveConflict as Bank.save); False if nothing changed."""
        written = self.opened.bank.save(sf, story, force=force)
        if written:
            self._written(sf)
        return written

    def save_copy(self, story: Story, original: StoryFile) -> StoryFile:
        """Keep both: `story` as a new file, and `original` as it now is on disk (or gone)."""
        bank = self.opened.bank
        copy = bank.save_copy(story)
        self._written(copy)
        fresh = bank.reload(original)
        if isinstance(fresh, StoryFile):
            self._written(fresh)
        else:
            self._forget(original)  # deleted, or no longer reads as a story
        return copy

    def reload_story(self, sf: StoryFile) -> StoryFile | LoadError:
        fresh = self.opened.bank.reload(sf)
        if isinstance(fresh, StoryFile):
            self._written(fresh)
        return fresh

    def delete_story(self, sf: StoryFile) -> Path:
        """Move the story's file to the bank's trash; returns where it went."""
        target = self.opened.bank.delete(sf)
        self._forget(sf)
        return target

    def _forget(self, sf: StoryFile) -> None:
        stories = self.opened.bank.stories
        if sf in stories:
            stories.remove(sf)
        self.reports.pop(sf.id, None)
        self.prompts.pop(sf.id, None)
        self.stats.pop(sf.path.name, None)
        self._invalidate()

    def add_practice(self, record: PracticeRecord) -> None:
        """A drill or interview answer was logged (on disk already, or about to be)."""
        self.practice.records.append(record)
        self._invalidate()

    def add_session(self, session: SessionRecord) -> None:
        """A mock interview's session line was logged (its answers go through add_practice)."""
        self.practice.sessions.append(session)
        self._invalidate()

    def prompts_for(self, story_id: str | None) -> list[FollowupPrompt] | None:
        """The story's follow-up prompts (generated on demand, remembered per file content)."""
        sf = self.story(story_id)
        if sf is None or self.catalog is None:
            return None
        cached = self.prompts.get(sf.id)
        if cached is not None and self._prompt_digests.get(sf.id) == sf.digest:
            return cached
        from storybank.ui import engine

        prompts = engine.followup_prompts(sf.story, self.catalog, self.settings)
        self.prompts[sf.id] = prompts
        self._prompt_digests[sf.id] = sf.digest
        return prompts

    def coverage(self) -> Coverage | None:
        """Coverage of the eight question types (recomputed after any change)."""
        if self.catalog is None or self.bank is None:
            return None
        if self._coverage is None:
            from storybank.ui import engine

            self._coverage = engine.compute_coverage(self.stories, self.reports, self.catalog)
        return self._coverage

    def uncovered(self) -> list[str]:
        """The question types no story is mapped to (`bank.types_without_story`), in catalog order."""
        from storybank.bank import types_without_story

        qids = self.catalog.question_ids() if self.catalog else []
        return types_without_story(qids, (sf.story.questions for sf in self.stories))

    def last_practised(self) -> dict[str, float]:
        if self._last_practised is None:
            self._last_practised = self.practice.last_practised()
        return self._last_practised

    def question_type(self, question_id: str) -> QuestionType:
        """A question type of the loaded catalog, by an id taken from it (KeyError if unknown)."""
        q = self.opened.catalog.question(question_id)
        if q is None:
            raise KeyError(question_id)
        return q

    def label(self, question_id: str) -> str:
        """A question type's one name ("Broke in prod"), from the catalog."""
        if self._labels is None:
            self._labels = {q.id: q.label for q in self.catalog.questions} if self.catalog else {}
        return self._labels.get(question_id, question_id)

    def tag(self, question_id: str) -> str:
        """The same name in a few letters for the list's column ("fail"), from the catalog."""
        from storybank.ui.fmt import short_label

        q = self.catalog.question(question_id) if self.catalog else None
        return q.tag if q is not None and q.tag else short_label(question_id)
