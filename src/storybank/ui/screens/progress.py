"""Progress: practice over time as charts (answer length against its window, follow-up length,
pace and fillers per minute when answers were spoken, drills per question type) and a table per
question type and per story with when each was last practised and when it is next due.

The numbers come from `storybank.progress` and `storybank.scheduler` (no Textual there); the
charts are plotext figures drawn by textual-plotext. Series are weekly medians (weeks start on
Monday), so a year of daily practice reads as a trend rather than a cloud of 2,000 dots; each
point is dated by its week's Monday, and the x axis says so. Y axes tick on round numbers (the
window's own bounds among them, so 60–80 reads as 60–80) and counts on whole numbers.
"""

from __future__ import annotations

import math
import statistics
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Header, Static
from textual_plotext import PlotextPlot

from storybank import scheduler
from storybank.bank import types_without_story
from storybank.ui import bindings, fmt
from storybank.ui.messages import StateChanged
from storybank.ui.mounting import ClosesOnce, while_shown
from storybank.ui.widgets import report_view as rv
from storybank.ui.widgets.keys import KeysFooter

if TYPE_CHECKING:  # pragma: no cover
    from storybank.practice import PracticeRecord
    from storybank.progress import Progress
    from storybank.settings import Settings
    from storybank.ui.app import StorybankApp

DATE_FORM = "Y-m-d"


class Source(NamedTuple):
    """What the screen draws from: the question ids, their labels, {story id: (title, question
    ids)} and the settings."""

    qids: list[str]
    labels: dict[str, str]
    stories: dict[str, tuple[str, list[str]]]
    settings: Settings


# A plotext figure (PlotextPlot.plt), as the axis helpers below call it: plotext takes dates as
# strings on a date axis and names the right-hand y axis ("right"), where its own annotations
# say floats for both.
Figure = Any


def _one_week_axis(plt: Figure, week: str) -> None:
    """With one week of practice, the date axis spans the weeks around it: plotext would stretch
    a single date over a century (1963 to 2090)."""
    day = date.fromisoformat(week)
    plt.xlim((day - timedelta(days=14)).isoformat(), (day + timedelta(days=14)).isoformat())


WEEK_LABEL = "weekly median, at the week's Monday"


def nice_ticks(low: float, high: float, marks: tuple[float, ...] = (), count: int = 5,
               whole: bool = False) -> list[float]:
    """Round tick values covering low..high: a step of 1, 2, 2.5 or 5 times a power of ten
    (a whole number when `whole`), about `count` of them, plus `marks` where they fall inside.
    Plotext's own ticks were 49.5 and 82.5, which misread a 60–80 window."""
    span = max(high - low, 1e-9)
    raw = span / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if whole:
        step = max(1, math.ceil(step))
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 0.999:
        ticks.append(round(value, 6))
        value += step
    ticks += [m for m in marks if ticks[0] <= m <= ticks[-1] and m not in ticks]
    return sorted(ticks)


def tick_labels(ticks: list[float]) -> list[str]:
    return [f"{t:g}" for t in ticks]


def weekly(points: list[tuple[date, float]]) -> tuple[list[str], list[float]]:
    """Median per week (weeks start on Monday), oldest first, as plotext date strings."""
    weeks: dict[date, list[float]] = {}
    for day, value in points:
        weeks.setdefault(day - timedelta(days=day.weekday()), []).append(value)
    keys = sorted(weeks)
    return [k.isoformat() for k in keys], [round(statistics.median(weeks[k]), 1) for k in keys]


