"""Trace every blind follow-up verdict (holdout4 ... holdout19) to the answer kind and the template
today's code draws for it (round 17, RESULTS.md; holdout17 and holdout18 added in round 19, holdout19 in round 20, holdout20 and holdout21 in round 21).

    PYTHONPATH=src .venv/bin/python tests/corpus_real/trace_followups.py /tmp/traced.json
    PYTHONPATH=src .venv/bin/python tests/corpus_real/trace_followups.py /tmp/after.json --compare /tmp/before.json

A judged item's place in the 80 drawn names the same (answer, probe) under every round's code:
the list drawn from has one entry per answer and probe, shuffled with seed 22. Where a verdict
file holds no prompt text (holdout4-10), the text is regenerated with the code of that round,
taken from git into a scratch folder. holdout18 was read by two judges: `verdict` is the first's,
`second` the second's (both kept in each row; `--compare` prints both). Spent splits only: the
round's blind set (`measure.HELD_OUT`) is never read.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import re
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

import measure  # noqa: E402

SETS = [f"holdout{k}" for k in range(4, 22)]
# The code each reading was drawn from, where the verdict file does not hold the prompt text.
ROUND_CODE = {"holdout4": {"single": "4c694d9"}, "holdout5": {"before": "8202577", "after": "9c442bf"},
              "holdout6": {"before": "d781625", "after": "03c64b2"},
              "holdout7": {"before": "dccc7cb", "after": "674cf85"},
              "holdout8": {"before": "47a560e", "after": "602f5a9"},
              "holdout9": {"before": "fec4c8d", "after": "1bbcf72"}, "holdout10": {"single": "2f888cf"}}
_DRAW = """
import json, random, sys
sys.path.insert(0, sys.argv[1] + "/tests/corpus_real")
import measure as M
if sys.argv[2] not in M.SPLITS:
    M.SPLITS = (*M.SPLITS, sys.argv[2])
