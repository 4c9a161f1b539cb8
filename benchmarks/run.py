"""storybank's performance benchmark: whole-process timings as ratios to floors measured in the
same run, so the numbers mean something on a shared, noisy machine.

    python benchmarks/run.py            # every measure, 7 runs each
    python benchmarks/run.py --runs 3 --only help,lint500

Prints a table and writes benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

PY = sys.executable
PROBES = HERE / "probes"


def timed(cmd: list[str], runs: int, env: dict | None = None) -> float:
    """Median wall time of a whole process over `runs` runs (after one warm-up run)."""
    full_env = {**os.environ, **(env or {})}
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=full_env, check=False)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=full_env)
        samples.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            raise SystemExit(f"benchmark command failed ({result.returncode}): {' '.join(cmd)}\n"
                             f"{result.stderr.decode(errors='replace')[-2000:]}")
    return statistics.median(samples)


def timed_pair(first: list[str], second: list[str], runs: int) -> tuple[float, float]:
    """Median wall times of two whole processes run alternately (after one warm-up run each),
    so a load that comes and goes on a shared machine weighs on both the same."""
    for cmd in (first, second):
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for cmd, out in ((first, samples[0]), (second, samples[1])):
            start = time.perf_counter()
            result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            out.append(time.perf_counter() - start)
            if result.returncode not in (0, 1):
                raise SystemExit(f"benchmark command failed ({result.returncode}): {' '.join(cmd)}\n"
                                 f"{result.stderr.decode(errors='replace')[-2000:]}")
    return statistics.median(samples[0]), statistics.median(samples[1])


def probe(name: str, *args: str) -> list[str]:
    return [PY, str(PROBES / f"{name}.py"), *args]


def storybank(*args: str) -> list[str]:
    """The `storybank` command as installed next to this Python (what a user runs)."""
    script = Path(PY).parent / "storybank"
    return [str(script), *args] if script.exists() else [PY, "-m", "storybank", *args]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", default="", help="comma-separated measure names")
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    work = Path(tempfile.mkdtemp(prefix="storybank-bench-"))
    banks = {n: generate(n, work / f"bank{n}") for n in (50, 500, 5000)}
    rows: list[dict] = []

    def row(name, what, value, floor_name, floor, budget, unit="ratio"):
        ratio = value / floor if floor else None
        ok = True if budget is None else (ratio if unit == "ratio" else value) <= budget
        rows.append({"measure": name, "what": what, "seconds": round(value, 4), "floor": floor_name,
                     "floor_seconds": round(floor, 4) if floor else None,
                     "ratio": round(ratio, 2) if ratio is not None else None,
                     "budget": budget, "unit": unit, "ok": ok})

    def want(name):
        return not only or name in only

    runs = args.runs
    if want("help"):
        floor = timed([PY, "-c", "pass"], runs)
        row("help", "storybank --help", timed(storybank("--help"), runs), "python -c pass", floor, 2.5)
    if want("lint500") or want("lint5000"):
        lint500 = timed(storybank("lint", "--format", "json", "--bank", str(banks[500])), runs)
        if want("lint500"):
            floor = timed(probe("toml_floor", str(banks[500])), runs)
            row("lint500", "lint --format json, 500 stories", lint500, "tomllib parse of the same files", floor, 3.0)
            cold = timed(storybank("lint", "--format", "json", "--bank", str(banks[500])), runs,
                         env={"STORYBANK_NO_CACHE": "1"})
            row("lint500-cold", "the same, report cache off (informational)", cold,
                "tomllib parse of the same files", floor, None)
        if want("lint5000"):
            lint5000 = timed(storybank("lint", "--format", "json", "--bank", str(banks[5000])), max(3, runs // 2))
            row("lint5000", "lint, 5,000 stories", lint5000, "lint, 500 stories", lint500, 10.0)
    if want("tui500"):
        floor = timed(probe("tui_floor", "500"), runs)
        value = timed(probe("tui_storybank", str(banks[500])), runs)
        row("tui500", "terminal UI showing 500 stories", value, "bare Textual app, 500-row DataTable", floor, 1.3)
    if want("progress2000"):
        # The example bank with a generated year of practice (2,000 drills): the progress screen
        # against the bank screen on the same bank, both from process start to content shown.
        import shutil

        from generate_practice import write_log

        year = work / "year"
        shutil.copytree(ROOT / "stories", year)
        write_log(year, 2000)
        floor, value = timed_pair(probe("tui_storybank", str(year)), probe("tui_progress", str(year)), runs)
        row("progress2000", "progress screen, 2,000 drills over a year", value,
            "bank screen, same bank", floor, 1.3)
    if want("filter5000"):
        out = subprocess.run(probe("filter_keystroke", str(banks[5000])), capture_output=True, text=True)
        if out.returncode:
            raise SystemExit(out.stderr)
        value = json.loads(out.stdout)["median_seconds"]
        row("filter5000", "one filter keystroke, 5,000 stories", value, "one frame at 60 Hz", 1 / 60, 1.0)
    if want("feedback300"):
        out = subprocess.run(probe("live_feedback", str(ROOT / "stories")), capture_output=True, text=True)
        if out.returncode:
            raise SystemExit(out.stderr)
        value = json.loads(out.stdout)["median_seconds"]
        row("feedback300", "live feedback, 300-word story", value, "budget 50 ms", None, 0.050, unit="seconds")
    if want("pdf"):
        floor = timed(probe("weasyprint_floor"), runs)
        value = timed(storybank("export", "--bank", str(ROOT / "stories"), "-o", str(work / "sheet.pdf")), runs)
        row("pdf", "PDF export of the example bank", value, "WeasyPrint render of a one-line page", floor, 3.0)

    print(f"{'measure':12} {'seconds':>9} {'floor':>9} {'ratio':>7} {'budget':>7}  ok  what / floor")
    for r in rows:
        floor = f"{r['floor_seconds']:.4f}" if r["floor_seconds"] is not None else "-"
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else "-"
        budget = "-" if r["budget"] is None else f"≤{r['budget']:g}" + ("×" if r["unit"] == "ratio" else " s")
        print(f"{r['measure']:12} {r['seconds']:9.4f} {floor:>9} {ratio:>7} {budget:>7}  "
              f"{'✓' if r['ok'] else '✗'}   {r['what']} / {r['floor']}")
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.json").write_text(json.dumps({"runs": runs, "python": sys.version.split()[0],
                                                     "rows": rows}, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {results / 'latest.json'}")
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
