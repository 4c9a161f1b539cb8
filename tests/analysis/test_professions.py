"""The coach judged across professions (issue 12, README "Every profession"), with no profession set.

tests/corpus_professions/ was written blind to the rules by another helper: strong stories in nine
fields and one-flaw weak twins, in parts (`tuning/`, `holdout/`, ...), each a folder with its own
labels.toml. Every part present is measured.

`tuning/` was used while tuning. `holdout/` was measured once, blind, at commit 634f111; its
misses were then written into this file, so from the session that fixed them (prof12) it is
tuning material too and no longer an honest held-out estimate. A part measured blind for the
first time (such as `holdout2/`) has its misses recorded in EXPECTED_MISSES as strict xfails with
their reason, rather than being fitted away. Run with -s to print the per-profession table.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

from storybank.analysis.engine import analyze
from storybank.bank import StoryFile, read_story_file
from storybank.catalog import builtin_catalog
from storybank.settings import Settings

ROOT = Path(__file__).resolve().parents[1] / "corpus_professions"
# Every part present: tuning first, then the others in name order.
PARTS = tuple(sorted((p.parent.name for p in ROOT.glob("*/labels.toml")),
                     key=lambda name: (name != "tuning", name)))
BLOCKING = {"specificity", "ownership", "technical_depth", "pitfall", "depth_layers", "structure"}

# Known misses: (part, test, stem) -> why it misses, where test is "strong" (a strong
# story has a blocking finding), "flagged" (a weak twin is not flagged in its category) or "lower"
# (a weak twin does not score below its strong twin). Each is a strict xfail, so a fixed miss
# fails until it is removed here.
#
# The prof12 session fixed ten of the eleven misses it found here (six in tuning/, five in
# holdout/: rota-tied schedule blocks, expertise said as a level or practice, deliberate practice
# as a learning resource, a meeting that must say what it settled, a "faster" before/after that
# must measure time, names only in the background, a cause said only as "a mistake", and a rubric
# answer that must give a reason), each by a general rule with its own firing and near-miss example
# in data/rule_examples.toml. One tuning miss is left below with its reason.
# holdout/ was measured blind at 634f111 (strong clean 10/14, weak flagged 23/24, weak lower
# 19/19); it is tuning material since prof12 and has no misses left.
# holdout2/ was written blind by another helper in the same session and measured once: at fbf02d2,
# before prof12's changes, strong clean 18/18, weak flagged 27/27, weak lower 22/22; after them
# (the first merge with prof12, d59272b), 17/18, 27/27, 22/22. The one miss (a strong SQL rubric
# story given SB403) was left as measured, not fitted. A later code review, with examples from
# other fields, found its cause was general: a vague word anywhere in a cause ("worth something")
# threw away a specific one. With that fixed (and its own tests in test_meaning_checks.py) it
# reads 18/18 again; that number is no longer blind. A new blind part's misses go here too.
EXPECTED_MISSES: dict[tuple[str, str, str], str] = {
    ("tuning", "flagged", "languages-rubric-mqm-fluency-rubric-weak-technical-depth"):
        "SB403 now asks a rubric answer for a sentence of reason, and this twin keeps one: 'because "
        "the data depends on all evaluators applying the same rule' says why the rule applies. What "
        "it drops is why the rule misjudges this case (the idiom example, MQM's own definition), "
        "which no general check tells apart from the reason it keeps; its depth score is lower",
}


def _labels(part: str) -> dict:
    path = ROOT / part / "labels.toml"
    return tomllib.loads(path.read_text("utf-8")) if path.exists() else {}


_CACHE: dict[Path, object] = {}


def report(path: Path):
    if path not in _CACHE:
        sf = read_story_file(path)
        assert isinstance(sf, StoryFile), f"{path} does not load: {sf}"
        _CACHE[path] = analyze(sf.story, builtin_catalog(), Settings(), sf.id)
    return _CACHE[path]


def blocking(rep) -> list[str]:
    return [f"{f.code} {f.name}" for f in rep.findings
            if f.severity == "error" or (f.severity == "warning" and f.category in BLOCKING)]


def strong_ok(part: str, stem: str) -> bool:
    return not blocking(report(ROOT / part / "strong" / f"{stem}.toml"))


def weak_flagged(part: str, stem: str, label: dict) -> bool:
    rep = report(ROOT / part / "weak" / f"{stem}.toml")
    return label["category"] in {f.category for f in rep.findings if f.severity in {"error", "warning"}}


def weak_lower(part: str, stem: str, label: dict) -> bool | None:
    dim = label.get("dimension")
    if not dim:
        return None
    weak = report(ROOT / part / "weak" / f"{stem}.toml")
    strong = report(ROOT / part / "strong" / f"{label['twin']}.toml")
    return weak.scores[dim].value < strong.scores[dim].value


def _params(kind: str, test: str):
    """Cases for one test ("strong", "flagged" or "lower"); known misses are strict xfails."""
    out = []
    for part in PARTS:
        for stem, label in sorted(_labels(part).get(kind, {}).items()):
            key = (part, test, stem)
            miss = EXPECTED_MISSES.get(key)
            marks = [pytest.mark.xfail(reason=miss, strict=True)] if miss else []
            out.append(pytest.param(part, stem, label, id=f"{part}/{stem}", marks=marks))
    return out


pytestmark = pytest.mark.skipif(not (ROOT / "tuning" / "labels.toml").exists(),
                                reason="the profession corpus is not in this checkout")


def test_every_expected_miss_names_a_labelled_story():
    """A stale entry (a renamed story, a part that is gone) would hide nothing and say nothing."""
    kinds = {"strong": "strong", "flagged": "weak", "lower": "weak"}
    for part, test, stem in EXPECTED_MISSES:
        assert part in PARTS and test in kinds, (part, test, stem)
        assert stem in _labels(part).get(kinds[test], {}), (part, test, stem)


def test_corpus_is_big_enough():
    professions = {label["profession"] for part in PARTS
                   for kind in ("strong", "weak") for label in _labels(part).get(kind, {}).values()}
    assert len(professions) >= 9
    total = sum(len(_labels(p).get(k, {})) for p in PARTS for k in ("strong", "weak"))
    assert total >= 40


@pytest.mark.parametrize(("part", "stem", "label"), _params("strong", "strong"))
def test_strong_story_has_no_blocking_finding(part, stem, label):
    assert blocking(report(ROOT / part / "strong" / f"{stem}.toml")) == []


@pytest.mark.parametrize(("part", "stem", "label"), _params("weak", "flagged"))
def test_weak_twin_is_flagged_in_its_category(part, stem, label):
    rep = report(ROOT / part / "weak" / f"{stem}.toml")
    assert weak_flagged(part, stem, label), [(f.code, f.severity, f.category) for f in rep.findings]


@pytest.mark.parametrize(("part", "stem", "label"),
                         [p for p in _params("weak", "lower") if p.values[2].get("dimension")])
def test_weak_twin_scores_below_its_strong_twin(part, stem, label):
    dim = label["dimension"]
    weak = report(ROOT / part / "weak" / f"{stem}.toml").scores[dim]
    strong = report(ROOT / part / "strong" / f"{label['twin']}.toml").scores[dim]
    assert weak.value < strong.value, (weak, strong)


def table(part: str) -> list[str]:
    rows: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
    labels = _labels(part)
    for stem, label in labels.get("strong", {}).items():
        row = rows[label["profession"]]
        row[0] += strong_ok(part, stem)
        row[1] += 1
    for stem, label in labels.get("weak", {}).items():
        row = rows[label["profession"]]
        row[2] += weak_flagged(part, stem, label)
        row[3] += 1
        lower = weak_lower(part, stem, label)
        if lower is not None:
            row[4] += lower
            row[5] += 1
    lines = [f"{part}: profession    strong clean   weak flagged   weak scored lower"]
    total = [0] * 6
    for prof in sorted(rows):
        r = rows[prof]
        total = [a + b for a, b in zip(total, r, strict=True)]
        lines.append(f"  {prof:14} {r[0]:>5}/{r[1]:<5}   {r[2]:>5}/{r[3]:<5}   {r[4]:>5}/{r[5]:<5}")
    lines.append(f"  {'all':14} {total[0]:>5}/{total[1]:<5}   {total[2]:>5}/{total[3]:<5}   "
                 f"{total[4]:>5}/{total[5]:<5}")
    return lines


def test_print_the_per_profession_table(capsys):
    lines = [line for part in PARTS for line in table(part)]
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert lines