items = [(j.index, p, t) for j in M.judge_answers(sys.argv[2]) for p, t in j.prompts if not p.startswith("type:")]
random.Random(22).shuffle(items)
print(json.dumps(items[:80]))
"""


def drawn_then(split: str, commit: str) -> list[list[Any]]:
    """The 80 (answer index, probe, prompt) drawn from a split by the code of one commit."""
    with tempfile.TemporaryDirectory() as scratch:
        archive = subprocess.run(["git", "archive", commit, "src", "tests/corpus_real"], check=True,
                                 capture_output=True, cwd=HERE.parent.parent).stdout
        subprocess.run(["tar", "-x", "-C", scratch], input=archive, check=True)
        answers = Path(scratch) / "tests/corpus_real" / split / "answers.toml"
        answers.parent.mkdir(parents=True, exist_ok=True)
        if not answers.exists():
            answers.write_bytes((HERE / split / "answers.toml").read_bytes())
        out = subprocess.run([sys.executable, "-c", _DRAW, scratch, split], check=True, capture_output=True,
                             text=True, env={"PYTHONPATH": f"{scratch}/src", "PATH": "/usr/bin:/bin"}).stdout
    return json.loads(out)


def source(probe, story, catalog, profession) -> tuple[str, str, str]:
    """(answer kind, how the wording was chosen, template) for one probe of one answer, in the
    order `followups._probe_text` tries them."""
    from storybank.analysis import followups as f
    from storybank.analysis.signals import software_story
    from storybank.professions import guess_pack, pack_for

    chosen = profession or getattr(story, "profession", None) or ""
    pack = pack_for(chosen) if chosen else guess_pack(f._everything_said(story))
    software = software_story(story, catalog, chosen)
    types = [t for t in (catalog.question(q) for q in dict.fromkeys(story.questions)) if t]
    values = f.story_values(story, catalog)
    said = story.answer_text()
    held = f.answer_holds(said)
    answer = f._Answer(said, bool(types), any(probe.id in t.probes for t in types), held,
                       f._unmet(types, said, held), any("an_example" in t.evidence for t in types),
                       any("an_example" in t.evidence or t.presumes for t in types),
                       any(p in f._MET_BY_MOOD for t in types for p in t.presumes))
    kind = None
    for condition, holds in f._CHECKS.items():
        for owner, wordings, reader in (("type", f._own_wordings(condition, probe, types, said),
                                         replace(answer, tailored=False)),
                                        ("probe", probe.worded_for.get(condition, []), answer)):
            if holds(reader):
                kind = kind or condition
                filled = [w for w in wordings if f.fill([w], values)]
                if filled:
                    return kind, f"{condition}/{owner}", filled[0]
    kind = kind or ("told" if held.event else "none")
    type_plain = [w for t in types for w in t.plain_probes.get(probe.id, [])]
    own = [*([] if software else type_plain), *(w for t in types for w in t.probes.get(probe.id, []))]
    for template in [*own, *pack.probe_templates(probe.id), *probe.templates]:
        if f._PLACEHOLDER.search(template) and not f._ON_THE_WORK.search(template) \
                and f.fill([template], values):
            return kind, "quoting", template
    return kind, "plain", f._plain_text(probe, types, pack, software, [*own, *type_plain], values)


def trace(split: str) -> list[dict[str, Any]]:
    from storybank.catalog import builtin_catalog

    catalog = builtin_catalog()
    items = [(j, probe, prompt) for j in measure.judge_answers(split) for probe, prompt in j.prompts
             if not probe.startswith("type:")]
    random.Random(22).shuffle(items)
    verdicts = tomllib.loads((HERE / split / "askable_verdicts.toml").read_text("utf-8"))["item"]
    key_file = HERE / split / "askable_key.toml"
    key = {r["n"]: r for r in tomllib.loads(key_file.read_text("utf-8"))["item"]} if key_file.exists() else {}
    then = {side: drawn_then(split, commit) for side, commit in ROUND_CODE.get(split, {}).items()}
    rows = []
    for v in verdicts:
        side = key[v["n"]]["code"] if key else v.get("side", "single")
        i = key[v["n"]]["i"] if key else v["n"] - 1
        j, probe_id, today = items[i]
        prompt = v.get("prompt")
        if prompt is None:
            index, probe_then, prompt = then[side][i]
            assert (index, probe_then) == (j.index, probe_id), f"{split} item {v['n']} moved"
        profession = j.answer["field"] if j.answer["field"] in measure.PROFESSIONS else None
        probe = next(p for p in catalog.probes if p.id == probe_id)
        kind, how, template = source(probe, j.story, catalog, profession)
        rows.append({"split": split, "side": side, "i": i, "prompt": prompt, "verdict": v["verdict"],
                     "why": v.get("why", ""), "second": v.get("second"),
                     "second_why": v.get("second_why", ""), "today": today, "probe": probe_id, "kind": kind,
                     "how": how, "template": template})
    return rows


def distinct(rows: list[dict[str, Any]]) -> dict[tuple[str, int, str], dict[str, Any]]:
    """One row per prompt judged: a prompt the same before and after was read once."""
    out: dict[tuple[str, int, str], dict[str, Any]] = {}
    for r in rows:
        out.setdefault((r["split"], r["i"], r["prompt"]), r)
    return out


def _catalog_templates() -> list[tuple[re.Pattern[str], str]]:
    """Today's probe wordings (catalog and profession packs) as patterns, `{...}` matching anything,
    the longest fixed text first."""
    def strings(o: Any):
        if isinstance(o, str):
            yield o
        elif isinstance(o, dict | list):
            for v in (o.values() if isinstance(o, dict) else o):
                yield from strings(v)

    data = HERE.parent.parent / "src/storybank/data"
    found = {t for name in ("catalog", "professions")
             for t in strings(tomllib.loads((data / f"{name}.toml").read_text("utf-8")))
             if t.endswith("?") or (t.endswith(".") and len(t) < 160 and t[:1].isupper())}
    pats = [(re.compile("^" + re.sub(r"\\\{\w+\\\}", ".+?", re.escape(t)) + "$"), t) for t in found]
    return sorted(pats, key=lambda p: -len(re.sub(r"\{\w+\}", "", p[1])))


def tables(judged: dict[tuple[str, int, str], dict[str, Any]]) -> str:
    """The template table and the answer kind x probe table of RESULTS.md's round 17."""
    pats = _catalog_templates()

    def template(r: dict[str, Any]) -> str:
        if r["prompt"] == r["today"]:
            return r["template"]
        return next((t for p, t in pats if p.match(r["prompt"])), "(a wording since retired)")

    lines = ["| template | judged | yes / awkward / no | sets with a not-yes | still drawn: judged, not yes | reasons |",
             "|---|---|---|---|---|---|"]
    for title, key in (("template", template), ("kind x probe", lambda r: f"{r['kind']} x {r['probe']}")):
        groups: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
        for r in judged.values():
            groups[key(r)].append(r)
        rows = []
        for name, rs in groups.items():
            bad = [r for r in rs if r["verdict"] != "yes"]
            still = [r for r in rs if r["prompt"] == r["today"]]
            c = collections.Counter(r["verdict"] for r in rs)
            whys = "; ".join(list(dict.fromkeys(r["why"][:45].replace("|", "/") for r in bad))[:3])
            rows.append((len({r["split"] for r in bad}), len(bad),
                         f"| {name} | {len(rs)} | {c['yes']} / {c['awkward']} / {c['no']} | "
                         f"{len({r['split'] for r in bad})} | {len(still)}, "
                         f"{sum(r['verdict'] != 'yes' for r in still)} | {whys} |"))
        if title != "template":
            lines += ["", f"| {title} " + lines[0][len("| template "):], lines[1]]
        lines += [row for sets, bad, row in sorted(rows, key=lambda x: (-x[0], -x[1])) if bad >= 2]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--compare", help="an earlier trace: print the judged prompts drawn differently")
    parser.add_argument("--tables", action="store_true", help="print the template and kind x probe tables")
    args = parser.parse_args()
    rows = [r for split in SETS for r in trace(split)]
    Path(args.out).write_text(json.dumps(rows, indent=1), "utf-8")
    judged = distinct(rows)
    still = [r for r in judged.values() if r["prompt"] == r["today"]]
    print(f"{len(judged)} distinct judged prompts; {len(still)} still drawn, "
          f"{sum(r['verdict'] == 'yes' for r in still)} of them judged yes")
    if args.tables:
        print(tables(judged))
    if args.compare:
        before = distinct(json.loads(Path(args.compare).read_text("utf-8")))
        for k, r in judged.items():
            if before[k]["today"] != r["today"]:
                second = f"/{r['second']}" if r.get("second") else ""
                print(f"[{k[0]} {r['side']} #{k[1]} judged {r['verdict']}{second}] {r['probe']}: "
                      f"{before[k]['today']}\n    -> {r['today']}   ({r['why']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
