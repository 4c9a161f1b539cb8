"""The mock interview's report card as Textual Content: it judges what was said (SPEC §8, §10).

Per answer: the story told (recognised, or as corrected), its times and zones, the four scores of
the answer as given, pace, fillers and the longest pause when spoken, recital, the probe asked and
why, and whether the follow-up went deeper or restarted. Overall: the four dimensions over the
answers given, the talk against the slot with what to cut (issue 21, item 3), a story told twice
or for a type it is not mapped to (item 6), and "Fix these first", each naming its question.

The card itself is core (`storybank.interview.report_card`); this module only draws it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from storybank import interview
from storybank.answers.rounds import deeper_line
from storybank.ui import fmt
from storybank.ui.widgets import report_view as rv
from storybank.zones import Zone

if TYPE_CHECKING:  # pragma: no cover
    from storybank.answers.report import FollowupVerdict
    from storybank.interview import CardRow, ReportCard
    from storybank.speech.report import SpokenReport
    from storybank.ui.screens.interview import InterviewScreen

ZONE_WORD = {"short": "short", "window": "in window", "over": "over window", "limit": "past limit"}
SHORT_NAME = {"specificity": "specificity", "ownership": "ownership",
              "technical_depth": "depth", "compression": "compression"}


def timed(seconds: float | None, zone: str | None) -> Content:
    if seconds is None or zone is None:
        return Content.styled("—", rv.MUTED)
    return Content.styled(f"{round(seconds)}s {ZONE_WORD[zone]}", rv.ZONE_STYLE[Zone(zone)])


def score_style(value: int) -> str:
    return "$success" if value >= 75 else "$warning" if value >= 50 else "$error"


def scores_line(scores: dict[str, int]) -> Content:
    parts = [Content.assemble(f"{SHORT_NAME.get(name, name)} ", (f"{value}", f"bold {score_style(value)}"))
             for name, value in scores.items()]
    return Content("  ·  ").join(parts)


def spoken_text(spoken: SpokenReport) -> str:
    """Pace, fillers and the longest pause of a spoken answer."""
    out = []
    if spoken.wpm:
        out.append(f"{spoken.wpm:.0f} wpm ({spoken.pace})")
    out.append(f"{spoken.fillers.per_minute:.1f} fillers/min")
    if spoken.longest_pause_seconds:
        out.append(f"longest pause {spoken.longest_pause_seconds:.0f}s")
    if spoken.words:
        out.append(f"{spoken.words} words")
    return ", ".join(out)


def summary(screen: InterviewScreen, card: ReportCard) -> Content:
    """The line under "Report card": answered, the talk against the slot, and what to cut."""
    planned = len(screen.ready_plan.questions)
    low, high = card.talk_target
    talk = card.talk_seconds
    style = "$success" if low <= talk <= high else "$warning"
    lines = [Content.assemble(
        (f"{len(card.rows)} of {planned} questions answered", "bold"), "  ·  talk ",
        (f"{fmt.clock(talk)}", style), (f" (aim {low / 60:g}–{high / 60:g} min)", rv.MUTED))]
    advice = interview.talk_advice(card, screen.app.state.settings)
    if advice:
        lines.append(Content.styled(advice, "$warning"))
    if screen.stopped_early:
        lines.append(Content.styled(
            f"You stopped after {len(card.rows)} of {planned} questions. Those answers are kept in "
            "your practice log; the rest were not asked.", "$warning"))
    return Content("\n").join(lines)


def _row_lines(screen: InterviewScreen, i: int, row: CardRow, width: int) -> list[Content]:
    """One answer's block: its head line, then the indented detail lines under it."""
    out = rv.item("", _row_head(screen, i, row), width)
    for detail in _row_details(screen, i, row):
        out.extend(rv.item("    ", detail, width))
    if screen._listening(i):
        out.append(Content.styled("    listening back…", rv.MUTED))
    for line in screen._unheard(i):   # not heard clearly: not judged and not logged
        out.extend(rv.item("    ", Content.styled(line, "$warning"), width))
    return out


def _row_head(screen: InterviewScreen, i: int, row: CardRow) -> Content:
    """The numbered question with the answer's and the follow-up's times and zones."""
    # a catalog of one's own may name a type at length
    label = fmt.clip(screen.app.state.label(row.question), 30)
    return Content.assemble((f"{i + 1:>2}. ", "bold"), (label, "bold $accent"), "  ·  answer ",
                            timed(row.answer_seconds, row.answer_zone), "  ·  follow-up ",
                            timed(row.followup_seconds, row.followup_zone))


