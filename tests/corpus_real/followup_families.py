"""Yes rate per probe template and per anchored / fallback wording over every judged set, each
judge's vote counted (round 21, prompts22): a reading of trace_followups.py's output.

    PYTHONPATH=src .venv/bin/python tests/corpus_real/followup_families.py /tmp/traced.json
"""
from __future__ import annotations

import collections
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import trace_followups as T  # noqa: E402


def main() -> None:
    judged = T.distinct(json.loads(Path(sys.argv[1]).read_text("utf-8")))
    pats = T._catalog_templates()

    def template(r: dict[str, Any]) -> str:
        if r["prompt"] == r["today"]:
            return str(r["template"])
        return next((t for p, t in pats if p.match(r["prompt"])), "(retired)")

    def kind(t: str) -> str:
        return "retired" if t == "(retired)" else ("anchored" if "{" in t else "fallback")

    fam: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    cls: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    per: dict[tuple[str, str], collections.Counter[bool]] = collections.defaultdict(collections.Counter)
    for r in judged.values():
        t = template(r)
        for v in [r["verdict"], *([r["second"]] if r.get("second") else [])]:
            fam[(r["probe"], t)][v] += 1
            cls[kind(t)][v] += 1
            cls[f"{kind(t)} / {r['probe']}"][v] += 1
            per[(r["split"], kind(t))][v == "yes"] += 1
    print("| class | votes | yes | awkward | no | yes % |\n|---|---|---|---|---|---|")
    for k in sorted(cls):
        c, n = cls[k], sum(cls[k].values())
        print(f"| {k} | {n} | {c['yes']} | {c['awkward']} | {c['no']} | {100 * c['yes'] / n:.0f} |")
    print("\n| probe | template | votes | yes | not yes | yes % |\n|---|---|---|---|---|---|")
    for (p, t), c in sorted(fam.items(), key=lambda kv: -(sum(kv[1].values()) - kv[1]["yes"])):
        n = sum(c.values())
        if n - c["yes"] >= 3:
            print(f"| {p} | {t} | {n} | {c['yes']} | {n - c['yes']} | {100 * c['yes'] / n:.0f} |")
    print("\n| set | anchored yes/votes | fallback yes/votes | retired yes/votes |\n|---|---|---|---|")
    for s in T.SETS:
        cells = [f"{per[(s, c)][True]}/{sum(per[(s, c)].values())}" for c in ("anchored", "fallback", "retired")]
        print(f"| {s} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
