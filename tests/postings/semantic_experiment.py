"""Round 10 experiment (issue 23): does a static semantic model (wordllama 0.4.0, 256-dim
l2_supercat, weights inside the wheel) find requirements said in other words? Scratch harness,
not a test and not shipped; it reads only the SPENT sets of measure_spent.py.

    PYTHONPATH=src .venv/bin/python tests/postings/semantic_experiment.py

For every labelled requirement (not a credential) the candidate's own-act sentences of the bank
(a clause where "I"/"we" acts, no one else is named and nothing is negated, as agency.py reads
it) are scored by cosine similarity to the requirement's text. It prints

- the AUC of labelled link sentences against every other own-act sentence of the same bank,
  per requirement pooled;
- leave one set out: the threshold giving 95 % (98 %) precision on nine sets, read on the tenth,
  for the model alone (a story is shown when its best sentence reaches the threshold) and joined
  to the matcher's "shown" in three ways (any requirement; only a story the matcher already offers
  as "possibly"; only a sentence that shares one content word with the requirement);
- the time to load the model and to embed 1,000 stories' sentences.
"""

from __future__ import annotations

import re
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measure_spent import SPENT  # noqa: E402


@dataclass
class Item:
    """One labelled requirement of one bank, with what the matcher said and what the model scores."""

    set_name: str
    text: str
    right: set[str]                     # stories the labels link (empty: missing or trap)
    link_sentences: set[str]
    shown: set[str]                     # the matcher's "shown" stories
    possibly: set[str]
    best: dict[str, float] = field(default_factory=dict)          # story -> best own-act similarity
    best_shared: dict[str, float] = field(default_factory=dict)   # ... among sentences sharing a content word


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _own_act_sentences(story) -> list[str]:
    from storybank.postings.agency import clauses
    from storybank.postings.match.index import _story_text
    from storybank.postings.sieve import _SPLIT

    fields, _text = _story_text(story)
    out = []
    for name, text in fields:
        if name == "technologies":
            continue
        parts = _SPLIT.split(text.replace("\n", " "))
        for sentence in parts[::2]:
            sentence = sentence.strip()
            if len(sentence.split()) < 4:
                continue
            if any(c.me and not c.other and not c.negated for c in clauses(sentence, name)):
                out.append(sentence)
    return out


def _content_keys(text: str) -> set[str]:
    from storybank.postings.terms import TOKEN, _stop, key
    stop = _stop()
    return {key(w) for w in TOKEN.findall(text.lower()) if w not in stop and len(w) > 2} - {""}


def collect(model) -> tuple[list[Item], list[tuple[float, bool]]]:
    import test_corpus as corpus

    from storybank.bank import Bank
    from storybank.postings.check import NoRequirements, check
    from storybank.postings.reading import read_source

    items: list[Item] = []
    pairs: list[tuple[float, bool]] = []      # (similarity, is a labelled link sentence)
    for set_name in SPENT:
        folder = HERE.parent / set_name
        for labels_file in sorted(folder.glob("*/labels.toml")):
            bank_dir = labels_file.parent
            labels = tomllib.loads(labels_file.read_text("utf-8"))
            bank = Bank.open(bank_dir / "stories")
            stories = [(sf.id, sf.story) for sf in bank.stories]
            text, source = read_source(str(bank_dir / labels["posting"]))
            try:
                found = check(text, stories, source=source, motivation=False).requirements
            except NoRequirements:
                found = ()
            verdicts: dict[int, tuple[set[str], set[str]]] = {}
            requirements = [r for r in labels.get("requirement", []) if not r.get("credential")]
            for r in found:
                entry = corpus._match(r.text, requirements)
                if entry is None:
                    continue
                got = {e.story for e in r.evidence}
                verdicts[id(entry)] = (got if r.verdict == "shown" else set(), got if r.verdict == "possibly" else set())
            sentences = [(sid, s) for sid, story in stories for s in _own_act_sentences(story)]
            vectors = model.embed([s for _sid, s in sentences], norm=True)
            keys = [_content_keys(s) for _sid, s in sentences]
            for entry in requirements:
                if id(entry) not in verdicts and entry.get("links"):
                    shown, possibly = set(), set()          # not extracted: the matcher cannot show it
                elif id(entry) not in verdicts:
                    continue
                else:
                    shown, possibly = verdicts[id(entry)]
                links = entry.get("links", [])
                item = Item(set_name, entry["text"], {lk["story"] for lk in links},
                            {_norm(lk["sentence"]) for lk in links}, shown, possibly)
                q = model.embed([entry["text"]], norm=True)[0]
                sims = vectors @ q
                want = _content_keys(entry["text"])
                for (sid, s), sim, ks in zip(sentences, sims, keys, strict=True):
                    item.best[sid] = max(item.best.get(sid, -1.0), float(sim))
                    if want & ks:
                        item.best_shared[sid] = max(item.best_shared.get(sid, -1.0), float(sim))
                    if item.right:
                        n = _norm(s)
                        is_link = sid in item.right and any(ls in n or (n in ls and len(n) > 20) for ls in item.link_sentences)
                        pairs.append((float(sim), is_link))
                items.append(item)
    return items, pairs


