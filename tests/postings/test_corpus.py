"""The posting matcher judged against the blind corpus, tests/corpus_postings (see its README):
six postings of six fields, each with a candidate's bank and hand-labelled requirement -> story
links, paraphrase links, traps where a story only mentions the term, credentials, boilerplate.

    .venv/bin/python tests/postings/test_corpus.py      # the table, per field and per half

What is measured, for the "shown" verdict (README "Job postings"):

- **precision**: of the (requirement, story) links the matcher shows, the share the labels give
  to that requirement. A shown link on a trap, a missing requirement or a boilerplate line is
  wrong.
- **recall**: of the labelled requirements a story shows (direct and paraphrase), the share the
  matcher shows with at least one labelled story (the README's rule). Credentials are counted
  apart: storybank lists them on a checklist of their own, never matched (README "Job postings"), so recall
  is given without them and, for the record, with them.
- how **possibly** and **traps** behave: labelled links that come out only as "possibly", and
  what each trap comes out as.

Round 1 tuned on half of the fields, chosen before the first measurement: TUNED = backend,
nursing, translation; the other half (quant, teaching, annotation) was left alone. Round 2
(issue 23, round 2) tuned on all six; its honest estimate is the lead's held-out corpora
(tests/corpus_postings_holdout*, not read while tuning). Both halves are still reported.

Measured (precision of shown links, recall of labelled requirements without credentials):

| | round 1 before tuning | round 1 after tuning | round 2 |
|---|---|---|---|
| round 1's tuned half | 41.7% (5/12), 18.2% (4/22) | 76.2% (16/21), 54.5% (12/22) | 100.0% (18/18), 72.7% (16/22) |
| round 1's held-out half | 46.7% (7/15), 25.0% (6/24) | 37.5% (6/16), 25.0% (6/24) | 95.2% (20/21), 83.3% (20/24) |
| all six | 44.4% (12/27), 21.7% (10/46) | 59.5% (22/37), 39.1% (18/46) | 97.4% (38/39), 78.3% (36/46) |

Round 2's steps, one after another, are in tests/corpus_postings/RESULTS.md. The precision goal
(>= 95%) is met on all six; the recall goal (>= 80%) is not quite (78.3%, 36 of 46; 37 would
do): what is left are paraphrases that share no word and no listed synonym with the posting.
Round 6's concept table (data/posting_concepts.toml: a requirement shown by what the candidate
did, in other words) brought all six to 97.5% (39/40), 80.4% (37/46); on sets nobody tuned on it
moved far less (tests/corpus_postings_holdout6/RESULTS.md).
The tests below keep the figures reached from falling back, and hold what is met: no trap is
shown.
"""

from __future__ import annotations

import difflib
import re
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus_postings"
TUNED = ("backend", "nursing", "translation")
HELD_OUT = ("quant", "teaching", "annotation")
FIELDS = tuple(f for f in TUNED + HELD_OUT if (CORPUS / f / "labels.toml").exists())


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


