"""The bank's story list: a Line-API widget that stays fast with thousands of stories.

Rows are plain data; filtering only recomputes the list of visible row indices (substring match
for one or two characters, rapidfuzz's partial ratio beyond) and repaints the lines on screen.
Nothing is rebuilt per keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from storybank.ui import bindings, fmt

FUZZY_CUTOFF = 75


@dataclass
class Row:
    id: str
    title: str
    questions: str
    seconds: float | None
    readiness: str | None          # None while the analysis is running
    practised: str                 # already formatted ("today", "3d ago", "—")
    haystack: str                  # lowercased text the filter searches


@dataclass(frozen=True)
class Columns:
    width: int
    symbol: int = 2
    questions: int = 0
    length: int = 6
    practised: int = 0

    @property
    def title(self) -> int:
        used = self.symbol + self.questions + self.length + self.practised
        gaps = sum(1 for w in (self.questions, self.length, self.practised) if w)
        return max(4, self.width - used - gaps)

    @classmethod
    def for_width(cls, width: int, questions: int = 18) -> Columns:
        """The columns at `width`; `questions` is what the widest row's tags need (the title
        gets the rest, so the list uses the width it has)."""
        if width >= 90:
            return cls(width, questions=min(18, questions), practised=9)
        if width >= 54:
            return cls(width, questions=min(12, questions), practised=9)
        if width >= 40:
            return cls(width, questions=min(12, questions))
        return cls(width)


def questions_width(rows: list[Row]) -> int:
    """The questions column's width for these rows: its header, or the widest tags."""
    return max([len("Types"), *(len(r.questions) for r in rows)])


def _fit(text: str, width: int, align: str = "left") -> str:
    if width <= 0:
        return ""
    text = fmt.clip(text, width)  # a cut may end short of the width ("settling…"): pad it too
    pad = " " * (width - cell_len(text))
    return pad + text if align == "right" else text + pad


class StoryListHeader(ScrollView, can_focus=False):
    """The column titles above the list, laid out by the same rules."""

    DEFAULT_CSS = """
    StoryListHeader { height: 1; overflow: hidden hidden; }
    """

    counts: tuple[int, int] = (0, 0)  # (shown, total): set by the screen, drawn in the title column
    questions: int = 18               # the list's questions column width (StoryList.questions_width)

    def set_counts(self, shown: int, total: int, questions: int = 18) -> None:
        if (shown, total, questions) != (*self.counts, self.questions):
            self.counts = (shown, total)
            self.questions = questions
            self.refresh()

    def render_line(self, y: int) -> Strip:
        cols = Columns.for_width(self.size.width, self.questions)
        shown, total = self.counts
        label = f"Story ({total})" if shown == total else f"Story ({shown} of {total})"
        parts = [_fit("", cols.symbol), _fit(label, cols.title)]
        if cols.questions:
            parts.append(" " + _fit("Types", cols.questions))
        parts.append(" " + _fit("Spoken", cols.length, "right"))
        if cols.practised:
            parts.append(" " + _fit("Practised", cols.practised, "right"))
        style = self.rich_style
        return Strip([Segment("".join(parts), style)], self.size.width).adjust_cell_length(self.size.width, style)


class _StoryMessage(Message):
    """A message about one story of a list; `control` is the list, for `@on(..., "#id")`."""

    def __init__(self, story_list: StoryList, story_id: str | None) -> None:
        super().__init__()
        self.story_list = story_list
        self.story_id = story_id

    @property
    def control(self) -> StoryList:
        return self.story_list


