"""The cheat sheet as plain data, built from the stories, an assignment and the catalog.

Every renderer (the built-in templates and a user's own) reads only this model. How much of each
story it holds is set by a `FitLevel`; `LEVELS` runs from the most detailed to the most compact,
and the fitting step (export.fit) picks the first one whose rendering fits one page.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from storybank.bank import types_without_story
from storybank.catalog import Catalog, Probe
from storybank.cues import hook, short_name, short_number, shorten  # noqa: F401  (short_name: moved to cues)
from storybank.cues.story import Cue, story_cues
from storybank.model import PARTS, Story
from storybank.settings import Settings

PART_LETTERS = {part: part[0].upper() for part in PARTS}
FOLLOWUP_CUE_CHARS_MAX = 34   # four follow-ups, labelled, on two lines of the text sheet
PAGE_SIZES = {"letter": "8.5in 11in", "a4": "210mm 297mm"}
PAPER_NAMES = {"letter": "Letter", "a4": "A4"}


@dataclass(frozen=True)
class FitLevel:
    """How much of each story the sheet holds. Lengths are in characters, counts are maxima."""

    index: int
    title_chars: int
    hook_chars: int
    numbers: int
    number_chars: int
    name_chars: int          # metric names next to the numbers; 0 leaves them out
    part_cues: int
    followup_cues: int
    cue_chars: int
    hint_chars: int
    show_question: bool
    font_pt: float
    # The longest follow-up cue; 0 follows `cue_chars` (up to FOLLOWUP_CUE_CHARS_MAX). A fixed
    # width lets the text sheet widen the part cues, one line each, without the follow-up lines
    # growing past the page.
    followup_chars: int = 0

    @property
    def followup_width(self) -> int:
        return self.followup_chars or min(self.cue_chars, FOLLOWUP_CUE_CHARS_MAX)


def _levels() -> tuple[FitLevel, ...]:
    """The levels from data/sheet_levels.toml, numbered from 0 in the order written there."""
    text = resources.files("storybank").joinpath("data/sheet_levels.toml").read_text("utf-8")
    rows = tomllib.loads(text)["level"]
    return tuple(FitLevel(index=i, **row) for i, row in enumerate(rows))


LEVELS = _levels()


@dataclass(frozen=True)
class KeyNumber:
    text: str        # "4.2 s → 1.1 s"
    name: str = ""   # "failed-retry latency", or "" when the level leaves names out


@dataclass(frozen=True)
class PartCues:
    part: str        # "situation"
    letter: str      # "S"
    label: str       # "Situation"
    cues: list[str]
    # The cues that say more than the key numbers (the outcome's may all repeat them: the text
    # sheet, which prints the key numbers on the outcome line, then shows none of them twice).
    beyond_numbers: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FollowupCues:
    probe: str       # probe id, "differently"
    label: str       # the catalog's label, "Differently"
    cues: list[str]
    short: str = ""  # the label where a line is tight, "Diff" (the text sheet)


@dataclass(frozen=True)
class ProbeLine:
    id: str
    label: str
    question: str
    short: str = ""  # the label where a line is tight, "Diff" (the text sheet)


@dataclass(frozen=True)
class SheetEntry:
    number: int                    # 1-based position in the catalog
    id: str                        # question type id
    label: str
    question: str
    gap: bool
    gap_hint: str = ""
    status: str | None = None      # "strong" / "weak" / "missing" when coverage was computed
    story_id: str = ""
    title: str = ""
    hook: str = ""
    numbers: list[KeyNumber] = field(default_factory=list)
    parts: list[PartCues] = field(default_factory=list)
    followups: list[FollowupCues] = field(default_factory=list)
    unprepared: list[str] = field(default_factory=list)   # probe labels with no follow-up written
    due: bool = False              # due for practice today (the practice schedule), when known
    shows: list[str] = field(default_factory=list)        # a posting's requirements it shows (--posting)


@dataclass(frozen=True)
class Sheet:
    title: str
    subtitle: str
    targets: list[str]
    probes: list[ProbeLine]
    reminder: str
    entries: list[SheetEntry]
    paper: str
    level: FitLevel

    @property
    def targets_line(self) -> str:
        return " · ".join(self.targets)

    @property
    def covered(self) -> int:
        return sum(1 for e in self.entries if not e.gap)

    @property
    def gaps(self) -> list[SheetEntry]:
        return [e for e in self.entries if e.gap]

    @property
    def page_size(self) -> str:
        return PAGE_SIZES.get(self.paper, PAGE_SIZES["letter"])

    @property
    def paper_name(self) -> str:
        return PAPER_NAMES.get(self.paper, self.paper)


@dataclass(frozen=True)
class SheetFocus:
    """A sheet for one job posting (`export --posting`): the posting's title, and which of its
    requirements each story shows. The types whose story shows some lead the sheet."""

    title: str
    shows: Mapping[str, Sequence[str]]


def _span(low: float, high: float) -> str:
    if low == high:
        return short_number(low)
    return f"{short_number(low)}–{short_number(high)}"


def time_targets(settings: Settings) -> list[str]:
    """["Answer 60–80 s, never past 90 s", "Follow-ups 30–60 s", "15-minute interview"]."""
    return [
        f"Answer {_span(*settings.answer_seconds)} s, never past {short_number(settings.answer_limit_seconds)} s",
        f"Follow-ups {_span(*settings.followup_seconds)} s",
        f"{short_number(settings.interview_minutes)}-minute interview",
    ]


def short_label(probe: Probe) -> str:
    """The probe's label where a line is tight: the catalog's `short`, else the label's first word."""
    return shorten(probe.short or probe.label.split()[0], 12)


