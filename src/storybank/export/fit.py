"""Fitting the sheet on one page, by measuring.

`LEVELS` is a fixed sequence from most detailed to most compact. For each format a measure says
whether a rendering fits, and the first fitting level wins:

- txt: the rendered text itself, at most 100 columns and 66 lines (exact).
- pdf: WeasyPrint lays out the HTML; it fits when it is one page.
- html: the same, on a page 7% shorter than the paper, so a browser with other fonts still prints
  one page; without WeasyPrint, a conservative estimate of the laid-out height (`estimate_mm`).
- md: the level the estimate picks for HTML, so every format holds the same one page of content.

Levels shrink monotonically, so the search walks from the estimate's guess: when the guess is
right, two layouts settle it (the guess fits, the level before does not).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from storybank.errors import StorybankError
from storybank.export import pdf
from storybank.export.render import TXT_LINES, TXT_WIDTH, render_template
from storybank.export.sheet import LEVELS, FitLevel, Sheet, SheetEntry
from storybank.export.width import display_width, wrap

HTML_SLACK = 0.93
ESTIMATE_OPTIMISM = 1.15  # the estimate runs 0-30% tall; start the search where WeasyPrint likely lands
PAPER_MM = {"letter": (215.9, 279.4), "a4": (210.0, 297.0)}
MARGIN_MM = (9.0, 8.0)          # left/right, top/bottom: keep in step with cheatsheet.html.j2
PT_MM = 25.4 / 72


@dataclass
class Fitted:
    sheet: Sheet
    fmt: str
    data: bytes
    text: str            # the rendered text (the HTML for pdf)
    level: int
    pages: int | None    # pages measured by WeasyPrint, when it measured
    fits: bool           # False only for a user template that fits at no level


# --- measures ----------------------------------------------------------------------------------


def txt_fits(text: str) -> bool:
    lines = text.rstrip("\n").split("\n")
    return len(lines) <= TXT_LINES and all(display_width(line) <= TXT_WIDTH for line in lines)


def _lines(text: str, chars: float, indent: float = 0.0) -> int:
    if not text:
        return 0
    width = max(8, int(chars))
    return len(wrap(text, width, indent=" " * int(indent)))


def estimate_mm(sheet: Sheet) -> float:
    """A generous estimate of the printed height of the HTML sheet, in millimetres.

    Mirrors cheatsheet.html.j2: a header, then the cards in two columns, each grid row as tall as
    its taller card. Text is wrapped word by word with a character width wider than DejaVu Sans,
    the widest common sans-serif, so the estimate errs on the tall side.
    """
    paper_w, _ = PAPER_MM.get(sheet.paper, PAPER_MM["letter"])
    font = sheet.level.font_pt
    char_mm = 0.62 * font * PT_MM          # average advance, bold included, rounded up
    line_mm = 1.24 * font * PT_MM
    text_w = paper_w - 2 * MARGIN_MM[0]
    # Header: title row, targets, probes (wrapped), reminder; border and spacing.
    full = text_w / char_mm
    probes = "Probes " + " · ".join(f"{p.label}: “{p.question}”" for p in sheet.probes)
    header = (1.7 * line_mm + _lines(sheet.targets_line, full / 1.05) * line_mm
              + _lines(probes, full) * line_mm + _lines(sheet.reminder, full) * line_mm + 6.5)
    card_w = (text_w - 3.0) / 2 - 4.0 - 1.4   # grid gap, padding, borders
    chars = card_w / char_mm
    heights = [_card_mm(e, chars, line_mm) for e in sheet.entries]
    rows = [max(heights[i: i + 2]) + 1.0 for i in range(0, len(heights), 2)]
    return header + sum(rows) + 2.2 * max(0, len(rows) - 1) + 2.0


def _card_mm(entry: SheetEntry, chars: float, line_mm: float) -> float:
    height = 2.7 + 0.86 * line_mm                                 # padding, label row
    if entry.question:
        height += _lines(entry.question, chars / 0.92) * 0.92 * line_mm + 1.0
    if entry.gap:
        return height + 1.12 * line_mm + _lines("Prepare " + entry.gap_hint, chars) * line_mm + 0.6
    height += _lines(entry.title, chars / 1.12) * 1.12 * line_mm
    if entry.hook:
        height += _lines(entry.hook, chars) * line_mm + 0.3
    if entry.numbers:
        nums = " · ".join(f"{n.text} {n.name}".strip() for n in entry.numbers)
        height += _lines(nums, chars) * line_mm + 0.7
    height += 0.7 + sum(_lines(f"{p.letter}  " + " · ".join(p.cues or ["(empty)"]), chars, 2)
                        for p in entry.parts) * line_mm
    if entry.followups or entry.unprepared:
        text = " · ".join(f"{f.label} " + ", ".join(f.cues) for f in entry.followups)
        if entry.unprepared:
            text += " · Not ready: " + ", ".join(entry.unprepared)
        height += _lines(text, chars) * line_mm + 1.4
    return height


def estimate_fits(sheet: Sheet, page_share: float = HTML_SLACK, optimism: float = 1.0) -> bool:
    """Whether the estimated height, divided by `optimism`, fits `page_share` of the page."""
    _, paper_h = PAPER_MM.get(sheet.paper, PAPER_MM["letter"])
    return estimate_mm(sheet) / optimism <= (paper_h - 2 * MARGIN_MM[1]) * page_share


def page_size_with_slack(paper: str) -> str:
    width, height = PAPER_MM.get(paper, PAPER_MM["letter"])
    return f"{width}mm {round(height * HTML_SLACK, 1)}mm"


# --- search ------------------------------------------------------------------------------------


def _first_fitting(fits: Callable[[int], bool], guess: int) -> int | None:
    """The first level index that fits, assuming fitting is monotonic in the level.

    Starts at the estimate's `guess` and walks: up while it does not fit, then down while the
    level before fits too. The estimate is usually right or one level off, so two or three
    layouts settle it.
    """
    last = len(LEVELS) - 1
    index = min(max(guess, 0), last)
    while not fits(index):
        if index == last:
            return None
        index += 1
    while index > 0 and fits(index - 1):
        index -= 1
    return index


TXT_CUE_CHARS_MAX = 44   # two cues of a part on one text line: 6 + 44 + 3 + 44 < 100 columns


def _widest_txt_cues(build: Callable[[FitLevel], Sheet], level: FitLevel, sheet: Sheet, text: str,
                     template: Path | str | None) -> tuple[Sheet, str]:
    """The text sheet is bounded by its 66 lines, not by the width the levels assume for paper:
    at the level that fits, let cues grow while the page still fits, so a cue keeps its words
    ("built online booking for 30-min slots") instead of a cut ("built dock scheduling")."""
    for chars in range(level.cue_chars + 4, TXT_CUE_CHARS_MAX + 1, 4):
        wider = build(replace(level, cue_chars=chars))
        rendered = render_template(wider, "txt", template)
        if not txt_fits(rendered):
            break
        sheet, text = wider, rendered
    return sheet, text


def estimated_level(sheet_at: Callable[[int], Sheet], page_share: float = HTML_SLACK,
                    optimism: float = 1.0) -> int:
    """The first level whose estimated height fits the page (the last level if none).

    With the defaults it is a safe choice for the HTML; with `optimism` > 1 it is a likely
    guess at what WeasyPrint will measure, used to start the search.
    """
    # Fitting is monotonic in the level (each is tighter than the one before), so the first that
    # fits is found by halving: three or four sheets built instead of up to all of them.
    low, high = 0, len(LEVELS) - 1
    if not estimate_fits(sheet_at(LEVELS[high].index), page_share, optimism):
        return LEVELS[-1].index
    while low < high:
        middle = (low + high) // 2
        if estimate_fits(sheet_at(LEVELS[middle].index), page_share, optimism):
            high = middle
        else:
            low = middle + 1
    return LEVELS[low].index


def fit(build: Callable[[FitLevel], Sheet], fmt: str, template: Path | str | None = None) -> Fitted:
    """Render `fmt` at the first level that fits one page; see the module docstring."""
    sheets: dict[int, Sheet] = {}

    def sheet_at(index: int) -> Sheet:
        if index not in sheets:
            sheets[index] = build(LEVELS[index])
        return sheets[index]

    if fmt == "txt":
        rendered: dict[int, str] = {}

        def txt_ok(index: int) -> bool:
            rendered[index] = render_template(sheet_at(index), "txt", template)
            return txt_fits(rendered[index])

        for level in LEVELS:
            if txt_ok(level.index):
                sheet, text = _widest_txt_cues(build, level, sheet_at(level.index), rendered[level.index], template)
                return Fitted(sheet, fmt, text.encode("utf-8"), text, level.index, None, True)
        return _no_fit(sheet_at, fmt, template, rendered[LEVELS[-1].index])

    if fmt == "md" or (fmt == "html" and not pdf.available()):
        safe = estimated_level(sheet_at)
        text = render_template(sheet_at(safe), fmt, template)
        return Fitted(sheet_at(safe), fmt, text.encode("utf-8"), text, safe, None, True)
    share = HTML_SLACK if fmt == "html" else 1.0
    guess = estimated_level(sheet_at, share, ESTIMATE_OPTIMISM)

    docs: dict[int, Any] = {}  # WeasyPrint documents (an untyped library)
    html: dict[int, str] = {}

    def laid_out_ok(index: int) -> bool:
        if index not in docs:
            size = page_size_with_slack(sheet_at(index).paper) if fmt == "html" else None
            html[index] = render_template(sheet_at(index), fmt, template, page_size=size)
            docs[index] = pdf.render(html[index])
        return len(docs[index].pages) == 1

    index = _first_fitting(laid_out_ok, guess)
    if index is None:
        last = LEVELS[-1].index
        return _no_fit(sheet_at, fmt, template, html[last], docs[last])
    sheet = sheet_at(index)
    if fmt == "html":
        text = render_template(sheet, fmt, template)
        return Fitted(sheet, fmt, text.encode("utf-8"), text, index, len(docs[index].pages), True)
    data = docs[index].write_pdf()
    return Fitted(sheet, fmt, data, html[index], index, 1, True)


def _no_fit(sheet_at: Callable[[int], Sheet], fmt: str, template: Path | str | None, text: str,
            doc: Any = None) -> Fitted:
    last = LEVELS[-1].index
    sheet = sheet_at(last)
    if template is None:
        count = len(sheet.entries)
        raise StorybankError(
            f"the cheat sheet does not fit on one page even at its most compact ({count} question "
            "types in the catalog); use a catalog with fewer types or your own --template")
    pages: int | None
    if fmt == "pdf":
        data = doc.write_pdf()
        pages = len(doc.pages)
    else:
        if fmt == "html":
            text = render_template(sheet, fmt, template)
        data = text.encode("utf-8")
        pages = len(doc.pages) if doc is not None else None
    return Fitted(sheet, fmt, data, text, last, pages, False)


__all__ = ["Fitted", "estimate_mm", "estimate_fits", "estimated_level", "fit", "txt_fits"]