class StoryList(ScrollView, can_focus=True):
    """The stories, one a line: readiness symbol, title, question types, spoken length, practised."""

    BINDINGS = [*bindings.STORY_LIST]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "story-list--cursor",
        "story-list--cursor-blurred",
        "story-list--clean",
        "story-list--warnings",
        "story-list--errors",
        "story-list--pending",
        "story-list--dim",
        "story-list--empty",
    }

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(_StoryMessage):
        """The cursor moved to a story (`story_id` None when the list shows none)."""

    class Chosen(_StoryMessage):
        """Enter or a double click on a story."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[Row] = []
        self.questions_width = len("Types")
        self._index: dict[str, int] = {}
        self._visible: list[int] = []
        self._haystacks: list[str] = []
        self._query = ""
        self.empty_text = "No stories yet: press n to write one."
        self._last_highlight: str | None = None

    # --- data ---------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._visible)

    @property
    def total(self) -> int:
        return len(self._rows)

    @property
    def filter_text(self) -> str:
        """The filter in force, as matched (DOMNode.query is Textual's own)."""
        return self._query

    @property
    def selected_id(self) -> str | None:
        if 0 <= self.cursor < len(self._visible):
            return self._rows[self._visible[self.cursor]].id
        return None

    def visible_ids(self) -> list[str]:
        return [self._rows[i].id for i in self._visible]

    def set_rows(self, rows: list[Row], select: str | None = None) -> None:
        """Replace every row, keeping the selection (or moving it to `select`)."""
        keep = select or self.selected_id
        self._rows = rows
        self.questions_width = questions_width(rows)
        self._haystacks = [row.haystack for row in rows]
        self._index = {row.id: i for i, row in enumerate(rows)}
        self._apply_filter(keep)

    def update_rows(self, rows: list[Row]) -> None:
        """Change some rows in place (new analysis results): no re-filtering, one repaint."""
        for row in rows:
            i = self._index.get(row.id)
            if i is not None:
                self._rows[i] = row
                self._haystacks[i] = row.haystack
        self.refresh()

    def filter(self, query: str) -> None:
        query = query.strip().lower()
        if query == self._query:
            return
        self._query = query
        self._apply_filter(self.selected_id)

    def select(self, story_id: str) -> bool:
        i = self._index.get(story_id)
        if i is None or i not in self._visible:
            return False
        self.cursor = self._visible.index(i)
        return True

    def _word_scores(self, word: str) -> dict[int, float]:
        """Row index -> how well `word` matches its haystack (short words must appear as typed)."""
        if len(word) <= 2:
            return {i: 100.0 for i, row in enumerate(self._rows) if word in row.haystack}
        from rapidfuzz import fuzz, process

        hits = process.extract(word, self._haystacks, scorer=fuzz.partial_ratio,
                               processor=None, score_cutoff=FUZZY_CUTOFF, limit=None)
        return {index: score for _text, score, index in hits}

    def _apply_filter(self, keep: str | None) -> None:
        query = self._query
        if not query:
            self._visible = list(range(len(self._rows)))
        else:
            # Every word must match, in any order ("job spark" finds the Spark job); a story
            # ranks by its weakest word.
            scores: dict[int, float] | None = None
            for word in query.split():
                found = self._word_scores(word)
                scores = found if scores is None else {i: min(s, found[i]) for i, s in scores.items() if i in found}
            scores = scores or {}
            self._visible = sorted(scores, key=lambda i: (-scores[i], i))
        self._set_rows_height(len(self._visible))
        position = 0
        if keep is not None and keep in self._index:
            try:
                position = self._visible.index(self._index[keep])
            except ValueError:
                position = 0
        self.cursor = position
        self.refresh()

    # --- cursor -------------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._visible) - 1)) if self._visible else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        story_id = self.selected_id
        if story_id != self._last_highlight:
            self._last_highlight = story_id
            self.post_message(self.Highlighted(self, story_id))

    def _scroll_to_cursor(self) -> None:
        if self._visible and self.is_mounted:
            self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, force=True, x_axis=False)

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(1, self.scrollable_content_region.height - 1)

    def action_jump(self, where: int) -> None:
        self.cursor = 0 if where == 0 else len(self._visible) - 1

    def on_click(self, event: Click) -> None:
        row = event.y + int(self.scroll_offset.y)
        if 0 <= row < len(self._visible):
            self.cursor = row
            if event.chain >= 2:
                self.post_message(self.Chosen(self, self.selected_id))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._visible))
        self._scroll_to_cursor()

    def _set_rows_height(self, rows: int) -> None:
        """New virtual height; a screen layout only when the scrollbar appears or disappears
        (setting `virtual_size` always lays out the whole screen, too slow for a keystroke)."""
        size = Size(self.size.width, rows)
        if size == self.virtual_size:
            return
        height = self.scrollable_content_region.height
        needs_bar = rows > height
        had_bar = self.virtual_size.height > height
        if needs_bar != had_bar or not self.is_mounted or not hasattr(self, "_scroll_update"):
            self.virtual_size = size
            return
        self.set_reactive(StoryList.virtual_size, size)
        self._scroll_update(size)

    # --- painting -----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = y + int(self.scroll_offset.y)
        if not self._visible:
            if y == 0:
                text = self.empty_text if not self._query else f"No story matches “{self._query}”. Escape clears the filter."
                style = self.get_component_rich_style("story-list--empty")
                return Strip([Segment(_fit(" " + text, width), style)], width)
            return Strip.blank(width, base)
        if index >= len(self._visible):
            return Strip.blank(width, base)
        row = self._rows[self._visible[index]]
        style = base
        # Muted colours have alpha: the full component style blends them over the background,
        # which a partial style cannot (they would show white on a light theme).
        dim = self.get_component_rich_style("story-list--dim")
        if index == self.cursor:
            name = "story-list--cursor" if self.has_focus else "story-list--cursor-blurred"
            style = dim = self.get_component_rich_style(name)
        return Strip(self._segments(row, Columns.for_width(width, self.questions_width), style, dim), width)

    def _segments(self, row: Row, cols: Columns, style: Style, dim: Style) -> list[Segment]:
        symbol, kind = fmt.READINESS.get(row.readiness, fmt.READINESS[None])
        symbol_style = style + self.get_component_rich_style(f"story-list--{kind}", partial=True)
        out = [Segment(_fit(symbol, cols.symbol), symbol_style), Segment(_fit(row.title, cols.title), style)]
        if cols.questions:
            out.append(Segment(" " + _fit(row.questions, cols.questions), dim))
        out.append(Segment(" " + _fit(fmt.seconds(row.seconds), cols.length, "right"), style))
        if cols.practised:
            out.append(Segment(" " + _fit(row.practised, cols.practised, "right"), dim))
        return out
