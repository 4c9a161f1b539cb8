"""Every screen the app opens by name, in one table: where its class lives (imported when it
first opens, so a start on one screen loads no other screen's module), whether it waits for the
loaded bank, and how a start on it (`storybank drill`, `storybank progress`, …) goes.

A new screen is a row here, its keys in `bindings.py`, and its module; `StorybankApp.open_screen`
opens any of them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from textual.screen import Screen


@dataclass(frozen=True)
class ScreenEntry:
    module: str                 # the module of the screen's class
    cls: str                    # its class name
    needs_bank: bool = False    # it opens once the bank is loaded (asked before: when it is)
    from_rows: bool = False     # it draws from the cached rows: a start on it parses the bank later
    alone: bool = False         # a start on it puts it alone on the stack (no bank screen under it)

    def make(self, **options: Any) -> Screen[Any]:
        """A new screen of this entry, built with `options` (its constructor's keywords)."""
        screen: Screen[Any] = getattr(importlib.import_module(self.module), self.cls)(**options)
        return screen


BANK = "bank"   # the screen every other one opens from, and the default start

SCREENS: dict[str, ScreenEntry] = {
    BANK: ScreenEntry("storybank.ui.screens.bank", "BankScreen", from_rows=True),
    "editor": ScreenEntry("storybank.ui.screens.editor", "EditorScreen", needs_bank=True),
    "coverage": ScreenEntry("storybank.ui.screens.coverage", "CoverageScreen"),
    "drill": ScreenEntry("storybank.ui.screens.drill", "DrillScreen"),
    "interview": ScreenEntry("storybank.ui.screens.interview", "InterviewScreen"),
    # Progress draws from the cached rows and the log alone: the bank screen is built when
    # progress goes back to it, not before progress can draw (see ProgressScreen.action_back).
    "progress": ScreenEntry("storybank.ui.screens.progress", "ProgressScreen", from_rows=True,
                            alone=True),
    "postings": ScreenEntry("storybank.ui.screens.postings", "PostingsScreen", needs_bank=True),
    "which_story": ScreenEntry("storybank.ui.screens.which_story", "WhichStoryScreen", needs_bank=True),
    "export": ScreenEntry("storybank.ui.screens.export", "ExportScreen", needs_bank=True),
}
