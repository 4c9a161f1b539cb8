"""storybank's performance benchmark: whole-process timings as ratios to floors measured in the
same run, so the numbers mean something on a shared, noisy machine.

    python benchmarks/run.py            # every measure, 7 runs each
    python benchmarks/run.py --runs 3 --only help,lint500

Start-up is timed from outside the process, in a real terminal (tmux, see terminal.py): from
asking for the process to the first story title on the screen. A measure and its floor run
interleaved, so a change in the machine's load falls on both.

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
import tomllib
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from terminal import Terminal, TmuxUnavailable  # noqa: E402

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


def once(cmd: list[str], env: dict | None = None) -> float:
    """Wall time of one whole process, output to a pipe."""
    start = time.perf_counter()
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})})
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"benchmark command failed ({result.returncode}): {' '.join(cmd)}\n"
                         f"{result.stderr.decode(errors='replace')[-2000:]}")
    return elapsed


def interleaved(measure: Callable[[], float], floor: Callable[[], float],
                runs: int) -> tuple[float, float]:
    """Medians of a measure and its floor, run alternately (after one warm-up run each), so a
    change in the machine's load while the benchmark runs falls on both."""
    measure(), floor()
    measured: list[float] = []
    floors: list[float] = []
    for n in range(runs):
        first, second = (measure, floor) if n % 2 else (floor, measure)
        a, b = first(), second()
        measured.append(a if first is measure else b)
        floors.append(b if first is measure else a)
    return statistics.median(measured), statistics.median(floors)


def titles(bank: Path) -> list[str]:
    """What to look for on the screen: the start of every story's title (a column may cut it)."""
    return [tomllib.loads(p.read_text(encoding="utf-8"))["title"][:24]
            for p in sorted(bank.glob("*.toml"))]


def probe(name: str, *args: str) -> list[str]:
    return [PY, str(PROBES / f"{name}.py"), *args]


def storybank(*args: str) -> list[str]:
    """The `storybank` command as installed next to this Python (what a user runs)."""
    script = Path(PY).parent / "storybank"
    return [str(script), *args] if script.exists() else [PY, "-m", "storybank", *args]