def _known(story: Story, catalog: Catalog) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*story.technologies, *catalog.technologies.known]))


def _story_entry(base: dict[str, Any], story_id: str, story: Story, catalog: Catalog, level: FitLevel) -> SheetEntry:
    """One story's lines: the same cues as the drill card and the spoken check (cues.story), as
    many and as long as the level allows; the cues the user wrote are kept as written."""
    cues = story_cues(story, _known(story, catalog), part_n=level.part_cues, followup_n=level.followup_cues,
                      max_chars=level.cue_chars, numbers=level.numbers, number_chars=level.number_chars,
                      name_chars=level.name_chars, followup_chars=level.followup_width)

    def texts(found: Sequence[Cue]) -> list[str]:
        return [c.text if not c.written else shorten(c.text, max(level.cue_chars, 40)) for c in found]

    numbers = [KeyNumber(c.text if not c.written else shorten(c.text, level.number_chars))
               for c in cues.numbers[: level.numbers]]
    counted = [set(c.values) for c in cues.numbers[: level.numbers]]

    def fresh(found: Sequence[Cue]) -> Sequence[Cue]:
        """Without a suggested cue whose numbers the key numbers already say ("runtime 340 min →
        58" next to "job runtime 340 min → 58 min")."""
        return [c for c in found if c.written or not c.values or not any(set(c.values) <= v for v in counted)]

    def part_cues(p: str) -> PartCues:
        found = cues.part(p)
        beyond = fresh(found) if p == "outcome" else found
        return PartCues(p, PART_LETTERS[p], p.capitalize(), texts((beyond or found)[: level.part_cues]),
                        texts(beyond[: level.part_cues]))

    parts = [part_cues(p) for p in PARTS]
    followups: list[FollowupCues] = []
    unprepared: list[str] = []
    for probe in catalog.probes:
        if story.followup(probe.id).strip():
            followups.append(FollowupCues(probe.id, probe.label, texts(cues.followup(probe.id)[: level.followup_cues]),
                                          short_label(probe)))
        else:
            unprepared.append(probe.label)
    return SheetEntry(
        **base, gap=False, story_id=story_id, title=shorten(story.title, level.title_chars),
        hook=hook(story, level.hook_chars) if level.hook_chars else "",
        numbers=numbers, parts=parts, followups=followups, unprepared=unprepared,
    )


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(value: Any) -> Any:
    """Story data with terminal control characters removed: a cheat sheet printed to a terminal
    must not replay escape sequences (clear screen, window title, clipboard) from a story file."""
    if isinstance(value, str):
        return _CONTROLS.sub("", value)
    if isinstance(value, list):
        return [_printable(v) for v in value]
    if isinstance(value, dict):
        return {k: _printable(v) for k, v in value.items()}
    return value


