"""`storybank answer [--question TYPE|TEXT] [--story ID] [--probe PROBE --first FILE] [FILE|-]`:
judge an answer given as text, as the interviewer would (README "Judging an answer").

The answer is read from FILE, or from standard input (`-`, or no FILE with input piped in). It is
judged by `storybank.answers.judge`: the story it tells, its parts, findings and scores, the
cues said, whether it sounds recited, and the probe an interviewer would ask next. With `--probe`
the text is the answer to that probe; with `--first` too, it is judged against the first answer:
deeper, or restarted.

Exit 0 when the answer was judged, 2 when it could not be (empty text, an unreadable file, an
unknown story or probe): one line on stderr that says what to do.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from storybank.cli.common import open_bank, open_catalog, print_load_errors
from storybank.cli.output import TONE_COLOUR, Painter, print_json, safe, use_colour
from storybank.errors import StorybankError
from storybank.zones import WORDS, answer_seconds_shown, shown_seconds, verdict_text

if TYPE_CHECKING:
    from argparse import Namespace
    from typing import TextIO

    from storybank.answers.report import AnswerReport, FollowupVerdict
    from storybank.catalog import Catalog
    from storybank.cli import Context
    from storybank.settings import Settings

ZONE_STYLE = {kind: TONE_COLOUR[words.tone] for kind, words in WORDS.items()}
MARK = {"error": ("✗", "red"), "warning": ("!", "yellow"), "info": ("·", "cyan")}


def read_text(source: str | None, what: str = "the answer") -> str:
    """The text of FILE, or of standard input for `-` (or no FILE with input piped in)."""
    if source in (None, "-"):
        if source is None and (sys.stdin is None or sys.stdin.isatty()):
            raise StorybankError(f"give {what} as a file, or pipe it in: storybank answer FILE "
                                 "(or `-` for standard input)")
        try:
            return sys.stdin.read() if sys.stdin is not None else ""
        except (OSError, UnicodeDecodeError) as exc:
            raise StorybankError(f"cannot read {what} from standard input ({exc})") from exc
    from pathlib import Path

    from storybank.atomic import read_regular

    path = Path(source).expanduser()
    try:
        data = read_regular(path)
    except FileNotFoundError:
        raise StorybankError(f"{source}: no such file") from None
    except OSError as exc:
        raise StorybankError(f"{source}: cannot read {what} ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StorybankError(f"{source}: {what} is not UTF-8 text; save it as UTF-8 and try again") \
            from None


def run(args: Namespace, ctx: Context) -> int:
    from storybank.answers.judge import bank_stories, judge_answer

    if args.first and not args.probe:
        raise StorybankError("--first needs --probe: which probe was the follow-up answering?")
    text = read_text(args.file)
    if not text.strip():
        raise StorybankError("the answer is empty: nothing to judge")
    first = read_text(args.first, "the first answer") if args.first else None
    if first is not None and not first.strip():
        raise StorybankError(f"{args.first}: the first answer is empty")
    bank = open_bank(ctx)
    catalog = open_catalog(bank)
    report = judge_answer(text, catalog, bank.settings, bank_stories(bank.stories),
                          question=args.question, story=args.story, probe=args.probe, first=first)
    if ctx.json:
        print_json(report.to_json())
    else:
        _print(report, catalog, bank.settings, args.question)
    print_load_errors(bank.errors)  # stderr: the answer was judged all the same
    return 0


def _wrap(text: str, indent: str = "  ", first: str | None = None) -> str:
    import textwrap

    return textwrap.fill(safe(text), 96, initial_indent=first if first is not None else indent,
                         subsequent_indent=indent) + "\n"


def _print(r: AnswerReport, catalog: Catalog, settings: Settings, given: str | None = None) -> None:
    """The judgement for a person (`r`: an `answers.report.AnswerReport`; `given`: the question
    as given with --question)."""
    paint = Painter(use_colour())
    out = sys.stdout
    _print_head(out, paint, r, catalog, settings, given)
    out.write(paint("\nWhat you said, part by part\n", "bold"))
    for name, text in r.parts.to_json().items():
        out.write(_wrap(text if text.strip() else "(nothing said)", " " * 14, f"  {name:<12}"))
    if r.findings:
        out.write(paint("\nTo change\n", "bold"))
        for f in r.findings:
            symbol, style = MARK.get(str(f.severity), ("!", "yellow"))
            out.write(_wrap(f"{f.code} {f.message}", "      ", f"  {paint(symbol, style)} "))
    if r.followup is not None:
        _print_followup(out, paint, r.followup)
    p = r.next_probe
    out.write(paint("\nThe probe an interviewer would ask next", "bold") + f" ({p.id})\n")
    out.write(_wrap(f"“{p.prompt}”"))
    out.write(paint(_wrap(f"why: {p.reason}"), "dim"))


def _print_head(out: TextIO, paint: Painter, r: AnswerReport, catalog: Catalog, settings: Settings,
                given: str | None = None) -> None:
    """The question, the story told, the time, the scores, the cues and the recital. A question
    given in the user's own words is shown in them, with the type it was read as."""
    if r.question is not None:
        entry = catalog.question(r.question.id) if r.question.kind == "question" \
            else catalog.probe(r.question.id)
        asked = entry.as_asked if entry is not None else r.question.id
        if given and given.strip() and given.strip() != r.question.id:
            asked = " ".join(given.split())
        out.write(f"{paint('question', 'dim')}  {paint(r.question.id, 'bold')}: {safe(asked)}\n")
    elif given and given.strip():
        out.write(f"{paint('question', 'dim')}  {paint('none of the types', 'bold')}: {safe(' '.join(given.split()))}\n")
    told = (f"{paint(safe(r.story.title), 'bold')} ({r.story.id}), {r.story.score:.0f}% sure"
            if r.story is not None else "no story of your bank: judged on its own")
    out.write(f"{paint('you told', 'dim')}  {told}\n")
    window = settings.followup_seconds if r.probe else settings.answer_seconds
    what = f"follow-up ({r.probe})" if r.probe else "answer"
    verdict = verdict_text(r.zone)
    shown = (shown_seconds(r.speaking_seconds, window) if r.probe
             else answer_seconds_shown(r.speaking_seconds, settings))
    out.write(f"{paint('time', 'dim')}      {r.words} words ≈ {shown} s at "
              f"{settings.rate_wpm:g} wpm, {what} window {window[0]:g}–{window[1]:g} s: "
              f"{paint(verdict, ZONE_STYLE[r.zone])}\n")
    scores = "  ".join(f"{k.replace('_', ' ')} {v}" for k, v in r.score_values().items())
    out.write(f"{paint('scores', 'dim')}    {scores}\n")
    if r.cues is not None:
        said, missed = len(r.cues.said), len(r.cues.missed)
        line = f"{said} of {said + missed} said"
        if r.cues.missed:
            line += "; missed: " + ", ".join(r.cues.missed[:8]) + (" …" if missed > 8 else "")
        out.write(_wrap(line, " " * 10, f"{paint('cues', 'dim')}      "))
    if r.recital is not None and r.recital.compared:
        verdict = paint("sounds recited", "yellow") if r.recital.recited else "sounds like you"
        out.write(f"{paint('recital', 'dim')}   {r.recital.share:.0%} of it in long word-for-word "
                  f"runs of the written story: {verdict}\n")


def _print_followup(out: TextIO, paint: Painter, v: FollowupVerdict) -> None:
    verdict = paint("restarted the story", "yellow") if v.restarted else paint("went deeper", "green")
    out.write(paint("\nThe follow-up\n", "bold"))
    out.write(f"  {verdict}: {v.repeated_share:.0%} of its words were in the first answer"
              f"{', and it told the situation again' if v.reopened else ''}\n")
    if v.new_facts:
        out.write(_wrap("new: " + "; ".join(v.new_facts)))
    elif not v.restarted:
        out.write("  it added no new number, name, mechanism, person or lesson\n")
