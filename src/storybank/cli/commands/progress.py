"""`storybank progress`: what was practised, per question type and story, and what is due today."""

from __future__ import annotations

import sys
import time
from argparse import Namespace
from datetime import date
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from storybank.cli import Context
    from storybank.cli.output import Painter
    from storybank.practice import PracticeLog
    from storybank.progress import Progress


def _when(iso: str | None) -> str:
    return iso[:10] if iso else "never"


def _next(iso: str, today: date) -> str:
    days = (date.fromisoformat(iso) - today).days
    if days <= 0:
        return "today"
    return "tomorrow" if days == 1 else f"in {days} days"


def _today(arg: str | None) -> date:
    """The user's own calendar day, or the day `--today` names."""
    from storybank import scheduler
    from storybank.errors import StorybankError

    if not arg:
        return scheduler.today_in(time.time())
    try:
        return date.fromisoformat(arg)
    except ValueError:
        raise StorybankError(f"--today {arg!r} is not a date: write it as YYYY-MM-DD") from None


def _as_of(log: PracticeLog, today: date) -> None:
    """The log as it stood at the end of `today`."""
    from storybank import scheduler

    log.records = [r for r in log.records if scheduler.day_of(r.ts, None) <= today]
    log.sessions = [s for s in log.sessions if scheduler.day_of(s.ts, None) <= today]


def run(args: Namespace, ctx: Context) -> int:
    from storybank import scheduler
    from storybank.bank import types_without_story
    from storybank.cli.common import errors_json, open_bank, open_catalog, print_load_errors
    from storybank.cli.output import Painter, print_json, use_colour
    from storybank.practice import read_log
    from storybank.progress import progress_data

    today = _today(args.today)
    bank = open_bank(ctx)
    catalog = open_catalog(bank)
    log = read_log(bank.root)
    if args.today:
        _as_of(log, today)
    qids = catalog.question_ids()
    uncovered = set(types_without_story(qids, (sf.story.questions for sf in bank.stories)))
    data = progress_data(log, scheduler.build(log.records, qids, today, tz=None, uncovered=uncovered,
                                              story_ids=[sf.id for sf in bank.stories],
                                              settings=bank.settings))
    if ctx.json:
        print_json({**data.to_json(), "errors": errors_json(bank.errors)})
    else:
        paint = Painter(use_colour())
        labels = {q.id: q.label for q in catalog.questions}
        _print_due(sys.stdout, paint, data, labels)
        _print_types(sys.stdout, paint, data, labels, uncovered)
        _print_stories(sys.stdout, paint, data)
        _print_sessions(sys.stdout, paint, data, practised=bool(log.records))
    for notice in log.notices:
        sys.stderr.write(f"storybank: {notice}\n")
    print_load_errors(bank.errors)
    return 2 if bank.errors else 0


def _print_due(out: TextIO, paint: Painter, data: Progress, labels: dict[str, str]) -> None:
    if data.due:
        names = ", ".join(labels.get(q, q) for q in data.due)
        out.write(f"{paint('Due today', 'bold')} ({data.today.isoformat()}): {names}\n\n")
    else:
        out.write(f"{paint('Nothing due today', 'bold')}: the next question type is due "
                  f"{_next(data.soonest_due(), data.today)}.\n\n")


def _print_types(out: TextIO, paint: Painter, data: Progress, labels: dict[str, str],
                 uncovered: set[str]) -> None:
    from storybank.cli.output import safe

    width = max([len(v) for v in labels.values()] + [13])
    out.write(paint(f"{'question type'.ljust(width + 2)}  {'drills':>6}  {'last':10}  {'next due':12}  "
                    "last answers (s)", "dim") + "\n")
    for t in data.question_types:
        mark = paint("✗", "red") if t.id in uncovered else paint("●", "yellow") if t.due else paint("·", "dim")
        recent = " ".join(f"{v:g}" for v in t.answer_seconds[-5:]) or "—"
        out.write(f"{mark} {safe(labels.get(t.id, t.id)).ljust(width)}  {t.drills:>6}  "
                  f"{_when(t.last):10}  {_next(t.next_due, data.today):12}  {recent}\n")


def _print_stories(out: TextIO, paint: Painter, data: Progress) -> None:
    from storybank.cli.output import safe

    if not data.stories:
        return
    sw = max(len(s.id) for s in data.stories)
    out.write("\n" + paint(f"{'story'.ljust(sw)}  {'drills':>6}  last", "dim") + "\n")
    for s in data.stories:
        rest = paint(f"  resting until {s.rested_until} ({s.recent_uses} tellings this week)",
                     "yellow") if s.rested else ""
        out.write(f"{safe(s.id).ljust(sw)}  {s.drills:>6}  {_when(s.last)}{rest}\n")


def _print_sessions(out: TextIO, paint: Painter, data: Progress, *, practised: bool) -> None:
    sessions = data.sessions
    if sessions:
        done = sum(1 for s in sessions if s.complete)
        last = sessions[-1]
        out.write(f"\n{len(sessions)} mock interview{'s' if len(sessions) != 1 else ''} ({done} finished); "
                  f"the last on {_when(last.ts)}: {last.answered} of {len(last.questions)} "
                  f"questions, {last.talk_seconds / 60:.1f} minutes of talking.\n")
    out.write(paint("\nDrills count every drill, mock-interview answer and `storybank rehearse` "
                    "recording.", "dim") + "\n")
    if not practised:
        out.write("\nNo practice yet: `storybank drill`, `storybank interview` or "
                  "`storybank rehearse ID` starts it.\n")
