"""The storybank terminal UI: `storybank` opens the bank screen, `storybank drill` the drill.

The app owns the shared state (bank, catalog, reports, practice log). Loading and analysis run in
thread workers that post messages; the handlers here apply them on the main thread and publish
`state_changed`, which the screens subscribe to. No worker touches a widget.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App
from textual.screen import Screen
from textual.signal import Signal
from textual.worker import get_current_worker

from storybank.ui import bindings, engine
from storybank.ui.keygate import KeyGate
from storybank.ui.messages import (
    BankLoaded,
    Change,
    PracticeChanged,
    ReportsReady,
    StateChanged,
    StoriesChanged,
)
from storybank.ui.screen_table import BANK, SCREENS
from storybank.ui.state import BankState, Loaded, load_bank

if TYPE_CHECKING:  # pragma: no cover
    from textual.app import SystemCommand
    from textual.command import Provider
    from textual.dom import DOMNode
    from textual.screen import Screen
    from textual.timer import Timer

    from storybank.analysis.cache import ReportCache
    from storybank.analysis.types import StoryReport
    from storybank.catalog import Catalog
    from storybank.model import Story
    from storybank.settings import Settings
    from storybank.speech.playback import Sink
    from storybank.speech.recorder import AudioSource
    from storybank.ui.practice_queue import PracticeLogged
    from storybank.ui.rowcache import Preview
    from storybank.ui.screens.editor import EditorScreen
    from storybank.ui.screens.export import ExportChoice

# What the analysis workers take: (story id, story, its file's digest).
Items = list[tuple[str, "Story", str]]

BATCH_SECONDS = 0.1
PREVIEW_GRACE = 0.5      # with cached rows on screen, parse the bank after this quiet moment
YIELD_TO_INPUT = 0.3     # background analysis pauses this long after each key or click


def screen_commands() -> type[Provider]:
    """The palette provider, imported when the palette first opens (textual.command is heavy)."""
    from storybank.ui.commands import ScreenCommands

    return ScreenCommands


class StorybankApp(App[int]):
    CSS_PATH = "app.tcss"           # the first frame's rules: shared ones and the bank screen's
    SCREENS_CSS = "screens.tcss"    # the other screens' rules, parsed after the first frame
    TITLE = "storybank"
    BINDINGS = [*bindings.APP]
    COMMANDS = App.COMMANDS | {screen_commands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    def __init__(
        self,
        bank_root: Path | str,
        start: str = "bank",
        *,
        clock: Callable[[], float] | None = None,
        loader: Callable[..., Loaded] = load_bank,
        cursor_blink: bool = True,
        timer_interval: float = 0.2,
        use_preview: bool = True,
        posting: str | None = None,
        tz: tzinfo | None = None,
        audio_source: Callable[[], AudioSource] | None = None,
        speech_sink: Callable[[], Sink] | None = None,
        listen_seconds: float | None = None,
    ) -> None:
        super().__init__()
        self.bank_root = Path(bank_root)
        self.start_screen = start
        self.start_posting = posting  # `interview --posting NAME`: the interview tailored to it
        self.clock: Callable[[], float] = clock or time.time
        self.loader = loader
        self.cursor_blink = cursor_blink
        self.timer_interval = timer_interval
        self.state = BankState(self.bank_root)
        self.state_changed: Signal[StateChanged] = Signal(self, "state-changed")
        self._generation = 0
        self.use_preview = use_preview
        self.last_input = 0.0
        self._load_started = False
        self._shown_once: weakref.WeakSet[Screen[Any]] = weakref.WeakSet()
        self._load_timer: Timer | None = None
        self._after_load: list[Callable[[], None]] = []
        self.tz = tz  # days for the practice schedule: None is the local zone (tests give UTC)
        # Where spoken answers come from: None is the microphone (tests give a recorded clip).
        self.audio_source = audio_source
        # Where the interviewer's voice goes: None is the speakers (tests write it to files).
        self.speech_sink = speech_sink
        # The longest the follow-up waits for a spoken answer's analysis (None: the default;
        # tests on a loaded machine wait longer).
        self.listen_seconds = listen_seconds
        self.voice_notice_shown = False   # "Spoken practice is off" is said once per session
        self.key_gate = KeyGate(self, self._send_key)  # fast keys land where focus shows
        self.export_choice: ExportChoice | None = None   # the export dialog's last choice

    # --- start-up and loading -----------------------------------------------------------------
    #
    # 1. The row cache is read at mount: if every story file is unchanged since last time,
    #    the list shows at once, and the real load waits for a quiet moment (or the first key).
    # 2. The load worker parses the bank file by file (cancellable) and posts BankLoaded.
    # 3. The analysis worker takes reports from the on-disk report cache or the engine, in
    #    batches, pausing while the user types, and finally records the rows for step 1.

    def on_mount(self) -> None:
        # The row cache is read here, before the first paint: a stat per file and one small
        # JSON file, so the list appears in the first frame instead of after a worker round trip.
        preview = self._read_preview() if self.use_preview else None
        if preview is not None:
            self.state.preview = preview
            self.state.practice = preview.practice
        bank = SCREENS[BANK]
        start = SCREENS.get(self.start_screen, bank)
        if not start.alone:
            self.push_screen(bank.make())
        if start is not bank:
            posting = {"posting": self.start_posting} if self.start_posting is not None else {}
            self.open_screen(self.start_screen, **posting)
        if preview is None or not start.from_rows:
            self.start_load()  # the drill needs the stories themselves, not their rows
        elif start is bank:
            self._load_timer = self.set_timer(PREVIEW_GRACE, self.start_load)
        # progress draws from the cached rows and the log alone: the parse waits for a key
        self.call_after_refresh(self.load_screens_css)

    def load_screens_css(self) -> None:
        """Parse the other screens' rules (screens.tcss) once: after the first frame, or before
        the first other screen opens if that comes sooner. Only the new file is parsed; the
        rules already in use stay, and nothing on screen changes (none of these rules match
        the bank screen)."""
        path = Path(__file__).with_name(self.SCREENS_CSS)
        if self.stylesheet.has_source(str(path), ""):
            return
        self.stylesheet.read(path)
        self.stylesheet.parse()

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        # A screen styled by app.tcss alone says so (bank, progress); asking the class, not
        # importing BankScreen for an isinstance check, keeps the bank screen's module off the
        # path of a start on another screen (`storybank progress`).
        if not getattr(screen, "STYLED_BY_APP_CSS", False):
            self.load_screens_css()
        return super().push_screen(screen, *args, **kwargs)

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        # A widget not yet mounted is styled when it is (App._register applies the stylesheet to
        # every new widget). Textual also restyles it at once whenever a class changes, and a
        # constructor sets classes (`compact=True` on an Input or a TextArea), so each of the
        # editor's thirty fields was styled twice, a fifth of the time it took to open a story.
        if node is not self and not node.is_attached:
            return
        # Textual restyles a whole screen each time it comes to the top, the first time too,
        # when every widget on it has just been styled as it mounted: a fifth of the CPU it
        # took to open a story in the editor (93 widgets). Later returns still restyle, since
        # the theme or the size may have changed meanwhile.
        if isinstance(node, Screen) and node.stack_updates == 1 and node not in self._shown_once:
            self._shown_once.add(node)
            return
        super().update_styles(node, animate=animate)

    def _read_preview(self) -> Preview | None:
        from storybank.practice import read_log
        from storybank.ui import rowcache

        # Neither raises: a missing, stale or unreadable cache is None, and an unreadable log
        # is a notice (tests/ui/test_startup.py).
        preview = rowcache.load_preview(self.bank_root)
        if preview is not None:
            preview.practice = read_log(self.bank_root)
        return preview

    def start_load(self) -> None:
        """Parse the bank now (normally after a quiet moment when cached rows are showing)."""
        if self._load_started:
            return
        self._load_started = True
        if self._load_timer is not None:
            self._load_timer.stop()
            self._load_timer = None
        self._load()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)):
            self.last_input = time.monotonic()
            if not self._load_started:
                self.start_load()
        if isinstance(event, events.Key):
            if not event.is_forwarded:
                if not self._exit:      # keys typed after quitting go nowhere
                    await self.key_gate.arrived(event)
                return
            await super().on_event(event)
            self.key_gate.came_back(event)
            return
        await super().on_event(event)

    async def _send_key(self, event: events.Key) -> None:
        await super().on_event(event)

    def reload_bank(self) -> None:
        self.state.loading = True
        self.publish(Change.LOADING)
        self._load_started = True
        self._load()

    @work(thread=True, exclusive=True, group="load", name="load bank")
    def _load(self) -> None:
        from storybank.ui.state import Cancelled

        worker = get_current_worker()
        previewing = self.state.preview is not None

        def cancelled() -> bool:
            # With the cached rows on screen the load can wait while the user types.
            while previewing and time.monotonic() - self.last_input < YIELD_TO_INPUT and not worker.is_cancelled:
                time.sleep(0.05)
            return worker.is_cancelled

        try:
            loaded = self.loader(self.bank_root, cancelled)
        except Cancelled:
            return
        self.post_message(BankLoaded(loaded))
        if loaded.bank is not None and self.use_preview and not worker.is_cancelled:
            self._remember_rows(loaded)

    def _remember_rows(self, loaded: Loaded, reports: dict[str, StoryReport] | None = None) -> None:
        """Record this load's rows for the next start (see rowcache). Right after a load the
        spoken length and readiness are not known yet; the finished analysis records them."""
        from storybank.ui import rowcache

        bank = loaded.bank
        if bank is None:
            return
        reports = reports or {}
        rows = {}
        for sf in bank.stories:
            report = reports.get(sf.id)
            rows[sf.id] = rowcache.CachedRow(sf.id, sf.story.title, tuple(sf.story.questions),
                                             report.answer_seconds if report else None,
                                             report.readiness if report else None)
        rowcache.save(self.bank_root, loaded.stats, rows, bank.errors)  # an unwritable cache: skipped

    def on_bank_loaded(self, message: BankLoaded) -> None:
        self.state.apply(message.loaded)
        self.state.analysing = bool(self.state.stories)
        self.publish(Change.LOADED)
        for notice in self.state.practice.notices:
            self.notify(notice, title="Practice log", severity="warning")
        self.analyse([sf.id for sf in self.state.stories], full=True)
        pending, self._after_load = self._after_load, []
        for action in pending:
            action()

    def analyse(self, story_ids: list[str], full: bool = False) -> None:
        """Analyse these stories in a worker; reports arrive in batches as ReportsReady."""
        state = self.state
        if not state.ready:
            state.analysing = False
            return
        items = [(sid, sf.story, sf.digest) for sid in story_ids if (sf := state.story(sid)) is not None]
        if full:
            self._generation += 1
            loaded = Loaded(state.bank, state.catalog, state.practice, None, dict(state.stats))
            self._analyse_all(items, state.catalog, state.settings, self._generation, loaded)
        elif items:
            loaded = Loaded(state.bank, state.catalog, state.practice, None, dict(state.stats))
            self._analyse_some(items, state.catalog, state.settings, self._generation, loaded,
                               dict(state.reports))

    @work(thread=True, exclusive=True, group="analyse", name="analyse bank")
    def _analyse_all(self, items: Items, catalog: Catalog, settings: Settings, generation: int,
                     loaded: Loaded) -> None:
        cache = engine.report_cache(self.bank_root, catalog, settings)
        reports = self._analyse_items(items, catalog, settings, generation, cache, done_at_end=True)
        if reports is None:
            return  # cancelled (quitting): writing megabytes of cache now would delay the exit
        if cache is not None:  # an unwritable cache folder is skipped inside save()
            cache.save({f"{sid}:{digest}" for sid, _story, digest in items})
        if self.use_preview:
            self._remember_rows(loaded, reports)

    @work(thread=True, group="analyse-some", name="analyse stories")
    def _analyse_some(self, items: Items, catalog: Catalog, settings: Settings, generation: int,
                      loaded: Loaded, known: dict[str, StoryReport]) -> None:
        reports = self._analyse_items(items, catalog, settings, generation, None, done_at_end=False)
        if reports is not None and self.use_preview:
            self._remember_rows(loaded, {**known, **reports})

    def _analyse_items(self, items: Items, catalog: Catalog, settings: Settings, generation: int,
                       cache: ReportCache | None, done_at_end: bool) -> dict[str, StoryReport] | None:
        """Reports for `items`, posted in batches; None if cancelled. Yields to the user's typing."""
        worker = get_current_worker()
        every: dict[str, StoryReport] = {}
        batch: dict[str, StoryReport] = {}
        started = time.monotonic()
        for story_id, story, digest in items:
            while time.monotonic() - self.last_input < YIELD_TO_INPUT and not worker.is_cancelled:
                time.sleep(0.05)
            if worker.is_cancelled:
                return None
            report = cache.get(story_id, digest) if cache is not None else None
            if report is None:
                report = engine.analyze(story, catalog, settings, story_id)
                if cache is not None:
                    cache.put(story_id, digest, report)
            batch[story_id] = every[story_id] = report
            if time.monotonic() - started > BATCH_SECONDS:
                self.post_message(ReportsReady(batch, False, generation))
                batch, started = {}, time.monotonic()
        self.post_message(ReportsReady(batch, done_at_end, generation))
        return every

    def on_reports_ready(self, message: ReportsReady) -> None:
        if message.generation != self._generation:
            return
        self.state.add_reports(message.reports, message.done)
        self.publish(Change.REPORTS, message.reports.keys())

    def publish(self, kind: Change, ids: Iterable[str] = ()) -> None:
        self.state_changed.publish(StateChanged(kind, frozenset(ids)))

    def on_stories_changed(self, message: StoriesChanged) -> None:
        """A screen changed stories through BankState: tell every screen, re-analyse them."""
        self.publish(message.kind, message.ids)
        if message.kind is Change.SAVED:
            self.analyse([sid for sid in message.ids if self.state.story(sid) is not None])

    def on_practice_changed(self, message: PracticeChanged) -> None:
        self.publish(Change.PRACTICE)

    def on_practice_logged(self, message: PracticeLogged) -> None:
        """A drill's or interview's line is on disk (ui/practice_queue.py): the state takes it,
        here rather than on its screen, which may have closed meanwhile."""
        from storybank.practice import SessionRecord

        if message.error:
            self.notify(message.error, severity="error")
            return
        if isinstance(message.record, SessionRecord):
            self.state.add_session(message.record)
        else:
            self.state.add_practice(message.record)
        self.publish(Change.PRACTICE)

    # --- the palette's own commands ------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterator[SystemCommand]:
        """Textual's built-ins, minus the ones storybank has by name (Quit) and with a
        Screenshot that writes where it can (Textual's wrote to a Downloads folder that may not
        exist, failing with a bare "Failed to save screenshot")."""
        from textual.app import SystemCommand

        for command in super().get_system_commands(screen):
            if command.title not in {"Quit", "Screenshot"}:
                yield command
        yield SystemCommand("Screenshot", "Save an SVG picture of this screen next to the bank folder",
                            self.save_picture)

    def save_picture(self) -> None:
        folder = self.state.root.resolve().parent
        name = time.strftime("storybank-%Y%m%d-%H%M%S.svg", time.gmtime(self.clock()))
        try:
            path = Path(self.save_screenshot(name, str(folder)))
        except OSError as exc:
            self.notify(f"No screenshot: {folder} is not writable ({exc.strerror or exc})", severity="error")
            return
        self.notify(f"Screenshot saved to {path}", title="Screenshot")

    # --- navigation ---------------------------------------------------------------------------

    def _can_open(self, retry: Callable[[], None] | None = None) -> bool:
        if self.state.error:
            self.notify(self.state.error, severity="error")
            return False
        if not self.state.ready:
            if retry is not None and not self._after_load:
                self._after_load.append(retry)
                self.start_load()
                self.notify("Still loading the bank: this opens when it is ready.")
            return False
        return True

    def open_screen(self, name: str, **options: Any) -> None:
        """Open the screen `name` of the table (ui/screen_table.py), built with `options` (its
        constructor's keywords); one that needs the bank opens once it is loaded."""
        entry = SCREENS[name]
        if entry.needs_bank and not self._can_open(lambda: self.open_screen(name, **options)):
            return
        self.push_screen(entry.make(**options))

    def action_command_palette(self) -> None:
        """Textual's palette, with page keys that cannot fail before its list is drawn."""
        from textual.command import CommandPalette

        from storybank.ui.palette import Palette

        # (Palette.is_open asks the same, but takes only an App[object].) No fixed id, unlike
        # Textual's own: a palette opened again while the last one is still being removed would
        # share it, and the app would end on DuplicateIds.
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(Palette())

    def action_help(self) -> None:
        from storybank.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def unsaved_editors(self) -> list[EditorScreen]:
        from storybank.ui.screens.editor import EditorScreen

        return [s for s in self.screen_stack if isinstance(s, EditorScreen) and s.dirty]

    async def action_quit(self) -> None:
        editors = self.unsaved_editors()
        if not editors:
            self.exit_keeping_practice()
            return
        from storybank.ui.screens.modals import UnsavedScreen

        editor = editors[-1]

        def decided(choice: str | None) -> None:
            if choice == "discard":
                self.exit_keeping_practice()
            elif choice == "save":
                editor.save(then=self.exit_keeping_practice)

        self.push_screen(UnsavedScreen(editor.display_title, quitting=True), decided)

    def exit_keeping_practice(self) -> None:
        """Exit, after every drill or interview on the stack has written its waiting answers
        (a mock interview left this way ends as if stopped: its answers and session are kept)."""
        from storybank.ui.widgets.answer_timer import TimedAnswers

        for screen in self.screen_stack:
            if isinstance(screen, TimedAnswers):
                screen.before_quit()
        self.exit(0)


def run_app(bank_root: Path, start: str = "bank", posting: str | None = None) -> int:
    """Run the UI on this bank; the exit code is 0, or non-zero if the UI itself failed."""
    from storybank.ui import terminal_keys

    terminal_keys.install()  # escape typed fast before another key is escape, not a `^`
    app = StorybankApp(bank_root, start=start, posting=posting)
    app.run()
    return app.return_code or 0
