"""A deterministic practice log for a bank: N drills spread over a year, a few mock interviews,
and spoken figures on some answers, so the progress screen and `storybank progress` have a
realistic history to draw. The same bank, N and seed always give the same file.

    python benchmarks/generate_practice.py BANK [N]      # writes BANK/.storybank/practice.jsonl
"""

from __future__ import annotations

import json
import random
import sys
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

START = datetime(2025, 1, 1, tzinfo=UTC)   # a year of practice: 2025-01-01 .. 2025-12-31
DAYS = 365
PROBES = ("differently", "alternatives", "technical", "collaborators")
TYPES = ("project", "failure", "disagreement", "performance", "learning", "motivation", "rubric", "schedule")


def bank_stories(bank: Path) -> dict[str, list[str]]:
    """Story id -> its question types, for every story file of the bank that parses."""
    out = {}
    for path in sorted(bank.glob("*.toml")):
        if path.name.startswith("."):
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        questions = data.get("questions")
        if isinstance(questions, list):
            out[path.stem] = [q for q in questions if isinstance(q, str)]
    return out


def _ts(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def generate_lines(stories: dict[str, list[str]], n: int = 2000, seed: int = 11) -> list[dict]:
    """The log's lines as JSON objects, oldest first: `n` drills (some in sessions) and one
    session line after each session's answers."""
    rng = random.Random(seed)
    by_type = {q: [s for s, qs in stories.items() if q in qs] for q in TYPES}
    # Ordered drill times: n draws over the year, sorted.
    moments = sorted(START + timedelta(seconds=rng.randrange(DAYS * 86400)) for _ in range(n))
    lines: list[dict] = []
    i = 0
    session_no = 0
    while i < len(moments):
        in_session = rng.random() < 0.25 and len(moments) - i >= 6
        size = rng.randint(6, 8) if in_session else 1
        size = min(size, len(moments) - i)
        session = f"gen-{session_no:04d}" if in_session else None
        asked = rng.sample(TYPES, size) if in_session else [rng.choice(TYPES)]
        talk = 0.0
        base = moments[i]
        for k, question in enumerate(asked):
            moment = base + timedelta(seconds=150 * k) if in_session else moments[i]
            candidates = by_type.get(question) or []
            story = rng.choice(candidates) if candidates and rng.random() < 0.92 else None
            # Answers get closer to the window over the year.
            progress = (moment - START).total_seconds() / (DAYS * 86400)
            answer = round(max(8.0, rng.gauss(95 - 25 * progress, 14)), 1)
            followup = round(max(5.0, rng.gauss(55 - 12 * progress, 10)), 1) if rng.random() < 0.9 else None
            line = {"ts": _ts(moment), "story": story, "question": question, "probe": rng.choice(PROBES),
                    "answer_seconds": answer, "followup_seconds": followup,
                    "typed_words": rng.randrange(60, 220) if rng.random() < 0.3 else None}
            if rng.random() < 0.4:
                line["spoken"] = {"wpm": round(rng.gauss(150, 12), 1),
                                  "fillers": {"per_minute": round(max(0.0, rng.gauss(4.5 - 2.5 * progress, 1.2)), 1)}}
            if session:
                line["session"] = session
            talk += answer + (followup or 0.0)
            lines.append(line)
            i += 1
        if session:
            lines.append({"ts": _ts(base + timedelta(seconds=150 * size)), "kind": "interview",
                          "session": session, "questions": asked, "answered": size, "complete": True,
                          "talk_seconds": round(talk, 1)})
            session_no += 1
    return lines


def write_log(bank: Path, n: int = 2000, seed: int = 11) -> Path:
    path = bank / ".storybank" / "practice.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = generate_lines(bank_stories(bank), n, seed)
    path.write_text("".join(json.dumps(line, separators=(", ", ": ")) + "\n" for line in lines),
                    encoding="utf-8")
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    print(write_log(target, count))
