"""Pieces of an analysis report as Textual Content: scores, findings, follow-ups, timing bars.

Shared by the bank screen's details and the editor's live panel. Story text is always passed as
plain text (never as markup), and colours come from theme variables.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from textual.content import Content

from storybank.analysis.types import DIMENSION_WORDS, DIMENSIONS, SEVERITY_RANK
from storybank.ui import fmt, form_words
from storybank.zones import WORDS, verdict_text, zone, zone_for

if TYPE_CHECKING:  # pragma: no cover
    from storybank.analysis.types import Finding, FollowupPrompt, StoryReport
    from storybank.settings import Settings

STYLE = {"clean": "$success", "warnings": "$warning", "errors": "$error", "pending": "$text-muted"}
MUTED = "$text-muted"
HEADING = "bold $accent"

DIMENSION_LABEL = {name: label for name, (label, _short) in DIMENSION_WORDS.items()}


def lines(parts: Iterable[Content]) -> Content:
    return Content("\n").join(list(parts))


def item(prefix: Content | str, text: Content | str, width: int) -> list[Content]:
    """`prefix` then `text` wrapped to `width`, continuation lines indented under the text."""
    prefix = Content(prefix) if isinstance(prefix, str) else prefix
    text = Content(text) if isinstance(text, str) else text
    indent = prefix.cell_length
    wrapped = text.wrap(max(12, width - indent)) or [Content("")]
    pad = Content(" " * indent)
    return [prefix + wrapped[0], *(pad + line for line in wrapped[1:])]


def heading(text: str) -> Content:
    return Content.styled(text, HEADING)


def readiness_line(report: StoryReport | None, settings: Settings, width: int = 80) -> list[Content]:
    kind = report.readiness if report else None
    symbol, style = fmt.READINESS[kind]
    low, high = settings.answer_seconds
    word = fmt.READINESS_WORD[kind]
    if report is not None:
        counts = report.counts()
        # "! 4 warnings", not "! warnings (4 warnings)"
        tally = [fmt.plural(n, w) for n, w in ((counts["error"], "error"), (counts["warning"], "warning")) if n]
        word = ", ".join(tally) or word
    parts: list[tuple[str, str] | str] = [(f"{symbol} {word}", STYLE[style])]
    if report is not None:
        parts.append(f" · {fmt.answer_seconds(report.answer_seconds, settings)} spoken")
        parts.append((f" (aim {low:g}–{high:g}s)", MUTED))
    return Content.assemble(*parts).wrap(width)


def scores(report: StoryReport | None, width: int = 80, reasons: int | None = None,
           bar: int = 10) -> list[Content]:
    """Each score with its bar and, unless `reasons` limits them (0: none), every reason behind
    it, so the parts shown add up to the number shown."""
    if report is None:
        return [Content.styled("  analysing…", MUTED)]
    out: list[Content] = []
    for name in DIMENSIONS:
        score = report.scores.get(name)
        if score is None:
            continue
        style = "$success" if score.value >= 70 else "$warning" if score.value >= 40 else "$error"
        out.append(Content.assemble(
            f"  {DIMENSION_LABEL.get(name, name):<16}",
            (fmt.score_bar(score.value, bar), style),
            f" {score.value:>3}",
        ))
        if reasons != 0 and score.reasons:
            text = "; ".join(score.reasons if reasons is None else score.reasons[:reasons])
            out.extend(item("    ", Content.styled(text, MUTED), width))
    return out


def sorted_findings(findings: Sequence[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: -SEVERITY_RANK.get(f.severity, 0))


def findings(report: StoryReport | None, width: int = 80, limit: int | None = None) -> list[Content]:
    if report is None:
        return [Content.styled("  analysing…", MUTED)]
    items = sorted_findings(report.findings)
    if not items:
        return [Content.styled("  ✓ nothing to fix", "$success")]
    shown = items if limit is None else items[:limit]
    out: list[Content] = []
    for f in shown:
        symbol, kind = fmt.SEVERITY.get(f.severity, ("·", "pending"))
        prefix = Content.assemble("  ", (symbol, STYLE[kind]), " ")
        where = f" {form_words.field_label(f.field)}" if f.field else ""
        text = Content.assemble((f.code, "bold"), (where, MUTED), "  ", form_words.message(f.message))
        out.extend(item(prefix, text, width))
    if limit is not None and len(items) > limit:
        out.append(Content.styled(f"  … and {len(items) - limit} more", MUTED))
    return out


def followups(prompts: Sequence[FollowupPrompt] | None, width: int = 80) -> list[Content]:
    if prompts is None:
        return [Content.styled("  analysing…", MUTED)]
    if not prompts:
        return [Content.styled("  no follow-ups generated", MUTED)]
    out: list[Content] = []
    for p in prompts:
        if p.prepared:
            mark = Content.styled("  ✓ ", "$success")
            note = Content.styled(f" prepared, {fmt.seconds(p.seconds)}" if p.seconds else " prepared", MUTED)
        else:
            mark = Content.styled("  ✗ ", "$warning")
            note = Content.styled(" not prepared", "$warning")
        out.extend(item(mark, Content(p.prompt) + note, width))
    return out


TONE_STYLE = {"quiet": MUTED, "good": "$success", "warn": "$warning", "bad": "$error"}
ZONE_STYLE = {kind: TONE_STYLE[words.tone] for kind, words in WORDS.items()}


def time_bar(label: str, seconds: float, window: tuple[float, float], limit: float | None,
             width: int = 16, scale: float | None = None, label_width: int = 14) -> Content:
    """`label ██████░░░ 41s ✓`: the bar and the note say the same thing, colour and words."""
    top = scale or (limit or window[1]) * 1.1
    filled = round(min(seconds, top) * width / top) if top else 0
    kind = zone(seconds, window, limit)
    style = ZONE_STYLE[kind]
    note = WORDS[kind].note if seconds else ""
    return Content.assemble(
        f"{label:<{label_width}}",
        ("█" * filled, style), ("░" * (width - filled), MUTED),
        f" {fmt.seconds(seconds):>4} ", (note, style))


def answer_line(report: StoryReport | None, settings: Settings) -> Content:
    if report is None:
        return Content.styled("analysing…", MUTED)
    kind = zone_for(report.answer_seconds, settings, followup=False)
    words = verdict_text(kind, settings.answer_limit_seconds)
    if not report.answer_seconds:
        return Content.assemble(("Answer ", "bold"), ("nothing written yet", MUTED))
    symbol = WORDS[kind].symbol
    return Content.assemble(("Answer ", "bold"), (f"{fmt.answer_seconds(report.answer_seconds, settings)} {symbol} {words}",
                                                  ZONE_STYLE[kind]))


def part_bars(report: StoryReport | None, settings: Settings, width: int = 16) -> list[Content]:
    if report is None:
        return [Content.styled("analysing…", MUTED)]
    out = [answer_line(report, settings)]
    top = settings.answer_limit_seconds * 0.6
    for part, secs in report.part_seconds.items():
        filled = round(min(secs, top) * width / top)
        out.append(Content.assemble(
            f"  {part:<12}", ("█" * filled, "$primary"), ("░" * (width - filled), MUTED), f" {fmt.seconds(secs):>4}"))
    return out


def followup_bars(report: StoryReport | None, settings: Settings, width: int = 16) -> list[Content]:
    if report is None:
        return []
    window = settings.followup_seconds
    return [time_bar(f"  {probe}", secs, window, None, width, scale=window[1] * 1.5, label_width=16)
            for probe, secs in report.followup_seconds.items()]