@dataclass
class Tally:
    shown_links: int = 0           # (requirement, story) pairs shown
    shown_right: int = 0           # ... that the labels give
    labelled: int = 0              # labelled requirements with links (not credentials)
    found: int = 0                 # ... shown with a labelled story
    labelled_cred: int = 0         # the same for credentials
    found_cred: int = 0
    possibly_right: int = 0        # labelled requirements that came out only "possibly", right story
    traps: Counter[str] = field(default_factory=Counter)   # trap -> verdict
    unextracted: int = 0           # labelled requirements the extraction did not find
    credentials: int = 0           # labelled credentials ...
    checklisted: int = 0           # ... that storybank put on its checklist
    boilerplate_leaks: int = 0     # boilerplate lines that came out as requirements
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("shown_links", "shown_right", "labelled", "found", "labelled_cred", "found_cred",
                     "possibly_right", "unextracted", "boilerplate_leaks", "credentials", "checklisted"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.traps.update(other.traps)
        self.wrong += other.wrong
        self.missed += other.missed

    @property
    def precision(self) -> float:
        return self.shown_right / self.shown_links if self.shown_links else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.labelled if self.labelled else 1.0

    @property
    def recall_with_credentials(self) -> float:
        total = self.labelled + self.labelled_cred
        return (self.found + self.found_cred) / total if total else 1.0


def _posting_file(folder: Path, labels: dict) -> Path:
    return folder / labels["posting"]


def _match(requirement_text: str, labelled: list[dict]) -> dict | None:
    """The labelled entry a requirement the matcher found stands for: the same words, or one
    holding the other, or the most alike (at least 0.8)."""
    want = _norm(requirement_text)
    best, score = None, 0.8
    for entry in labelled:
        have = _norm(entry["text"])
        if have == want:
            return entry
        if have and want and (have in want or want in have) and min(len(have), len(want)) > 20:
            return entry
        ratio = difflib.SequenceMatcher(None, have, want).ratio()
        if ratio > score:
            best, score = entry, ratio
    return best


def measure(name: str) -> Tally:
    from storybank.bank import Bank
    from storybank.postings.check import NoRequirements, check
    from storybank.postings.reading import read_source

    folder = CORPUS / name
    labels = tomllib.loads((folder / "labels.toml").read_text("utf-8"))
    bank = Bank.open(folder / "stories")
    assert not bank.errors, bank.errors
    text, source = read_source(str(_posting_file(folder, labels)))
    try:
        report = check(text, [(sf.id, sf.story) for sf in bank.stories], source=source, motivation=False)
        found, checklist = report.requirements, [c.text for c in report.credentials]
    except NoRequirements:
        found, checklist = (), []
    requirements = labels.get("requirement", [])
    boilerplate = labels.get("boilerplate", [])
    responsibilities = labels.get("responsibility", [])
    tally = Tally()
    matched_ids: set[int] = set()
    for r in found:
        entry = _match(r.text, requirements)
        shown = [e.story for e in r.evidence] if r.verdict == "shown" else []
        if entry is None:
            if _match(r.text, boilerplate) is not None:
                tally.boilerplate_leaks += 1
                tally.shown_links += len(shown)
                tally.wrong += [f"{name}: boilerplate {r.text[:60]!r} shown by {s}" for s in shown]
            continue  # a responsibility (not scored) or a line the labels do not list
        matched_ids.add(id(entry))
        right = {link["story"] for link in entry.get("links", [])}
        tally.shown_links += len(shown)
        tally.shown_right += sum(1 for s in shown if s in right)
        tally.wrong += [f"{name}: {entry['how']} {entry['text'][:60]!r} shown by {s}" for s in shown if s not in right]
        if entry["how"] == "trap":
            tally.traps[r.verdict] += 1
        if right:
            hit = bool(set(shown) & right)
            if entry.get("credential"):
                tally.labelled_cred += 1
                tally.found_cred += hit
            else:
                tally.labelled += 1
                tally.found += hit
                if not hit:
                    tally.missed.append(f"{name}: {entry['how']} {entry['text'][:60]!r} -> {r.verdict} "
                                        f"{[e.story for e in r.evidence]}")
            if not hit and r.verdict == "possibly" and {e.story for e in r.evidence} & right:
                tally.possibly_right += 1
    for entry in requirements:
        on_checklist = any(_match(c, [entry]) is not None for c in checklist)
        if entry.get("credential"):
            tally.credentials += 1
            tally.checklisted += on_checklist
        if id(entry) in matched_ids:
            continue
        if on_checklist:
            # On the checklist, not matched: a credential's link is not looked for (README "Job postings").
            if entry.get("links"):
                tally.labelled_cred += 1
            continue
        # Not extracted as a requirement (or listed as a credential): counts as not shown.
        tally.unextracted += 1
        if entry.get("links"):
            if entry.get("credential"):
                tally.labelled_cred += 1
            else:
                tally.labelled += 1
                tally.missed.append(f"{name}: {entry['how']} {entry['text'][:60]!r} -> not extracted")
        if entry["how"] == "trap":
            tally.traps["not extracted"] += 1
    del responsibilities
    return tally


def table(fields=FIELDS) -> str:
    rows = []
    halves = {"tuned": Tally(), "held out": Tally(), "all": Tally()}
    for name in fields:
        t = measure(name)
        rows.append((name, t))
        halves["tuned" if name in TUNED else "held out"].add(t)
        halves["all"].add(t)
    lines = [f"{'field':12} {'precision':>14} {'recall':>12} {'+credentials':>13} {'possibly':>9} "
             f"{'unextracted':>11} {'leaks':>6} {'checklist':>9}  traps"]

    def line(label: str, t: Tally) -> str:
        return (f"{label:12} {t.precision:6.1%} ({t.shown_right}/{t.shown_links}) "
                f"{t.recall:6.1%} ({t.found}/{t.labelled}) {t.recall_with_credentials:12.1%} "
                f"{t.possibly_right:9} {t.unextracted:11} {t.boilerplate_leaks:6} "
                f"{t.checklisted:>4}/{t.credentials:<4}  {dict(t.traps)}")

    lines += [line(name, t) for name, t in rows]
    lines += [line(label, t) for label, t in halves.items()]
    return "\n".join(lines)


pytestmark = [pytest.mark.skipif(not FIELDS, reason="tests/corpus_postings is not there"), pytest.mark.slow]


def _half(fields) -> Tally:
    total = Tally()
    for name in fields:
        total.add(measure(name))
    return total


@pytest.mark.parametrize("name", FIELDS)
def test_each_field_is_read_and_no_trap_is_shown(name):
    t = measure(name)
    assert t.labelled > 0
    assert t.traps.get("shown", 0) == 0, t.traps


def test_the_tuned_half_keeps_its_figures():
    t = _half(TUNED)
    assert t.precision >= 0.95 and t.recall >= 0.72, (t.precision, t.recall)


def test_the_held_out_half_keeps_its_figures():
    # Round 15b (postings/own_act.py) holds a sentence back only where another party is its
    # subject; the four right links whose sentences have pupils, a policy, data or an option as
    # subject are shown again, as before round 15: 20/21, 20/24. The quant's one wrong link (the
    # candidate's own act, in other words) stays.
    t = _half(HELD_OUT)
    assert t.precision >= 0.95 and t.recall >= 0.83, (t.precision, t.recall)


def test_all_six_meet_the_precision_goal_and_keep_their_recall():
    t = _half(FIELDS)
    # 97.6 % (40/41), 82.6 % (38/46) with round 15b, as before round 15.
    assert t.precision >= 0.97 and t.recall >= 0.82, (t.precision, t.recall)


def test_credentials_go_on_the_checklist():
    t = _half(FIELDS)
    assert t.checklisted >= t.credentials - 1, (t.checklisted, t.credentials)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[1]))
    print(table())
    if "-v" in sys.argv:
        fields = TUNED if "--tuned" in sys.argv else FIELDS
        for name in fields:
            t = measure(name)
            for line in t.wrong:
                print("WRONG ", line)
            for line in t.missed:
                print("MISSED", line)