class ProgressScreen(ClosesOnce[None]):
    BINDINGS = [*bindings.PROGRESS]
    HELP = "Your practice over time, and what is due today."
    STYLED_BY_APP_CSS = True  # a start can open it (`storybank progress`): its rules are in app.tcss

    app: StorybankApp

    def __init__(self) -> None:
        super().__init__()
        self.data: Progress | None = None
        self._drawn = False
        self._drawn_from: tuple[dict[str, str], dict[str, tuple[str, list[str]]]] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="pg-body"):
            yield Static(id="pg-due")
            with Grid(id="pg-charts"):
                yield PlotextPlot(id="pg-answer", classes="pg-chart")
                yield PlotextPlot(id="pg-followup", classes="pg-chart")
                yield PlotextPlot(id="pg-pace", classes="pg-chart")
                yield PlotextPlot(id="pg-types", classes="pg-chart")
            yield Static(id="pg-pace-note")
            yield Static("Question types", classes="pg-heading")
            yield DataTable(id="pg-type-table", cursor_type="row", zebra_stripes=True)
            yield Static("Stories", classes="pg-heading")
            yield DataTable(id="pg-story-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="pg-notices")
        yield KeysFooter()

    @while_shown
    def on_mount(self) -> None:
        self.title = "Progress"
        self.app.state_changed.subscribe(self, self._on_state)
        self.query_one("#pg-due", Static).update(Content.styled("Loading the practice log…", rv.MUTED))
        self._show()

    @while_shown
    def _on_state(self, event: StateChanged) -> None:
        if event.kind in {"loaded", "practice", "saved"} or not self._drawn:
            self._show()

    def label(self, qid: str) -> str:
        return self.labels.get(qid, qid)

    # --- data ---------------------------------------------------------------------------------

    def _source(self) -> Source | None:
        """What the screen draws from, from the loaded bank, or before it loads from the cached
        rows on screen (so `p` draws at once)."""
        state = self.app.state
        if state.catalog is not None:
            labels = {q.id: q.label for q in state.catalog.questions}
            stories = {sf.id: (sf.story.title, list(sf.story.questions)) for sf in state.stories}
            return Source(list(labels), labels, stories, state.settings)
        if state.preview is None:
            return None
        from storybank.errors import StorybankError
        from storybank.progress import question_labels
        from storybank.settings import load_settings

        try:
            settings = load_settings(state.root)
        except (StorybankError, OSError):
            return None  # the full load says what is wrong
        pairs = question_labels(settings.catalog_path(), settings.platform)
        if pairs is None:
            return None
        labels = dict(pairs)
        stories = {row.id: (row.title, list(row.questions)) for row in state.preview.rows}
        return Source(list(labels), labels, stories, settings)

    def _show(self) -> None:
        state = self.app.state
        if state.error:
            self.query_one("#pg-due", Static).update(Content.styled(state.error, "$error"))
            return
        source = self._source()
        if source is None:
            return
        from storybank.progress import progress_data

        qids, self.labels, self.story_info, settings = source
        self.settings = settings
        tz = self.app.tz
        today = scheduler.today_in(self.app.clock(), tz)
        self.uncovered = frozenset(types_without_story(qids, (qs for _title, qs in self.story_info.values())))
        data = progress_data(state.practice, scheduler.build(
            state.practice.records, qids, today, tz=tz, uncovered=self.uncovered,
            story_ids=list(self.story_info), settings=settings))
        if self._drawn and data == self.data and self._drawn_from == (self.labels, self.story_info):
            return  # the bank finished loading behind a screen that already shows the same
        self.data = data
        self._drawn_from = (self.labels, self.story_info)
        self.today = today
        self._due_line()
        self._charts()
        self._tables()
        notices = state.practice.notices
        box = self.query_one("#pg-notices", Static)
        box.display = bool(notices)
        box.update(Content("\n").join(Content.styled(f"! {n}", "$warning") for n in notices))
        self._drawn = True

    def _due_line(self) -> None:
        data = self.data
        if data is None:
            return
        due = data.due
        drills = sum(t.drills for t in data.question_types)
        if due:
            names = ", ".join(self.label(q) for q in due)
            head = Content.assemble(("Due today: ", "bold $warning"), names)
        else:
            soonest = data.soonest_due()
            head = Content.assemble(("Nothing due today", "bold $success"),
                                    f": the next question type comes back {self._when(soonest)}.")
        sessions = data.sessions
        tail = fmt.plural(drills, "drill") + (f", {fmt.plural(len(sessions), 'mock interview')}" if sessions else "")
        rested = [s for s in data.stories if s.rested]
        if rested:
            tail += f"; {len(rested)} stor{'ies' if len(rested) != 1 else 'y'} resting"
        if not drills:
            tail = "No practice yet: d starts a drill on what is due, i on the bank screen a mock interview"
        self.query_one("#pg-due", Static).update(Content("\n").join([head, Content.styled(tail, rv.MUTED)]))

    def _when(self, iso: str) -> str:
        days = (date.fromisoformat(iso) - self.today).days
        if days <= 0:
            return "today"
        return "tomorrow" if days == 1 else f"in {days} days"

    # --- charts -------------------------------------------------------------------------------

    def _records(self) -> list[PracticeRecord]:
        return sorted(self.app.state.practice.records, key=lambda r: r.ts)

    def _charts(self) -> None:
        from storybank.progress import spoken_figure

        settings = self.settings
        tz = self.app.tz
        records = self._records()
        answer = [(scheduler.day_of(r.ts, tz), r.answer_seconds) for r in records if r.answer_seconds is not None]
        follow = [(scheduler.day_of(r.ts, tz), r.followup_seconds) for r in records if r.followup_seconds is not None]
        wpm = [(scheduler.day_of(r.ts, tz), v) for r in records if (v := spoken_figure(r, "wpm")) is not None]
        fillers = [(scheduler.day_of(r.ts, tz), v) for r in records
                   if (v := spoken_figure(r, "fillers_per_minute")) is not None]

        low, high = settings.answer_seconds
        self._line_chart("#pg-answer", f"Answer length, s · window {low:g}–{high:g} · limit "
                         f"{settings.answer_limit_seconds:g}", answer,
                         [(low, "window"), (high, "window"), (settings.answer_limit_seconds, "limit")])
        f_low, f_high = settings.followup_seconds
        self._line_chart("#pg-followup", f"Follow-up length, s · window {f_low:g}–{f_high:g}", follow,
                         [(f_low, "window"), (f_high, "window")])
        pace = self.query_one("#pg-pace", PlotextPlot)
        note = self.query_one("#pg-pace-note", Static)
        if wpm or fillers:
            plt = pace.plt
            plt.clear_figure()
            plt.date_form(DATE_FORM)
            plt.title("Pace, wpm · fillers per minute (right)")
            plt.xlabel(WEEK_LABEL)
            weeks = set()
            if wpm:
                x, y = weekly(wpm)
                weeks.update(x)
                plt.plot(x, y, marker="braille", label="wpm", color="cyan")
                self._round_axis(plt, min(y), max(y))
            if fillers:
                x, y = weekly(fillers)
                weeks.update(x)
                plt.plot(x, y, marker="braille", label="fillers/min", color="magenta", yside="right")
                self._round_axis(plt, 0, max(y), yside="right")
            if len(weeks) == 1:
                _one_week_axis(plt, next(iter(weeks)))
            pace.display = True
            note.display = False
            pace.refresh()
        else:
            pace.display = False
            note.display = True
            note.update(Content.styled(
                "Pace and fillers per minute appear here once you practise out loud with spoken "
                "practice (the voice extra).", rv.MUTED))
        bars = self.query_one("#pg-types", PlotextPlot)
        plt = bars.plt
        plt.clear_figure()
        plt.title("Drills per question type")
        types = self.data.question_types if self.data else ()
        # One colour: with a colour per bar plotext paints the bars' shared baseline in an order
        # that changes from run to run. What is due is in the line above and the table below.
        counts = [t.drills for t in types]
        plt.bar([self.app.state.tag(t.id) for t in types], counts, color="blue", width=0.6)
        ticks = nice_ticks(0, max(counts, default=0) or 1, whole=True)   # no 0.83 of a drill
        plt.yticks(ticks, tick_labels(ticks))
        plt.ylim(0, ticks[-1])
        bars.refresh()

    @staticmethod
    def _round_axis(plt: Figure, low: float, high: float, marks: tuple[float, ...] = (),
                    yside: str | None = None) -> None:
        """Round ticks; with a window to read against, only 0, the window's edges and a round
        top. Plotext keeps one label per row, and at 80×24 the 90 s limit took the 80 s edge's
        row: the limit keeps its red line and its place in the title, not a label."""
        ticks = nice_ticks(low, high)
        if marks:
            ticks = sorted({0, *marks, nice_ticks(low, high, count=8)[-1]})
        plt.yticks(ticks, tick_labels(ticks), yside=yside)
        plt.ylim(ticks[0], ticks[-1], yside=yside)

    def _line_chart(self, selector: str, title: str, points: list[tuple[date, float]],
                    lines: list[tuple[float, str]]) -> None:
        widget = self.query_one(selector, PlotextPlot)
        plt = widget.plt
        plt.clear_figure()
        plt.date_form(DATE_FORM)
        plt.title(title)
        if points:
            plt.xlabel(WEEK_LABEL)
            x, y = weekly(points)
            for value, kind in lines:
                plt.horizontal_line(value, color="green" if kind == "window" else "red")
            if len(x) == 1:
                plt.scatter(x, y, marker="dot", color="cyan")
                _one_week_axis(plt, x[0])
            else:
                plt.plot(x, y, marker="braille", color="cyan")
            window = tuple(v for v, kind in lines if kind == "window")
            top = max(max(y), *(v for v, _ in lines)) * 1.05
            self._round_axis(plt, 0, top, window)
        else:
            plt.text("no drills yet", 0.5, 0.5, alignment="center")
            plt.xlim(0, 1)
            plt.ylim(0, 1)
        widget.refresh()

    # --- tables -------------------------------------------------------------------------------

    def _tables(self) -> None:
        table = self.query_one("#pg-type-table", DataTable)
        table.clear(columns=True)
        table.add_columns("question type", "drills", "last", "next due", "every", "last answer")
        data = self.data
        if data is None:
            return
        for t in data.question_types:
            label = self.label(t.id)
            # Symbols, not colour alone: ✗ no story for it, ● due today.
            mark = "✗" if t.id in self.uncovered else "●" if t.due else " "
            label_cell = f"{mark} {label}"
            last = t.last[:10] if t.last else "never"
            nxt = self._when(t.next_due)
            every = f"{t.interval_days}d" if t.interval_days else "—"
            answer = f"{t.answer_seconds[-1]:g}s" if t.answer_seconds else "—"
            table.add_row(label_cell, t.drills, last, nxt, every, answer, key=t.id)
        stories = self.query_one("#pg-story-table", DataTable)
        stories.clear(columns=True)
        stories.add_columns("story", "drills", "last", "rest")
        width = max(20, self.size.width - 40) if self.size.width else 40
        for s in data.stories:
            title = fmt.clip(self.story_info.get(s.id, ("", []))[0] or s.id, width)
            rest = f"resting until {s.rested_until}" if s.rested else \
                f"{s.recent_uses} this week" if s.recent_uses else "—"
            stories.add_row(title, s.drills, s.last[:10] if s.last else "never", rest, key=s.id)

    # --- actions ------------------------------------------------------------------------------

    def action_drill(self) -> None:
        due = self.data.due if self.data else ()
        self.app.open_screen("drill", question=due[0] if due else None)

    def action_back(self) -> None:
        if len(self.app.screen_stack) <= 2:  # opened by `storybank` on progress: go to the bank
            from storybank.ui.screens.bank import BankScreen

            self.app.switch_screen(BankScreen())
            return
        self.dismiss()
