"""Deterministic synthetic banks for the benchmarks: realistic stories, many sizes.

Each story is built from the example bank's stories with its names, numbers and wording varied
by a seeded random generator, so a bank of 5,000 looks like 5,000 different people's work to the
analysis (no two files alike, no cache hits) while staying the same from run to run.

    python benchmarks/generate.py 500 /tmp/bank500
"""

from __future__ import annotations

import random
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "stories"
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne",
             "Tyrell", "Cyberdyne", "Soylent", "Oscorp", "Wonka", "Gringotts", "Monarch", "Aperture"]
SYSTEMS = ["billing", "search", "checkout", "ingestion", "payments", "reporting", "alerting",
           "onboarding", "pricing", "routing", "scheduling", "inventory", "identity", "exports"]


def _vary_numbers(text: str, rng: random.Random) -> str:
    out, digits = [], []
    for ch in text + " ":
        if ch.isdigit():
            digits.append(ch)
            continue
        if digits:
            number = int("".join(digits))
            out.append(str(max(1, int(number * rng.uniform(0.6, 1.6)))))
            digits = []
        out.append(ch)
    return "".join(out[:-1])


def _vary(text: str, rng: random.Random, company: str, system: str) -> str:
    text = _vary_numbers(text, rng)
    for old in ("Lumora Energy", "Lumora", "Tessellate Health", "Tessellate", "Harborline Freight",
                "Harborline"):
        text = text.replace(old, company)
    sentences = text.split(". ")
    if len(sentences) > 3:
        i = rng.randrange(1, len(sentences) - 1)
        sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    return ". ".join(sentences).replace(" the ", f" the {system} ", 1)


def _toml_str(text: str) -> str:
    return '"""\n' + text.replace("\\", "\\\\").replace('"""', '\\"""') + '"""'


def story_text(base: dict, n: int, rng: random.Random) -> str:
    company = rng.choice(COMPANIES)
    system = rng.choice(SYSTEMS)
    lines = ["schema = 1", f'title = "{base["title"][:50]} ({company} #{n})"',
             "questions = [" + ", ".join(f'"{q}"' for q in base["questions"]) + "]",
             f'role = "Engineer, {company}"', f'when = "{rng.randrange(2015, 2026)}"',
             "technologies = [" + ", ".join(f'"{t}"' for t in base.get("technologies", [])) + "]",
             f'ownership = {_toml_str(_vary(base.get("ownership", ""), rng, company, system))}']
    for part in ("situation", "action", "outcome", "reflection"):
        lines.append(f"{part} = {_toml_str(_vary(base.get(part, ''), rng, company, system))}")
    for metric in base.get("metrics", []):
        lines.append("\n[[metrics]]")
        lines.append(f'name = "{metric["name"]}"')
        for key in ("value", "before", "after"):
            if key in metric:
                lines.append(f"{key} = {round(metric[key] * rng.uniform(0.6, 1.6), 2)}")
        if "unit" in metric:
            lines.append(f'unit = "{metric["unit"]}"')
    lines.append("\n[followups]")
    for probe, text in base.get("followups", {}).items():
        lines.append(f"{probe} = {_toml_str(_vary(text, rng, company, system))}")
    return "\n".join(lines) + "\n"


def generate(size: int, target: Path, seed: int = 7) -> Path:
    bases = [tomllib.loads(p.read_text("utf-8")) for p in sorted(EXAMPLES.glob("*.toml"))]
    rng = random.Random(seed * 100_003 + size)
    target.mkdir(parents=True, exist_ok=True)
    for n in range(size):
        base = bases[n % len(bases)]
        (target / f"story-{n:05d}.toml").write_text(story_text(base, n, rng), encoding="utf-8")
    return target


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