def compile_bytecode() -> None:
    """Compile storybank's modules first, as installing it does (pip compiles a wheel's modules).
    Run from a checkout with PYTHONDONTWRITEBYTECODE set, every start would compile them again,
    which the floors (Textual, tomllib: compiled at install) never pay: about a tenth of the
    UI's start-up, which no user sees."""
    import compileall
    from importlib.util import find_spec

    spec = find_spec("storybank")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        compileall.compile_dir(folder, quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", default="", help="comma-separated measure names")
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    load_start = os.getloadavg()
    work = Path(tempfile.mkdtemp(prefix="storybank-bench-"))
    compile_bytecode()
    sizes = (50, 500, 1000, 5000) if not only or "posting1000" in only else (50, 500, 5000)
    banks = {n: generate(n, work / f"bank{n}") for n in sizes}
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
    env = {"STORYBANK_CACHE_DIR": str(work / "cache")}  # the report and row caches, private
    terminal: Terminal | None = None
    if any(want(name) for name in ("lint500", "tui500", "progress2000")):
        try:
            terminal = Terminal(width=120, height=40)
        except TmuxUnavailable as exc:
            print(f"{exc}; lint500 is timed with output to a pipe, tui500 only headless",
                  file=sys.stderr)
    try:
        if want("help"):
            value, floor = interleaved(lambda: once(storybank("--help")),
                                       lambda: once([PY, "-c", "pass"]), runs)
            row("help", "storybank --help", value, "python -c pass", floor, 2.5)
        if want("lint500"):
            lint = storybank("lint", "--bank", str(banks[500]))
            toml = probe("toml_floor", str(banks[500]))
            if terminal is not None:
                value, floor = interleaved(lambda: terminal.until_exit(lint, env),
                                           lambda: terminal.until_exit(toml), runs)
                where = "in a 120x40 terminal, until it exits"
            else:
                value, floor = interleaved(lambda: once(lint, env), lambda: once(toml), runs)
                where = "output to a pipe"
            row("lint500", f"lint, 500 stories, {where}", value, "tomllib parse of the same files",
                floor, 3.0)
            no_cache = {**env, "STORYBANK_NO_CACHE": "1"}
            cold = statistics.median(
                terminal.until_exit(lint, no_cache) if terminal is not None else once(lint, no_cache)
                for _ in range(runs))
            row("lint500-cold", "the same, report cache off (informational)", cold,
                "tomllib parse of the same files", floor, None)
        if want("lint5000"):
            lint5000, lint500 = interleaved(
                lambda: once(storybank("lint", "--format", "json", "--bank", str(banks[5000])), env),
                lambda: once(storybank("lint", "--format", "json", "--bank", str(banks[500])), env),
                max(3, runs // 2))
            row("lint5000", "lint --format json, 5,000 stories", lint5000, "the same, 500 stories",
                lint500, 10.0)
        if want("tui500"):
            shown = titles(banks[500])
            if terminal is not None:
                ui = storybank("--bank", str(banks[500]))
                bare = probe("tui_floor", "500", "--terminal")
                value, floor = interleaved(lambda: terminal.first_text(ui, shown, env),
                                           lambda: terminal.first_text(bare, ["Story number 0"]),
                                           runs)
                row("tui500", "storybank UI, 500 stories: start to the first title on screen",
                    value, "bare Textual app: start to its first row", floor, 1.3)
                # A first start: no row cache, no report cache (a fresh cache folder every run).
                cold = statistics.median(
                    terminal.first_text(ui, shown, {"STORYBANK_CACHE_DIR": str(work / f"cold{n}")})
                    for n in range(runs))
                row("tui500-cold", "the same, first start: no caches (informational)", cold,
                    "bare Textual app: start to its first row", floor, None)
            value, floor = interleaved(lambda: once(probe("tui_storybank", str(banks[500])), env),
                                       lambda: once(probe("tui_floor", "500")), runs)
            row("tui500-headless", "headless UI until every row is listed, then exit "
                "(informational)", value, "bare Textual app, headless, until its rows show",
                floor, None)
        if want("progress2000"):
            # The example bank with a generated year of practice (2,000 drills): the progress
            # screen against the bank screen on the same bank, start to first content on screen.
            import shutil

            from generate_practice import write_log

            year = work / "year"
            shutil.copytree(ROOT / "stories", year)
            write_log(year, 2000)
            if terminal is not None:
                progress = probe("tui_progress", str(year), "--terminal")
                bank_ui = storybank("--bank", str(year))
                value, floor = interleaved(lambda: terminal.first_text(progress, ["Answer length"], env),
                                           lambda: terminal.first_text(bank_ui, titles(year), env), runs)
                row("progress2000", "progress screen, 2,000 drills over a year: start to its charts "
                    "on screen", value, "bank screen, same bank: start to the first title", floor, 1.3)
            value, floor = interleaved(lambda: once(probe("tui_progress", str(year)), env),
                                       lambda: once(probe("tui_storybank", str(year)), env), runs)
            row("progress2000-headless", "headless: progress until drawn, then exit"
                + (" (informational)" if terminal is not None else ""), value,
                "headless bank screen until its rows show", floor, None if terminal is not None else 1.3)
    finally:
        if terminal is not None:
            terminal.close()
    if want("posting1000"):
        # One job posting against 1,000 stories, from a fresh process (issue 23): an absolute
        # budget, with `list` of the same bank (the load every command pays) as the floor.
        posting = storybank("posting", str(HERE / "posting.md"), "--bank", str(banks[1000]), "--format", "json")
        listing = storybank("list", "--bank", str(banks[1000]), "--format", "json")
        value, floor = interleaved(lambda: once(posting, env), lambda: once(listing, env), runs)
        row("posting1000", "posting against 1,000 stories, fresh process", value,
            "list of the same 1,000 stories", floor, 1.0, unit="seconds")
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
    if want("card16"):
        out = subprocess.run(probe("report_card", str(ROOT / "stories"), "--runs", str(max(runs, 5))),
                             capture_output=True, text=True)
        if out.returncode:
            raise SystemExit(out.stderr)
        data = json.loads(out.stdout)
        row("card16", "report card after the last of 16 answers (a 15-minute session), each "
            "judged as it came", data["last_seconds"], "budget 1.5 s", None, 1.5, unit="seconds")
        row("card16-all", "the same, all 16 answers judged only at the end (worst case)",
            data["all_seconds"], "budget 1.5 s", None, 1.5, unit="seconds")
    if want("pdf"):
        floor = timed(probe("weasyprint_floor"), runs)
        value = timed(storybank("export", "--bank", str(ROOT / "stories"), "-o", str(work / "sheet.pdf"), "--force"), runs)
        row("pdf", "PDF export of the example bank", value, "WeasyPrint render of a one-line page", floor, 3.0)
    if want("rehearse"):
        rehearse_rows(row, runs, work)
    if want("probe-voice"):
        probe_voice_rows(row, runs)
    if want("probe-voice-ui"):
        probe_voice_ui_rows(row, runs)

    print(f"{'measure':15} {'seconds':>9} {'floor':>9} {'ratio':>7} {'budget':>7}  ok  what / floor")
    for r in rows:
        floor = f"{r['floor_seconds']:.4f}" if r["floor_seconds"] is not None else "-"
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else "-"
        budget = "-" if r["budget"] is None else f"≤{r['budget']:g}" + ("×" if r["unit"] == "ratio" else " s")
        print(f"{r['measure']:15} {r['seconds']:9.4f} {floor:>9} {ratio:>7} {budget:>7}  "
              f"{'✓' if r['ok'] else '✗'}   {r['what']} / {r['floor']}")
    load = os.getloadavg()
    print(f"\nruns {runs}; load average at the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
          f"on {os.cpu_count()} cores; {sys.executable} {sys.version.split()[0]}")
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.json").write_text(json.dumps({"runs": runs, "python": sys.version.split()[0],
                                                     "load_average": load, "cores": os.cpu_count(),
                                                     "load_average_start": load_start,
                                                     "rows": rows}, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {results / 'latest.json'}")
    return 0 if all(r["ok"] for r in rows) else 1


REHEARSE_STORY = "cutting-a-nightly-spark-claims-job-from-5h40m-to-58-minutes"
REHEARSE_CLIP = ROOT / "tests" / "speech" / "fixtures" / "recited.flac"   # 78.7 s of speech


def rehearse_rows(row, runs: int, work: Path) -> None:
    """Spoken practice (SPEC §7): `rehearse --audio` against a bare faster-whisper script on the
    same clip and model; the streaming delay against transcribing the whole clip; peak memory."""
    import shutil

    bank = work / "voice-bank"
    shutil.copytree(ROOT / "stories", bank, dirs_exist_ok=True)
    runs = max(3, min(runs, 5))
    command = storybank("rehearse", REHEARSE_STORY, "--bank", str(bank), "--audio",
                        str(REHEARSE_CLIP), "--format", "json")
    bare = probe("whisper_floor", str(REHEARSE_CLIP))
    floor = timed(bare, runs)
    row("rehearse", "rehearse --audio, 79 s clip", timed(command, runs),
        "bare faster-whisper, same model and clip", floor, 1.3)
    out = subprocess.run(probe("streaming_delay", str(bank), REHEARSE_STORY, str(REHEARSE_CLIP), "1"),
                         capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr)
    stream = json.loads(out.stdout)
    row("rehearse-stream", "streaming: end of audio to finished analysis", stream["delay_seconds"],
        "transcribing and analysing the whole clip at once", stream["whole_seconds"], 0.25)

    def peak(cmd: list[str]) -> float:
        result = subprocess.run(probe("peak_memory", *cmd), capture_output=True, text=True)
        if result.returncode:
            raise SystemExit(result.stderr)
        return json.loads(result.stdout)["peak_mb"]

    # Memory in MB, reported in the seconds column; informational (no budget).
    row("rehearse-mem", "peak memory of rehearse, MB", peak(command), "bare script, MB", peak(bare), None,
        unit="MB")


def _latency_probe(name: str, runs: int) -> dict:
    """Run a hands-free latency probe (probes/NAME.py) for 3 to 5 runs; its JSON result."""
    out = subprocess.run(probe(name, str(max(3, min(runs, 5)))), capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout)


def probe_voice_rows(row, runs: int) -> None:
    """Hands-free (SPEC §8): from the end of an answer's silence to the first sound of the probe,
    with the answer played in real time (probes/probe_latency.py); at most 1.5 s. The time to the
    finished analysis of the answer is informational."""
    result = _latency_probe("probe_latency", runs)
    row("probe-voice", f"end of the answer's silence to the probe's first sound ({result['voice']})",
        result["latency_seconds"], "budget 1.5 s", None, 1.5, unit="seconds")
    row("probe-voice-max", "the same, slowest run", result["latency_max_seconds"], "budget 1.5 s",
        None, 1.5, unit="seconds")
    row("answer-analysed", "end of the answer's silence to its finished analysis",
        result["analysis_seconds"], "informational", None, None, unit="seconds")


def probe_voice_ui_rows(row, runs: int) -> None:
    """The same latency through the drill screen itself (probes/ui_probe_latency.py): the
    silence ends the answer in `AnswerVoice`, the screen picks the probe, `HandsFree` says it."""
    result = _latency_probe("ui_probe_latency", runs)
    row("probe-voice-ui", f"in the drill screen: answer's silence to the probe's sound ({result['voice']})",
        result["latency_seconds"], "budget 1.5 s", None, 1.5, unit="seconds")
    row("probe-voice-ui-max", "the same, slowest run", result["latency_max_seconds"],
        "budget 1.5 s", None, 1.5, unit="seconds")


if __name__ == "__main__":
    raise SystemExit(main())