def printable_story(story: Story) -> Story:
    data = story.to_data()
    clean = _printable(data)
    return story if clean == data else Story.model_validate(clean)


def _lead_with(entries: list[SheetEntry], focus: SheetFocus, level: FitLevel) -> list[SheetEntry]:
    """The entries whose story shows the posting's requirements first (most first), each with
    what it shows; then the rest, in catalog order; numbered in that order."""
    from dataclasses import replace

    def shown(e: SheetEntry) -> list[str]:
        return [shorten(t, level.hint_chars) for t in focus.shows.get(e.story_id, ())][:2] if not e.gap else []

    ordered = sorted(entries, key=lambda e: -len(focus.shows.get(e.story_id, ())) if not e.gap else 0)
    return [replace(e, number=n, shows=shown(e)) for n, e in enumerate(ordered, start=1)]


def build_sheet(
    stories: Mapping[str, Story],
    assignment: Mapping[str, str | None],
    catalog: Catalog,
    settings: Settings,
    level: FitLevel = LEVELS[0],
    *,
    paper: str | None = None,
    statuses: Mapping[str, str] | None = None,
    title: str = "Interview cheat sheet",
    due: Iterable[str] = (),
    focus: SheetFocus | None = None,
) -> Sheet:
    """The sheet for `stories` (id -> Story) with `assignment` (question type id -> story id).

    Every question type of the catalog appears, in catalog order. A type that no story in
    `stories` is mapped to (`bank.types_without_story`, as `coverage` counts) is a gap that shows
    the catalog's `gap_hint`; a type the assignment leaves out although a story is mapped to it
    shows the first such story (it answers another type too).
    """
    entries: list[SheetEntry] = []
    due = set(due)
    uncovered = set(types_without_story(catalog.question_ids(), (s.questions for s in stories.values())))
    for number, q in enumerate(catalog.questions, start=1):
        base: dict[str, Any] = {"number": number, "id": q.id, "label": q.label or q.id,
                "question": q.as_asked if level.show_question else "",
                "status": (statuses or {}).get(q.id), "due": q.id in due}
        story_id = assignment.get(q.id)
        if (story_id is None or story_id not in stories) and q.id not in uncovered:
            story_id = next(sid for sid, s in stories.items() if q.id in s.questions)
        story = stories.get(story_id) if story_id else None
        if story is not None:
            story = printable_story(story)
        if story is None:
            hint = q.gap_hint or q.guidance or "Prepare a story for this question."
            entries.append(SheetEntry(**base, gap=True, gap_hint=shorten(hint, level.hint_chars)))
        else:
            entries.append(_story_entry(base, story_id or "", story, catalog, level))
    if focus is not None:
        entries, title = _lead_with(entries, focus, level), f"{title} for {shorten(focus.title, 60)}"
    probes = [ProbeLine(p.id, shorten(p.label, 24), shorten(p.as_asked, 120), short_label(p)) for p in catalog.probes]
    return Sheet(
        title=title,
        subtitle=shorten(catalog.name, 60),
        targets=time_targets(settings),
        probes=probes,
        reminder=f"Remember the pattern, not a script: {' → '.join(PARTS)}. "
                 "Real numbers, candid tone.",
        entries=entries,
        paper=paper or settings.paper,
        level=level,
    )