def _row_details(screen: InterviewScreen, i: int, row: CardRow) -> list[Content]:
    """The lines under the head, in order; a line is left out when there is nothing to say."""
    lines = [_told_line(screen, i, row)]
    if row.scores:
        lines.append(scores_line(row.scores))
    facts = _delivery_facts(row)
    if facts:
        lines.append(Content.styled(" · ".join(facts), rv.MUTED))
    if row.probe:
        lines.append(_probe_line(screen, i, row.probe))
    verdict = row.restart
    if verdict is not None:
        lines.append(_deeper_line(verdict))
    if row.followup_spoken:
        lines.append(Content.styled("follow-up spoken: " + spoken_text(row.followup_spoken),
                                    rv.MUTED))
    return lines


def _told_line(screen: InterviewScreen, i: int, row: CardRow) -> Content:
    """Which story the answer told, marked when the user corrected the recognition."""
    given = screen.given[i] if i < len(screen.given) else None
    sf = screen.app.state.story(row.story)
    title = (sf.story.title or sf.id) if sf else "none of your stories"
    told = Content.assemble(("you told: ", rv.MUTED), (title, "" if sf else "italic " + rv.MUTED))
    if given is not None and given.corrected:
        told += Content.styled("  (your correction)", rv.MUTED)
    return told


def _delivery_facts(row: CardRow) -> list[str]:
    """How the answer came, spoken (with pace and fillers) or typed, and whether it was recited."""
    facts: list[str] = []
    if row.spoken:
        facts.append("spoken: " + spoken_text(row.spoken))
    elif row.typed:
        facts.append("typed, timed from its words")
    recital = row.recital
    if recital is not None and recital.compared:
        facts.append(f"{'⚠ sounds recited' if recital.recited else 'in your own words'} "
                     f"({recital.share:.0%} word for word)")
    return facts


def _probe_line(screen: InterviewScreen, i: int, probe_id: str) -> Content:
    """The probe asked, with the reason the plan chose it when that plan is still at hand."""
    probe = screen.probes[i] if i < len(screen.probes) else None
    reason = probe.reason if probe is not None and probe.id == probe_id else ""
    return Content.assemble(("probe ", rv.MUTED), (probe_id, "$accent"),
                            (f": {reason}" if reason else "", rv.MUTED))


def _deeper_line(verdict: FollowupVerdict) -> Content:
    """Whether the follow-up went deeper or restarted the story."""
    style = "$warning" if verdict.restarted else "$success"
    mark = "⚠ " if verdict.restarted else "✓ "
    return Content.assemble(("follow-up ", rv.MUTED), (mark + deeper_line(verdict), style))


def card(screen: InterviewScreen, card: ReportCard, width: int) -> Content:
    """The whole card under the summary."""
    state = screen.app.state
    lines: list[Content] = [Content("")]
    for i, row in enumerate(card.rows):
        lines.extend(_row_lines(screen, i, row, width))
    lines.append(Content(""))
    over = "answers given" if card.basis == "answers" else "stories told"
    lines.append(rv.heading(f"The four dimensions ({over})"))
    if card.dimensions:
        lines.extend(rv.item("  ", scores_line(card.dimensions), width))
    else:
        lines.append(Content.styled("  nothing said to judge yet", rv.MUTED))
    notes = interview.story_notes(
        card.rows, {sf.id: list(sf.story.questions) for sf in state.stories},
        {sf.id: sf.story.title or sf.id for sf in state.stories},
        {qid: state.label(qid) for qid in state.opened.catalog.question_ids()})
    if notes:
        lines.append(Content(""))
        lines.append(rv.heading("The stories told"))
        for note in notes:
            lines.extend(rv.item("  • ", Content.styled(note, "$warning"), width))
    lines.append(Content(""))
    lines.append(rv.heading("Fix these first"))
    if card.fixes:
        for n, fix in enumerate(card.fixes, start=1):
            symbol, kind = fmt.SEVERITY.get(fix.severity, ("!", "warnings"))
            prefix = Content.assemble(f"  {n}. ", (symbol, rv.STYLE[kind]), " ")
            label = fmt.clip(state.label(fix.question), 30)
            where = f"Q{fix.number} {label}" if fix.number else label
            text = Content.assemble((where, "bold"), (f" · {fix.what}", rv.MUTED), "  ",
                                    _message(fix.message))
            lines.extend(rv.item(prefix, text, width))
    else:
        lines.append(Content.styled("  nothing flagged in the answers given", rv.MUTED))
    lines.append(Content(""))
    lines.append(Content.styled("o: an answer told another story · escape goes back to the bank; "
                                "p there shows your progress.", rv.MUTED))
    return Content("\n").join(lines)


def _message(text: str) -> str:
    from storybank.ui import form_words

    return form_words.message(text)