def auc(pairs: list[tuple[float, bool]]) -> float:
    pos = np.array([s for s, y in pairs if y])
    neg = np.array([s for s, y in pairs if not y])
    ranks = np.concatenate([pos, neg]).argsort().argsort() + 1
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def outcome(items: list[Item], mode: str, t: float) -> tuple[int, int, int, int]:
    """(right shown, shown, found, labelled) with the model joined to the matcher by `mode`."""
    right = shown = found = labelled = 0
    for it in items:
        if mode == "matcher":
            extra: set[str] = set()
        elif mode == "alone":
            extra = {s for s, v in it.best.items() if v >= t}
        elif mode == "any":
            extra = set() if it.shown else {s for s, v in it.best.items() if v >= t}
        elif mode == "possibly":
            extra = {s for s in it.possibly if it.best.get(s, -1) >= t}
        else:   # "shared": a sentence with one content word of the requirement
            extra = set() if it.shown else {s for s, v in it.best_shared.items() if v >= t}
        got = extra if mode == "alone" else it.shown | extra
        right += len(got & it.right)
        shown += len(got)
        if it.right:
            labelled += 1
            found += bool(got & it.right)
    return right, shown, found, labelled


def choose(items: list[Item], mode: str, goal: float) -> float:
    """The lowest threshold whose precision on `items` reaches `goal`."""
    for t in np.arange(0.10, 0.95, 0.01):
        r, s, _f, _l = outcome(items, mode, float(t))
        if s and r / s >= goal:
            return float(t)
    return 1.0


def leave_one_out(items: list[Item], mode: str, goal: float) -> list[str]:
    lines = []
    for held in SPENT:
        train = [i for i in items if i.set_name != held]
        test = [i for i in items if i.set_name == held]
        t = choose(train, mode, goal)
        r, s, f, n = outcome(test, mode, t)
        r0, s0, f0, _n = outcome(test, "matcher", t)
        lines.append(f"  {held:26} t={t:.2f} precision {r / s if s else 1:6.1%} ({r}/{s}) recall {f / n:6.1%} ({f}/{n})"
                     f"  matcher alone {f0}/{n}: {100 * (f - f0) / n:+5.1f} pts")
    return lines


def timing(model) -> list[str]:
    from storybank.bank import Bank
    stories = []
    for set_name in SPENT:
        for labels_file in sorted((HERE.parent / set_name).glob("*/labels.toml")):
            stories += [sf.story for sf in Bank.open(labels_file.parent / "stories").stories]
    many = (stories * (1000 // len(stories) + 1))[:1000]
    start = time.perf_counter()
    sentences = [s for story in many for s in _own_act_sentences(story)]
    split = time.perf_counter() - start
    start = time.perf_counter()
    model.embed(sentences, norm=True)
    embed = time.perf_counter() - start
    return [f"1,000 stories: {len(sentences)} own-act sentences; splitting and agency {split:.2f} s, embedding {embed:.2f} s"]


def main() -> None:
    start = time.perf_counter()
    import wordllama
    from wordllama import WordLlama
    model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    print(f"import and load {time.perf_counter() - start:.2f} s")
    items, pairs = collect(model)
    print(f"requirements {len(items)} (with links {sum(1 for i in items if i.right)}); "
          f"AUC of link sentences against the other own-act sentences {auc(pairs):.3f} "
          f"({sum(y for _s, y in pairs)} link sentences found of {len(pairs)})")
    r, s, f, n = outcome(items, "matcher", 1.0)
    print(f"matcher alone: precision {r / s:.1%} ({r}/{s}) recall {f / n:.1%} ({f}/{n})")
    for mode in ("alone", "any", "possibly", "shared"):
        for goal in (0.95, 0.98):
            t = choose(items, mode, goal)
            r, s, f, n = outcome(items, mode, t)
            print(f"{mode} goal {goal:.0%}: all ten t={t:.2f} precision {r / s:.1%} recall {f / n:.1%}; leave one set out:")
            print("\n".join(leave_one_out(items, mode, goal)))
    missed = [i for i in items if i.right and not (i.shown & i.right)]
    top = sum(1 for i in missed if max(i.best, key=i.best.get) in i.right) if missed else 0
    print(f"requirements the matcher misses: {len(missed)}; the model's top story is a right one for {top} "
          f"(as a 'possibly' offer; chance about one in {sum(len(i.best) for i in missed) / max(len(missed), 1):.1f})")
    print("\n".join(timing(model)))


if __name__ == "__main__":
    main()
