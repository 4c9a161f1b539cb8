"""Practice over time, from the practice log: per question type and per story, the series the
progress charts draw, and what is due today (from `storybank.scheduler`).

`progress_data` returns the `progress` JSON of README "The JSON", with a few added fields (`next_due`,
`interval_days`, `followup_seconds`, `rested`, ...). Series are in time order, one value per drill
that has one; spoken figures come from the optional `spoken` dict a recorded answer carries.
No Textual, no I/O.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import UTC, date, tzinfo
from typing import TYPE_CHECKING, Any

from storybank import scheduler
from storybank.practice import PracticeLog, PracticeRecord, format_ts
from storybank.settings import DEFAULT, Settings

if TYPE_CHECKING:
    from pathlib import Path


def spoken_figure(record: PracticeRecord, name: str) -> float | None:
    """A figure of a recorded answer's spoken report: `wpm` or `fillers_per_minute`; None when
    the answer was not heard. A follow-up rehearsed on its own counts with its figures."""
    spoken = record.spoken or record.followup_spoken
    if spoken is None:
        return None
    if name == "wpm":
        return spoken.wpm or None
    if name == "fillers_per_minute":
        return spoken.fillers.per_minute
    return None


def _series(values: Iterable[float | None]) -> list[float]:
    return [round(v, 1) for v in values if v is not None]


def progress_data(
    log: PracticeLog,
    question_ids: Sequence[str],
    today: date,
    *,
    tz: tzinfo | None = UTC,
    uncovered: Collection[str] = (),
    story_ids: Iterable[str] = (),
    settings: Settings = DEFAULT,
    schedule: scheduler.Schedule | None = None,
) -> dict[str, Any]:
    story_ids = list(story_ids)
    sched = schedule or scheduler.build(log.records, question_ids, today, tz=tz, uncovered=uncovered,
                                        story_ids=story_ids, settings=settings)
    records = sorted(log.records, key=lambda r: r.ts)
    by_type: dict[str, list[PracticeRecord]] = {qid: [] for qid in question_ids}
    for r in records:
        by_type.setdefault(r.question, []).append(r)
    types = []
    for qid in question_ids:
        drills = by_type[qid]
        t = sched.types[qid]
        types.append({
            "id": qid,
            "drills": len(drills),
            "last": format_ts(drills[-1].ts) if drills else None,
            "due": t.is_due(today),
            "next_due": sched.next_due(qid).isoformat(),
            "interval_days": t.interval_days,
            "last_verdict": t.last_verdict,
            "answer_seconds": _series(r.answer_seconds for r in drills),
            "followup_seconds": _series(r.followup_seconds for r in drills),
            "wpm": _series(spoken_figure(r, "wpm") for r in drills),
            "fillers_per_minute": _series(spoken_figure(r, "fillers_per_minute") for r in drills),
        })
    stories = []
    for sid, s in sched.stories.items():
        stories.append({
            "id": sid,
            "drills": s.drills,
            "last": format_ts(s.last) if s.last is not None else None,
            "recent_uses": s.recent_uses,
            "rested": s.is_rested(today),
            "rested_until": s.rested_until.isoformat()
            if s.rested_until is not None and s.is_rested(today) else None,
        })
    sessions = [{"id": s.session, "ts": format_ts(s.ts), "questions": list(s.questions),
                 "answered": s.answered, "complete": s.complete, "talk_seconds": s.talk_seconds}
                for s in sorted(log.sessions, key=lambda s: s.ts)]
    return {"today": today.isoformat(), "question_types": types, "stories": stories,
            "sessions": sessions, "due": sched.due(), "notices": list(log.notices)}


def question_labels(catalog_path: Path | None = None,
                    platform: str = DEFAULT.platform) -> list[tuple[str, str]] | None:
    """The catalog's question ids and labels without validating the catalog (no pydantic), so a
    screen can draw before the bank and its catalog are loaded. None when they cannot be read
    this way; the full load then reports why.

    The built-in catalog (60 KB) is scanned for the `id` and `label` lines that open each
    `[[questions]]` table, which costs a fraction of parsing it whole (a test checks both agree);
    a catalog of the user's own is parsed whole."""
    import tomllib
    from importlib import resources

    try:
        if catalog_path is None:
            data = resources.files("storybank").joinpath("data/catalog.toml").read_bytes()
            quick = _scan_question_labels(data.decode("utf-8-sig"))
            if quick:
                return [(i, lb.replace("{platform}", platform)) for i, lb in quick]
        else:
            from storybank.atomic import read_regular

            data = read_regular(catalog_path)
        raw = tomllib.loads(data.decode("utf-8-sig"))
        out = [(q["id"], q.get("label") or q["id"]) for q in raw["questions"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError, tomllib.TOMLDecodeError):
        return None
    if not out or not all(isinstance(i, str) and isinstance(lb, str) for i, lb in out):
        return None
    return [(i, lb.replace("{platform}", platform)) for i, lb in out]


def _scan_question_labels(text: str) -> list[tuple[str, str]] | None:
    import tomllib

    out: list[tuple[str, str]] = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip() != "[[questions]]":
            continue
        found: dict[str, str] = {}
        for follow in lines[i + 1:]:
            stripped = follow.strip()
            if stripped.startswith("[") or '"""' in follow or "'''" in follow:
                break
            key = stripped.split("=", 1)[0].strip()
            if key in ("id", "label") and key not in found:
                value = tomllib.loads(stripped).get(key)
                if not isinstance(value, str):
                    return None
                found[key] = value
                if len(found) == 2:
                    break
        if "id" not in found:
            return None
        out.append((found["id"], found.get("label") or found["id"]))
    return out or None


def drills_per_day(records: Iterable[PracticeRecord], tz: tzinfo | None = UTC) -> dict[date, int]:
    out: dict[date, int] = {}
    for r in records:
        day = scheduler.day_of(r.ts, tz)
        out[day] = out.get(day, 0) + 1
    return out
