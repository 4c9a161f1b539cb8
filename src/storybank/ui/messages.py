"""Messages that worker threads post back to the main thread."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # pragma: no cover
    from storybank.analysis.types import StoryReport
    from storybank.ui.state import Loaded


class BankLoaded(Message):
    def __init__(self, loaded: Loaded) -> None:
        super().__init__()
        self.loaded = loaded


class ReportsReady(Message):
    """Analysis reports for some stories; `done` when the whole pass is over."""

    def __init__(self, reports: dict[str, StoryReport], done: bool, generation: int) -> None:
        super().__init__()
        self.reports = reports
        self.done = done
        self.generation = generation


class Change(StrEnum):
    """What kind of change a StateChanged announces. (A StrEnum, so code comparing with the
    plain words keeps working.)"""

    LOADING = "loading"    # a reload began: lists show "loading…" until LOADED
    LOADED = "loaded"      # the bank, catalog and practice log were (re)read
    REPORTS = "reports"    # analysis reports arrived for `ids`
    SAVED = "saved"        # stories `ids` were written (created, saved, reloaded from disk)
    DELETED = "deleted"    # stories `ids` left the bank (moved to the trash)
    PRACTICE = "practice"  # the practice log gained a drill or a session


class StateChanged:
    """What changed in the app's BankState (published on `StorybankApp.state_changed`)."""

    def __init__(self, kind: Change, ids: frozenset[str] = frozenset()) -> None:
        self.kind = Change(kind)
        self.ids = ids

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"StateChanged({self.kind.name}, {sorted(self.ids)!r})"


class StoriesChanged(Message):
    """Posted by a screen after it changed stories through BankState: the app re-analyses them
    and tells every screen."""

    def __init__(self, kind: Change, ids: list[str]) -> None:
        super().__init__()
        self.kind = kind
        self.ids = ids


class PracticeChanged(Message):
    """Posted by a screen after it added to the practice log through BankState."""
