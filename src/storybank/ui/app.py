"""The storybank terminal UI: `storybank` opens the bank screen, `storybank drill` the drill.

The app owns the shared state (bank, catalog, reports, practice log). Loading and analysis run in
thread workers that post messages; the handlers here apply them on the main thread and publish
`state_changed`, which the screens subscribe to. No worker touches a widget.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from textual import work
from textual.app import App
from textual.signal import Signal
from textual.worker import get_current_worker

from storybank.ui import bindings, engine
from storybank.ui.commands import ScreenCommands
from storybank.ui.messages import BankLoaded, ReportsReady, StateChanged
from storybank.ui.state import BankState, Loaded, load_bank

BATCH_SECONDS = 0.1


class StorybankApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "storybank"
    BINDINGS = bindings.APP
    COMMANDS = App.COMMANDS | {ScreenCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    def __init__(
        self,
        bank_root: Path | str,
        start: str = "bank",
        *,
        clock: Callable[[], float] | None = None,
        loader: Callable[[Path], Loaded] = load_bank,
        cursor_blink: bool = True,
        timer_interval: float = 0.2,
    ) -> None:
        super().__init__()
        self.bank_root = Path(bank_root)
        self.start_screen = start
        self.clock: Callable[[], float] = clock or time.time
        self.loader = loader
        self.cursor_blink = cursor_blink
        self.timer_interval = timer_interval
        self.state = BankState(self.bank_root)
        self.state_changed: Signal[StateChanged] = Signal(self, "state-changed")
        self._generation = 0

    # --- start-up and loading -----------------------------------------------------------------

    def on_mount(self) -> None:
        from storybank.ui.screens.bank import BankScreen

        self.push_screen(BankScreen())
        if self.start_screen == "drill":
            self.open_drill()
        self._load()

    def reload_bank(self) -> None:
        self.state.loading = True
        self.publish("loading")
        self._load()

    @work(thread=True, exclusive=True, group="load", name="load bank")
    def _load(self) -> None:
        self.post_message(BankLoaded(self.loader(self.bank_root)))

    def on_bank_loaded(self, message: BankLoaded) -> None:
        self.state.apply(message.loaded)
        self.state.analysing = bool(self.state.stories)
        self.publish("loaded")
        for notice in self.state.practice.notices:
            self.notify(notice, title="Practice log", severity="warning")
        self.analyse([sf.id for sf in self.state.stories], full=True)

    def analyse(self, story_ids: list[str], full: bool = False) -> None:
        """Analyse these stories in a worker; reports arrive in batches as ReportsReady."""
        state = self.state
        if not state.ready or not story_ids:
            state.analysing = False
            return
        items = [(sid, sf.story) for sid in story_ids if (sf := state.story(sid)) is not None]
        if full:
            self._generation += 1
            self._analyse_all(items, state.catalog, state.settings, self._generation)
        else:
            self._analyse_some(items, state.catalog, state.settings, self._generation)

    @work(thread=True, exclusive=True, group="analyse", name="analyse bank")
    def _analyse_all(self, items, catalog, settings, generation: int) -> None:
        self._analyse_items(items, catalog, settings, generation, done_at_end=True)

    @work(thread=True, group="analyse-some", name="analyse stories")
    def _analyse_some(self, items, catalog, settings, generation: int) -> None:
        self._analyse_items(items, catalog, settings, generation, done_at_end=False)

    def _analyse_items(self, items, catalog, settings, generation: int, done_at_end: bool) -> None:
        worker = get_current_worker()
        reports, prompts = {}, {}
        started = time.monotonic()
        for story_id, story in items:
            if worker.is_cancelled:
                return
            reports[story_id] = engine.analyze(story, catalog, settings, story_id)
            try:
                prompts[story_id] = engine.followup_prompts(story, catalog, settings)
            except Exception:  # an engine bug hides the prompts, not the story
                prompts[story_id] = []
            if time.monotonic() - started > BATCH_SECONDS:
                self.post_message(ReportsReady(reports, prompts, False, generation))
                reports, prompts, started = {}, {}, time.monotonic()
        self.post_message(ReportsReady(reports, prompts, done_at_end, generation))

    def on_reports_ready(self, message: ReportsReady) -> None:
        if message.generation != self._generation:
            return
        state = self.state
        state.reports.update({k: v for k, v in message.reports.items() if state.story(k) is not None})
        state.prompts.update({k: v for k, v in message.prompts.items() if state.story(k) is not None})
        if message.done:
            state.analysing = False
        state.changed()
        self.publish("reports", message.reports.keys())

    def publish(self, kind: str, ids=()) -> None:
        self.state_changed.publish(StateChanged(kind, frozenset(ids)))

    def story_saved(self, story_id: str) -> None:
        """An editor wrote this story: refresh the lists, then re-analyse it."""
        self.state.reports.pop(story_id, None)
        self.state.changed()
        self.publish("saved", [story_id])
        self.analyse([story_id])

    def practice_logged(self) -> None:
        self.state.changed()
        self.publish("practice")

    # --- navigation ---------------------------------------------------------------------------

    def _can_open(self) -> bool:
        if self.state.error:
            self.notify(self.state.error, severity="error")
            return False
        if not self.state.ready:
            self.notify("The bank is still loading.", severity="warning")
            return False
        return True

    def open_editor(self, story_id: str | None, question: str | None = None) -> None:
        from storybank.ui.screens.editor import EditorScreen

        if self._can_open():
            self.push_screen(EditorScreen(story_id, question=question))

    def open_coverage(self) -> None:
        from storybank.ui.screens.coverage import CoverageScreen

        self.push_screen(CoverageScreen())

    def open_drill(self, question: str | None = None) -> None:
        from storybank.ui.screens.drill import DrillScreen

        self.push_screen(DrillScreen(question=question))

    def open_export(self) -> None:
        from storybank.ui.screens.export import ExportScreen

        if self._can_open():
            self.push_screen(ExportScreen())

    def action_help(self) -> None:
        from storybank.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def unsaved_editors(self) -> list:
        from storybank.ui.screens.editor import EditorScreen

        return [s for s in self.screen_stack if isinstance(s, EditorScreen) and s.dirty]

    async def action_quit(self) -> None:
        editors = self.unsaved_editors()
        if not editors:
            self.exit(0)
            return
        from storybank.ui.screens.modals import UnsavedScreen

        editor = editors[-1]

        def decided(choice: str | None) -> None:
            if choice == "discard":
                self.exit(0)
            elif choice == "save":
                editor.save(then=lambda: self.exit(0))

        self.push_screen(UnsavedScreen(editor.display_title, quitting=True), decided)


def run_app(bank_root: Path, start: str = "bank") -> int:
    app = StorybankApp(bank_root, start=start)
    result = app.run()
    return result if isinstance(result, int) else 0
