"""Messages that worker threads post back to the main thread."""

from __future__ import annotations

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


class StateChanged:
    """What changed in the app's BankState (published on `StorybankApp.state_changed`)."""

    def __init__(self, kind: str, ids: frozenset[str] = frozenset()) -> None:
        self.kind = kind        # "loaded" | "reports" | "saved" | "practice"
        self.ids = ids

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"StateChanged({self.kind!r}, {sorted(self.ids)!r})"
